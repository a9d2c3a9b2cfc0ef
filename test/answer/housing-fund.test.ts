// A third domain nobody tuned the engine for: a 住房公积金 corpus written by a reviewer (two national notices, a
// province's own notice, a first-person blog and two scraped city pages) whose rules/ holds only domain.yaml.
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer-question.js';
import type { AnswerResponse } from '../../src/answer/answer-types.js';
import type { LoadedIndex } from '../../src/index/load-index.js';
import { buildConflictReport, type ConflictReportEntry } from '../../src/report/build-conflict-report.js';
import { buildIndex } from '../helpers.js';

let index: LoadedIndex;
beforeAll(async () => {
  ({ index } = await buildIndex('test/fixtures/housing-fund'));
});

const ask = async (message: string): Promise<AnswerResponse> => (await answerQuestion({ index, message, session: null, sessionId: null })).response;
const lead = (response: AnswerResponse) => response.answer.split('\n\n')[0];
const cited = (response: AnswerResponse) => response.citations.map((citation) => citation.sourceId);

describe('a housing-fund corpus with no rules but domain.yaml', () => {
  it("should not take a blogger's own story as the rule: the official notice says no counter visit is needed", async () => {
    const response = await ask('换城市上班了，公积金异地转移是不是必须本人回原来那个城市的柜台办？');
    // Either official sentence saying it need not be done at the old city's counter answers.
    expect(lead(response)).toMatch(/^不是。职工.*无需(本人到柜台|到转出地)办理/);
    expect(response.answer).not.toContain('必须本人回原单位所在地');
  });

  it.each([['出境定居能提取公积金吗？'], ['我明年要移民去加拿大定居了，在国内交的公积金能全部取出来吗？']])(
    'should answer %s by the list item read with the sentence it continues, for a user going abroad',
    async (question) => {
      expect(lead(await ask(question))).toBe('可以。职工有下列情形之一的，可以申请提取本人住房公积金账户余额：（六）出境定居的。[1]');
    },
  );

  it.each([
    ['上个月刚离职，还没找到新工作，现在能把公积金全取出来吗？', '不能。离职的，需与单位解除劳动关系、未重新就业且账户封存满6个月后才能提取。[1]'],
    ['我去年12月辞职以后一直在家没上班，听人说公积金账户要封存满一年才能取，是不是这样？', '不是。离职的，需与单位解除劳动关系、未重新就业且账户封存满6个月后才能提取。[1]'],
  ])('should read a list item naming a case as a condition of its lead-in, stating nothing of its own: %s', async (question, expected) => {
    expect(lead(await ask(question))).toBe(expected);
  });

  it('should answer a count per period (每个月提一次) by the statements of that period, the newer monthly rule over the yearly one', async () => {
    const response = await ask('我在长沙租房住，公积金租房提取能每个月提一次吗？');
    expect(lead(response)).toBe('可以。租房提取可以按月或者按季办理，提取金额不得超过当地规定的租房提取限额。[1]');
    expect(response.conflicts[0].rule).toBe('time');
    expect(response.conflicts[0].rejected[0].statement).toBe('租房提取每年可以办理一次，提取金额不得超过当地规定的租房提取限额。');
  });

  it.each([
    ['退休提取公积金要带什么材料？', '退休提取：退休证明或者社会保险退休信息；[2]'],
    ['离职了想把公积金取出来，要准备哪些材料？', '离职提取：解除或者终止劳动关系的证明。[2]'],
    ['我爸今年刚退休，他去提公积金要带什么材料？', '退休提取：退休证明或者社会保险退休信息；[2]'],
  ])('should list for %s the lead-in and the item of the case the question names, not every case', async (question, item) => {
    expect(lead(await ask(question))).toBe(`所需材料：\n1. 申请提取住房公积金，应当提交本人身份证和本人名下银行卡，并按提取情形提供相应证明材料：[1]\n2. ${item}`);
  });

  it('should compare the materials of two kinds of withdrawal item by item, by the rarest word telling each apart', async () => {
    expect(lead(await ask('公积金买房提取和还房贷提取，要交的材料有啥区别？'))).toBe('公积金买房提取：购房提取：购房合同、购房发票或者不动产权证书；[1]\n还房贷提取：还贷提取：借款合同和还款明细；[2]');
  });

  it('should let the scope judge an alternation holding a scope term (离休、退休的: 退休 is a population) for a retired user', async () => {
    expect(lead(await ask('我去年退休了，公积金能全部取出来吗？'))).toBe('可以。职工离休、退休的，可以一次性提取本人账户全部余额并办理销户。[1]');
  });

  it('should not let a condition that only places a statement in time (转入地受理后) outrank a newer notice counting from the same point', async () => {
    const response = await ask('我的公积金转移申请是11月3号在转入地受理的，最晚什么时候能办完？');
    expect(lead(response)).toBe('10个工作日。住房公积金异地转移接续办结时限由30个工作日压缩至10个工作日，自转入地受理之日起计算。[1]');
    expect(response.conflicts[0].rule).toBe('time');
  });

  it('should weigh a figure against the change statement whose former value it is, however differently the two are worded', async () => {
    const response = await ask('公积金转移受理后最晚多久办完？');
    expect(lead(response)).toBe('10个工作日。住房公积金异地转移接续办结时限由30个工作日压缩至10个工作日，自转入地受理之日起计算。[1]');
    expect(response.conflicts.map((conflict) => [conflict.rule, conflict.rejected.map((entry) => entry.reason)])).toEqual([['time', ['outdated', 'less_authoritative']]]);
  });

  it('should read a directional verb the segmenter splits ("转过来要") and answer how long the transfer takes', async () => {
    expect(lead(await ask('我刚从深圳换工作到长沙，公积金转过来要多长时间？'))).toBe('10个工作日。住房公积金异地转移接续办结时限由30个工作日压缩至10个工作日，自转入地受理之日起计算。[1]');
  });

  it('should answer a follow-up asking whether one still has to go back by the notice saying it is not needed', async () => {
    const first = await answerQuestion({ index, message: '我刚从深圳换工作到长沙，公积金转过来要多长时间？', session: null, sessionId: 's' });
    const { response } = await answerQuestion({ index, message: '那我不太会用手机，是不是还得回深圳柜台跑一趟？', session: first.session, sessionId: 's' });
    expect(lead(response)).toMatch(/^不是。.*无需本人到柜台办理/);
  });

  it('should decline a share the corpus never gives rather than answer with another figure', async () => {
    expect((await ask('公积金缴存比例最高能交多少？')).status).toBe('no_answer');
  });

  it('should decline a duration of another insurance, given only in a blogger’s story and a figure about the fund', async () => {
    const response = await ask('我的养老保险从北京转到成都，要办多长时间？');
    expect(response.status).toBe('no_answer');
    expect(response.answer).not.toContain('快两个月');
  });

  it("should read 全省 in a province's own notice as that province: a user in another province is not told the province's rule", async () => {
    const response = await ask('我在南京买房，能不能提我妈的公积金帮我付首付？');
    expect(lead(response).startsWith('可以')).toBe(false);
    expect(cited(response)).not.toContain('official-2024-zhejiang');
  });

  it('should answer a coverage figure with the latest as-of date and set the older figure aside', async () => {
    const response = await ask('全国现在到底有多少人在交公积金？是截至什么时候的数据？');
    expect(lead(response)).toBe('约1.83亿人（截至2025年6月）。截至2025年6月，全国住房公积金缴存职工约1.83亿人。[1]');
    expect(response.conflicts[0].rejected.map((entry) => [entry.statement, entry.reason])).toEqual([['截至2023年底，全国住房公积金缴存职工1.75亿人。', 'outdated']]);
  });

  it('should list the materials section, whose numbered items give a label and its content', async () => {
    const response = await ask('买房提取公积金要准备什么材料？');
    expect(lead(response).split('\n').slice(0, 3)).toEqual(['所需材料：', '1. 申请提取住房公积金，应当提交本人身份证和本人名下银行卡，并按提取情形提供相应证明材料：[1]', '2. 购房提取：购房合同、购房发票或者不动产权证书；[2]']);
  });

  it.each([['离职半年多了，去取公积金需要准备什么材料？', '离职提取：解除或者终止劳动关系的证明。'], ['我买了套二手房，提取公积金要带哪些材料？', '购房提取：购房合同']])(
    'should answer materials with the section naming the user\'s case, over a section about another case: %s',
    async (question, item) => {
      const answer = lead(await ask(question));
      expect(answer.startsWith('所需材料：')).toBe(true);
      expect(answer).toContain(item);
    },
  );

  it.each([['买房提公积金，在浙江跟在其他省份有啥不一样？', '其他省份'], ['浙江和别的省份，用公积金买房提取有什么区别？', '别的省份']])(
    'should compare a province with everywhere else by its own rule and the general one: %s',
    async (question, elsewhere) => {
      expect(lead(await ask(question)).split('\n')).toEqual([
        '浙江：在浙江省内缴存住房公积金的职工，在浙江省内购买自住住房的，除职工本人及配偶外，其父母、子女也可以申请提取本人住房公积金，用于支付该套住房的购房首付款。[1]',
        `${elsewhere}：因购买自住住房申请提取的，可以提取职工本人及其配偶的住房公积金，其他亲属不得提取。[2]`,
      ]);
    },
  );

  it.each([['公积金转移以后，以前交的年限还算吗？', '算。'], ['我从成都换到西安工作，之前交公积金的年数能算上吗？', '可以。']])(
    'should not require a general verb of a condition (完成 of "转移接续完成后") to have been told: %s',
    async (question, word) => {
      expect(lead(await ask(question))).toBe(`${word}转移接续完成后，缴存年限合并计算，原账户余额全额转入新账户。[1]`);
    },
  );

  it('should report the shortened time limit and the coverage figures as contradictions, each with its decision', () => {
    const report: ConflictReportEntry[] = buildConflictReport({ index });
    const values = (entry: ConflictReportEntry) => entry.values.map((value) => value.value).sort();
    expect(report.find((entry) => JSON.stringify(values(entry)) === JSON.stringify(['10工作日', '30工作日']))?.decision).toMatchObject({ adopted: '10工作日', rule: 'authority' });
    expect(report.find((entry) => JSON.stringify(values(entry)) === JSON.stringify(['175000000人', '183000000人']))?.decision).toMatchObject({ adopted: '183000000人', rule: 'time' });
  });
});
