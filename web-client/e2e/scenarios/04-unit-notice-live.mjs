// A unit member (eldercare1) has the unit board open; the command group (admin, in a second
// browser context) issues an urgent notice to every elderly-care home and watches the
// acknowledgements. The notice arrives on the board live with an unread count, is acknowledged
// with one click, and the admin's count changes without a reload. Then the board's connection
// drops: a notice issued meanwhile is recovered when it reconnects (SUBSCRIBE with last-seq).
import assert from 'node:assert/strict';
import { CONTEXT_OPTIONS, signIn } from '../support.mjs';

export default async function ({ browser, context, baseUrl, screenshot }) {
  // The unit's board, its STOMP connection passing through a switch the scenario controls.
  const unit = await context.newPage();
  const sockets = [];
  let refusing = false;
  let resumed = false;
  await unit.routeWebSocket(/\/ws\/stomp$/, (ws) => {
    if (refusing) {
      ws.close();
      return;
    }
    const server = ws.connectToServer();
    ws.onMessage((frame) => {
      if (String(frame).startsWith('SUBSCRIBE') && String(frame).includes('last-seq:')) {
        resumed = true;
      }
      server.send(frame);
    });
    server.onMessage((frame) => ws.send(frame));
    sockets.push({ ws, server });
  });
  await signIn(unit, '/unit', 'eldercare1');
  await unit.getByRole('heading', { name: /本单位当前风险等级：常态化防控/ }).waitFor();
  await unit.getByText('《养老机构新冠肺炎疫情常态化防控指南》').waitFor();
  await unit.getByText('实时更新中').waitFor();
  const badge = unit.locator('.count-badge');
  const unreadBefore = Number(await badge.getAttribute('data-unread'));

  // The command group, in its own browser context.
  const staffContext = await browser.newContext({ baseURL: baseUrl, ...CONTEXT_OPTIONS });
  try {
    const admin = await staffContext.newPage();
    await signIn(admin, '/staff/notices', 'admin');
    await admin.getByRole('heading', { name: '发布通知' }).waitFor();
    await admin.getByText('实时更新中').waitFor();
    const title = `养老机构疫情防控演练 ${Date.now()}`;
    await admin.getByLabel('标题').fill(title);
    await admin.getByRole('textbox', { name: '正文' }).fill('## 演练安排\n- 上午 10 点集合\n- **全员**参加\n\n请值班人员签收。');
    await admin.getByRole('tab', { name: '预览' }).click();
    await admin.locator('.markdown-preview h3').filter({ hasText: '演练安排' }).waitFor();
    await admin.locator('.markdown-preview strong').filter({ hasText: '全员' }).waitFor();
    await admin.getByLabel('紧急程度').selectOption('URGENT');
    await admin.getByLabel('按单位类型').check();
    await admin.getByLabel('养老服务机构').check();
    await admin.getByLabel('签收时限（分钟）').fill('30');
    await screenshot(admin, 'compose');
    await admin.getByRole('button', { name: '发布', exact: true }).click();
    const count = admin.locator('.ack-board .ack-count');
    await count.filter({ hasText: /已签收 0\/[1-9]/ }).waitFor();
    const total = Number(await count.getAttribute('data-total'));
    assert.ok(total >= 3, `every elderly-care home gets it (${total})`);

    // Live on the unit's board: the notice, the unread count, the announcement.
    const notice = unit.locator('article.notice').filter({ hasText: title });
    await notice.waitFor();
    await unit.getByText(`收到新通知：${title}`).waitFor();
    await unit.locator(`.count-badge[data-unread="${unreadBefore + 1}"]`).waitFor();
    await notice.locator('h3').filter({ hasText: '演练安排' }).waitFor();
    assert.match(await unit.title(), /^\(\d+\) 民政通/);
    await screenshot(unit, 'arrived');

    await notice.getByRole('button', { name: '签收' }).click();
    await notice.getByText(/已于 .* 由 eldercare1 签收/).waitFor();
    await unit.locator(`.count-badge[data-unread="${unreadBefore}"]`).waitFor();

    // The admin's count moves without a reload, and the unit's row says who acknowledged.
    await count.filter({ hasText: `已签收 1/${total}` }).waitFor();
    await admin.locator('.unit-ack.acked').filter({ hasText: '由 eldercare1 签收' }).waitFor();
    await screenshot(admin, 'acknowledged');

    // The board loses its connection; a notice issued meanwhile comes back with it.
    refusing = true;
    sockets.forEach(({ ws, server }) => {
      ws.close();
      server.close();
    });
    await unit.getByText(/正在连接实时更新|实时更新已断开/).waitFor();
    const missed = `断线期间的通知 ${Date.now()}`;
    const token = await admin.evaluate(() => JSON.parse(sessionStorage.getItem('civicdesk.staff')).token);
    const issued = await admin.request.post('/api/v1/staff/notices', {
      headers: { Authorization: `Bearer ${token}` },
      data: { title: missed, body: '断线期间发布。', severity: 'WARNING', audience: { unitTypes: ['ELDERLY_CARE_HOME'] }, requiresAck: true },
    });
    assert.equal(issued.status(), 201);
    await admin.locator('.notice-list').getByText(missed).waitFor();
    refusing = false;
    await unit.locator('article.notice').filter({ hasText: missed }).waitFor({ timeout: 30000 });
    await unit.getByText('实时更新中').waitFor();
    assert.ok(resumed, 'the board resubscribed with last-seq');
    await screenshot(unit, 'recovered');
  } finally {
    await staffContext.close();
  }
}
