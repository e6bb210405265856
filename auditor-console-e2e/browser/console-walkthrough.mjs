// The auditor's console in a real browser (Debian's Chromium, headless), step by step, against a
// running local stack. AuditorConsoleBrowserIT starts the stack, seeds a case and runs this with:
//   CONSOLE_URL     http://127.0.0.1:<coordination port>/console/
//   AUDITOR_TOKEN   a token with the AUDITOR role;  CSM_TOKEN  one with CSM only
//   CASE_ID, CUSTOMER  the seeded case and its customer organisation
//   SCREENSHOTS     where to write one PNG per step;  CHROMIUM  the browser (default /usr/bin/chromium)
// It prints "STEP <name>" as each step passes, and "TAMPER" when it wants a stored event altered
// behind the service's back; it goes on once it reads "TAMPERED" on stdin. Exit code 0: all passed.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const consoleUrl = env('CONSOLE_URL');
const caseId = env('CASE_ID');
const customer = env('CUSTOMER');
const shots = env('SCREENSHOTS');
mkdirSync(shots, { recursive: true });

const stdinLines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
context.setDefaultTimeout(30_000);
const page = await context.newPage();
const consoleErrors = [];
page.on('pageerror', (error) => consoleErrors.push(String(error)));

async function shot(name, options = {}) {
  await page.screenshot({ path: join(shots, `${name}.png`), ...options });
}

async function step(name, body) {
  await body();
  console.log(`STEP ${name}`);
}

async function signIn(token) {
  await page.getByLabel('Paste a token').fill(token);
  await page.getByRole('button', { name: 'Sign in with this token' }).click();
}

async function openTab(name) {
  await page.getByRole('tab', { name }).click();
  await page.locator(`.tab[aria-selected="true"]`, { hasText: name }).waitFor();
}

