// The OpenAPI description of the operator routes, generated from the zod schemas that validate them.
import { z } from 'zod';
import { standardAnswerInputSchema } from '../../standard-answers/standard-answer-types.js';
import { createDocumentSchema, patchDocumentSchema, replaceDocumentSchema } from '../read-upload.js';
import { explainQuerySchema } from './admin-insight-routes.js';
import { auditQuerySchema, conversationQuerySchema, feedbackQuerySchema } from './admin-record-routes.js';
import { feedbackRequestSchema } from './feedback-routes.js';

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, object>; required?: string[] };
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]));
const queryParameters = (schema: z.ZodType) => {
  const described = jsonSchema(schema);
  return Object.entries(described.properties).map(([name, property]) => ({ name, in: 'query', required: (described.required ?? []).includes(name) && !('default' in property), schema: property }));
};
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } });
const admin = { security: [{ adminToken: [] }] };
const adminErrors = [401, 403, 404];
const documentPath = { name: 'path', in: 'path', required: true, schema: { type: 'string' }, description: 'The corpus-relative path, written as the rest of the URL (notices/2025-transfer.md).' };
const idPath = (description: string) => [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description }];
const published = { description: 'Published: the new index version, the document and the ingest summary' };
const change = [400, 409, 413, 422, ...adminErrors];

export const adminOpenApiSchemas = {
  CreateDocument: jsonSchema(createDocumentSchema),
  ReplaceDocument: jsonSchema(replaceDocumentSchema),
  PatchDocument: jsonSchema(patchDocumentSchema),
  Feedback: jsonSchema(feedbackRequestSchema),
  StandardAnswer: jsonSchema(standardAnswerInputSchema),
};

export const adminOpenApiPaths = {
  '/api/feedback': {
    post: { summary: '👍/👎 on an answer by its answerId (the answer is kept when the server can recompute it)', requestBody: body('Feedback'), responses: { '201': { description: 'Recorded' }, ...errors(400, 401, 403, 413, 429, 503) } },
  },
  '/admin': { get: { summary: 'The operator console (public page; it asks for an admin token)', security: [], responses: { '200': { description: 'text/html' } } } },
  '/admin/documents': {
    get: { summary: 'Corpus documents: metadata, enabled state, chunk and claim counts', ...admin, responses: { '200': { description: 'The documents' }, ...errors(...adminErrors) } },
    post: {
      summary: 'Add a document (JSON, or multipart with a `file` field and optional `path` and `metadata` JSON) and publish it',
      ...admin,
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateDocument' } }, 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, path: { type: 'string' }, metadata: { type: 'string' } }, required: ['file'] } } } },
      responses: { '201': published, ...errors(...change) },
    },
  },
  '/admin/documents/{path}': {
    get: { summary: 'One document with its file content', ...admin, parameters: [documentPath], responses: { '200': { description: 'The document' }, ...errors(400, ...adminErrors) } },
    put: { summary: 'Replace a document (JSON or multipart) and publish', ...admin, parameters: [documentPath], requestBody: body('ReplaceDocument'), responses: { '200': published, ...errors(...change) } },
    patch: { summary: 'Change metadata, e.g. { "enabled": false } (kept, not served); null clears an override', ...admin, parameters: [documentPath], requestBody: body('PatchDocument'), responses: { '200': published, ...errors(...change) } },
    delete: { summary: 'Remove a document and publish', ...admin, parameters: [documentPath], responses: { '200': published, ...errors(400, 409, 422, ...adminErrors) } },
  },
  '/admin/versions': { get: { summary: 'The kept index versions, newest first, with the active one marked', ...admin, responses: { '200': { description: 'Versions' }, ...errors(...adminErrors) } } },
  '/admin/versions/{id}/activate': {
    post: { summary: 'Roll back (or forward): restore the version\'s corpus files, then switch to it atomically', ...admin, parameters: idPath('A version listed by GET /admin/versions'), responses: { '200': { description: 'Activated' }, ...errors(409, ...adminErrors) } },
  },
  '/admin/answers': {
    get: { summary: 'Standard answers with their state in the serving version', ...admin, responses: { '200': { description: 'Standard answers' }, ...errors(...adminErrors) } },
    post: { summary: 'Add a standard answer (citations checked verbatim) and publish it', ...admin, requestBody: body('StandardAnswer'), responses: { '201': { description: 'Published' }, ...errors(400, 409, 422, ...adminErrors) } },
  },
  '/admin/answers/{id}': {
    get: { summary: 'One standard answer', ...admin, parameters: idPath('sa-…'), responses: { '200': { description: 'The standard answer' }, ...errors(...adminErrors) } },
    put: { summary: 'Replace a standard answer and publish', ...admin, parameters: idPath('sa-…'), requestBody: body('StandardAnswer'), responses: { '200': { description: 'Published' }, ...errors(400, 409, 422, ...adminErrors) } },
    delete: { summary: 'Remove a standard answer and publish', ...admin, parameters: idPath('sa-…'), responses: { '200': { description: 'Published' }, ...errors(409, 422, ...adminErrors) } },
  },
  '/admin/feedback': { get: { summary: 'Feedback, filtered; format=csv or jsonl exports every match', ...admin, parameters: queryParameters(feedbackQuerySchema), responses: { '200': { description: 'A page, or a CSV / JSON Lines download' }, ...errors(400, ...adminErrors) } } },
  '/admin/conversations': { get: { summary: 'Conversation logs (only with LOG_CONVERSATIONS=1: personal data), filtered and exported', ...admin, parameters: queryParameters(conversationQuerySchema), responses: { '200': { description: 'A page, or a download' }, ...errors(400, ...adminErrors) } } },
  '/admin/audit': { get: { summary: 'Who changed what, when', ...admin, parameters: queryParameters(auditQuerySchema), responses: { '200': { description: 'A page, or a download' }, ...errors(400, ...adminErrors) } } },
  '/admin/conflicts': { get: { summary: 'Corpus-wide contradiction report: subject, values per source, decision, rule, documents to retire', ...admin, responses: { '200': { description: 'The report' }, ...errors(...adminErrors, 503) } } },
  '/admin/explain': { get: { summary: 'Hit testing: retrieved passages with scores, question analysis, comparable claims, rule trace, answer', ...admin, parameters: queryParameters(explainQuerySchema), responses: { '200': { description: 'The trace' }, ...errors(400, ...adminErrors, 503) } } },
};
