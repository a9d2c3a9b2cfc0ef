// A list, conditions, materials, steps or channels part: the section whose items answer it, in order.
import type { LoadedIndex } from '../index/load-index.js';
import type { QuestionPart } from '../question/question-types.js';
import type { Statement } from '../reconcile/statement-types.js';
import { idf, type Evidence } from '../retrieval/retrieve-evidence.js';
import { isWithin } from '../text/structure-document.js';
import { isSayable } from './rank-evidence.js';

export interface SectionChoice {
  sourceId: string;
  section: number;
  heading: string;
  /** The section's statements in document order, each with the sub-heading it lies under (if any). */
  items: Array<{ statement: Statement; subheading: string | null }>;
  headingCoverage: number;
  score: number;
}

const maxItems = 10;
/** A section this large is a whole article, not a list that answers. */
const largestSection = 12;
/** A heading naming what kind of section the question wants ("条件", "材料") counts as much as the focus it covers. */
const kindWeight = 1;

const extraWeight = 0.3;

/** The share of a heading's characters that neither the question's words nor the kind words (`words`, longest first) account for. */
function unaskedShare(words: string[], heading: string): number {
  let rest = heading.replace(/[\s\p{P}\d]/gu, '');
  const total = rest.length;
  if (total === 0) return 0;
  for (const word of words) rest = rest.split(word).join('');
  return rest.length / total;
}

/** Share of the asked words' weight (`masses`: words common across the corpus weigh less) that a heading covers. */
function headingCoverage(part: QuestionPart, masses: number[], heading: string): number {
  let total = 0;
  let found = 0;
  part.focus.forEach((word, position) => {
    total += masses[position];
    if (word.alternatives.some((alternative) => alternative.length > 0 && heading.includes(alternative))) found += masses[position];
  });
  return total > 0 ? found / total : 0;
}

/** The best section to list for the part, or null when no section's heading fits the question. */
export function chooseSection({ index, part, evidence, rank = () => 0 }: {
  index: LoadedIndex;
  part: QuestionPart;
  evidence: Evidence[];
  /** A rank that goes before the score, lower first (a materials section naming the user's case before others). */
  rank?: (choice: SectionChoice) => number;
}): SectionChoice | null {
  const kinds = index.reading.language.sectionKinds.filter((entry) => entry.type === part.type).map((entry) => entry.word);
  const masses = part.focus.map((word) => word.weight * idf(index, word.alternatives));
  const accounted = [...kinds, ...part.focus.flatMap((word) => word.alternatives)].filter((word) => word.length > 1).sort((left, right) => right.length - left.length);
  const considered = new Map<string, SectionChoice>();
  for (const item of evidence) {
    const { statement } = item;
    if (statement.section === null || item.verdict === 'other_scope' || item.verdict === 'superseded' || item.coverage === 0) continue;
    const document = index.documents.get(statement.sourceId);
    if (!document) continue;
    let depth = 0;
    for (let id: number | null = statement.section; id !== null && depth < 3; id = document.sections[id]?.parent ?? null, depth++) {
      const key = `${statement.sourceId}#${id}`;
      const existing = considered.get(key);
      if (existing) {
        existing.score = Math.max(existing.score, existing.score - 0 + item.coverage * 0.1);
        continue;
      }
      const heading = index.text.normalize(document.sections[id].heading);
      // A page's question heading ("…可以转移吗?") spans the whole article: it is a title, not a list.
      if (/[?？]$/.test(heading)) continue;
      const kind = kinds.some((word) => heading.includes(word)) ? 1 : 0;
      const coverage = headingCoverage(part, masses, heading);
      const sectionId = id;
      const members = (index.statementsBySource.get(statement.sourceId) ?? []).filter((candidate) => isWithin(document.sections, candidate.section, sectionId));
      const items = members
        .filter((candidate) => !candidate.example && isSayable({ index, evidence: { ...item, statement: candidate } }))
        .slice(0, maxItems)
        .map((candidate) => ({ statement: candidate, subheading: candidate.section !== sectionId && candidate.section !== null ? index.text.normalize(document.sections[candidate.section].heading) : null }));
      // A materials section lists materials: an item names them ("证明", "材料") or enumerates them.
      if (part.type === 'materials' && !items.some(({ statement: member }) => member.analysis.list !== null || kinds.some((word) => member.normalized.includes(word)))) continue;
      // A section answers with its items; one item is enough when its heading names what is asked ("申领条件").
      if (items.length < (kind === 1 ? 1 : 2) || members.length > largestSection || (kind === 0 && coverage < 0.3)) continue;
      // Where the section lies counts too: its path and the page title against the whole focus.
      const context = headingCoverage(part, masses, `${statement.path.slice(0, -1).join(' ')} ${index.text.normalize(document.title)}`);
      // The heading's kind alone ("查询") does not make a section about the question: something of it must match.
      if (coverage === 0 && context === 0 && item.coverage < 0.4) continue;
      // A heading about more than was asked ("积分落户申请条件" for "申领居住证要满足哪些条件") fits less.
      const extra = unaskedShare(accounted, heading);
      // A section limited to a situation the user did not name ("苏州…") answers only when nothing general does.
      const narrower = item.verdict === 'narrower' ? 0.5 : 1;
      considered.set(key, { sourceId: statement.sourceId, section: sectionId, heading: document.sections[sectionId].heading, items, headingCoverage: coverage, score: narrower * (kindWeight * kind + coverage + 0.5 * context + item.coverage * 0.5 - extraWeight * extra) - 0.05 * depth - 0.01 * item.rank });
    }
  }
  const ranks = new Map([...considered.values()].map((choice) => [choice, rank(choice)]));
  return [...considered.values()].sort((left, right) => ranks.get(left)! - ranks.get(right)! || right.score - left.score || left.sourceId.localeCompare(right.sourceId) || left.section - right.section)[0] ?? null;
}
