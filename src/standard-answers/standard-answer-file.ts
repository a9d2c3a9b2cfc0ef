// Reads and writes standard-answers.yaml in the corpus.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump as dumpYaml, load as loadYaml } from 'js-yaml';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { standardAnswerSchema, standardAnswersFileName, type StandardAnswer } from './standard-answer-types.js';

export class InvalidStandardAnswersError extends AppError {
  constructor(reason: string) {
    super({ code: 'invalid_rules', message: `The corpus file ${standardAnswersFileName} is invalid: ${reason}. Fix the file and run again.` });
  }
}

const fileSchema = z.array(standardAnswerSchema).superRefine((answers, context) => {
  const seen = new Set<string>();
  for (const answer of answers) {
    if (seen.has(answer.id)) context.addIssue({ code: 'custom', message: `id ${answer.id} appears twice` });
    seen.add(answer.id);
  }
});

export function parseStandardAnswers(text: string): StandardAnswer[] {
  if (text.replace(/#.*$/gm, '').trim() === '') return [];
  let raw: unknown;
  try {
    raw = loadYaml(text);
  } catch (error) {
    throw new InvalidStandardAnswersError((error as Error).message.split('\n')[0]);
  }
  const parsed = fileSchema.safeParse(raw ?? []);
  if (!parsed.success) throw new InvalidStandardAnswersError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}

/** The corpus's standard answers, or none without the file. */
export function readStandardAnswers({ corpusDirectory }: { corpusDirectory: string }): StandardAnswer[] {
  const path = join(corpusDirectory, standardAnswersFileName);
  return existsSync(path) ? parseStandardAnswers(readFileSync(path, 'utf8')) : [];
}

export function formatStandardAnswers(answers: StandardAnswer[]): string {
  return `# Standard answers (written by the operator console): questions, the answer, optional verbatim citations.\n${dumpYaml(answers, { lineWidth: -1 })}`;
}
