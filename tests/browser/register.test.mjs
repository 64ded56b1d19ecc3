// The local audit register in a real browser (docs/governance.md, "The local audit register"):
// the clinical lead proposes a local audit (a refused proposal keeps what was typed), the audit
// manager approves it, the lead moves it through every step to completed, and the manager
// abandons another with a rationale. Screenshots of the audit's page and the register at
// desktop width and at 390 px go to CLINAUDIT_SCREENSHOTS.
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

// Proposes an audit titled `title` as the signed-in user; returns the audit page's path.
async function propose(page, title) {
  await page.getByRole('link', { name: 'Local audits', exact: true }).click();
  await page.getByRole('link', { name: 'Propose an audit' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Division', { exact: true }).selectOption({ label: 'Surgery' });
  await page.getByLabel('Specialty (optional)').selectOption({ label: 'Trauma and orthopaedics' });
  await page.getByLabel('Audit lead').selectOption({ label: 'Someone without an account (name below)' });
  await page.getByLabel('Name of a lead without an account').fill('Mr J Okafor');
  await page.getByLabel('Reason for the audit').selectOption({ label: 'Incident or complaint' });
  await page.getByLabel('Sample and method').fill('40 consecutive hip fracture patients, case notes review');
  await page.getByLabel('Yes').check();
  await page.getByLabel('Planned start date').fill('2027-01-04');
  await page.getByLabel('Planned end date').fill('2027-03-31');
  // Without the standards the proposal is refused and what was typed stays.
  await page.getByRole('button', { name: 'Send the proposal' }).click();
  assert.match(await page.getByRole('alert').innerText(), /name the standards or guidance audited against/i);
  assert.equal(await page.getByLabel('Title').inputValue(), title);
  await page.getByLabel('Standards or guidance audited against').fill('NICE CG124 Hip fracture, recommendation 1.6');
  await page.getByRole('button', { name: 'Send the proposal' }).click();
  await page.getByText('The proposal was sent to the audit team.').waitFor();
  return new URL(page.url()).pathname;
}

test('a clinical lead proposes, the audit manager approves, and the audit is moved through every step', async () => {
  const lead = await signInAt(browser, base, 'clinical.lead@riverside.example', 'demo-lead-2026');
  const title = `Pressure ulcer checks after hip fracture surgery ${Date.now()}`;
  const path = await propose(lead.page, title);
  assert.match(await lead.page.locator('.summary-list').innerText(), /Awaiting a decision/);
  // A clinical lead is not offered the decision.
  assert.equal(await lead.page.getByRole('button', { name: 'Record the decision' }).count(), 0);

  const manager = await signInAt(browser, base, 'audit.manager@riverside.example', 'demo-manager-2026');
  await manager.page.goto(base + path);
  await manager.page.getByLabel('Approve').check();
  await manager.page.getByLabel('Reason', { exact: true }).fill('Follows the incident review; the ward supports it');
  await manager.page.getByRole('button', { name: 'Record the decision' }).click();
  await manager.page.getByText('The decision was recorded.').waitFor();

  await lead.page.goto(base + path);
  for (const step of ['Data collection', 'Analysis', 'Report', 'Review', 'Actions', 'Re-audit', 'Completed']) {
    await lead.page.getByRole('button', { name: `Move on to ${step}` }).click();
    await lead.page.getByText('The audit moved on.').waitFor();
    assert.match(await lead.page.locator('.summary-list').innerText(), new RegExp(`Stage\\s+${step}`));
    if (step === 'Re-audit') {
      assert.equal(await lead.page.getByRole('link', { name: 'Register the re-audit as a new proposal' }).count(), 1);
    }
  }
  const history = await lead.page.locator('.history').innerText();
  for (const words of ['Proposed', 'Approved', 'Reason: Follows the incident review', 'Now at: Completed.']) {
    assert.ok(history.includes(words), `the history shows "${words}"`);
  }
  await screenshot(lead.page, 'register-audit');
  await lead.page.setViewportSize({ width: 390, height: 844 });
  await screenshot(lead.page, 'register-audit-390');

  // The manager abandons another proposal with a rationale.
  const other = await propose(lead.page, `Abandoned audit ${Date.now()}`);
  await manager.page.goto(base + other);
  await manager.page.getByRole('button', { name: 'Abandon the audit' }).click();
  assert.match(await manager.page.getByRole('alert').innerText(), /say why the audit is abandoned/i);
  await manager.page.getByLabel('Rationale').fill('The national audit now collects the same measure');
  await manager.page.getByRole('button', { name: 'Abandon the audit' }).click();
  await manager.page.getByText('The audit was abandoned.').waitFor();
  assert.match(await manager.page.locator('.history').innerText(),
    /Rationale: The national audit now collects the same measure/);

  await manager.page.goto(`${base}/register?stage=abandoned`);
  assert.equal(await manager.page.locator('tr', { hasText: 'Abandoned audit' }).count() >= 1, true);
  await screenshot(manager.page, 'register');
  await manager.page.setViewportSize({ width: 390, height: 844 });
  await screenshot(manager.page, 'register-390');
  assert.deepEqual(lead.errors.filter((e) => !/status of 400/.test(e)), []);
  assert.deepEqual(manager.errors.filter((e) => !/status of 400/.test(e)), []);
  await lead.context.close();
  await manager.context.close();
});
