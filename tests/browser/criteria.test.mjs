// Standards and results per criterion in a real browser (docs/guide-audit-manager.md,
// "Standards and results per criterion"): a clinical lead adds criteria to a local audit and
// enters its results (a refusal keeps what was typed), registers a re-audit of it with the
// same standards and its results, and reads the comparison criterion by criterion.
// Screenshots of both pages at desktop width and at 390 px go to CLINAUDIT_SCREENSHOTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launchChromium, screenshot, shots, signInAt } from './browser.mjs';

const base = process.env.CLINAUDIT_URL ?? 'http://127.0.0.1:8080';
let browser;

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

const standards = [
  ['Consent form signed before the day of surgery', '95', 'Emergency operations'],
  ['Risks of the operation recorded on the form', '90', ''],
];

async function addCriteria(page) {
  for (const [statement, target, exceptions] of standards) {
    const form = page.locator('#new-criterion');
    await form.getByLabel('Standard').fill(statement);
    await form.getByLabel('Target (% of cases)').fill(target);
    await form.getByLabel('Exceptions (optional)').fill(exceptions);
    await form.getByRole('button', { name: 'Add the criterion' }).click();
    await page.getByText('The criterion was added.').waitFor();
  }
}

// Enters [applicable, met] for each criterion on the results page and saves.
async function enterResults(page, counts) {
  await page.getByRole('link', { name: 'Enter results' }).click();
  for (let i = 0; i < counts.length; i += 1) {
    const group = page.getByRole('group', { name: new RegExp(`^Criterion ${i + 1}:`) });
    await group.getByLabel('Cases the standard applied to').fill(String(counts[i][0]));
    await group.getByLabel('Cases that met the standard').fill(String(counts[i][1]));
  }
  await page.getByRole('button', { name: 'Save the results' }).click();
  await page.getByText('The results were saved.').waitFor();
}

test('criteria and results for an audit and its re-audit, compared criterion by criterion', async () => {
  const { context, page, errors } = await signInAt(browser, base, 'clinical.lead@riverside.example',
    'demo-lead-2026');
  await page.goto(`${base}/audits?kind=local`);
  await page.getByRole('link', { name: 'Consent documentation for elective surgery' }).click();
  await page.waitForURL(/\/audits\/\d+(\?.*)?$/);
  const original = page.url().match(/\/audits\/(\d+)(\?.*)?$/)[1];
  await addCriteria(page);

  // More met than applicable is refused, naming the criterion; what was typed stays.
  await page.getByRole('link', { name: 'Enter results' }).click();
  const second = page.getByRole('group', { name: /^Criterion 2:/ });
  await page.getByRole('group', { name: /^Criterion 1:/ }).getByLabel('Cases the standard applied to').fill('50');
  await page.getByRole('group', { name: /^Criterion 1:/ }).getByLabel('Cases that met the standard').fill('30');
  await second.getByLabel('Cases the standard applied to').fill('10');
  await second.getByLabel('Cases that met the standard').fill('12');
  await page.getByRole('button', { name: 'Save the results' }).click();
  assert.match(await page.getByRole('alert').innerText(), /Criterion 2, cases met: 12 cases met the standard/);
  assert.equal(await second.getByLabel('Cases that met the standard').inputValue(), '12');
  await page.goto(`${base}/audits/${original}`);
  await enterResults(page, [[50, 30], [50, 40]]);
  const table = await page.locator('#criteria ~ table').first().innerText();
  assert.match(table, /30 of 50\s+60\.0%\s+46\.2% to 72\.4%\s+below the target/);
  await screenshot(page, 'criteria-audit');

  // The re-audit: an audit of its own that repeats the first, with the same standards.
  await page.goto(`${base}/audits/new`);
  const code = `LA-CONSENT-R${Date.now()}`;
  await page.getByLabel('Code').fill(code);
  await page.getByLabel('Title').fill('Re-audit: consent documentation for elective surgery');
  await page.getByLabel('Re-audit of (audit number)').fill(original);
  await page.getByRole('button', { name: 'Add local audit' }).click();
  await page.waitForURL(/\/audits\/\d+(\?.*)?$/);
  await addCriteria(page);
  await enterResults(page, [[50, 45], [50, 42]]);

  const comparison = page.locator('table', { hasText: 'Change (points)' });
  const consent = await comparison.locator('tr', { hasText: 'Consent form signed' }).innerText();
  assert.match(consent, /30 of 50 \(60\.0%\)\s+45 of 50 \(90\.0%\)\s+\+30\.0\s+\+13\.2 to \+44\.9\s+improvement/);
  const risks = await comparison.locator('tr', { hasText: 'Risks of the operation' }).innerText();
  assert.match(risks, /40 of 50 \(80\.0%\)\s+42 of 50 \(84\.0%\)\s+\+4\.0\s+-11\.3 to \+19\.1\s+no clear change/);
  await screenshot(page, 'criteria-reaudit');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'criteria-reaudit-390');
  await page.goto(`${base}/audits/${original}`);
  await screenshot(page, 'criteria-audit-390');
  assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
  await context.close();
});
