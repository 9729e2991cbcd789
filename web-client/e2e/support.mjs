// Helpers the browser scenarios share: launching Debian's Chromium, demo sign-in, resident ID
// numbers with a valid check character, fresh phones, the simulated phone's SMS inbox, and a fake
// camera that shows a QR code.
import { chromium } from 'playwright-core';
import QRCode from 'qrcode';
import { writeFileSync } from 'node:fs';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'];

export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export const CONTEXT_OPTIONS = { locale: 'zh-CN', viewport: { width: 390, height: 844 } };

export const DEMO_PASSWORD = () => process.env.CIVICDESK_DEMO_PASSWORD;

/** Signs a demo account in on the staff or unit page. */
export async function signIn(page, path, username) {
  await page.goto(path);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD());
  await page.getByRole('button', { name: '登录' }).click();
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident ID number: Beijing Chaoyang, the birth date given (YYYY-MM-DD), odd sequence for men. */
export function residentId(birthDate, male, serial = 1) {
  const sequence = String(male ? serial * 2 + 1 : serial * 2 + 2).padStart(3, '0').slice(-3);
  const first17 = `110105${birthDate.replaceAll('-', '')}${sequence}`;
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A birth date between 1960 and 1999 that no other booking of this run is likely to share. */
export function adultBirthDate() {
  const year = 1960 + Math.floor(Math.random() * 40);
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

let phones = Math.floor(Math.random() * 9e6);
/** A mobile number no other run of this scenario set uses. */
export function newPhone() {
  phones = (phones + 7919) % 1e8;
  return `137${String(phones).padStart(8, '0')}`;
}

/** Waits for the newest SMS to a simulated phone matching a pattern, and returns the match. */
export async function awaitSms(request, phone, pattern, timeout = 15000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    // Short requests, retried: one stuck request on a loaded machine must not sink the scenario.
    const response = await request.get(`/api/v1/simulator/sms?phone=${encodeURIComponent(`+86${phone}`)}`, { timeout: 5000 })
      .catch(() => null);
    if (response?.ok()) {
      for (const message of await response.json()) {
        const match = pattern.exec(message.body);
        if (match) {
          return match;
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no SMS to ${phone} matching ${pattern}`);
}

/** A citizen token for a phone, through the real verification (the code read from the inbox). */
export async function citizenToken(request, phone) {
  const sent = await request.post('/api/v1/citizens/verification', { data: { phone } });
  if (!sent.ok()) {
    throw new Error(`verification refused: ${await sent.text()}`);
  }
  const code = (await awaitSms(request, phone, /(\d{6})/))[1];
  const token = await request.post('/api/v1/citizens/token', { data: { phone, code } });
  return (await token.json()).token;
}

/** The service's business date (its own clock), as the web client learns it. */
export async function serverToday(request) {
  const answer = await (await request.get('/api/v1/availability?service=MARRIAGE_REGISTRATION')).json();
  return answer.days[0].date;
}

/** Books marriage registration through the API, for a citizen the scenario needs beside the one on screen. */
export async function bookMarriage(request, { date, slotStart, phone = newPhone(), serial = 1 }) {
  const token = await citizenToken(request, phone);
  const response = await request.post('/api/v1/bookings', {
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `e2e-${phone}-${serial}` },
    data: {
      service: 'MARRIAGE_REGISTRATION', date, slotStart,
      parties: [{ name: '赵一', idNumber: residentId(adultBirthDate(), true, serial) }, { name: '钱二', idNumber: residentId(adultBirthDate(), false, serial) }],
      declaration: { recentTravel: [] },
    },
  });
  if (!response.ok()) {
    throw new Error(`booking refused: ${await response.text()}`);
  }
  return { ...(await response.json()), phone, token };
}

/** A Y4M video (what Chromium's fake camera plays) showing a QR code of `text` on white. */
export function qrVideo(text, path) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const width = 640;
  const height = 480;
  const scale = Math.floor(Math.min(width, height) / (size + 8));
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const luma = Buffer.alloc(width * height, 255);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (qr.modules.get(row, col)) {
        for (let y = 0; y < scale; y++) {
          luma.fill(0, (top + row * scale + y) * width + left + col * scale, (top + row * scale + y) * width + left + (col + 1) * scale);
        }
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
}
