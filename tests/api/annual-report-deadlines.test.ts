import { createOrganizationTree, type OrganizationRef } from '../harness/admin-users';
import { usingPostgres } from '../harness/database';
import { approvedReview } from '../harness/fixtures';
import {
  createAdminSession,
  createFullAccessToken,
  setClock,
  startApp,
  type TestApp,
} from '../harness/strapi';

/**
 * The annual report and the half-year statistics as tracked deadlines (issue 26): a record per
 * organization and period, opened when the period ends whether or not the office writes its report;
 * due 31 January (a department, a township) or 31 March (a county-level or higher government), 10 July
 * and 10 January for the halves, at the end of that Beijing day; met when the report is published;
 * on the dashboard's due-today list and the compliance report.
 */
const REPORT = 'api::annual-report.annual-report';
const DEADLINE = 'plugin::disclosure.deadline';

let app: TestApp;
let token: string;
let orgs: Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>;
let department: OrganizationRef;
let township: OrganizationRef;

const reports = () => app.strapi.documents(REPORT as any);
const service = (name: string) => app.strapi.plugin('disclosure').service(name);
const recordsOf = (organization: OrganizationRef, rule: string, key: string) =>
  app.strapi.db.query(DEADLINE).findMany({
    where: { rule, itemDocumentId: `${organization.documentId}:${key}` },
    populate: { organization: { select: ['code'] } },
  });
const recordOf = async (organization: OrganizationRef, rule: string, key: string) => {
  const records = await recordsOf(organization, rule, key);
  expect(records).toHaveLength(1);
  return records[0];
};

beforeAll(async () => {
  app = await startApp();
  expect(app.strapi.db.dialect.client).toBe(usingPostgres() ? 'postgres' : 'sqlite');
  token = await createFullAccessToken(app.strapi);
  setClock(app, '2025-12-20T02:00:00Z');
  orgs = await createOrganizationTree(app);
  const organization = async (name: string, code: string, level: string) => {
    const created: any = await app.strapi.documents('api::organization.organization').create({
      data: { name, code, level, parent: orgs.city.documentId } as any,
    });
    return { id: created.id, documentId: created.documentId, code: created.code };
  };
  department = await organization('临沂市财政局', '371300101', 'department');
  township = await organization('兰山街道办事处', '371302001', 'township');
});

afterAll(async () => {
  await app?.stop();
});

describe('when the year ends', () => {
  test('every organization owes its annual report and its second-half statistics', async () => {
    // Before the year ends: 2024's report and 2025's first half, nothing for the year 2025 yet.
    expect(await service('report-deadlines').openPeriods()).toBe(12);
    expect((await recordOf(department, 'annual-report', '2024')).dueDate).toBe('2025-01-31');
    expect(await recordsOf(orgs.city, 'annual-report', '2025')).toHaveLength(0);
    expect((await recordOf(orgs.city, 'half-year-statistics', '2025:H1')).dueDate).toBe(
      '2025-07-10'
    );
    // 00:30 on 1 January, Beijing time.
    setClock(app, '2025-12-31T16:30:00Z');
    expect(await service('report-deadlines').openPeriods()).toBe(12);
    expect(await service('report-deadlines').openPeriods()).toBe(0);
    const due = async (organization: OrganizationRef) =>
      (await recordOf(organization, 'annual-report', '2025')).dueDate;
    expect(await due(department)).toBe('2026-01-31');
    expect(await due(township)).toBe('2026-01-31');
    expect(await due(orgs.city)).toBe('2026-03-31');
    expect(await due(orgs.countyA)).toBe('2026-03-31');
    const city = await recordOf(orgs.city, 'annual-report', '2025');
    expect(city).toMatchObject({
      contentType: REPORT,
      title: '临沂市人民政府2025年政府信息公开工作年度报告',
      status: 'pending',
      atRisk: false,
      metAt: null,
    });
    // Due at the end of 31 March, Beijing time.
    expect(new Date(city.dueAt).toISOString()).toBe('2026-03-31T16:00:00.000Z');
    const half = await recordOf(orgs.city, 'half-year-statistics', '2025:H2');
    expect(half.dueDate).toBe('2026-01-10');
    expect(half.title).toBe('临沂市人民政府2025年下半年政府信息公开工作统计报告');
  });
});

