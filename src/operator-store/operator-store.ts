// The operator data behind one interface: feedback, conversation logs and the audit of changes.
import type { Citation } from '../answer/answer-types.js';

export type Rating = 'up' | 'down';

export interface FeedbackInput {
  answerId: string;
  question: string;
  rating: Rating;
  comment: string | null;
  indexVersion: string | null;
  /** The answer and its citations, when the server could recompute them from the answerId. */
  answer: string | null;
  citations: Citation[] | null;
}
export interface FeedbackRecord extends FeedbackInput {
  id: number;
  createdAt: string;
}

export interface ConversationInput {
  sessionId: string;
  question: string;
  answer: string;
  status: string;
  mode: string | null;
  indexVersion: string;
  answerId: string;
  channel: string;
}
export interface ConversationRecord extends ConversationInput {
  id: number;
  createdAt: string;
}

export interface AuditInput {
  /** The name of the admin token used. */
  actor: string;
  action: string;
  target: string;
  details: unknown;
}
export interface AuditRecord extends AuditInput {
  id: number;
  createdAt: string;
}

/** Common list filters: an ISO time range, a text search, paging. */
export interface ListFilter {
  from?: string;
  to?: string;
  search?: string;
  limit: number;
  offset: number;
}
export interface FeedbackFilter extends ListFilter {
  rating?: Rating;
  indexVersion?: string;
}
export interface ConversationFilter extends ListFilter {
  sessionId?: string;
}
export interface AuditFilter extends ListFilter {
  actor?: string;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface OperatorStore {
  readonly kind: 'sqlite' | 'postgres';
  addFeedback(input: FeedbackInput): Promise<FeedbackRecord>;
  listFeedback(filter: FeedbackFilter): Promise<Page<FeedbackRecord>>;
  addConversation(input: ConversationInput): Promise<void>;
  listConversations(filter: ConversationFilter): Promise<Page<ConversationRecord>>;
  /** Deletes conversations logged before `before` (ISO time); returns how many. */
  purgeConversations(before: string): Promise<number>;
  addAudit(input: AuditInput): Promise<AuditRecord>;
  listAudit(filter: AuditFilter): Promise<Page<AuditRecord>>;
  /** The schema migrations applied, in order. */
  migrations(): Promise<Array<{ version: number; name: string }>>;
  close(): Promise<void>;
}
