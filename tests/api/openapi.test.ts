import fs from 'fs';
import path from 'path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { PUBLIC_CONTENT_TYPES } from '../../src/plugins/disclosure/shared/constants';
import { approvedReview, policyDocumentData } from '../harness/fixtures';
import { createFullAccessToken, setClock, startApp, type TestApp } from '../harness/strapi';
import { signedPost, startReceivingPortal, type ReceivingPortal } from '../harness/syndication';
import { childrenNamed, parseXml } from '../harness/xml';

/**
 * The OpenAPI description (docs/openapi.md): served at /api/disclosure/openapi.json, the same as
 * docs/openapi.json in the repository (`npm run openapi` rewrites it: OPENAPI_WRITE=1), covering every
 * content-API route of the plugin and nothing that is not one; and every documented route's real
 * answer valid against it.
 */
const FILE = path.join(__dirname, '..', '..', 'docs', 'openapi.json');
const ADDRESS = '/api/disclosure/openapi.json';
const DOC = 'api::policy-document.policy-document';
/** A Monday; every date below is relative to it. */
const NOW = '2026-06-01T02:00:00Z';
const nowSeconds = () => Math.floor(Date.parse(NOW) / 1000);
/** The province, pushing to this instance (a source whose reprints are held) … */
const SOURCE_SECRET = 'whsec_b3BlbmFwaS10ZXN0LXNvdXJjZS1zZWNyZXQ=';
/** … and a county portal this instance pushes to (a subscriber). */
const SUBSCRIBER_SECRET = 'whsec_b3BlbmFwaS10ZXN0LWNvdW50eS1zZWNyZXQ=';

/**
 * Every documented operation, each with at least one real answer validated below. It must equal the
 * description's operations (the last test): a new route is described and answered, or this fails.
 */
const ANSWERED = [
  ...[
    'organizations',
    'policy-documents',
    'interpretations',
    'consultations',
    'press-releases',
    'public-concerns',
    'public-answers',
    'annual-reports',
  ].flatMap((plural) => [`get /${plural}`, `get /${plural}/{id}`]),
  'post /consultations/{documentId}/feedback',
  'get /disclosure/working-days/add',
  'get /disclosure/working-days/between',
  'get /disclosure/catalogue/counts',
  'post /disclosure/convert',
  'get /disclosure/compliance',
  'post /disclosure/messages',
  'get /disclosure/messages/{number}',
  'post /disclosure/messages/{number}/rating',
  'get /disclosure/mailboxes',
  'post /disclosure/applications',
  'get /disclosure/applications/{number}',
  'get /disclosure/openapi.json',
  'get /disclosure/search',
  'post /disclosure/inbox',
  'post /disclosure/receipts',
  'get /disclosure/feed',
  'get /disclosure/feed.atom',
  'get /disclosure/syndication/status',
];

type Json = Record<string, unknown>;
interface Description {
  openapi: string;
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, Json>>;
}

let app: TestApp;
let description: Description;
let ajv: Ajv2020;
let organization: string;
let token: string;
let portal: ReceivingPortal;
/** A must-syndicate document, pushed to the county portal, which held its copy. */
let syndicated: string;
let consultation: string;
/** `method /path` of every operation whose real answer was valid against the description. */
const validated = new Set<string>();

