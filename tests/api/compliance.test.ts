import { approvedReview } from '../harness/fixtures';
import {
  createAdminSession,
  createFullAccessToken,
  setClock,
  startApp,
  type TestApp,
} from '../harness/strapi';

const DOC = 'api::policy-document.policy-document';

let app: TestApp;
let token: string;
const orgs: Record<string, string> = {};

const publishAt = async (iso: string, documentId: string) => {
  setClock(app, iso);
  await app.strapi.documents(DOC).publish({ documentId });
};
const document = (
  organization: string,
  issueDate: string,
  overrides: Record<string, unknown> = {}
) =>
  app.strapi.documents(DOC).create({
    data: {
      title: `${organization}-${issueDate}-${Math.random().toString(36).slice(2, 6)}`,
      issuingOrganization: orgs[organization],
      category: 'decision',
      issueDate,
      confidentialityReview: approvedReview,
      ...overrides,
    } as any,
  });
const report = (query: Record<string, string> = {}) =>
  app.http().get('/api/disclosure/compliance').query(query).set('Authorization', `Bearer ${token}`);

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  for (const [code, name] of [
    ['370124001', '平阴县人民政府办公室'],
    ['370100001', '济南市人民政府办公厅'],
  ]) {
    orgs[code] = (
      await app.strapi
        .documents('api::organization.organization')
        .create({ data: { name, code, level: 'department' } as any })
    ).documentId;
  }
  // County: one on time, one a day late, one never published. City: one on time.
  setClock(app, '2026-03-02T01:00:00Z');
  const onTime = await document('370124001', '2026-03-02');
  const late = await document('370124001', '2026-03-02');
  await document('370124001', '2026-03-03');
  const cityOnTime = await document('370100001', '2026-03-02');
  await publishAt('2026-03-02T08:00:00Z', onTime.documentId);
  await publishAt('2026-03-02T16:30:00Z', late.documentId);
  await publishAt('2026-03-02T09:00:00Z', cityOnTime.documentId);
  // A press release the county published in early March, and nothing since.
  setClock(app, '2026-03-05T01:00:00Z');
  await app.strapi.documents('api::press-release.press-release').create({
    status: 'published',
    data: {
      title: '县新闻稿',
      kind: 'press-release',
      organization: orgs['370124001'],
      heldAt: '2026-03-05T01:00:00Z',
      confidentialityReview: approvedReview,
    } as any,
  });
  // The report is read a month later; the sweep has run.
  setClock(app, '2026-04-01T02:00:00Z');
  await app.strapi.plugin('disclosure').service('deadlines').sweep();
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/disclosure/compliance', () => {
  test('items by status, on-time rates per organization and per rule', async () => {
    const res = await report();
    expect(res.status).toBe(200);
    const { data } = res.body;
    expect(data.counts).toMatchObject({ total: 5, met: 3, late: 1, overdue: 1, pending: 0 });
    expect(data.onTimeRate.overall).toBe(0.6);
    const byCode = Object.fromEntries(
      data.onTimeRate.byOrganization.map((row: any) => [row.organization.code, row])
    );
    expect(byCode['370124001']).toMatchObject({ met: 2, late: 1, overdue: 1, rate: 0.5 });
    expect(byCode['370100001']).toMatchObject({ met: 1, rate: 1 });
    const sameDay = data.onTimeRate.byRule.find((row: any) => row.rule === 'document-same-day');
    expect(sameDay).toMatchObject({
      total: 4,
      met: 2,
      late: 1,
      overdue: 1,
      source: 'Zhanjiang 2015 §1(二)2',
    });
    expect(data.items.late[0]).toMatchObject({
      lateness: 1,
      latenessUnit: 'working-days',
      dueDate: '2026-03-02',
    });
    expect(data.items.overdue[0].editPath).toMatch(
      /^\/admin\/content-manager\/collection-types\/api::policy-document\.policy-document\//
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  test('stale columns: the county press column has had nothing for 27 days', async () => {
    const { data } = (await report()).body;
    expect(data.staleColumns).toEqual([
      expect.objectContaining({
        contentType: 'api::press-release.press-release',
        organization: expect.objectContaining({ code: '370124001' }),
        daysSinceLastItem: 27,
        window: { days: 14 },
      }),
    ]);
  });

  test('filtered by organization (code or documentId) and by due date in Beijing time', async () => {
    const county = (await report({ organization: '370124001' })).body.data;
    expect(county.organization).toEqual({
      documentId: orgs['370124001'],
      code: '370124001',
      name: '平阴县人民政府办公室',
    });
    expect(county.counts.total).toBe(4);
    expect((await report({ organization: orgs['370100001'] })).body.data.counts.total).toBe(1);

    const secondOfMarch = (await report({ from: '2026-03-02', to: '2026-03-02' })).body.data;
    expect(secondOfMarch.counts.total).toBe(3);
    expect((await report({ from: '2026-03-03' })).body.data.counts).toMatchObject({
      total: 2,
      overdue: 1,
    });
  });

  test.each([
    [{ from: '2026-3-1' }, 'from'],
    [{ from: '2026-03-05', to: '2026-03-01' }, 'to'],
    [{ organization: 'no-such-office' }, 'organization'],
  ])('bad input %o answers 400 naming %s', async (query, parameter) => {
    const res = await report(query as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual([parameter]);
  });

  test('never public', async () => {
    const res = await app.http().get('/api/disclosure/compliance');
    expect([401, 403]).toContain(res.status);
    expect(JSON.stringify(res.body)).not.toMatch(/onTimeRate/);
  });

  test('a permission of its own: a custom token granted `report` reads it; read-only and find-only tokens do not', async () => {
    const tokenWith = async (type: string, permissions?: string[]) =>
      (
        await app.strapi.service('admin::api-token').create({
          name: `t-${type}-${permissions?.length ?? 0}`,
          type,
          lifespan: null,
          ...(permissions ? { permissions } : {}),
        })
      ).accessKey;
    const ask = (key: string) =>
      app.http().get('/api/disclosure/compliance').set('Authorization', `Bearer ${key}`);
    const granted = await ask(await tokenWith('custom', ['plugin::disclosure.compliance.report']));
    expect(granted.status).toBe(200);
    expect(granted.body.data.counts.total).toBe(5);
    expect(
      (await ask(await tokenWith('custom', ['api::policy-document.policy-document.find']))).status
    ).toBe(403);
    expect((await ask(await tokenWith('read-only'))).status).toBe(403);
  });

  test('the same report for the admin panel, to signed-in admins only', async () => {
    expect((await app.http().get('/disclosure/compliance')).status).toBe(401);
    const adminToken = await createAdminSession(app);
    const res = await app
      .http()
      .get('/disclosure/compliance')
      .set('Authorization', `Bearer ${adminToken}`);
    expect(res.status).toBe(200);
    expect(res.body.data.counts.total).toBe(5);
  });
});

describe('press conferences (新闻发布), quarterly', () => {
  test('livelihood-related organizations with no press conference this quarter are listed', async () => {
    const organizations = app.strapi.documents('api::organization.organization');
    const releases = app.strapi.documents('api::press-release.press-release');
    const labour = await organizations.create({
      data: {
        name: '济南市人力资源和社会保障局',
        code: '370100060',
        level: 'department',
        livelihoodRelated: true,
      } as any,
    });
    const health = await organizations.create({
      data: {
        name: '济南市医疗保障局',
        code: '370100070',
        level: 'department',
        livelihoodRelated: true,
      } as any,
    });
    const conference = (organization: string, heldAt: string, kind = 'press-conference') =>
      releases.create({
        status: 'published',
        data: {
          title: `发布会 ${heldAt}`,
          kind,
          organization,
          heldAt,
          confidentialityReview: approvedReview,
        } as any,
      });
    setClock(app, '2026-05-20T02:00:00Z');
    await conference(labour.documentId, '2026-04-10T02:00:00.000Z');
    await conference(health.documentId, '2026-03-20T02:00:00.000Z'); // last quarter
    await conference(health.documentId, '2026-05-10T02:00:00.000Z', 'press-release'); // not a conference

    const { data } = (await report()).body;
    expect(data.pressConferences).toEqual({
      label: '2026-Q2',
      from: '2026-04-01',
      to: '2026-06-30',
      missing: [{ documentId: health.documentId, code: '370100070', name: '济南市医疗保障局' }],
    });
    // A conference at 01:00 on 1 July in Beijing (30 June UTC) belongs to the third quarter.
    setClock(app, '2026-07-02T02:00:00Z');
    await conference(health.documentId, '2026-06-30T17:00:00.000Z');
    expect(
      (await report()).body.data.pressConferences.missing.map(
        (organization: any) => organization.code
      )
    ).toEqual(['370100060']);
  });
});
