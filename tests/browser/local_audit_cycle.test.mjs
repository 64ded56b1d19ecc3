// One local audit's whole cycle in a real browser (docs/guide-audit-manager.md): a clinical
// lead proposes it, the audit manager approves it, the lead enters its results per criterion
// and moves it through report and review, the manager raises an action on it, and at the
// re-audit step the lead registers the re-audit, which the manager approves; its results show
// the change for each criterion with its 95% interval. The manager carries the re-audit over
// into next year, and the forward programme shows both audits with the reason. Screenshots
// of the programme at desktop width and at 390 px go to CLINAUDIT_SCREENSHOTS.
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

// Fills the proposal form (already open) and sends it; returns the audit page's path.
async function sendProposal(page, title, start, end) {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Division', { exact: true }).selectOption({ label: 'Surgery' });
  await page.getByLabel('Specialty (optional)').selectOption({ label: 'Trauma and orthopaedics' });
  await page.getByLabel('Audit lead').selectOption({ label: 'Someone without an account (name below)' });
  await page.getByLabel('Name of a lead without an account').fill('Mr J Okafor');
  await page.getByLabel('Standards or guidance audited against').fill('GMC Decision making and consent (2020)');
  await page.getByLabel('Reason for the audit').selectOption({ label: 'Incident or complaint' });
  await page.getByLabel('Sample and method').fill('50 consecutive hip fracture patients, case notes review');
  await page.getByLabel('Yes').check();
  await page.getByLabel('Planned start date').fill(start);
  await page.getByLabel('Planned end date').fill(end);
  await page.getByRole('button', { name: 'Send the proposal' }).click();
  await page.getByText('The proposal was sent to the audit team.').waitFor();
  return new URL(page.url()).pathname;
}

async function approve(page, path) {
  await page.goto(base + path);
  await page.getByLabel('Approve').check();
  await page.getByLabel('Reason', { exact: true }).fill('Follows the complaint review; the ward supports it');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await page.getByText('The decision was recorded.').waitFor();
}

async function moveOn(page, path, steps) {
  await page.goto(base + path);
  for (const step of steps) {
    await page.getByRole('button', { name: `Move on to ${step}` }).click();
    await page.getByText('The audit moved on.').waitFor();
    assert.match(await page.locator('.summary-list').innerText(), new RegExp(`Stage\\s+${step}`));
  }
}

// On the audit's register page: opens its results page, adds the criteria and enters
// [applicable, met] for each.
async function enterCriteria(page, path, counts) {
  await page.goto(base + path);
  await page.getByRole('link', { name: 'Measures and results of this audit' }).click();
  await page.waitForURL(/\/audits\/\d+(\?.*)?$/);
  for (const [statement, target, exceptions] of standards) {
    const form = page.locator('#new-criterion');
    await form.getByLabel('Standard').fill(statement);
    await form.getByLabel('Target (% of cases)').fill(target);
    await form.getByLabel('Exceptions (optional)').fill(exceptions);
    await form.getByRole('button', { name: 'Add the criterion' }).click();
    await page.getByText('The criterion was added.').waitFor();
  }
  await page.getByRole('link', { name: 'Enter results' }).click();
  for (let i = 0; i < counts.length; i += 1) {
    const group = page.getByRole('group', { name: new RegExp(`^Criterion ${i + 1}:`) });
    await group.getByLabel('Cases the standard applied to').fill(String(counts[i][0]));
    await group.getByLabel('Cases that met the standard').fill(String(counts[i][1]));
  }
  await page.getByRole('button', { name: 'Save the results' }).click();
  await page.getByText('The results were saved.').waitFor();
}

