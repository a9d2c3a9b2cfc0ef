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

  it.each([
    ['when', '啥时候'],
    ['steps', '咋办'],
    ['difference', '有啥不一样'],
    ['channel', '哪儿查'],
  ] as const)('should read a colloquial spelling of a %s cue (%s) as the standard one', (type, cue) => {
    expect(compiled(null).answerTypeCues).toContainEqual({ type, cue });
  });

  it('should spell the question words of a corpus colloquially too, with the colloquial forms it adds', () => {
    const language = compiled({ questionWords: ['哪个窗口'], colloquialForms: { 哪一: '哪个' } });
    expect(language.questionWords).toEqual(expect.arrayContaining(['哪个窗口', '哪一窗口', '啥', '咋']));
  });

  it('should answer questions of difference by default', () => {
    expect(compiled(null).answerTypeCues.filter((entry) => entry.type === 'difference').map((entry) => entry.cue)).toContain('有什么区别');
  });
});
