import { launchChromium, CONTEXT_OPTIONS, signIn } from './support.mjs';
const browser = await launchChromium();
const context = await browser.newContext({ baseURL: 'http://127.0.0.1:5173', ...CONTEXT_OPTIONS });
const page = await context.newPage();
await signIn(page, '/staff/quotas', 'admin');
await page.waitForTimeout(1500);
await page.locator('.calendar button[data-day]:not([disabled])').last().click(); await page.waitForTimeout(500);
console.log(await page.evaluate(() => {
  let el = document.querySelector('.slot-rows'); const out = [];
  while (el) { const r = el.getBoundingClientRect(); out.push(`${el.tagName}.${el.className} w=${Math.round(r.width)} sw=${el.scrollWidth}`); el = el.parentElement; }
  return out.join('\n');
}));
await browser.close();
