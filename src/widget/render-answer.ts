// Builds the DOM of an answer: text nodes only (never HTML), [n] as footnote buttons, conflicts and disclaimer.
import type { WidgetCitation, WidgetConflict } from './conversation-store.js';
import { element } from './element.js';
import { reasonNames, ruleNames } from './rule-labels.js';

/** The answer text with clickable footnotes that open the source's title, date, quote and link. */
export function renderAnswer({ container, text, citations, conflicts, disclaimer, api, footer }: { container: HTMLElement; text: string; citations: WidgetCitation[]; conflicts: WidgetConflict[]; disclaimer?: string; api: string; footer?: HTMLElement }): void {
  container.textContent = '';
  const body = element('div');
  const byNumber = new Map(citations.map((citation) => [citation.n, citation]));
  const detail = element('div', 'source');
  detail.hidden = true;
  detail.setAttribute('role', 'region');
  let position = 0;
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    body.append(document.createTextNode(text.slice(position, match.index)));
    const citation = byNumber.get(Number(match[1]));
    if (citation) {
      const button = element('button', 'footnote', `[${citation.n}]`);
      button.type = 'button';
      button.setAttribute('aria-label', `来源 ${citation.n}：${citation.title}`);
      button.setAttribute('aria-expanded', 'false');
      button.addEventListener('click', () => {
        const open = detail.dataset.n === String(citation.n) && !detail.hidden;
        detail.textContent = '';
        if (open) {
          detail.hidden = true;
          button.setAttribute('aria-expanded', 'false');
          return;
        }
        detail.dataset.n = String(citation.n);
        detail.append(element('strong', undefined, `[${citation.n}] ${citation.title}`), element('div', undefined, citation.date ? `日期：${citation.date}` : '日期：未注明'), element('blockquote', undefined, citation.quote));
        const link = element('a', undefined, '查看原文');
        link.href = `${api}/api/sources/${encodeURIComponent(citation.sourceId)}`;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        detail.append(link);
        detail.hidden = false;
        button.setAttribute('aria-expanded', 'true');
      });
      body.append(button);
    } else body.append(document.createTextNode(match[0]));
    position = match.index + match[0].length;
  }
  body.append(document.createTextNode(text.slice(position)));
  container.append(body, detail);
  if (conflicts.length > 0) {
    const box = element('div', 'conflicts');
    box.append(element('h3', undefined, '来源说法不一'));
    for (const conflict of conflicts) {
      const line = conflict.adopted
        ? `${conflict.topic}：采用“${conflict.adopted.statement}”（依据：${ruleNames[conflict.rule] ?? conflict.rule}）；未采用${conflict.rejected.map((rejected) => `“${rejected.statement}”（${reasonNames[rejected.reason] ?? rejected.reason}）`).join('、')}。`
        : `${conflict.topic}：资料说法不一，无法判定：${conflict.rejected.map((rejected) => `“${rejected.statement}”`).join('；')}。`;
      box.append(element('p', undefined, line));
    }
    container.append(box);
  }
  if (disclaimer) container.append(element('div', 'disclaimer', disclaimer));
  if (footer) container.append(footer);
}
