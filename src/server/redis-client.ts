// The only importer of ioredis: one connection per process, checked at start so a wrong REDIS_URL fails fast.
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AppError } from '../errors/app-error.js';

export type RedisClient = Redis;

/** Connects to `url` and waits until Redis answers PING; throws a named error after `timeoutMilliseconds`. */
export async function connectRedis({ url, logger, timeoutMilliseconds = 10_000 }: { url: string; logger: Logger; timeoutMilliseconds?: number }): Promise<RedisClient> {
  const client = new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: timeoutMilliseconds, lazyConnect: true });
  let lastError = '';
  client.on('error', (error: Error) => {
    if (error.message !== lastError) logger.error({ error: error.message }, 'redis connection error');
    lastError = error.message;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new AppError({ code: 'invalid_config', message: `Redis at REDIS_URL is not reachable (${(error as Error).message}). Start Redis or fix REDIS_URL.` });
  }
  return client;
}
