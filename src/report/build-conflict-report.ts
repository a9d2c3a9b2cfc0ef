// The contradictions of a loaded index as operators read them: subject, values with their sources, decision, rule.
import type { LoadedIndex } from '../index/load-index.js';
import { findConflicts } from '../reconcile/find-conflicts.js';
import type { RejectionReason, ResolutionRule } from '../reconcile/resolution-types.js';
import type { Statement } from '../reconcile/statement-types.js';

export interface ReportedSource {
  sourceId: string;
  title: string;
  date: string | null;
  authority: string;
  quote: string;
}

export interface ConflictReportEntry {
  subject: string;
  kind: string;
  values: Array<{ value: string; sources: ReportedSource[] }>;
  decision: { adopted: string | null; rule: ResolutionRule; rejected: Array<{ value: string; sourceId: string; reason: RejectionReason }> };
  /** Documents an editor could retire or fix: the sources of the values the rules set aside. */
  retire: string[];
}

/** Every contradiction in the index, decided for a user who states no particular situation. */
export function buildConflictReport({ index }: { index: LoadedIndex }): ConflictReportEntry[] {
  const sourceOf = (sourceId: string) => {
    const document = index.documents.get(sourceId);
    return { authority: document?.authority ?? 'unknown', date: document?.date ?? null, family: index.families.get(sourceId) ?? sourceId };
  };
  const weightOf = (word: string) => {
    const frequency = (index.lexical.postings[word]?.length ?? 0) / 2;
    return Math.log(1 + (index.lexical.documentCount - frequency + 0.5) / (frequency + 0.5));
  };
  const reported = (statement: Statement): ReportedSource => {
    const document = index.documents.get(statement.sourceId);
    return { sourceId: statement.sourceId, title: document?.title ?? statement.sourceId, date: document?.date ?? null, authority: document?.authority ?? 'unknown', quote: statement.text };
  };
  return findConflicts({ claims: index.claims, sourceOf, language: index.reading.language, weightOf }).map((entry) => {
    const valueOfKey = new Map<string, string>();
    for (const value of entry.values) for (const statement of value.statements) valueOfKey.set(statement.key, value.value);
    const { resolution } = entry;
    const adopted = resolution.adopted ? valueOfKey.get(resolution.adopted.candidates[0].statement.key) ?? null : null;
    const rejected = resolution.rejected.map(({ candidate, reason }) => ({ value: valueOfKey.get(candidate.statement.key) ?? '', sourceId: candidate.statement.sourceId, reason }));
    return {
      subject: entry.subject,
      kind: entry.kind,
      values: entry.values.map((value) => ({ value: value.value, sources: value.statements.map(reported) })),
      // One value applying while the others hold only in narrower situations is decided by applicability.
      decision: { adopted, rule: resolution.rule ?? (adopted ? 'applicability' : 'unresolved'), rejected },
      retire: [...new Set(rejected.map((entry) => entry.sourceId))],
    };
  });
}
