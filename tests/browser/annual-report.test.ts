import fs from 'fs';
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
  createAdminUser,
  createOrganizationTree,
  PASSWORD,
  type OrganizationRef,
} from '../harness/admin-users';
import { usingPostgres } from '../harness/database';
import { policyDocumentData } from '../harness/fixtures';
import { createAdminSession, setClock } from '../harness/strapi';
import {
  TABLE3_COLUMN_WORDS,
  TABLE3_FRAME_WORDS,
  TABLE2_ROW_WORDS,
  TABLE4_COLUMN_WORDS,
} from '../../src/plugins/disclosure/shared/words';

/**
 * 年度报告 / 统计 in a real browser, in 中文, at a city office: its editor (编辑, its own organization)
 * opens the page from the menu and reads 2025's tables 2, 3 and 4 in the national layout, computed
 * from cases, catalogue documents, reconsideration and litigation records seeded through the
 * services, an entered figure marked 填报; the checks pass, then fail once a concluded case without
 * an outcome row is recorded, the failure naming its table, row and column; the region summary shows
 * the city and its counties; the .docx and .xlsx download under the server's names.
 */
// 10:00 in Beijing on 10 February 2026: 2025's report is being written.
const NOW = '2026-02-10T02:00:00.000Z';
const APPLICATION = 'plugin::disclosure.disclosure-application';
const CHALLENGE = 'plugin::disclosure.legal-challenge';
const FIGURE = 'plugin::disclosure.report-figure';
const zh = (word: { 'zh-Hans': string }) => word['zh-Hans'];

let app: BrowserApp;
let browser: Browser;
let orgs: Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>;
let editor: Page;
let superAdmin: { Authorization: string };

let caseSequence = 0;
/** A case as the on-request service leaves it (the workflow is not the point): received, concluded, outcome. */
const makeCase = (
  organization: OrganizationRef,
  fields: {
    applicantType: string;
    receivedOn: string;
    concludedAt?: string;
    outcome?: string;
    outcomeReason?: string | null;
  }
) => {
  caseSequence += 1;
  return app.strapi.db.query(APPLICATION).create({
    data: {
      number: `2025-B${caseSequence}`,
      organization: organization.id,
      year: Number(fields.receivedOn.slice(0, 4)),
      sequence: caseSequence,
      lookupCodeHash: 'x',
      channel: 'in-person',
      applicantName: '申请人（演示）',
      idType: '居民身份证',
      idNumber: '371300199001011234',
      phone: '13900001234',
      address: '临沂市兰山区演示路1号',
      description: '请公开2025年道路建设项目招标文件',
      form: 'electronic',
      status: fields.concludedAt ? 'delivered' : 'assigned',
      submittedAt: new Date(`${fields.receivedOn}T01:00:00Z`),
      ...fields,
    },
  });
};

const published = (organization: OrganizationRef, overrides: Record<string, unknown>) =>
  app.strapi.documents('api::policy-document.policy-document').create({
    data: policyDocumentData(organization.documentId, overrides) as any,
    status: 'published',
  });

