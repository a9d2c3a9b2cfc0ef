// Reads a Dockerfile into stages of instructions (continuation lines joined, comments dropped).

export interface Instruction {
  keyword: string;
  /** The rest of the line, continuations joined with single spaces. */
  text: string;
}

export interface Stage {
  image: string;
  name: string | null;
  instructions: Instruction[];
}

export function parseDockerfile(source: string): Stage[] {
  const lines = source.replace(/\\\r?\n\s*/g, ' ').split(/\r?\n/);
  const stages: Stage[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [, keyword, text] = /^(\S+)\s*(.*)$/.exec(trimmed)!;
    if (keyword.toUpperCase() === 'FROM') {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(text)!;
      stages.push({ image, name: name ?? null, instructions: [] });
    } else stages.at(-1)!.instructions.push({ keyword: keyword.toUpperCase(), text: text.replace(/\s+/g, ' ') });
  }
  return stages;
}

/** The arguments of an exec-form instruction (`["node", "x.js"]`), after any `--option=value` flags. */
export function execForm(text: string): string[] {
  return JSON.parse(text.replace(/^(--\S+\s+)*(CMD\s+)?/, '')) as string[];
}

/** `KEY=value KEY2=value2` of an ENV instruction. */
export function environmentOf(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/(\w+)=(\S+)/g)].map(([, key, value]) => [key, value]));
}
