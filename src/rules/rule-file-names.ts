// The rule files a corpus may hold under rules/ (kept apart from their compilation, which needs yaml and zod).

export const ruleFileNames = ['domain.yaml', 'language.yaml', 'synonyms.yaml', 'variants.yaml', 'scope.yaml', 'cleaning.yaml', 'userdict.txt', 'stopwords.txt'] as const;
export type RuleFileName = (typeof ruleFileNames)[number];

/** The rule files, by name, as raw text (missing optional files are absent). */
export type RuleTexts = Partial<Record<RuleFileName, string>>;
