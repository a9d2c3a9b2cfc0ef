// zod schemas of the operator-editable rule files under corpus/rules/.
import { z } from 'zod';

const termGroups = z.array(z.array(z.string().min(1)).min(1));

const valueRule = z.object({
  pattern: z.string().min(1),
  value: z.union([z.boolean(), z.string()]).optional(),
});

export const topicSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
  label: z.string().min(1),
  kind: z.enum(['polarity', 'quantity', 'enum', 'list', 'count']),
  stability: z.enum(['regulation', 'figure']).default('regulation'),
  unit: z.string().optional(),
  terms: termGroups.default([]),
  context: termGroups.default([]),
  exclude: z.array(z.string()).default([]),
  excludeContext: z.array(z.string()).default([]),
  values: z.array(valueRule).default([]),
  implicit: z.array(valueRule).default([]),
  items: z.array(z.string()).default([]),
  ask: z
    .object({
      terms: termGroups,
      exclude: z.array(z.string()).default([]),
      /** Regular expressions: a question matching one is not about the topic (e.g. the reverse direction). */
      notPatterns: z.array(z.string()).default([]),
    })
    .optional(),
  /** Whether a yes/no question on the topic is answered with a yes/no word first (polarity topics). */
  yesNo: z.boolean().default(true),
  conclusion: z.union([z.string(), z.object({ true: z.string(), false: z.string() })]).optional(),
});
export type Topic = z.infer<typeof topicSchema>;

export const topicsFileSchema = z.object({ topics: z.array(topicSchema) });

export const synonymsFileSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });

export const variantsFileSchema = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));

export const scopeFileSchema = z.object({
  dimensions: z.record(
    z.string(),
    z.object({
      label: z.string(),
      strict: z.boolean(),
      values: z.record(z.string(), z.array(z.string().min(1))).default({}),
      fromPlaces: z.object({ differentProvince: z.string(), sameProvince: z.string() }).optional(),
      followUpContext: z.string().optional(),
    }),
  ),
  enumerationSeparators: z.string().default('、'),
});
export type ScopeRules = z.infer<typeof scopeFileSchema>;

export const cleaningFileSchema = z.object({
  relatedMarkers: z.string(),
  teaserFooter: z.string(),
  linkListStamp: z.string(),
  navigation: z.string(),
  boilerplate: z.array(z.string()),
  publisherLine: z.string(),
  publisherStatement: z.string(),
  dates: z.array(z.string()),
  titleDateSuffix: z.string(),
});
export type CleaningRules = z.infer<typeof cleaningFileSchema>;

export const domainFileSchema = z.object({
  assistant: z.object({
    name: z.string(),
    coverage: z.string(),
    noAnswer: z.string(),
    disclaimer: z.string(),
    treatmentDisclaimer: z.string(),
    unresolvedAdvice: z.string(),
    /** Example questions the chat widget offers. */
    examples: z.array(z.string()).default([]),
  }),
  treatmentCues: z.array(z.string()).default([]),
  followUp: z.object({
    starts: z.array(z.string()).default([]),
    ends: z.array(z.string()).default([]),
    maxLengthWithoutTopic: z.number().int().default(12),
  }),
});
export type DomainRules = z.infer<typeof domainFileSchema>;
