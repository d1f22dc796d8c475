import { approvedReview, policyDocumentData } from '../harness/fixtures';
import { resetClock, setClock, startApp, type TestApp } from '../harness/strapi';

const DOC = 'api::policy-document.policy-document';
const ORG = 'api::organization.organization';
const PRESS = 'api::press-release.press-release';

let app: TestApp;
let office: string;
const ids: Record<string, string> = {};

interface Hit {
  type: string;
  documentId: string;
  locale: string;
  title: string;
  documentNumber: string | null;
  publishedAt: string;
  snippet: string;
}

const search = async (query: Record<string, string>) => {
  const res = await app.http().get('/api/disclosure/search').query(query);
  expect(res.status).toBe(200);
  return res.body as {
    data: Hit[];
    meta: {
      pagination: { page: number; pageSize: number; pageCount: number; total: number };
      facets: Record<'type' | 'category' | 'organization' | 'year', Record<string, number>>;
      truncated: boolean;
    };
  };
};
const found = async (q: string, extra: Record<string, string> = {}) =>
  (await search({ q, ...extra })).data.map((hit) => hit.documentId);

const publishDocument = async (overrides: Record<string, unknown>) =>
  (
    await app.strapi.documents(DOC).create({
      status: 'published',
      data: policyDocumentData(office, overrides) as never,
    })
  ).documentId;

