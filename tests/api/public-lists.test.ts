import { approvedReview, policyDocumentData } from '../harness/fixtures';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';
import { bothWays, fieldOrder } from '../harness/public-lists';

/**
 * Public lists of the catalogue (and of press releases, interpretations and public concerns) read straight from the table (`public-lists`): for every question
 * it takes, the same answer as Strapi's generic pipeline; every other question is left to that
 * pipeline; and nothing a draft, an on-request or a not-disclosed item holds is ever in either.
 */
const DOC = 'api::policy-document.policy-document';
let app: TestApp;
let office: string;
const ids: Record<string, string> = {};

const lists = () => app.strapi.plugin('disclosure').service('public-lists');
const responseCache = () => app.strapi.plugin('disclosure').service('response-cache');
const list = (query: string, headers: Record<string, string> = {}) =>
  app.http().get(listPath(query)).set(headers);
const body = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

const listPath = (query: string) => `/api/policy-documents${query ? `?${query}` : ''}`;
const documentPath = (documentId: string, query = '', type = 'policy-documents') =>
  `/api/${type}/${documentId}${query ? `?${query}` : ''}`;

beforeAll(async () => {
  app = await startApp();
  const s = app.strapi;
  office = (
    await s.documents('api::organization.organization').create({
      data: {
        name: '青岛市人民政府办公厅',
        code: '370200001',
        level: 'department',
        regionCode: '370200',
      } as any,
    })
  ).documentId;
  const documents = s.documents(DOC);
  const published = [
    {
      category: 'service',
      issueDate: '2026-03-12',
      topic: '营商环境',
      indexNumber: '370200001/2026-00001',
      documentNumber: '青政办发〔2026〕1号',
    },
    // Same issue date as the next: the order between them is Strapi's tie-break (id).
    { category: 'service', issueDate: '2026-03-11', topic: '教育', validity: 'amended' },
    {
      category: 'service',
      issueDate: '2026-03-11',
      topic: '营商环境',
      summary: '关于优化营商环境的若干措施',
    },
    { category: 'decision', issueDate: '2025-12-30', topic: '乡村振兴', genre: 'opinion' },
    { category: 'decision', issueDate: '2024-06-01', validity: 'repealed' },
  ];
  for (const [index, overrides] of published.entries()) {
    const created = await documents.create({
      status: 'published',
      data: policyDocumentData(office, {
        title: `公开文件${index + 1}`,
        body: body(`正文${index + 1}：为进一步做好政务公开工作。`),
        ...overrides,
      }) as any,
    } as any);
    ids[`published${index + 1}`] = created.documentId;
  }
  // A published document whose newer draft is not yet published: the public sees the published text.
  await documents.update({
    documentId: ids.published1,
    locale: 'zh-Hans',
    data: { title: '尚未发布的修改稿', summary: '草稿摘要' } as any,
  } as any);
  ids.draft = (
    await documents.create({
      data: policyDocumentData(office, {
        title: '尚未发布的草稿',
        category: 'service',
        issueDate: '2026-03-20',
      }) as any,
    } as any)
  ).documentId;
  ids.onRequest = (
    await documents.create({
      data: policyDocumentData(office, {
        title: '依申请公开的文件',
        category: 'service',
        issueDate: '2026-03-19',
        disclosureAttribute: 'on-request',
        nonDisclosureReason: 'process-information',
        nonDisclosureExplanation: '过程性信息',
      }) as any,
    } as any)
  ).documentId;
  // Published while proactive, then re-classified below the gate (e.g. by a data import): still hidden.
  ids.reclassified = (
    await documents.create({
      status: 'published',
      data: policyDocumentData(office, {
        title: '事后定为不予公开',
        category: 'service',
        issueDate: '2026-03-18',
      }) as any,
    } as any)
  ).documentId;
  await s.db.query(DOC).updateMany({
    where: { documentId: ids.reclassified },
    data: {
      disclosureAttribute: 'not-disclosed',
      nonDisclosureReason: 'state-secret',
      nonDisclosureExplanation: '涉密',
    },
  });
  // The other public types listed the same way; a public concern's internal notes are private.
  for (const [index, kind] of ['press-release', 'briefing', 'press-conference'].entries()) {
    await s.documents('api::press-release.press-release').create({
      status: 'published',
      data: {
        title: `新闻稿${index + 1}`,
        kind,
        organization: office,
        heldAt: `2026-03-0${index + 1}T01:00:00Z`,
        body: body('新闻正文'),
        confidentialityReview: approvedReview,
      } as any,
    });
  }
  await s
    .documents('api::press-release.press-release')
    .create({ data: { title: '未发布的新闻稿', kind: 'briefing', organization: office } as any });
  for (const [index, form] of ['text', 'graphic'].entries()) {
    await s.documents('api::interpretation.interpretation').create({
      status: 'published',
      data: {
        title: `政策解读${index + 1}`,
        form,
        sourceDocument: ids.published2,
        mainContent: body('解读正文'),
        confidentialityReview: approvedReview,
      } as any,
    });
  }
  for (const [index, severity] of ['general', 'major-emergency'].entries()) {
    await s.documents('api::public-concern.public-concern').create({
      status: 'published',
      data: {
        topic: `社会关切${index + 1}`,
        summary: '群众反映的问题',
        severity,
        detectedAt: '2026-03-10T02:00:00.000Z',
        organization: office,
        internalNotes: '内部备注：请勿公开',
      } as any,
    });
  }
  await responseCache().announced();
  // Compared answers must both be rendered, not one of them served from the response cache.
  responseCache().setEnabled(false);
});

