// End-to-end tests in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core)
// against a running CivicDesk. Run by the Java test BrowserTests, which starts the app in its
// embedded default and passes its URL:   node e2e/run.mjs --base-url http://127.0.0.1:PORT
// Scenarios run in file order, each in a fresh browser context (390×844, zh-CN); `shared` carries
// what one scenario leaves for the next (the booking staff then check in). Screenshots go to
// ../target/e2e/.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTEXT_OPTIONS, launchChromium } from './support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const baseUrl = args['base-url'] ?? process.env.CIVICDESK_BASE_URL ?? 'http://127.0.0.1:8080';
const only = args.only;
const screenshots = resolve(here, '../../target/e2e');
rmSync(screenshots, { recursive: true, force: true });
mkdirSync(screenshots, { recursive: true });

const browser = await launchChromium();
const scenarios = readdirSync(join(here, 'scenarios')).filter((f) => f.endsWith('.mjs')).sort()
  .filter((f) => !only || f.includes(only));
const shared = {};
let failed = 0;
for (const file of scenarios) {
  const name = file.replace(/\.mjs$/, '');
  const context = await browser.newContext({ baseURL: baseUrl, ...CONTEXT_OPTIONS });
  const trace = watch(context);
  context.on('page', (page) => page.on('pageerror', (error) => console.log(`  page error in ${name}: ${error.message}`)));
  const started = Date.now();
  const shot = (page, label) => page.screenshot({ path: join(screenshots, `${name}-${label}.png`), fullPage: true });
  try {
    const scenario = await import(pathToFileURL(join(here, 'scenarios', file)).href);
    await scenario.default({ browser, context, baseUrl, shared, screenshot: shot, screenshotsDir: screenshots });
    console.log(`PASS ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error?.stack ?? error}`);
    for (const [i, page] of context.pages().entries()) {
      await page.screenshot({ path: join(screenshots, `${name}-failure-${i}.png`), fullPage: true }).catch(() => {});
      const text = await page.locator('body').innerText({ timeout: 2000 }).catch(() => '(unreadable)');
      console.log(`  page ${i} at ${page.url()}:\n    ${text.slice(0, 1500).replace(/\n+/g, '\n    ')}`);
    }
    console.log(trace.report());
  } finally {
    await context.close();
  }
}
await browser.close();
console.log(`${scenarios.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 && scenarios.length > 0 ? 0 : 1);

/**
 * What the browser asked the server during a scenario, for the report of a failure: requests still
 * unanswered (with how long they have waited), failed ones, error answers, and WebSocket trouble.
 */
function watch(context) {
  const start = Date.now();
  const pending = new Map();
  const events = [];
  const at = () => `${((Date.now() - start) / 1000).toFixed(1)}s`;
  const label = (request) => `${request.method()} ${request.url().replace(baseUrl, '')}`;
  context.on('request', (request) => pending.set(request, Date.now()));
  context.on('requestfinished', (request) => pending.delete(request));
  context.on('requestfailed', (request) => {
    pending.delete(request);
    events.push(`${at()} failed ${label(request)}: ${request.failure()?.errorText}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) {
      events.push(`${at()} ${response.status()} ${label(response.request())}`);
    }
  });
  context.on('page', (page) => page.on('websocket', (socket) => {
    events.push(`${at()} websocket opened ${socket.url().replace(baseUrl.replace('http', 'ws'), '')}`);
    socket.on('socketerror', (error) => events.push(`${at()} websocket error: ${error}`));
    socket.on('close', () => events.push(`${at()} websocket closed`));
  }));
  return {
    report() {
      const now = Date.now();
      const waiting = [...pending].map(([request, since]) => `${label(request)} (waiting ${((now - since) / 1000).toFixed(1)}s)`);
      return [`  unanswered: ${waiting.length ? '' : 'none'}`, ...waiting.map((w) => `    ${w}`),
        `  trouble: ${events.length ? '' : 'none'}`, ...events.slice(-40).map((e) => `    ${e}`)].join('\n');
    },
  };
}
