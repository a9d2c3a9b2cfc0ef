// `npm run --silent ask -- [--index DIR] [--json | --jsonl | --trace] "问题"`
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { z } from 'zod';
import { answerQuestion } from '../answer/answer-question.js';
import { explainQuestion, type Explanation } from '../answer/explain-question.js';
import { createChatModel, createLlmAnswerer } from '../answer/llm/llm-answerer.js';
import { llmSettings, loadConfig } from '../config.js';
import type { AnswerResponse } from '../answer/answer-types.js';
import { AppError } from '../errors/app-error.js';
import { answerIdOf } from '../feedback/answer-id.js';
import { loadIndex } from '../index/load-index.js';
import type { SessionState } from '../question/session-state.js';
import { embedderSettingsFromEnvironment } from './embedder-settings-from-environment.js';

const program = new Command()
  .name('ask')
  .description('Answers a question from the index (or JSON lines from stdin with --jsonl).')
  .argument('[question...]', 'the question')
  .option('--index <dir>', 'index directory written by ingest --out', 'data/index')
  .option('--json', 'print the response object', false)
  .option('--jsonl', 'batch mode: JSON lines {"message","sessionId"} in, one response per line out', false)
  .option('--trace', 'print how the answer was reached: question analysis, passages with verdicts, claims and the rule trace', false)
  .parse();
const options = program.opts<{ index: string; json: boolean; jsonl: boolean; trace: boolean }>();

const lineSchema = z.object({ message: z.string().min(1), sessionId: z.string().min(1).optional() });

function readable(response: AnswerResponse): string {
  const sources = response.citations.map((citation) => `[${citation.n}] ${citation.title}${citation.date ? `（${citation.date}）` : ''} ${citation.sourceId}\n    “${citation.quote}”`);
  return [response.answer, sources.length ? `参考来源：\n${sources.join('\n')}` : '', response.disclaimer].filter(Boolean).join('\n\n');
}

/** The explanation as text: one block per step. */
function traced(explanation: Explanation): string {
  const { analysis } = explanation;
  const parts = analysis.parts.map((part, position) => `  ${position + 1}. ${part.text} → ${part.type}${part.unit ? `（${part.unit}）` : ''}${part.yesNo ? ` ${part.yesNo.yes}/${part.yesNo.no}` : ''}\n     焦点: ${part.focus.map((word) => `${word.word}${word.asked ? '*' : ''}:${word.weight.toFixed(2)}`).join(' ')}`);
  const passages = explanation.passages.map((passage) => `  [${passage.part + 1}] ${passage.score.toFixed(3)} ${passage.verdict.padEnd(17)} ${passage.sourceId}  ${passage.sentence.slice(0, 70)}`);
  const claims = explanation.claims.map((claim) => `  [${claim.part + 1}] ${claim.value.padEnd(12)} ${claim.verdict.padEnd(17)} ${claim.authority}${claim.date ? ` ${claim.date}` : ''}  ${claim.sentence.slice(0, 60)}`);
  const rules = explanation.rules.map((rule) => `  [${rule.part + 1}] ${rule.rule ?? '—'}: ${rule.trace.join(' → ')}`);
  return [
    `问题分析:\n${parts.join('\n')}\n  情形: ${JSON.stringify(analysis.situation.scope)} ${analysis.situation.quantities.join(' ')}${analysis.unknownWords.length ? `\n  未知词: ${analysis.unknownWords.join(' ')}` : ''}${analysis.refusal ? `\n  拒答: ${analysis.refusal}` : ''}`,
    `检索到的语句（分数 适用性 来源）:\n${passages.join('\n') || '  （无）'}`,
    `可比说法:\n${claims.join('\n') || '  （无）'}`,
    `规则:\n${rules.join('\n') || '  （无冲突需裁决）'}`,
  ].join('\n\n');
}

try {
  const config = loadConfig(process.env);
  const index = loadIndex({ indexDirectory: options.index, embedderSettings: embedderSettingsFromEnvironment(process.env) });
  // With LLM_BASE_URL set, answers are generated and verified exactly as the server does.
  const llmConfiguration = llmSettings(config);
  const llm = llmConfiguration ? createLlmAnswerer({ model: createChatModel(llmConfiguration), settings: llmConfiguration }) : null;
  const answer = async (message: string, session: SessionState | null, sessionId: string) => {
    const result = await answerQuestion({ index, message, session, sessionId, standardAnswerSimilarity: config.STANDARD_ANSWER_SIMILARITY });
    const history = session?.turns.map((turn) => turn.message) ?? [];
    const response = llm && result.response.mode !== 'standard' ? await llm.answer({ question: message, history, extractive: result.response, assistant: index.rules.domain.assistant }) : result.response;
    return { ...result, response: { ...response, answerId: answerIdOf({ indexVersion: index.version, question: message, answer: response.answer }) } };
  };
  if (options.jsonl) {
    const sessions = new Map<string, SessionState>();
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      let parsed: z.infer<typeof lineSchema>;
      try {
        parsed = lineSchema.parse(JSON.parse(line));
      } catch (error) {
        process.stdout.write(`${JSON.stringify({ error: { code: 'invalid_request', message: `not a {"message","sessionId"} JSON line: ${(error as Error).message.split('\n')[0]}` } })}\n`);
        continue;
      }
      const sessionId = parsed.sessionId ?? randomUUID();
      const { response, session } = await answer(parsed.message, sessions.get(sessionId) ?? null, sessionId);
      sessions.set(sessionId, session);
      process.stdout.write(`${JSON.stringify(response)}\n`);
    }
  } else {
    const question = program.args.join(' ').trim();
    if (!question) {
      process.stderr.write('ask: give a question, e.g. npm run --silent ask -- "医保关系跨省转移后个人账户余额怎么办？"\n');
      process.exit(2);
    }
    if (options.trace) {
      const explanation = await explainQuestion({ index, message: question });
      process.stdout.write(`${readable(explanation.response)}\n\n${traced(explanation)}\n`);
      process.exit(0);
    }
    const { response } = await answer(question, null, randomUUID());
    process.stdout.write(options.json ? `${JSON.stringify(response, null, 2)}\n` : `${readable(response)}\n`);
  }
} catch (error) {
  process.stderr.write(`ask failed: ${error instanceof AppError ? error.message : (error as Error).stack}\n`);
  process.exitCode = 1;
}
