// The command group's other panels: the quota calendar (a day's slots changed, another day closed
// with a reason citizens then read, a hot date highlighted for staff and citizens alike, a weekday
// template applied, the month's chart), risk levels (a
// district switch previewed, a unit's level switched and switched back, the history), and the SMS
// outbox with each message's delivery status.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, serverToday, signIn } from '../support.mjs';

export default async function ({ context, screenshot }) {
  const page = await context.newPage();
  const request = page.request;
  const today = await serverToday(request);
  // Two open days nobody has booked yet.
  const admin = (await (await request.post('/api/v1/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD() } })).json()).token;
  const ahead = await (await request.get(`/api/v1/staff/quotas/MARRIAGE_REGISTRATION/days?from=${addDays(today, 2)}&to=${addDays(today, 20)}`,
    { headers: { Authorization: `Bearer ${admin}` } })).json();
  const [edited, closed, hot] = ahead.filter((d) => d.open && d.booked === 0).map((d) => d.date);

  await signIn(page, '/staff/quotas', 'admin');
  await page.getByRole('heading', { name: '号源日历' }).waitFor();
  await page.locator('.chart canvas').waitFor();
  const cell = (day) => page.locator(`.calendar button[data-day="${day}"]`);
  const show = async (day) => {
    while (await cell(day).count() === 0) {
      await page.getByRole('button', { name: '下个月' }).click();
    }
    await page.locator(`.calendar button[data-day="${day}"].load-empty`).waitFor();
    await cell(day).click();
  };

  await show(edited);
  await page.locator('.day-editor').getByLabel('第 1 个时段的号源数').fill('9');
  await page.getByRole('button', { name: '保存该日号源' }).click();
  await page.getByText(/的号源已保存。/).waitFor();
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('civicdesk.staff')).token);
  const days = await (await request.get(`/api/v1/staff/quotas/MARRIAGE_REGISTRATION/days?from=${edited}&to=${edited}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  assert.equal(days[0].slots[0].capacity, 9);
  await screenshot(page, 'day-saved');

  await show(closed);
  await page.getByRole('button', { name: '关闭该日预约' }).click();
  await page.getByText('关闭预约须注明原因。').waitFor();
  await page.getByLabel('停止预约的原因').fill('系统升级');
  await page.getByRole('button', { name: '关闭该日预约' }).click();
  await page.getByText(/已关闭预约。/).waitFor();
  await page.locator(`.calendar button[data-day="${closed}"].load-closed`).waitFor();
  const citizens = await (await request.get(`/api/v1/availability?service=MARRIAGE_REGISTRATION&from=${closed}&to=${closed}`)).json();
  assert.equal(citizens.days[0].reason, '系统升级');

  // A date staff make hot is highlighted on their calendar and marked on the citizens'.
  const madeHot = await request.put(`/api/v1/staff/quotas/MARRIAGE_REGISTRATION/hot-dates/${hot}`,
    { headers: { Authorization: `Bearer ${admin}` }, data: { name: '测试热门日' } });
  assert.equal(madeHot.status(), 200);
  await page.reload();
  while (await cell(hot).count() === 0) {
    await page.getByRole('button', { name: '下个月' }).click();
  }
  await page.locator(`.calendar button[data-day="${hot}"].hot .mark`).filter({ hasText: '热' }).waitFor();
  assert.match(await cell(hot).getAttribute('aria-label'), /热门日期：测试热门日/);

  const citizen = await context.newPage();
  await citizen.goto('/');
  await citizen.getByRole('button', { name: /婚姻登记/ }).click();
  const day = (date) => citizen.locator(`.calendar button[data-day="${date}"]`);
  const showToCitizen = async (date) => {
    for (let i = 0; i < 3 && await day(date).count() === 0; i++) {
      await citizen.getByRole('button', { name: '下个月' }).click();
    }
  };
  await citizen.locator(`.calendar button[data-day="${today}"]`).waitFor();
  await showToCitizen(closed);
  await citizen.locator(`.calendar button[data-day="${closed}"].tone-closed`).click();
  await citizen.getByText('该日不可预约：系统升级').waitFor();
  await showToCitizen(hot);
  await citizen.locator(`.calendar button[data-day="${hot}"].hot`).waitFor();
  assert.match(await day(hot).getAttribute('aria-label'), /热门日期/);
  await screenshot(citizen, 'citizen-calendar');
  await citizen.close();

  await page.getByText('按星期模板批量开放').click();
  const from = addDays(today, 40);
  await page.getByLabel('开始日期').fill(from);
  await page.getByLabel('结束日期').fill(addDays(from, 6));
  for (const weekday of ['周一', '周二', '周三', '周四', '周五']) {
    await page.locator('.weekday-checks').getByLabel(weekday).uncheck();
  }
  await page.locator('.weekday-checks').getByLabel('周六').check();
  await page.getByRole('button', { name: '应用模板' }).click();
  await page.getByText(/已开放 \d+ 天/).waitFor();
  await page.getByText('以表格查看数据').click();
  assert.ok(await page.locator('.chart-figure tbody tr').count() > 0);
  await screenshot(page, 'quotas');

  // Risk: a district switch is previewed (not made); a unit's own level is switched and back.
  await page.getByRole('link', { name: '风险等级' }).click();
  await page.getByRole('heading', { name: '调整风险等级' }).waitFor();
  await page.getByLabel('零星散发').check();
  await page.getByRole('button', { name: '预览影响' }).click();
  await page.getByText('请填写调整原因。').waitFor();
  await page.getByLabel('调整原因').fill('出现零星病例');
  await page.getByRole('button', { name: '预览影响' }).click();
  await page.locator('.preview-service').filter({ hasText: '婚姻登记' }).getByText(/号源比例 100% → 50%/).waitFor();
  await screenshot(page, 'risk-preview');

  await page.getByLabel('范围').selectOption({ label: '东胜区康乐老年公寓' });
  await page.getByLabel('高风险').check();
  await page.getByLabel('调整原因').fill('院内发现感染');
  await page.getByRole('button', { name: '预览影响' }).click();
  await page.getByText('此调整不影响任何预约服务。').waitFor();
  await page.getByRole('button', { name: '确认将东胜区康乐老年公寓调整为「高风险」' }).click();
  await page.getByText('东胜区康乐老年公寓已调整为「高风险」，相关单位将收到通知。').waitFor();
  await page.locator('.level-pill').filter({ hasText: '东胜区康乐老年公寓：高风险' }).waitFor();
  await page.locator('table tr').filter({ hasText: '东胜区康乐老年公寓' }).filter({ hasText: '常态化防控 → 高风险' }).first().waitFor();

  await page.getByLabel('常态化防控').check();
  await page.getByLabel('调整原因').fill('院内感染已清零');
  await page.getByRole('button', { name: '预览影响' }).click();
  await page.getByRole('button', { name: '确认将东胜区康乐老年公寓调整为「常态化防控」' }).click();
  await page.locator('table tr').filter({ hasText: '高风险 → 常态化防控' }).first().waitFor();
  await page.locator('.level-pill').filter({ hasText: '东胜区康乐老年公寓' }).waitFor({ state: 'detached' });

  // The SMS outbox: every code and confirmation so far, recorded as simulated.
  await page.getByRole('link', { name: '短信记录' }).click();
  await page.getByRole('heading', { name: '短信发送记录' }).waitFor();
  await page.locator('tbody tr').filter({ hasText: '验证码' }).filter({ hasText: '模拟发送' }).first().waitFor();
  await page.getByLabel('状态').selectOption('SIMULATED');
  await page.locator('tbody tr').first().waitFor();
  await screenshot(page, 'sms');
}

function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().substring(0, 10);
}
