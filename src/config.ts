// The server's configuration: zod schema + loadConfig(environment), the only reader of process.env.
import { z } from 'zod';
import { AppError } from './errors/app-error.js';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));
const list = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean));
const integer = (fallback: number, minimum: number, maximum: number) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? String(fallback) : value.trim()))
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number))
    .pipe(z.number().int().min(minimum).max(maximum));

export const configSchema = z.object({
  PORT: integer(8787, 0, 65535),
  HOST: optionalText,
  INDEX_DIR: optionalText.transform((value) => value ?? 'data/index'),
  CORPUS_DIR: optionalText.transform((value) => value ?? 'corpus'),
  API_KEYS: list,
  ADMIN_TOKEN: optionalText,
  CORS_ORIGINS: list,
  RATE_LIMIT_PER_MIN: integer(120, 1, 1_000_000),
  SESSION_DB: optionalText.transform((value) => value ?? 'data/sessions.sqlite'),
  SESSION_TTL_HOURS: integer(24, 1, 24 * 365),
  REQUEST_TIMEOUT_MS: integer(15_000, 100, 600_000),
  ANSWER_CACHE_SIZE: integer(1000, 0, 1_000_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_QUESTIONS: z.enum(['0', '1']).default('0').transform((value) => value === '1'),
  EMBEDDINGS_BASE_URL: optionalText.pipe(z.string().url().optional()),
  EMBEDDINGS_API_KEY: optionalText,
  EMBEDDINGS_MODEL: optionalText,
});
export type Config = z.infer<typeof configSchema>;

export class InvalidConfigError extends AppError {
  constructor(problems: string[]) {
    super({ code: 'invalid_config', message: `Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`, details: problems });
  }
}

/** Validates the environment once; every problem is listed in one error. */
export function loadConfig(environment: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(environment);
  if (!parsed.success) throw new InvalidConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  return parsed.data;
}

/** Where the server listens: with no API keys it stays on loopback, whatever HOST says. */
export function bindAddress(config: Config): { host: string; open: boolean } {
  if (config.API_KEYS.length === 0) return { host: '127.0.0.1', open: true };
  return { host: config.HOST ?? '0.0.0.0', open: false };
}
