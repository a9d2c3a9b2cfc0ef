// The operator console's API under /admin (behind the admin tokens) and POST /api/feedback.
import { Hono } from 'hono';
import type { LoadedIndex } from '../../index/load-index.js';
import type { ChatService } from '../chat-service.js';
import type { OperatorServices } from '../operator-services.js';
import { adminAnswerRoutes } from './admin-answer-routes.js';
import { adminDocumentRoutes } from './admin-document-routes.js';
import { adminInsightRoutes } from './admin-insight-routes.js';
import { adminRecordRoutes } from './admin-record-routes.js';
import { adminVersionRoutes } from './admin-version-routes.js';
import { feedbackRoutes } from './feedback-routes.js';

export function operatorRoutes({ operator, chat, indexes }: { operator: OperatorServices; chat: ChatService; indexes: { current: LoadedIndex | null } }) {
  const { store, publisher, logConversations, retentionDays } = operator;
  return new Hono()
    .route('/', adminDocumentRoutes({ publisher, indexes }))
    .route('/', adminVersionRoutes({ publisher, indexes }))
    .route('/', adminAnswerRoutes({ publisher, indexes }))
    .route('/', adminRecordRoutes({ store, logConversations, retentionDays }))
    .route('/', adminInsightRoutes({ chat }))
    .route('/', feedbackRoutes({ chat, store }));
}
