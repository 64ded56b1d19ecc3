// A document attached as evidence on an action's page in a real browser
// (docs/guide-audit-manager.md, "Attaching evidence"): a text file named as a PDF is refused at
// the field, a small PDF is attached, listed with its size, and downloaded back byte for byte.
// Screenshots of the action's page at desktop width and at 390 px go to CLINAUDIT_SCREENSHOTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, screenshot, shots, signInAt, daysFromToday } from './browser.mjs';

const base = process.env.CLINAUDIT_URL ?? 'http://127.0.0.1:8080';
const samples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../data/documents');
let browser;

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('a PDF attached to an action is listed and downloaded back; a text file is refused', async () => {
  const { context, page, errors } = await signInAt(browser, base, 'audit.manager@riverside.example',
    'demo-manager-2026');
  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  const title = `Re-audit hand hygiene ${Date.now()}`;
  await page.getByLabel('What must be done').fill(title);
  await page.getByLabel('Due date').fill(daysFromToday(365));
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.locator('tr', { hasText: title }).getByRole('link', { name: title }).click();
  await page.waitForURL(/\/actions\/\d+$/);

  // The name does not make a text file a PDF.
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'minutes.pdf', mimeType: 'application/pdf', buffer: fs.readFileSync(path.join(samples, 'notes.txt')),
  });
  await page.getByRole('button', { name: 'Attach the document' }).click();
  assert.match(await page.getByRole('alert').innerText(), /not a PDF or a Word document/);
  assert.match(await page.locator('#documents + p').innerText(), /No documents attached yet/);

  const pdf = fs.readFileSync(path.join(samples, 'letter.pdf'));
  await page.getByLabel('File', { exact: true }).setInputFiles(path.join(samples, 'letter.pdf'));
  await page.getByRole('button', { name: 'Attach the document' }).click();
  await page.getByText('The document was attached.').waitFor();
  const row = page.locator('tr', { hasText: 'letter.pdf' });
  assert.match(await row.innerText(), /193 bytes/);
  assert.match(await page.locator('.history').innerText(), /Document added\s[\s\S]*letter\.pdf \(193 bytes\)/);
  await screenshot(page, 'action-documents');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'action-documents-390');
  await page.setViewportSize({ width: 1280, height: 900 });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: 'letter.pdf' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'letter.pdf');
  const saved = path.join(shots, 'downloaded-letter.pdf');
  await download.saveAs(saved);
  assert.deepEqual(fs.readFileSync(saved), pdf);
  fs.rmSync(saved);
  assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
  await context.close();
});
