// A window of days before or after an event ("到期前30日内", "自变更之日起30日内") applied to the date the user gives
// for that event ("明年1月15号到期"): 12月16日起, or 2月14日前 (pure).
import type { Quantity } from '../reconcile/find-quantities.js';
import type { Statement } from '../reconcile/statement-types.js';

export interface ReckonedDate {
  /** The day for the user: from when ("12月16日起") or by when ("2月14日前"). */
  text: string;
  /** How it was reckoned, in the source's words and the user's date ("到期前30日内，按1月15日计"). */
  reckoning: string;
}

/** A month and day the user writes ("1月15号", "1月15日"), with its year when written ("2027年1月15日"). */
const userDate = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(?:日|号)/g;
/** The window's side of the event: the words right before the figure. */
const before = /前$/;
const after = /(起|后|以后|之后)$/;
/** A year that is no leap year, for a date the user gives without one. */
const commonYear = 2001;
const dayMilliseconds = 24 * 60 * 60 * 1000;

/**
 * The day a window of days opens or closes for the one date the user gives, or null: the statement's figure must be
 * days within a limit ("30日内"), right after 前 (the window ends at the event: it opens N days before) or after 起/后 (it
 * opens at the event: it closes N days after), and the user must give exactly one date.
 */
export function reckonDate({ statement, quantity, message }: { statement: Statement; quantity: Quantity; message: string }): ReckonedDate | null {
  if (quantity.dimension !== 'days' || quantity.unit === '工作日' || quantity.comparator !== 'atMost' || quantity.upper !== null) return null;
  const dates = [...message.matchAll(userDate)];
  if (dates.length !== 1) return null;
  const [, yearText, monthText, dayText] = dates[0];
  const month = Number(monthText);
  const day = Number(dayText);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const text = statement.normalized;
  const lead = text.slice(Math.max(0, quantity.start - 4), quantity.start);
  const opens = before.test(lead);
  if (!opens && !after.test(lead)) return null;
  const year = yearText ? Number(yearText) : commonYear;
  const event = Date.UTC(year, month - 1, day);
  const moved = new Date(event + (opens ? -1 : 1) * quantity.base * dayMilliseconds);
  const written = `${yearText && moved.getUTCFullYear() !== year ? `${moved.getUTCFullYear()}年` : ''}${moved.getUTCMonth() + 1}月${moved.getUTCDate()}日`;
  // The source's words for the window: from the start of its clause to the end of the figure.
  const clauseStart = Math.max(...['，', ',', '；', ';', '。'].map((mark) => text.lastIndexOf(mark, quantity.start))) + 1;
  return {
    text: `${written}${opens ? '起' : '前'}`,
    reckoning: `${text.slice(clauseStart, quantity.end)}，按${monthText}月${dayText}日计`,
  };
}
