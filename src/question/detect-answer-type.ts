// What kind of answer a question asks for, and in which unit (pure).
import type { Language } from '../rules/compile-language.js';
import type { AnswerType } from '../rules/language-schema.js';

export interface DetectedType {
  type: AnswerType | null;
  /** Where the deciding cue starts and ends in the text (its words are not part of the focus). */
  cues: Array<[number, number]>;
  yesNo: { yes: string; no: string } | null;
  unit: { unit: string; dimension: string } | null;
  /** Where the yes/no modal starts: verbs after it are what is asked, words before it what it is asked about. */
  modalAt: number | null;
}

/** The modal characters that ask; 算 only first ("能算上吗" asks 能 of 算上). */
const modalCharacters = /^(算|[会能可以需要是否真得有用]+)/;

const howFirst: AnswerType[] = ['steps', 'channel', 'explain'];
const valueTypes: AnswerType[] = ['number', 'duration'];
const durationDimensions = new Set(['days', 'workdays', 'hours']);

/**
 * The answer type of one asking clause: the earliest cue decides, except that a how-question ("怎么查…多少钱")
 * keeps its type over a number it mentions; a yes/no construction is the fallback.
 */
export function detectAnswerType({ clause, language }: { clause: string; language: Language }): DetectedType {
  const found: Array<{ type: AnswerType; start: number; end: number }> = [];
  const taken: Array<[number, number]> = [];
  for (const { type, cue } of language.answerTypeCues) {
    for (let at = clause.indexOf(cue); at >= 0; at = clause.indexOf(cue, at + cue.length)) {
      const end = at + cue.length;
      // "那几年", "这几个月": a demonstrative, not a question.
      if (cue.startsWith('几') && /[那这]$/.test(clause.slice(0, at))) continue;
      if (taken.some(([from, to]) => at < to && end > from)) continue;
      // "啥时候都可以退吗" claims something holds at any time: it asks yes or no, not when.
      if (language.universalOpeners.includes(cue) && language.universalClosers.some((closer) => clause.indexOf(closer, end) >= end)) continue;
      taken.push([at, end]);
      found.push({ type, start: at, end });
    }
  }
  // "几" before any unit asks a figure in it ("能算几分", "要交几万"): a length of time is a duration.
  for (const unit of language.units) {
    for (const cue of [`几${unit.spelling}`, `几个${unit.spelling}`]) {
      for (let at = clause.indexOf(cue); at >= 0; at = clause.indexOf(cue, at + cue.length)) {
        const end = at + cue.length;
        if (/[那这]$/.test(clause.slice(0, at)) || taken.some(([from, to]) => at < to && end > from)) continue;
        taken.push([at, end]);
        found.push({ type: durationDimensions.has(unit.dimension) ? 'duration' : 'number', start: at, end });
      }
    }
  }
  found.sort((left, right) => left.start - right.start);
  // A cue that asks ("多少", "怎么办理") decides over one that only names a topic ("流程", "时限").
  const asking = found.filter((entry) => language.interrogatives.some((word) => clause.slice(entry.start, entry.end).includes(word)));
  let chosen = asking[0] ?? found[0];
  const how = found.find((entry) => howFirst.includes(entry.type));
  if (chosen && how && valueTypes.includes(chosen.type) && how.start > chosen.start && /查|看|知道/.test(clause.slice(chosen.end))) chosen = how;
  // "第一件事该去哪儿办" asks for the first step of a procedure, wherever it is done.
  const firstStep = found.find((entry) => entry.type === 'steps' && /第一|先/.test(clause.slice(entry.start, entry.end)));
  if (firstStep && chosen?.type === 'channel') chosen = firstStep;
  // "多少个工作日" is a duration even though "多少" alone asks a number.
  const duration = found.find((entry) => entry.type === 'duration');
  if (chosen?.type === 'number' && duration) chosen = duration;
  const yesNo = detectYesNo({ clause, language });
  // A number said before the yes/no modal is given, not asked ("放几年会不会作废"): the question is yes/no.
  if (yesNo && chosen && valueTypes.includes(chosen.type) && chosen.start < yesNo.at) chosen = undefined as unknown as typeof chosen;
  if (yesNo) {
    // The modal verb that asks ("钱会丢吗": "会") is a question word, not part of what is asked about.
    const modal = modalCharacters.exec(clause.slice(yesNo.at));
    if (modal) found.push({ type: 'yesno', start: yesNo.at, end: yesNo.at + modal[0].length });
  }
  const unit = chosen && valueTypes.includes(chosen.type) ? unitAsked({ clause, language, from: chosen.start }) : null;
  return { type: chosen?.type ?? (yesNo ? 'yesno' : null), cues: found.map((entry) => [entry.start, entry.end]), yesNo: yesNo && { yes: yesNo.yes, no: yesNo.no }, unit, modalAt: yesNo?.at ?? null };
}

/** The yes/no words of the earliest yes/no construction in the clause, and where it starts. */
export function detectYesNo({ clause, language }: { clause: string; language: Language }): { yes: string; no: string; at: number } | null {
  let best: { index: number; order: number; yes: string; no: string } | null = null;
  // The last construction is the catch-all ("…吗"): it answers only when no specific one does.
  const specific = language.yesNo.slice(0, -1);
  const candidates = specific.some((entry) => entry.pattern.test(clause)) ? specific : language.yesNo.slice(-1);
  candidates.forEach((entry, order) => {
    const match = entry.pattern.exec(clause);
    if (match && (!best || match.index < best.index || (match.index === best.index && order < best.order))) best = { index: match.index, order, yes: entry.yes, no: entry.no };
  });
  const found = best as { index: number; yes: string; no: string } | null;
  return found && { yes: found.yes, no: found.no, at: found.index };
}

/** The unit a number question asks in: the unit after "多少/几", else one named before it ("省份有多少个"). */
function unitAsked({ clause, language, from }: { clause: string; language: Language; from: number }): { unit: string; dimension: string } | null {
  const after = clause.slice(from).replace(/^(多少|几|多长|多久|那么久|这么久)/, '');
  // A share ("缴存比例最高多少", "费率是百分之几") is asked in percent.
  if (language.shareWords.some((word) => clause.includes(word))) return { unit: '%', dimension: 'percent' };
  if (/^钱|^块/.test(after) || /(费|钱)/.test(clause.slice(Math.max(0, from - 3), from))) return { unit: '元', dimension: 'money' };
  const direct = language.units.find((unit) => after.startsWith(unit.spelling));
  if (direct && direct.unit !== '个') return { unit: direct.unit, dimension: direct.dimension };
  const before = clause.slice(0, from);
  const named = language.units.filter((unit) => unit.unit !== '个' && unit.spelling.length > 1 && before.includes(unit.spelling)).sort((left, right) => before.lastIndexOf(right.spelling) - before.lastIndexOf(left.spelling))[0];
  if (named) return { unit: named.unit, dimension: named.dimension };
  return /久|多长时间|时限|期限/.test(clause.slice(from, from + 5)) ? { unit: '日', dimension: 'days' } : null;
}
