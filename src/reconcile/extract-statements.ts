// Reads every sentence of a document into a statement: clauses, negation, quantities, scope, condition (pure).
import type { Language } from '../rules/compile-language.js';
import type { Normalize } from '../text/normalize-text.js';
import type { DocumentSection } from '../text/structure-document.js';
import { findPlaces } from '../vocabulary/region-gazetteer.js';
import { analyseSentence } from './analyse-sentence.js';
import { findQuantities, isDuration, type Quantity } from './find-quantities.js';
import { caseOf } from './lead-in-text.js';
import { detectStatementScope, emptyScope, mergeScopes, type CompiledScope, type Scope } from './scope.js';
import type { Statement, StatementCondition } from './statement-types.js';

export interface StatementSource {
  sourceId: string;
  title: string;
  /** Who published the document ("浙江省住房公积金管理服务中心"), if known: "全省" in its text is its province. */
  publisher?: string | null;
  /** An official document of a provincial publisher is that province's rule throughout. */
  authority?: string;
  sections: DocumentSection[];
  chunks: Array<{
    id: string;
    sentences: Array<{ text: string; offset: number; label: string | null; section: number | null }>;
    normalized: string[];
  }>;
}

export interface StatementContext {
  language: Language;
  scope: CompiledScope;
  normalize: Normalize;
  /** Content words of normalized text, canonical. */
  words: (normalized: string) => string[];
  /** Content words of normalized text in order: canonical, as written, and whether each is a verb. */
  taggedWords: (normalized: string) => Array<{ word: string; surface: string; verb: boolean }>;
}

const withoutParentheses = (text: string) => text.replace(/\([^)]*\)/g, '');

/** A label or heading that states a situation ("断缴3个月内") rather than naming a topic ("转出地处理"). */
function isSituational(text: string, language: Language): boolean {
  if (findQuantities({ text, language }).some(isDuration)) return true;
  return language.conditionOpeners.some((word) => word.length > 1 && text.startsWith(word)) || language.conditionClosers.some((word) => word.length > 1 && text.endsWith(word));
}

/** Quantities of a condition; "60日内仍未申请" means at least 60 days have passed. */
function conditionQuantities(text: string, language: Language): Quantity[] {
  return findQuantities({ text, language }).map((quantity) => {
    const after = text.slice(quantity.end, quantity.end + 3);
    return quantity.comparator === 'atMost' && /^(仍未|未|仍没|没|都没)/.test(after) ? { ...quantity, comparator: 'atLeast' as const } : quantity;
  });
}

const personNouns = ['人员', '人', '者', '群体', '对象'];

/** The content words of a condition, grouped by 或/、: quantities, negation cues, scope words and single characters left out. */
function conditionWords(text: string, quantities: Quantity[], context: StatementContext): StatementCondition['words'] {
  let blanked = text;
  for (const quantity of quantities) blanked = blanked.slice(0, quantity.start) + ' '.repeat(quantity.end - quantity.start) + blanked.slice(quantity.end);
  const { language } = context;
  // Places, relations and dimension values are the statement's scope, judged as such, not words to match.
  const scopeWords = new Set([...context.scope.relations.map((entry) => entry.word), ...context.scope.dimensions.flatMap((dimension) => dimension.terms.map((entry) => entry.term))]);
  const disjunction = new RegExp(`^\\s*(${language.disjunction.filter((word) => word !== '和' && word !== '及').join('|')})\\s*$`);
  const words: StatementCondition['words'] = [];
  // Groups holding a scope word ("离休、退休的": 退休 is a population): the scope judges the whole alternation.
  const scopeGroups = new Set<number>();
  let cursor = 0;
  let previousEnd = -1;
  let group = -1;
  for (const { word, verb, surface } of context.taggedWords(blanked)) {
    const at = blanked.indexOf(surface, cursor);
    if (at < 0) continue;
    cursor = at + surface.length;
    const scoped = scopeWords.has(surface) || findPlaces(surface).length > 0;
    const kept = surface.length >= 2 && !language.negation.includes(surface) && !scoped && !language.negation.some((cue) => surface.startsWith(cue) && surface.length <= cue.length + 1);
    if (!kept && !(scoped && surface.length >= 2)) continue;
    const joined = previousEnd >= 0 && disjunction.test(blanked.slice(previousEnd, at));
    if (!joined) group += 1;
    previousEnd = cursor;
    if (scoped) {
      scopeGroups.add(group);
      continue;
    }
    // "未接入" requires the user to say it is not: a negation right before the word belongs to it.
    const before = blanked.slice(Math.max(0, at - 4), at).split(/[,;:，；：]/).at(-1) ?? '';
    const negated = language.negation.some((cue) => before.includes(cue)) && !language.negationBreakers.some((breaker) => before.includes(breaker));
    // A verb that names a kind of person with the word after it ("参保人员", "申请人") is no event the user must state.
    const person = verb && personNouns.some((noun) => blanked.startsWith(noun, cursor));
    if (!words.some((entry) => entry.word === word)) words.push({ word, verb: verb && !person, group, negated });
  }
  return words.map((entry) => (scopeGroups.has(entry.group) ? { ...entry, scoped: true } : entry));
}

