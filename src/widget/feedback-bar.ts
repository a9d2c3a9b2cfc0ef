// 👍/👎 under an answer; 👎 offers an optional comment. Sent to POST /api/feedback with the answer's id.
import { element } from './element.js';

export interface FeedbackTarget {
  answerId: string;
  question: string;
  indexVersion?: string;
}

export function feedbackBar({ api, key, target }: { api: string; key?: string; target: FeedbackTarget }): HTMLElement {
  const bar = element('div', 'feedback');
  const up = element('button', 'rate', '👍');
  up.type = 'button';
  up.setAttribute('aria-label', '这个回答有帮助');
  const down = element('button', 'rate', '👎');
  down.type = 'button';
  down.setAttribute('aria-label', '这个回答没有帮助');
  const note = element('span', 'thanks');
  note.setAttribute('role', 'status');
  bar.append(up, down, note);

  const send = async (rating: 'up' | 'down', comment?: string) => {
    up.disabled = true;
    down.disabled = true;
    note.textContent = '正在提交…';
    try {
      const response = await fetch(`${api}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ ...target, rating, ...(comment ? { comment } : {}) }),
      });
      if (!response.ok) throw new Error(String(response.status));
      bar.textContent = '';
      bar.append(element('span', 'thanks', rating === 'up' ? '感谢您的反馈！' : '感谢反馈，我们会改进这个回答。'));
    } catch {
      up.disabled = false;
      down.disabled = false;
      note.textContent = '提交失败，请稍后重试。';
    }
  };

  up.addEventListener('click', () => void send('up'));
  down.addEventListener('click', () => {
    if (bar.querySelector('.comment')) return;
    const box = element('div', 'comment');
    const input = element('textarea');
    input.maxLength = 2000;
    input.placeholder = '哪里不对？（可选）';
    input.setAttribute('aria-label', '反馈意见（可选）');
    const submit = element('button', undefined, '提交反馈');
    submit.type = 'button';
    submit.addEventListener('click', () => void send('down', input.value.trim()));
    box.append(input, submit);
    bar.append(box);
    input.focus();
  });
  return bar;
}
