// Reads and validates a JSON request body; every failure is a 400 with a clear message.
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

export async function readJsonBody<T>(context: Context, schema: z.ZodType<T>): Promise<T> {
  const contentType = context.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw new AppError({ code: 'invalid_request', message: 'Send the body as JSON with Content-Type: application/json.' });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await context.req.text());
  } catch {
    throw new AppError({ code: 'invalid_request', message: 'The body is not valid JSON.' });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    throw new AppError({ code: 'invalid_request', message: `Invalid request: ${problems.join('; ')}`, details: problems });
  }
  return parsed.data;
}