test('one local audit from proposal to a re-audit showing the change with its interval', async () => {
  const lead = await signInAt(browser, base, 'clinical.lead@riverside.example', 'demo-lead-2026');
  const manager = await signInAt(browser, base, 'audit.manager@riverside.example', 'demo-manager-2026');
  const stamp = Date.now();
  const title = `Consent for hip fracture surgery ${stamp}`;

  await lead.page.getByRole('link', { name: 'Local audits', exact: true }).click();
  await lead.page.getByRole('link', { name: 'Propose an audit' }).click();
  const path = await sendProposal(lead.page, title, '2027-01-04', '2027-03-31');
  await approve(manager.page, path);
  await moveOn(lead.page, path, ['Data collection']);
  await enterCriteria(lead.page, path, [[50, 30], [50, 40]]);
  const results = await lead.page.locator('#criteria ~ table').first().innerText();
  assert.match(results, /30 of 50\s+60\.0%\s+46\.2% to 72\.4%\s+below the target/);
  await moveOn(lead.page, path, ['Analysis', 'Report', 'Review', 'Actions']);

  // The audit manager raises an action on the audit from its findings.
  await manager.page.getByRole('link', { name: 'Actions', exact: true }).click();
  const action = `Consent form reminder at the orthopaedic pre-assessment clinic ${stamp}`;
  await manager.page.getByLabel('What must be done').fill(action);
  await manager.page.getByLabel('Audit', { exact: true }).selectOption({ label: title });
  await manager.page.getByLabel('Owner', { exact: true }).selectOption({
    label: 'Someone without an account (name below)' });
  await manager.page.getByLabel('Name of an owner without an account').fill('Pre-assessment lead nurse');
  await manager.page.getByLabel('Due date').fill('2027-02-26');
  await manager.page.getByRole('button', { name: 'Add action' }).click();
  assert.match(await manager.page.locator('tr', { hasText: action }).innerText(), /Pre-assessment lead nurse/);

  // At the re-audit step the lead registers the re-audit, linked to this audit.
  await moveOn(lead.page, path, ['Re-audit']);
  await lead.page.getByRole('link', { name: 'Register the re-audit as a new proposal' }).click();
  const original = path.split('/').pop();
  assert.equal(await lead.page.getByLabel('Re-audit of (optional)').inputValue(), original);
  const reauditTitle = `Re-audit: consent for hip fracture surgery ${stamp}`;
  const reaudit = await sendProposal(lead.page, reauditTitle, '2027-02-01', '2027-06-30');
  assert.match(await lead.page.locator('.summary-list').innerText(), new RegExp(`Re-audit of\\s+${title}`));
  await approve(manager.page, reaudit);
  await moveOn(lead.page, reaudit, ['Data collection']);
  await enterCriteria(lead.page, reaudit, [[50, 45], [50, 42]]);

  const comparison = lead.page.locator('table', { hasText: 'Change (points)' });
  const consent = await comparison.locator('tr', { hasText: 'Consent form signed' }).innerText();
  assert.match(consent, /30 of 50 \(60\.0%\)\s+45 of 50 \(90\.0%\)\s+\+30\.0\s+\+13\.2 to \+44\.9\s+improvement/);
  const risks = await comparison.locator('tr', { hasText: 'Risks of the operation' }).innerText();
  assert.match(risks, /40 of 50 \(80\.0%\)\s+42 of 50 \(84\.0%\)\s+\+4\.0\s+-11\.3 to \+19\.1\s+no clear change/);
  await moveOn(lead.page, path, ['Completed']);

  // The re-audit runs into next year: the manager records why.
  await manager.page.goto(base + reaudit);
  await manager.page.getByRole('button', { name: 'Record the carry-over' }).click();
  assert.match(await manager.page.getByRole('alert').innerText(), /say why the audit is carried over/i);
  await manager.page.getByLabel('Reason', { exact: true }).fill('Three months of cases are needed after the new form');
  await manager.page.getByRole('button', { name: 'Record the carry-over' }).click();
  await manager.page.getByText('The carry-over was recorded.').waitFor();

  // The forward programme of this year holds both, each with its progress and reason.
  await manager.page.getByRole('link', { name: 'Local audits', exact: true }).click();
  await manager.page.getByRole('link', { name: 'Forward programme' }).click();
  const divisional = manager.page.locator('table', { hasText: 'Divisional:' });
  assert.match(await divisional.locator('tr', { hasText: new RegExp(`^${title}`) }).innerText(),
    /Completed on \d{4}-\d\d-\d\d/);
  assert.match(await divisional.locator('tr', { hasText: reauditTitle }).innerText(),
    /Carrying over to the next year: Three months of cases are needed after the new form\./);
  await screenshot(manager.page, 'forward-programme');
  await manager.page.setViewportSize({ width: 390, height: 844 });
  await screenshot(manager.page, 'forward-programme-390');
  assert.deepEqual(lead.errors.filter((e) => !/status of 400/.test(e)), []);
  assert.deepEqual(manager.errors.filter((e) => !/status of 400/.test(e)), []);
  await lead.context.close();
  await manager.context.close();
});
