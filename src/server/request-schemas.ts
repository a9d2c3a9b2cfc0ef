// zod schemas of the API's requests: they validate and they generate /openapi.json.
import { z } from 'zod';

export const maxMessageLength = 1000;

export const chatRequestSchema = z
  .object({
    message: z.string().trim().min(1, 'message must not be empty').max(maxMessageLength, `message must be at most ${maxMessageLength} characters`),
    sessionId: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'sessionId must be 8–128 characters of A–Z, a–z, 0–9, _ or -').optional(),
  })
  .strict();

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(maxMessageLength),
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
  })
  .passthrough();
export type OpenAIChatRequest = z.infer<typeof openAIChatRequestSchema>;