beforeAll(async () => {
  app = await startApp();
  const s = app.strapi;
  office = (
    await s.documents(ORG).create({
      data: {
        name: '济南市人民政府办公厅',
        code: '370100001',
        level: 'department',
        regionCode: '370100',
      } as never,
    })
  ).documentId;

  ids.notice = await publishDocument({
    title: '关于推进政府信息公开工作的通知',
    documentNumber: '鲁政办发[2014]8号',
    summary: '为进一步做好政府信息公开工作，现就有关事项通知如下。',
    category: 'execution',
  });
  ids.citing = await publishDocument({
    title: '贯彻鲁政办发〔2014〕8号文件推进政府信息公开的实施意见',
    category: 'decision',
  });
  ids.kimono = await publishDocument({ title: '和服文化展览的通知' });
  ids.boundary = await publishDocument({ title: '关于结合服务群众开展评议的通知' });
  ids.script = await publishDocument({
    title: '防汛应急预案',
    summary: '<script>alert(1)</script>防汛应急预案全文',
  });
  ids.draft = (
    await s
      .documents(DOC)
      .create({ data: policyDocumentData(office, { title: '尚未发布的草稿秘闻' }) as never })
  ).documentId;
  ids.onRequest = (
    await s.documents(DOC).create({
      data: policyDocumentData(office, {
        title: '依申请公开的内部秘闻',
        disclosureAttribute: 'on-request',
        nonDisclosureReason: 'process-information',
        nonDisclosureExplanation: '过程性信息',
      }) as never,
    })
  ).documentId;
  ids.press = (
    await s.documents(PRESS).create({
      status: 'published',
      data: {
        title: '政府信息公开新闻发布会',
        kind: 'press-conference',
        organization: office,
        confidentialityReview: approvedReview,
      } as never,
    })
  ).documentId;
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/disclosure/search', () => {
  test('a word is found; the answer has the contract shape', async () => {
    const body = await search({ q: '信息公开' });
    expect(body.data.map((hit) => hit.documentId)).toEqual(
      expect.arrayContaining([ids.notice, ids.citing, ids.press])
    );
    const notice = body.data.find((hit) => hit.documentId === ids.notice)!;
    expect(Object.keys(notice).sort()).toEqual(
      ['documentId', 'documentNumber', 'locale', 'publishedAt', 'snippet', 'title', 'type'].sort()
    );
    expect(notice).toMatchObject({
      type: 'policy-document',
      locale: 'zh-Hans',
      title: '关于推进政府信息公开工作的通知',
      documentNumber: '鲁政办发〔2014〕8号',
    });
    expect(notice.snippet).toContain('<em>信息</em>');
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 3 });
  });

  test('words, not substrings: a substring across a word boundary is not ranked first', async () => {
    const hits = await found('和服');
    expect(hits[0]).toBe(ids.kimono);
    expect(hits).not.toContain(ids.boundary);
  });

  test('title over summary, then newer first', async () => {
    const inTitle = await publishDocument({ title: '湿地保护条例' });
    const inSummary = await publishDocument({
      title: '自然资源管理办法',
      summary: '加强湿地保护工作',
    });
    expect(await found('湿地保护')).toEqual([inTitle, inSummary]);
    const older = await publishDocument({ title: '森林防火规定' });
    const newer = await publishDocument({ title: '森林防火规定' });
    expect(await found('森林防火')).toEqual([newer, older]);
  });

  test('cross-script: a Traditional query finds the Simplified text, and the Traditional copy a Simplified query', async () => {
    const traditional = await found('推進政府信息公開');
    expect(traditional).toContain(ids.notice);
    expect(traditional).toEqual(await found('推进政府信息公开'));
    const hant = await search({ q: '推进政府信息公开', locale: 'zh-Hant' });
    const copy = hant.data.find((hit) => hit.documentId === ids.notice);
    expect(copy?.locale).toBe('zh-Hant');
    expect(copy?.title).toBe('關於推進政府信息公開工作的通知');
  });

  test('文号 typed with [], (), full-width digits; the exact number first', async () => {
    for (const q of ['鲁政办发[2014]8号', '鲁政办发（２０１４）８号', '鲁政办发(2014)8号']) {
      const hits = await found(q);
      expect(hits[0]).toBe(ids.notice);
      expect(hits).toContain(ids.citing);
    }
  });

  test('an 索引号 finds its document first', async () => {
    const { indexNumber } = (await app.strapi.documents(DOC).findOne({
      documentId: ids.notice,
      status: 'published',
    })) as unknown as { indexNumber: string };
    expect((await found(indexNumber))[0]).toBe(ids.notice);
  });

  test('facets count what matched, per type, category, organization and year', async () => {
    const { facets } = (await search({ q: '信息公开' })).meta;
    expect(facets.type).toEqual({ 'policy-document': 2, 'press-release': 1 });
    expect(facets.category).toEqual({ decision: 1, execution: 1 });
    expect(facets.organization).toEqual({ [office]: 3 });
    expect(Object.values(facets.year).reduce((a, b) => a + b, 0)).toBe(3);
    const filtered = await search({ q: '信息公开', category: 'execution' });
    expect(filtered.data.map((hit) => hit.documentId)).toEqual([ids.notice]);
    expect(filtered.meta.facets.type).toEqual({ 'policy-document': 1 });
  });

  test('filters by type, organization, dates and pages', async () => {
    expect(await found('信息公开', { types: 'press-release' })).toEqual([ids.press]);
    expect(await found('信息公开', { organization: 'nobody' })).toEqual([]);
    expect(await found('信息公开', { from: '2000-01-01', to: '2000-12-31' })).toEqual([]);
    // The last date there is: its end is counted in milliseconds, not as a next calendar date.
    expect(await found('信息公开', { to: '9999-12-31' })).toHaveLength(3);
    const page = await search({ q: '信息公开', page: '2', pageSize: '2' });
    expect(page.data).toHaveLength(1);
    expect(page.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
  });

  test('snippets are escaped: only <em> is markup', async () => {
    const [hit] = (await search({ q: '防汛' })).data;
    expect(hit.snippet).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hit.snippet.replace(/<\/?em>/g, '')).not.toMatch(/[<>]/);
  });

  test('drafts and on-request items are never found', async () => {
    expect(await found('秘闻')).toEqual([]);
    expect((await search({ q: '秘闻' })).meta.facets.type).toEqual({});
  });

  test('a published document: its draft edit is not found until published; unpublish and delete remove it', async () => {
    const id = await publishDocument({ title: '城市绿化养护办法' });
    expect(await found('绿化养护')).toEqual([id]);
    await app.strapi.documents(DOC).update({
      documentId: id,
      data: { title: '城市绿化养护与古树名木保护办法' } as never,
    });
    expect(await found('古树名木')).toEqual([]);
    expect(await found('绿化养护')).toEqual([id]);
    await app.strapi.documents(DOC).publish({ documentId: id });
    expect(await found('古树名木')).toEqual([id]);
    // The zh-Hant copy followed the publication.
    expect(await found('古樹名木', { locale: 'zh-Hant' })).toEqual([id]);
    await app.strapi.documents(DOC).unpublish({ documentId: id });
    expect(await found('古树名木')).toEqual([]);
    expect(await found('古树名木', { locale: 'zh-Hant' })).toEqual([]);
    await app.strapi.documents(DOC).publish({ documentId: id });
    expect(await found('古树名木')).toEqual([id]);
    await app.strapi.documents(DOC).delete({ documentId: id });
    expect(await found('古树名木')).toEqual([]);
    expect(await found('古树名木', { locale: 'zh-Hant' })).toEqual([]);
  });

  test('an update published at once is indexed at once, and a rejected write leaves the index as it was', async () => {
    const id = await publishDocument({ title: '农村饮水安全工程' });
    await app.strapi.documents(DOC).update({
      documentId: id,
      status: 'published',
      data: { title: '农村饮水安全巩固提升工程' } as never,
    });
    expect(await found('巩固提升')).toEqual([id]);
    await expect(
      app.strapi.documents(DOC).update({
        documentId: id,
        status: 'published',
        data: { title: '农村污水治理工程', confidentialityReview: null } as never,
      })
    ).rejects.toThrow();
    expect(await found('污水治理')).toEqual([]);
    expect(await found('巩固提升')).toEqual([id]);
  });

  test('every entry is in the full-text index: on PostgreSQL with its head vector (ranking never reads the whole vector), on SQLite in FTS5', async () => {
    const knex = app.strapi.db.connection;
    const countOf = async (builder: ReturnType<typeof knex>) =>
      Number(((await builder.count({ count: '*' })) as Array<{ count: string | number }>)[0].count);
    const entries = await countOf(knex('disclosure_search_entries'));
    expect(entries).toBeGreaterThan(0);
    if (app.strapi.db.dialect.client === 'postgres') {
      expect(
        await countOf(
          knex('disclosure_search_entries')
            .whereNotNull('head_vector')
            .whereNotNull('search_vector')
        )
      ).toBe(entries);
    } else {
      expect(await countOf(knex('disclosure_search_fts'))).toBe(entries);
    }
  });

  test('the backfill rebuilds the same index', async () => {
    const before = await search({ q: '信息公开' });
    await app.strapi.plugin('disclosure').service('search').reindex();
    // Another address: the response cache does not see a reindex (it changes nothing the public reads).
    const after = await search({ q: '信息公开', pageSize: '11' });
    expect(after.data).toEqual(before.data);
    expect(after.meta.facets).toEqual(before.meta.facets);
    expect(after.meta.pagination.total).toBe(before.meta.pagination.total);
  });

  test('a body with a token too long for PostgreSQL (over 2 KB) publishes, and its words are found', async () => {
    const id = await publishDocument({
      title: '湿地保护条例实施细则',
      body: [
        {
          type: 'paragraph',
          children: [{ type: 'text', text: `附件编码 ${'x'.repeat(3000)} 湿地生态补偿` }],
        },
      ],
    });
    expect(await found('湿地生态补偿')).toEqual([id]);
    expect(await found('x'.repeat(100))).toEqual([]);
  });

  test('answers are cached until a write; a dictionary term changes how a Traditional query reads at once', async () => {
    const query = { q: '資訊公開', types: 'policy-document' };
    const before = await app.http().get('/api/disclosure/search').query(query);
    expect(before.body.data).toEqual([]);
    const again = await app.http().get('/api/disclosure/search').query(query);
    expect(again.headers['x-response-cache']).toBe('hit');
    await app.strapi
      .documents('plugin::disclosure.conversion-term')
      .create({ data: { kind: 'phrase', simplified: '信息', traditional: '資訊' } as never });
    const after = await app.http().get('/api/disclosure/search').query(query);
    expect(after.headers['x-response-cache']).not.toBe('hit');
    expect(after.body.data.map((hit: Hit) => hit.documentId)).toEqual(
      expect.arrayContaining([ids.notice, ids.citing])
    );
  });

  test.each([
    [{ q: '' }, 'q'],
    [{}, 'q'],
    [{ q: '政'.repeat(101) }, 'q'],
    [{ q: '，。' }, 'q'],
    [{ q: '信息', types: 'policy-document,secret' }, 'types'],
    [{ q: '信息', category: 'secret' }, 'category'],
    [{ q: '信息', from: '2026-02-30' }, 'from'],
    [{ q: '信息', from: '2026-03-02', to: '2026-03-01' }, 'to'],
    [{ q: '信息', year: '20x6' }, 'year'],
    [{ q: '信息', locale: 'en' }, 'locale'],
    [{ q: '信息', page: '0' }, 'page'],
    [{ q: '信息', pageSize: '51' }, 'pageSize'],
  ])('bad input %j is a 400 naming %s, Chinese first', async (query, parameter) => {
    const res = await app.http().get('/api/disclosure/search').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual([parameter]);
    expect(res.body.error.message).toMatch(new RegExp(`^${parameter} [\\u4e00-\\u9fa5]`));
    expect(res.body.error.message).toContain(`(${parameter} `);
  });
});

