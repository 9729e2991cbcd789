// A staff member signs in, finds the panels their roles allow, and the bureau's units with their
// duty contacts; a wrong password is explained in plain words; the page switches to English.
import assert from 'node:assert/strict';
import { signIn } from '../support.mjs';

export default async function ({ context, screenshot }) {
  const page = await context.newPage();
  await signIn(page, '/staff', 'admin');
  const panels = page.getByRole('navigation', { name: '工作栏目' });
  for (const name of ['今日预约', '号源管理', '风险等级', '通知签收', '短信记录', '单位通讯录']) {
    await panels.getByRole('link', { name }).waitFor();
  }
  await panels.getByRole('link', { name: '单位通讯录' }).click();
  await page.getByRole('heading', { name: '单位通讯录' }).waitFor();
  const rows = await page.locator('table tbody tr').count();
  assert.ok(rows >= 8, `expected the demo units, saw ${rows}`);
  await page.getByText('东胜区婚姻登记处').waitFor();
  await screenshot(page, 'units');

  // The funeral home's staff see only their own panels (no SMS outbox).
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, '/staff', 'funeral');
  await panels.getByRole('link', { name: '今日预约' }).waitFor();
  assert.equal(await panels.getByRole('link', { name: '短信记录' }).count(), 0);

  // A wrong password is explained next to the form, in plain words.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();

  // English on request, problems included.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: /password/i }).waitFor();
  await screenshot(page, 'english');
}