afterAll(async () => {
  responseCache()?.setEnabled(true);
  await app?.stop();
});

const ANSWERED_DIRECTLY = [
  '',
  'locale=zh-Hant',
  'filters%5Bcategory%5D%5B%24eq%5D=service&sort=issueDate%3Adesc&pagination%5BpageSize%5D=25&locale=zh-Hans',
  'filters%5Bcategory%5D%5B%24eq%5D=service&sort=issueDate%3Adesc&pagination%5BpageSize%5D=25&locale=zh-Hant',
  'filters[category]=decision&sort=issueDate:desc',
  'sort=issueDate',
  'sort=title:desc',
  'sort[0]=category:asc&sort[1]=issueDate:desc',
  'sort=category,issueDate:desc',
  'sort=id:desc',
  'pagination[page]=2&pagination[pageSize]=2&sort=issueDate:desc',
  'pagination[page]=99',
  'pagination[pageSize]=1000',
  'fields[0]=title&fields[1]=issueDate&sort=issueDate:desc',
  'fields[0]=issueDate&fields[1]=title&fields[2]=category',
  'fields[0]=summary&fields[1]=title&fields[2]=summary',
  'fields=title',
  'fields[0]=category&fields[1]=documentId',
  'fields[0]=id',
  'filters[topic][$eq]=营商环境&locale=zh-Hans',
  'filters[indexNumber][$eq]=370200001/2026-00001',
  'filters[category][$eq]=service&filters[topic][$eq]=教育',
  // Asking for what the public may not see finds nothing, either way.
  'filters[disclosureAttribute][$eq]=on-request',
  'filters[disclosureAttribute][$eq]=not-disclosed&locale=zh-Hant',
  'filters[title][$eq]=尚未发布的草稿',
  'filters[category][$eq]=nonsense',
  'status=published&filters[category][$eq]=service',
];

test.each(ANSWERED_DIRECTLY)(
  'read straight from the table, with the generic answer: %s',
  async (query) => {
    const { direct, generic, answeredDirectly, readByTemplate } = await bothWays(
      app,
      listPath(query)
    );
    expect(answeredDirectly).toBe(true);
    expect(readByTemplate).toBe(true);
    expect(direct.status).toBe(200);
    expect(generic.status).toBe(200);
    expect(direct.body).toEqual(generic.body);
    // The same fields, in the same order, as well as the same values.
    expect(fieldOrder(direct)).toBe(fieldOrder(generic));
  }
);

