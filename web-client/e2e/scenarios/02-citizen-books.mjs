// A citizen books marriage registration for today from the calendar: the risk banner, seats left
// changing live while they look, the ID numbers checked as they type, the phone proved with the
// SMS code read from the simulated inbox, and the confirmation with its code, a QR code that
// decodes to the booking's check-in payload, and the calendar file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { adultBirthDate, awaitSms, bookMarriage, newPhone, residentId, serverToday } from '../support.mjs';

export default async function ({ context, shared, screenshot }) {
  const page = await context.newPage();
  const today = await serverToday(page.request);
  await page.goto('/');
  await page.getByRole('heading', { name: /当前疫情风险等级：常态化防控/ }).waitFor();
  await page.getByText('每次办理最多 2 位陪同人员').waitFor();
  await screenshot(page, 'services');

  await page.getByRole('button', { name: /婚姻登记/ }).click();
  await page.getByRole('heading', { name: '选择日期时段' }).waitFor();
  await page.getByText('实时更新中').waitFor();
  const day = page.locator(`button[data-day="${today}"]`);
  await page.locator(`button[data-day="${today}"].tone-plenty`).waitFor();
  const before = Number((await day.locator('.note').textContent()).replace(/\D/g, ''));

  // Someone else books the first bookable slot meanwhile: the calendar follows without a reload.
  const availability = await (await page.request.get(`/api/v1/availability?service=MARRIAGE_REGISTRATION&from=${today}&to=${today}`)).json();
  const first = availability.days[0].slots.find((slot) => slot.inTime && slot.remaining > 0);
  await bookMarriage(page.request, { date: today, slotStart: first.start, serial: 7 });
  await page.locator(`button[data-day="${today}"] .note`).filter({ hasText: `余${before - 1}` }).waitFor();
  assert.match(await day.getAttribute('aria-label'), new RegExp(`剩余 ${before - 1} 个号`));
  await screenshot(page, 'calendar');

  await day.click();
  await page.locator('.slot-list').waitFor();
  assert.ok(await page.getByRole('button', { name: /09:00–09:30，已过预约时间/ }).isDisabled(), 'a slot too soon says so');
  const slot = page.locator('.slot-list button:not([disabled])').first();
  const time = await slot.locator('.slot-time').textContent();
  await slot.click();

  await page.getByRole('heading', { name: '填写信息' }).waitFor();
  const first0 = page.getByRole('group', { name: '第一位当事人' });
  const second = page.getByRole('group', { name: '第二位当事人' });
  await first0.getByLabel('姓名').fill('张三');
  const husband = residentId(adultBirthDate(), true);
  const mistyped = husband.substring(0, 10) + (husband[10] === '0' ? '1' : '0') + husband.substring(11);
  await first0.getByLabel('居民身份证号码').fill(mistyped);
  await first0.getByLabel('姓名').focus();
  await page.getByText('身份证号码校验码不符').waitFor();
  await first0.getByLabel('居民身份证号码').fill(husband);
  await second.getByLabel('姓名').fill('李四');
  // Nineteen today: under the legal marriage age for a woman.
  const young = `${Number(today.substring(0, 4)) - 19}${today.substring(4)}`;
  await second.getByLabel('居民身份证号码').fill(residentId(young, false));
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByText('预约当日未达法定婚龄（20 周岁）').waitFor();
  await page.getByText('还有 2 处需要更正').waitFor();
  assert.equal(await second.getByLabel('居民身份证号码').getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'inline-validation');
  await second.getByLabel('居民身份证号码').fill(residentId(adultBirthDate(), false));
  await page.getByLabel('没有').check();
  await page.getByRole('button', { name: '下一步' }).click();

  await page.getByRole('heading', { name: '验证手机' }).waitFor();
  const phone = newPhone();
  await page.getByLabel('手机号').fill('1380013');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByText('请填写 11 位手机号码。').waitFor();
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByText(/验证码已发送至 137\*\*\*\*/).waitFor();
  const code = (await awaitSms(page.request, phone, /验证码[^\d]*(\d{6})/))[1];
  await page.getByLabel('短信验证码').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: '验证并提交预约' }).click();
  await page.locator('#verify-code-error').waitFor();
  await page.getByLabel('短信验证码').fill(code);
  await page.getByRole('button', { name: '验证并提交预约' }).click();

  await page.getByRole('heading', { name: '预约完成' }).waitFor();
  const reference = await page.locator('.code').getAttribute('data-code');
  assert.match(reference, /^\d{8}$/);
  await page.getByText(`${time}`).first().waitFor();
  await page.getByText('110105********').first().waitFor();
  const qr = page.locator('img.qr');
  await qr.waitFor();
  const pixels = await qr.evaluate((img) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context2d = canvas.getContext('2d');
    context2d.drawImage(img, 0, 0);
    const data = context2d.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  });
  const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('civicdesk.citizen')).token);
  const booking = await (await page.request.get(`/api/v1/bookings/${reference}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  assert.equal(booking.status, 'CONFIRMED');
  assert.equal(decoded?.data, booking.qr, 'the QR code carries the booking\'s check-in payload');
  await awaitSms(page.request, phone, new RegExp(`${reference.substring(0, 4)} ${reference.substring(4)}`));
  await screenshot(page, 'confirmation');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '加入日历' }).click();
  const file = await download;
  const ics = readFileSync(await file.path(), 'utf8');
  assert.match(ics, /BEGIN:VCALENDAR/);
  assert.match(ics, /BEGIN:VEVENT/);

  shared.booking = { code: reference, qr: booking.qr, date: today, phone, token };
}
