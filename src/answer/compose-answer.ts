// Step 5: the answer text, written from the parts' answers: the asked-for conclusion first, then points, exceptions
// and the 来源说法不一 paragraph. Every sentence quoted is a verbatim source sentence with its own marker (pure).
import type { Conflict } from './answer-types.js';
import { quoteOf, type CitationBook } from './citation-book.js';
import { composeConflicts } from './compose-conflicts.js';
import { escapeMarkup } from './display-sentence.js';
import type { PartAnswer } from './part-answer-types.js';

function quoted(book: CitationBook, answer: PartAnswer, statementKey: string, index: number): string {
  const statement = answer.lead[index];
  const support = answer.support.get(statementKey) ?? [];
  return `${escapeMarkup(quoteOf(statement))}${book.citeAll([statement, ...support])}`;
}

/** The first paragraph of one part: the yes/no word, the value, the section's items, or the statement. */
function leadOf(book: CitationBook, answer: PartAnswer, advice: string): string {
  if (answer.resolution?.rule === 'unresolved') {
    const sides = answer.resolution.sides.map((side) => side.candidates[0].statement);
    return `关于“${answer.topic}”，知识库中的资料说法不一，暂无法给出确定结论：${sides.map((statement) => `“${escapeMarkup(quoteOf(statement))}”${book.cite(statement)}`).join('；')}。${advice}`;
  }
  if (answer.kind === 'section') {
    const lines = answer.lead.map((statement, position) => `${position + 1}. ${escapeMarkup(quoteOf(statement))}${book.cite(statement)}`);
    return `${escapeMarkup(answer.heading ?? '')}：\n${lines.join('\n')}`;
  }
  if (answer.kind === 'comparison') {
    return answer.lead.map((statement, position) => `${escapeMarkup(answer.compared?.[position] ?? '')}：${quoted(book, answer, statement.key, position)}`).join('\n');
  }
  const [first] = answer.lead;
  if (!first) return '';
  const sentence = quoted(book, answer, first.key, 0);
  if (answer.kind === 'yesno' && answer.word) return `${answer.word}。${answer.heading ? `${escapeMarkup(answer.heading)}：` : ''}${sentence}`;
  if (answer.kind === 'value' && answer.value) return `${answer.word ? `${answer.word}，` : ''}${escapeMarkup(answer.value)}。${sentence}`;
  if (answer.leadQualifiers && answer.leadQualifiers.length > 0) return `就${answer.leadQualifiers.join('、')}而言：${sentence}`;
  return sentence;
}

/** Writes the answer: part leads, then points, exceptions and conflicts; returns the text and the conflicts. */
export function composeAnswer({ answers, book, advice }: { answers: PartAnswer[]; book: CitationBook; advice: string }): { answer: string; conflicts: Conflict[] } {
  // Two parts answered by the same section or statement ("怎么查？有哪些渠道") say it once; a point repeats no lead.
  const leads = [...new Set(answers.map((answer) => leadOf(book, answer, advice)).filter(Boolean))];
  const shown = new Set(answers.flatMap((answer) => answer.lead.map((statement) => statement.key)));
  const points: string[] = [];
  for (const statement of answers.flatMap((answer) => answer.points)) {
    if (shown.has(statement.key)) continue;
    shown.add(statement.key);
    points.push(`${escapeMarkup(quoteOf(statement))}${book.cite(statement)}`);
  }
  const exceptions = answers.flatMap((answer) =>
    answer.exceptions.map(({ statement, qualifiers }) => `另外${qualifiers.length > 0 ? `（${qualifiers.join('、')}）` : ''}：${escapeMarkup(quoteOf(statement))}${book.cite(statement)}`),
  );
  const pointLines = [...points, ...exceptions].map((point, position) => `${position + 1}. ${point}`);
  const { paragraph, conflicts } = composeConflicts({
    inputs: answers
      .filter((answer) => answer.resolution !== null && answer.resolution.rule !== 'unresolved')
      .map((answer) => ({ topic: answer.topic, resolution: answer.resolution!, adopted: answer.lead[0] ?? null, advice })),
    book,
  });
  const unresolved = answers
    .filter((answer) => answer.resolution?.rule === 'unresolved')
    .map((answer) => ({
      topic: answer.topic,
      adopted: null,
      rejected: answer.resolution!.sides.map((side) => ({ statement: quoteOf(side.candidates[0].statement), citations: [book.numberOf(side.candidates[0].statement)], reason: 'unresolved' })),
      rule: 'unresolved',
    }));
  const paragraphs = [...leads, pointLines.length > 0 ? `要点：\n${pointLines.join('\n')}` : '', paragraph ?? ''].filter(Boolean);
  return { answer: paragraphs.join('\n\n'), conflicts: [...unresolved, ...conflicts] };
}
