// Someone without a smartphone books a cremation by calling: the simulator's keypad drives the
// real voice webhook (signed as Twilio would), the prompts are shown, names are "said" in the
// speech box, and the reference code arrives by SMS in the simulated phone's inbox. The chat window
// talks to the SMS and WeChat webhooks the same way. The caller then finds the booking under "My
// bookings" with the same phone.
import assert from 'node:assert/strict';
import { awaitSms, newPhone, serverToday } from '../support.mjs';

export default async function ({ context, screenshot }) {
  const page = await context.newPage();
  const today = await serverToday(page.request);
  const tomorrow = new Date(`${today}T00:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  const mmdd = `${String(tomorrow.getUTCMonth() + 1).padStart(2, '0')}${String(tomorrow.getUTCDate()).padStart(2, '0')}`;
  const phone = newPhone();

  await page.goto('/');
  await page.getByRole('link', { name: '电话/微信模拟' }).click();
  await page.getByRole('heading', { name: '电话、短信与微信模拟器' }).waitFor();
  await page.getByLabel('模拟手机号').fill(phone);
  await page.getByLabel('朗读语音提示').uncheck();

  const log = page.getByRole('list', { name: '通话内容' });
  const said = (text) => log.locator('li.service').filter({ hasText: text }).last().waitFor();
  const press = async (keys) => {
    for (const key of keys) {
      await page.getByRole('button', { name: `按键 ${key}`, exact: true }).click();
    }
  };
  const speak = async (words) => {
    await page.getByLabel('说话（用文字代替语音）').fill(words);
    await page.getByRole('button', { name: '说出' }).click();
  };

  await page.getByRole('button', { name: '拨打' }).click();
  await said('预约结婚登记请按1');
  await press('2');
  await said('火化请按2');
  await press('2');
  await said('四位数字');
  await press(mmdd);
  await page.getByText(`已输入：${mmdd}`).waitFor();
  await press('#');
  await said('第1个');
  await press('1');
  await said('逝者的姓名');
  await speak('王老先生');
  await said('传染病');
  await press('2');
  await said('您的姓名');
  await speak('王五');
  await said('陪同人数');
  await press('0');
  await said('健康申报');
  await press('1');
  await said('确认请按1');
  await screenshot(page, 'confirming');
  await press('1');
  await said('预约成功');
  await page.getByText('通话已结束。').waitFor();

  // The reference code comes by SMS, shown in the simulated phone's inbox.
  const sms = await awaitSms(page.request, phone, /(\d{4}) (\d{4})/);
  const code = sms[1] + sms[2];
  await page.locator('.inbox').getByText(`${sms[1]} ${sms[2]}`).first().waitFor();
  await screenshot(page, 'booked');

  // The chat window: a text to the SMS webhook and a WeChat follow, each answered.
  const chat = page.getByRole('list', { name: '对话内容' });
  await page.getByLabel('消息').fill('帮助');
  await page.getByRole('button', { name: '发送' }).click();
  await chat.locator('li.theirs').filter({ hasText: '预约 结婚 — 预约结婚登记' }).waitFor();
  await page.getByRole('tab', { name: '微信公众号' }).click();
  await page.getByRole('button', { name: '关注公众号' }).click();
  await chat.locator('li.theirs').filter({ hasText: '欢迎关注民政通' }).waitFor();
  await screenshot(page, 'chat');

  // The caller's phone finds the booking under "My bookings".
  await page.getByRole('link', { name: '我的预约' }).click();
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const verification = (await awaitSms(page.request, phone, /验证码[^\d]*(\d{6})/))[1];
  await page.getByLabel('短信验证码').fill(verification);
  await page.getByRole('button', { name: '验证并查看' }).click();
  const card = page.locator('article.booking-card').filter({ has: page.locator(`[data-code="${code}"]`) });
  await card.waitFor();
  await card.getByText('王老先生').waitFor();
  assert.match(await card.innerText(), /火化/);
  await screenshot(page, 'my-bookings');
}
