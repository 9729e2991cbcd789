// A staff member signs in and sees the bureau's units with their duty contacts.
import assert from 'node:assert/strict';

export default async function ({ context, screenshot }) {
  const page = await context.newPage();
  await page.goto('/staff');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(process.env.CIVICDESK_DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '单位通讯录' }).waitFor();
  const rows = await page.locator('table tbody tr').count();
  assert.ok(rows >= 8, `expected the demo units, saw ${rows}`);
  await page.getByText('东胜区婚姻登记处').waitFor();
  await screenshot(page, 'units');

  // A wrong password is explained next to the form, in plain words.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
}
