// Step 4 of an answer: the ordered resolution rules over comparable candidates (pure, deterministic).
import type { Candidate, RejectedCandidate, RejectionReason, Resolution, ResolutionRule, Side } from './resolution-types.js';

/** official > media > aggregator = unknown. */
export const authorityRank: Record<Candidate['authority'], number> = { official: 3, media: 2, aggregator: 1, unknown: 1 };

interface Decision {
  winner: string;
  /** Why a candidate of a losing side lost: per candidate, since an undated one was not outdated. */
  reason: (side: Side, candidate: Candidate) => RejectionReason;
  note: string;
}

function groupSides(candidates: Candidate[]): Side[] {
  const sides = new Map<string, Side>();
  for (const candidate of candidates) {
    const side = sides.get(candidate.valueKey);
    if (side) side.candidates.push(candidate);
    else sides.set(candidate.valueKey, { valueKey: candidate.valueKey, candidates: [candidate] });
  }
  return [...sides.values()].sort((left, right) => left.valueKey.localeCompare(right.valueKey));
}

/** The one side whose measure is strictly greater than every other side's, or null. */
function uniqueBest(sides: Side[], measure: (side: Side) => number): Side | null {
  const measured = sides.map((side) => ({ side, value: measure(side) })).sort((left, right) => right.value - left.value);
  if (measured.length === 1 || measured[0].value > measured[1].value) return measured[0].side;
  return null;
}

const families = (side: Side) => new Set(side.candidates.map((candidate) => candidate.family));

/** 2. Scope: the side of the statements that address the user's situation most narrowly governs. */
function scopeRule(sides: Side[]): Decision | null {
  const best = uniqueBest(sides, (side) => Math.max(...side.candidates.map((candidate) => candidate.specificity)));
  return best ? { winner: best.valueKey, reason: () => 'less_specific', note: `specificity ${Math.max(...best.candidates.map((candidate) => candidate.specificity))}` } : null;
}

/** 4. Authority: official beats media beats aggregator/unknown. */
function authorityRule(sides: Side[]): Decision | null {
  const best = uniqueBest(sides, (side) => Math.max(...side.candidates.map((candidate) => authorityRank[candidate.authority])));
  return best ? { winner: best.valueKey, reason: () => 'less_authoritative', note: `authority ${best.candidates.map((candidate) => candidate.authority).sort()[0]}` } : null;
}

function dateKey(candidate: Candidate): string {
  // A figure's explicit as-of date outranks any publication date; undated sorts lowest.
  if (candidate.figure && candidate.asOf) return `2|${candidate.asOf}`;
  return candidate.date ? `1|${candidate.date}` : '0|';
}

/** 5. Time: the newest dated statement wins (a figure by its as-of date first); an undated one never beats a dated one. */
function timeRule(sides: Side[]): Decision | null {
  const latest = new Map(sides.map((side) => [side.valueKey, side.candidates.map(dateKey).sort().at(-1) ?? '0|']));
  const ordered = [...latest.entries()].sort((left, right) => right[1].localeCompare(left[1]));
  if (ordered[0][1] === '0|' || (ordered.length > 1 && ordered[0][1] === ordered[1][1])) return null;
  return { winner: ordered[0][0], reason: (_side, candidate) => (dateKey(candidate) === '0|' ? 'undated' : 'outdated'), note: `latest ${ordered[0][1].slice(2)}` };
}

/**
 * Which of the adopted side's statements decided the rule, first: the most authoritative for authority, time and
 * consensus (only those were weighed past authority), and for time the newest of them.
 */
export function decidingFirst(rule: ResolutionRule | null): (left: Candidate, right: Candidate) => number {
  if (rule !== 'authority' && rule !== 'time' && rule !== 'consensus') return () => 0;
  return (left, right) => authorityRank[right.authority] - authorityRank[left.authority] || (rule === 'time' ? dateKey(right).localeCompare(dateKey(left)) : 0);
}

/** 6. Consensus: more independent families of sources (copies count once). */
function consensusRule(sides: Side[]): Decision | null {
  const best = uniqueBest(sides, (side) => families(side).size);
  return best ? { winner: best.valueKey, reason: () => 'minority', note: `${families(best).size} independent sources` } : null;
}

function reasonOfDropped(candidate: Candidate): RejectionReason {
  if (candidate.verdict === 'superseded') return 'superseded';
  return candidate.verdict === 'condition_not_met' ? 'condition_not_met' : 'other_scope';
}

/**
 * Reconciles comparable candidates for the user's situation, rule by rule:
 * 1 applicability, 2 scope, 3 internal consistency, 4 authority, 5 time, 6 consensus, 7 unresolved.
 * The reason given for each rejected statement is the ground that actually set it aside.
 */
