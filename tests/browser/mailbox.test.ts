import fs from 'fs';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  deskTest,
  launchChromium,
  newDesk,
  screenshot,
  signInThroughLoginPage,
  startBrowserApp,
  type BrowserApp,
} from '../harness/browser';
import {
  createAdminAccount,
  createOrganizationTree,
  PASSWORD,
  type OrganizationRef,
} from '../harness/admin-users';
import { usingPostgres } from '../harness/database';
import { setClock } from '../harness/strapi';
import { systemActor } from '../../src/plugins/disclosure/server/src/on-request/services/applications';
import { intakeBody } from '../../src/plugins/disclosure/server/src/mailbox/validation/messages';
import { validate } from '../../src/plugins/disclosure/server/src/utils/validation';
import type {
  MessageKind,
  MessageMonthFigures,
  MessageStatistics,
} from '../../src/plugins/disclosure/shared/contracts/mailbox';
import {
  MESSAGE_ACTION_WORDS,
  MESSAGE_KIND_WORDS,
  MESSAGE_STATUS_WORDS,
  MESSAGE_STEP_WORDS,
  URGENCY_WORDS,
} from '../../src/plugins/disclosure/shared/words';

/**
 * 意见箱 / 领导信箱 in a real browser, in 中文, at one city office: its 信箱管理员, a 来信承办人 and a
 * 来信审批领导, each at their own desk. The list shows the office's messages (and its counties') with
 * their acceptance and reply dates in colour and filters them; the manager accepts a message written
 * to the mayor's mailbox and assigns it, and routes a complaint to 信访 (the page and the writer's
 * lookup say where it went); the handler drafts the reply, the leader approves it, the manager sends
 * it; the month's statistics show the figures the server's JSON gives, per organization and in total,
 * for one organization and another month; the .xlsx downloads and reads the same.
 */
// 10:00 in Beijing on a working Tuesday.
const NOW = '2026-03-10T02:00:00.000Z';
const TODAY = '2026-03-10';
const MONTH = '2026-03';
const MESSAGE = 'plugin::disclosure.public-message';
const zh = (word: { 'zh-Hans': string }) => word['zh-Hans'];

let app: BrowserApp;
let browser: Browser;
let orgs: Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>;
let managerHeaders: { Authorization: string };
let manager: Page;
let handler: Page;
let leader: Page;

interface Written {
  documentId: string;
  number: string;
  code: string;
}
/** The messages written before the desks open, by what they show. */
const messages = {} as Record<
  'overdue' | 'toMayor' | 'complaint' | 'county' | 'answered' | 'february' | 'otherCity',
  Written
>;

const service = () => app.strapi.plugin('disclosure').service('messages');
const calendar = () => app.strapi.plugin('disclosure').service('calendar').get();

/** A message written in on `at` (an ISO instant), entered as the public form's would be. */
async function writeIn(
  organization: OrganizationRef,
  kind: MessageKind,
  subject: string,
  at: string,
  mailbox?: string
): Promise<Written> {
  const { data } = validate(intakeBody, {
    data: {
      organization: organization.code,
      mailbox,
      kind,
      subject,
      content: `${subject}，请予办理并答复。`,
      name: '张来信（演示）',
      contact: '13800000200',
      consentToPublish: false,
    },
  });
  const intake = await service().intake(data, systemActor({ at: new Date(at) }));
  const row = await app.strapi.db
    .query(MESSAGE)
    .findOne({ where: { number: intake.number }, select: ['documentId'] });
  return { documentId: row.documentId, number: intake.number, code: intake.code };
}

/** Steps taken by the office's staff before the test, as the system on `at`. */
async function handled(
  message: Written,
  steps: Array<[string, Record<string, unknown>]>,
  at: string
): Promise<void> {
  for (const [action, body] of steps)
    await service().act(
      message.documentId,
      action,
      body,
      systemActor({ name: '孙信箱', at: new Date(at) })
    );
}

const REPLIED: Array<[string, Record<string, unknown>]> = [
  ['accept', {}],
  ['assign', { responsibleOffice: '市政府办公室' }],
  ['draft-reply', { text: '您的建议已转有关部门研究，感谢关注。' }],
  ['approve', {}],
  ['send', {}],
];

