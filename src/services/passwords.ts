/**
 * @module Password hashing with argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane).
 * Hashing runs on libuv's thread pool, so the event loop keeps serving other requests.
 */
import { hash, verify } from '@node-rs/argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Spends the same time as a real verification, for unknown accounts (no timing oracle). */
  verifyNothing(password: string): Promise<void>;
}

// 2 is Algorithm.Argon2id, a const enum that verbatimModuleSyntax can not import.
const OWASP = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function createPasswordHasher(): PasswordHasher {
  let dummy: Promise<string> | undefined;
  return {
    hash: (password) => hash(password, OWASP),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
    verifyNothing: async (password) => {
      dummy ??= hash('not a real password, only spends time', OWASP);
      await verify(await dummy, password).catch(() => false);
    },
  };
}