export function reconcileCandidates(candidates: Candidate[]): Resolution {
  const trace: string[] = [];
  const applicable = candidates.filter((candidate) => candidate.verdict === 'applies');
  const exceptions = candidates.filter((candidate) => candidate.verdict === 'narrower');
  const dropped = candidates.filter((candidate) => !['applies', 'narrower'].includes(candidate.verdict));
  trace.push(`applicability: ${applicable.length} apply, ${exceptions.length} narrower, ${dropped.length} set aside`);
  const empty: Resolution = { adopted: null, rejected: [], rule: null, sides: [], exceptions, trace };
  let sides = groupSides(applicable);
  if (sides.length === 0) return empty;

  const contraryDropped = (winner: string): RejectedCandidate[] =>
    dropped.filter((candidate) => candidate.valueKey !== winner).map((candidate) => ({ candidate, reason: reasonOfDropped(candidate) }));
  const finish = (winner: Side, rule: ResolutionRule | null, rejected: RejectedCandidate[]): Resolution => {
    const setAside = contraryDropped(winner.valueKey);
    return { adopted: winner, rejected: [...rejected, ...setAside], rule: rule ?? (setAside.length > 0 ? 'applicability' : null), sides: [], exceptions, trace };
  };
  if (sides.length === 1) {
    trace.push('one value applies');
    return finish(sides[0], null, []);
  }

  const rejectedBy = (decision: Decision, weighed: Side[], all: Side[], topAuthority: number | null): RejectedCandidate[] =>
    all
      .filter((side) => side.valueKey !== decision.winner)
      .flatMap((side) => {
        const weighedSide = weighed.find((candidate) => candidate.valueKey === side.valueKey);
        return side.candidates.map((candidate) => ({
          candidate,
          reason:
            topAuthority !== null && authorityRank[candidate.authority] < topAuthority
              ? ('less_authoritative' as const)
              : weighedSide && weighedSide.candidates.includes(candidate)
                ? decision.reason(weighedSide, candidate)
                : ('inconsistent_source' as const),
        }));
      });

  // 2. Scope.
  const scope = scopeRule(sides);
  trace.push(`scope: ${scope ? `${scope.winner} (${scope.note})` : 'no narrower statement'}`);
  if (scope) return finish(sides.find((side) => side.valueKey === scope.winner)!, 'scope', rejectedBy(scope, sides, sides, null));

  // 3. Internal consistency: a source (one document) stating several values on the subject loses those claims.
  // A publisher's newer document differing from its older one is an update, weighed by time, not a contradiction.
  const counts = new Map<string, number>();
  for (const side of sides) for (const source of new Set(side.candidates.map((candidate) => candidate.statement.sourceId))) counts.set(source, (counts.get(source) ?? 0) + 1);
  const inconsistent = new Set([...counts].filter(([, count]) => count > 1).map(([source]) => source));
  const allSides = sides;
  const inconsistentRejections: RejectedCandidate[] = [];
  if (inconsistent.size > 0) {
    const kept = sides.map((side) => ({ ...side, candidates: side.candidates.filter((candidate) => !inconsistent.has(candidate.statement.sourceId)) }));
    for (const side of sides) for (const candidate of side.candidates) if (inconsistent.has(candidate.statement.sourceId)) inconsistentRejections.push({ candidate, reason: 'inconsistent_source' });
    const supported = kept.filter((side) => side.candidates.length > 0);
    trace.push(`internal_consistency: ${[...inconsistent].join(', ')} state several values`);
    if (supported.length === 1) {
      const winner = supported[0];
      const rejected = inconsistentRejections.filter((entry) => entry.candidate.valueKey !== winner.valueKey);
      return finish(allSides.find((side) => side.valueKey === winner.valueKey)!, 'internal_consistency', rejected);
    }
    if (supported.length === 0) {
      trace.push('unresolved: every source contradicts itself');
      return { ...empty, rule: 'unresolved', sides: allSides };
    }
    sides = supported;
  } else {
    trace.push('internal_consistency: no source contradicts itself');
  }
  const withInconsistent = (rejected: RejectedCandidate[], winner: string) => [
    ...rejected,
    ...inconsistentRejections.filter((entry) => entry.candidate.valueKey !== winner && !rejected.some((other) => other.candidate === entry.candidate)),
  ];

  // 4. Authority.
  const authority = authorityRule(sides);
  trace.push(`authority: ${authority ? `${authority.winner} (${authority.note})` : 'no side is more authoritative'}`);
  if (authority) return finish(allSides.find((side) => side.valueKey === authority.winner)!, 'authority', withInconsistent(rejectedBy(authority, sides, allSides, null), authority.winner));
  // Past the authority rule, only the most authoritative statements are weighed.
  const top = Math.max(...sides.flatMap((side) => side.candidates.map((candidate) => authorityRank[candidate.authority])));
  const weighed = sides.map((side) => ({ ...side, candidates: side.candidates.filter((candidate) => authorityRank[candidate.authority] === top) })).filter((side) => side.candidates.length > 0);

  // 5. Time, then 6. consensus.
  for (const [name, rule] of [['time', timeRule], ['consensus', consensusRule]] as const) {
    const decision = rule(weighed);
    trace.push(`${name}: ${decision ? `${decision.winner} (${decision.note})` : 'does not decide'}`);
    if (decision) return finish(allSides.find((side) => side.valueKey === decision.winner)!, name, withInconsistent(rejectedBy(decision, weighed, allSides, top), decision.winner));
  }
  trace.push('unresolved');
  return { ...empty, rule: 'unresolved', sides: allSides };
}
