import type { Browser, Page } from 'playwright-core';
import { createAdminUser, createOrganizationTree, PASSWORD } from '../harness/admin-users';
import {
  deskTest,
  launchChromium,
  newDesk,
  screenshot,
  signInThroughLoginPage,
  startBrowserApp,
  type BrowserApp,
} from '../harness/browser';
import { setClock } from '../harness/strapi';

/**
 * Settings → 政务公开 in a real browser: the holiday calendar warns that next year has no schedule and
 * takes the office's own holiday, which deadlines count at once; the conversion dictionary takes a
 * phrase, which conversion uses at once; the deadline rules are shown as configured. An editor without
 * the settings permission reads the pages but is offered no change.
 */
const NOW = '2026-03-10T02:00:00.000Z';

let app: BrowserApp;
let browser: Browser;
let manager: Page;

beforeAll(async () => {
  app = await startBrowserApp();
  setClock(app, NOW);
  const orgs = await createOrganizationTree(app);
  await createAdminUser(app, {
    email: 'settings.admin@example.gov.cn',
    name: '管理员',
    lastname: '市',
    roles: ['strapi-super-admin'],
    organization: null,
  });
  await createAdminUser(app, {
    email: 'county.editor@example.gov.cn',
    name: '编辑',
    lastname: '沂南县',
    roles: ['disclosure-editor'],
    organization: orgs.countyA,
  });
  browser = await launchChromium();
  ({ page: manager } = await newDesk(browser, app));
  await signInThroughLoginPage(manager, 'settings.admin@example.gov.cn', PASSWORD);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

deskTest(
  'the holiday calendar flags next year’s missing schedule, and an office holiday counts in deadlines at once',
  async () => {
    const workingDayAfter = async () =>
      (
        await app
          .http()
          .get('/api/disclosure/working-days/add')
          .query({ from: '2026-05-29', days: 1 })
      ).body.data.date;
    // Friday 29 May 2026: the next working day is Monday 1 June, until the office declares it a holiday.
    expect(await workingDayAfter()).toBe('2026-06-01');

    await manager.goto('/admin/settings/disclosure/calendar');
    await expect(manager.getByTestId('calendar-year').textContent()).resolves.toMatch(/2026/);
    await expect(manager.getByTestId('next-year-schedule-missing').textContent()).resolves.toMatch(
      /2027 年节假日安排尚未录入/
    );

    await manager.locator('input[type="date"]').fill('2026-06-01');
    await manager.getByLabel('名称').fill('防汛应急休息日（演示）');
    await manager.getByRole('button', { name: '录入' }).click();
    await manager.getByTestId('office-days-table').getByText('2026-06-01').waitFor();
    expect(await workingDayAfter()).toBe('2026-06-02');
    await screenshot(manager, 'settings-calendar');
  },
  120_000
);

deskTest(
  'the conversion dictionary takes a phrase pair that conversion uses at once',
  async () => {
    const convert = async () =>
      (
        await app
          .http()
          .post('/api/disclosure/convert')
          .send({ text: '沂南县便民服务中心', from: 'zh-Hans', to: 'zh-Hant' })
      ).body.data.text;
    expect(await convert()).toBe('沂南縣便民服務中心');

    // The admin's permissions arriving after the page has opened (a busy server) still show the controls.
    await manager.route('**/admin/users/me/permissions', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    try {
      await manager.goto('/admin/settings/disclosure/conversion-dictionary');
      await manager.getByRole('button', { name: '新增词条' }).click({ timeout: 10_000 });
    } finally {
      await manager.unroute('**/admin/users/me/permissions');
    }
    const dialog = manager.getByRole('dialog');
    await dialog.getByLabel('简体').fill('便民服务中心');
    await dialog.getByLabel('繁体').fill('便民服務中心（演示）');
    await dialog.getByRole('button', { name: /保存/ }).click();
    await manager
      .getByTestId('conversion-terms-table')
      .getByText('便民服务中心', { exact: true })
      .waitFor();
    expect(await convert()).toBe('沂南縣便民服務中心（演示）');
  },
  120_000
);

deskTest(
  'the deadline rules are listed as configured, and an editor without the permission is offered no change',
  async () => {
    await manager.goto('/admin/settings/disclosure/deadline-rules');
    const rules = manager.getByTestId('deadline-rules-table');
    await rules.getByText('政府及部门印发的主动公开文件印发当日公开').waitFor();
    await expect(rules.textContent()).resolves.toMatch(/Zhanjiang 2015 §1\(二\)2/);

    const { page: editor, context } = await newDesk(browser, app);
    try {
      await signInThroughLoginPage(editor, 'county.editor@example.gov.cn', PASSWORD);
      await editor.goto('/admin/settings/disclosure/calendar');
      await editor.getByTestId('calendar-year').waitFor();
      await editor.getByTestId('office-days-table').getByText('2026-06-01').waitFor();
      expect(await editor.getByRole('button', { name: '录入' }).count()).toBe(0);
      expect(await editor.getByRole('button', { name: '删除' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  },
  120_000
);

deskTest(
  'deleting an office day is asked for twice, and deadlines count without it at once',
  async () => {
    const workingDayAfter = async () =>
      (
        await app
          .http()
          .get('/api/disclosure/working-days/add')
          .query({ from: '2026-05-29', days: 1 })
      ).body.data.date;
    expect(await workingDayAfter()).toBe('2026-06-02');
    await manager.goto('/admin/settings/disclosure/calendar');
    const table = manager.getByTestId('office-days-table');
    await table.getByText('2026-06-01').waitFor();

    // Cancelled: nothing happens.
    await table.getByRole('button', { name: '删除' }).click();
    const confirm = manager.getByRole('alertdialog');
    await expect(confirm.textContent()).resolves.toMatch(
      /确定删除“2026-06-01 放假（防汛应急休息日（演示））”吗/
    );
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await table.getByText('2026-06-01').count()).toBe(1);
    expect(await workingDayAfter()).toBe('2026-06-02');

    // Confirmed: gone from the table and from the calendar deadlines use.
    await table.getByRole('button', { name: '删除' }).click();
    await confirm.getByRole('button', { name: '确认' }).click();
    await table.getByText('2026-06-01').waitFor({ state: 'detached' });
    expect(await workingDayAfter()).toBe('2026-06-01');
  },
  120_000
);
