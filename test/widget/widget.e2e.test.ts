// The widget in headless Chromium against a real server: streaming, footnotes, reload, 429, XSS, phone size.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetBundle } from '../../src/server/build-widget.js';
import { buildIndex, copyCorpus } from '../helpers.js';
import { testApp } from '../server/test-app.js';

const chromiumPath = '/usr/bin/chromium';
const artifacts = 'test-artifacts';
let server: ServerType;
let base: string;
let browser: Browser;

beforeAll(async () => {
  expect(existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install -y chromium (.ci/run does it)`).toBe(true);
  const corpus = copyCorpus('corpus');
  writeFileSync(join(corpus, 'unsafe.md'), '---\ntitle: 夜读<script>alert(1)</script>活动\n---\n医保夜读活动的海报写着<script>alert(1)</script>和<img src=x onerror=alert(2)>，每晚开放。\n');
  const { indexDirectory } = await buildIndex(corpus);
  const { app } = testApp({ indexDirectory, settings: { rateLimitPerMinute: 12 } });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(artifacts, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const widget = (page: Page) => page.locator('[data-kbqa-widget]');

/**
 * The demo page in a new tab, with every alert() recorded (an XSS would raise one), every Content-Security-Policy
 * violation, and the bodies the widget posts.
 */
async function openDemoPage(options: Parameters<Browser['newPage']>[0]): Promise<{ page: Page; alerts: string[]; violations: string[]; posted: Array<Record<string, unknown>> }> {
  const page = await browser.newPage(options);
  const alerts: string[] = [];
  const violations: string[] = [];
  const posted: Array<Record<string, unknown>> = [];
  page.on('dialog', async (dialog) => {
    alerts.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/chat/stream')) posted.push(JSON.parse(request.postData() ?? '{}'));
  });
  await page.goto(`${base}/`);
  return { page, alerts, violations, posted };
}

async function askInWidget(page: Page, question: string): Promise<void> {
  await widget(page).locator('textarea').fill(question);
  await widget(page).locator('textarea').press('Enter');
}

describe('the chat widget', () => {
  it('should stream an answer with footnotes, conflicts and the disclaimer, and keep it across a reload', async () => {
    const { page, alerts, violations, posted } = await openDemoPage({ viewport: { width: 1280, height: 860 } });
    await widget(page).locator('button.launcher').click();
    await expect.poll(() => widget(page).locator('.examples button').count()).toBe(3);
    await expect.poll(() => widget(page).locator('textarea').evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    await widget(page).locator('.examples button').first().click();
    const answer = widget(page).locator('.message.assistant').last();
    await expect.poll(() => answer.locator('.disclaimer').count(), { timeout: 15_000 }).toBe(1);
    expect(await answer.innerText()).toContain('会。');
    expect(await answer.locator('.disclaimer').innerText()).toContain('仅供参考');

    await answer.locator('button.footnote').first().click();
    const source = answer.locator('.source');
    expect(await source.isVisible()).toBe(true);
    expect(await source.locator('blockquote').innerText()).toMatch(/随医保关系/);
    expect(await source.locator('a').getAttribute('href')).toMatch(/\/api\/sources\//);
    const sourceResponse = await page.request.get(`${base}${new URL((await source.locator('a').getAttribute('href'))!, base).pathname}`);
    expect(sourceResponse.status()).toBe(200);
    await page.screenshot({ path: join(artifacts, 'widget-desktop.png') });

    await askInWidget(page, '跨省转移医保关系整个流程最多多少个工作日？');
    const second = widget(page).locator('.message.assistant').last();
    await expect.poll(() => second.locator('.conflicts').count(), { timeout: 15_000 }).toBe(1);
    expect(await second.locator('.conflicts').innerText()).toContain('来源说法不一');
    expect(await second.locator('.conflicts').innerText()).toContain('45个工作日');
    // The first turn asks for a session; the next one continues the id the server issued.
    expect(posted).toHaveLength(2);
    expect(posted[0]).toEqual({ message: expect.any(String), session: true });
    expect(posted[1]).toEqual({ message: '跨省转移医保关系整个流程最多多少个工作日？', sessionId: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });

    await page.reload();
    await widget(page).locator('button.launcher').click();
    await expect.poll(() => widget(page).locator('.message').count()).toBe(4);
    expect(await widget(page).locator('.message.user').first().innerText()).toContain('个人账户余额会跟着转过去吗');
    await widget(page).locator('textarea').press('Escape');
    expect(await widget(page).locator('.panel').isHidden()).toBe(true);
    expect(alerts).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);

  it('should render corpus markup as text, never as HTML', async () => {
    const { page, alerts } = await openDemoPage({});
    await widget(page).locator('button.launcher').click();
    await askInWidget(page, '医保夜读活动的海报写着什么？');
    const answer = widget(page).locator('.message.assistant').last();
    await expect.poll(() => answer.locator('.disclaimer').count(), { timeout: 15_000 }).toBe(1);
    expect(await answer.innerText()).toMatch(/[<＜]script[>＞]alert\(1\)/);
    expect(await answer.locator('script, img').count()).toBe(0);
    await answer.locator('button.footnote').first().click();
    expect(await answer.locator('.source').innerText()).toContain('<script>alert(1)</script>');
    await page.waitForTimeout(300);
    expect(alerts).toEqual([]);
    await page.close();
  }, 60_000);

  it('should show a human message on 429 with when to retry, keep the input, and work on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${base}/`);
    await page.evaluate(async () => {
      for (let request = 0; request < 14; request++) await fetch('/api/search?q=%E5%8C%BB%E4%BF%9D');
    });
    await widget(page).locator('button.launcher').click();
    const panelBox = await widget(page).locator('.panel').boundingBox();
    expect(panelBox).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await askInWidget(page, '补缴医保的滞纳金怎么算？');
    const error = widget(page).locator('.error');
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.innerText()).toMatch(/请在 \d+ 秒后重试/);
    expect(await widget(page).locator('textarea').inputValue()).toBe('补缴医保的滞纳金怎么算？');
    expect(await error.locator('button').innerText()).toBe('重试');
    await page.screenshot({ path: join(artifacts, 'widget-phone.png') });
    await page.close();
  }, 60_000);

  it('should be served as one cached bundle under 30 KB gzipped', async () => {
    const response = await fetch(`${base}/widget.js`);
    expect(response.headers.get('cache-control')).toContain('max-age');
    const etag = response.headers.get('etag')!;
    expect((await fetch(`${base}/widget.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await widgetBundle()).gzipBytes).toBeLessThan(30 * 1024);
  });
});
