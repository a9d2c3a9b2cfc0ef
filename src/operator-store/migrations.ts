// Versioned schema migrations of the operator store; each runs once, in order, inside a transaction.
export interface Migration {
  version: number;
  name: string;
  /** Statements per dialect (SQLite and PostgreSQL differ only in key and JSON types). */
  sqlite: string[];
  postgres: string[];
}

const table = (name: string, columns: string[], id: { sqlite: string; postgres: string }) => ({
  sqlite: `CREATE TABLE ${name} (id ${id.sqlite}, ${columns.join(', ')})`,
  postgres: `CREATE TABLE ${name} (id ${id.postgres}, ${columns.join(', ')})`,
});
const serial = { sqlite: 'INTEGER PRIMARY KEY AUTOINCREMENT', postgres: 'BIGSERIAL PRIMARY KEY' };

const feedback = table('feedback', ['answer_id TEXT NOT NULL', 'question TEXT NOT NULL', 'rating TEXT NOT NULL', 'comment TEXT', 'index_version TEXT', 'answer TEXT', 'citations TEXT', 'created_at TEXT NOT NULL'], serial);
const conversations = table(
  'conversations',
  ['session_id TEXT NOT NULL', 'question TEXT NOT NULL', 'answer TEXT NOT NULL', 'status TEXT NOT NULL', 'mode TEXT', 'index_version TEXT NOT NULL', 'answer_id TEXT NOT NULL', 'channel TEXT NOT NULL', 'created_at TEXT NOT NULL'],
  serial,
);
const audit = table('audit', ['actor TEXT NOT NULL', 'action TEXT NOT NULL', 'target TEXT NOT NULL', 'details TEXT', 'created_at TEXT NOT NULL'], serial);
const indexes = [
  'CREATE INDEX feedback_created ON feedback (created_at)',
  'CREATE INDEX feedback_answer ON feedback (answer_id)',
  'CREATE INDEX conversations_created ON conversations (created_at)',
  'CREATE INDEX conversations_session ON conversations (session_id)',
  'CREATE INDEX audit_created ON audit (created_at)',
];

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'feedback, conversations and audit',
    sqlite: [feedback.sqlite, conversations.sqlite, audit.sqlite, ...indexes],
    postgres: [feedback.postgres, conversations.postgres, audit.postgres, ...indexes],
  },
];
