// The one table from error codes to HTTP status, and the JSON error body.
import type { AppErrorCode } from '../errors/app-error.js';

export const statusByCode: Record<AppErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
  index_not_found: 503,
  index_mismatch: 503,
  index_corrupt: 503,
  empty_corpus: 500,
  invalid_rules: 500,
  ingest_failed: 500,
  strict_mode: 500,
  ingest_locked: 409,
  ingest_aborted: 503,
  timeout: 504,
  invalid_config: 500,
  conflict: 409,
  publish_failed: 422,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