beforeAll(async () => {
  app = await startBrowserApp();
  expect(app.strapi.db.dialect.client).toBe(usingPostgres() ? 'postgres' : 'sqlite');
  setClock(app, NOW);
  orgs = await createOrganizationTree(app);

  // ---- Table 3, the city: three new cases concluded in 2025, one carried over and still open.
  await makeCase(orgs.city, {
    applicantType: 'natural-person',
    receivedOn: '2025-03-01',
    concludedAt: '2025-04-01T02:00:00Z',
    outcome: 'disclosed',
  });
  await makeCase(orgs.city, {
    applicantType: 'natural-person',
    receivedOn: '2025-05-06',
    concludedAt: '2025-05-20T02:00:00Z',
    outcome: 'disclosed',
  });
  await makeCase(orgs.city, {
    applicantType: 'commercial-enterprise',
    receivedOn: '2025-06-02',
    concludedAt: '2025-06-20T02:00:00Z',
    outcome: 'not-disclosed',
    outcomeReason: 'state-secret',
  });
  await makeCase(orgs.city, {
    applicantType: 'research-institution',
    receivedOn: '2025-08-01',
    concludedAt: '2025-08-15T02:00:00Z',
    outcome: 'unavailable',
    outcomeReason: 'not-held',
  });
  await makeCase(orgs.city, {
    applicantType: 'legal-service-organization',
    receivedOn: '2024-11-15',
  });
  // The counties: 沂南 one concluded and one open; another city's case is nobody's here.
  await makeCase(orgs.countyA, {
    applicantType: 'natural-person',
    receivedOn: '2025-02-01',
    concludedAt: '2025-02-10T02:00:00Z',
    outcome: 'disclosed',
  });
  await makeCase(orgs.countyA, { applicantType: 'other-organization', receivedOn: '2025-10-01' });
  await makeCase(orgs.otherCity, { applicantType: 'natural-person', receivedOn: '2025-05-01' });

  // ---- Table 2, the city's catalogue: a 规章 and a 行政规范性文件 of 2025, one of 2023, licences.
  const gate = app.strapi.config.get('plugin::disclosure') as {
    publicationGate: { requireInterpretationForNormative: boolean };
  };
  gate.publicationGate.requireInterpretationForNormative = false;
  await published(orgs.city, {
    normativeKind: 'regulation',
    genre: 'order',
    issueDate: '2025-02-01',
  });
  await published(orgs.city, {
    normativeKind: 'regulation',
    genre: 'order',
    issueDate: '2023-05-01',
  });
  await published(orgs.city, {
    isNormative: true,
    normativeKind: 'normative-document',
    issueDate: '2025-03-01',
  });
  await published(orgs.city, {
    category: 'result',
    decisionKind: 'administrative-licensing',
    issueDate: '2025-04-01',
  });
  await published(orgs.city, {
    category: 'result',
    decisionKind: 'administrative-licensing',
    issueDate: '2025-09-01',
  });
  await published(orgs.countyA, { normativeKind: 'regulation', issueDate: '2025-07-01' });
  // Entered by the office: 行政处罚 decisions (replacing the count) and the fees, in 万元.
  const figure = (kind: string, value: number) =>
    app.strapi.db
      .query(FIGURE)
      .create({ data: { organization: orgs.city.id, year: 2025, half: null, kind, value } });
  await figure('administrative-penalty', 7);
  await figure('administrative-fees', 3.5);

  // ---- Table 4: a reconsideration upheld in 2025, a lawsuit still pending.
  const challenge = (fields: Record<string, unknown>) =>
    app.strapi.db.query(CHALLENGE).create({ data: { organization: orgs.city.id, ...fields } });
  await challenge({
    kind: 'reconsideration',
    filedOn: '2025-02-01',
    result: 'upheld',
    decidedOn: '2025-03-01',
    caseNumber: '临复决字〔2025〕1号',
  });
  await challenge({
    kind: 'litigation-direct',
    filedOn: '2025-11-01',
    caseNumber: '（2025）鲁1302行初1号',
  });

  await createAdminUser(app, {
    email: 'editor@linyi.example.gov.cn',
    name: '编辑',
    lastname: '孙',
    roles: ['disclosure-editor'],
    organization: orgs.city,
  });
  superAdmin = { Authorization: `Bearer ${await createAdminSession(app)}` };
  browser = await launchChromium();
  ({ page: editor } = await newDesk(browser, app));
  await signInThroughLoginPage(editor, 'editor@linyi.example.gov.cn', PASSWORD);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const table = (id: 'report-table2' | 'report-table3' | 'report-table4' | 'report-region') =>
  editor.getByTestId(id);
/** A figure as the page shows it, by its table, row and column. */
const figure = (cell: string): Locator =>
  editor.locator(`[data-cell="${cell}"] [data-testid="figure"]`);
const expectFigure = async (cell: string, value: string) =>
  expect((await figure(cell).innerText()).trim()).toBe(value);

deskTest(
  'the editor opens 年度报告 / 统计 from the menu and reads 2025’s tables in the national layout',
  async () => {
    // The menu shows the page to an editor (its role reads annual reports).
    const menuLink = editor.locator('nav a[href="/admin/plugins/disclosure/annual-report"]');
    await menuLink.waitFor();
    await expect(menuLink.getAttribute('aria-label')).resolves.toBe('年度报告 / 统计');
    await menuLink.click();
    await editor.waitForURL(/\/admin\/plugins\/disclosure\/annual-report/);
    await table('report-table3').waitFor();
    await editor.getByRole('heading', { level: 1, name: '年度报告 / 统计' }).waitFor();
    // The account's own organization, 2025 (the year before), the whole year.
    await expect(editor.getByRole('combobox', { name: '机构' }).innerText()).resolves.toContain(
      '临沂市人民政府'
    );
    await expect(editor.getByRole('combobox', { name: '年度' }).innerText()).resolves.toContain(
      '2025'
    );
    await expect(editor.getByRole('combobox', { name: '统计期间' }).innerText()).resolves.toContain(
      '全年'
    );

    // Table 2: counted from the catalogue; the penalties and the fees entered, marked 填报.
    const table2 = table('report-table2');
    await expect(table2.innerText()).resolves.toContain(zh(TABLE2_ROW_WORDS.normativeDocuments));
    await expectFigure('table2:regulations:issued', '1');
    await expectFigure('table2:regulations:valid', '2');
    await expectFigure('table2:normativeDocuments:issued', '1');
    await expectFigure('table2:administrativeLicensing:decisions', '2');
    await expectFigure('table2:administrativePenalty:decisions', '7');
    await expectFigure('table2:administrativeFees:amount', '3.5');
    await expect(
      editor
        .locator('[data-cell="table2:administrativePenalty:decisions"] [data-testid="entered"]')
        .innerText()
    ).resolves.toBe('填报');
    await expect(
      editor
        .locator('[data-cell="table2:administrativeLicensing:decisions"] [data-testid="entered"]')
        .count()
    ).resolves.toBe(0);

    // Table 3: the national columns and rows, each figure in its cell.
    const table3 = table('report-table3');
    const text3 = await table3.innerText();
    for (const column of Object.values(TABLE3_COLUMN_WORDS)) expect(text3).toContain(zh(column));
    for (const frame of ['new', 'carriedOver', 'outcomes', 'total', 'carriedForward'] as const)
      expect(text3).toContain(zh(TABLE3_FRAME_WORDS[frame]));
    expect(text3).toContain('（三）不予公开');
    expect(text3).toContain('1.属于国家秘密');
    expect(text3).toContain('（四）无法提供');
    expect(text3).toContain('1.本机关不掌握相关政府信息');
    // 21 outcome rows between 上年结转 and 总计, each with its label.
    await expect(table3.locator('tbody tr').count()).resolves.toBe(2 + 21 + 2);
    await expectFigure('table3:new:naturalPerson', '2');
    await expectFigure('table3:new:commercialEnterprise', '1');
    await expectFigure('table3:new:researchInstitution', '1');
    await expectFigure('table3:new:total', '4');
    await expectFigure('table3:carriedOver:legalServiceOrganization', '1');
    await expectFigure('table3:disclosed:naturalPerson', '2');
    await expectFigure('table3:notDisclosed.stateSecret:commercialEnterprise', '1');
    await expectFigure('table3:unavailable.notHeld:researchInstitution', '1');
    await expectFigure('table3:total:total', '4');
    await expectFigure('table3:carriedForward:legalServiceOrganization', '1');
    await expectFigure('table3:carriedForward:total', '1');

    // Table 4: the reconsideration upheld, the lawsuit pending.
    const text4 = await table('report-table4').innerText();
    for (const column of Object.values(TABLE4_COLUMN_WORDS)) expect(text4).toContain(zh(column));
    await expectFigure('table4:reconsideration:upheld', '1');
    await expectFigure('table4:reconsideration:total', '1');
    await expectFigure('table4:litigationDirect:pending', '1');
    await expectFigure('table4:litigationAfterReconsideration:total', '0');

    // The checks pass, in Chinese only.
    const checks = editor.getByTestId('report-checks');
    await expect(checks.innerText()).resolves.toContain('核对通过');
    await expect(checks.locator('[data-ok="false"]').count()).resolves.toBe(0);
    await expect(checks.innerText()).resolves.not.toMatch(/table 3|naturalPerson/);
    // No report written yet: the link creates one in the content manager.
    const editLink = editor.getByTestId('report-edit-link');
    await expect(editLink.innerText()).resolves.toContain('新建报告正文');
    await expect(editLink.getAttribute('href')).resolves.toContain(
      '/admin/content-manager/collection-types/api::annual-report.annual-report/create'
    );
    await screenshot(editor, 'annual-report-2025');
  },
  240_000
);

deskTest(
  'a concluded case without an outcome row makes the checks fail, each failure naming its table, row and column',
  async () => {
    // Data from before the outcome rules: 不予公开 with no ground, concluded in 2025.
    await makeCase(orgs.city, {
      applicantType: 'natural-person',
      receivedOn: '2025-09-01',
      concludedAt: '2025-09-20T02:00:00Z',
      outcome: 'not-disclosed',
      outcomeReason: null,
    });
    // Asked again: another period and back.
    await editor.getByRole('combobox', { name: '统计期间' }).click();
    await editor.getByRole('option', { name: '下半年', exact: true }).click();
    await editor.getByText('统计期间：2025-07-01 至 2025-12-31').waitFor();
    await editor.getByRole('combobox', { name: '统计期间' }).click();
    await editor.getByRole('option', { name: '全年', exact: true }).click();
    await editor.getByText('统计期间：2025-01-01 至 2025-12-31').waitFor();

    const checks = editor.getByTestId('report-checks');
    await checks.getByText(/核对未通过/).waitFor();
    const failures = await checks.locator('[data-ok="false"]').allInnerTexts();
    expect(failures.length).toBeGreaterThan(0);
    // 新收 counts the case, no outcome row does: the balance fails in the 自然人 and 总计 columns.
    expect(failures).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^✗ 表三“自然人”列：新收 3 \+ 上年结转 0 ≠ 总计 2 \+ 结转下年度 0$/),
        expect.stringMatching(/^✗ 表三“总计”列：/),
        expect.stringMatching(/^✗ 表三“三、本年度办理结果”：1 件已办结申请没有可归入的办理结果$/),
      ])
    );
    // Failures come first, in the danger colour.
    await expect(checks.locator('li').first().getAttribute('data-ok')).resolves.toBe('false');
  },
  180_000
);

