// The model's instructions come from the domain: nothing in the engine names a domain.
import { describe, expect, it } from 'vitest';
import type { AnswerResponse } from '../../src/answer/answer-types.js';
import { buildPrompt, genericAssistant } from '../../src/answer/llm/build-prompt.js';

const extractive: AnswerResponse = { status: 'answered', answer: '可以。读者可以在线续借一次。[1]', citations: [{ n: 1, sourceId: 'guide-b', title: '读者指南乙', date: null, quote: '读者可以在线续借一次。' }], conflicts: [], disclaimer: '', sessionId: null, indexVersion: 'v' };

describe('buildPrompt', () => {
  it('should introduce the assistant by the domain’s name and coverage', () => {
    const [system] = buildPrompt({ question: '能在线续借吗？', history: [], extractive, assistant: { name: '星港图书馆问答', coverage: '读者证的迁移、押金和续借' } });
    expect(system.content.split('\n')[0]).toBe('你是星港图书馆问答，回答读者证的迁移、押金和续借等问题。只根据下面<passages>中的资料回答，不使用资料以外的知识。');
  });

  it('should use the domain’s own instructions when it gives them', () => {
    const [system] = buildPrompt({ question: '能在线续借吗？', history: [], extractive, assistant: { name: 'x', coverage: '续借', llmInstructions: '你只回答{coverage}问题。' } });
    expect(system.content.split('\n')[0]).toBe('你只回答续借问题。');
  });

  it('should name no domain in its generic rules', () => {
    const [system] = buildPrompt({ question: '？', history: [], extractive, assistant: genericAssistant });
    expect(system.content).not.toMatch(/医保|居住证|读者证/);
  });
});