const LEFT_TO_THE_PIPELINE = [
  'populate=*',
  'populate[issuingOrganization]=true',
  'filters[title][$contains]=公开',
  'filters[issueDate][$gte]=2026-01-01',
  'filters[isNormative][$eq]=true',
  'filters[issuingOrganization][name][$eq]=青岛市人民政府办公厅',
  'fields[0]=issuerDocumentNumber',
  'filters[issuerDocumentNumber][$eq]=x',
  'sort=issuerDocumentNumber:desc',
  'sort=body:asc',
  'sort=issueDate:DESC',
  'pagination[start]=0&pagination[limit]=2',
  'pagination[page]=0',
  'pagination[pageSize]=abc',
  'pagination[withCount]=false',
  'locale=en',
  'locale=all',
  'status=draft',
  'unknownParameter=1',
];

test.each(LEFT_TO_THE_PIPELINE)(
  'left to the generic pipeline, which answers it as before: %s',
  async (query) => {
    const { direct, generic, answeredDirectly } = await bothWays(app, listPath(query));
    expect(answeredDirectly).toBe(false);
    expect(direct.status).toBe(generic.status);
    expect(direct.body).toEqual(generic.body);
  }
);

const OTHER_TYPES: Array<[string, string[]]> = [
  [
    'press-releases',
    [
      '',
      'locale=zh-Hant',
      'sort=heldAt:desc',
      'filters[kind][$eq]=briefing',
      'fields[0]=title&fields[1]=kind',
      'pagination[page]=2&pagination[pageSize]=2',
    ],
  ],
  [
    'interpretations',
    ['', 'locale=zh-Hant', 'sort=title:desc', 'filters[form]=graphic', 'fields=title'],
  ],
  [
    'public-concerns',
    [
      '',
      'locale=zh-Hant',
      'sort=detectedAt:desc',
      'filters[severity][$eq]=major-emergency',
      'fields[0]=topic&fields[1]=summary',
    ],
  ],
];
const otherTypeCases = OTHER_TYPES.flatMap(([type, queries]) =>
  queries.map((query) => [type, query])
);

test.each(otherTypeCases)(
  '%s, read straight from the table, with the generic answer: %s',
  async (type, query) => {
    const { direct, generic, answeredDirectly, readByTemplate } = await bothWays(
      app,
      `/api/${type}${query ? `?${query}` : ''}`
    );
    expect(answeredDirectly).toBe(true);
    expect(readByTemplate).toBe(true);
    expect(direct.status).toBe(200);
    expect(direct.body.data.length).toBeGreaterThan(0);
    expect(direct.body).toEqual(generic.body);
    expect(fieldOrder(direct)).toBe(fieldOrder(generic));
    expect(JSON.stringify(direct.body)).not.toMatch(
      /internalNotes|内部备注|未发布的新闻稿|confidentialityReview/
    );
  }
);

test('one shape’s SQL, written once, answers each request with its own values', async () => {
  // Fields no other test asks for in this order: a shape of this test's own.
  const shape = (category: string, page: number) =>
    `filters[category][$eq]=${category}&sort=issueDate:desc&pagination[page]=${page}&pagination[pageSize]=1&locale=zh-Hant&fields[0]=indexNumber&fields[1]=title&fields[2]=body`;
  await bothWays(app, listPath(shape('service', 2)));
  const templates = lists().stats().templates;
  for (const [category, page] of [
    ['decision', 2],
    ['service', 3],
    ['service', 2],
    ['nonsense', 5],
  ] as const) {
    const { direct, generic, readByTemplate } = await bothWays(
      app,
      listPath(shape(category, page))
    );
    expect(readByTemplate).toBe(true);
    expect(direct.body).toEqual(generic.body);
    expect(fieldOrder(direct)).toBe(fieldOrder(generic));
  }
  // The same shape: no new SQL. The first page (no offset) is a shape of its own.
  expect(lists().stats().templates).toBe(templates);
  const first = await bothWays(app, listPath(shape('service', 1)));
  expect(first.direct.body).toEqual(first.generic.body);
  expect(first.direct.body.data).toHaveLength(1);
  expect(lists().stats().templates).toBe(templates + 1);
});

