// From an empty database to a trust's Quality Account section and board pack, through the
// pages alone: the browser version of tests/setup/empty_database_to_board_pack_test.sh.
// scripts/browser_tests.sh starts `clinaudit serve` (no --demo, the date fixed at 2026-06-15)
// on a fresh SQLite file holding only the national body's first administrator, made by
// `clinaudit user add`, and sets CLINAUDIT_EMPTY_URL and that administrator's sign-in.
// Every step fills a form and clicks, and checks what the page shows before the next one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launchChromium, screenshot, shots, signInAt } from './browser.mjs';

const base = process.env.CLINAUDIT_EMPTY_URL;
const adminEmail = process.env.CLINAUDIT_EMPTY_ADMIN_EMAIL;
const adminPassword = process.env.CLINAUDIT_EMPTY_ADMIN_PASSWORD;

const year = '2025/26';
const audit = 'National Emergency Laparotomy Audit';
const trust = 'Alpha Hospitals NHS Trust';
const formula = 'died30 ~ I((age - 68)/10) + sex + factor(asa_grade)';
const reportTitle = 'NELA tenth patient report';
const intendedActions = 'Add a frailty score to the emergency theatre booking form';
const analyst = ['nina.analyst@nab.example', 'analyst-password-2026'];
const trustAdmin = ['alex.admin@alpha.example', 'alpha-admin-password-2026'];

const organisationsCsv = `code,name,type,region
RXA,${trust},acute,North West
RXB,Beta Hospitals NHS Trust,acute,London
RXC,Gamma Hospitals NHS Trust,acute,Midlands
`;

// 900 episodes at three trusts in 2025/26, risk rising with age and ASA grade, Gamma's
// doubled; one episode without an age (left out of the model). The same generator as the
// shell test's awk, in the same double arithmetic, so the same file.
function episodesCsv() {
  const lines = ['organisation_code,admission_date,died30,age,sex,asa_grade,episode_id'];
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < 900; i++) {
    const u = next();
    const v = next();
    const trustLetter = 'ABC'[i % 3];
    const age = 40 + Math.floor(u * 50);
    const asa = 1 + Math.floor(v * 5);
    const sex = i % 2 === 0 ? 'F' : 'M';
    const risk = 1 / (1 + Math.exp(-(-4 + 0.04 * (age - 68) + 0.5 * (asa - 1) + (trustLetter === 'C' ? 0.7 : 0))));
    const w = next();
    let month = 4 + Math.floor(i / 100);
    let yearOf = 2025;
    if (month > 12) { month -= 12; yearOf = 2026; }
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`RX${trustLetter},${yearOf}-${String(month).padStart(2, '0')}-${day},${w < risk ? 1 : 0},` +
      `${i === 17 ? '' : age},${sex},${asa},${100000 + i}`);
  }
  return `${lines.join('\n')}\n`;
}

let browser;

