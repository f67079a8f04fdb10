/**
 * @module The connection to the optional Redis (REDIS_URL): shared rate-limit and sign-in failure
 * counters. Connecting fails at start when Redis can not be reached, rather than on the first
 * sign-in; afterwards ioredis reconnects by itself, and a command that can not be sent fails the
 * request (counters are never skipped silently).
 */
import { Redis } from 'ioredis';

/** `onError` hears connection problems (ioredis keeps reconnecting meanwhile). */
export async function connectRedis(url: string, onError: (error: Error) => void = () => {}): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5000 });
  redis.on('error', onError);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(`Redis at REDIS_URL can not be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  return redis;
}
