// Reads a document upload: a JSON body `{ path?, content, metadata? }` or a multipart form with a `file`.
import type { Context } from 'hono';
import { z } from 'zod';
import { documentMetadataSchema, type DocumentMetadata } from '../corpus/parse-front-matter.js';
import { maxFileBytes } from '../corpus/read-corpus.js';
import { AppError } from '../errors/app-error.js';
import { readBodyBytes, readJsonBody } from './read-json-body.js';

/** Room for the JSON or multipart wrapping around a file at the ingest's per-file limit. */
export const uploadBodyLimit = maxFileBytes + 256 * 1024;

export const uploadMetadataSchema = documentMetadataSchema.strict();
export const createDocumentSchema = z.object({ path: z.string(), content: z.string(), metadata: uploadMetadataSchema.optional() }).strict();
export const replaceDocumentSchema = z.object({ content: z.string(), metadata: uploadMetadataSchema.optional() }).strict();
/** Fields to set; null clears an override. */
const shape = documentMetadataSchema.shape;
export const patchDocumentSchema = z
  .object({
    enabled: z.boolean().optional(),
    title: shape.title.unwrap().nullable().optional(),
    date: shape.date.unwrap().nullable().optional(),
    publisher: shape.publisher.unwrap().nullable().optional(),
    url: shape.url.unwrap().nullable().optional(),
    authority: shape.authority.unwrap().nullable().optional(),
    supersedes: shape.supersedes.unwrap().nullable().optional(),
    effectiveDate: shape.effectiveDate.unwrap().nullable().optional(),
  })
  .strict();

export interface Upload {
  path: string;
  content: Buffer;
  metadata?: DocumentMetadata;
}

export function invalid(message: string): AppError {
  return new AppError({ code: 'invalid_request', message });
}

/** A JSON body `{ path?, content, metadata? }` or a multipart form with a `file` (and optional `path`, `metadata` JSON). */
export async function readUpload(context: Context, pathFromUrl: string | null): Promise<Upload> {
  const contentType = context.req.header('content-type') ?? '';
  try {
    if (/^multipart\/form-data\b/i.test(contentType)) {
      const bytes = await readBodyBytes(context, uploadBodyLimit);
      const form = await new Request('http://upload/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(bytes) }).formData().catch(() => {
        throw invalid('The multipart body cannot be read.');
      });
      const file = form.get('file');
      if (!(file instanceof File)) throw invalid('Send the document as a multipart field named "file".');
      const path = pathFromUrl ?? String(form.get('path') ?? file.name);
      let metadata: DocumentMetadata | undefined;
      const rawMetadata = form.get('metadata');
      if (typeof rawMetadata === 'string' && rawMetadata.trim() !== '') {
        let parsedJson: unknown;
        try {
          parsedJson = JSON.parse(rawMetadata);
        } catch {
          throw invalid('The metadata field is not valid JSON.');
        }
        const parsed = uploadMetadataSchema.safeParse(parsedJson);
        if (!parsed.success) throw invalid(`Invalid metadata: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
        metadata = parsed.data;
      }
      return { path, content: Buffer.from(await file.arrayBuffer()), metadata };
    }
    if (pathFromUrl === null) {
      const body = await readJsonBody(context, createDocumentSchema, uploadBodyLimit);
      return { path: body.path, content: Buffer.from(body.content, 'utf8'), metadata: body.metadata };
    }
    const body = await readJsonBody(context, replaceDocumentSchema, uploadBodyLimit);
    return { path: pathFromUrl, content: Buffer.from(body.content, 'utf8'), metadata: body.metadata };
  } catch (error) {
    if (error instanceof AppError && error.code === 'payload_too_large') throw new AppError({ code: 'payload_too_large', message: `The upload is too large: a corpus file may have at most ${maxFileBytes} bytes (5 MB).` });
    throw error;
  }
}

