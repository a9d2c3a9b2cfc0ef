// A difference part: the statement naming every thing compared, else one statement about each thing, side by side (pure).
import type { LoadedIndex } from '../index/load-index.js';
import type { FocusWord, QuestionAnalysis, QuestionPart } from '../question/question-types.js';
import { applicabilityOf } from '../reconcile/applicability.js';
import { detectUserScope } from '../reconcile/scope.js';
import type { Statement } from '../reconcile/statement-types.js';
import { scopeTerms, type Evidence } from '../retrieval/retrieve-evidence.js';
import { findPlaces } from '../vocabulary/region-gazetteer.js';
import { questionContextOf } from './answer-question.js';
import { best, isSayable, minimumCoverage, scoreEvidence } from './rank-evidence.js';
import { wordsOf } from './words-of.js';

/**
 * A question of difference is answered by the statement that names every thing it compares, else by the best
 * statement about each thing, side by side (a statement naming another of the things is not about one alone).
 */
export function compareThings({ index, analysis, part, evidence }: { index: LoadedIndex; analysis: QuestionAnalysis; part: QuestionPart; evidence: Evidence[] }): { lead: Statement[]; things: string[] | null } | null {
  if (part.compared.length < 2) return null;
  const { synonyms } = index.reading;
  // A thing that is a kind of move ("武汉市内搬家", "搬去别的城市") is what statements of that move speak of, whatever the
  // move the question's words make the user's own.
  const relations = new Map(part.compared.map((thing) => [thing, detectUserScope({ text: thing, scope: index.reading.scope }).relation]));
  const distinctRelations = new Set([...relations.values()].filter((relation) => relation !== null)).size === part.compared.length;
  const ofRelation = (item: Evidence, thing: string) => distinctRelations && item.statement.scope.relation !== null && item.statement.scope.relation === relations.get(thing);
  // Such a statement is judged for the user making that move: their places and kind of insurance still count.
  const movesAs = (item: Evidence, thing: string) => applicabilityOf({ statement: item.statement, user: { ...analysis.situation, scope: { ...analysis.situation.scope, relation: relations.get(thing) ?? null } }, scope: index.reading.scope }).verdict;
  // A thing is named as written, or by the rarest of its own words (a synonym counts) that the other things lack:
  // "公积金买房提取" is named by "购房提取：…" (提取 is said of both things; 公积金 of the whole corpus).
  const { frequency } = questionContextOf(index);
  const wordsOfThing = new Map(part.compared.map((thing) => [thing, index.text.tokensOfNormalized(thing)]));
  const sharedWords = new Set([...wordsOfThing.values()].reduce((left, right) => left.filter((word) => right.includes(word))));
  const usage = (word: string) => Math.max(0, ...synonyms.alternatives(word).filter((alternative) => alternative.length > 1).map(frequency));
  const rarestOwn = new Map(
    part.compared.map((thing) => [thing, (wordsOfThing.get(thing) ?? []).filter((word) => !sharedWords.has(word) && usage(word) > 0).sort((left, right) => usage(left) - usage(right))[0]]),
  );
  const names = (text: string, thing: string) => {
    if (synonyms.alternatives(thing).some((alternative) => text.includes(alternative))) return true;
    // (Kinds of move are named by their relation instead.)
    const word = distinctRelations ? undefined : rarestOwn.get(thing);
    return word !== undefined && synonyms.alternatives(word).some((alternative) => alternative.length > 1 && text.includes(alternative));
  };
  // What the statements say is the content here: their conditions do not filter the user, who states no situation.
  const compared = (item: Evidence) => item.verdict !== 'other_scope' || part.compared.some((thing) => ofRelation(item, thing) && movesAs(item, thing) !== 'other_scope');
  const candidates = evidence.filter((item) => compared(item) && item.verdict !== 'superseded' && !item.statement.example && isSayable({ index, evidence: item }));
  // What is compared in the two cases: the rarest nouns of the question outside the things compared ("个人账户").
  const scopeWords = scopeTerms(index);
  const used = (word: FocusWord) => Math.max(0, ...word.alternatives.filter((alternative) => alternative.length > 1).map(frequency));
  const nouns = part.focus.filter((word) => word.noun && word.word.length > 1 && used(word) > 0 && !scopeWords.has(word.word) && !part.compared.some((thing) => thing.includes(word.word)));
  const rarest = Math.min(...nouns.map(used));
  const topic = nouns.filter((word) => used(word) <= rarest * 1.5);
  const both = candidates.filter((item) => part.compared.every((thing) => names(item.statement.normalized, thing)));
  // A statement limited to a situation the question does not name ("持证人跨市变更居住地的，…") relates the things
  // only there; one whose condition is about the things themselves ("办理居住登记满半年…") relates them in general.
  // A condition that is the compared move itself ("持证人在本市范围内变更居住地址的" for 市内搬家) is no elsewhere.
  const conditionMove = (item: Evidence) => (distinctRelations && item.statement.condition ? detectUserScope({ text: item.statement.condition.text, scope: index.reading.scope }).relation : null);
  const elsewhere = (item: Evidence) => item.statement.condition !== null && !part.compared.some((thing) => names(item.statement.condition!.text, thing) || (conditionMove(item) !== null && conditionMove(item) === relations.get(thing)));
  const onTopic = (item: Evidence) => topic.length === 0 || topic.some((word) => word.alternatives.some((alternative) => alternative.length > 1 && `${item.statement.path.at(-1) ?? ''}${item.statement.normalized}`.includes(alternative)));
  const bestOf = (items: Evidence[]) => {
    // Of kinds of move, one that holds for the user outright comes before one limited to others ("跨省异地安置退休人员").
    // (Its condition describes the case compared; it does not filter the user.)
    const outright = !distinctRelations ? [] : items.filter((item) => item.verdict === 'applies' || item.verdict === 'condition_not_met' || (item.verdict === 'other_scope' && part.compared.some((thing) => ofRelation(item, thing) && movesAs(item, thing) === 'applies')));
    const held = outright.length > 0 ? outright : items;
    // …and one about what the question is about ("个人账户的钱") before one about the move alone.
    const topical = held.filter(onTopic);
    const pool = topical.length > 0 ? topical : held;
    const general = pool.filter((item) => !elsewhere(item));
    return best((general.length > 0 ? general : pool).map((item) => ({ evidence: item })))?.evidence.statement;
  };
  // One naming both answers only when it is about what is compared ("材料"): "购房、偿还房贷…都可以申请提取" is not.
  const shared = bestOf(both.filter(onTopic));
  if (shared) return { lead: [shared], things: null };
  // "其他省份", "其他地区" stand for everywhere else: the statements limited to no place, about the question's topic.
  const { complements } = index.reading.scope;
  const everywhereElse = (thing: string) => complements.includes(thing);
  const about = (item: Evidence, thing: string) =>
    everywhereElse(thing) ? item.statement.scope.regions.length === 0 && item.coverage >= minimumCoverage : names(item.statement.normalized, thing) || ofRelation(item, thing) || (findPlaces(thing).length > 0 && item.statement.scope.regions.some((region) => thing.includes(region.replace(/省$/, ''))));
  const onlyAbout = (item: Evidence, thing: string) => about(item, thing) && !part.compared.some((other) => other !== thing && !other.includes(thing) && !everywhereElse(other) && (names(item.statement.normalized, other) || ofRelation(item, other)));
  const named = part.compared.map((thing) => (everywhereElse(thing) ? undefined : bestOf(candidates.filter((item) => onlyAbout(item, thing)))));
  // Everywhere else is told by the general statement closest to what the named side says ("…其父母、子女也可以申请提取"
  // → "…可以提取职工本人及其配偶的住房公积金，其他亲属不得提取").
  const namedSide = named.find((statement) => statement !== undefined);
  const closeness = (statement: Statement) => {
    if (!namedSide) return 0;
    const mine = wordsOf(statement);
    const theirs = wordsOf(namedSide);
    return [...mine].filter((word) => theirs.has(word)).length / (new Set([...mine, ...theirs]).size || 1);
  };
  const sides = part.compared.map((thing, position) => {
    if (!everywhereElse(thing)) return named[position];
    const general = candidates.filter((item) => onlyAbout(item, thing));
    return [...general].sort((left, right) => closeness(right.statement) - closeness(left.statement) || scoreEvidence(right) - scoreEvidence(left))[0]?.statement;
  });
  if (sides.some((side) => side === undefined)) return null;
  return { lead: sides as Statement[], things: part.compared };
}
