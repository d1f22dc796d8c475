import { policyDocumentData } from '../harness/fixtures';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';

/** Pull syndication: the event feed with its cursor (API tokens) and the Atom feed (anyone). */
const DOC = 'api::policy-document.policy-document';

let app: TestApp;
let token: string;
let office: string;

const feed = (query: Record<string, string>) =>
  app.http().get('/api/disclosure/feed').query(query).set('Authorization', `Bearer ${token}`);

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  office = (
    await app.strapi.documents('api::organization.organization').create({
      data: { name: '山东省人民政府办公厅', code: '370000001', level: 'department', regionCode: '370000', portalUrl: 'https://www.shandong.gov.cn' } as any,
    })
  ).documentId;
  for (const title of ['第一份转载文件', '第二份转载文件', '第三份转载文件']) {
    await app.strapi.documents(DOC).create({ data: policyDocumentData(office, { title, mustSyndicate: true }) as any, status: 'published' });
  }
  await app.strapi.documents(DOC).create({ data: policyDocumentData(office, { title: '尚未发布的草稿' }) as any });
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/disclosure/feed', () => {
  test('events in order, page by page, with a cursor that ends where the feed ends', async () => {
    const first = await feed({ limit: '2' });
    expect(first.status).toBe(200);
    expect(first.body.data.map((event: any) => event.message.versions[0].title)).toEqual(['第一份转载文件', '第二份转载文件']);
    expect(first.body.data[0]).toMatchObject({ action: 'publish', version: 1 });
    expect(first.body.meta.hasMore).toBe(true);
    const second = await feed({ since: first.body.meta.cursor, limit: '2' });
    expect(second.body.data.map((event: any) => event.message.versions[0].title)).toEqual(['第三份转载文件']);
    expect(second.body.meta.hasMore).toBe(false);
    const caughtUp = await feed({ since: second.body.meta.cursor });
    expect(caughtUp.body.data).toEqual([]);
    expect(caughtUp.body.meta.cursor).toBe(second.body.meta.cursor);
  });

  test('bad cursors and limits are refused with the rule; the public may not read the feed', async () => {
    const badCursor = await feed({ since: 'not-a-cursor' });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.message).toMatch(/^参数 since 须为上一页返回的 cursor/);
    const badLimit = await feed({ limit: '1000' });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.message).toMatch(/^参数 limit 须为 1–200 的整数/);
    expect([401, 403]).toContain((await app.http().get('/api/disclosure/feed')).status);
  });
});

describe('GET /api/disclosure/feed.atom', () => {
  test("an organization's published documents, newest first, for anyone", async () => {
    const response = await app.http().get('/api/disclosure/feed.atom').query({ organization: '370000001' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const xml = response.text;
    expect(xml).toContain('<title>山东省人民政府办公厅 政府信息公开</title>');
    expect(xml).toContain('<link rel="alternate" href="https://www.shandong.gov.cn"/>');
    const titles = [...xml.matchAll(/<entry>\s*<id>[^<]+<\/id>\s*<title>([^<]+)<\/title>/g)].map((match) => match[1]);
    expect(titles).toHaveLength(3);
    expect(titles.every((title) => title.endsWith('转载文件'))).toBe(true);
    expect(xml).not.toContain('尚未发布的草稿');
  });

  test('unknown organization: 404; not a code: 400', async () => {
    expect((await app.http().get('/api/disclosure/feed.atom').query({ organization: '999999999' })).status).toBe(404);
    expect((await app.http().get('/api/disclosure/feed.atom').query({ organization: '<x>' })).status).toBe(400);
  });
});
