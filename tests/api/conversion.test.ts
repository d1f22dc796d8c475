import { approvedReview } from '../harness/fixtures';
import {
  createAdminSession,
  createFullAccessToken,
  rateLimitOf,
  resetClock,
  setClock,
  startApp,
  type TestApp,
} from '../harness/strapi';

const ORG = 'api::organization.organization';
const DOC = 'api::policy-document.policy-document';
const TERM = 'plugin::disclosure.conversion-term';

let app: TestApp;
let office: string;

const hant = (
  uid: string,
  documentId: string,
  status: 'draft' | 'published' = 'draft',
  populate: any = undefined
) =>
  app.strapi
    .documents(uid as any)
    .findOne({ documentId, locale: 'zh-Hant', status, populate } as any);

beforeAll(async () => {
  app = await startApp();
  office = (
    await app.strapi.documents(ORG).create({
      data: {
        name: '济南市人民政府办公厅',
        shortName: '市政府办公厅',
        code: '370100001',
        level: 'department',
      } as any,
    })
  ).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('zh-Hant follows zh-Hans in the same operation', () => {
  let documentId: string;

  test('create: every localized field converted, identifiers and relations carried over', async () => {
    const created = await app.strapi.documents(DOC).create({
      data: {
        title: '关于进一步加强政府信息公开工作的通知',
        documentNumber: '鲁政办发〔2014〕8号',
        issuingOrganization: office,
        category: 'decision',
        issueDate: '2026-03-10',
        topic: '政务公开',
        summary: '建立例行新闻发布制度，同步审签、同步发布。详见 https://www.gov.cn/政策',
        body: [
          { type: 'paragraph', children: [{ type: 'text', text: '各市人民政府，省政府各部门：' }] },
        ],
        confidentialityReview: approvedReview,
      } as any,
    });
    documentId = created.documentId;
    const traditional: any = await hant(DOC, documentId, 'draft', ['issuingOrganization']);
    expect(traditional).toMatchObject({
      title: '關於進一步加強政府信息公開工作的通知',
      documentNumber: '鲁政办发〔2014〕8号',
      indexNumber: created.indexNumber,
      topic: '政務公開',
      summary: '建立例行新聞發布制度，同步審簽、同步發布。詳見 https://www.gov.cn/政策',
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: '各市人民政府，省政府各部門：' }] },
      ],
    });
    expect(traditional.issuingOrganization).toMatchObject({
      documentId: office,
      name: '濟南市人民政府辦公廳',
    });
  });

  test('update, publish and unpublish follow', async () => {
    await app.strapi
      .documents(DOC)
      .update({ documentId, data: { title: '关于做好政务公开工作的通知' } as any });
    expect((await hant(DOC, documentId))?.title).toBe('關於做好政務公開工作的通知');

    await app.strapi.documents(DOC).publish({ documentId });
    const res = await app
      .http()
      .get(`/api/policy-documents/${documentId}`)
      .query({ locale: 'zh-Hant' });
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('關於做好政務公開工作的通知');

    await app.strapi.documents(DOC).unpublish({ documentId });
    expect(await hant(DOC, documentId, 'published')).toBeNull();
  });

  test('a shared (non-localized) field changed through REST holds in every version of both locales', async () => {
    // Regression: the zh-Hant write carried stale shared fields, and Strapi copied them back over the change.
    const token = await createFullAccessToken(app.strapi);
    const created = await app
      .http()
      .post('/api/policy-documents')
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: {
          title: '关于废止部分规范性文件的决定',
          issuingOrganization: office,
          category: 'decision',
          issueDate: '2026-03-10',
          confidentialityReview: approvedReview,
        },
      });
    const id = created.body.data.documentId;
    const versions = () =>
      app.strapi.db.query(DOC).findMany({
        where: { documentId: id },
        select: ['locale', 'publishedAt', 'validity', 'expiryDate'],
      });

    const put = await app
      .http()
      .put(`/api/policy-documents/${id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { validity: 'repealed', expiryDate: '2026-06-30' } });
    expect(put.status).toBe(200);
    const rows = await versions();
    expect(rows).toHaveLength(4);
    expect(rows.map((row: any) => [row.validity, row.expiryDate])).toEqual(
      Array(4).fill(['repealed', '2026-06-30'])
    );
    const traditional = await app
      .http()
      .get(`/api/policy-documents/${id}`)
      .query({ locale: 'zh-Hant' });
    expect(traditional.body.data).toMatchObject({ validity: 'repealed', expiryDate: '2026-06-30' });

    await app.strapi
      .documents(DOC)
      .update({ documentId: id, data: { validity: 'amended' } as any, status: 'published' } as any);
    expect((await versions()).map((row: any) => row.validity)).toEqual(Array(4).fill('amended'));
  });

  test('components are converted, names kept as written', async () => {
    const press = await app.strapi.documents('api::press-release.press-release').create({
      data: {
        title: '新闻发布会',
        kind: 'press-conference',
        organization: office,
        speakers: [{ name: '白宛松', position: '新闻发言人' }],
      } as any,
    });
    const traditional: any = await hant(
      'api::press-release.press-release',
      press.documentId,
      'draft',
      ['speakers']
    );
    expect(traditional.title).toBe('新聞發布會');
    expect(traditional.speakers.map(({ id, ...rest }: any) => rest)).toEqual([
      { name: '白宛松', position: '新聞發言人' },
    ]);
  });
});

describe("an editor's correction of zh-Hant", () => {
  test('is kept until unlocked, and the source change since is reported', async () => {
    const doc = await app.strapi.documents(DOC).create({
      data: {
        title: '干部培训',
        summary: '加强干部培训',
        issuingOrganization: office,
        category: 'decision',
        confidentialityReview: approvedReview,
      } as any,
    });
    const conversion = app.strapi.plugin('disclosure').service('conversion');
    await app.strapi.documents(DOC).update({
      documentId: doc.documentId,
      locale: 'zh-Hant',
      data: { title: '幹部培訓班', summary: '加強幹部培訓' } as any,
    });
    // Only the field that differs from the conversion is locked.
    expect(
      (await conversion.lockStatus(DOC, doc.documentId)).map((lock: any) => [
        lock.field,
        lock.sourceChanged,
      ])
    ).toEqual([['title', false]]);

    await app.strapi.documents(DOC).update({
      documentId: doc.documentId,
      data: { title: '干部轮训', summary: '加强干部轮训' } as any,
    });
    const traditional: any = await hant(DOC, doc.documentId);
    expect(traditional.title).toBe('幹部培訓班');
    expect(traditional.summary).toBe('加強幹部輪訓');
    const [lock] = await conversion.lockStatus(DOC, doc.documentId);
    expect(lock).toMatchObject({ field: 'title', sourceChanged: true });

    await conversion.unlock(lock.id);
    expect((await hant(DOC, doc.documentId))?.title).toBe('幹部輪訓');
    expect(await conversion.lockStatus(DOC, doc.documentId)).toEqual([]);
  });
});

describe('the conversion dictionary', () => {
  test('a protected term and a phrase override take effect without a restart, both ways', async () => {
    const convert = (text: string, from = 'zh-Hans', to = 'zh-Hant') =>
      app.http().post('/api/disclosure/convert').send({ text, from, to });
    expect((await convert('建立工作台账')).body.data.text).toBe('建立工作臺賬');
    await app.strapi
      .documents(TERM as any)
      .create({ data: { kind: 'phrase', simplified: '台账', traditional: '台帳' } as any });
    await app.strapi
      .documents(TERM as any)
      .create({ data: { kind: 'protected', simplified: '宛松' } as any });
    expect((await convert('建立工作台账')).body.data.text).toBe('建立工作台帳');
    expect((await convert('建立工作台帳', 'zh-Hant', 'zh-Hans')).body.data.text).toBe(
      '建立工作台账'
    );
  });
});

describe('POST /api/disclosure/convert', () => {
  const post = (body: unknown) =>
    app
      .http()
      .post('/api/disclosure/convert')
      .set('X-Forwarded-For', '203.0.113.9')
      .send(body as object);

  test('text and blocks', async () => {
    const text = await app
      .http()
      .post('/api/disclosure/convert')
      .send({ text: '会签后发布', from: 'zh-Hans', to: 'zh-Hant' });
    expect(text.status).toBe(200);
    expect(text.body).toEqual({ data: { text: '會簽後發布' } });
    const blocks = await app
      .http()
      .post('/api/disclosure/convert')
      .send({
        blocks: [{ type: 'paragraph', children: [{ type: 'text', text: '說明發佈' }] }],
        from: 'zh-Hant',
        to: 'zh-Hans',
      });
    expect(blocks.body).toEqual({
      data: { blocks: [{ type: 'paragraph', children: [{ type: 'text', text: '说明发布' }] }] },
    });
  });

  test.each([
    [{ text: 'x', from: 'zh-Hans', to: 'zh-Hans' }, 'to'],
    [{ text: 'x', from: 'en', to: 'zh-Hant' }, 'from'],
    [{ from: 'zh-Hans', to: 'zh-Hant' }, 'text'],
  ])('a bad request %o answers 400 naming %s', async (body, parameter) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual([parameter]);
  });

  test('over 1 MB answers 413 saying the limit', async () => {
    const res = await app
      .http()
      .post('/api/disclosure/convert')
      .send({ text: '政'.repeat(400_000), from: 'zh-Hans', to: 'zh-Hant' });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/1 MB 上限.*1048576/);
  });

  test('rate limited per client: 30 a minute, the 31st is the first 429, Retry-After the wait for one more', async () => {
    // The documented limit (docs/content-model.md) is the one on the route.
    expect(rateLimitOf(app, 'POST', '/convert', 'disclosure')).toEqual({ max: 30, perSeconds: 60 });
    const convert = () =>
      app
        .http()
        .post('/api/disclosure/convert')
        .send({ text: '信息', from: 'zh-Hans', to: 'zh-Hant' });
    // An hour after this file's earlier conversions, so the allowance is whole; pinned, so none refills meanwhile.
    const start = Date.now() + 60 * 60 * 1000;
    setClock(app, new Date(start).toISOString());
    try {
      const allowed: Array<[number, string]> = [];
      for (let i = 0; i < 30; i += 1) {
        const res = await convert();
        allowed.push([res.status, res.headers['ratelimit-remaining']]);
      }
      expect(allowed).toEqual(Array.from({ length: 30 }, (_, i) => [200, String(29 - i)]));

      const refused = await convert();
      expect(refused.status).toBe(429);
      expect(refused.headers['ratelimit-limit']).toBe('30');
      expect(refused.headers['ratelimit-remaining']).toBe('0');
      // One request's worth refills every 60 / 30 = 2 s; the clock has not moved.
      expect(refused.headers['retry-after']).toBe('2');
      expect(refused.body.error.details).toEqual({
        limit: 30,
        perSeconds: 60,
        retryAfterSeconds: 2,
      });
      expect(refused.body.error.message).toBe(
        '请求过于频繁：每 60 秒最多 30 次，请 2 秒后再试 (too many requests: at most 30 every 60 s; retry after 2 s)'
      );

      // Retry-After is accurate: a second on, still refused (one to go); at 2 s, allowed once.
      setClock(app, new Date(start + 1000).toISOString());
      const early = await convert();
      expect([early.status, early.headers['retry-after']]).toEqual([429, '1']);
      setClock(app, new Date(start + 2000).toISOString());
      expect((await convert()).status).toBe(200);
      expect((await convert()).status).toBe(429);
    } finally {
      resetClock(app);
    }
  });
});

describe('backfill (npm run disclosure:convert-all)', () => {
  test('creates the missing zh-Hant versions, publishes where zh-Hans is published, and is idempotent', async () => {
    const conversion = app.strapi.plugin('disclosure').service('conversion');
    const published = await app.strapi.documents(DOC).create({
      status: 'published',
      data: {
        title: '历史文件',
        issuingOrganization: office,
        category: 'decision',
        confidentialityReview: approvedReview,
      } as any,
    });
    // As if it had been created before conversion existed.
    await app.strapi.db
      .query(DOC)
      .deleteMany({ where: { documentId: published.documentId, locale: 'zh-Hant' } });
    expect(await hant(DOC, published.documentId)).toBeNull();

    const progress: number[] = [];
    const summary = await conversion.backfill({
      batchSize: 2,
      onProgress: ({ done }: any) => progress.push(done),
    });
    expect(summary[DOC].failed).toEqual([]);
    expect(summary[DOC].converted).toBe(summary[DOC].total);
    expect(progress.length).toBeGreaterThan(0);
    expect((await hant(DOC, published.documentId, 'published'))?.title).toBe('歷史文件');

    const rows = await app.strapi.db.query(DOC).count({});
    const again = await conversion.backfill({});
    expect(again[DOC].converted).toBe(summary[DOC].converted);
    expect(await app.strapi.db.query(DOC).count({})).toBe(rows);
  });
});

test('an interrupted backfill continues where it stopped', async () => {
  const conversion = app.strapi.plugin('disclosure').service('conversion');
  const interrupt = new Error('interrupted');
  await expect(
    conversion.backfill({
      restart: true,
      batchSize: 1,
      onProgress: ({ contentType, done }: any) => {
        if (contentType === DOC && done === 2) throw interrupt;
      },
    })
  ).rejects.toBe(interrupt);
  const seen: Array<[string, number]> = [];
  await conversion.backfill({
    batchSize: 1,
    onProgress: ({ contentType, done }: any) => seen.push([contentType, done]),
  });
  const firstForDocuments = seen.find(([contentType]) => contentType === DOC);
  expect(firstForDocuments?.[1]).toBe(2); // the document that was being converted, not the first
});

test('the admin lists the locks of a document and unlocks them', async () => {
  const adminToken = await createAdminSession(app, 'editor@example.gov.cn');
  const doc = await app.strapi.documents(DOC).create({
    data: {
      title: '信息公开',
      issuingOrganization: office,
      category: 'decision',
      confidentialityReview: approvedReview,
    } as any,
  });
  await app.strapi
    .documents(DOC)
    .update({ documentId: doc.documentId, locale: 'zh-Hant', data: { title: '資訊公開' } as any });
  const auth = { Authorization: `Bearer ${adminToken}` };
  const listed = await app
    .http()
    .get('/disclosure/translation-locks')
    .query({ contentType: DOC, documentId: doc.documentId })
    .set(auth);
  expect(listed.status).toBe(200);
  expect(listed.body.data).toEqual([
    expect.objectContaining({ field: 'title', sourceChanged: false }),
  ]);
  expect(
    (
      await app
        .http()
        .get('/disclosure/translation-locks')
        .query({ contentType: DOC, documentId: doc.documentId })
    ).status
  ).toBe(401);

  const unlocked = await app
    .http()
    .delete(`/disclosure/translation-locks/${listed.body.data[0].id}`)
    .set(auth);
  expect(unlocked.status).toBe(200);
  expect((await hant(DOC, doc.documentId))?.title).toBe('信息公開');
  expect(
    (await app.http().delete(`/disclosure/translation-locks/${listed.body.data[0].id}`).set(auth))
      .status
  ).toBe(404);
  expect(
    (
      await app
        .http()
        .get('/disclosure/translation-locks')
        .query({ contentType: 'api::nothing.nothing', documentId: 'x' })
        .set(auth)
    ).status
  ).toBe(400);
});
