// A national report tracked from publication to the committee's review in a real browser
// (docs/guide-audit-manager.md, "The report tracker"): the national analyst records the report,
// the trust's audit manager assigns it to the clinical lead, the lead records the baseline of
// each recommendation (a refusal keeps what was typed) and raises an action from the one not
// complied with, and the audit manager records the committee's review. Screenshots of the
// report's tracker and of the trust-wide tracker at desktop width and at 390 px go to
// CLINAUDIT_SCREENSHOTS.
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

test('a national report is assigned, baselined, acted on and reviewed by the committee', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const title = `National Hip Fracture Database spotlight ${Date.now()}`;

  // The national analyst records the report for every trust.
  const national = await signInAt(browser, base, 'analyst@national-audit.example', 'demo-analyst-2026');
  let page = national.page;
  await page.goto(`${base}/audits`);
  await page.getByRole('link', { name: 'National Hip Fracture Database', exact: true }).first().click();
  await page.getByRole('link', { name: 'Record a report of this audit' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Published on (YYYY-MM-DD)').fill(today);
  await page.getByLabel(/Recommendations/).fill(
    'Review every patient by an orthogeriatrician within 72 hours\nScreen every patient for delirium');
  await page.getByRole('button', { name: 'Record the report' }).click();
  await page.waitForURL(/\/audit-reports\/\d+\?done=report/);
  const reportPath = new URL(page.url()).pathname;
  assert.deepEqual(national.errors, []);
  await national.context.close();

  // The audit manager assigns it to the clinical lead, with the default deadline.
  const manager = await signInAt(browser, base, 'audit.manager@riverside.example', 'demo-manager-2026');
  page = manager.page;
  await page.goto(`${base}${reportPath}`);
  await page.getByRole('link', { name: "Open the report's tracker" }).click();
  assert.equal(await page.locator('h1').innerText(), title);
  await page.getByLabel('Lead', { exact: true }).selectOption({ label: 'Clinical lead (demo)' });
  await page.getByRole('button', { name: 'Save the assignment' }).click();
  await page.getByText('The report was assigned.').waitFor();
  assert.match(await page.locator('.steps').innerText(), /Assigned to Clinical lead \(demo\), review due by/);
  await manager.context.close();

  // The lead records the baseline: an assessment without evidence is refused and keeps the choice.
  const lead = await signInAt(browser, base, 'clinical.lead@riverside.example', 'demo-lead-2026');
  page = lead.page;
  await page.goto(`${base}${reportPath}/tracker`);
  const first = page.locator('#recommendation-1');
  await first.getByLabel('Not compliant', { exact: true }).check();
  await first.getByRole('button', { name: 'Save the assessment' }).click();
  assert.match(await page.getByRole('alert').innerText(), /Say what shows it/);
  assert.ok(await page.locator('#recommendation-1').getByLabel('Not compliant', { exact: true }).isChecked());
  await page.locator('#recommendation-1').getByLabel('Evidence').fill('No orthogeriatrician at weekends');
  await page.locator('#recommendation-1').getByRole('button', { name: 'Save the assessment' }).click();
  await page.getByText('The assessment was saved.').waitFor();
  const second = page.locator('#recommendation-2');
  await second.getByLabel('Compliant', { exact: true }).check();
  await second.getByLabel('Evidence').fill('4AT screening audit: 94% of patients screened');
  await second.getByRole('button', { name: 'Save the assessment' }).click();
  await page.getByText('The assessment was saved.').waitFor();
  assert.match(await page.locator('.steps').innerText(), /Baseline assessed: 2 of 2 recommendations/);

  // An action from the recommendation not complied with, shown beside it with its status.
  const action = page.locator('#recommendation-1');
  await action.getByLabel('What must be done').fill('Weekend orthogeriatric rota');
  await action.getByLabel('Due on (YYYY-MM-DD)').fill('2027-03-31');
  await action.getByRole('button', { name: 'Raise the action' }).click();
  await page.getByText('The action was added to the action plan.').waitFor();
  const actions = await page.locator('#recommendation-1 table').innerText();
  assert.match(actions, /Weekend orthogeriatric rota/);
  assert.match(actions, /Open/);
  assert.match(await page.locator('.steps').innerText(), /Actions raised: 1 \(1 still open\)/);
  assert.deepEqual(lead.errors.filter((e) => !/status of 400/.test(e)), []);
  await lead.context.close();

  // The audit manager records the committee's review; the tracker shows it reviewed.
  const again = await signInAt(browser, base, 'audit.manager@riverside.example', 'demo-manager-2026');
  page = again.page;
  await page.goto(`${base}${reportPath}`);
  await page.getByLabel('Reviewed on (YYYY-MM-DD)').fill(today);
  await page.getByLabel('Committee').fill('Quality Committee');
  await page.getByLabel('Findings').fill('One of two met; weekend rota agreed');
  await page.getByRole('button', { name: 'Save the review' }).click();
  await page.getByText('The review was saved.').waitFor();
  await page.getByRole('link', { name: "Open the report's tracker" }).click();
  assert.match(await page.locator('.steps').innerText(), new RegExp(`Reviewed by Quality Committee on ${today}`));
  assert.match(await page.locator('h1 + p').innerText(), /Reviewed by committee/);
  await screenshot(page, 'report-tracker-report');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'report-tracker-report-390');

  // The trust-wide tracker: overdue reviews first, this report among the reviewed.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/audit-reports`);
  await page.getByRole('link', { name: 'Open the report tracker' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Report tracker');
  const rows = page.locator('tbody tr');
  assert.match(await rows.first().innerText(), /Overdue/);
  assert.match(await page.locator('tr', { hasText: title }).innerText(), /Reviewed by committee/);
  await screenshot(page, 'report-tracker');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'report-tracker-390');
  assert.deepEqual(again.errors, []);
  await again.context.close();
});
