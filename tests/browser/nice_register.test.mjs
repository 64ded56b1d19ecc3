// NICE guidance tracked in a real browser (docs/guide-audit-manager.md, "The NICE guidance
// register"): the trust's audit manager imports two pieces of guidance with their
// recommendations from a CSV file and adds one on the register's form (a refusal keeps what was
// typed); the clinical lead, its lead, records the baseline and raises an action from the
// recommendation not met; the audit manager links the audit that checks it and records its
// review; the register's filter and the board member's dashboard show it. Screenshots of the
// guidance's page and of the register at desktop width and at 390 px go to CLINAUDIT_SCREENSHOTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launchChromium, screenshot, shots, signInAt, daysFromToday } from './browser.mjs';

const base = process.env.CLINAUDIT_URL ?? 'http://127.0.0.1:8080';
let browser;

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

const nav = (page, name) => page.locator('nav').getByRole('link', { name, exact: true }).click();

test('NICE guidance is imported, added, baselined, acted on, linked and reviewed', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const nextYear = daysFromToday(365);
  // Numbers no demo guidance uses, different on every run against the same server.
  const stamp = 9000 + (Date.now() % 900);
  const imported = `NG${stamp}`;
  const added = `QS${stamp}`;

  // The audit manager imports two pieces of guidance, one with two recommendations.
  const manager = await signInAt(browser, base, 'audit.manager@riverside.example', 'demo-manager-2026');
  let page = manager.page;
  const csv =
    'reference,title,published_on,applicability,lead,division,review_due,recommendation,recommendation_text\n' +
    `${imported},Acute kidney injury,2019-12-18,applicable,clinical.lead@riverside.example,Medicine,${nextYear},1.1.1,Check creatinine on admission\n` +
    `${imported},Acute kidney injury,2019-12-18,applicable,clinical.lead@riverside.example,Medicine,${nextYear},1.3.2,Review nephrotoxic medicines\n` +
    `TA${stamp},An appraisal the trust does not use,2020-01-08,not applicable,,,,,\n`;
  await nav(page, 'Import');
  await page.getByLabel('What the file holds').selectOption('nice-guidance');
  await page.getByLabel('CSV file').setInputFiles({ name: 'nice.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check file' }).click();
  // Not applicable without a reason is refused at its row and column; nothing is written.
  assert.match(await page.locator('main').innerText(), /Nothing was saved/);
  assert.match(await page.locator('main').innerText(), /4\tapplicability_note\t\tis empty, but the guidance is not applicable/);
  const withNote =
    'reference,title,published_on,applicability,applicability_note,lead,division,review_due,recommendation,recommendation_text\n' +
    `${imported},Acute kidney injury,2019-12-18,applicable,,clinical.lead@riverside.example,Medicine,${nextYear},1.1.1,Check creatinine on admission\n` +
    `${imported},Acute kidney injury,2019-12-18,applicable,,clinical.lead@riverside.example,Medicine,${nextYear},1.3.2,Review nephrotoxic medicines\n` +
    `TA${stamp},An appraisal the trust does not use,2020-01-08,not applicable,No such service at the trust,,,,,\n`;
  await page.getByLabel('What the file holds').selectOption('nice-guidance');
  await page.getByLabel('CSV file').setInputFiles({ name: 'nice.csv', mimeType: 'text/csv', buffer: Buffer.from(withNote) });
  await page.getByRole('button', { name: 'Check file' }).click();
  assert.match(await page.locator('main').innerText(), /3 rows of .*no problems found/);
  await page.getByRole('button', { name: 'Confirm and import 3 rows' }).click();
  assert.match(await page.locator('.banner-success').innerText(), /Imported 3 rows/);

  // One more on the register's form: a reference NICE does not use is refused, keeping the title.
  await nav(page, 'NICE guidance');
  assert.equal(await page.locator('h1').innerText(), 'NICE guidance');
  const form = page.locator('#add');
  await form.getByLabel('NICE reference').fill(`QX${stamp}`);
  await form.getByLabel('Title').fill('Sepsis in under 16s');
  await form.getByLabel('Published on (YYYY-MM-DD)').fill('2024-01-19');
  await form.getByRole('button', { name: 'Add the guidance' }).click();
  assert.match(await page.getByRole('alert').innerText(), /NICE's reference/);
  assert.equal(await page.locator('#add').getByLabel('Title').inputValue(), 'Sepsis in under 16s');
  await page.locator('#add').getByLabel('NICE reference').fill(added);
  await page.locator('#add').getByRole('button', { name: 'Add the guidance' }).click();
  await page.getByText('The guidance was added to the register.').waitFor();
  assert.match(await page.locator('h1').innerText(), new RegExp(`${added}: Sepsis in under 16s`));
  assert.deepEqual(manager.errors.filter((e) => !/status of (400|422)/.test(e)), []);
  await manager.context.close();

  // The lead records the baseline of the imported guidance: evidence is needed.
  const lead = await signInAt(browser, base, 'clinical.lead@riverside.example', 'demo-lead-2026');
  page = lead.page;
  await nav(page, 'NICE guidance');
  await page.getByRole('link', { name: `${imported}: Acute kidney injury` }).click();
  const guidancePath = new URL(page.url()).pathname;
  const first = page.locator('section.recommendation').first();
  const firstId = await first.getAttribute('id');
  await first.getByLabel('Not compliant', { exact: true }).check();
  await first.getByRole('button', { name: 'Save the assessment' }).click();
  assert.match(await page.getByRole('alert').innerText(), /Say what shows it/);
  assert.ok(await page.locator(`#${firstId}`).getByLabel('Not compliant', { exact: true }).isChecked());
  await page.locator(`#${firstId}`).getByLabel('Evidence').fill('Creatinine checked for 62% of admissions');
  await page.locator(`#${firstId}`).getByRole('button', { name: 'Save the assessment' }).click();
  await page.getByText('The assessment was saved.').waitFor();
  const second = page.locator('section.recommendation').nth(1);
  await second.getByLabel('Compliant', { exact: true }).check();
  await second.getByLabel('Evidence').fill('Pharmacy review on every ward round');
  await second.getByRole('button', { name: 'Save the assessment' }).click();
  await page.getByText('The assessment was saved.').waitFor();
  assert.match(await page.locator('h1 + p').innerText(), /Not compliant/);
  assert.match(await page.locator(`#${firstId}`).innerText(), /No action raised/);

  // An action from the recommendation not met, shown beside it.
  const notMet = page.locator(`#${firstId}`);
  await notMet.getByLabel('What must be done').fill('Add creatinine to the admission blood set');
  await notMet.getByLabel('Due on (YYYY-MM-DD)').fill(nextYear);
  await notMet.getByRole('button', { name: 'Raise the action' }).click();
  await page.getByText('The action was added to the action plan.').waitFor();
  const actions = await page.locator(`#${firstId} table`).innerText();
  assert.match(actions, /Add creatinine to the admission blood set/);
  assert.doesNotMatch(await page.locator(`#${firstId}`).innerText(), /No action raised/);
  assert.equal(await page.getByRole('button', { name: 'Record the review' }).count(), 0);
  assert.deepEqual(lead.errors.filter((e) => !/status of 400/.test(e)), []);
  await lead.context.close();

  // The audit manager links the audit that checks it and records the review.
  const again = await signInAt(browser, base, 'audit.manager@riverside.example', 'demo-manager-2026');
  page = again.page;
  await page.goto(`${base}${guidancePath}`);
  const linkable = page.locator('#audit_id option').first();
  const audit = (await linkable.innerText()).trim();
  await page.getByLabel('Link an audit').selectOption({ index: 0 });
  await page.getByRole('button', { name: 'Link the audit' }).click();
  await page.getByText('The audit was linked.').waitFor();
  assert.match(await page.locator('.linked-audits').innerText(), new RegExp(audit.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const review = page.locator('#review-form');
  await review.getByLabel('Reviewed on (YYYY-MM-DD)').fill(today);
  await review.getByLabel('Next review due (YYYY-MM-DD)').fill(nextYear);
  await page.locator('#review-form').getByRole('button', { name: 'Record the review' }).click();
  await page.getByText('The review was recorded.').waitFor();
  assert.match(await page.locator('#review + dl').innerText(), new RegExp(today));
  await screenshot(page, 'nice-guidance');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'nice-guidance-390');

  // The register filtered to the guidance not met: this guidance is there, the met one is not.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/nice`);
  await page.getByLabel('Status').selectOption({ label: 'Not compliant' });
  await page.getByRole('button', { name: 'Show' }).click();
  const listed = await page.locator('tbody').innerText();
  assert.match(listed, new RegExp(`${imported}: Acute kidney injury`));
  assert.doesNotMatch(listed, new RegExp(added));
  await page.goto(`${base}/nice`);
  await screenshot(page, 'nice-register');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'nice-register-390');
  assert.deepEqual(again.errors, []);
  await again.context.close();

  // The board member reads the register and the dashboard's card, and may change nothing.
  const board = await signInAt(browser, base, 'board.member@riverside.example', 'demo-board-2026');
  page = board.page;
  assert.match(await page.locator('.card', { hasText: 'NICE guidance' }).innerText(), /not compliant/);
  await page.goto(`${base}${guidancePath}`);
  assert.equal(await page.getByRole('button', { name: 'Save the assessment' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Save the changes' }).count(), 0);
  assert.deepEqual(board.errors, []);
  await board.context.close();
});
