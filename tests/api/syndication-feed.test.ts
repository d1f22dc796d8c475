import { policyDocumentData } from '../harness/fixtures';
import { createFullAccessToken, setClock, startApp, type TestApp } from '../harness/strapi';

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
      data: {
        name: '山东省人民政府办公厅',
        code: '370000001',
        level: 'department',
        regionCode: '370000',
        portalUrl: 'https://www.shandong.gov.cn',
      } as any,
    })
  ).documentId;
  for (const title of ['第一份转载文件', '第二份转载文件', '第三份转载文件']) {
    await app.strapi.documents(DOC).create({
      data: policyDocumentData(office, { title, mustSyndicate: true }) as any,
      status: 'published',
    });
  }
  await app.strapi
    .documents(DOC)
    .create({ data: policyDocumentData(office, { title: '尚未发布的草稿' }) as any });
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/disclosure/feed', () => {
  test('events in order, page by page, with a cursor that ends where the feed ends', async () => {
    const first = await feed({ limit: '2' });
    expect(first.status).toBe(200);
    expect(first.body.data.map((event: any) => event.message.versions[0].title)).toEqual([
      '第一份转载文件',
      '第二份转载文件',
    ]);
    expect(first.body.data[0]).toMatchObject({ action: 'publish', version: 1 });
    expect(first.body.meta.hasMore).toBe(true);
    const second = await feed({ since: first.body.meta.cursor, limit: '2' });
    expect(second.body.data.map((event: any) => event.message.versions[0].title)).toEqual([
      '第三份转载文件',
    ]);
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
    const response = await app
      .http()
      .get('/api/disclosure/feed.atom')
      .query({ organization: '370000001' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const xml = response.text;
    expect(xml).toContain('<title>山东省人民政府办公厅 政府信息公开</title>');
    expect(xml).toContain('<link rel="alternate" href="https://www.shandong.gov.cn"/>');
    const titles = [...xml.matchAll(/<entry>\s*<id>[^<]+<\/id>\s*<title>([^<]+)<\/title>/g)].map(
      (match) => match[1]
    );
    expect(titles).toHaveLength(3);
    expect(titles.every((title) => title.endsWith('转载文件'))).toBe(true);
    expect(xml).not.toContain('尚未发布的草稿');
  });

  test('newest first by publication time, whatever the order they were written in', async () => {
    const clock = app.strapi.plugin('disclosure').service('clock');
    const realNow = clock.now;
    const city = (
      await app.strapi.documents('api::organization.organization').create({
        data: {
          name: '淄博市人民政府办公室',
          code: '370300001',
          level: 'department',
          regionCode: '370300',
        } as any,
      })
    ).documentId;
    // Written in an order that is neither the publication order nor its reverse.
    const publications: Array<[string, string]> = [
      ['2026-03-12T02:00:00.000Z', '三月十二日发布的文件'],
      ['2026-03-10T02:00:00.000Z', '三月十日发布的文件'],
      ['2026-03-14T02:00:00.000Z', '三月十四日发布的文件'],
      ['2026-03-11T02:00:00.000Z', '三月十一日发布的文件'],
    ];
    try {
      for (const [at, title] of publications) {
        setClock(app, at);
        await app.strapi
          .documents(DOC)
          .create({ data: policyDocumentData(city, { title }) as any, status: 'published' });
      }
    } finally {
      jest.useRealTimers();
      clock.now = realNow;
    }
    const response = await app
      .http()
      .get('/api/disclosure/feed.atom')
      .query({ organization: '370300001' });
    expect(response.status).toBe(200);
    const entries = [...response.text.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, entry]) => ({
      title: entry.match(/<title>([^<]+)<\/title>/)?.[1],
      published: entry.match(/<published>([^<]+)<\/published>/)?.[1],
    }));
    const newestFirst = [...publications].sort(([a], [b]) => b.localeCompare(a));
    expect(entries.map((entry) => entry.title)).toEqual(newestFirst.map(([, title]) => title));
    // Each stamped at its own publication (the clock runs on from the pinned instant), newest first.
    const stamps = entries.map((entry) => Date.parse(entry.published ?? ''));
    stamps.forEach((stamp, index) => {
      const pinned = Date.parse(newestFirst[index][0]);
      expect(stamp).toBeGreaterThanOrEqual(pinned);
      expect(stamp).toBeLessThan(pinned + 60_000);
      if (index > 0) expect(stamp).toBeLessThan(stamps[index - 1]);
    });
    // The feed's own <updated> is its newest entry's publication.
    expect(response.text.match(/<feed[^>]*>[\s\S]*?<updated>([^<]+)<\/updated>/)?.[1]).toBe(
      entries[0].published
    );
  });

  test('on-request (依申请公开) and not-disclosed (不予公开) documents with a published past are not in the feed', async () => {
    const county = (
      await app.strapi.documents('api::organization.organization').create({
        data: {
          name: '博兴县人民政府办公室',
          code: '371625001',
          level: 'department',
          regionCode: '371625',
        } as any,
      })
    ).documentId;
    await app.strapi.documents(DOC).create({
      data: policyDocumentData(county, {
        title: '仍然主动公开的文件',
        summary: '主动公开的摘要',
      }) as any,
      status: 'published',
    });
    const hidden: Record<string, string> = {
      'on-request': '改为依申请公开的文件',
      'not-disclosed': '改为不予公开的文件',
    };
    for (const [attribute, title] of Object.entries(hidden)) {
      // Published as proactive (and so once in the feed), then re-classified in place, published row
      // included, as a migration or a direct fix leaves it (the publication gate refuses publishing it).
      const { documentId } = await app.strapi.documents(DOC).create({
        data: policyDocumentData(county, { title, summary: `${title}的摘要` }) as any,
        status: 'published',
      });
      const before = await app
        .http()
        .get('/api/disclosure/feed.atom')
        .query({ organization: '371625001' });
      expect(before.text).toContain(`<title>${title}</title>`);
      await app.strapi.db.query(DOC).updateMany({
        where: { documentId },
        data: {
          disclosureAttribute: attribute,
          nonDisclosureReason: 'process-information',
          nonDisclosureExplanation: `${title}的不公开理由`,
        },
      });
      const published = await app.strapi.db
        .query(DOC)
        .findOne({ where: { documentId, publishedAt: { $notNull: true } } });
      expect(published).toMatchObject({ disclosureAttribute: attribute, title });
    }
    const response = await app
      .http()
      .get('/api/disclosure/feed.atom')
      .query({ organization: '371625001' });
    expect(response.status).toBe(200);
    const titles = [
      ...response.text.matchAll(/<entry>\s*<id>[^<]+<\/id>\s*<title>([^<]+)<\/title>/g),
    ].map((match) => match[1]);
    expect(titles).toEqual(['仍然主动公开的文件']);
    for (const title of Object.values(hidden)) {
      expect(response.text).not.toContain(title);
      expect(response.text).not.toContain(`${title}的摘要`);
      expect(response.text).not.toContain(`${title}的不公开理由`);
    }
  });

  test('unknown organization: 404; not a code: 400', async () => {
    expect(
      (await app.http().get('/api/disclosure/feed.atom').query({ organization: '999999999' }))
        .status
    ).toBe(404);
    expect(
      (await app.http().get('/api/disclosure/feed.atom').query({ organization: '<x>' })).status
    ).toBe(400);
  });
});
