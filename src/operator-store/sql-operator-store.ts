// The operator store over SQL: the same statements serve SQLite and PostgreSQL.
import type { Citation } from '../answer/answer-types.js';
import type {
  AuditFilter,
  AuditInput,
  AuditRecord,
  ConversationFilter,
  ConversationInput,
  ConversationRecord,
  FeedbackFilter,
  FeedbackInput,
  FeedbackRecord,
  ListFilter,
  OperatorStore,
  Page,
  Rating,
} from './operator-store.js';
import type { SqlDriver } from './sql-driver.js';

type Row = Record<string, unknown>;

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function feedbackOf(row: Row): FeedbackRecord {
  return {
    id: Number(row.id),
    answerId: String(row.answer_id),
    question: String(row.question),
    rating: row.rating as Rating,
    comment: text(row.comment),
    indexVersion: text(row.index_version),
    answer: text(row.answer),
    citations: row.citations ? (JSON.parse(String(row.citations)) as Citation[]) : null,
    createdAt: String(row.created_at),
  };
}

function conversationOf(row: Row): ConversationRecord {
  return {
    id: Number(row.id),
    sessionId: String(row.session_id),
    question: String(row.question),
    answer: String(row.answer),
    status: String(row.status),
    mode: text(row.mode),
    indexVersion: String(row.index_version),
    answerId: String(row.answer_id),
    channel: String(row.channel),
    createdAt: String(row.created_at),
  };
}

function auditOf(row: Row): AuditRecord {
  return { id: Number(row.id), actor: String(row.actor), action: String(row.action), target: String(row.target), details: row.details ? JSON.parse(String(row.details)) : null, createdAt: String(row.created_at) };
}

/** WHERE clauses for the common filters plus `equal` columns; `searched` columns are matched with LIKE. */
function where(filter: ListFilter, equal: Record<string, unknown>, searched: string[]): { sql: string; parameters: unknown[] } {
  const clauses: string[] = [];
  const parameters: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    parameters.push(...values);
  };
  if (filter.from) add('created_at >= ?', filter.from);
  if (filter.to) add('created_at < ?', filter.to);
  for (const [column, value] of Object.entries(equal)) if (value !== undefined) add(`${column} = ?`, value);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    add(`(${searched.map((column) => `${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`, ...searched.map(() => pattern));
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', parameters };
}

export class SqlOperatorStore implements OperatorStore {
  readonly kind: 'sqlite' | 'postgres';

  constructor(
    private readonly driver: SqlDriver,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.kind = driver.dialect;
  }

  private async page<T>(table: string, filter: ListFilter, condition: { sql: string; parameters: unknown[] }, map: (row: Row) => T): Promise<Page<T>> {
    const [{ count }] = await this.driver.all<{ count: number | string }>(`SELECT COUNT(*) AS count FROM ${table} ${condition.sql}`, condition.parameters);
    const rows = await this.driver.all<Row>(`SELECT * FROM ${table} ${condition.sql} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`, [...condition.parameters, filter.limit, filter.offset]);
    return { total: Number(count), items: rows.map(map) };
  }

  async addFeedback(input: FeedbackInput): Promise<FeedbackRecord> {
    const [row] = await this.driver.all<Row>(
      'INSERT INTO feedback (answer_id, question, rating, comment, index_version, answer, citations, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *',
      [input.answerId, input.question, input.rating, input.comment, input.indexVersion, input.answer, input.citations ? JSON.stringify(input.citations) : null, this.now().toISOString()],
    );
    return feedbackOf(row);
  }

  listFeedback(filter: FeedbackFilter): Promise<Page<FeedbackRecord>> {
    return this.page('feedback', filter, where(filter, { rating: filter.rating, index_version: filter.indexVersion }, ['question', 'comment', 'answer']), feedbackOf);
  }

  async addConversation(input: ConversationInput): Promise<void> {
    await this.driver.all(
      'INSERT INTO conversations (session_id, question, answer, status, mode, index_version, answer_id, channel, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [input.sessionId, input.question, input.answer, input.status, input.mode, input.indexVersion, input.answerId, input.channel, this.now().toISOString()],
    );
  }

  listConversations(filter: ConversationFilter): Promise<Page<ConversationRecord>> {
    return this.page('conversations', filter, where(filter, { session_id: filter.sessionId }, ['question', 'answer']), conversationOf);
  }

  async purgeConversations(before: string): Promise<number> {
    return (await this.driver.all('DELETE FROM conversations WHERE created_at < ? RETURNING id', [before])).length;
  }

  async addAudit(input: AuditInput): Promise<AuditRecord> {
    const [row] = await this.driver.all<Row>('INSERT INTO audit (actor, action, target, details, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *', [
      input.actor,
      input.action,
      input.target,
      input.details === undefined ? null : JSON.stringify(input.details),
      this.now().toISOString(),
    ]);
    return auditOf(row);
  }

  listAudit(filter: AuditFilter): Promise<Page<AuditRecord>> {
    return this.page('audit', filter, where(filter, { actor: filter.actor }, ['action', 'target']), auditOf);
  }

  async migrations(): Promise<Array<{ version: number; name: string }>> {
    return (await this.driver.all<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')).map((row) => ({ version: Number(row.version), name: row.name }));
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