/** Zod writes `$schema` in every converted schema; ajv takes it at a document's root only. */
const withoutSchemaKeyword = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutSchemaKeyword);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '$schema')
      .map(([key, entry]) => [key, withoutSchemaKeyword(entry)])
  );
};

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The documented answer of an operation at a status, under a media type. */
const documentedAnswer = (
  method: string,
  documentedPath: string,
  status: number,
  mediaType = 'application/json'
) => {
  const operation = description.paths[documentedPath]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${documentedPath} is not described`);
  const responses = operation.responses as Record<string, { content?: Json }>;
  const content = responses[String(status)]?.content;
  if (!content?.[mediaType]) {
    throw new Error(
      `${method.toUpperCase()} ${documentedPath}: no ${status} answer described as ${mediaType}`
    );
  }
  const ref = `openapi#/${pointer('paths', documentedPath, method, 'responses', String(status), 'content', mediaType, 'schema')}`;
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema at ${ref}`);
  return validate;
};

const validateAgainst = (validate: ValidateFunction, what: string, body: unknown) => {
  if (!validate(body)) throw new Error(`${what}: ${JSON.stringify(validate.errors, null, 1)}`);
};

/** A route's real answer, at the status it should have, valid against the description. */
const expectDescribed = (
  method: 'get' | 'post',
  documentedPath: string,
  answer: { status: number; body: unknown },
  status = 200
) => {
  expect(answer.status).toBe(status);
  validateAgainst(
    documentedAnswer(method, documentedPath, status),
    `${method.toUpperCase()} ${documentedPath} ${status}`,
    answer.body
  );
  if (status < 300) validated.add(`${method} ${documentedPath}`);
};

beforeAll(async () => {
  portal = await startReceivingPortal(() => ({ status: 'held' }));
  app = await startApp();
  setClock(app, NOW);
  organization = (
    await app.strapi.documents('api::organization.organization').create({
      data: { name: '济南市交通运输局', code: '370100031', level: 'department' } as any,
      status: 'published',
    } as any)
  ).documentId;
  await app.strapi.documents('api::policy-document.policy-document').create({
    data: policyDocumentData(organization, {
      documentNumber: '济交发〔2026〕1号',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: '全文' }] }],
    }),
    status: 'published',
  } as any);
  // 公众问答, as the mailbox's route leaves it (confirmed) and a reviewer passes it.
  await app.strapi.documents('api::public-answer.public-answer').create({
    data: {
      subject: '公交线路调整咨询',
      question: '来信人询问12路公交线路调整后的站点。',
      reply: '12路公交调整后的站点已在交通运输局网站公布。',
      kind: 'question',
      organization,
      askedOn: '2026-03-02',
      repliedOn: '2026-03-10',
      sourceMessage: 'message-document-id',
      personalDataRemovedBy: '赵审批',
      personalDataRemovedAt: '2026-03-10T02:00:00.000Z',
      confidentialityReview: approvedReview,
    },
    status: 'published',
  } as any);
  token = await createFullAccessToken(app.strapi);
  await createOneOfEachPublicType();
  await createSyndication();

  const served = await app.http().get(ADDRESS);
  expect(served.status).toBe(200);
  description = served.body as Description;
  if (process.env.OPENAPI_WRITE === '1')
    fs.writeFileSync(FILE, `${JSON.stringify(description, null, 2)}\n`);
  ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  ajv.addFormat('binary', true);
  ajv.addSchema(withoutSchemaKeyword(description) as Json, 'openapi');
});
afterAll(async () => {
  await app?.stop();
  await portal?.close();
});

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/** A published item of every public type, so that each type's list and item are answered. */
async function createOneOfEachPublicType() {
  const published = async (uid: string, data: Json) =>
    (await app.strapi.documents(uid as any).create({ data: data as any, status: 'published' }))
      .documentId;
  const [policy] = await app.strapi.documents(DOC).findMany({ status: 'published' } as any);
  await published('api::interpretation.interpretation', {
    title: '《济南市交通运输局关于道路维修的通知》解读',
    form: 'text',
    sourceDocument: policy.documentId,
    mainContent: paragraph('解读正文'),
    confidentialityReview: approvedReview,
  });
  consultation = await published('api::consultation.consultation', {
    title: '关于《济南市公共交通条例（征求意见稿）》公开征求意见的公告',
    organization,
    startDate: '2026-05-25',
    endDate: '2026-06-24',
    confidentialityReview: approvedReview,
  });
  await published('api::press-release.press-release', {
    title: '济南市交通运输局新闻发布会',
    kind: 'press-conference',
    organization,
    heldAt: '2026-05-20T02:00:00.000Z',
    body: paragraph('发布会实录'),
    confidentialityReview: approvedReview,
  });
  await published('api::public-concern.public-concern', {
    topic: '公交线路调整',
    summary: '群众反映的问题',
    severity: 'general',
    detectedAt: '2026-05-28T02:00:00.000Z',
    organization,
  });
  const report = await app.strapi.documents('api::annual-report.annual-report').create({
    data: { organization, year: 2025, confidentialityReview: approvedReview } as any,
  });
  await app.strapi
    .documents('api::annual-report.annual-report')
    .publish({ documentId: report.documentId } as any);
}

/**
 * Both sides of syndication (转载): the province may push here (its reprints held), and this instance
 * pushed a must-syndicate document to a county portal, which held it, and to one that is offline
 * (a failing delivery, in the compliance report).
 */
async function createSyndication() {
  await app.strapi.db.query('plugin::disclosure.syndication-source').create({
    data: {
      name: '山东省政府门户网站',
      organizationCode: '370000000',
      secrets: [SOURCE_SECRET],
      policy: 'hold',
      active: true,
    },
  });
  await app.strapi.db.query('plugin::disclosure.subscriber').create({
    data: {
      name: '济阳区政府门户',
      endpointUrl: portal.inbox,
      secret: SUBSCRIBER_SECRET,
      scope: 'must-syndicate',
      active: true,
    },
  });
  await app.strapi.db.query('plugin::disclosure.subscriber').create({
    data: {
      name: '商河县政府门户',
      // Nothing listens on port 1: the connection is refused, the delivery retried later.
      endpointUrl: 'http://127.0.0.1:1/api/disclosure/inbox',
      secret: 'whsec_b3BlbmFwaS10ZXN0LW9mZmxpbmUtc2VjcmV0',
      scope: 'must-syndicate',
      active: true,
    },
  });
  syndicated = (
    await app.strapi.documents(DOC).create({
      data: policyDocumentData(organization, { mustSyndicate: true }) as any,
      status: 'published',
    } as any)
  ).documentId;
  const worker = app.strapi.plugin('disclosure').service('syndication-worker');
  expect(await worker.runOnce()).toMatchObject({ delivered: 1, retry: 1 });
}

describe('the description', () => {
  test('is served to anyone, cacheable, and is the one kept in docs/openapi.json (npm run openapi)', async () => {
    const served = await app.http().get(ADDRESS);
    expect(served.status).toBe(200);
    expect(served.headers['cache-control']).toMatch(/public/);
    expect(served.body.openapi).toMatch(/^3\./);
    expect(served.body.servers).toEqual([{ url: '/api', description: 'Content API' }]);
    // Neither the server's name nor its version.
    expect(served.body['x-powered-by']).toBeUndefined();
    expect(served.body['x-strapi-version']).toBeUndefined();
    const kept: unknown = JSON.parse(fs.readFileSync(FILE, 'utf8'));
    // Stale: run `npm run openapi` and commit docs/openapi.json.
    expect(served.body).toEqual(kept);
  });

  test('lists every content-API route of the plugin, and nothing of the plugin that is not one', async () => {
    const routes = (await app.strapi.contentAPI.getRoutesMap())['plugin::disclosure'] as Array<{
      method: string;
      path: string;
    }>;
    const served = routes
      .map(
        ({ method, path: routePath }) =>
          `${method.toLowerCase()} ${routePath.replace(/^\/api/, '').replace(/:(\w+)/g, '{$1}')}`
      )
      .sort();
    const documented = Object.entries(description.paths)
      .filter(([documentedPath]) => documentedPath.startsWith('/disclosure/'))
      .flatMap(([documentedPath, item]) =>
        Object.keys(item).map((method) => `${method} ${documentedPath}`)
      )
      .sort();
    expect(documented).toEqual(served);
    expect(documented).toContain('get /disclosure/openapi.json');
  });

  test('of the public types, their reads only (no writes, nothing of sign-in, users or uploads)', () => {
    const documented = Object.entries(description.paths)
      .filter(([documentedPath]) => !documentedPath.startsWith('/disclosure/'))
      .flatMap(([documentedPath, item]) =>
        Object.keys(item).map((method) => `${method} ${documentedPath}`)
      );
    const reads = PUBLIC_CONTENT_TYPES.flatMap((uid) => {
      const plural = app.strapi.getModel(uid).info.pluralName;
      return [`get /${plural}`, `get /${plural}/{id}`];
    });
    expect(documented.sort()).toEqual(
      [...reads, 'post /consultations/{documentId}/feedback'].sort()
    );
  });

  test('open routes need no token; token routes keep the bearer scheme', () => {
    expect(description.paths['/disclosure/working-days/add'].get.security).toEqual([]);
    expect(description.paths['/disclosure/feed'].get.security).toBeUndefined();
    expect((description as unknown as { security: unknown }).security).toEqual([
      { bearerAuth: [] },
    ]);
  });

  test('describes the public routes with the contracts: parameters, bodies and answers', () => {
    const add = description.paths['/disclosure/working-days/add'].get;
    expect((add.parameters as Array<{ name: string }>).map(({ name }) => name)).toEqual([
      'from',
      'days',
    ]);
    const intake = description.paths['/disclosure/applications'].post;
    expect(JSON.stringify(intake.requestBody)).toContain('applicantType');
  });
});

describe('the real answers of the documented routes match it', () => {
  test('working days', async () => {
    expectDescribed(
      'get',
      '/disclosure/working-days/add',
      await app
        .http()
        .get('/api/disclosure/working-days/add')
        .query({ from: '2026-02-13', days: '1' })
    );
    expectDescribed(
      'get',
      '/disclosure/working-days/add',
      await app
        .http()
        .get('/api/disclosure/working-days/add')
        .query({ from: '2026-12-30', days: '5' })
    );
    expectDescribed(
      'get',
      '/disclosure/working-days/between',
      await app
        .http()
        .get('/api/disclosure/working-days/between')
        .query({ from: '2026-02-01', to: '2026-03-01' })
    );
  });

  test('catalogue counts', async () => {
    const answer = await app.http().get('/api/disclosure/catalogue/counts');
    expect(answer.body.meta.total).toBe(2);
    expectDescribed('get', '/disclosure/catalogue/counts', answer);
  });

  test('convert, text and blocks', async () => {
    const convert = (body: Json) => app.http().post('/api/disclosure/convert').send(body);
    expectDescribed(
      'post',
      '/disclosure/convert',
      await convert({ from: 'zh-Hans', to: 'zh-Hant', text: '政务公开' })
    );
    expectDescribed(
      'post',
      '/disclosure/convert',
      await convert({
        from: 'zh-Hans',
        to: 'zh-Hant',
        blocks: [{ type: 'paragraph', children: [{ type: 'text', text: '信息公开' }] }],
      })
    );
  });

  test('an application, then its lookup', async () => {
    const intake = await app
      .http()
      .post('/api/disclosure/applications')
      .send({
        data: {
          organization: '370100031',
          applicantType: 'natural-person',
          name: '张三',
          idType: '居民身份证',
          idNumber: '370102199001011234',
          phone: '13800000000',
          address: '济南市历下区泉城路1号',
          description: '请提供2026年市政道路维修项目的合同',
          form: 'email',
          email: 'zhang@example.cn',
        },
      });
    expectDescribed('post', '/disclosure/applications', intake, 201);
    const { number, code } = intake.body.data as { number: string; code: string };
    expectDescribed(
      'get',
      '/disclosure/applications/{number}',
      await app
        .http()
        .get(`/api/disclosure/applications/${encodeURIComponent(number)}`)
        .query({ code })
    );
  });

  test('a message, its lookup and the open mailboxes', async () => {
    const intake = await app
      .http()
      .post('/api/disclosure/messages')
      .send({
        data: {
          organization: '370100031',
          kind: 'suggestion',
          subject: '建议延长政务服务大厅周末开放时间',
          content: '周末办事的群众较多，建议周六上午开放。',
          name: '李四',
          contact: '13900000000',
          consentToPublish: true,
        },
      });
    expectDescribed('post', '/disclosure/messages', intake, 201);
    const { number, code } = intake.body.data as { number: string; code: string };
    expectDescribed(
      'get',
      '/disclosure/messages/{number}',
      await app
        .http()
        .get(`/api/disclosure/messages/${encodeURIComponent(number)}`)
        .query({ code })
    );
    expectDescribed(
      'get',
      '/disclosure/mailboxes',
      await app.http().get('/api/disclosure/mailboxes').query({ organization: '370100031' })
    );
    // Rated once the reply is sent (sent here directly: the reply's workflow is the admin's).
    await app.strapi.db.query('plugin::disclosure.public-message').updateMany({
      where: { number },
      data: { status: 'sent', replyText: '已延长周六上午的开放时间。', sentAt: new Date(NOW) },
    });
    expectDescribed(
      'post',
      '/disclosure/messages/{number}/rating',
      await app
        .http()
        .post(`/api/disclosure/messages/${encodeURIComponent(number)}/rating`)
        .send({ data: { code, satisfied: true } })
    );
  });

  test("a consultation's feedback", async () => {
    expectDescribed(
      'post',
      '/consultations/{documentId}/feedback',
      await app
        .http()
        .post(`/api/consultations/${consultation}/feedback`)
        .send({ data: { content: '建议增加夜间公交线路。', submitterName: '王五' } }),
      201
    );
  });

  test('a search, with its facets', async () => {
    expectDescribed(
      'get',
      '/disclosure/search',
      await app.http().get('/api/disclosure/search').query({ q: '全文' })
    );
    const found = await app.http().get('/api/disclosure/search').query({ q: '全文' });
    expect(found.body.meta.pagination.total).toBe(1);
  });

  test('the feed (an API token)', async () => {
    expectDescribed(
      'get',
      '/disclosure/feed',
      await app.http().get('/api/disclosure/feed').set('Authorization', `Bearer ${token}`)
    );
  });

  test('the syndication inbox: a message signed by a source, then the same again (a duplicate)', async () => {
    const message = JSON.stringify({
      documentId: 'province-doc-1',
      contentType: DOC,
      action: 'publish',
      version: 1,
      occurredAt: '2026-06-01T01:59:00.000Z',
      source: { organization: { code: '370000000', name: '山东省人民政府' }, url: null },
      versions: [
        {
          locale: 'zh-Hans',
          title: '山东省人民政府关于加强政务公开的意见',
          documentNumber: '鲁政发〔2026〕3号',
          indexNumber: '370000000/2026-00003',
          category: 'decision',
          isNormative: true,
          issuingOrganization: { code: '370000000', name: '山东省人民政府' },
          coIssuers: [],
          implements: [],
          attachments: [],
        },
      ],
    });
    const inbox = (id: string) =>
      signedPost(app, '/api/disclosure/inbox', message, [SOURCE_SECRET], nowSeconds(), id);
    const first = await inbox('msg_openapi_1');
    expectDescribed('post', '/disclosure/inbox', first);
    expect(first.body).toMatchObject({ data: { status: 'held' }, meta: { duplicate: false } });
    const again = await inbox('msg_openapi_1');
    expectDescribed('post', '/disclosure/inbox', again);
    expect(again.body.meta.duplicate).toBe(true);
  });

  test("a receipt signed by the county portal, then the document's syndication status", async () => {
    const receipt = JSON.stringify({
      documentId: syndicated,
      version: 1,
      receipt: {
        documentId: `copy-${syndicated}`,
        url: 'https://jiyang.example.gov.cn/zwgk/1',
        status: 'published',
        publishedAt: '2026-06-01T03:00:00.000Z',
      },
    });
    expectDescribed(
      'post',
      '/disclosure/receipts',
      await signedPost(app, '/api/disclosure/receipts', receipt, [SUBSCRIBER_SECRET], nowSeconds())
    );
    const status = await app
      .http()
      .get('/api/disclosure/syndication/status')
      .query({ document: syndicated })
      .set('Authorization', `Bearer ${token}`);
    expectDescribed('get', '/disclosure/syndication/status', status);
    const bySubscriber = (name: string) =>
      (status.body.data.subscribers as Array<{ subscriber: { name: string } }>).find(
        (line) => line.subscriber.name === name
      );
    expect(bySubscriber('商河县政府门户')).toMatchObject({ status: 'pending', deliveredAt: null });
    expect(bySubscriber('济阳区政府门户')).toMatchObject({
      acknowledged: true,
      held: false,
      reprint: { url: 'https://jiyang.example.gov.cn/zwgk/1' },
    });
  });

  test('the Atom feed: the described media type, a well-formed Atom document', async () => {
    const answer = await app
      .http()
      .get('/api/disclosure/feed.atom')
      .query({ organization: '370100031' });
    expect(answer.status).toBe(200);
    const [mediaType] = String(answer.headers['content-type']).split(';');
    validateAgainst(
      documentedAnswer('get', '/disclosure/feed.atom', 200, mediaType),
      'GET /disclosure/feed.atom 200',
      answer.text
    );
    // The reader refuses what is not well-formed, so the Atom parsed below is.
    expect(() => parseXml('<feed><id>x</feed>')).toThrow(/closed by/);
    expect(() => parseXml('<feed>a & b</feed>')).toThrow(/bare "&"/);
    // RFC 4287: a feed and each entry have an id, a title and an updated time (RFC 3339).
    const feed = parseXml(answer.text);
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(2);
    for (const element of [feed, ...entries]) {
      for (const name of ['id', 'title', 'updated'])
        expect(childrenNamed(element, name)).toHaveLength(1);
      expect(childrenNamed(element, 'updated')[0].text).toMatch(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
      );
    }
    validated.add('get /disclosure/feed.atom');
  });

  test('the compliance report (an API token)', async () => {
    const report = await app
      .http()
      .get('/api/disclosure/compliance')
      .set('Authorization', `Bearer ${token}`);
    expectDescribed('get', '/disclosure/compliance', report);
    // Not an empty report: the message's reply, the reprints and the failing delivery are in it.
    expect(report.body.data.counts.total).toBeGreaterThan(0);
    // Reprints count what a subscriber received: the offline portal has received nothing yet.
    expect(report.body.data.reprints).toMatchObject([
      { subscriber: { name: '济阳区政府门户' }, reprinted: 1 },
    ]);
    expect(report.body.data.failingDeliveries).toMatchObject([
      { itemDocumentId: syndicated, target: '商河县政府门户', status: 'pending' },
    ]);
  });

  test('the description itself', async () => {
    expectDescribed('get', '/disclosure/openapi.json', await app.http().get(ADDRESS));
  });

  test('the public reads of every public type, a list and one item', async () => {
    for (const uid of PUBLIC_CONTENT_TYPES) {
      const plural = app.strapi.getModel(uid).info.pluralName;
      const list = await app.http().get(`/api/${plural}`);
      expectDescribed('get', `/${plural}`, list);
      const [first] = list.body.data as Array<{ documentId: string }>;
      expect(first).toBeDefined();
      expectDescribed(
        'get',
        `/${plural}/{id}`,
        await app.http().get(`/api/${plural}/${first.documentId}`)
      );
    }
  });
});

describe("refusals match it: Strapi's error answer, a message in Chinese and English", () => {
  test('400: a bad parameter', async () => {
    const answer = await app
      .http()
      .get('/api/disclosure/working-days/add')
      .query({ from: '2026-13-45', days: '1' });
    expectDescribed('get', '/disclosure/working-days/add', answer, 400);
    expect(answer.body.error.name).toBe('ValidationError');
  });

  test('400: a bad body', async () => {
    expectDescribed(
      'post',
      '/consultations/{documentId}/feedback',
      await app
        .http()
        .post(`/api/consultations/${consultation}/feedback`)
        .send({ data: { content: '' } }),
      400
    );
  });

  test('404: no such item, no such application', async () => {
    expectDescribed(
      'get',
      '/policy-documents/{id}',
      await app.http().get('/api/policy-documents/abcdefghijklmnopqrstuvwx'),
      404
    );
    const lookup = await app
      .http()
      .get('/api/disclosure/applications/370100031-2026-9999')
      .query({ code: 'WRONG' });
    expectDescribed('get', '/disclosure/applications/{number}', lookup, 404);
    expect(lookup.body.error.message).toMatch(/[\u4e00-\u9fff].*\(.+\)$/);
  });

  test('401: a message whose signature does not verify', async () => {
    expectDescribed(
      'post',
      '/disclosure/inbox',
      await signedPost(
        app,
        '/api/disclosure/inbox',
        '{}',
        ['whsec_bm90LXRoZS1zb3VyY2U='],
        nowSeconds()
      ),
      401
    );
  });

  test('403: a token route called without a token', async () => {
    expectDescribed(
      'get',
      '/disclosure/compliance',
      await app.http().get('/api/disclosure/compliance'),
      403
    );
  });
});

describe('every documented operation', () => {
  // Last: the tests above fill `validated`.
  test('has at least one real answer validated against it', () => {
    const documented = Object.entries(description.paths).flatMap(([documentedPath, item]) =>
      Object.keys(item).map((method) => `${method} ${documentedPath}`)
    );
    expect([...ANSWERED].sort()).toEqual(documented.sort());
    expect([...validated].sort()).toEqual([...ANSWERED].sort());
  });
});
