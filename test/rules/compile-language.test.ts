// A corpus's rules/language.yaml adds to the engine's language defaults, or replaces the fields it names.
import { describe, expect, it } from 'vitest';
import { compileLanguage, mergeLanguage } from '../../src/rules/compile-language.js';

const compiled = (added: Parameters<typeof mergeLanguage>[0]) => compileLanguage({ data: mergeLanguage(added), normalize: (text) => text });

describe('language data', () => {
  it.each([
    ['hearsay', '邻居说'],
    ['personalPronouns', '咱'],
    ['verbComplements', '回头'],
    ['districtSuffixes', '高新园'],
    ['comparisonJoiners', '对照'],
    ['moneyQuestions', '几毛钱'],
    ['gluedModals', '该'],
  ] as const)('should add a corpus word to the defaults of %s', (field, word) => {
    const language = compiled({ [field]: [word] });
    expect(language[field]).toContain(word);
    expect(language[field].length).toBeGreaterThan(1);
  });

  it('should replace a field the corpus names under replace, and order its words longest first', () => {
    expect(compiled({ perUnit: ['每', '每逢'], replace: ['perUnit'] }).perUnit).toEqual(['每逢', '每']);
  });

  it('should answer questions of difference by default', () => {
    expect(compiled(null).answerTypeCues.filter((entry) => entry.type === 'difference').map((entry) => entry.cue)).toContain('有什么区别');
  });
});
