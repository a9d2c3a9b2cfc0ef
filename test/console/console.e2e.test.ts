// The operator console in headless Chromium against a real server: sign in, upload, disable, contradictions,
// 👎 from the widget, a standard answer, a rollback; screenshots in test-artifacts/.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictReportEntry } from '../../src/report/build-conflict-report.js';
import { reasonNames, ruleNames } from '../../src/widget/rule-labels.js';
import { bundledCorpus } from '../helpers.js';
import { editorToken, operatorApp } from '../server/operator-app.js';

const chromiumPath = '/usr/bin/chromium';
const artifacts = 'test-artifacts';
const article = '---\ntitle: 星海市银龄护航长期护理保险申请指南\ndate: 2025-10-01\npublisher: 星海市医疗保障局\n---\n星海市银龄护航长期护理保险面向年满60周岁、失能等级评估为重度的参保人，申请人可在星海医保小程序在线提交评估申请。\n';
const question = '银龄护航长期护理保险的申请条件是什么？';
let server: ServerType;
let base: string;
let browser: Browser;
let page: Page;
const alerts: string[] = [];

beforeAll(async () => {
  expect(existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install -y chromium (npm test installs it)`).toBe(true);
  const built = await operatorApp({
    corpus: bundledCorpus,
    prepare: (corpus) => writeFileSync(join(corpus, 'unsafe.md'), '---\ntitle: 夜读<img src=x onerror=alert(1)>活动\n---\n医保夜读活动的海报写着<script>alert(2)</script>，每晚开放。\n'),
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: built.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  page.on('dialog', async (dialog) => {
    if (dialog.type() === 'confirm') await dialog.accept();
    else {
      alerts.push(dialog.message());
      await dialog.dismiss();
    }
  });
  mkdirSync(artifacts, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(path: string): Promise<void> {
  await page.locator(`nav a[data-page=${path}]`).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#page-title').count()).toBe(1);
}

async function testQuestion(text: string): Promise<string> {
  await open('explain');
  await page.locator('#explain-question').fill(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.answer').count(), { timeout: 15_000 }).toBe(1);
  return page.locator('main').innerText();
}

const status = () => page.locator('main .status').first();

describe('the operator console', () => {
  it('should ask for the token, keep it for the tab, and open on the documents page', async () => {
    await page.goto(`${base}/admin`);
    await expect.poll(() => page.locator('#token').evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.type('wrong-token-123');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.sign-in .status').innerText()).toMatch(/管理令牌无效/);
    await page.locator('#token').fill(editorToken);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('table caption').first().innerText(), { timeout: 15_000 }).toMatch(/语料库文档/);
    expect(await page.evaluate(() => sessionStorage.getItem('kbqa-console-token'))).toBe(editorToken);
    await page.reload();
    await expect.poll(() => page.locator('table caption').first().innerText(), { timeout: 15_000 }).toMatch(/语料库文档/);
    expect(await page.locator('nav a[aria-current=page]').innerText()).toBe('文档');
    // Corpus text is shown as text, never run as HTML.
    expect(await page.locator('tr', { hasText: 'unsafe.md' }).innerText()).toContain('夜读<img src=x onerror=alert(1)>活动');
    expect(await page.locator('main img, main script').count()).toBe(0);
  });

  it('should upload a new article, and its answer appears; disable it, and the answer is gone', async () => {
    await open('documents');
    // Whatever the engine says before the article exists (and after it is disabled), it is not the article's answer.
    expect(await testQuestion(question)).not.toContain('星海市银龄护航长期护理保险申请指南');
    expect(await page.locator('.answer').innerText()).not.toContain('年满60周岁');
    await open('documents');
    await page.locator('#upload-file').setInputFiles({ name: 'chronic.md', mimeType: 'text/markdown', buffer: Buffer.from(article) });
    await page.locator('#upload-path').fill('notices/2025-chronic.md');
    await page.locator('form[aria-label=上传文档] select[name=authority]').selectOption('official');
    await page.locator('form[aria-label=上传文档] button[type=submit]').click();
    await expect.poll(() => status().innerText(), { timeout: 30_000 }).toMatch(/已上传 notices\/2025-chronic\.md，已发布版本 \d{8}T/);
    const row = page.locator('tr', { hasText: 'notices/2025-chronic.md' });
    expect(await row.innerText()).toContain('星海市银龄护航长期护理保险申请指南');
    expect(await row.innerText()).toContain('官方');
    await page.screenshot({ path: join(artifacts, 'console-documents.png'), fullPage: false });

    const answered = await testQuestion(question);
    expect(await page.locator('.answer').innerText()).toContain('年满60周岁');
    expect(answered).toContain('星海市银龄护航长期护理保险申请指南');
    await page.screenshot({ path: join(artifacts, 'console-explain.png'), fullPage: false });

    await open('documents');
    const chronic = page.locator('tr', { hasText: 'notices/2025-chronic.md' });
    await chronic.locator('summary').click();
    const edit = chronic.locator('form[aria-label="编辑 notices/2025-chronic.md 的元数据"]');
    expect(await edit.locator('input[name=title]').inputValue()).toBe('星海市银龄护航长期护理保险申请指南');
    await edit.locator('select[name=authority]').selectOption('media');
    await edit.locator('input[name=effectiveDate]').fill('2025-11-01');
    await edit.locator('button[type=submit]').click();
    await expect.poll(() => status().innerText(), { timeout: 30_000 }).toMatch(/已保存 notices\/2025-chronic\.md 的元数据，已发布版本/);
    // The status is shown first, then the list is reloaded.
    await expect.poll(() => page.locator('tr', { hasText: 'notices/2025-chronic.md' }).innerText(), { timeout: 15_000 }).toMatch(/媒体[\s\S]*（生效 2025-11-01）|（生效 2025-11-01）[\s\S]*媒体/);
    await page.locator('button[aria-label="停用 notices/2025-chronic.md"]').click();
    await expect.poll(() => status().innerText(), { timeout: 30_000 }).toMatch(/已停用 notices\/2025-chronic\.md/);
    await expect.poll(() => page.locator('tr', { hasText: 'notices/2025-chronic.md' }).innerText(), { timeout: 15_000 }).toContain('已停用');
    expect(await testQuestion(question)).not.toContain('星海市银龄护航长期护理保险申请指南');
    expect(await page.locator('.answer').innerText()).not.toContain('年满60周岁');
  });

  it('should show the 45 vs 15 contradiction with the decision and rule the report gives', async () => {
    // The rule that settles it depends on the engine's tuning: the page must show the one the report gives.
    const report = await (await fetch(`${base}/admin/conflicts`, { headers: { authorization: `Bearer ${editorToken}` } })).json();
    const entry: ConflictReportEntry = report.conflicts.find((candidate: ConflictReportEntry) => ['45', '15'].every((number) => candidate.values.some((value) => value.value.startsWith(number))));
    expect(entry.decision.adopted).toMatch(/^15/);
    const fortyFive = entry.values.find((value) => value.value.startsWith('45'))!.value;
    const reason = entry.decision.rejected.find((rejected) => rejected.value === fortyFive)!.reason;

    await open('conflicts');
    const row = page.locator('tr', { hasText: entry.subject }).filter({ hasText: fortyFive });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const text = await row.innerText();
    expect(text).toMatch(new RegExp(`(^|[^未])采用\\s*${entry.decision.adopted}`, 'm'));
    expect(text).toMatch(new RegExp(`未采用\\s*${fortyFive}（${reasonNames[reason]}）`));
    expect(await row.locator('.rule').getAttribute('data-rule')).toBe(entry.decision.rule);
    expect(await row.locator('.rule').innerText()).toBe(`${ruleNames[entry.decision.rule]}（${entry.decision.rule}）`);
    expect(text).toContain('000_5c0c019b9c64b459.txt');
    expect(await row.locator('a[href^="/api/sources/"]').count()).toBeGreaterThan(1);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'console-conflicts.png'), fullPage: false });
  });

  it('should list a 👎 given in the widget, with its comment, on the feedback page', async () => {
    const demo = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await demo.goto(`${base}/`);
    const widget = demo.locator('[data-kbqa-widget]');
    await widget.locator('button.launcher').click();
    await widget.locator('textarea').fill('补缴医保的滞纳金怎么算？');
    await widget.locator('textarea').press('Enter');
    const answer = widget.locator('.message.assistant').last();
    await expect.poll(() => answer.locator('.feedback').count(), { timeout: 15_000 }).toBe(1);
    await answer.locator('button[aria-label=这个回答没有帮助]').click();
    await answer.locator('.comment textarea').fill('没有说清楚按日还是按月计算');
    await answer.locator('.comment button').click();
    await expect.poll(() => answer.locator('.feedback').innerText()).toContain('感谢反馈');
    await demo.screenshot({ path: join(artifacts, 'widget-feedback.png') });
    await demo.close();

    await open('feedback');
    const row = page.locator('tr', { hasText: '没有说清楚按日还是按月计算' });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.innerText()).toContain('👎 没有帮助');
    expect(await row.innerText()).toContain('补缴医保的滞纳金怎么算？');
    expect(await row.innerText()).not.toContain('（无法重算）');
    expect(await page.locator('main').innerText()).toContain('对话日志未开启');
    await page.screenshot({ path: join(artifacts, 'console-feedback.png'), fullPage: false });
  });

  it('should serve a standard answer written in the console', async () => {
    await open('answers');
    await page.locator('#answer-questions').fill('医保转移要带什么材料？');
    await page.locator('#answer-text').fill('请携带身份证和参保凭证，到转入地医保经办机构办理。');
    await page.locator('form[aria-label=标准答案] button[type=submit]').click();
    await expect.poll(() => status().innerText(), { timeout: 30_000 }).toMatch(/已保存，已发布版本/);
    expect(await page.locator('tr', { hasText: '医保转移要带什么材料？' }).innerText()).toContain('已发布');
    await page.screenshot({ path: join(artifacts, 'console-answers.png'), fullPage: false });
    const answered = await testQuestion('医保转移要带什么材料');
    expect(answered).toContain('标准答案');
    expect(answered).toContain('请携带身份证和参保凭证');
    expect(answered).toContain('仅供参考');
  });

  it('should roll back to the version before the standard answer, restoring its corpus', async () => {
    await open('versions');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    // The list may be read a moment before the last publish switches current.
    await expect.poll(() => rows.first().innerText(), { timeout: 15_000 }).toContain('当前版本');
    const previous = rows.nth(1);
    const version = await previous.locator('code').innerText();
    await previous.locator('button').click();
    await expect.poll(() => status().innerText(), { timeout: 30_000 }).toContain(`已启用版本 ${version}`);
    // The list is reloaded after the status line says so: poll it too.
    await expect.poll(() => page.locator('tr', { hasText: version }).innerText(), { timeout: 15_000 }).toContain('当前版本');
    await page.screenshot({ path: join(artifacts, 'console-versions.png'), fullPage: false });
    expect(await testQuestion('医保转移要带什么材料')).not.toContain('标准答案');
    await open('answers');
    await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toContain('还没有标准答案');
    await open('documents');
    await expect.poll(() => page.locator('table caption').first().innerText(), { timeout: 15_000 }).toContain(version);
    expect(await page.locator('tr', { hasText: 'notices/2025-chronic.md' }).innerText()).toContain('已停用');
    expect(alerts).toEqual([]);
  }, 60_000);
});
