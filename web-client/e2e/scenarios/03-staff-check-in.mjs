// Registry staff see the citizen's booking in Today and check them in by scanning the QR code with
// the camera (Chromium's fake camera shows the citizen's code); another citizen is checked in by
// typing their code, after a no-show marked too early is refused in plain words.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { bookMarriage, CONTEXT_OPTIONS, launchChromium, serverToday, signIn, qrVideo } from '../support.mjs';

export default async function ({ context, baseUrl, shared, screenshot, screenshotsDir }) {
  const request = context.request;
  const today = await serverToday(request);
  // Run alone, this scenario books its own citizen.
  const booking = shared.booking ?? await bookMarriage(request, { date: today, slotStart: await firstFreeSlot(request, today), serial: 3 });
  const other = await bookMarriage(request, { date: today, slotStart: await firstFreeSlot(request, today), serial: 5 });

  // A browser whose camera shows the first citizen's QR code.
  const video = join(screenshotsDir, 'qr-camera.y4m');
  qrVideo(booking.qr, video);
  const camera = await launchChromium([`--use-file-for-fake-video-capture=${video}`]);
  try {
    const desk = await camera.newContext({ baseURL: baseUrl, ...CONTEXT_OPTIONS, permissions: ['camera'] });
    const page = await desk.newPage();
    await signIn(page, '/staff', 'registry');
    await page.getByRole('heading', { name: /今日预约/ }).waitFor();
    const row = page.locator(`li[data-code="${booking.code}"]`);
    await row.waitFor();
    await row.getByText('预约成功').waitFor();
    // Grouped by office: the registry's heading counts its bookings.
    await page.locator('section.card h3').filter({ hasText: /婚姻登记处 共 \d+ 个/ }).waitFor();
    await screenshot(page, 'today');

    await page.getByRole('button', { name: '扫码签到' }).click();
    await page.getByText(`已签到：${shared.booking ? '张三、李四' : '赵一、钱二'}（`).waitFor({ timeout: 20000 });
    await row.getByText('已签到').waitFor();
    assert.equal(await row.getByRole('button', { name: /签到/ }).count(), 0, 'no check-in button once checked in');
    await screenshot(page, 'scanned');

    // Too early for a no-show: the slot is not over, and the desk says so next to the booking.
    const otherRow = page.locator(`li[data-code="${other.code}"]`);
    await otherRow.getByRole('button', { name: /标记为未到/ }).click();
    await otherRow.getByRole('alert').filter({ hasText: /结束/ }).waitFor();

    // Typing the code (as it is read aloud, with a space) is the fallback.
    await page.getByLabel('预约号').fill(`${other.code.substring(0, 4)} ${other.code.substring(4)}`);
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await page.getByText(`预约号 ${other.code.substring(0, 4)} ${other.code.substring(4)}）`).waitFor();
    await otherRow.getByText('已签到').waitFor();

    // A wrong code is explained under the field.
    await page.getByLabel('预约号').fill('1234');
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await page.getByText('预约号是 8 位数字。').waitFor();
    await screenshot(page, 'checked-in');
    const checked = await (await request.get(`/api/v1/bookings/${booking.code}`, { headers: { Authorization: `Bearer ${booking.token}` } })).json();
    assert.equal(checked.status, 'CHECKED_IN');
  } finally {
    await camera.close();
  }
}

async function firstFreeSlot(request, today) {
  const answer = await (await request.get(`/api/v1/availability?service=MARRIAGE_REGISTRATION&from=${today}&to=${today}`)).json();
  return answer.days[0].slots.find((slot) => slot.inTime && slot.remaining > 0).start;
}
