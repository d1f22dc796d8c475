import fs from 'fs';
import type { Browser, Page } from 'playwright-core';
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
  createAdminUser,
  createOrganizationTree,
  PASSWORD,
  type OrganizationRef,
} from '../harness/admin-users';
import { setClock } from '../harness/strapi';
import { systemActor } from '../../src/plugins/disclosure/server/src/on-request/services/applications';
import {
  APPLICATION_ACTION_WORDS,
  APPLICATION_STATUS_WORDS,
  LETTER_KIND_WORDS,
  OUTCOME_REASON_WORDS,
  OUTCOME_WORDS,
  STEP_KIND_WORDS,
  URGENCY_WORDS,
} from '../../src/plugins/disclosure/shared/words';

/**
 * 依申请公开 in a real browser, in 中文, at one city office: its registrar (依申请公开登记员), a handler
 * (承办人) and their leader (审批领导), each at their own desk. The list shows the office's cases with
 * their reply dates in colour and filters them; the registrar registers an application received by
 * registered post and assigns it; the handler drafts a 不予处理 reply (a complaint, pointed to 信访);
 * the leader's second extension is refused in the server's words, then the leader approves; the
 * registrar delivers; the timeline names each step and who took it; the reply downloads as a .docx
 * and reads in the preview.
 */
// 10:00 in Beijing on a working Tuesday.
const NOW = '2026-03-10T02:00:00.000Z';
const TODAY = '2026-03-10';
const APPLICATION = 'plugin::disclosure.disclosure-application';
const zh = (word: { 'zh-Hans': string }) => word['zh-Hans'];

let app: BrowserApp;
let browser: Browser;
let orgs: Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>;
let registrar: Page;
let handler: Page;
let leader: Page;
/** The cases made before the desks open, by what they show. */
const cases: Record<'overdue' | 'dueSoon' | 'onTrack' | 'otherCity', string> = {} as any;
/** The case registered in the browser. */
let registered: { documentId: string; number: string };

const service = () => app.strapi.plugin('disclosure').service('applications');
const calendar = () => app.strapi.plugin('disclosure').service('calendar').get();

/** The latest day received whose reply (20 working days) is due on or before `due`. */
async function receivedForDue(due: string): Promise<string> {
  const current = await calendar();
  for (let back = 0; back < 90; back += 1) {
    const day = new Date(Date.parse(`${TODAY}T00:00:00Z`) - back * 86_400_000)
      .toISOString()
      .slice(0, 10);
    if (current.addWorkingDays(day, 20).date <= due) return day;
  }
  throw new Error(`no received date for a reply due ${due}`);
}

/** A case handed in at the counter on `handedInOn`, registered by the office. */
async function handedIn(
  organization: OrganizationRef,
  handedInOn: string,
  name: string,
  description: string
): Promise<string> {
  const { detail } = await service().register(
    {
      organization: organization.code,
      channel: 'in-person',
      applicantType: 'natural-person',
      name,
      idType: '居民身份证',
      idNumber: '371300200001010010',
      phone: '13800000100',
      email: null,
      address: '临沂市兰山区演示路1号',
      description,
      documentNumber: null,
      form: 'paper',
      handedInOn,
    },
    systemActor({ name: '李登记', at: new Date(`${handedInOn}T02:00:00.000Z`) })
  );
  return detail.documentId;
}