describe('published answers (公众问答) in the search', () => {
  const ANSWER = 'api::public-answer.public-answer';
  const answer = (subject: string, status?: 'published') =>
    app.strapi.documents(ANSWER).create({
      ...(status ? { status } : {}),
      data: {
        subject,
        question: '来信人询问不动产登记窗口周六是否办理业务。',
        reply: '不动产登记中心周六上午正常办理登记业务。',
        kind: 'question',
        organization: office,
        personalDataRemovedBy: '赵审批',
        personalDataRemovedAt: '2026-03-02T02:00:00.000Z',
        sourceMessage: 'message-document-id',
        confidentialityReview: approvedReview,
      } as never,
    });

  test('a published answer is found by its question and reply, faceted by organization; a draft one not', async () => {
    const published = (await answer('不动产登记周六办理咨询', 'published')).documentId;
    const draft = (await answer('不动产登记草稿问答')).documentId;
    const body = await search({ q: '不动产登记', types: 'public-answer' });
    expect(body.data.map((hit) => [hit.type, hit.documentId, hit.title])).toEqual([
      ['public-answer', published, '不动产登记周六办理咨询'],
    ]);
    expect(body.meta.facets.type).toEqual({ 'public-answer': 1 });
    expect(body.meta.facets.organization).toEqual({ [office]: 1 });
    expect(await found('周六上午正常办理')).toEqual([published]);
    expect(await found('不動產登記', { locale: 'zh-Hant' })).toEqual([published]);
    expect(await found('草稿问答')).not.toContain(draft);
    expect(JSON.stringify(body)).not.toContain('赵审批');
  });
});

