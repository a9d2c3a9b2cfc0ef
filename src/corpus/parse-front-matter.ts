// Optional YAML front matter of an article, validated with zod.
import matter from 'gray-matter';
import { z } from 'zod';
import { authorities } from './corpus-types.js';

/** YAML reads an unquoted 2025-06-01 as a Date; either way the value must be YYYY-MM-DD. */
export const isoDateSchema = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'));

/** A corpus-relative article path: no absolute path, no `..`, no hidden part, an article extension. */
export const corpusPathSchema = z
  .string()
  .max(300)
  .refine((path) => !path.startsWith('/') && !path.includes('\\') && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.startsWith('.')), 'must be a relative path inside the corpus (no .., no hidden or empty parts)')
  .refine((path) => /\.(md|txt|html|htm)$/i.test(path), 'must end in .md, .txt or .html')
  .refine((path) => !/^rules\//.test(path), 'rules/ holds rule files, not articles');

/** The metadata an article may state about itself; the corpus metadata file can set the same fields. */
export const documentMetadataSchema = z.object({
  title: z.string().min(1).optional(),
  date: isoDateSchema.optional(),
  publisher: z.string().min(1).optional(),
  url: z.string().url().optional(),
  authority: z.enum(authorities).optional(),
  supersedes: z.union([corpusPathSchema, z.array(corpusPathSchema)]).transform((value) => (typeof value === 'string' ? [value] : value)).optional(),
  effectiveDate: isoDateSchema.optional(),
  enabled: z.boolean().optional(),
});
export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;

const frontMatterSchema = documentMetadataSchema.strict();
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type FrontMatterResult =
  | { success: true; frontMatter: FrontMatter; body: string }
  | { success: false; error: string };

/** Splits off and validates the front matter; a file without one yields an empty front matter. */
export function parseFrontMatter(text: string): FrontMatterResult {
  if (!/^---\r?\n/.test(text)) return { success: true, frontMatter: {}, body: text };
  let parsed: matter.GrayMatterFile<string>;
  try {
    // gray-matter caches by content; pass a copy of the options to keep results independent.
    parsed = matter(text, {});
  } catch (error) {
    return { success: false, error: `broken front matter: ${(error as Error).message.split('\n')[0]}` };
  }
  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    return { success: false, error: `invalid front matter: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}` };
  }
  return { success: true, frontMatter: result.data, body: parsed.content };
}
