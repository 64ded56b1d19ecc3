// What every browser test file shares: Debian's chromium, signing in, and screenshots.
import path from 'node:path';
import { chromium } from 'playwright-core';

export const shots = process.env.CLINAUDIT_SCREENSHOTS ?? path.resolve('../../build/screenshots');

// Debian's chromium, headless, with nothing that reaches the network on its own.
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

// Signs in at `base` in a new desktop-sized context, landing on `landing` (the home page, or the
// outlier cases for a regulator); `errors` collects the console's errors.
export async function signInAt(browser, base, email, password, landing = '/') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  // The browser asks for /favicon.ico on its own; the pages never do.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} (${m.location().url})`);
  });
  await page.goto(`${base}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}${landing}`);
  return { context, page, errors };
}

// A full-page screenshot kept as a test artefact.
export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

// A day `days` after today (YYYY-MM-DD): due dates well after the demo's next board meeting, so
// that an action a test leaves open is never counted overdue in another test's board pack.
export const daysFromToday = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
