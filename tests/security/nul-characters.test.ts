import { approvedReview } from '../harness/fixtures';
import {
  createAdminSession,
  createFullAccessToken,
  startApp,
  type TestApp,
} from '../harness/strapi';

/**
 * NUL (U+0000) in a query string, a body or a path parameter: PostgreSQL cannot take it in text, so
 * it used to be a 500 there. Refused app-wide (middlewares/body-guard) with a 400 saying where, nothing stored.
 */
const DOC = 'api::policy-document.policy-document';
const SOURCE = 'plugin::disclosure.syndication-source';

let app: TestApp;
let token: string;
let admin: string;
let office: string;

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  admin = await createAdminSession(app, 'nul-admin@example.gov.cn');
  office = (
    await app.strapi.documents('api::organization.organization').create({
      data: {
        name: '山东省人民政府办公厅',
        code: '370000001',
        level: 'department',
        regionCode: '370000',
      } as any,
    })
  ).documentId;
});

afterAll(async () => {
  await app?.stop();
});

const PLACES = {
  path: ['请求路径', 'path'],
  query: ['查询参数', 'query string'],
  body: ['请求内容', 'body'],
};
const expectRefused = (response: any, location: keyof typeof PLACES, path: string) => {
  expect(response.status).toBe(400);
  expect(response.body.error.name).toBe('ValidationError');
  expect(response.body.error.details).toEqual({ location, path });
  const [zh, en] = PLACES[location];
  expect(response.body.error.message).toBe(
    `${zh}中含有空字符 U+0000（位置 ${path}） (the ${en} contains a NUL character (U+0000), at ${path})`
  );
};

describe('in the query string', () => {
  test('a content-API list filtered on a value with NUL: 400 naming the parameter', async () => {
    expectRefused(
      await app.http().get('/api/policy-documents?filters[title][$eq]=a%00b'),
      'query',
      'filters.title.$eq'
    );
    // Without the NUL the same list answers as usual.
    expect((await app.http().get('/api/policy-documents?filters[title][$eq]=ab')).status).toBe(200);
  });

  test('in a key, in a list entry, and on a public plugin route', async () => {
    expectRefused(
      await app.http().get('/api/policy-documents?filters[ti%00tle][$eq]=x'),
      'query',
      'filters.ti\\0tle'
    );
    expectRefused(
      await app.http().get('/api/policy-documents?sort[0]=title&sort[1]=issueDate%00'),
      'query',
      'sort.1'
    );
    expectRefused(
      await app.http().get('/api/disclosure/working-days/add?from=2026-05-11%00&days=1'),
      'query',
      'from'
    );
  });

  test('on an admin route', async () => {
    const response = await app
      .http()
      .get(`/content-manager/collection-types/${DOC}?filters[title][$contains]=%00`)
      .set('Authorization', `Bearer ${admin}`);
    expectRefused(response, 'query', 'filters.title.$contains');
  });
});

describe('in the path', () => {
  test('a route parameter with an encoded NUL: 400, on public, content-API and admin routes', async () => {
    expectRefused(
      await app.http().get('/api/policy-documents/ab%00c'),
      'path',
      '/api/policy-documents/ab%00c'
    );
    const feedback = await app
      .http()
      .post('/api/consultations/ab%00c/feedback')
      .send({ data: { content: '建议' } });
    expectRefused(feedback, 'path', '/api/consultations/ab%00c/feedback');
    const editView = await app
      .http()
      .get(`/content-manager/collection-types/${DOC}/ab%00c`)
      .set('Authorization', `Bearer ${admin}`);
    expectRefused(editView, 'path', `/content-manager/collection-types/${DOC}/ab%00c`);
  });
});

describe('in a body', () => {
  test('a public POST: 400 naming the field', async () => {
    const response = await app
      .http()
      .post('/api/disclosure/convert')
      .send({ text: '政务\u0000公开', from: 'zh-Hans', to: 'zh-Hant' });
    expectRefused(response, 'body', 'text');
  });

  test('a content-API write, deep in rich text: 400, nothing stored', async () => {
    const before = await app.strapi.db.query(DOC).count();
    const body = [{ type: 'paragraph', children: [{ type: 'text', text: '第一条\u0000' }] }];
    const response = await app
      .http()
      .post('/api/policy-documents')
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: {
          title: '通知',
          issuingOrganization: office,
          category: 'decision',
          confidentialityReview: approvedReview,
          body,
        },
      });
    expectRefused(response, 'body', 'data.body.0.children.0.text');
    expect(await app.strapi.db.query(DOC).count()).toBe(before);
  });

  test('admin routes: the content manager and the plugin’s own, nothing stored', async () => {
    const before = await app.strapi.db.query(DOC).count();
    const created = await app
      .http()
      .post(`/content-manager/collection-types/${DOC}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ title: '关于\u0000的通知', issuingOrganization: office, category: 'decision' });
    expectRefused(created, 'body', 'title');
    expect(await app.strapi.db.query(DOC).count()).toBe(before);

    const sources = await app.strapi.db.query(SOURCE).count();
    const source = await app
      .http()
      .post('/disclosure/sources')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        data: { name: '济南市\u0000', secret: `whsec_${Buffer.alloc(24, 7).toString('base64')}` },
      });
    expectRefused(source, 'body', 'data.name');
    expect(await app.strapi.db.query(SOURCE).count()).toBe(sources);
  });

  test('a key with NUL is named with it written \\0', async () => {
    const response = await app
      .http()
      .post('/api/disclosure/convert')
      .send({ text: '政务', from: 'zh-Hans', to: 'zh-Hant', 'no\u0000te': 1 });
    expectRefused(response, 'body', 'no\\0te');
  });
});
