import { policyDocumentData } from '../harness/fixtures';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';

/** Simultaneous writes that compete for the same number (索引号) get distinct ones, or a clear refusal. */
let app: TestApp;
let token: string;
let office: string;

const post = (data: Record<string, unknown>) =>
  app
    .http()
    .post('/api/policy-documents')
    .query({ status: 'draft' })
    .set('Authorization', `Bearer ${token}`)
    .send({ data });

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  office = (
    await app.strapi.documents('api::organization.organization').create({
      data: {
        name: '济南市人民政府办公厅',
        code: '370100001',
        level: 'department',
        regionCode: '370100',
      } as any,
    })
  ).documentId;
});

afterAll(async () => {
  await app?.stop();
});

test('six documents of one issuer created at once get six consecutive index numbers', async () => {
  const responses = await Promise.all(
    Array.from({ length: 6 }, () => post(policyDocumentData(office)))
  );
  expect(responses.map((response) => response.status)).toEqual(Array(6).fill(201));
  const numbers = responses.map((response) => response.body.data.indexNumber).sort();
  expect(numbers).toEqual([
    '370100001/2026-00001',
    '370100001/2026-00002',
    '370100001/2026-00003',
    '370100001/2026-00004',
    '370100001/2026-00005',
    '370100001/2026-00006',
  ]);
});

test('two documents given the same index number at once: one is created, the other refused with a message', async () => {
  const indexNumber = '370100001/2026-00900';
  const responses = await Promise.all([
    post(policyDocumentData(office, { indexNumber })),
    post(policyDocumentData(office, { indexNumber })),
  ]);
  expect(responses.map((response) => response.status).sort()).toEqual([201, 400]);
  const refused = responses.find((response) => response.status === 400)!;
  expect(refused.body.error.message).toMatch(/^索引号（indexNumber）已被其他条目使用，须唯一/);
  const rows = await app.strapi.db
    .query('api::policy-document.policy-document')
    .findMany({ where: { indexNumber, locale: 'zh-Hans' } });
  expect(rows).toHaveLength(1);
});
