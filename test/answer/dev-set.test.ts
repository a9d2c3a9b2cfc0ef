// Regression: the shared dev questions, scored by the shared scorer against a freshly built index.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../helpers.js';

const scorer = '../shared/eval/score.mjs';
const devSet = '../shared/eval/dev.jsonl';

describe('the dev questions', () => {
  let indexDirectory: string;
  beforeAll(async () => {
    ({ indexDirectory } = await buildIndex('corpus'));
  });

  it('should all be fully correct', () => {
    expect(existsSync(scorer), `${scorer} is missing: the repository must sit beside shared/`).toBe(true);
    let output: string;
    try {
      output = execFileSync('node', [scorer, '--eval', devSet, '--index', indexDirectory], { encoding: 'utf8', timeout: 120_000 });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    const lines = output.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual([]);
    expect(lines.at(-1)).toMatch(/^22\/22 questions fully correct, 0 failed checks/);
  }, 180_000);
});
