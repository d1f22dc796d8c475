import fs from 'fs';
import path from 'path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { PUBLIC_CONTENT_TYPES } from '../../src/plugins/disclosure/shared/constants';
import { approvedReview, policyDocumentData } from '../harness/fixtures';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';

/**
 * The OpenAPI description (docs/openapi.md): served at /api/disclosure/openapi.json, the same as
 * docs/openapi.json in the repository (`npm run openapi` rewrites it: OPENAPI_WRITE=1), covering every
 * content-API route of the plugin and nothing that is not one; and every documented route's real
 * answer valid against it.
 */
const FILE = path.join(__dirname, '..', '..', 'docs', 'openapi.json');
const ADDRESS = '/api/disclosure/openapi.json';

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

/** The validator of a documented operation's 200 answer (or of its 201, as described at 200). */
const answerValidator = (method: string, documentedPath: string): ValidateFunction => {
  const operation = description.paths[documentedPath]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${documentedPath} is not described`);
  const responses = operation.responses as Record<string, { content?: Json }>;
  expect(responses['200']?.content?.['application/json']).toBeDefined();
  const ref = `openapi#/${pointer('paths', documentedPath, method, 'responses', '200', 'content', 'application/json', 'schema')}`;
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema at ${ref}`);
  return validate;
};

/** Calls a route and checks its answer against the description. */
const expectDescribed = (
  method: 'get' | 'post',
  documentedPath: string,
  answer: { status: number; body: unknown },
  status = 200
) => {
  expect(answer.status).toBe(status);
  const validate = answerValidator(method, documentedPath);
  const valid = validate(answer.body);
  if (!valid) {
    throw new Error(
      `${method.toUpperCase()} ${documentedPath}: ${JSON.stringify(validate.errors, null, 1)}`
    );
  }
};

beforeAll(async () => {
  app = await startApp();
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
});

describe('the description', () => {
  test('is served to anyone, cacheable, and is the one kept in docs/openapi.json (npm run openapi)', async () => {
    const served = await app.http().get(ADDRESS);
    expect(served.status).toBe(200);
    expect(served.headers['cache-control']).toMatch(/public/);
    expect(served.body.openapi).toMatch(/^3\./);
    expect(served.body.servers).toEqual([{ url: '/api', description: 'Content API' }]);
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
    expect(answer.body.meta.total).toBe(1);
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

  test('the description itself', async () => {
    expectDescribed('get', '/disclosure/openapi.json', await app.http().get(ADDRESS));
  });

  test('the public reads of every public type, a list and one item', async () => {
    // The types given data above: their item is checked too.
    const withData = new Set([
      'api::organization.organization',
      'api::policy-document.policy-document',
      'api::public-answer.public-answer',
    ]);
    for (const uid of PUBLIC_CONTENT_TYPES) {
      const plural = app.strapi.getModel(uid).info.pluralName;
      const list = await app.http().get(`/api/${plural}`);
      expectDescribed('get', `/${plural}`, list);
      const [first] = list.body.data as Array<{ documentId: string }>;
      if (withData.has(uid)) expect(first).toBeDefined();
      if (first) {
        expectDescribed(
          'get',
          `/${plural}/{id}`,
          await app.http().get(`/api/${plural}/${first.documentId}`)
        );
      }
    }
  });
});
