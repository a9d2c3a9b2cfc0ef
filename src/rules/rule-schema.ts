// zod schemas of the operator-editable rule files under corpus/rules/.
import { z } from 'zod';

export const synonymsFileSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });

export const variantsFileSchema = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));

const scopeValue = z.union([z.array(z.string().min(1)), z.object({ terms: z.array(z.string().min(1)), parent: z.string().optional() })]).transform((value) => (Array.isArray(value) ? { terms: value } : value));

/** Relations between two places, by the words that name them. */
export const placeRelations = ['same-city', 'same-province', 'cross-province', 'cross-city'] as const;
export type PlaceRelation = (typeof placeRelations)[number];

export const scopeFileSchema = z.object({
  relations: z.partialRecord(z.enum(placeRelations), z.array(z.string().min(1))).default({}),
  /** Labels meaning "the regions not named beside this one" ("其他地区"). */
  complements: z.array(z.string()).default([]),
  /** Words for "a province other than the one named" ("省外"). */
  otherProvince: z.array(z.string()).default([]),
  /** Words for the province of whoever publishes the text ("全省", "本省"): a statement using one is about that province. */
  homeProvince: z.array(z.string()).default([]),
  /** Changes that happen without leaving the city ("跳槽", "搬家"): with one place named, the user stays in it. */
  localChanges: z.array(z.string()).default([]),
  /** Verbs that turn one value of a dimension into another ("职工医保转为居民医保"). */
  changeVerbs: z.array(z.string()).default([]),
  dimensions: z
    .record(
      z.string(),
      z.object({
        label: z.string(),
        /** strict: a statement qualified on it governs only users who said so; lenient: also users who did not say. */
        strict: z.boolean(),
        values: z.record(z.string(), scopeValue).default({}),
      }),
    )
    .default({}),
  enumerationSeparators: z.string().default('、'),
});
export type ScopeVocabulary = z.input<typeof scopeFileSchema>;
export type ScopeRules = z.infer<typeof scopeFileSchema>;

export const cleaningFileSchema = z.object({
  relatedMarkers: z.string(),
  teaserFooter: z.string(),
  linkListStamp: z.string(),
  navigation: z.string(),
  boilerplate: z.array(z.string()),
  /** Sentences that announce what follows ("下面随小编一起了解具体内容"): kept in the text, never said as an answer. */
  announcements: z.array(z.string()),
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
    /** Said when a request is declined (to act on an account, play a role, reveal instructions); {coverage} is filled in. */
    refusal: z.string().default('抱歉，这个请求我无法办理。我只能依据知识库中的公开资料回答{coverage}等问题，不能代为操作任何账户、扮演其他角色或透露内部设置。'),
    /** The model's instructions when an LLM writes answers; {coverage} is filled in. */
    llmInstructions: z.string().optional(),
    /** Example questions the chat widget offers. */
    examples: z.array(z.string()).default([]),
  }),
  treatmentCues: z.array(z.string()).default([]),
  /** Optional: the language defaults already know the usual follow-up openings and endings. */
  followUp: z
    .object({
      starts: z.array(z.string()).default([]),
      ends: z.array(z.string()).default([]),
      maxLengthWithoutTopic: z.number().int().default(12),
    })
    .default({ starts: [], ends: [], maxLengthWithoutTopic: 12 }),
});
export type DomainRules = z.infer<typeof domainFileSchema>;
