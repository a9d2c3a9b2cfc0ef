// The scope of a statement: the relation of the move it is limited to, from the words naming it.
import { describe, expect, it } from 'vitest';
import { compileScope, detectStatementScope, emptyScope, mergeScopes } from '../../src/reconcile/scope.js';
import { defaultLanguage } from '../../src/rules/defaults/default-language.js';
import { defaultScope } from '../../src/rules/defaults/default-scope.js';
import { scopeFileSchema } from '../../src/rules/rule-schema.js';

const scope = compileScope({ rules: scopeFileSchema.parse(defaultScope), normalize: (text) => text, movementVerbs: defaultLanguage.movementVerbs, foreignPlaces: defaultLanguage.foreignPlaces, negation: defaultLanguage.negation });
const relationOf = (text: string) => detectStatementScope({ text, scope }).relation;

describe('detectStatementScope', () => {
  it.each([
    ['参保人员跨省转移职工医保关系时,个人账户资金原则上随医保关系转移', 'cross-province'],
    ['参保人员省内跨市转移职工医保关系的,个人账户资金跨市使用,不划转、不提现', 'same-province'],
    ['跨市转移后,个人账户资金跨市使用', 'cross-city'],
    ['持证人在本市范围内变更居住地址的,应当办理变更登记', 'same-city'],
    ['跨省、省内转移均可在线办理', null],
  ] as const)('should read the move of %s as %s', (text, relation) => {
    expect(relationOf(text)).toBe(relation);
  });

  it.each([
    ['在浙江省外购房的，仍按国家规定办理', [], ['浙江']],
    ['广东以外的城市按迁入地规定办理', [], ['广东']],
    ['在浙江省内购买自住住房的，可以申请提取', ['浙江'], []],
  ])('should read the places of %s as limiting it to them or to everywhere else', (text, regions, excludedRegions) => {
    const read = detectStatementScope({ text, scope });
    expect([read.regions, read.excludedRegions]).toEqual([regions, excludedRegions]);
  });

  it('should narrow a sentence about a move between cities by a heading naming the kind of move', () => {
    const sentence = detectStatementScope({ text: '个人账户资金跨市使用', scope });
    const heading = detectStatementScope({ text: '省内转移', scope });
    expect(mergeScopes(sentence, heading).relation).toBe('same-province');
    expect(mergeScopes(heading, detectStatementScope({ text: '跨省转移', scope })).relation).toBe('same-province');
    expect(mergeScopes(emptyScope, heading).relation).toBe('same-province');
  });
});
