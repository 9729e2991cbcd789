// "My bookings": a citizen proves their phone, joins the waitlist of a full day from the calendar,
// then moves a booking to another slot, cancels it, and leaves the waitlist.
import assert from 'node:assert/strict';
import { adultBirthDate, awaitSms, bookMarriage, DEMO_PASSWORD, newPhone, residentId, serverToday } from '../support.mjs';

export default async function ({ context, screenshot }) {
  const page = await context.newPage();
  const request = page.request;
  const today = await serverToday(request);

  // A day with one seat, taken: full.
  const admin = (await (await request.post('/api/v1/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD() } })).json()).token;
  const full = addDays(today, 6);
  const opened = await request.put(`/api/v1/staff/quotas/MARRIAGE_REGISTRATION/${full}`, {
    headers: { Authorization: `Bearer ${admin}` }, data: { slots: [{ start: '10:00', end: '10:30', capacity: 1, reserved: 0 }] },
  });
  assert.equal(opened.status(), 200);
  await bookMarriage(request, { date: full, slotStart: '10:00', serial: 11 }).catch((failure) => {
    // Run again against the same service: already full.
    assert.match(String(failure), /slot-full/);
  });

  // The citizen proves their phone on "My bookings".
  const phone = newPhone();
  await page.goto('/my');
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByLabel('短信验证码').fill((await awaitSms(request, phone, /验证码[^\d]*(\d{6})/))[1]);
  await page.getByRole('button', { name: '验证并查看' }).click();
  await page.getByText('目前没有有效的预约。').waitFor();

  // The full day offers its waitlist.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '预约办理' }).click();
  await page.getByRole('button', { name: /婚姻登记/ }).click();
  if (full.substring(0, 7) !== today.substring(0, 7)) {
    await page.locator(`button[data-day="${today}"]`).waitFor();
    await page.getByRole('button', { name: '下个月' }).click();
  }
  await page.locator(`button[data-day="${full}"].tone-full`).click();
  await page.getByText('该日已约满').waitFor();
  // The phone is proved already in this session: joining takes one click.
  await page.getByRole('button', { name: '加入候补' }).click();
  await page.getByText(/当前排第 \d+ 位/).waitFor();

  // A booking of theirs, made elsewhere, to move and cancel here.
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('civicdesk.citizen')).token);
  const day = addDays(today, 1);
  const slots = (await (await request.get(`/api/v1/availability?service=MARRIAGE_REGISTRATION&from=${day}&to=${addDays(day, 7)}`)).json())
    .days.find((d) => d.bookable && d.slots.filter((s) => s.inTime && s.remaining > 0).length >= 2);
  const [first, second] = slots.slots.filter((s) => s.inTime && s.remaining > 0);
  const created = await request.post('/api/v1/bookings', {
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `e2e-my-${phone}` },
    data: {
      service: 'MARRIAGE_REGISTRATION', date: slots.date, slotStart: first.start, declaration: { recentTravel: [] },
      parties: [{ name: '孙三', idNumber: residentId(adultBirthDate(), true, 13) }, { name: '周四', idNumber: residentId(adultBirthDate(), false, 13) }],
    },
  });
  assert.equal(created.status(), 201);
  const code = (await created.json()).code;

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的预约' }).click();
  const card = page.locator('article.booking-card').filter({ has: page.locator(`[data-code="${code}"]`) });
  await card.waitFor();
  await page.getByRole('heading', { name: '候补' }).waitFor();
  await page.getByText(/排第 \d+ 位/).waitFor();

  await card.getByRole('button', { name: '改约' }).click();
  // The calendar opens on the booking's day, its slot marked as the current one.
  await card.getByRole('button', { name: new RegExp(`^${first.start.substring(0, 5)}–.*当前预约`) }).waitFor();
  await card.getByRole('button', { name: new RegExp(`^${second.start.substring(0, 5)}–`) }).click();
  await page.getByText(new RegExp(`已改约到 .* ${second.start.substring(0, 5)}`)).waitFor();
  await card.getByText(`${second.start.substring(0, 5)}–`).first().waitFor();
  await screenshot(page, 'moved');

  await card.getByRole('button', { name: '取消预约' }).click();
  await card.getByRole('button', { name: '确定取消' }).click();
  await page.getByText('预约已取消。').waitFor();
  await page.getByText('目前没有有效的预约。').waitFor();
  await page.getByText('历史预约（1）').waitFor();

  await page.getByRole('button', { name: '退出候补' }).click();
  await page.getByText('已退出候补。').waitFor();
  await page.getByRole('heading', { name: '候补' }).waitFor({ state: 'detached' });
  await screenshot(page, 'cancelled');
}

function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().substring(0, 10);
}