const DOCUMENT_QUESTIONS: Array<[string, string]> = [
  // A newer draft is not yet published: the public reads the published text.
  ['published1', ''],
  ['published1', 'locale=zh-Hant'],
  ['published3', 'fields[0]=summary&fields[1]=title'],
  ['published2', 'fields=title&locale=zh-Hans'],
  ['published4', 'status=published'],
  ['published5', 'fields[0]=body&fields[1]=validity&locale=zh-Hant'],
];

test.each(DOCUMENT_QUESTIONS)(
  'one document read straight from the table, with the generic answer: %s %s',
  async (name, query) => {
    const { direct, generic, answeredDirectly, readByTemplate } = await bothWays(
      app,
      documentPath(ids[name], query)
    );
    expect(answeredDirectly).toBe(true);
    expect(readByTemplate).toBe(true);
    expect(direct.status).toBe(200);
    expect(direct.body).toEqual(generic.body);
    expect(Object.keys(direct.body.data)).toEqual(Object.keys(generic.body.data));
    expect(direct.body.data.documentId).toBe(ids[name]);
    expect(JSON.stringify(direct.body)).not.toMatch(
      /尚未发布的修改稿|草稿摘要|issuerDocumentNumber|confidentialityReview/
    );
  }
);

test.each(['draft', 'onRequest', 'reclassified', 'unknown'])(
  'a document the public may not see (%s) is not found, either way',
  async (name) => {
    const { direct, generic, answeredDirectly } = await bothWays(
      app,
      documentPath(ids[name] ?? 'nosuchdocumentatall00000', 'locale=zh-Hans')
    );
    // Found by no direct read: the pipeline answers, with its own 404.
    expect(answeredDirectly).toBe(false);
    expect(direct.status).toBe(404);
    expect(generic.status).toBe(404);
    expect(JSON.stringify(direct.body)).not.toMatch(
      /依申请公开的文件|尚未发布的草稿|事后定为不予公开|过程性信息|涉密/
    );
  }
);

test.each([
  'populate=issuingOrganization',
  'fields[0]=issuerDocumentNumber',
  'filters[category]=service',
  'sort=title',
  'pagination[page]=1',
  'locale=en',
  'status=draft',
])('one document, left to the generic pipeline, which answers it as before: %s', async (query) => {
  const { direct, generic, answeredDirectly } = await bothWays(
    app,
    documentPath(ids.published2, query)
  );
  expect(answeredDirectly).toBe(false);
  expect(direct.status).toBe(generic.status);
  expect(direct.body).toEqual(generic.body);
});

test.each(['press-releases', 'interpretations', 'public-concerns'])(
  'one %s read straight from the table, with the generic answer',
  async (type) => {
    const listed = await app.http().get(`/api/${type}?locale=zh-Hant`);
    expect(listed.body.data.length).toBeGreaterThan(0);
    for (const { documentId } of listed.body.data) {
      const { direct, generic, answeredDirectly } = await bothWays(
        app,
        documentPath(documentId, 'locale=zh-Hant', type)
      );
      expect(answeredDirectly).toBe(true);
      expect(direct.status).toBe(200);
      expect(direct.body).toEqual(generic.body);
      expect(Object.keys(direct.body.data)).toEqual(Object.keys(generic.body.data));
      expect(JSON.stringify(direct.body)).not.toMatch(
        /internalNotes|内部备注|confidentialityReview/
      );
    }
  }
);

test('a shape longer than any portal asks is answered, and not kept', async () => {
  const templates = lists().stats().templates;
  const { direct, generic, answeredDirectly, readByTemplate } = await bothWays(
    app,
    listPath(`sort=${Array(150).fill('title').join(',')}&fields[0]=title`)
  );
  expect(answeredDirectly).toBe(true);
  expect(readByTemplate).toBe(true);
  expect(direct.body).toEqual(generic.body);
  expect(lists().stats().templates).toBe(templates);
});

