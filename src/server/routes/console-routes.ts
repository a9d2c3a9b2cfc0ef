// GET /admin (the operator console page, public, holds no data) and GET /admin/console.js (its bundle).
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { consoleBundle } from '../build-widget.js';

export const consolePaths = ['/admin', '/admin/', '/admin/console.js'];

export function consoleRoutes({ adminEnabled }: { adminEnabled: boolean }) {
  const page = (context: Context) =>
    context.html(
      html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>知识库运营控制台</title><meta name="robots" content="noindex"></head>
<body><div id="console" data-admin-enabled="${adminEnabled ? 'true' : 'false'}"><noscript>控制台需要启用 JavaScript。</noscript></div>
<script src="/admin/console.js" defer></script></body></html>`,
      200,
      {
        'cache-control': 'no-store',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        // Only the console's own script runs; its styles are inserted by that script.
        'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
      },
    );
  return new Hono()
    .get('/admin', page)
    .get('/admin/', page)
    .get('/admin/console.js', async function getConsole(context) {
      const { code, etag } = await consoleBundle();
      if (context.req.header('if-none-match') === etag) return context.body(null, 304, { etag });
      return context.body(code, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache', etag });
    });
}
