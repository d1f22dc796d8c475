import { policyDocumentData } from '../harness/fixtures';
import { startApp, type TestApp } from '../harness/strapi';

/** GET /api/disclosure/catalogue/counts: what the public can read, per 五公开 category. */
const DOC = 'api::policy-document.policy-document';
let app: TestApp;
let office: string;

const counts = (query: Record<string, string> = {}) =>
  app.http().get('/api/disclosure/catalogue/counts').query(query);
const countOf = (body: any, category: string) =>
  body.data.find((row: any) => row.category === category).count;

beforeAll(async () => {
  app = await startApp();
  office = (
    await app.strapi.documents('api::organization.organization').create({
      data: {
        name: '潍坊市人民政府办公室',
        code: '370700001',
        level: 'department',
        regionCode: '370700',
      } as any,
    })
  ).documentId;
  const documents = app.strapi.documents(DOC);
  for (const category of ['decision', 'decision', 'service']) {
    await documents.create({
      status: 'published',
      data: policyDocumentData(office, { category }) as any,
    } as any);
  }
  // Never counted: a draft, and a document not disclosed proactively (依申请公开).
  await documents.create({
    data: policyDocumentData(office, { category: 'decision' }) as any,
  } as any);
  await documents.create({
    data: policyDocumentData(office, {
      category: 'decision',
      disclosureAttribute: 'on-request',
      nonDisclosureReason: 'process-information',
      nonDisclosureExplanation: '过程性信息',
    }) as any,
  } as any);
});

afterAll(async () => {
  await app?.stop();
});

test('every category is listed, counting only published, proactive documents', async () => {
  const res = await counts();
  expect(res.status).toBe(200);
  expect(res.body.data.map((row: any) => row.category)).toEqual([
    'decision',
    'execution',
    'management',
    'service',
    'result',
  ]);
  expect(countOf(res.body, 'decision')).toBe(2);
  expect(countOf(res.body, 'service')).toBe(1);
  expect(countOf(res.body, 'result')).toBe(0);
  expect(res.body.meta).toEqual({ locale: 'zh-Hans', total: 3 });
});

test('the Traditional catalogue has the same counts', async () => {
  const res = await counts({ locale: 'zh-Hant' });
  expect(res.status).toBe(200);
  expect(res.body.meta).toEqual({ locale: 'zh-Hant', total: 3 });
});

test('an unknown locale is refused with the accepted values', async () => {
  const res = await counts({ locale: 'en' });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toBe(
    '参数 locale 须为 zh-Hans 或 zh-Hant (locale must be one of zh-Hans, zh-Hant)'
  );
});

test('cached, and moved by the next publication', async () => {
  // The writes above were made outside a request: wait until they are announced.
  await app.strapi.plugin('disclosure').service('response-cache').announced();
  await counts({ locale: 'zh-Hans' });
  const cached = await counts({ locale: 'zh-Hans' });
  expect(cached.headers['x-response-cache']).toBe('hit');
  await app.strapi.documents(DOC).create({
    status: 'published',
    data: policyDocumentData(office, { category: 'result' }) as any,
  } as any);
  const moved = await counts({ locale: 'zh-Hans' });
  expect(countOf(moved.body, 'result')).toBe(1);
  expect(moved.body.meta.total).toBe(4);
});

test('with the response cache off, the counts are still those of the latest change', async () => {
  const cache = app.strapi.plugin('disclosure').service('response-cache');
  cache.setEnabled(false);
  try {
    const before = (await counts({ locale: 'zh-Hans' })).body;
    expect((await counts({ locale: 'zh-Hans' })).headers['x-response-cache']).toBe('off');
    await app.strapi.documents(DOC).create({
      status: 'published',
      data: policyDocumentData(office, { category: 'management' }) as any,
    } as any);
    const after = (await counts({ locale: 'zh-Hans' })).body;
    expect(countOf(after, 'management')).toBe(countOf(before, 'management') + 1);
    expect(after.meta.total).toBe(before.meta.total + 1);
  } finally {
    cache.setEnabled(true);
  }
});
