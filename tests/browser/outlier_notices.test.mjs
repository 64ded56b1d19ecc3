// A trust registers an outlier notice from an audit supplier that does not use clinaudit and
// runs its stages here (docs/governance.md, "Notices from other suppliers"), in a real browser:
// a notice without its measure is refused, keeping what was typed; the notice is registered with
// the supplier's letter; the audit team answers, records the supplier's confirmation with its
// letter, and the chief executive acknowledges in person, until the case is closed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, screenshot, shots, signInAt } from './browser.mjs';

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

// Completes the case's current stage from its page: the decision, the note, then the confirmation step.
async function completeStage(page, note, decision) {
  const caseUrl = page.url().split('?')[0];
  if (decision) await page.getByLabel('Decision').selectOption({ label: decision });
  await page.getByLabel('What was done').fill(note);
  await page.getByRole('button', { name: 'Complete stage' }).click();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.waitForURL(caseUrl);
}

test('a trust registers a supplier\'s outlier notice with its letter and completes its stages', async () => {
  const measure = `90-day mortality after hip fracture surgery ${Date.now()}`;
  const manager = await signInAt(browser, base, 'audit.manager@riverside.example', 'demo-manager-2026');
  const { page } = manager;
  await page.getByRole('link', { name: 'Outlier cases', exact: true }).click();
  await page.getByRole('link', { name: 'Register an outlier notice' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Register an outlier notice');
  await page.getByLabel('National audit').selectOption({ label: 'National Audit of Inpatient Falls' });
  await page.getByLabel('Supplier', { exact: true }).fill('Royal College of Physicians (falls programme)');
  await page.getByLabel('Reporting period').fill('2025');
  await page.getByLabel('What the notice asks of you').selectOption({
    label: 'Alarm: The provider checks its data and sends its explanation',
  });
  await page.getByLabel('Received on').fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel('The supplier\'s letter').setInputFiles(path.join(samples, 'letter.pdf'));
  // Without the measure: refused at its field, and what was typed stays.
  await page.getByRole('button', { name: 'Register the notice' }).click();
  assert.match(await page.locator('.error-summary').innerText(), /Name the measure the notice is about/);
  assert.equal(await page.getByLabel('Supplier', { exact: true }).inputValue(), 'Royal College of Physicians (falls programme)');
  await page.getByLabel('Measure', { exact: true }).fill(measure);
  await page.getByLabel('The supplier\'s letter').setInputFiles(path.join(samples, 'letter.pdf'));
  await page.getByRole('button', { name: 'Register the notice' }).click();
  await page.waitForURL(/\/outliers\/\d+\?done=notice$/);
  const main = page.locator('main');
  assert.match(await main.innerText(), /The notice was registered/);
  assert.match(await page.locator('h1').innerText(), new RegExp(measure));
  assert.match(await main.innerText(), /Royal College of Physicians \(falls programme\) \(outside clinaudit/);
  assert.match(await main.innerText(), /letter\.pdf/);
  assert.match(await page.locator('tr[aria-current="step"]').innerText(), /sends its explanation/);
  await screenshot(page, 'outlier-notice-registered');

  await completeStage(page, 'Data checked with the falls team; explanation sent to the college');
  assert.match(await page.locator('tr[aria-current="step"]').innerText(), /reviews the response/);
  // The supplier's confirmation arrives: its letter is attached at the review, then recorded.
  await page.getByLabel('File', { exact: true }).setInputFiles(path.join(samples, 'letter.pdf'));
  await page.getByRole('button', { name: 'Attach the document' }).click();
  await page.waitForURL(/done=document/);
  await completeStage(page, 'The college confirmed the alarm by letter', 'Confirmed as an outlier');
  assert.match(await page.locator('tr[aria-current="step"]').innerText(), /chief executive and medical director/);
  await completeStage(page, 'The college wrote to the chief executive and told the regulator');
  assert.match(await page.locator('tr[aria-current="step"]').innerText(), /chief executive acknowledges/);
  assert.equal(await page.getByRole('button', { name: 'Complete stage' }).count(), 0);
  const caseUrl = page.url().split('?')[0];

  // The chief executive acknowledges in person.
  const chief = await signInAt(browser, base, 'board.member@riverside.example', 'demo-board-2026');
  await chief.page.goto(caseUrl);
  await completeStage(chief.page, 'Acknowledged; a local review of falls care is commissioned');
  assert.match(await chief.page.locator('tr[aria-current="step"]').innerText(), /disclosed publicly/);
  assert.deepEqual(chief.errors, []);
  await chief.context.close();

  await page.goto(caseUrl);
  await completeStage(page, 'Published in the college\'s annual report');
  assert.match(await main.innerText(), /Closed/);
  // Both letters are kept, each at the stage it came with.
  const letters = page.locator('main table', { has: page.locator('th', { hasText: 'Document' }) })
    .locator('tbody tr', { hasText: 'letter.pdf' });
  assert.equal(await letters.count(), 2);
  assert.match(await letters.nth(0).innerText(), /sends its explanation/);
  assert.match(await letters.nth(1).innerText(), /reviews the response/);
  await screenshot(page, 'outlier-notice-closed');
  // The refused registration is answered 400, which the browser logs; nothing else may fail.
  assert.deepEqual(manager.errors.filter((e) => !/status of 400 .*\/outliers\/notices\)$/.test(e)), []);
  await manager.context.close();
});
