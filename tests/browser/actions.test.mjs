// An action worked through to the end in a real browser (docs/guide-audit-manager.md,
// "Working with an action"): raised for someone without an account, a progress note, a new
// due date with its reason, completed on a chosen date, reopened with a reason. Screenshots
// of the action's page at desktop width and at 390 px go to CLINAUDIT_SCREENSHOTS.
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

// The day after `day` (YYYY-MM-DD), in the same form.
function dayAfter(day) {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

test('an action raised for someone without an account is noted, extended, completed and reopened', async () => {
  const { context, page, errors } = await signInAt(browser, base, 'audit.manager@riverside.example',
    'demo-manager-2026');
  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  const title = `Re-audit consent in theatre 3 ${Date.now()}`;
  const firstDue = daysFromToday(365);
  const newDue = daysFromToday(394);
  await page.getByLabel('What must be done').fill(title);
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Someone without an account (name below)' });
  await page.getByLabel('Name of an owner without an account').fill('Ward 7 manager');
  await page.getByLabel('Due date').fill(firstDue);
  await page.getByRole('button', { name: 'Add action' }).click();
  const row = page.locator('tr', { hasText: title });
  assert.match(await row.innerText(), /Ward 7 manager/);
  await row.getByRole('link', { name: title }).click();
  await page.waitForURL(/\/actions\/\d+$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), title);

  await page.getByLabel('Progress note').fill('Consent forms collected from theatre 3');
  await page.getByRole('button', { name: 'Add the note' }).click();
  await page.getByText('The progress note was added.').waitFor();

  // A new due date without a reason is refused; the date typed stays.
  await page.getByLabel('New due date').fill(newDue);
  await page.getByRole('button', { name: 'Change the due date' }).click();
  const summary = page.getByRole('alert');
  assert.match(await summary.innerText(), /Say why the due date changes/);
  assert.equal(await page.getByLabel('New due date').inputValue(), newDue);
  await page.getByLabel('Reason for the change').fill('Theatre 3 closed for refurbishment');
  await page.getByRole('button', { name: 'Change the due date' }).click();
  await page.getByText('The due date was changed.').waitFor();
  assert.ok((await page.locator('.summary-list').innerText()).includes(`${newDue} (originally ${firstDue})`));

  // A completion date after today is refused and the evidence typed stays; today is accepted.
  const today = await page.getByLabel('Date it was done').inputValue();
  await page.getByLabel('Date it was done').fill(dayAfter(today));
  await page.getByLabel('Evidence that it is done').fill('Re-audit report, Quality Committee minutes');
  await page.getByRole('button', { name: 'Mark as completed' }).click();
  assert.match(await page.getByRole('alert').innerText(), /cannot be after today/);
  assert.equal(await page.getByLabel('Evidence that it is done').inputValue(),
    'Re-audit report, Quality Committee minutes');
  await page.getByLabel('Date it was done').fill(today);
  await page.getByRole('button', { name: 'Mark as completed' }).click();
  await page.getByText('The action was marked as completed.').waitFor();
  const summaryList = await page.locator('.summary-list').innerText();
  assert.match(summaryList, new RegExp(`Completed on\\s+${today}`));
  await screenshot(page, 'action-completed');

  await page.getByLabel('Reason for reopening').fill('The re-audit found two wards without the new form');
  await page.getByRole('button', { name: 'Reopen' }).click();
  await page.getByText('The action was reopened.').waitFor();
  const history = await page.locator('.history').innerText();
  for (const words of ['Progress note', 'Due date changed', `From ${firstDue} to ${newDue}`,
    'Reason: Theatre 3 closed for refurbishment', `Done on ${today}`, 'Reopened']) {
    assert.ok(history.includes(words), `the history shows "${words}"`);
  }
  await screenshot(page, 'action');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'action-390');

  // "My actions" is in the navigation; an action of someone without an account is not the manager's.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('link', { name: 'My actions' }).first().click();
  assert.equal(await page.locator('tr', { hasText: title }).count(), 0);
  assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
  await context.close();
});