describe('the office’s report', () => {
  let reportId: string;

  test('written: it takes the period’s record over, no second record', async () => {
    setClock(app, '2026-01-20T02:00:00Z');
    const created: any = await reports().create({
      data: {
        organization: department.documentId,
        year: 2025,
        title: '临沂市财政局2025年政府信息公开工作年度报告（送审稿）',
        confidentialityReview: approvedReview,
      } as any,
    });
    reportId = created.documentId;
    const record = await recordOf(department, 'annual-report', '2025');
    expect(record).toMatchObject({
      status: 'pending',
      dueDate: '2026-01-31',
      title: '临沂市财政局2025年政府信息公开工作年度报告（送审稿）',
      metAt: null,
    });
    expect(record.organization.code).toBe('371300101');
    const stored = await app.strapi.db
      .query(REPORT as any)
      .findOne({ where: { documentId: reportId, locale: 'zh-Hans', publishedAt: null } });
    expect(stored.dueOn).toBe('2026-01-31');
  });

  test('due today on 31 January: on the dashboard’s list, opening the year’s reports', async () => {
    setClock(app, '2026-01-31T01:00:00Z');
    const { today, items } = await service('compliance').dueToday(null);
    expect(today).toBe('2026-01-31');
    const owed = items.filter((item: any) => item.rule === 'annual-report');
    expect(owed.map((item: any) => item.organization.code).sort()).toEqual([
      '371300101',
      '371302001',
    ]);
    expect(owed[0].editPath).toBe(
      `/admin/content-manager/collection-types/${REPORT}?filters[$and][0][year][$eq]=2025`
    );
    await service('deadlines').sweep();
    expect((await recordOf(department, 'annual-report', '2025')).atRisk).toBe(true);
  });

  test('published at 23:30 on the due day, Beijing time: met', async () => {
    setClock(app, '2026-01-31T15:30:00Z');
    await reports().publish({ documentId: reportId } as any);
    const record = await recordOf(department, 'annual-report', '2025');
    expect(record).toMatchObject({ status: 'met', lateness: 0 });
    // The clock runs on from 23:30 while the report is published.
    expect(new Date(record.metAt).toISOString()).toMatch(/^2026-01-31T15:30:0/);
    // The report's side panel shows its period's deadline.
    const panel = await app
      .http()
      .get('/disclosure/item-status')
      .query({ contentType: REPORT, documentId: reportId })
      .set({ Authorization: `Bearer ${await createAdminSession(app)}` });
    expect(panel.status).toBe(200);
    expect(panel.body.data.deadlines).toEqual([
      expect.objectContaining({ rule: 'annual-report', status: 'met', dueDate: '2026-01-31' }),
    ]);
    // Public, without its due date (a field of the office's).
    const list = await app.http().get('/api/annual-reports').query({ locale: 'zh-Hans' });
    expect(list.body.data.map((report: any) => report.documentId)).toEqual([reportId]);
    expect(JSON.stringify(list.body)).not.toContain('dueOn');
  });

  test('never written: overdue the day after, by the sweep', async () => {
    await service('deadlines').sweep(new Date('2026-01-31T16:10:00Z'));
    expect((await recordOf(township, 'annual-report', '2025')).status).toBe('overdue');
    expect((await recordOf(orgs.city, 'annual-report', '2025')).status).toBe('pending');
    expect((await recordOf(orgs.city, 'half-year-statistics', '2025:H2')).status).toBe('overdue');
    await service('deadlines').sweep(new Date('2026-03-31T16:10:00Z'));
    expect((await recordOf(orgs.city, 'annual-report', '2025')).status).toBe('overdue');
  });

  test('the compliance report counts them by rule, with the rule’s words and source', async () => {
    setClock(app, '2026-04-01T02:00:00Z');
    const res = await app
      .http()
      .get('/api/disclosure/compliance')
      .query({ from: '2026-01-01', to: '2026-04-30' })
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const byRule = res.body.data.onTimeRate.byRule.find((row: any) => row.rule === 'annual-report');
    expect(byRule).toMatchObject({
      total: 6,
      met: 1,
      overdue: 5,
      source: '政府信息公开条例 (2019) 第四十九条',
    });
    expect(byRule.label).toContain('部门1月31日前、县级以上人民政府3月31日前');
    expect(
      res.body.data.items.met.some(
        (item: any) => item.rule === 'annual-report' && item.organization.code === '371300101'
      )
    ).toBe(true);
  });
});

describe('the half-year statistics', () => {
  test('written before the half ends: its record is made with it, and the period adds none', async () => {
    setClock(app, '2026-05-01T02:00:00Z');
    await reports().create({
      data: { organization: orgs.city.documentId, year: 2026, half: 1 } as any,
    });
    const record = await recordOf(orgs.city, 'half-year-statistics', '2026:H1');
    expect(record).toMatchObject({ status: 'pending', dueDate: '2026-07-10' });
    expect(new Date(record.dueAt).toISOString()).toBe('2026-07-10T16:00:00.000Z');
    // The annual report's rule does not track the half-year statistics.
    expect(await recordsOf(orgs.city, 'annual-report', '2026:H1')).toHaveLength(0);
    setClock(app, '2026-06-30T16:05:00Z'); // 00:05 on 1 July
    expect(await service('report-deadlines').openPeriods()).toBe(5);
    expect(await recordsOf(orgs.city, 'half-year-statistics', '2026:H1')).toHaveLength(1);
  });

  test('a report deleted leaves its period owing', async () => {
    const created: any = await reports().create({
      data: { organization: orgs.countyA.documentId, year: 2026, half: 1 } as any,
    });
    expect((await recordOf(orgs.countyA, 'half-year-statistics', '2026:H1')).title).toBe(
      '沂南县人民政府2026年上半年政府信息公开工作统计报告'
    );
    await reports().delete({ documentId: created.documentId, locale: '*' } as any);
    expect(
      await app.strapi.db.query(REPORT as any).count({ where: { documentId: created.documentId } })
    ).toBe(0);
    expect((await recordOf(orgs.countyA, 'half-year-statistics', '2026:H1')).status).toBe(
      'pending'
    );
  });
});
