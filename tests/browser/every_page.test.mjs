// Every page a demo account can reach, in a real browser: an axe-core accessibility scan
// (WCAG 2.1 A and AA rules) with no serious or critical violation, no id used twice, and no sideways scrolling
// on a 390-pixel-wide phone. The pages are found by following the links of each account's
// pages from its home page, as a person would; one page of each shape (a path with its
// numbers taken out) is checked, by the first account that reaches it, so the scan grows with
// the application and not with the demo's data. Phone screenshots are kept as artefacts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium, screenshot, shots } from './browser.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const base = process.env.CLINAUDIT_URL ?? 'http://127.0.0.1:8080';
// The accounts `clinaudit serve --demo` creates (demo/world.cpp), the widest first.
const accounts = [
  ['admin', 'admin@riverside.example', 'demo-admin-2026'],
  ['manager', 'audit.manager@riverside.example', 'demo-manager-2026'],
  ['analyst', 'analyst@national-audit.example', 'demo-analyst-2026'],
  ['lead', 'clinical.lead@riverside.example', 'demo-lead-2026'],
  ['board', 'board.member@riverside.example', 'demo-board-2026'],
  ['viewer', 'viewer@riverside.example', 'demo-viewer-2026'],
];
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
// Links that are not pages: signing out, downloads and the JSON API.
const notAPage = /^\/(logout|api\/)|\.(pdf|xlsx|csv|md|docx|json|svg|png)(\?|$)|\/(export|download)(\/|\?|$)/;

let browser;
before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

// A path's shape: its numbers and query values taken out, so /actions/12 and /actions/40 are
// one page to check.
function shapeOf(url) {
  const u = new URL(url);
  const query = [...u.searchParams.keys()].sort().join('&');
  return u.pathname.replace(/\/\d+(?=\/|$)/g, '/{n}') + (query ? `?${query}` : '');
}

async function signIn(email, password) {
  // Pages carry a strict Content-Security-Policy; the scan's script is the test's, not theirs.
  const context = await browser.newContext({ viewport: desktop, bypassCSP: true });
  const page = await context.newPage();
  // The survey results pages compute their tests on each request: slow under the sanitizers.
  page.setDefaultNavigationTimeout(180_000);
  await page.goto(`${base}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/`);
  return { context, page };
}

async function linksOn(page) {
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
  return hrefs
    .filter((h) => h.startsWith('/') && !h.startsWith('//'))
    .map((h) => h.split('#')[0])
    .filter((h) => h && !notAPage.test(h))
    .map((h) => new URL(h, base).href);
}

async function axeProblems(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s), first ${v.nodes[0].target.join(' ')}`);
}

// Ids used twice: a label or an error summary link would lead to the wrong element.
async function duplicateIds(page) {
  return page.$$eval('[id]', (elements) => {
    const counts = new Map();
    for (const e of elements) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
    return [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id} (${n} times)`);
  });
}

async function sidewaysScroll(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return null;
    // The widest elements that stick out, to say what to fix.
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 1)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ')[0]}` : ''}`);
    return `${document.documentElement.scrollWidth} px wide on a ${width} px screen (${culprits.join(', ')})`;
  });
}

test('every page passes an axe-core scan and fits a phone without sideways scrolling', async () => {
  const checked = new Set();
  const problems = [];
  let pages = 0;
  for (const [who, email, password] of accounts) {
    const { context, page } = await signIn(email, password);
    const queue = [`${base}/`];
    const queued = new Set([shapeOf(queue[0])]);
    while (queue.length > 0) {
      const url = queue.shift();
      const response = await page.goto(url);
      if (!response || response.status() !== 200 || !response.headers()['content-type']?.startsWith('text/html')) continue;
      for (const link of await linksOn(page)) {
        const shape = shapeOf(link);
        if (!queued.has(shape) && !checked.has(shape)) {
          queued.add(shape);
          queue.push(link);
        }
      }
      const shape = shapeOf(url);
      checked.add(shape);
      pages += 1;
      for (const p of await axeProblems(page)) problems.push(`${who} ${shape}: ${p}`);
      for (const id of await duplicateIds(page)) problems.push(`${who} ${shape}: the id ${id}`);
      await page.setViewportSize(phone);
      const wide = await sidewaysScroll(page);
      if (wide) problems.push(`${who} ${shape}: on a phone the page is ${wide}`);
      await screenshot(page, `phone-${who}${shape.replace(/[^a-z0-9]+/gi, '-')}`);
      await page.setViewportSize(desktop);
    }
    await context.close();
  }
  // The crawl must have reached the application, not stopped at the home page.
  assert.ok(pages >= 30, `only ${pages} pages were reached`);
  assert.deepEqual(problems, []);
});
