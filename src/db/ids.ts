/**
 * @module Opaque identifiers: UUIDv7 (RFC 9562), so ids sort by creation time and keyset pages
 * over them are stable. A counter keeps ids from one process increasing within a millisecond.
 */
import { randomFillSync } from 'node:crypto';

// Random bytes are drawn from the system's generator 4 KiB at a time and each byte is handed out
// once, as crypto.randomUUID does with its entropy cache: one call per 256 ids instead of one per id,
// which a bulk import of 100,000 invitations (three ids and a token each) notices.
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let poolOffset = POOL_SIZE;

/** `size` (at most 4,096) cryptographically random bytes, a copy of its own. */
export function randomBytesPooled(size: number): Buffer {
  if (size > POOL_SIZE) throw new RangeError(`at most ${POOL_SIZE} random bytes at once`);
  if (poolOffset + size > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + size));
  poolOffset += size;
  return bytes;
}

/** A secret for a link or a key: 256 random bits, URL-safe. Store only its hash. */
export const randomToken = (): string => randomBytesPooled(32).toString('base64url');

let lastMs = 0;
let counter = 0;

export function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    counter++;
    if (counter > 0xfff) {
      ms = ++lastMs;
      counter = 0;
    }
  } else {
    counter = 0;
  }
  lastMs = ms;
  const bytes = randomBytesPooled(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const now = (): string => new Date().toISOString();
