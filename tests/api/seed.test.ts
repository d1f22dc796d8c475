import { seedDemoContent, seedDemoContentOnFirstRun } from '../../src/seed';
import { DEMO_ORGANIZATIONS } from '../../src/seed/organizations';
import { startApp, type TestApp } from '../harness/strapi';

const UIDS = [
  'api::organization.organization',
  'api::policy-document.policy-document',
  'api::interpretation.interpretation',
  'api::consultation.consultation',
  'api::consultation-feedback.consultation-feedback',
  'api::press-release.press-release',
] as const;

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ seed: true });
});
afterAll(async () => {
  await app?.stop();
});

const countAll = async () => {
  const counts: Record<string, number> = {};
  for (const uid of UIDS) counts[uid] = await app.strapi.db.query(uid).count();
  return counts;
};

describe('demo catalogue', () => {
  test('the first start of an empty database seeds the catalogue from the real policies', async () => {
    const res = await app
      .http()
      .get('/api/policy-documents')
      .query({ 'pagination[pageSize]': 100, sort: 'indexNumber' });
    expect(res.status).toBe(200);
    const byNumber = Object.fromEntries(
      res.body.data.map((d: any) => [d.documentNumber ?? d.title, d])
    );
    expect(res.body.data).toHaveLength(7);

    const shandong = byNumber['鲁政办发〔2014〕8号'];
    expect(shandong.title).toBe(
      '山东省人民政府办公厅印发关于进一步加强政府信息公开工作实施方案的通知'
    );
    expect(shandong.writtenDate).toBe('2014-02-19');
    expect(shandong.issueDate).toBe('2014-02-20');
    expect(shandong.indexNumber).toBe('370000001/2014-00001');
    expect(shandong.genre).toBe('notice');
    expect(shandong.body.length).toBeGreaterThan(10);
    expect(byNumber['辽政办发〔2013〕61号'].writtenDate).toBe('2013-11-30');
    expect(byNumber['国办发〔2013〕100号'].indexNumber).toBe('000014349/2013-00001');
  });

  test('documents cite what they implement; interpretations and press are tied to them', async () => {
    const res = await app.http().get('/api/policy-documents').query({
      'filters[documentNumber][$eq]': '鲁政办发〔2014〕8号',
      populate: 'implements,interpretations,issuingOrganization',
    });
    const shandong = res.body.data[0];
    expect(shandong.implements.map((d: any) => d.documentNumber)).toEqual(['国办发〔2013〕100号']);
    expect(shandong.interpretations.map((i: any) => i.title)).toEqual([
      '《关于进一步加强政府信息公开工作实施方案》解读',
    ]);
    expect(shandong.issuingOrganization.name).toBe('山东省人民政府办公厅');

    const press = await app
      .http()
      .get('/api/press-releases')
      .query({ populate: 'relatedDocuments' });
    expect(press.body.data[0].relatedDocuments[0].documentNumber).toBe('鲁政办发〔2014〕8号');
  });

  test('one consultation is open around the day of seeding, one is closed with its results', async () => {
    const res = await app
      .http()
      .get('/api/consultations')
      .query({ populate: 'result', sort: 'startDate:desc' });
    expect(res.body.data).toHaveLength(2);
    const [open, closed] = res.body.data;
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    expect(days(open.startDate, open.endDate)).toBe(33);
    expect(open.result).toBeNull();
    expect(closed.endDate).toBe('2024-08-31');
    // Counted from the feedback: adopted and partly adopted.
    expect(closed.result).toMatchObject({ receivedCount: 3, adoptedCount: 2 });
    expect(JSON.stringify(res.body)).not.toMatch(/市民1|1380000000/);
  });

  test('organizations form the hierarchy province → city → county', async () => {
    const res = await app
      .http()
      .get('/api/organizations')
      .query({ 'filters[code][$eq]': '370124000', populate: { parent: { populate: 'parent' } } });
    const county = res.body.data[0];
    expect(county.level).toBe('county');
    expect(county.parent.name).toBe('济南市人民政府');
    expect(county.parent.parent.name).toBe('山东省人民政府');
  });

  test('a second start, or `npm run seed`, adds nothing', async () => {
    const before = await countAll();
    expect(before['api::organization.organization']).toBe(DEMO_ORGANIZATIONS.length * 2); // zh-Hans and zh-Hant
    await seedDemoContentOnFirstRun(app.strapi);
    const report = await seedDemoContent(app.strapi, '2026-03-10');
    expect(report.created).toEqual({});
    expect(await countAll()).toEqual(before);
  });
});