try {
  await step('others-are-refused', async () => {
    await page.goto(consoleUrl);
    await signIn(env('CSM_TOKEN'));
    await page.getByTestId('denied').waitFor();
    const text = await page.getByTestId('denied').innerText();
    check(text.includes('AUDITOR') && text.includes('SUPPORT_MANAGER') && text.includes('CSM'), `the refusal names the roles: ${text}`);
    await shot('console-0-not-for-your-role');
    await page.getByRole('button', { name: 'Sign out' }).last().click();
  });

  await step('sign-in-with-a-token', async () => {
    await page.getByLabel('Paste a token').waitFor();
    await page.getByLabel('Paste a token').fill(env('AUDITOR_TOKEN'));
    await shot('console-1-sign-in');
    await page.getByRole('button', { name: 'Sign in with this token' }).click();
    await page.getByTestId('signed-in-as').filter({ hasText: 'alex.auditor' }).waitFor();
  });

  await step('find-a-case', async () => {
    await page.getByLabel('Search by').selectOption('customerOrganisation');
    await page.getByLabel('Value').fill(customer);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    const list = page.getByTestId('case-list');
    await list.getByText(customer).first().waitFor();
    await shot('console-2-find-a-case');
    await list.getByRole('link', { name: `Open ${caseId.slice(0, 8)}` }).click();
  });

  await step('timeline-across-the-three-services', async () => {
    const rows = page.getByTestId('timeline').locator('tbody tr');
    await rows.first().waitFor();
    for (const service of ['coordination-service', 'review-service', 'notification-service']) {
      check(await page.locator(`[data-testid=timeline] tr[data-service="${service}"]`).count() > 0, `no event of ${service} in the timeline`);
    }
    await shot('console-3-timeline-all-services');
    // filtered by service: only review-service's events remain
    await page.getByLabel('Service').selectOption('review-service');
    let services = await page.locator('[data-testid=timeline] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.service));
    check(services.length > 0 && services.every((s) => s === 'review-service'), `filter by service: ${services}`);
    // the engagement's own events, with the refusal it recorded
    await page.getByLabel('Service').selectOption('coordination-service');
    services = await page.locator('[data-testid=timeline] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.service));
    check(services.every((s) => s === 'coordination-service'), `filter by service: ${services}`);
    const refusal = page.locator('[data-testid=timeline] tr.refusal').first();
    await refusal.waitFor();
    await refusal.click();
    await page.getByTestId('payload').waitFor();
    check((await page.getByTestId('payload').innerText()).includes('justification-requires-review-and-discussion'),
      'the refusal\'s payload names its rule');
    await page.getByTestId('chain-link').waitFor();
    check(/Hash\s*[0-9a-f]{64}/.test(await page.getByTestId('chain-link').innerText()), 'the event\'s hash-chain link is shown');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('console-3-timeline');
    await page.getByLabel('Service').selectOption('');
  });

  await step('as-of-an-earlier-moment', async () => {
    await openTab('As of');
    const review = page.locator('[data-testid="state-SupportReview"]');
    await review.locator('.kv').waitFor();
    check(await review.getByText('Did not exist yet at this moment.').count() === 0, 'the review exists at the end of the case');
    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.getByTestId('as-of-label').getByText('Event 1 of', { exact: false }).waitFor();
    await page.getByTestId('changes-heading').getByText('What EngagementOpened changed in Engagement').waitFor();
    await review.getByText('Did not exist yet at this moment.').waitFor();
    const opened = await page.getByTestId('diff').innerText();
    check(opened.includes('customerOrganisation') && opened.includes('Acme'), `the first event's diff: ${opened.slice(0, 200)}`);
    // two events on: the reference architecture the requirements matched, and what it changed
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await page.getByTestId('as-of-label').getByText('Event 3 of', { exact: false }).waitFor();
    await page.getByTestId('changes-heading').getByText('What ReferenceArchitectureMatched changed in Engagement').waitFor();
    check((await page.getByTestId('diff').innerText()).includes('10k'), 'the matched reference size is in the diff');
    await review.getByText('Did not exist yet at this moment.').waitFor();
    await shot('console-4-as-of');
  });

  await step('integrity-intact', async () => {
    await openTab('Integrity');
    await page.locator('[data-testid=case-integrity] [data-verdict="INTACT"]').waitFor();
    await page.getByTestId('integrity-review-service').waitFor();
    await shot('console-5-integrity-intact');
  });

  await step('export-csv', async () => {
    await openTab('Export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Timeline as CSV' }).click(),
    ]);
    const saved = join(shots, '..', download.suggestedFilename());
    await download.saveAs(saved);
    const csv = readFileSync(saved, 'utf8');
    check(csv.startsWith('occurred_at,event_id,case_id,service,type'), `the CSV's header: ${csv.slice(0, 80)}`);
    check(csv.includes(caseId) && csv.includes('review-service,SupportReviewCompleted'), 'the CSV holds the case\'s events');
    await page.getByText(`Saved ${download.suggestedFilename()}.`).waitFor();
    await shot('console-6-export');
    // the printable report, as the print dialog would lay it out
    await page.evaluate(() => { window.print = () => {}; });
    await page.getByRole('button', { name: 'Printable report' }).click();
    await page.emulateMedia({ media: 'print' });
    const report = page.locator('.report');
    check((await report.innerText()).includes('Report made'), 'the report names its time');
    await shot('console-7-printable-report', { fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  await step('who-looked', async () => {
    await openTab('Who looked');
    await page.getByTestId('reads').waitFor();
    const text = await page.getByTestId('reads').innerText();
    check(text.includes('alex.auditor (AUDITOR)') && text.includes(`/audit/cases/${caseId}/timeline`), 'the auditor\'s reads are listed');
    await shot('console-8-who-looked');
  });

  await step('broken-after-tampering', async () => {
    console.log('TAMPER');
    const answer = await stdinLines.next();
    check(answer.value === 'TAMPERED', `expected TAMPERED on stdin, read ${answer.value}`);
    await page.reload();
    await page.locator('[data-testid=case-integrity] [data-verdict="BROKEN"]').waitFor();
    await openTab('Integrity');
    const coordination = page.getByTestId('integrity-coordination-service');
    await coordination.locator('[data-verdict="BROKEN"]').waitFor();
    const text = await coordination.innerText();
    check(text.includes('first broken link: sequence 0') && text.includes('CONTENT_ALTERED in payload'),
      `the first broken link is named: ${text}`);
    await shot('console-9-broken');
  });

  check(consoleErrors.length === 0, `errors in the page: ${consoleErrors.join('; ')}`);
  console.log('ALL STEPS PASSED');
} catch (error) {
  await shot('failure').catch(() => {});
  console.error(`FAILED: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  stdinLines.return?.();
  process.stdin.destroy();
}
