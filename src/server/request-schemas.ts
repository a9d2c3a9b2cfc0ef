// zod schemas of the API's requests: they validate and they generate /openapi.json.
import { z } from 'zod';

export const maxMessageLength = 1000;

/** Characters that show nothing: white space, format characters (zero-width, direction marks, BOM) and fillers. */
const invisible = /^[\s\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]*$/u;

/** Whether `text` has at least one character a person can see. */
export function hasVisibleText(text: string): boolean {
  return !invisible.test(text);
}

const message = z
  .string()
  .trim()
  .min(1, 'message must not be empty')
  .max(maxMessageLength, `message must be at most ${maxMessageLength} characters`)
  .refine(hasVisibleText, 'message must contain visible text, not only zero-width or direction characters');

export const chatRequestSchema = z
  .object({
    message,
    sessionId: z
      .string()
      .max(256, 'sessionId must be at most 256 characters')
      .nullable()
      .optional()
      .describe('A session id the server issued to this caller continues that conversation; any other id starts a new session with a new id.'),
    session: z.boolean().optional().describe('true starts a session (the response carries its id); without it and without sessionId the question is one-off and nothing is stored.'),
  })
  .strict();
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(maxMessageLength).refine(hasVisibleText, 'q must contain visible text'),
  k: z.coerce.number().int().min(1).max(50).default(5),
});

const contentPart = z.object({ type: z.string(), text: z.string().optional() }).passthrough();

export const openAIChatRequestSchema = z
  .object({
    model: z.string().optional(),
    messages: z
      .array(
        z
          .object({
            role: z.enum(['system', 'user', 'assistant', 'tool', 'developer']),
            content: z.union([z.string(), z.array(contentPart), z.null()]),
          })
          .passthrough(),
      )
      .min(1, 'messages must not be empty'),
    stream: z.boolean().optional(),
    user: z.string().optional(),
    n: z.number().int().min(1).max(1, 'only n = 1 is supported: the service gives one answer per request').nullable().optional(),
    tools: z.array(z.unknown()).max(0, 'tools are not supported: answers come from the knowledge base only').nullable().optional(),
    functions: z.array(z.unknown()).max(0, 'functions are not supported: answers come from the knowledge base only').nullable().optional(),
    response_format: z
      .object({ type: z.literal('text', { error: 'only {"type":"text"} is supported: answers are text with citations' }) })
      .passthrough()
      .nullable()
      .optional(),
  })
  .passthrough();
export type OpenAIChatRequest = z.infer<typeof openAIChatRequestSchema>;
