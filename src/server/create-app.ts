// The Hono application: middleware, routes and the one error-to-status mapping.
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { timeout } from 'hono/timeout';
import type { Logger } from 'pino';
import { AppError } from '../errors/app-error.js';
import type { LlmAnswerer } from '../answer/llm/llm-answerer.js';
import type { LoadedIndex } from '../index/load-index.js';
import { createChatService } from './chat-service.js';
import { declaredBodyTooLarge, maxBodyBytes } from './read-json-body.js';
import { errorBody, statusByCode } from './error-table.js';
import type { Metrics } from './metrics.js';
import { conversationLogger } from '../feedback/log-conversation.js';
import { adminAuth } from './middleware/admin-auth.js';
import { apiKeyAuth } from './middleware/auth.js';
import type { OperatorServices } from './operator-services.js';
import { opsAuth, opsPaths } from './middleware/ops-auth.js';
import { rateLimit } from './middleware/rate-limit.js';
import { htmlPagePolicy, securityHeaders } from './middleware/security-headers.js';
import { throttleAuthFailures } from './middleware/throttle-auth-failures.js';
import type { RateLimiter } from './rate-limiter.js';
import type { ReindexControl } from './reindexer.js';
import { adminRoutes } from './routes/admin-routes.js';
import { chatRoutes } from './routes/chat-routes.js';
import { consolePaths, consoleRoutes } from './routes/console-routes.js';
import { operatorRoutes } from './routes/operator-routes.js';
import { docsRoutes } from './routes/docs-routes.js';
import { infoRoutes } from './routes/info-routes.js';
import { openAIRoutes } from './routes/openai-routes.js';
import { widgetRoutes } from './routes/widget-routes.js';
import type { SessionStore } from './session-store.js';

export interface AppDependencies {
  indexes: { current: LoadedIndex | null; lastError: string | null; fallbackFrom?: string | null };
  sessions: SessionStore;
  /** Request and failed-authentication counts, shared by every process of the service. */
  limiter: RateLimiter;
  logger: Logger;
  metrics: Metrics;
  /** The metrics exposition (the cluster's aggregate under node:cluster); this process's registry by default. */
  metricsText?: () => Promise<string>;
  /** Set while the server drains on shutdown: /readyz answers 503 so load balancers stop sending. */
  lifecycle?: { draining: boolean };
  reindexer?: ReindexControl | null;
  llm?: LlmAnswerer | null;
  /** The operator console's services; without them only /admin/reindex is served. */
  operator?: OperatorServices | null;
  settings: {
    apiKeys: string[];
    adminToken?: string;
    adminTokens?: Record<string, string>;
    opsToken?: string;
    corsOrigins: string[];
    rateLimitPerMinute: number;
    authFailuresPerMinute?: number;
    requestTimeoutMilliseconds: number;
    logQuestions: boolean;
    answerCacheSize?: number;
  };
  now?: () => number;
}

/** A client's X-Request-Id is kept when it is 1–128 characters of A–Z a–z 0–9 _ - =; anything else is replaced. */
export const requestIdLimit = 128;

