// CSV and JSON Lines exports of operator records.

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe. */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row, UTF-8 with a byte-order mark so spreadsheets read Chinese correctly. */
export function toCsv<T extends object>({ records, columns }: { records: T[]; columns: Array<keyof T & string> }): string {
  const lines = [columns.join(','), ...records.map((record) => columns.map((column) => csvCell(record[column])).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function toJsonLines<T>({ records }: { records: T[] }): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + (records.length ? '\n' : '');
}
