// The engine on a fictional policy domain, with only that corpus's own rules: proof that nothing is tuned to 医保.
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer-question.js';
import type { AnswerResponse } from '../../src/answer/answer-types.js';
import type { LoadedIndex } from '../../src/index/load-index.js';
import type { SessionState } from '../../src/retrieval/understand-query.js';
import { buildIndex, libraryCorpus } from '../helpers.js';

let index: LoadedIndex;
beforeAll(async () => {
  ({ index } = await buildIndex(libraryCorpus));
});

async function ask(message: string, session: SessionState | null = null): Promise<{ response: AnswerResponse; session: SessionState }> {
  return answerQuestion({ index, message, session, sessionId: 'test' });
}
const lead = (response: AnswerResponse) => response.answer.split('\n\n')[0];

describe('answers on the fictional library corpus', () => {
  it.each([
    ['authority', '读者证余额能随证迁移吗？', '可以。读者证余额随证一并迁移', '读者证余额随证一并迁移', ['读者证余额不能迁移']],
    ['scope', '东区读者证余额能迁移吗？', '不能。读者证余额不随证迁移', '东区读者证余额不随证迁移', ['读者证余额随证一并迁移']],
    ['time', '押金多久退还？', '押金在7个工作日内退还', '押金在7个工作日内退还', ['押金在30个工作日内退还']],
    ['internal_consistency', '能在线续借吗？', '可以。可以在线续借', '在线续借', ['不能在线续借']],
    ['consensus', '逾期费怎么收？', '逾期费为每天0.1元', '0.1元', ['0.5元']],
    ['time', '全市有多少家分馆？', '截至2024年6月，全市共有15家分馆', '15家分馆', ['12家分馆', '14家分馆']],
  ])('should decide by %s: %s', async (rule, question, leadStart, adopted, rejected) => {
    const { response } = await ask(question);
    expect(response.status).toBe('answered');
    expect(lead(response).startsWith(leadStart)).toBe(true);
    const conflict = response.conflicts.find((entry) => entry.rule === rule)!;
    expect(conflict.adopted!.statement).toContain(adopted);
    for (const statement of rejected) expect(conflict.rejected.some((entry) => entry.statement.includes(statement))).toBe(true);
    for (const statement of rejected) expect(lead(response)).not.toContain(statement);
    expect(response.answer).toContain('来源说法不一：');
  });

  it('should state an unresolved disagreement with both sides and advice', async () => {
    const { response } = await ask('可以夜间还书吗？');
    expect(response.conflicts).toEqual([
      expect.objectContaining({ topic: '能否夜间还书', adopted: null, rule: 'unresolved' }),
    ]);
    expect(response.conflicts[0].rejected.map((entry) => entry.statement).sort()).toEqual(['各分馆不支持夜间还书。', '各分馆支持夜间还书。']);
    expect(lead(response)).toContain('说法不一');
    expect(response.answer).toContain('建议向图书馆服务台确认。');
  });

  it.each([
    ['读者证余额能迁移吗？', '可以。读者证余额随证一并迁移'],
    ['读者证余额不能迁移吗？', '可以。读者证余额随证一并迁移'],
    ['读者证余额会不会不随证迁移？', '不会。读者证余额随证一并迁移'],
    ['东区读者证余额能迁移吗？', '不能。读者证余额不随证迁移'],
  ])('should answer %s with the yes/no word of what it asks', async (question, start) => {
    const { response } = await ask(question);
    expect(lead(response).startsWith(start)).toBe(true);
  });

  it('should merge list claims from several sources', async () => {
    const { response } = await ask('哪些家人可以办副证？');
    expect(lead(response)).toContain('可以为配偶、子女、父母办理副证');
    expect(response.conflicts).toEqual([]);
  });

  it('should cite every marker with a verbatim quote, numbered in order of first use', async () => {
    const { response } = await ask('东区读者证余额能迁移吗？');
    const markers = [...response.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    expect(response.citations.map((citation) => citation.n)).toEqual([...new Set(markers)].sort((a, b) => a - b));
    expect(markers[0]).toBe(1);
    expect(response.citations[0]).toMatchObject({ sourceId: 'evening-news', title: '押金退还提速', date: '2024-06-01', quote: '东区读者证余额不随证迁移，需在东区馆内用完。' });
    expect(response.disclaimer).toBe('以上内容依据资料库整理，仅供参考，以图书馆的规定为准。');
  });

  it('should decline what the corpus does not cover, with no citations', async () => {
    const { response } = await ask('明天会下雨吗？');
    expect(response).toMatchObject({ status: 'no_answer', citations: [], conflicts: [] });
    expect(response.answer).toBe('抱歉，资料库中没有相关内容。我可以回答星港市读者证的迁移、押金、逾期费、续借和分馆等问题。');
  });

  it('should never lead with a value the rules set aside, even without a topic', async () => {
    const { response } = await ask('网友整理了什么？');
    expect(response.answer).not.toContain('读者证余额不能迁移');
    expect(response.answer).not.toContain('押金一般在30个工作日内退还');
  });

  it('should carry the topic and the situation into a follow-up', async () => {
    const first = await ask('东区读者证余额能迁移吗？');
    const { response, session } = await ask('那押金呢？', first.session);
    expect(lead(response)).toContain('押金');
    expect(lead(response)).not.toContain('读者证余额不随证迁移');
    expect(session.turns.map((turn) => turn.scope.values)).toEqual([{ district: '东区' }, { district: '东区' }]);
    const why = await ask('为什么？', first.session);
    expect(why.session.turns[1].topics).toEqual(['balance-moves']);
  });

  it('should give byte-identical responses for the same index, question and history', async () => {
    const first = await ask('逾期费怎么收？');
    const second = await ask('逾期费怎么收？');
    expect(JSON.stringify(second.response)).toBe(JSON.stringify(first.response));
  });
});