deskTest(
  'the region summary: the city and its counties, each on its own row, and their sum',
  async () => {
    await editor.getByRole('switch', { name: '区域汇总' }).click();
    const region = table('report-region');
    await region.waitFor();
    const rows = region.getByTestId('region-row');
    await expect(
      rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-organization')))
    ).resolves.toEqual([orgs.city.code, orgs.countyA.code, orgs.countyB.code]);
    await expect(rows.nth(0).innerText()).resolves.toContain('临沂市人民政府');
    await expect(rows.nth(1).innerText()).resolves.toContain('沂南县人民政府');
    await expectFigure(`region:${orgs.city.code}:new`, '5');
    await expectFigure(`region:${orgs.countyA.code}:new`, '2');
    await expectFigure(`region:${orgs.countyB.code}:new`, '0');
    await expectFigure(`region:${orgs.countyA.code}:regulations`, '1');
    await expectFigure('region:sum:new', '7');
    await expectFigure('region:sum:regulations', '2');
    // The tables above are the region's: 沂南's cases counted in.
    await expectFigure('table3:new:total', '7');
    await expectFigure('table3:carriedForward:otherOrganization', '1');
    await expect(editor.getByText('临沂市人民政府（区域汇总）').count()).resolves.toBe(1);
    await screenshot(editor, 'annual-report-2025-region');
    await editor.getByRole('switch', { name: '区域汇总' }).click();
    await region.waitFor({ state: 'detached' });
  },
  180_000
);

