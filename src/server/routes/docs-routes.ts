// GET /openapi.json, generated from the same zod schemas that validate requests, and GET /docs.
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { z } from 'zod';
import { chatResponseSchema } from '../chat-response.js';
import { chatRequestSchema, openAIChatRequestSchema, searchQuerySchema } from '../request-schemas.js';
import { adminOpenApiPaths, adminOpenApiSchemas } from './admin-openapi.js';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });
const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]));

/** The OpenAPI 3.1 document of the service. */
export function openApiDocument() {
  const searchSchema = jsonSchema(searchQuerySchema) as { properties: Record<string, object>; required?: string[] };
  return {
    openapi: '3.1.0',
    info: { title: '医保知识库问答 API', version: '1.0.0', description: 'Answers from the knowledge base only, with verbatim citations, resolved conflicts and a disclaimer.' },
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'Required when the server runs with API_KEYS. Failed attempts are counted per client address: past AUTH_FAILURES_PER_MIN a minute, every attempt gets 429 with Retry-After.' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN, or one of ADMIN_TOKENS (name=token): the audit records the name.' },
        opsToken: { type: 'http', scheme: 'bearer', description: 'OPS_TOKEN when set; otherwise an API key when API_KEYS is set; otherwise open.' },
      },
      schemas: { ChatRequest: jsonSchema(chatRequestSchema), AnswerResponse: jsonSchema(chatResponseSchema), OpenAIChatRequest: jsonSchema(openAIChatRequestSchema), Error: jsonSchema(errorSchema), ...adminOpenApiSchemas },
    },
    security: [{ apiKey: [] }],
    paths: {
      '/api/chat': {
        post: {
          summary: 'Answer a question (the answer contract). Without sessionId or "session": true it is one-off (sessionId null, nothing stored); "session": true, or an id the caller does not own, starts a session with a server-issued id',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ChatRequest' } } } },
          responses: { '200': { description: 'The answer', content: { 'application/json': { schema: { $ref: '#/components/schemas/AnswerResponse' } } } }, ...errors(400, 401, 403, 413, 429, 503) },
        },
      },
      '/api/chat/stream': {
        post: {
          summary: 'Answer as Server-Sent Events: meta, delta…, citations, conflicts, disclaimer, done (or error)',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ChatRequest' } } } },
          responses: { '200': { description: 'text/event-stream' }, ...errors(400, 401, 403, 413, 429, 503) },
        },
      },
      '/v1/chat/completions': {
        post: {
          summary: 'OpenAI-compatible chat completions (stream or not); structured citations and conflicts in `kb`',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/OpenAIChatRequest' } } } },
          responses: { '200': { description: 'chat.completion, or chat.completion.chunk events when stream is true' }, ...errors(400, 401, 403, 413, 429, 503) },
        },
      },
      '/v1/models': { get: { summary: 'The model name', responses: { '200': { description: 'A model list' } } } },
      '/api/search': {
        get: {
          summary: 'Retrieval only: chunks with scores and sources',
          parameters: Object.entries(searchSchema.properties).map(([name, schema]) => ({ name, in: 'query', required: (searchSchema.required ?? []).includes(name), schema })),
          responses: { '200': { description: 'Hits' }, ...errors(400, 401, 403, 429, 503) },
        },
      },
      '/api/sources/{id}': {
        get: {
          summary: 'A source: metadata and cleaned text (ids with # are URL-encoded as %23)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The source' }, ...errors(401, 403, 404, 503) },
        },
      },
      '/healthz': { get: { summary: 'Process alive', security: [], responses: { '200': { description: 'ok' } } } },
      '/readyz': { get: { summary: 'Index loaded: version, documents, chunks; fallbackFrom names a refused current version an older one replaces', security: [], responses: { '200': { description: 'ready' }, '503': { description: 'not ready, or draining on shutdown' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics, process and event-loop metrics included (the whole cluster under WORKERS > 1)', security: [{ opsToken: [] }], responses: { '200': { description: 'text/plain' }, ...errors(401, 403, 429) } } },
      '/openapi.json': { get: { summary: 'This document', security: [{ opsToken: [] }], responses: { '200': { description: 'OpenAPI 3.1' }, ...errors(401, 403, 429) } } },
      '/docs': { get: { summary: 'This document as a page', security: [{ opsToken: [] }], responses: { '200': { description: 'text/html' }, ...errors(401, 403, 429) } } },
      '/admin/reindex': {
        post: { summary: 'Start a background ingest', security: [{ adminToken: [] }], responses: { '202': { description: 'started' }, '409': { description: 'an ingest is already running on the index directory (this server\'s or any other process\'s)' }, ...errors(401, 403, 404) } },
        get: { summary: 'State of the last ingest', security: [{ adminToken: [] }], responses: { '200': { description: 'state' }, ...errors(401, 403, 404) } },
      },
      ...adminOpenApiPaths,
    },
  };
}

export function docsRoutes() {
  const document = openApiDocument();
  const escape = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
  const rows = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape((operation as { summary: string }).summary)}</td></tr>`),
  );
  return new Hono()
    .get('/openapi.json', (context) => context.json(document))
    .get('/docs', (context) =>
      context.html(
        html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${document.info.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}td{padding:.3rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}pre{background:#f6f6f6;padding:1rem;overflow:auto}</style></head>
<body><h1>${document.info.title}</h1><p>${document.info.description} Machine-readable: <a href="/openapi.json">/openapi.json</a>.</p>
<table>${raw(rows.join(''))}</table><h2>Schemas</h2><pre>${JSON.stringify(document.components.schemas, null, 2)}</pre></body></html>`,
      ),
    );
}