beforeAll(async () => {
  app = await startBrowserApp();
  expect(app.strapi.db.dialect.client).toBe(usingPostgres() ? 'postgres' : 'sqlite');
  setClock(app, NOW);
  orgs = await createOrganizationTree(app);
  const current = await calendar();

  const account = (email: string, name: string, lastname: string, role: string) =>
    createAdminAccount(app, {
      email,
      name,
      lastname,
      roles: [role],
      organization: orgs.city,
    });
  managerHeaders = (
    await account('keeper@linyi.example.gov.cn', '信箱', '李', 'disclosure-mailbox-manager')
  ).headers;
  await account('handler@linyi.example.gov.cn', '承办', '王', 'disclosure-mailbox-handler');
  await account('leader@linyi.example.gov.cn', '审批', '赵', 'disclosure-mailbox-leader');

  const mayor = await app
    .http()
    .post('/disclosure/mailboxes')
    .set(managerHeaders)
    .send({ data: { organization: orgs.city.code, leaderTitle: '市长信箱' } });
  expect(mayor.status).toBe(201);

  // Received on the latest day whose acceptance (2 working days) fell due before today.
  let lateDay = TODAY;
  while (current.addWorkingDays(lateDay, 2).date >= TODAY)
    lateDay = new Date(Date.parse(`${lateDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  messages.overdue = await writeIn(
    orgs.city,
    'suggestion',
    '建议延长市图书馆周末开放时间',
    `${lateDay}T02:00:00.000Z`
  );
  messages.toMayor = await writeIn(
    orgs.city,
    'question',
    '咨询老旧小区加装电梯补贴政策',
    '2026-03-10T01:00:00.000Z',
    mayor.body.data.documentId
  );
  messages.complaint = await writeIn(
    orgs.city,
    'complaint',
    '投诉小区周边夜间施工噪音扰民',
    '2026-03-09T03:00:00.000Z'
  );
  messages.county = await writeIn(
    orgs.countyA,
    'help',
    '求助协调农村道路损坏修复',
    '2026-03-09T03:00:00.000Z'
  );
  await handled(messages.county, [['accept', {}]], '2026-03-09T06:00:00.000Z');
  messages.answered = await writeIn(
    orgs.city,
    'suggestion',
    '建议在公交站台增设遮阳棚',
    '2026-03-02T02:00:00.000Z'
  );
  await handled(messages.answered, REPLIED, '2026-03-05T02:00:00.000Z');
  await service().rate(messages.answered.number, messages.answered.code, true);
  messages.february = await writeIn(
    orgs.city,
    'question',
    '咨询2026年春季学校入学报名时间',
    '2026-02-16T02:00:00.000Z'
  );
  await handled(messages.february, REPLIED, '2026-02-20T02:00:00.000Z');
  messages.otherCity = await writeIn(
    orgs.otherCity,
    'suggestion',
    '建议日照市增加海滨公共停车位',
    '2026-03-09T03:00:00.000Z'
  );

  browser = await launchChromium();
  ({ page: manager } = await newDesk(browser, app));
  await signInThroughLoginPage(manager, 'keeper@linyi.example.gov.cn', PASSWORD);
  ({ page: handler } = await newDesk(browser, app));
  await signInThroughLoginPage(handler, 'handler@linyi.example.gov.cn', PASSWORD);
  ({ page: leader } = await newDesk(browser, app));
  await signInThroughLoginPage(leader, 'leader@linyi.example.gov.cn', PASSWORD);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const LIST = '/admin/plugins/disclosure/messages';
const STATISTICS = `${LIST}/statistics`;
const messagePage = (message: Written) => `${LIST}/${message.documentId}`;
const rows = (page: Page) => page.getByTestId('message-row');
const rowOf = (page: Page, message: Written) => rows(page).filter({ hasText: message.number });
const rgb = (colour: string) => colour.match(/\d+/g)!.slice(0, 3).map(Number);
const statusBadge = (page: Page) => page.getByRole('main').locator('[data-status]').first();

/** Opens an action's form on the message page, fills it with `fill`, and sends it. */
async function act(
  page: Page,
  action: keyof typeof MESSAGE_ACTION_WORDS,
  fill?: () => Promise<void>
) {
  await page.locator(`[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill();
  await dialog.getByRole('button', { name: zh(MESSAGE_ACTION_WORDS[action]), exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Picks an option of the select labelled `label`. */
async function choose(page: Page, label: string | RegExp, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits for `locator` to match `count` elements. */
async function counted(locator: Locator, count: number) {
  for (let waited = 0; (await locator.count()) !== count; waited += 100) {
    if (waited > 15_000) expect(await locator.count()).toBe(count);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The server's answer to the statistics route, as the manager. */
async function serverStatistics(query: Record<string, string>): Promise<MessageStatistics> {
  const res = await app
    .http()
    .get('/disclosure/messages/statistics')
    .query(query)
    .set(managerHeaders);
  expect(res.status).toBe(200);
  return res.body.data;
}

const rate = (part: number, whole: number) =>
  whole ? `${Math.round((part / whole) * 1000) / 10}%` : '—';

/** What a row of the statistics table should show for these figures, by its cells' data-figure. */
const expectedCells = (f: MessageMonthFigures): Record<string, string> => ({
  received: String(f.received),
  ...Object.fromEntries(
    Object.entries(f.byKind).map(([kind, count]) => [`byKind.${kind}`, String(count)])
  ),
  repliedOnTime: String(f.repliedOnTime),
  repliedLate: String(f.repliedLate),
  onTimeRate: rate(f.repliedOnTime, f.repliedOnTime + f.repliedLate),
  routed: String(f.routed),
  open: String(f.open),
  openOverdue: String(f.openOverdue),
  satisfied: String(f.satisfaction.satisfied),
  dissatisfied: String(f.satisfaction.rated - f.satisfaction.satisfied),
  satisfactionRate: rate(f.satisfaction.satisfied, f.satisfaction.rated),
  notRated: String(f.satisfaction.notRated),
});

/** A statistics row's cells, by data-figure. */
const shownCells = (row: Locator): Promise<Record<string, string>> =>
  row
    .locator('[data-figure]')
    .evaluateAll((cells) =>
      Object.fromEntries(
        cells.map((cell) => [cell.getAttribute('data-figure') ?? '', cell.textContent ?? ''])
      )
    );

const statisticsRows = (page: Page) => page.getByTestId('message-statistics-row');

deskTest(
  "the list shows the office's messages, their dates in colour, and filters them",
  async () => {
    await manager.goto(LIST);
    await rows(manager).first().waitFor();
    // The city's messages and its counties', not another city's.
    await counted(rows(manager), 6);
    await expect(rowOf(manager, messages.otherCity).count()).resolves.toBe(0);

    // Received and past the acceptance date: red; written today: its acceptance due soon, amber.
    const overdue = rowOf(manager, messages.overdue).getByTestId('acceptance-due');
    await expect(overdue.getAttribute('data-urgency')).resolves.toBe('overdue');
    await overdue.getByText(zh(URGENCY_WORDS.overdue)).waitFor();
    const [r1, g1, b1] = rgb(
      await overdue
        .locator('p, span')
        .first()
        .evaluate((el) => getComputedStyle(el).color)
    );
    expect(r1).toBeGreaterThan(150);
    expect(g1).toBeLessThan(100);
    expect(b1).toBeLessThan(100);
    const toMayor = rowOf(manager, messages.toMayor);
    await expect(toMayor.getByTestId('acceptance-due').getAttribute('data-urgency')).resolves.toBe(
      'due-soon'
    );
    await toMayor.getByText('市长信箱').waitFor();
    // Accepted in the county: the reply date, on track; answered: concluded.
    await expect(
      rowOf(manager, messages.county).getByTestId('reply-due').getAttribute('data-urgency')
    ).resolves.toBe('on-track');
    await expect(
      rowOf(manager, messages.answered).getByTestId('reply-due').getAttribute('data-urgency')
    ).resolves.toBe('concluded');
    await rowOf(manager, messages.answered).getByText('满意').waitFor();
    await screenshot(manager, 'mailbox-list');

    // By status (kept in the address), by overdue, by kind, by organization code.
    await choose(manager, '状态', zh(MESSAGE_STATUS_WORDS.sent));
    await manager.waitForURL(/status=sent/);
    await counted(rows(manager), 2);
    await rowOf(manager, messages.february).waitFor();
    await manager.getByRole('button', { name: '清除条件' }).click();
    await counted(rows(manager), 6);
    await choose(manager, '期限', '已超期');
    await manager.waitForURL(/overdue=true/);
    await counted(rows(manager), 1);
    await rowOf(manager, messages.overdue).waitFor();
    await manager.getByRole('button', { name: '清除条件' }).click();
    await counted(rows(manager), 6);
    await choose(manager, '类型', zh(MESSAGE_KIND_WORDS.complaint));
    await counted(rows(manager), 1);
    await rowOf(manager, messages.complaint).waitFor();
    await manager.getByRole('button', { name: '清除条件' }).click();
    await counted(rows(manager), 6);
    await manager.getByRole('textbox', { name: '机构代码' }).fill(orgs.countyA.code);
    await manager.getByRole('button', { name: '查询' }).click();
    await counted(rows(manager), 1);
    await rowOf(manager, messages.county).waitFor();
    await manager.getByRole('button', { name: '清除条件' }).click();
    await counted(rows(manager), 6);
  },
  180_000
);

deskTest(
  "the manager accepts the message to the mayor's mailbox and assigns it",
  async () => {
    await manager.goto(LIST);
    await rowOf(manager, messages.toMayor)
      .getByRole('link', { name: messages.toMayor.number })
      .click();
    await manager.waitForURL(new RegExp(`${messages.toMayor.documentId}$`));
    await manager.getByRole('heading', { name: messages.toMayor.number }).waitFor();
    await expect(statusBadge(manager).innerText()).resolves.toBe(zh(MESSAGE_STATUS_WORDS.received));
    // The writer's name and contact, the read noted in the ledger.
    const writer = manager.getByTestId('message-writer');
    await writer.getByText('张来信（演示）').waitFor();
    await writer.getByText('查看记录将写入台账', { exact: false }).waitFor();
    // Not the handler's or the leader's actions.
    await expect(manager.locator('[data-action="draft-reply"]').count()).resolves.toBe(0);
    await expect(manager.locator('[data-action="approve"]').count()).resolves.toBe(0);

    await act(manager, 'accept');
    await expect(statusBadge(manager).innerText()).resolves.toBe(zh(MESSAGE_STATUS_WORDS.accepted));
    await act(manager, 'assign', async () => {
      await manager.getByRole('textbox', { name: /^承办科室/ }).fill('市住房和城乡建设局');
    });
    await expect(statusBadge(manager).innerText()).resolves.toBe(zh(MESSAGE_STATUS_WORDS.assigned));
    await manager.getByTestId('message-outcome').getByText('市住房和城乡建设局').waitFor();
    await screenshot(manager, 'mailbox-assigned');
  },
  120_000
);

deskTest(
  'the manager routes the complaint to 信访: the page and the writer see where it went',
  async () => {
    await manager.goto(messagePage(messages.complaint));
    await manager.locator('[data-action="route"]').waitFor();
    await act(manager, 'route', async () => {
      await manager.getByRole('textbox', { name: /^转往渠道/ }).fill('临沂市信访局（12345热线）');
      await manager
        .getByRole('textbox', { name: /^转办理由/ })
        .fill('您反映的施工噪音属于投诉事项，已转信访渠道办理。');
    });
    await expect(statusBadge(manager).innerText()).resolves.toBe(zh(MESSAGE_STATUS_WORDS.routed));
    const outcome = manager.getByTestId('message-outcome');
    await outcome.getByText('临沂市信访局（12345热线）').waitFor();
    await outcome.getByText('已转信访渠道办理', { exact: false }).waitFor();
    // Routed: no reply date is owed here, and nothing more to do.
    await expect(
      manager.getByTestId('message-clocks').locator('[data-fact="replyDueOn"]').innerText()
    ).resolves.toMatch(/—$/);
    await manager.getByText('当前没有您可以办理的事项').waitFor();
    const steps = manager.getByTestId('message-steps').locator('li');
    await expect(steps.last().innerText()).resolves.toMatch(
      new RegExp(`${zh(MESSAGE_STEP_WORDS.route)}[\\s\\S]*李信箱[\\s\\S]*临沂市信访局`)
    );
    await screenshot(manager, 'mailbox-routed');

    // The list: no date any more; the writer's lookup: where it went and why.
    await manager.goto(LIST);
    const row = rowOf(manager, messages.complaint);
    await expect(row.getByTestId('reply-due').innerText()).resolves.toBe('—');
    const lookup = await app
      .http()
      .get(`/api/disclosure/messages/${messages.complaint.number}`)
      .query({ code: messages.complaint.code });
    expect(lookup.status).toBe(200);
    expect(lookup.body.data).toMatchObject({
      status: 'routed',
      routedTo: '临沂市信访局（12345热线）',
      routeReason: '您反映的施工噪音属于投诉事项，已转信访渠道办理。',
      reply: null,
    });
  },
  120_000
);

deskTest(
  'the handler drafts the reply; approving is not theirs',
  async () => {
    await handler.goto(messagePage(messages.toMayor));
    await handler.locator('[data-action="draft-reply"]').waitFor();
    await act(handler, 'draft-reply', async () => {
      await handler
        .getByRole('textbox', { name: /^答复内容/ })
        .fill('老旧小区加装电梯补贴按每部电梯20万元执行，详见市住建局网站。');
      await screenshot(handler, 'mailbox-draft');
    });
    await expect(statusBadge(handler).innerText()).resolves.toBe(zh(MESSAGE_STATUS_WORDS.drafted));
    await handler
      .getByTestId('message-outcome')
      .getByText('每部电梯20万元', { exact: false })
      .waitFor();
    await handler.locator('[data-action="draft-reply"]').waitFor();
    await expect(handler.locator('[data-action="approve"]').count()).resolves.toBe(0);
    await expect(handler.locator('[data-action="send"]').count()).resolves.toBe(0);
  },
  120_000
);

deskTest(
  'the leader approves the draft, shown in the form',
  async () => {
    await leader.goto(messagePage(messages.toMayor));
    await leader.locator('[data-action="approve"]').waitFor();
    await expect(leader.locator('[data-action="draft-reply"]').count()).resolves.toBe(0);
    await act(leader, 'approve', async () => {
      await leader.getByRole('dialog').getByText('每部电梯20万元', { exact: false }).waitFor();
    });
    await expect(statusBadge(leader).innerText()).resolves.toBe(zh(MESSAGE_STATUS_WORDS.approved));
    await expect(leader.locator('[data-action="send"]').count()).resolves.toBe(0);
  },
  120_000
);

deskTest(
  'the manager sends the reply; the timeline names each step and who took it; the writer reads it',
  async () => {
    await manager.goto(messagePage(messages.toMayor));
    await manager.locator('[data-action="send"]').waitFor();
    await act(manager, 'send');
    await expect(statusBadge(manager).innerText()).resolves.toBe(zh(MESSAGE_STATUS_WORDS.sent));
    await expect(
      manager.getByTestId('message-clocks').getByTestId('reply-due').getAttribute('data-urgency')
    ).resolves.toBe('concluded');

    const steps = manager.getByTestId('message-steps').locator('li');
    const kinds = ['receive', 'accept', 'assign', 'draft-reply', 'approve', 'send'] as const;
    await expect(steps.evaluateAll((items) => items.map((li) => li.dataset.step))).resolves.toEqual(
      [...kinds]
    );
    const who = [null, '李信箱', '李信箱', '王承办', '赵审批', '李信箱'];
    for (const [index, kind] of kinds.entries()) {
      const text = await steps.nth(index).innerText();
      expect(text).toContain(zh(MESSAGE_STEP_WORDS[kind]));
      if (who[index]) expect(text).toContain(who[index]);
    }
    await screenshot(manager, 'mailbox-sent');

    const lookup = await app
      .http()
      .get(`/api/disclosure/messages/${messages.toMayor.number}`)
      .query({ code: messages.toMayor.code });
    expect(lookup.status).toBe(200);
    expect(lookup.body.data).toMatchObject({
      status: 'sent',
      reply: '老旧小区加装电梯补贴按每部电梯20万元执行，详见市住建局网站。',
    });
  },
  120_000
);

deskTest(
  "the month's statistics show the server's figures, per organization and in total, for one and another month",
  async () => {
    await manager.goto(LIST);
    await manager.getByTestId('message-statistics-link').click();
    await manager.waitForURL(new RegExp(`${STATISTICS}$`));
    const table = manager.getByTestId('message-statistics-table');
    // This month by default (Beijing time), every organization of the account's and the total.
    await table.getByText('2026年3月意见箱来信统计（2026-03-01 至 2026-03-31）').waitFor();
    const march = await serverStatistics({ month: MONTH });
    expect(march.organizations.map((row) => row.organization.code)).toEqual([
      orgs.city.code,
      orgs.countyA.code,
    ]);
    // The figures as the office knows them: the mayor's message replied today, the complaint
    // routed, the late acceptance still open; February's and another city's left out.
    expect(march.organizations[0]).toMatchObject({
      received: 4,
      byKind: { suggestion: 2, question: 1, help: 0, complaint: 1 },
      routed: 1,
      repliedOnTime: 2,
      repliedLate: 0,
      open: 1,
      satisfaction: { satisfied: 1, rated: 1, notRated: 1 },
    });
    expect(march.total.received).toBe(5);
    await counted(statisticsRows(manager), 3);
    const shown = statisticsRows(manager);
    for (const [index, figures] of march.organizations.entries()) {
      const row = shown.nth(index);
      await expect(row.innerText()).resolves.toContain(figures.organization.name);
      await expect(shownCells(row)).resolves.toEqual(expectedCells(figures));
    }
    const total = shown.nth(2);
    await expect(total.innerText()).resolves.toContain('合计');
    await expect(shownCells(total)).resolves.toEqual(expectedCells(march.total));
    await expect(shownCells(shown.nth(0))).resolves.toMatchObject({
      onTimeRate: '100%',
      satisfactionRate: '100%',
    });
    await screenshot(manager, 'mailbox-statistics');

    // One organization: its row alone, as the server counts it.
    await choose(manager, '机构', '临沂市人民政府');
    await counted(statisticsRows(manager), 1);
    const city = await serverStatistics({ month: MONTH, organization: orgs.city.code });
    await expect(shownCells(statisticsRows(manager).first())).resolves.toEqual(
      expectedCells(city.organizations[0])
    );
    // February: the message answered then, on time.
    await choose(manager, '月份', '2026年2月');
    await table.getByText('2026年2月意见箱来信统计（2026-02-01 至 2026-02-28）').waitFor();
    const february = await serverStatistics({ month: '2026-02', organization: orgs.city.code });
    expect(february.organizations[0]).toMatchObject({ received: 1, repliedOnTime: 1 });
    await counted(statisticsRows(manager), 1);
    await expect(shownCells(statisticsRows(manager).first())).resolves.toEqual(
      expectedCells(february.organizations[0])
    );
  },
  180_000
);

deskTest(
  "the .xlsx downloads, named for the organization and the month, with the table's figures",
  async () => {
    await manager.goto(STATISTICS);
    await manager.getByTestId('message-statistics-table').waitFor();
    await choose(manager, '机构', '临沂市人民政府');
    await counted(statisticsRows(manager), 1);
    const downloading = manager.waitForEvent('download');
    await manager.getByRole('button', { name: '下载统计表（.xlsx）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${orgs.city.code}-2026年3月意见箱来信统计.xlsx`);
    const file = fs.readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file);
    const sheet = workbook.getWorksheet('来信统计')!;
    const headings = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
    const cityRow = (sheet.getRow(4).values as unknown[]).slice(1);
    const cell = (heading: string) => cityRow[headings.indexOf(heading)];
    const city = (await serverStatistics({ month: MONTH, organization: orgs.city.code }))
      .organizations[0];
    expect(cell('机构代码')).toBe(orgs.city.code);
    expect(cell('收信数')).toBe(city.received);
    expect(cell('按时答复')).toBe(city.repliedOnTime);
    expect(cell('转办')).toBe(city.routed);
    expect(cell('满意')).toBe(city.satisfaction.satisfied);
    const shown = await shownCells(statisticsRows(manager).first());
    expect(String(cell('收信数'))).toBe(shown.received);
    expect(String(cell('未办结'))).toBe(shown.open);
  },
  120_000
);