test('without a default locale in the i18n store, lists without a locale are the pipeline’s', async () => {
  const store = app.strapi.store({ type: 'plugin', name: 'i18n' });
  const defaultLocale = await store.get({ key: 'default_locale' });
  await store.delete({ key: 'default_locale' });
  try {
    const { direct, generic, answeredDirectly } = await bothWays(
      app,
      listPath('sort=issueDate:desc')
    );
    expect(answeredDirectly).toBe(false);
    expect(direct.status).toBe(generic.status);
    expect(direct.body).toEqual(generic.body);
  } finally {
    await store.set({ key: 'default_locale', value: defaultLocale });
  }
  expect((await bothWays(app, listPath('sort=issueDate:desc'))).answeredDirectly).toBe(true);
});

test('inside a transaction, a list is read by the query engine, within it', async () => {
  const ctx: any = {
    method: 'GET',
    query: { filters: { category: 'service' }, sort: 'issueDate:desc' },
    headers: {},
    get: () => '',
    state: { route: { info: { type: 'content-api' } } },
  };
  const outside = await lists().find(DOC, ctx);
  const before = lists().stats();
  const inside = await app.strapi.db.transaction(() => lists().find(DOC, ctx));
  expect(lists().stats().answered).toBe(before.answered + 1);
  expect(lists().stats().readByTemplate).toBe(before.readByTemplate);
  expect(JSON.parse(JSON.stringify(inside))).toEqual(JSON.parse(JSON.stringify(outside)));
  expect(inside.results.map((row: any) => row.title)).toEqual([
    '公开文件1',
    '公开文件2',
    '公开文件3',
  ]);
});

test('a private field of another type is neither shown nor filtered on directly', async () => {
  const before = lists().stats().answered;
  const res = await app.http().get('/api/public-concerns?filters[internalNotes][$eq]=x');
  expect(lists().stats().answered).toBe(before);
  expect(res.status).toBe(400);
});

test('a public list shows published, proactive documents only, never a draft or private field', async () => {
  const res = await list('filters[category][$eq]=service&sort=issueDate:desc');
  expect(res.status).toBe(200);
  expect(res.body.data.map((row: any) => row.title)).toEqual([
    '公开文件1',
    '公开文件2',
    '公开文件3',
  ]);
  expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 3 });
  const text = JSON.stringify(res.body);
  for (const hidden of [
    '尚未发布的修改稿',
    '草稿摘要',
    '尚未发布的草稿',
    '依申请公开的文件',
    '事后定为不予公开',
    'issuerDocumentNumber',
    'confidentialityReview',
    'createdBy',
  ]) {
    expect(text).not.toContain(hidden);
  }
  expect(res.body.data[0]).toMatchObject({
    documentId: ids.published1,
    indexNumber: '370200001/2026-00001',
    body: body('正文1：为进一步做好政务公开工作。'),
  });
});

test('the Traditional catalogue lists the converted documents', async () => {
  const res = await list('filters[category][$eq]=service&sort=issueDate:desc&locale=zh-Hant');
  expect(res.status).toBe(200);
  expect(res.body.data.map((row: any) => row.title)).toEqual([
    '公開文件1',
    '公開文件2',
    '公開文件3',
  ]);
  expect(res.body.data.every((row: any) => row.locale === 'zh-Hant')).toBe(true);
});

test('signed-in and token requests go through the generic pipeline and see what they may', async () => {
  const token = await createFullAccessToken(app.strapi);
  const before = lists().stats().answered;
  const drafts = await list('filters[category][$eq]=service&status=draft&sort=issueDate:desc', {
    Authorization: `Bearer ${token}`,
  });
  expect(drafts.status).toBe(200);
  expect(drafts.body.data.map((row: any) => row.title)).toContain('尚未发布的草稿');
  expect(lists().stats().answered).toBe(before);
});

