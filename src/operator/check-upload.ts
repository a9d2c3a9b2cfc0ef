// Checks an uploaded article the way ingest will read it, so a bad upload is refused before anything changes.
import { extractDocuments } from '../corpus/extract-documents.js';
import { corpusPathSchema } from '../corpus/parse-front-matter.js';
import { maxFileBytes } from '../corpus/read-corpus.js';
import { AppError } from '../errors/app-error.js';
import type { CompiledCleaning } from '../rules/compile-rules.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A valid corpus-relative article path, or a 400 naming the problem. */
export function checkCorpusPath(path: string): string {
  const parsed = corpusPathSchema.safeParse(path);
  if (!parsed.success) throw new AppError({ code: 'invalid_request', message: `Invalid path ${JSON.stringify(path)}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}.` });
  return parsed.data;
}

/** The upload as text, or a 4xx naming why ingest would skip it (too large, binary, not UTF-8, empty, broken front matter, nothing left). */
export function checkUpload({ path, content, cleaning }: { path: string; content: Buffer; cleaning: CompiledCleaning }): string {
  if (content.length > maxFileBytes) throw new AppError({ code: 'payload_too_large', message: `${path} is ${content.length} bytes; the limit for a corpus file is ${maxFileBytes} bytes (5 MB).` });
  if (content.includes(0)) throw new AppError({ code: 'invalid_request', message: `${path} is a binary file (it contains NUL bytes); upload .md, .txt or .html text.` });
  let text: string;
  try {
    text = utf8.decode(content);
  } catch {
    throw new AppError({ code: 'invalid_request', message: `${path} is not valid UTF-8 text; save it as UTF-8 and upload it again.` });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new AppError({ code: 'invalid_request', message: `${path} is empty.` });
  const extracted = extractDocuments({ file: { path, text, hash: '', bytes: content.length }, cleaning });
  if (!extracted.success) throw new AppError({ code: 'invalid_request', message: `${path} cannot be indexed: ${extracted.reason}.` });
  return text;
}
