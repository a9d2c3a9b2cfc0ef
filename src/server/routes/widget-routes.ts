// GET /widget.js (the bundle, cached), GET /widget-config.json (greeting data) and GET / (a demo page).
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { LoadedIndex } from '../../index/load-index.js';
import { widgetBundle } from '../build-widget.js';

export function widgetRoutes({ indexes }: { indexes: { current: LoadedIndex | null } }) {
  return new Hono()
    .get('/widget.js', async function getWidget(context) {
      const { code, etag } = await widgetBundle();
      if (context.req.header('if-none-match') === etag) return context.body(null, 304, { etag });
      return context.body(code, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=300, must-revalidate', etag });
    })
    .get('/widget-config.json', (context) => {
      const assistant = indexes.current?.rules.domain.assistant;
      return context.json({ name: assistant?.name ?? '知识库问答', coverage: assistant?.coverage ?? '', examples: assistant?.examples ?? [] }, 200, { 'cache-control': 'public, max-age=60' });
    })
    .get('/', (context) =>
      context.html(html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>医保知识库问答 · 演示页</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.7}code{background:#f2f4f7;padding:.1rem .3rem}</style></head>
<body><h1>医保知识库问答 · 演示页</h1>
<p>右下角的按钮打开问答窗口。网站只需加入一行：</p>
<p><code>&lt;script src="https://host/widget.js" data-api="https://host" defer&gt;&lt;/script&gt;</code></p>
<p>接口文档见 <a href="/docs">/docs</a>。</p>
<script src="/widget.js" data-api="" defer></script>
</body></html>`),
    );
}