describe('the result window: a search ranks, counts and pages the newest matches, up to a bound', () => {
  const WINDOW = 'plugin::disclosure.search.resultWindow';
  const byMonth: Record<string, string[]> = {};

  beforeAll(async () => {
    // Published in three months (Strapi stamps publishedAt with the pinned date): the window's
    // months are looked for backwards from the newest entry, step by step.
    for (const [month, count] of [
      ['2024-01', 4],
      ['2024-06', 4],
      ['2025-03', 8],
    ] as const) {
      setClock(app, `${month}-10T02:00:00Z`);
      byMonth[month] = [];
      for (let index = 0; index < count; index += 1)
        byMonth[month].push(
          await publishDocument({ title: `档案整理工作通知（${month}第${index + 1}号）` })
        );
    }
    resetClock(app);
    app.strapi.config.set(WINDOW, 10);
  });

  afterAll(() => {
    app.strapi.config.set(WINDOW, 1000);
  });

  test('past the window: the newest 10 of 16, counted in total and facets, and the answer says truncated', async () => {
    const body = await search({ q: '档案整理', pageSize: '50' });
    expect(body.meta.truncated).toBe(true);
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 50, pageCount: 1, total: 10 });
    expect(body.data.map((hit) => hit.documentId).sort()).toEqual(
      [...byMonth['2025-03'], ...byMonth['2024-06'].slice(2)].sort()
    );
    expect(body.meta.facets.year).toEqual({ 2025: 8, 2024: 2 });
    expect(body.meta.facets.type).toEqual({ 'policy-document': 10 });
  });

  test('within it: a filter narrows to what fits, every match counted, not truncated', async () => {
    const year = await search({ q: '档案整理', year: '2024', pageSize: '50' });
    expect(year.meta.truncated).toBe(false);
    expect(year.meta.pagination.total).toBe(8);
    expect(year.data.map((hit) => hit.documentId).sort()).toEqual(
      [...byMonth['2024-01'], ...byMonth['2024-06']].sort()
    );
    const dates = await search({ q: '档案整理', from: '2024-01-01', to: '2024-01-31' });
    expect(dates.data.map((hit) => hit.documentId).sort()).toEqual([...byMonth['2024-01']].sort());
    app.strapi.config.set(WINDOW, 20);
    try {
      // Another address than the first test's: answers are cached per address until a write.
      const all = await search({ q: '档案整理', pageSize: '40' });
      expect(all.meta.truncated).toBe(false);
      expect(all.meta.pagination.total).toBe(16);
    } finally {
      app.strapi.config.set(WINDOW, 10);
    }
  });

  test('pages stop at the window', async () => {
    const second = await search({ q: '档案整理', page: '2', pageSize: '6' });
    expect(second.data).toHaveLength(4);
    expect(second.meta.pagination).toEqual({ page: 2, pageSize: 6, pageCount: 2, total: 10 });
    expect((await search({ q: '档案整理', page: '3', pageSize: '6' })).data).toEqual([]);
  });

  test('the migration upgrades an index made before the tags (PostgreSQL: the column and one index of words and tags per locale; SQLite: the FTS5 table made again), and the completion fills it', async () => {
    const knex = app.strapi.db.connection;
    const before = await search({ q: '档案整理', year: '2025', pageSize: '50' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const migration = require('../../database/migrations/2026.12.06T00.00.00.search-index.js') as {
      up: (db: typeof knex) => Promise<void>;
    };
    const postgres = app.strapi.db.dialect.client === 'postgres';
    const indexes = async () =>
      postgres
        ? (
            (
              await knex.raw(
                `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'disclosure_search_entries'`
              )
            ).rows as Array<{ name: string }>
          ).map(({ name }) => name)
        : [];
    // The index as the previous release made it.
    if (postgres) {
      await knex.raw('ALTER TABLE "disclosure_search_entries" DROP COLUMN "tag_vector"');
      for (const locale of ['zh_hans', 'zh_hant'])
        await knex.raw(
          `CREATE INDEX "disclosure_search_entries_vector_${locale}_idx" ON "disclosure_search_entries" USING GIN ("search_vector") WHERE "locale" = '${locale.replace('_h', '-H')}'`
        );
    } else {
      await knex.raw('DROP TABLE "disclosure_search_fts"');
      await knex.raw(
        `CREATE VIRTUAL TABLE "disclosure_search_fts" USING fts5(title, number, summary, body, tokenize = 'unicode61')`
      );
    }
    await migration.up(knex);
    await migration.up(knex);
    if (postgres) {
      const names = await indexes();
      expect(names).toEqual(
        expect.arrayContaining([
          'disclosure_search_entries_words_tags_zh_hans_idx',
          'disclosure_search_entries_words_tags_zh_hant_idx',
        ])
      );
      expect(names.filter((name) => /_vector_/.test(name))).toEqual([]);
    } else {
      const [fts] = await knex('sqlite_master')
        .where({ name: 'disclosure_search_fts' })
        .select('sql');
      expect(fts.sql).toMatch(/\btags\b/);
    }
    expect(await app.strapi.plugin('disclosure').service('search').completeTags()).toBeGreaterThan(
      0
    );
    // Another address than before's: the response cache does not see a migration.
    const after = await search({ q: '档案整理', year: '2025', pageSize: '49' });
    expect(after.data).toEqual(before.data);
    expect(after.meta.facets).toEqual(before.meta.facets);
    expect(after.data).toHaveLength(8);
  });

  test('an index written before the tags is completed at boot from its stored columns, and finds the same', async () => {
    const knex = app.strapi.db.connection;
    const before = await search({ q: '档案整理', year: '2024', pageSize: '50' });
    if (app.strapi.db.dialect.client === 'postgres')
      await knex('disclosure_search_entries').update({ tag_vector: null });
    else await knex.raw('DELETE FROM "disclosure_search_fts"');
    // Nothing can be found without the tags (the filters and months are looked up in them)...
    expect((await search({ q: '档案整理', year: '2024', pageSize: '47' })).data).toEqual([]);
    const completed = await app.strapi.plugin('disclosure').service('search').completeTags();
    const entries = Number(
      (
        (await knex('disclosure_search_entries').count({ count: '*' })) as Array<{ count: string }>
      )[0].count
    );
    expect(completed).toBe(entries);
    expect(await app.strapi.plugin('disclosure').service('search').completeTags()).toBe(0);
    // Another address than before's: the response cache does not see a direct database write.
    const after = await search({ q: '档案整理', year: '2024', pageSize: '48' });
    expect(after.data).toEqual(before.data);
    expect(after.meta.facets).toEqual(before.meta.facets);
    expect(after.data).toHaveLength(8);
  });
});
