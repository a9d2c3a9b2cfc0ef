// The server's configuration: zod schema + loadConfig(environment), the only reader of process.env.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { LlmSettings } from './answer/llm/llm-answerer.js';
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
  /** Named admin tokens, `name=token,…`: the audit says who did what. */
  ADMIN_TOKENS: list.pipe(z.array(z.string().regex(/^[A-Za-z0-9_.@-]{1,64}=\S{8,}$/, 'each entry must be name=token (token of 8+ characters)'))),
  /** PostgreSQL for operator data (replicas share it); without it, SQLite at OPERATOR_DB. */
  DATABASE_URL: optionalText.pipe(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional()),
  OPERATOR_DB: optionalText.transform((value) => value ?? 'data/operator.sqlite'),
  /** Conversation logs are personal data: off unless 1. */
  LOG_CONVERSATIONS: z.enum(['0', '1']).default('0').transform((value) => value === '1'),
  LOG_RETENTION_DAYS: integer(30, 1, 3650),
  STANDARD_ANSWER_SIMILARITY: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? '0.9' : value.trim()))
    .pipe(z.string().regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a number from 0 to 1').transform(Number)),
  CORS_ORIGINS: list,
  RATE_LIMIT_PER_MIN: integer(120, 1, 1_000_000),
  SESSION_DB: optionalText.transform((value) => value ?? 'data/sessions.sqlite'),
  SESSION_TTL_HOURS: integer(24, 1, 24 * 365),
  REQUEST_TIMEOUT_MS: integer(15_000, 100, 600_000),
  ANSWER_CACHE_SIZE: integer(1000, 0, 1_000_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_QUESTIONS: z.enum(['0', '1']).default('0').transform((value) => value === '1'),
  LLM_BASE_URL: optionalText.pipe(z.string().url().optional()),
  LLM_API_KEY: optionalText,
  LLM_MODEL: optionalText,
  LLM_TIMEOUT_MS: integer(8000, 100, 600_000),
  LLM_TEMPERATURE: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? '0' : value.trim()))
    .pipe(z.string().regex(/^\d+(\.\d+)?$/, 'must be a number').transform(Number))
    .pipe(z.number().min(0).max(2)),
  LLM_MAX_RETRIES: integer(1, 0, 5),
  LLM_BREAKER_FAILURES: integer(3, 1, 100),
  LLM_BREAKER_COOLDOWN_MS: integer(30_000, 0, 3_600_000),
  EMBEDDINGS_BASE_URL: optionalText.pipe(z.string().url().optional()),
  EMBEDDINGS_API_KEY: optionalText,
  EMBEDDINGS_MODEL: optionalText,
  /** Worker processes (node:cluster); 1 runs the server in this process. */
  WORKERS: integer(availableParallelism(), 1, 256),
  /** Sessions and rate limits in Redis, shared by every replica; without it, SQLite and this server's memory. */
  REDIS_URL: optionalText.pipe(z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional()),
  /** Bearer token for /metrics, /docs and /openapi.json; without it they need an API key when API_KEYS is set. */
  OPS_TOKEN: optionalText,
  /** Failed authentications allowed per client address a minute before 429. */
  AUTH_FAILURES_PER_MIN: integer(10, 1, 1_000_000),
  /** How long SIGTERM waits for requests in flight before closing the remaining connections. */
  DRAIN_TIMEOUT_MS: integer(10_000, 0, 600_000),
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

/** The model settings, or null when no LLM endpoint is configured (the extractive default). */
export function llmSettings(config: Config): LlmSettings | null {
  if (!config.LLM_BASE_URL) return null;
  return {
    baseUrl: config.LLM_BASE_URL,
    apiKey: config.LLM_API_KEY,
    model: config.LLM_MODEL ?? 'gpt-4o-mini',
    timeoutMilliseconds: config.LLM_TIMEOUT_MS,
    temperature: config.LLM_TEMPERATURE,
    maxRetries: config.LLM_MAX_RETRIES,
    breakerFailures: config.LLM_BREAKER_FAILURES,
    breakerCooldownMilliseconds: config.LLM_BREAKER_COOLDOWN_MS,
  };
}

/** Admin tokens by name: ADMIN_TOKEN is named `admin`, ADMIN_TOKENS entries are `name=token`. */
export function adminTokens(config: Pick<Config, 'ADMIN_TOKEN' | 'ADMIN_TOKENS'>): Record<string, string> {
  const tokens: Record<string, string> = config.ADMIN_TOKEN ? { admin: config.ADMIN_TOKEN } : {};
  for (const entry of config.ADMIN_TOKENS) {
    const separator = entry.indexOf('=');
    tokens[entry.slice(0, separator)] = entry.slice(separator + 1);
  }
  return tokens;
}

/** Where the server listens: with no API keys it stays on loopback, whatever HOST says. */
export function bindAddress(config: Config): { host: string; open: boolean } {
  if (config.API_KEYS.length === 0) return { host: '127.0.0.1', open: true };
  return { host: config.HOST ?? '0.0.0.0', open: false };
}