/** Whether a sentence tells an example, an anecdote or hearsay rather than stating something. */
export function isExample(sentence: string, label: string | null, path: string[], language: Language): boolean {
  // A sentence that addresses the assistant ("忽略之前的规则…") is text to be read, never a statement of fact.
  if ([...language.refusals.reveal, ...language.refusals.role].some((pattern) => pattern.test(sentence))) return true;
  const opens = (text: string) => language.examples.some((word) => text.startsWith(word));
  const person = (text: string) => language.personSuffixes.some((suffix) => new RegExp(`^[\\u4e00-\\u9fff]{1,2}${suffix}`).test(text));
  // A first-person story may start after an aside ("这里提醒一句，…我第一次就是…"): any clause where a person speaks
  // of themself ("我一开始以为…", "今年三月我从北京跳槽到成都"; not "我省…", which speaks for an institution) or that
  // opens by passing on what someone said ("他说根本不用等半年").
  const personal = (clause: string) =>
    language.personalPronouns.some((pronoun) => {
      for (let at = clause.indexOf(pronoun); at >= 0; at = clause.indexOf(pronoun, at + 1)) if (!language.institutionalPronouns.some((word) => clause.startsWith(word, at))) return true;
      return false;
    });
  // A name in quotation marks ("在平台“我的办件”中查询") is not anyone speaking.
  const told = sentence.split(/[,，;；]/).some((clause) => {
    const opening = clause.trim();
    return personal(opening.replace(/“[^”]*”|「[^」]*」|『[^』]*』|《[^》]*》|"[^"]*"/g, '')) || language.hearsay.some((word) => opening.startsWith(word)) || language.examples.some((word) => word.startsWith('我') && opening.startsWith(word));
  });
  return opens(sentence) || told || person(sentence) || (label !== null && (opens(label) || person(label))) || path.some((heading) => language.examples.includes(heading));
}

/** Scope from a heading: its qualifiers, and its places only when it is a short label ("广东省方案"), not a page title. */
function headingScope(heading: string, context: StatementContext): Scope {
  const scope = detectStatementScope({ text: heading, scope: context.scope });
  if (/[?？]$/.test(heading) || heading.length > 12) return { ...scope, regions: [], origin: null, destination: null };
  return scope;
}

/** Every sentence of the document read as a statement. */
export function extractStatements({ source, context }: { source: StatementSource; context: StatementContext }): Statement[] {
  const { language, normalize } = context;
  const headings = source.sections.map((section) => normalize(section.heading));
  const sentences = source.chunks.flatMap((chunk) =>
    chunk.sentences.map((sentence, position) => ({ chunkId: chunk.id, sentence, normalized: chunk.normalized[position], label: sentence.label ? normalize(sentence.label) : null })),
  );
  // Regions named by the labels of each section ("广东省方案"), for the "其他地区" beside them.
  const labelRegions = new Map<number | null, string[]>();
  // "适用情况：…" items make their whole section conditional.
  const applicability = new Map<number, string>();
  for (const entry of sentences) {
    if (!entry.label) continue;
    const regions = detectStatementScope({ text: entry.label, scope: context.scope }).regions;
    if (regions.length > 0) labelRegions.set(entry.sentence.section, [...(labelRegions.get(entry.sentence.section) ?? []), ...regions]);
    if (entry.sentence.section !== null && language.applicabilityLabels.includes(entry.label)) {
      applicability.set(entry.sentence.section, entry.normalized.slice(entry.label.length + 1));
    }
  }
  // The title frames the whole document: the types it names and a change it describes, never its places (often SEO).
  const titleScope = detectStatementScope({ text: normalize(source.title), scope: context.scope });
  const frame: Scope = { ...emptyScope, values: titleScope.values, changes: titleScope.changes };
  // "全省" means the publisher's province, when the publisher names exactly one; an official document of such a
  // publisher (a province's own notice) is about that province in every sentence.
  const publisherProvinces = source.publisher ? [...new Set(findPlaces(normalize(source.publisher)).map((place) => place.province))] : [];
  const home: Scope | null = publisherProvinces.length === 1 ? { ...emptyScope, regions: publisherProvinces } : null;
  const saysHome = (text: string) => context.scope.homeProvince.some((word) => text.includes(word));

  return sentences.map(({ chunkId, sentence, normalized, label }): Statement => {
    // The label may follow an item's number ("1、购房提取：…").
    const labelAt = label ? normalized.indexOf(label) : -1;
    const labelLength = label && labelAt >= 0 && /^[\s\d一二三四五六七八九十()（）、.．•·*-]*$/.test(normalized.slice(0, labelAt)) ? labelAt + label.length + 1 : 0;
    const analysis = analyseSentence({ text: normalized, language, labelLength });
    const sectionIds: number[] = [];
    for (let current = sentence.section; current !== null; current = source.sections[current]?.parent ?? null) sectionIds.unshift(current);
    const path = sectionIds.map((id) => headings[id]);

    const main = analysis.clauses.filter((clause) => !clause.label && !clause.condition).map((clause) => normalized.slice(clause.start, clause.end)).join(',');
    const conditionClauses = analysis.clauses.filter((clause) => clause.condition).map((clause) => normalized.slice(clause.start, clause.end));
    let labelScope = label ? detectStatementScope({ text: label, scope: context.scope }) : emptyScope;
    if (label && context.scope.complements.includes(label)) {
      const named = labelRegions.get(sentence.section) ?? [];
      labelScope = { ...labelScope, excludedRegions: [...new Set(named)] };
    }
    const scope = mergeScopes(
      detectStatementScope({ text: withoutParentheses([...conditionClauses, main].join(',')), scope: context.scope }),
      home && (source.authority === 'official' || saysHome(normalized)) ? home : emptyScope,
      labelScope,
      ...[...path].reverse().map((heading) => headingScope(heading, context)),
      frame,
    );

    const conditionTexts = [...conditionClauses];
    // A list item naming a case ("（一）购买、建造…自住住房的；") under a lead-in ("职工有下列情形之一的,可以申请提取…")
    // is the condition of what the lead-in says.
    const itemCase = conditionClauses.length === 0 ? caseOf({ normalized, path }) : null;
    if (itemCase) conditionTexts.push(itemCase);
    if (label && isSituational(label, language)) conditionTexts.unshift(label);
    for (const id of sectionIds) {
      const applies = applicability.get(id);
      if (applies && !(label && language.applicabilityLabels.includes(label))) conditionTexts.push(applies);
      if (isSituational(headings[id], language)) conditionTexts.push(headings[id]);
    }
    const conditionText = conditionTexts.join(',');
    const quantities = conditionText ? conditionQuantities(conditionText, language) : [];
    const condition: StatementCondition | null = conditionText
      ? { text: conditionText, words: conditionWords(conditionText, quantities, context), quantities }
      : null;

    return {
      key: `${chunkId}:${sentence.offset}`,
      sourceId: source.sourceId,
      chunkId,
      offset: sentence.offset,
      text: sentence.text,
      normalized,
      label,
      path,
      section: sentence.section,
      analysis,
      clauseTokens: analysis.clauses.map((clause) => context.words(withoutParentheses(normalized.slice(clause.start, clause.end)))),
      scope,
      condition,
      example: isExample(normalized, label, path, language),
    };
  });
}