beforeAll(async () => {
  app = await startBrowserApp();
  setClock(app, NOW);
  orgs = await createOrganizationTree(app);
  const current = await calendar();

  cases.overdue = await handedIn(
    orgs.city,
    await receivedForDue('2026-03-05'),
    '逾期甲（演示）',
    '请公开临沂市2025年城区绿化养护合同'
  );
  cases.dueSoon = await handedIn(
    orgs.countyA,
    await receivedForDue(current.addWorkingDays(TODAY, 2).date),
    '将到乙（演示）',
    '请公开沂南县2025年学校校舍维修项目清单'
  );
  cases.onTrack = await handedIn(
    orgs.city,
    '2026-03-09',
    '正常丙（演示）',
    '请公开临沂市2026年公交线路调整方案'
  );
  cases.otherCity = await handedIn(
    orgs.otherCity,
    '2026-03-09',
    '外市丁（演示）',
    '请公开日照市2026年港口建设规划'
  );

  await createAdminUser(app, {
    email: 'registrar@linyi.example.gov.cn',
    name: '登记',
    lastname: '李',
    roles: ['disclosure-application-registrar'],
    organization: orgs.city,
  });
  await createAdminUser(app, {
    email: 'handler@linyi.example.gov.cn',
    name: '承办',
    lastname: '王',
    roles: ['disclosure-application-handler'],
    organization: orgs.city,
  });
  await createAdminUser(app, {
    email: 'leader@linyi.example.gov.cn',
    name: '审批',
    lastname: '赵',
    roles: ['disclosure-application-leader'],
    organization: orgs.city,
  });

  browser = await launchChromium();
  ({ page: registrar } = await newDesk(browser, app));
  await signInThroughLoginPage(registrar, 'registrar@linyi.example.gov.cn', PASSWORD);
  ({ page: handler } = await newDesk(browser, app));
  await signInThroughLoginPage(handler, 'handler@linyi.example.gov.cn', PASSWORD);
  ({ page: leader } = await newDesk(browser, app));
  await signInThroughLoginPage(leader, 'leader@linyi.example.gov.cn', PASSWORD);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const LIST = '/admin/plugins/disclosure/applications';
const casePage = (documentId: string) => `${LIST}/${documentId}`;
const rows = (page: Page) => page.getByTestId('application-row');
const rowOf = (page: Page, name: string) => rows(page).filter({ hasText: name });
/** The computed colour of a case's reply date in the list. */
const dueColour = (page: Page, name: string) =>
  rowOf(page, name)
    .getByTestId('reply-due')
    .locator('span, p')
    .first()
    .evaluate((el) => getComputedStyle(el).color);
const rgb = (colour: string) => colour.match(/\d+/g)!.slice(0, 3).map(Number);

/** Opens an action's form on the case page, fills it with `fill`, and sends it. */
async function act(
  page: Page,
  action: keyof typeof APPLICATION_ACTION_WORDS,
  fill?: () => Promise<void>
) {
  await page.locator(`[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill();
  await dialog
    .getByRole('button', { name: zh(APPLICATION_ACTION_WORDS[action]), exact: true })
    .click();
  await dialog.waitFor({ state: 'detached' });
}

/** Picks an option of the select labelled `label` in the open dialog (or the page). */
async function choose(page: Page, label: string | RegExp, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits for the list to show `count` rows (0 shows the empty text instead). */
async function rowCount(page: Page, count: number) {
  for (let waited = 0; (await rows(page).count()) !== count; waited += 100) {
    if (waited > 15_000) expect(await rows(page).count()).toBe(count);
    await page.waitForTimeout(100);
  }
}

const statusBadge = (page: Page) => page.getByRole('main').locator('[data-status]').first();

deskTest(
  "the list shows the office's cases, reply dates in colour, and filters them",
  async () => {
    await registrar.goto(LIST);
    await rows(registrar).first().waitFor();
    // The city's cases and its counties', not another city's.
    await expect(rows(registrar).count()).resolves.toBe(3);
    await expect(rowOf(registrar, '外市丁').count()).resolves.toBe(0);

    const overdue = rowOf(registrar, '逾期甲');
    await expect(overdue.getByTestId('reply-due').getAttribute('data-urgency')).resolves.toBe(
      'overdue'
    );
    await overdue.getByText(zh(URGENCY_WORDS.overdue)).waitFor();
    const soon = rowOf(registrar, '将到乙');
    await expect(soon.getByTestId('reply-due').getAttribute('data-urgency')).resolves.toBe(
      'due-soon'
    );
    await soon.getByText(zh(URGENCY_WORDS['due-soon'])).waitFor();
    await expect(
      rowOf(registrar, '正常丙').getByTestId('reply-due').getAttribute('data-urgency')
    ).resolves.toBe('on-track');
    // Red and amber: the design system's danger600 and warning600.
    const [r1, g1, b1] = rgb(await dueColour(registrar, '逾期甲'));
    expect(r1).toBeGreaterThan(150);
    expect(g1).toBeLessThan(100);
    expect(b1).toBeLessThan(100);
    const [r2, g2, b2] = rgb(await dueColour(registrar, '将到乙'));
    expect(r2).toBeGreaterThan(150);
    expect(g2).toBeGreaterThan(60);
    expect(b2).toBeLessThan(60);
    await screenshot(registrar, 'on-request-list');

    // By urgency: the overdue case alone, and the filter kept in the address.
    await choose(registrar, '期限', zh(URGENCY_WORDS.overdue));
    await registrar.waitForURL(/urgency=overdue/);
    await rowCount(registrar, 1);
    await rowOf(registrar, '逾期甲').waitFor();
    // By text: a Chinese search with a space and an ampersand goes through as typed.
    await registrar.getByRole('button', { name: '清除条件' }).click();
    await rowCount(registrar, 3);
    await registrar.getByRole('searchbox', { name: '搜索' }).fill('校舍维修');
    await registrar.getByRole('button', { name: '查询' }).click();
    await rowCount(registrar, 1);
    await rowOf(registrar, '将到乙').waitFor();
    // By status, combined with the text: none registered matches… then all statuses again.
    await choose(registrar, '状态', zh(APPLICATION_STATUS_WORDS.delivered));
    await registrar.getByText('没有符合条件的申请').waitFor();
    await registrar.getByRole('button', { name: '清除条件' }).click();
    await rowCount(registrar, 3);
  },
  180_000
);

deskTest(
  'the registrar registers an application received by registered post, and assigns it',
  async () => {
    await registrar.goto(LIST);
    await rows(registrar).first().waitFor();
    await registrar.getByRole('button', { name: '登记申请' }).click();
    const dialog = registrar.getByRole('dialog');
    await dialog.waitFor();
    await choose(registrar, '申请渠道', '邮政挂号信');
    // Registered post is received the day it is signed for (art. 31).
    await dialog.getByText('签收日期').waitFor();
    await dialog.getByLabel('签收日期').fill('2026-03-09');
    await dialog.getByRole('textbox', { name: /^机构代码/ }).fill(orgs.city.code);
    await dialog.getByRole('textbox', { name: /^姓名/ }).fill('信访戊（演示）');
    await dialog.getByRole('textbox', { name: /^证件号码/ }).fill('371300200001010029');
    await dialog.getByRole('textbox', { name: /^联系电话/ }).fill('13800000101');
    await dialog.getByRole('textbox', { name: /^通信地址/ }).fill('临沂市罗庄区演示路2号');
    await dialog
      .getByRole('textbox', { name: /^所需政府信息/ })
      .fill('投诉小区物业乱收费，要求政府查处并公开处理结果');
    await screenshot(registrar, 'on-request-register');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();

    // The new case opens.
    await registrar.waitForURL(/\/applications\/[a-z0-9]{20,}$/);
    await registrar.getByTestId('application-clocks').waitFor();
    const documentId = registrar.url().split('/').pop()!;
    const row = await app.strapi.db.query(APPLICATION).findOne({ where: { documentId } });
    expect(row).toMatchObject({
      channel: 'registered-post',
      status: 'registered',
      receivedOn: '2026-03-09',
      email: null,
      documentNumber: null,
    });
    registered = { documentId, number: row.number };
    await registrar.getByRole('heading', { name: row.number }).waitFor();
    await expect(statusBadge(registrar).innerText()).resolves.toBe(
      zh(APPLICATION_STATUS_WORDS.registered)
    );

    await act(registrar, 'assign', async () => {
      await registrar.getByRole('textbox', { name: /^承办机构/ }).fill('市政府办公室督查科');
    });
    await expect(statusBadge(registrar).innerText()).resolves.toBe(
      zh(APPLICATION_STATUS_WORDS.assigned)
    );
  },
  180_000
);

deskTest(
  'the handler drafts a 不予处理 reply for a complaint, pointing to 信访; the approve button is not theirs',
  async () => {
    await handler.goto(casePage(registered.documentId));
    await handler.getByTestId('application-clocks').waitFor();
    await act(handler, 'draft-reply', async () => {
      await choose(handler, /^办理结果/, zh(OUTCOME_WORDS['not-processed']));
      await choose(handler, /^具体情形/, zh(OUTCOME_REASON_WORDS['petition-complaint']));
      await handler.getByRole('textbox', { name: /^告知申请人的办理渠道/ }).fill('临沂市信访局');
      await handler
        .getByRole('textbox', { name: /^法律依据/ })
        .fill('《中华人民共和国政府信息公开条例》第三十九条第一款');
      await handler
        .getByRole('textbox', { name: /^答复正文/ })
        .fill('您反映的物业收费问题属于投诉举报，请向临沂市信访局反映。');
      await screenshot(handler, 'on-request-draft');
    });
    await expect(statusBadge(handler).innerText()).resolves.toBe(
      zh(APPLICATION_STATUS_WORDS.drafted)
    );
    await handler.getByTestId('application-outcome').getByText('临沂市信访局').waitFor();
    // Re-drafting is still the handler's; approving is the leader's.
    await handler.locator('[data-action="draft-reply"]').waitFor();
    await expect(handler.locator('[data-action="approve-reply"]').count()).resolves.toBe(0);
    await expect(
      handler.getByRole('button', { name: zh(APPLICATION_ACTION_WORDS['approve-reply']) }).count()
    ).resolves.toBe(0);
  },
  120_000
);

deskTest(
  "the leader's second extension is refused in the server's words; the leader approves",
  async () => {
    await leader.goto(casePage(registered.documentId));
    await leader.locator('[data-action="extend"]').waitFor();
    // Meanwhile the office's head extends it (another desk): the leader's page still offers it.
    await service().act(
      registered.documentId,
      'extend',
      { workingDays: 10, reason: '需向市住建局核实' },
      systemActor({ name: '钱主任' })
    );
    await leader.locator('[data-action="extend"]').click();
    const dialog = leader.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^延期理由/ }).fill('情况复杂');
    await dialog
      .getByRole('button', { name: zh(APPLICATION_ACTION_WORDS.extend), exact: true })
      .click();
    await dialog.getByText(/延期答复只能一次/).waitFor();
    await screenshot(leader, 'on-request-extension-refused');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });

    await leader.reload();
    await leader.locator('[data-action="approve-reply"]').waitFor();
    await expect(leader.locator('[data-action="extend"]').count()).resolves.toBe(0);
    await act(leader, 'approve-reply');
    await expect(statusBadge(leader).innerText()).resolves.toBe(
      zh(APPLICATION_STATUS_WORDS.approved)
    );
  },
  120_000
);

deskTest(
  'the registrar delivers; the timeline names each step and who took it; the reply downloads and previews',
  async () => {
    await registrar.goto(casePage(registered.documentId));
    await registrar.locator('[data-action="deliver"]').waitFor();
    await act(registrar, 'deliver', async () => {
      await choose(registrar, /^送达方式/, '邮寄');
    });
    await expect(statusBadge(registrar).innerText()).resolves.toBe(
      zh(APPLICATION_STATUS_WORDS.delivered)
    );

    const steps = registrar.getByTestId('application-steps').locator('li');
    await expect(steps.evaluateAll((items) => items.map((li) => li.dataset.step))).resolves.toEqual(
      ['register', 'assign', 'draft-reply', 'extend', 'approve-reply', 'deliver']
    );
    const who = ['李登记', '李登记', '王承办', '钱主任', '赵审批', '李登记'];
    const kinds = [
      'register',
      'assign',
      'draft-reply',
      'extend',
      'approve-reply',
      'deliver',
    ] as const;
    for (const [index, kind] of kinds.entries()) {
      const text = await steps.nth(index).innerText();
      expect(text).toContain(zh(STEP_KIND_WORDS[kind]));
      expect(text).toContain(who[index]);
    }
    await expect(steps.nth(2).innerText()).resolves.toMatch(
      /不予处理（信访举报投诉类申请）[\s\S]*告知的办理渠道：临沂市信访局/
    );
    await screenshot(registrar, 'on-request-case');

    // The reply as a Word file: named for the case and the letter, a zip (PK).
    const letters = registrar.getByTestId('application-letters');
    const replyRow = letters
      .locator('tr')
      .filter({ has: registrar.locator('[data-letter="reply"]') });
    const downloading = registrar.waitForEvent('download');
    await replyRow.getByRole('button', { name: '下载（可编辑）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(
      `${registered.number}-${zh(LETTER_KIND_WORDS.reply)}.docx`
    );
    const file = fs.readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');

    // The text the applicant reads online.
    await replyRow.getByRole('button', { name: '预览' }).click();
    const preview = registrar.getByTestId('letter-preview');
    await preview.waitFor();
    await expect(preview.innerText()).resolves.toContain('临沂市信访局');
    await screenshot(registrar, 'on-request-letter');
    await registrar.getByRole('dialog').getByRole('button', { name: '关闭' }).last().click();
  },
  180_000
);
