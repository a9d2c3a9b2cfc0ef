// Reads and validates a JSON request body; every failure is a 400 (413 when too large) with a clear message.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

export const maxBodyBytes = 16 * 1024;

function tooLarge(limit: number): AppError {
  return new AppError({ code: 'payload_too_large', message: `The body is larger than ${limit} bytes.` });
}

/**
 * The body, at most `limit` bytes. On Node it is read straight from the socket stream, which spares
 * building a web Request for every call; elsewhere (app.request in tests) through the Request.
 */
export async function readBodyBytes(context: Context, limit: number): Promise<Buffer> {
  if (Number(context.req.header('content-length') ?? 0) > limit) throw tooLarge(limit);
  const incoming = (context.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) {
    const bytes = Buffer.from(await context.req.arrayBuffer());
    if (bytes.length > limit) throw tooLarge(limit);
    return bytes;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Rejects a declared Content-Length over the limit before anything is read. */
export function declaredBodyTooLarge(context: Context): boolean {
  return Number(context.req.header('content-length') ?? 0) > maxBodyBytes;
}

export async function readJsonBody<T>(context: Context, schema: z.ZodType<T>, limit = maxBodyBytes): Promise<T> {
  const contentType = context.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw new AppError({ code: 'invalid_request', message: 'Send the body as JSON with Content-Type: application/json.' });
  }
  let raw: unknown;
  try {
    raw = JSON.parse((await readBodyBytes(context, limit)).toString('utf8'));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError({ code: 'invalid_request', message: 'The body is not valid JSON.' });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    throw new AppError({ code: 'invalid_request', message: `Invalid request: ${problems.join('; ')}`, details: problems });
  }
  return parsed.data;
}