/** Builds the app; nothing here touches process.env or the network. */
export function createApp({ indexes, sessions, limiter, logger, metrics, metricsText, lifecycle = { draining: false }, reindexer = null, llm = null, operator = null, settings, now = Date.now }: AppDependencies): Hono {
  const app = new Hono();
  const onAnswered = operator?.logConversations ? conversationLogger({ store: operator.store, logger }) : undefined;
  const chat = createChatService({ indexes, sessions, metrics, cacheSize: settings.answerCacheSize, llm, onAnswered, standardAnswerSimilarity: operator?.standardAnswerSimilarity });
  const adminTokens = settings.adminTokens ?? (settings.adminToken ? { admin: settings.adminToken } : {});
  const authFailuresPerMinute = settings.authFailuresPerMinute ?? 10;

  app.use('*', requestId({ limitLength: requestIdLimit }));
  app.use('*', async function observe(context, next) {
    const started = performance.now();
    await next();
    const route = context.req.routePath && context.req.routePath !== '/*' && context.req.routePath !== '*' ? context.req.routePath : 'unmatched';
    const labels = { route, method: context.req.method, status: String(context.res.status) };
    const seconds = (performance.now() - started) / 1000;
    metrics.requests.inc(labels);
    metrics.latency.observe(labels, seconds);
    logger.info({ requestId: context.get('requestId'), method: context.req.method, path: context.req.path, status: context.res.status, ms: Number((seconds * 1000).toFixed(2)) }, 'request');
  });
  if (settings.corsOrigins.length > 0) {
    const allowOrigins = cors({ origin: settings.corsOrigins, allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type', 'Authorization'], exposeHeaders: ['Retry-After', 'X-Request-Id'], maxAge: 600 });
    // Only browsers send Origin; CORS headers are added for them alone (rewriting every response is costly).
    app.use('*', (context, next) => (context.req.header('origin') ? allowOrigins(context, next) : next()));
  }
  app.use('*', securityHeaders());
  app.use('/', htmlPagePolicy());
  app.use('/docs', htmlPagePolicy());
  app.use('*', timeout(settings.requestTimeoutMilliseconds, () => new HTTPException(504, { message: `The request took longer than ${settings.requestTimeoutMilliseconds} ms.` })));
  // A declared length over the limit is refused at once; readJsonBody enforces it while reading otherwise.
  app.use('*', async function limitBody(context, next) {
    // Document uploads have their own limit (the ingest's 5 MB per file), enforced by their route after the admin check.
    if (declaredBodyTooLarge(context) && !context.req.path.startsWith('/admin/documents')) throw new AppError({ code: 'payload_too_large', message: `The body is larger than ${maxBodyBytes} bytes.` });
    await next();
  });
  // Routes behind a credential count failures per address; open routes skip the shared limiter entirely.
  const throttle = throttleAuthFailures({ limiter, perMinute: authFailuresPerMinute });
  const requireOps = opsAuth({ opsToken: settings.opsToken, apiKeys: settings.apiKeys });
  if (requireOps) for (const path of opsPaths) app.use(path, throttle, requireOps);
  if (Object.keys(adminTokens).length > 0) app.use('/admin/*', throttle);
  for (const prefix of ['/api/*', '/v1/*']) {
    if (settings.apiKeys.length > 0) app.use(prefix, throttle);
    app.use(prefix, apiKeyAuth(settings.apiKeys));
    app.use(prefix, rateLimit({ limiter, perMinute: settings.rateLimitPerMinute }));
  }

  app.route('/', chatRoutes({ chat, logger, logQuestions: settings.logQuestions }));
  app.route('/', openAIRoutes({ chat, now }));
  app.route('/', infoRoutes({ chat, indexes, lifecycle, metricsText: metricsText ?? (() => metrics.registry.metrics()), metricsContentType: metrics.registry.contentType }));
  app.use('/admin/*', adminAuth({ tokens: adminTokens, publicPaths: consolePaths }));
  app.route('/', consoleRoutes({ adminEnabled: Object.keys(adminTokens).length > 0 }));
  app.route('/', adminRoutes({ reindexer }));
  if (operator) app.route('/', operatorRoutes({ operator, chat, indexes }));
  app.route('/', docsRoutes());
  app.route('/', widgetRoutes({ indexes }));

  app.notFound((context) => context.json(errorBody('not_found', `No route ${context.req.method} ${context.req.path}.`), 404));
  app.onError(function handleError(error, context) {
    if (error instanceof AppError) {
      const status = statusByCode[error.code] ?? 500;
      if (error.code === 'rate_limited') context.header('Retry-After', String((error.details as { retryAfterSeconds: number }).retryAfterSeconds));
      return context.json(errorBody(error.code, error.message), status as 400);
    }
    if (error instanceof HTTPException) {
      const code = error.status === 504 ? 'timeout' : error.status === 413 ? 'payload_too_large' : 'http_error';
      return context.json(errorBody(code, error.message || 'Request failed.'), error.status);
    }
    logger.error({ requestId: context.get('requestId'), error: error.message, stack: error.stack }, 'unhandled error');
    return context.json(errorBody('internal_error', 'Something went wrong on our side; the error was logged.'), 500);
  });
  return app;
}
