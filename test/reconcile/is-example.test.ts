// Sentences that tell an example, a person's own story or hearsay are read, never stated as fact.
import { describe, expect, it } from 'vitest';
import { isExample } from '../../src/reconcile/extract-statements.js';
import { compileLanguage } from '../../src/rules/compile-language.js';
import { defaultLanguage } from '../../src/rules/defaults/default-language.js';

const language = compileLanguage({ data: defaultLanguage, normalize: (text) => text.normalize('NFKC') });

describe('isExample', () => {
  it.each([
    ['我一开始以为在手机上点一点就行,结果问了一圈才知道,转移必须本人回原单位所在地的柜台办理。', true],
    ['我有个同事离职后第二个月就全部提出来了,他说根本不用等半年。', true],
    ['这里提醒一句,我第一次就是因为发票没开被退回来了。', true],
    ['听说现在网上也能办。', true],
    ['今年三月我从北京跳槽到成都,折腾了快两个月。', true],
    ['例如,张先生断缴4个月后补缴。', true],
    ['李女士去年从广州调到深圳。', true],
    ['我省自2024年7月1日起推行网上办理。', false],
    ['我们将及时核查并更新。', false],
    ['申请提交后,办理进度可在平台“我的办件”中实时查询。', false],
    ['转移之前一定要先让原单位把账户封存。', false],
    ['申请人本人到场办理。', false],
  ])('should read %s as an example: %s', (sentence, example) => {
    expect(isExample(sentence, null, [], language)).toBe(example);
  });
});
