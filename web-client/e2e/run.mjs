// End-to-end tests in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core)
// against a running CivicDesk. Run by the Java test BrowserTests, which starts the app in its
// embedded default and passes its URL:   node e2e/run.mjs --base-url http://127.0.0.1:PORT
// Screenshots go to ../target/e2e/.
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const baseUrl = args['base-url'] ?? process.env.CIVICDESK_BASE_URL ?? 'http://127.0.0.1:8080';
const only = args.only;
const screenshots = resolve(here, '../../target/e2e');
mkdirSync(screenshots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
});

const scenarios = readdirSync(join(here, 'scenarios')).filter((f) => f.endsWith('.mjs')).sort()
  .filter((f) => !only || f.includes(only));
let failed = 0;
for (const file of scenarios) {
  const name = file.replace(/\.mjs$/, '');
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const started = Date.now();
  try {
    const scenario = await import(pathToFileURL(join(here, 'scenarios', file)).href);
    await scenario.default({ browser, context, baseUrl, screenshot: (page, label) =>
      page.screenshot({ path: join(screenshots, `${name}-${label}.png`), fullPage: true }) });
    console.log(`PASS ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error?.stack ?? error}`);
    for (const page of context.pages()) {
      await page.screenshot({ path: join(screenshots, `${name}-failure.png`), fullPage: true }).catch(() => {});
    }
  } finally {
    await context.close();
  }
}
await browser.close();
console.log(`${scenarios.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 && scenarios.length > 0 ? 0 : 1);
