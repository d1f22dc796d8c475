import { seedDemoContent } from '../../src/seed';
import { startApp, type TestApp } from '../harness/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ seed: true });
});
afterAll(async () => {
  await app?.stop();
});

const countAll = async () => {
  const uids = [
    'api::organization.organization',
    'api::policy-document.policy-document',
    'api::interpretation.interpretation',
    'api::consultation.consultation',
    'api::consultation-feedback.consultation-feedback',
    'api::press-release.press-release',
  ] as const;
  const counts: Record<string, number> = {};
  for (const uid of uids) counts[uid] = await app.strapi.db.query(uid).count();
  return counts;
};

test('first start seeds the demo catalogue from the real policies', async () => {
  const res = await app.http().get('/api/policy-documents').query({ 'pagination[pageSize]': 100 });
  expect(res.status).toBe(200);
  console.log(JSON.stringify(res.body.data.map((d: any) => [d.title, d.documentNumber, d.indexNumber, d.issueDate]), null, 1));
});

test('seeding again adds nothing', async () => {
  const before = await countAll();
  const report = await seedDemoContent(app.strapi, '2026-03-10');
  expect(report.created).toEqual({});
  expect(await countAll()).toEqual(before);
});
