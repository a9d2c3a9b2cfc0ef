// The widget's conversation in localStorage, so it survives a page reload.

export interface WidgetCitation {
  n: number;
  sourceId: string;
  title: string;
  date: string | null;
  quote: string;
}

export interface WidgetConflict {
  topic: string;
  adopted: { statement: string; citations: number[] } | null;
  rejected: Array<{ statement: string; citations: number[]; reason: string }>;
  rule: string;
}

export interface WidgetTurn {
  role: 'user' | 'assistant';
  text: string;
  citations?: WidgetCitation[];
  conflicts?: WidgetConflict[];
  disclaimer?: string;
  /** What feedback on the answer refers to. */
  answerId?: string;
  question?: string;
  indexVersion?: string;
}

export interface Conversation {
  sessionId: string | null;
  turns: WidgetTurn[];
}

export class ConversationStore {
  constructor(private readonly key: string) {}

  load(): Conversation {
    try {
      const saved = JSON.parse(localStorage.getItem(this.key) ?? 'null') as Conversation | null;
      if (saved && Array.isArray(saved.turns)) return saved;
    } catch {
      // a broken or unavailable store starts a new conversation
    }
    return { sessionId: null, turns: [] };
  }

  save(conversation: Conversation): void {
    try {
      localStorage.setItem(this.key, JSON.stringify({ sessionId: conversation.sessionId, turns: conversation.turns.slice(-40) }));
    } catch {
      // storage full or disabled: the conversation still works for this page
    }
  }

  clear(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // nothing to clear
    }
  }
}
