// The compiled language, scope words and synonym lexicon a corpus is read with (built once per rule set).
import type { Language, RuleSet } from '../rules/compile-rules.js';
import { compileLanguage } from '../rules/compile-language.js';
import type { TextPipeline } from '../text/create-text-pipeline.js';
import { createSynonymLexicon, type SynonymLexicon } from '../text/synonym-lexicon.js';
import type { StatementContext } from './extract-statements.js';
import { compileScope } from './scope.js';

export interface ReadingContext extends StatementContext {
  synonyms: SynonymLexicon;
}

/** Normalizes the rule vocabularies once and returns the functions statements and questions are read with. */
export function createReadingContext({ rules, text }: { rules: RuleSet; text: TextPipeline }): ReadingContext {
  const language: Language = compileLanguage({ data: rules.language, normalize: text.normalize });
  const synonyms = createSynonymLexicon({ groups: rules.synonyms, normalize: text.normalize });
  const lightVerbs = new Set(language.lightVerbs);
  const scope = compileScope({ rules: rules.scope, normalize: text.normalize, movementVerbs: language.movementVerbs, foreignPlaces: language.foreignPlaces, negation: language.negation });
  return {
    language,
    scope,
    normalize: text.normalize,
    synonyms,
    words: (normalized) => text.tokensOfNormalized(normalized).map(synonyms.canonical),
    taggedWords: (normalized) =>
      text
        .tag(normalized)
        .filter(({ word }) => word.trim() !== '' && !text.stopwords.has(word) && !/^[\s\p{P}\p{S}\d.]+$/u.test(word))
        .map(({ word, tag }) => {
          const canonical = synonyms.canonical(word);
          // A word whose canonical form is a verb names an event ("转移接续" → "转移"), whatever its own tag.
          const verbal = /^v/.test(tag) || (canonical !== word && /^v/.test(text.tag(canonical)[0]?.tag ?? ''));
          return { word: canonical, surface: word, verb: verbal && !lightVerbs.has(word) && !lightVerbs.has(canonical) };
        }),
  };
}
