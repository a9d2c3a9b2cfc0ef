// The embeddable chat widget: <script src="https://host/widget.js" data-api="https://host" defer></script>
import { ConversationStore, type Conversation, type WidgetCitation, type WidgetConflict } from './conversation-store.js';
import { feedbackBar } from './feedback-bar.js';
import { element } from './element.js';
import { renderAnswer } from './render-answer.js';
import { readServerEvents } from './sse-reader.js';
import { widgetStyles } from './widget-styles.js';

interface WidgetConfig {
  name: string;
  coverage: string;
  examples: string[];
}

class RequestProblem extends Error {}

function mount(script: HTMLScriptElement | null): void {
  const api = (script?.dataset.api ?? (script?.src ? new URL(script.src).origin : location.origin)).replace(/\/+$/, '');
  const key = script?.dataset.key;
  const store = new ConversationStore(`kbqa-widget:${api}`);
  let conversation: Conversation = store.load();

  const host = element('div');
  host.setAttribute('data-kbqa-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = element('style', undefined, widgetStyles);
  const launcher = element('button', 'launcher', '问答');
  launcher.type = 'button';
  launcher.setAttribute('aria-label', '打开医保问答');
  launcher.setAttribute('aria-expanded', 'false');
  const panel = element('div', 'panel');
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', '医保问答');
  const header = element('header');
  const title = element('h2', undefined, '医保知识库问答');
  const reset = element('button', undefined, '新对话');
  reset.type = 'button';
  reset.setAttribute('aria-label', '开始新对话');
  const close = element('button', undefined, '关闭');
  close.type = 'button';
  close.setAttribute('aria-label', '关闭问答窗口');
  header.append(title, reset, close);
  const log = element('div', 'log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  const form = element('form');
  const input = element('textarea');
  input.placeholder = '请输入您的问题，按 Enter 发送';
  input.setAttribute('aria-label', '您的问题');
  input.maxLength = 1000;
  const send = element('button', undefined, '发送');
  send.type = 'submit';
  form.append(input, send);
  panel.append(header, log, form);
  root.append(style, panel, launcher);
  document.body.append(host);

  let config: WidgetConfig = { name: '医保知识库问答', coverage: '医保关系转移接续、个人账户余额等问题', examples: [] };
  const greeting = element('div', 'greeting');
  const renderGreeting = () => {
    greeting.textContent = '';
    title.textContent = config.name;
    greeting.append(element('p', undefined, `您好！我是${config.name}，可以回答${config.coverage}。答案来自知识库中的公开资料，并标注出处。`));
    const examples = element('div', 'examples');
    for (const example of config.examples.slice(0, 3)) {
      const button = element('button', undefined, example);
      button.type = 'button';
      button.addEventListener('click', () => void ask(example));
      examples.append(button);
    }
    greeting.append(examples);
  };

  const feedbackFor = (turn: Conversation['turns'][number]) =>
    turn.answerId && turn.question ? feedbackBar({ api, key, target: { answerId: turn.answerId, question: turn.question, indexVersion: turn.indexVersion } }) : undefined;
  const renderTurn = (turn: Conversation['turns'][number]) => {
    const bubble = element('div', `message ${turn.role}`);
    if (turn.role === 'user') bubble.textContent = turn.text;
    else renderAnswer({ container: bubble, text: turn.text, citations: turn.citations ?? [], conflicts: turn.conflicts ?? [], disclaimer: turn.disclaimer, api, footer: feedbackFor(turn) });
    log.append(bubble);
    return bubble;
  };
  const renderAll = () => {
    log.textContent = '';
    log.append(greeting);
    for (const turn of conversation.turns) renderTurn(turn);
    log.scrollTop = log.scrollHeight;
  };

  const showError = (message: string, question: string) => {
    const box = element('div', 'error');
    box.setAttribute('role', 'alert');
    box.append(document.createTextNode(message));
    const retry = element('button', undefined, '重试');
    retry.type = 'button';
    retry.addEventListener('click', () => {
      box.remove();
      void ask(question);
    });
    box.append(retry);
    log.append(box);
    log.scrollTop = log.scrollHeight;
  };

  let busy = false;
  async function ask(question: string): Promise<void> {
    const message = question.trim();
    if (!message || busy) return;
    busy = true;
    send.disabled = true;
    input.value = '';
    const userTurn = { role: 'user' as const, text: message };
    const userBubble = renderTurn(userTurn);
    const answerBubble = element('div', 'message assistant');
    answerBubble.setAttribute('aria-busy', 'true');
    log.append(answerBubble);
    let text = '';
    let citations: WidgetCitation[] = [];
    let conflicts: WidgetConflict[] = [];
    let disclaimer = '';
    let meta: { answerId?: string; indexVersion?: string } = {};
    try {
      if (!navigator.onLine) throw new RequestProblem('网络已断开，请检查网络连接后重试。');
      let response: Response;
      try {
        response = await fetch(`${api}/api/chat/stream`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
          // The first turn asks the server for a session; later turns continue the one it issued.
          body: JSON.stringify(conversation.sessionId ? { message, sessionId: conversation.sessionId } : { message, session: true }),
        });
      } catch {
        throw new RequestProblem('网络连接失败，请检查网络后重试。');
      }
      if (response.status === 429) {
        const seconds = response.headers.get('retry-after') ?? '60';
        throw new RequestProblem(`提问太频繁了，请在 ${seconds} 秒后重试。`);
      }
      if (!response.ok || !response.body) throw new RequestProblem(response.status >= 500 ? '服务暂时不可用，请稍后重试。' : '请求未被接受，请修改问题后重试。');
      for await (const event of readServerEvents(response.body)) {
        const data = JSON.parse(event.data);
        if (event.event === 'meta') {
          conversation.sessionId = data.sessionId ?? null;
          meta = { answerId: data.answerId, indexVersion: data.indexVersion };
        }
        else if (event.event === 'delta') {
          text += data.text;
          answerBubble.textContent = text;
          log.scrollTop = log.scrollHeight;
        } else if (event.event === 'citations') citations = data;
        else if (event.event === 'conflicts') conflicts = data;
        else if (event.event === 'disclaimer') disclaimer = data.text;
        else if (event.event === 'error') throw new RequestProblem('回答生成失败，请稍后重试。');
      }
      const assistantTurn = { role: 'assistant' as const, text, citations, conflicts, disclaimer, question: message, ...meta };
      renderAnswer({ container: answerBubble, text, citations, conflicts, disclaimer, api, footer: feedbackFor(assistantTurn) });
      answerBubble.removeAttribute('aria-busy');
      conversation.turns.push(userTurn, assistantTurn);
      store.save(conversation);
    } catch (error) {
      userBubble.remove();
      answerBubble.remove();
      input.value = message;
      showError(error instanceof RequestProblem ? error.message : '出了点问题，请稍后重试。', message);
    } finally {
      busy = false;
      send.disabled = false;
      log.scrollTop = log.scrollHeight;
    }
  }

  const open = (shown: boolean) => {
    panel.hidden = !shown;
    launcher.setAttribute('aria-expanded', String(shown));
    if (shown) input.focus();
    else launcher.focus();
  };
  launcher.addEventListener('click', () => open(panel.hidden));
  close.addEventListener('click', () => open(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') open(false);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void ask(input.value);
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void ask(input.value);
  });
  reset.addEventListener('click', () => {
    conversation = { sessionId: null, turns: [] };
    store.clear();
    renderAll();
    input.focus();
  });

  renderGreeting();
  renderAll();
  fetch(`${api}/widget-config.json`)
    .then((response) => (response.ok ? response.json() : null))
    .then((loaded: WidgetConfig | null) => {
      if (loaded) {
        config = loaded;
        renderGreeting();
      }
    })
    .catch(() => undefined);
}

const current = document.currentScript as HTMLScriptElement | null;
if (document.body) mount(current);
else document.addEventListener('DOMContentLoaded', () => mount(current));