deskTest(
  'the report downloads as .docx and .xlsx under the names the server gives',
  async () => {
    for (const [format, button, magic] of [
      ['docx', '下载报告（Word）', 'PK'],
      ['xlsx', '下载统计表（Excel）', 'PK'],
    ] as const) {
      // The name the server gives the file (the same for any account that may read it).
      const answer = await app
        .http()
        .get('/disclosure/annual-report/document')
        .query({ organization: orgs.city.code, year: 2025, format })
        .set(superAdmin);
      expect(answer.status).toBe(200);
      const encoded = /filename\*=UTF-8''([^;]+)/.exec(answer.headers['content-disposition']);
      expect(encoded).not.toBeNull();
      const [download] = await Promise.all([
        editor.waitForEvent('download'),
        editor.getByRole('button', { name: button }).click(),
      ]);
      const file = await download.path();
      const bytes = fs.readFileSync(file!);
      expect(bytes.length).toBeGreaterThan(1000);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe(magic);
      expect(download.suggestedFilename()).toBe(decodeURIComponent(encoded![1]));
      expect(download.suggestedFilename()).toMatch(new RegExp(`2025.*\\.${format}$`));
    }
  },
  180_000
);

deskTest(
  'once the report is written, the link opens it in the content manager',
  async () => {
    const created: { documentId: string } = await app.strapi
      .documents('api::annual-report.annual-report')
      .create({ data: { organization: orgs.city.documentId, year: 2025 } as any });
    // Asked again: another year and back.
    await editor.getByRole('combobox', { name: '年度' }).click();
    await editor.getByRole('option', { name: '2024 年', exact: true }).click();
    await editor.getByText('统计期间：2024-01-01 至 2024-12-31').waitFor();
    const editLink = editor.getByTestId('report-edit-link');
    await expect(editLink.innerText()).resolves.toContain('新建报告正文');
    await editor.getByRole('combobox', { name: '年度' }).click();
    await editor.getByRole('option', { name: '2025 年', exact: true }).click();
    await editor.getByText('统计期间：2025-01-01 至 2025-12-31').waitFor();
    await editor.getByRole('link', { name: '编辑报告正文' }).waitFor();
    await expect(editLink.getAttribute('href')).resolves.toContain(
      `/admin/content-manager/collection-types/api::annual-report.annual-report/${created.documentId}`
    );
    await editLink.click();
    await editor.waitForURL(new RegExp(`/${created.documentId}`));
    const title = editor.locator('input[name="title"]');
    await title.waitFor();
    await expect(title.inputValue()).resolves.toBe('临沂市人民政府2025年政府信息公开工作年度报告');
  },
  180_000
);