test('with the response cache on, a publication is listed at once, and its total counted', async () => {
  responseCache().setEnabled(true);
  try {
    const query = 'filters[category][$eq]=result&sort=issueDate:desc';
    expect((await list(query)).body.meta.pagination.total).toBe(0);
    expect((await list(query)).headers['x-response-cache']).toBe('hit');
    await app.strapi.documents(DOC).create({
      status: 'published',
      data: policyDocumentData(office, {
        title: '新发布的结果公开',
        category: 'result',
        confidentialityReview: approvedReview,
      }) as any,
    } as any);
    const after = await list(query);
    expect(after.headers['x-response-cache']).toBe('miss');
    expect(after.body.data.map((row: any) => row.title)).toEqual(['新发布的结果公开']);
    expect(after.body.meta.pagination.total).toBe(1);
  } finally {
    responseCache().setEnabled(false);
  }
});

test('a body is written into the answer as the database keeps it, and reads as the pipeline’s', async () => {
  const res = await list('filters[category][$eq]=service&sort=issueDate:desc');
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
  expect(res.body.data[0].body).toEqual(body('正文1：为进一步做好政务公开工作。'));
  // The stored text itself, spliced in (PostgreSQL's jsonb text has a space after each colon).
  expect(res.text).toContain(
    app.strapi.db.dialect.client === 'postgres' ? '"type": "paragraph"' : '"type":"paragraph"'
  );
});

test('a body stored twice encoded, or not as JSON at all, reads as Strapi reads it, both ways', async () => {
  const knex = app.strapi.db.connection;
  const rows = (documentId: string) => knex('policy_documents').where({ document_id: documentId });
  const original = await rows(ids.published1).select('id', 'body');
  const twiceEncoded = JSON.stringify(JSON.stringify(body('早期版本两次编码的正文')));
  try {
    if (app.strapi.db.dialect.client === 'postgres') {
      await rows(ids.published1).update({
        body: knex.raw('to_jsonb(?::text)', [JSON.stringify(body('早期版本两次编码的正文'))]),
      });
    } else {
      await rows(ids.published1).update({ body: twiceEncoded });
      await rows(ids.published2).update({ body: '这不是 JSON' });
    }
    const query = 'filters[category][$eq]=service&sort=issueDate:desc';
    const { direct, generic, answeredDirectly } = await bothWays(app, listPath(query));
    expect(answeredDirectly).toBe(true);
    expect(direct.body).toEqual(generic.body);
    expect(direct.body.data[0].body).toEqual(body('早期版本两次编码的正文'));
    if (app.strapi.db.dialect.client === 'sqlite')
      expect(direct.body.data.find((row: any) => row.documentId === ids.published2).body).toBe(
        '这不是 JSON'
      );
  } finally {
    for (const row of original)
      await knex('policy_documents').where({ id: row.id }).update({ body: row.body });
    if (app.strapi.db.dialect.client === 'sqlite')
      await rows(ids.published2).update({
        body: JSON.stringify(body('正文2：为进一步做好政务公开工作。')),
      });
  }
});

test('an answer in another shape (Strapi’s v4 format) is the pipeline’s, and never shared through the cache', async () => {
  responseCache().setEnabled(true);
  try {
    const query = 'filters[category][$eq]=decision&sort=issueDate:desc';
    const plain = await list(query);
    expect(plain.body.data[0].attributes).toBeUndefined();
    expect((await list(query)).headers['x-response-cache']).toBe('hit');
    const before = lists().stats().answered;
    const v4 = await list(query, { 'Strapi-Response-Format': 'v4' });
    expect(v4.headers['x-response-cache']).toBe('bypass');
    expect(lists().stats().answered).toBe(before);
    expect(v4.body.data[0].attributes.title).toBe(plain.body.data[0].title);
    const again = await list(query);
    expect(again.headers['x-response-cache']).toBe('hit');
    expect(again.body).toEqual(plain.body);
  } finally {
    responseCache().setEnabled(false);
  }
});
