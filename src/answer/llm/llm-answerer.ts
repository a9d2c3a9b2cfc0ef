// Optional generation through @langchain/openai, verified against the rule layer; the extractive answer otherwise.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { AnswerResponse } from '../answer-types.js';
import { buildPrompt, genericAssistant, type AssistantProfile } from './build-prompt.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { verifyLlmAnswer, type FallbackReason } from './verify-llm-answer.js';

export interface LlmSettings {
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMilliseconds: number;
  temperature: number;
  maxRetries: number;
  breakerFailures: number;
  breakerCooldownMilliseconds: number;
}

export type LlmOutcome = 'ok' | 'repaired' | FallbackReason;

export interface LlmAnswerer {
  /** The generated answer when it passes verification, else the extractive one with the reason. */
  answer(input: { question: string; history: string[]; extractive: AnswerResponse; assistant?: AssistantProfile }): Promise<AnswerResponse>;
}

/** A ChatOpenAI model for any OpenAI-compatible endpoint. */
export function createChatModel(settings: LlmSettings): BaseChatModel {
  return new ChatOpenAI({
    model: settings.model,
    temperature: settings.temperature,
    apiKey: settings.apiKey ?? 'not-needed',
    configuration: { baseURL: settings.baseUrl },
    timeout: settings.timeoutMilliseconds,
    maxRetries: settings.maxRetries,
    streaming: true,
  });
}

function fallback(extractive: AnswerResponse, reason: FallbackReason): AnswerResponse {
  return { ...extractive, mode: 'extractive', fallbackReason: reason };
}

/** Wraps a chat model: never an error for the user, always within the time budget. */
export function createLlmAnswerer({ model, settings, onOutcome, now = Date.now }: { model: BaseChatModel; settings: LlmSettings; onOutcome?: (outcome: LlmOutcome) => void; now?: () => number }): LlmAnswerer {
  const breaker = new CircuitBreaker(settings.breakerFailures, settings.breakerCooldownMilliseconds, now);
  const report = (outcome: LlmOutcome) => onOutcome?.(outcome);
  return {
    async answer({ question, history, extractive, assistant = genericAssistant }) {
      if (extractive.status === 'no_answer') return { ...extractive, mode: 'extractive' };
      if (!breaker.allows) {
        report('circuit_open');
        return fallback(extractive, 'circuit_open');
      }
      const messages = buildPrompt({ question, history, extractive, assistant }).map((message) => (message.role === 'system' ? new SystemMessage(message.content) : new HumanMessage(message.content)));
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), settings.timeoutMilliseconds);
      let text = '';
      try {
        // Tokens are gathered and verified before anything is released (no answer is shown, then taken back).
        const stream = await model.stream(messages, { signal: controller.signal });
        for await (const chunk of stream) text += typeof chunk.content === 'string' ? chunk.content : (chunk as AIMessage).text;
        breaker.success();
      } catch (error) {
        breaker.failure();
        const reason: FallbackReason = controller.signal.aborted || /abort|timeout/i.test(String((error as Error).message)) ? 'timeout' : 'upstream_error';
        report(reason);
        return fallback(extractive, reason);
      } finally {
        clearTimeout(timer);
      }
      const verification = verifyLlmAnswer({ text, extractive, question });
      if (!verification.ok) {
        report(verification.reason);
        return fallback(extractive, verification.reason);
      }
      report(verification.repaired.length > 0 ? 'repaired' : 'ok');
      return { ...extractive, answer: verification.answer, citations: verification.citations, mode: 'llm' };
    },
  };
}