before(async () => {
  assert.ok(base, 'CLINAUDIT_EMPTY_URL is set (scripts/browser_tests.sh starts the empty-database server)');
  assert.ok(adminEmail && adminPassword, 'the first administrator\'s sign-in is set');
  fs.mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

const signIn = (email, password) => signInAt(browser, base, email, password);

async function shot(page, name) {
  await screenshot(page, `empty-${name}`);
}

const nav = (page, name) => page.locator('nav').getByRole('link', { name, exact: true }).click();
const banner = (page) => page.locator('.banner-success');
const mainText = (page) => page.locator('main').innerText();

// Uploads `csv` as `kind` on the import page, checks it and confirms it.
async function importCsv(page, kind, name, csv, rows, auditCode) {
  await nav(page, 'Import');
  await page.getByLabel('What the file holds').selectOption(kind);
  if (auditCode) await page.getByLabel('Audit (episodes only)').selectOption(auditCode);
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check file' }).click();
  assert.match(await mainText(page), new RegExp(`${rows} rows of .*no problems found`), `${name} is checked`);
  await page.getByRole('button', { name: `Confirm and import ${rows} rows` }).click();
  assert.match(await banner(page).innerText(), new RegExp(`Imported ${rows} rows`), `${name} is imported`);
}

test('from an empty database to a trust\'s Quality Account section and board pack, through the pages', async () => {
  // The national body's administrator sets up the register, the audit, its dataset and measure.
  const admin = await signIn(adminEmail, adminPassword);
  let page = admin.page;
  await nav(page, 'Organisations');
  assert.equal(await page.locator('h1').innerText(), 'Organisations');
  await page.getByRole('link', { name: 'import page' }).click();
  await importCsv(page, 'organisations', 'organisations.csv', organisationsCsv, 3);
  await nav(page, 'Organisations');
  for (const name of [trust, 'Beta Hospitals NHS Trust', 'Gamma Hospitals NHS Trust']) {
    assert.match(await page.locator('table').innerText(), new RegExp(name), `${name} is in the register`);
  }
  await shot(page, 'organisations');

  await nav(page, 'National audits');
  assert.match(await mainText(page), /No national audits yet/);
  await page.getByLabel('Code', { exact: true }).fill('NELA');
  await page.getByLabel('Title', { exact: true }).fill(audit);
  await page.getByLabel('Kind', { exact: true }).selectOption('national_clinical_audit');
  await page.getByLabel('Provider body').fill('Royal College of Anaesthetists');
  await page.getByLabel('Status', { exact: true }).selectOption('in_progress');
  await page.getByRole('button', { name: 'Add national audit' }).click();
  await page.waitForURL(/\/admin\/audits\/\d+\?done=added/);
  assert.equal(await page.locator('h1').innerText(), audit);
  const auditPath = new URL(page.url()).pathname;
  await page.locator('#eligible_acute_2025').check();
  await page.getByRole('button', { name: `Save the ${year} list` }).click();
  assert.match(await banner(page).innerText(), /Saved/);
  assert.ok(await page.locator('#eligible_acute_2025').isChecked(), 'acute trusts are eligible in 2025/26');
  assert.match(await page.locator('#qa-list ~ h3:text("2025/26") + p').innerText(), /On the list/);
  await shot(page, 'national-audit');

  await page.getByRole('link', { name: 'Its dataset' }).click();
  assert.match(await mainText(page), /No dataset is declared yet/);
  const column = async (i, name, type, { required = false, minimum, maximum, allowed, description }) => {
    await page.locator(`#name_${i}`).fill(name);
    await page.locator(`#type_${i}`).selectOption(type);
    if (required) await page.locator(`#required_${i}`).check();
    if (minimum !== undefined) await page.locator(`#minimum_${i}`).fill(minimum);
    if (maximum !== undefined) await page.locator(`#maximum_${i}`).fill(maximum);
    if (allowed !== undefined) await page.locator(`#allowed_${i}`).fill(allowed);
    await page.locator(`#description_${i}`).fill(description);
  };
  await column(0, 'died30', 'yes_no', { required: true, description: 'Died within 30 days of surgery' });
  await column(1, 'age', 'number', { minimum: '18', maximum: '120', description: 'Age in years' });
  await column(2, 'sex', 'category', { required: true, allowed: 'F|M', description: 'Sex' });
  await page.getByRole('button', { name: 'Save the dataset' }).click();
  assert.match(await banner(page).innerText(), /The dataset was saved/);
  // The form offers more rows once the first three are saved.
  await column(3, 'asa_grade', 'category', { required: true, allowed: '1|2|3|4|5', description: 'ASA grade' });
  await column(4, 'episode_id', 'number', { required: true, description: 'The supplier\'s episode number' });
  await page.getByRole('button', { name: 'Save the dataset' }).click();
  assert.match(await banner(page).innerText(), /The dataset was saved/);
  const declared = await page.locator('table').first().innerText();
  for (const name of ['died30', 'age', 'sex', 'asa_grade', 'episode_id']) {
    assert.match(declared, new RegExp(`^${name}\\t`, 'm'), `the dataset declares ${name}`);
  }
  assert.match(declared, /^age\tNumber\tNo\t18 to 120/m);
  await shot(page, 'dataset');

  await page.goto(`${base}${auditPath}`);
  await page.getByRole('link', { name: 'Its measures' }).click();
  await page.getByLabel('Code', { exact: true }).fill('mort30');
  await page.getByLabel('Name', { exact: true }).fill('Risk-adjusted 30-day mortality');
  await page.getByLabel('Type', { exact: true }).selectOption('ratio');
  await page.getByLabel('Which way is better').selectOption('decrease');
  await page.getByLabel('Where its values come from').selectOption('episode_model_ratio');
  await page.getByLabel('Outcome column').fill('died30');
  await page.getByLabel('Case-mix formula').fill(formula);
  await page.getByRole('button', { name: 'Add measure' }).click();
  assert.match(await banner(page).innerText(), /Added/);
  const measureRow = page.locator('tr', { hasText: 'Risk-adjusted 30-day mortality' });
  assert.match(await measureRow.innerText(), /Ratio \(observed over expected\)\s+Lower is better/);
  await measureRow.getByRole('link', { name: /Change/ }).click();
  assert.equal(await page.getByLabel('Case-mix formula').inputValue(), formula, 'the formula is stored as typed');
  await shot(page, 'measure');

  // Its own national analyst, on the Users page; the trust's first administrator, from the
  // trust's row in the register.
  await nav(page, 'Users');
  await page.getByLabel('Full name').fill('Nina Analyst');
  await page.getByLabel('Email address').fill(analyst[0]);
  await page.getByLabel('Role').selectOption('national_analyst');
  await page.getByLabel('First password').fill(analyst[1]);
  await page.getByRole('button', { name: 'Add user' }).click();
  assert.match(await banner(page).innerText(), /User added/);
  assert.match(await page.locator('tr', { hasText: analyst[0] }).innerText(), /National audit analyst|analyst/i);

  await nav(page, 'Organisations');
  await page.locator('tr', { hasText: trust }).getByRole('link', { name: `Add a user to ${trust}` }).click();
  assert.equal(await page.locator('h1').innerText(), trust);
  assert.match(await mainText(page), /Nobody can sign in for this organisation yet/);
  await page.getByLabel('Full name').fill('Alex Alpha');
  await page.getByLabel('Email address').fill(trustAdmin[0]);
  await page.getByLabel('Role').selectOption('admin');
  await page.getByLabel('First password').fill(trustAdmin[1]);
  await page.getByRole('button', { name: 'Add user' }).click();
  assert.match(await banner(page).innerText(), /User added/);
  assert.match(await page.locator('#users ~ table').first().innerText(), new RegExp(`Alex Alpha\\t${trustAdmin[0]}\\tAdministrator`));
  await shot(page, 'organisation-user');
  assert.deepEqual(admin.errors, []);
  await admin.context.close();

  // The analyst imports the episodes, runs the analysis of 2025/26 and records the report.
  const national = await signIn(...analyst);
  page = national.page;
  await importCsv(page, 'episodes', 'episodes.csv', episodesCsv(), 900, 'NELA');
  await nav(page, 'National view');
  await page.getByLabel('Financial year').fill(year);
  await page.getByRole('button', { name: 'Show year' }).click();
  // Below the national home's overview, the year's list of audits.
  assert.match(await page.locator('#year-list').innerText(), /2025\/26/);
  await page.locator('#year-list ~ ul').getByRole('link', { name: audit }).click();
  assert.equal(await page.locator('h1').innerText(), audit);
  await page.getByRole('button', { name: `Run the analysis for ${year}` }).click();
  assert.match(await page.locator('h1').innerText(), /Analysis run: NELA, 2025\/26/);
  const run = await mainText(page);
  assert.match(run, /Input checksum/);
  assert.match(run, /7 terms, converged/, 'the formula\'s seven terms are fitted');
  assert.match(run, /^Episodes\n899 used; 1 left out for a missing value$/m, 'the episode without an age');
  assert.match(run, /^Model terms\n\(Intercept\), I\(\(age - 68\)\/10\), sexM, factor\(asa_grade\)2, factor\(asa_grade\)3, factor\(asa_grade\)4, factor\(asa_grade\)5$/m,
    'the terms R names for the formula');
  assert.match(run, /^900 admitted 2025-04-01 to 2026-03-31$/m, 'every episode of the year is read');
  assert.match(run, /3 provider result\(s\) stored/, 'a result for each trust');
  await shot(page, 'analysis-run');

  await page.getByRole('link', { name: audit }).first().click();
  await page.getByRole('link', { name: 'Record a report' }).click();
  await page.getByLabel('Title').fill(reportTitle);
  await page.getByLabel('Published on (YYYY-MM-DD)').fill('2025-11-20');
  await page.getByLabel(/Recommendations/).fill('Assess frailty in every patient over 65');
  await page.getByRole('button', { name: 'Record the report' }).click();
  await page.waitForURL(/\/audit-reports\/\d+\?done=report/);
  assert.equal(await page.locator('h1').innerText(), reportTitle);
  assert.match(await mainText(page), /Assess frailty in every patient over 65/, 'the recommendation is recorded');
  await shot(page, 'report');
  assert.deepEqual(national.errors, []);
  await national.context.close();

  // The trust's administrator records its participation and its review of the report.
  const alpha = await signIn(...trustAdmin);
  page = alpha.page;
  assert.equal(await page.locator('h1').innerText(), trust);
  await nav(page, 'Participation');
  await page.getByLabel('Financial year').fill(year);
  await page.getByRole('button', { name: 'Show year' }).click();
  await page.getByLabel(`${audit}: eligible`).selectOption('yes');
  await page.getByLabel(`${audit}: taking part`).selectOption('yes');
  await page.getByLabel(`${audit}: data collection completed`).selectOption('yes');
  await page.getByLabel(`${audit}: cases submitted`).fill('300');
  await page.getByLabel(`${audit}: cases required`).fill('320');
  await page.getByRole('button', { name: 'Save participation' }).click();
  assert.match(await banner(page).innerText(), /Participation saved for 1 audit\./);
  assert.equal(await page.getByLabel(`${audit}: cases submitted`).inputValue(), '300');
  await shot(page, 'participation');

  await nav(page, 'Published reports');
  await page.getByRole('link', { name: reportTitle }).click();
  await page.getByLabel('Reviewed on (YYYY-MM-DD)').fill('2026-01-15');
  await page.getByLabel('Committee').fill('Quality Committee');
  await page.getByLabel('Findings').fill('Frailty assessed in 41% of patients over 65');
  await page.getByLabel('Intended actions').fill(intendedActions);
  await page.getByRole('button', { name: 'Save the review' }).click();
  await page.waitForURL(/\/audit-reports\/\d+\?done=review/);
  assert.match(await mainText(page), /Quality Committee/);
  assert.ok((await mainText(page)).includes(intendedActions), 'the review is shown');
  await shot(page, 'review');

  // The Quality Account section of 2025/26 and the board pack show both.
  await nav(page, 'Reports');
  await page.getByRole('link', { name: `Clinical audit section for ${year}` }).click();
  assert.match(await page.locator('h1').innerText(), /Quality Account: clinical audit, 2025\/26/);
  const statement = await mainText(page);
  assert.ok(statement.includes(audit), 'the Quality Account names the audit');
  assert.match(statement, /National Emergency Laparotomy Audit\s+94% \(300 of 320 cases\)/,
    'the Quality Account gives the cases submitted against those required');
  assert.ok(statement.includes(`${reportTitle} (reviewed 2026-01-15 by Quality Committee): ${intendedActions}`),
    'the Quality Account lists the report reviewed with the actions intended');
  assert.ok(statement.includes(intendedActions), 'the Quality Account gives the actions intended after the review');
  await shot(page, 'quality-account');

  await nav(page, 'Reports');
  await page.getByLabel('Another meeting date').fill('2026-02-10');
  await page.getByRole('button', { name: 'Open board pack' }).click();
  const pack = await page.locator('body').innerText();
  assert.ok(pack.includes(trust), 'the pack names the trust');
  assert.ok(pack.includes(audit), 'the board pack names the audit');
  assert.match(pack, /Alpha Hospitals NHS Trust · meeting of 2026-02-10/);
  assert.match(pack, /National Emergency Laparotomy Audit\s+94% \(300 of 320 cases\)/, 'the pack gives the participation');
  assert.ok(pack.includes(`${reportTitle} (reviewed 2026-01-15 by Quality Committee): ${intendedActions}`),
    'the board pack lists the report reviewed with the actions intended');
  assert.match(pack, /Every published national report has been reviewed/);
  await shot(page, 'board-pack');
  assert.deepEqual(alpha.errors, []);
  await alpha.context.close();
});
