import fc from 'fast-check';
import { approvedReview, policyDocumentData } from '../harness/fixtures';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';

/**
 * Property-based fuzz of every write route: bodies and query strings that are wrong by construction
 * (garbage payloads, unknown keys, wrong types, values outside an enumeration, missing required
 * fields, relations to nothing) must each get a 4xx with a message, never a 500, and write nothing.
 */
const ORG = 'api::organization.organization';
const DOC = 'api::policy-document.policy-document';
const TABLES = [ORG, DOC, 'api::interpretation.interpretation', 'api::consultation.consultation', 'api::press-release.press-release'];
const RUNS = Number(process.env.FUZZ_RUNS || 40);
const SEED = Number(process.env.FUZZ_SEED || 20261122);

let app: TestApp;
let token: string;
const valid: Record<string, Record<string, unknown>> = {};
const existing: Record<string, string> = {};
const tally = { requests: 0, serverErrors: [] as string[], written: [] as string[], routes: new Set<string>() };

/** Rows of every catalogue table and when each was last changed: a write shows up here. */
async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const uid of TABLES) {
    const rows = await app.strapi.db.query(uid as any).findMany({ select: ['id', 'updatedAt'], orderBy: { id: 'asc' } });
    parts.push(`${uid}:${rows.map((row: any) => `${row.id}@${new Date(row.updatedAt).getTime()}`).join(',')}`);
  }
  return parts.join('|');
}

const garbage = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 }), fc.string({ maxLength: 20 }));
const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }));
const letters = fc.stringMatching(/^[a-zA-Z]{3,12}$/);

/** A body derived from a valid one, made invalid in one of several ways. */
const invalidBody = (uid: string) => {
  const base = () => ({ ...valid[uid] });
  const attributes = Object.keys((app.strapi.getModel(uid as any) as any).attributes);
  const required = Object.entries((app.strapi.getModel(uid as any) as any).attributes)
    .filter(([, attribute]: [string, any]) => attribute.required && attribute.default === undefined)
    .map(([name]) => name)
    .filter((name) => name in valid[uid]);
  const enumerations = Object.entries((app.strapi.getModel(uid as any) as any).attributes)
    .filter(([, attribute]: [string, any]) => attribute.type === 'enumeration')
    .map(([name]) => name);
  return fc.oneof(
    // Not a { data: {...} } payload at all.
    garbage.map((body) => ({ kind: 'garbage payload', body })),
    garbage.map((data) => ({ kind: 'garbage data', body: { data } })),
    // A key the type does not have.
    fc.tuple(letters.filter((key) => !attributes.includes(key) && !['id', 'documentId', 'locale'].includes(key)), fc.anything()).map(([key, value]) => ({
      kind: 'unknown key',
      body: { data: { ...base(), [key]: value } },
    })),
    // A required field missing, or of the wrong type.
    // (A draft may be incomplete, as an editor leaves it: required fields bind on publishing.)
    fc.constantFrom(...required).map((field) => {
      const data: Record<string, unknown> = base();
      delete data[field];
      return { kind: `missing ${field}`, body: { data }, publishOnly: true };
    }),
    fc.tuple(fc.constantFrom(...required), notAString).map(([field, value]) => ({ kind: `wrong type ${field}`, body: { data: { ...base(), [field]: value } } })),
    // A value outside an enumeration.
    ...(enumerations.length
      ? [fc.tuple(fc.constantFrom(...enumerations), letters).map(([field, value]) => ({ kind: `bad ${field}`, body: { data: { ...base(), [field]: `x-${value}` } } }))]
      : [])
  );
};

async function expectRefusedWithoutWrite(method: 'post' | 'put', path: string, body: unknown, query: Record<string, string> = {}) {
  const before = await snapshot();
  // Raw JSON, so any value (true, 7, "text", null) reaches the server as the body.
  const response = await app
    .http()
    [method](path)
    .query(query)
    .set('Authorization', `Bearer ${token}`)
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(body) ?? 'null');
  tally.requests += 1;
  tally.routes.add(`${method.toUpperCase()} ${path.replace(/\/[a-z0-9]{24,}$/, '/:id')}`);
  if (response.status >= 500) tally.serverErrors.push(`${response.status} ${method} ${path} ${JSON.stringify(body).slice(0, 200)}`);
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(typeof response.body?.error?.message).toBe('string');
  expect(response.body.error.message.length).toBeGreaterThan(0);
  if ((await snapshot()) !== before) tally.written.push(`${method} ${path} ${JSON.stringify(body).slice(0, 200)}`);
}

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  const office = await app.strapi.documents(ORG).create({
    data: { name: '济南市人民政府办公厅', code: '370100001', level: 'department', regionCode: '370100' } as any,
  });
  const document = await app.strapi.documents(DOC).create({ data: policyDocumentData(office.documentId) as any, status: 'published' });
  valid[ORG] = { name: '济南市财政局', code: '370100002', level: 'department', regionCode: '370100' };
  valid[DOC] = policyDocumentData(office.documentId);
  valid['api::interpretation.interpretation'] = { title: '解读', form: 'text', sourceDocument: document.documentId, confidentialityReview: approvedReview };
  valid['api::consultation.consultation'] = {
    title: '征求意见',
    organization: office.documentId,
    startDate: '2026-09-01',
    endDate: '2026-09-30',
    confidentialityReview: approvedReview,
  };
  valid['api::press-release.press-release'] = {
    title: '新闻发布会',
    kind: 'press-release',
    organization: office.documentId,
    heldAt: '2026-09-01T02:00:00Z',
    confidentialityReview: approvedReview,
  };
  existing[ORG] = office.documentId;
  existing[DOC] = document.documentId;
  for (const uid of ['api::interpretation.interpretation', 'api::consultation.consultation', 'api::press-release.press-release']) {
    existing[uid] = (await app.strapi.documents(uid as any).create({ data: valid[uid] as any })).documentId;
  }
});

afterAll(async () => {
  await app?.stop();
});

const ROUTES: Record<string, string> = {
  [ORG]: 'organizations',
  [DOC]: 'policy-documents',
  'api::interpretation.interpretation': 'interpretations',
  'api::consultation.consultation': 'consultations',
  'api::press-release.press-release': 'press-releases',
};

describe('every write route refuses bad input with a message and writes nothing', () => {
  test.each(Object.entries(ROUTES))('POST /api/%s… (%s)', async (uid, route) => {
    await fc.assert(
      fc.asyncProperty(invalidBody(uid), fc.constantFrom({}, { status: 'draft' }, { status: 'published' }), async (input: any, query) => {
        const asked = input.publishOnly && (query as any).status === 'draft' ? {} : query;
        await expectRefusedWithoutWrite('post', `/api/${route}`, input.body, asked as Record<string, string>);
      }),
      { numRuns: RUNS, seed: SEED }
    );
  });

  test.each(Object.keys(ROUTES))('PUT on an existing item of %s', async (uid) => {
    await fc.assert(
      fc.asyncProperty(invalidBody(uid).filter(({ kind }) => !kind.startsWith('missing')), async ({ body }) => {
        await expectRefusedWithoutWrite('put', `/api/${ROUTES[uid]}/${existing[uid]}`, body);
      }),
      { numRuns: RUNS, seed: SEED }
    );
  });

  test('POST /api/disclosure/convert with anything but a text or blocks and a locale pair', async () => {
    const body = fc.oneof(
      garbage,
      fc.record({ text: notAString, from: fc.constant('zh-Hans'), to: fc.constant('zh-Hant') }),
      fc.record({ text: fc.string(), from: letters, to: fc.constant('zh-Hant') }),
      fc.record({ text: fc.string(), from: fc.constant('zh-Hans'), to: fc.constant('zh-Hans') }),
      fc.record({ blocks: fc.oneof(fc.integer(), fc.boolean(), fc.string(), fc.constant(null)), from: fc.constant('zh-Hans'), to: fc.constant('zh-Hant') })
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        await expectRefusedWithoutWrite('post', '/api/disclosure/convert', payload);
      }),
      // Within the endpoint's rate limit (30 a minute), so each input reaches validation.
      { numRuns: Math.min(RUNS, 25), seed: SEED }
    );
  });

  test('PUT on items that do not exist is a 404 with a message; DELETE of one changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.values(ROUTES)), fc.stringMatching(/^[a-z0-9]{1,30}$/), async (route, id) => {
        const before = await snapshot();
        for (const method of ['delete', 'put'] as const) {
          const response = await app
            .http()
            [method](`/api/${route}/${id}`)
            .set('Authorization', `Bearer ${token}`)
            .send({ data: {} });
          tally.requests += 1;
          tally.routes.add(`${method.toUpperCase()} /api/${route}/:id`);
          if (response.status >= 500) tally.serverErrors.push(`${response.status} ${method} /api/${route}/${id}`);
          // Deleting what is not there is idempotent (Strapi answers 204); updating it is an error.
          if (method === 'delete') expect([204, 404]).toContain(response.status);
          else {
            expect(response.status).toBe(404);
            expect(response.body.error.message.length).toBeGreaterThan(0);
          }
        }
        if ((await snapshot()) !== before) tally.written.push(`delete/put /api/${route}/${id}`);
      }),
      { numRuns: RUNS, seed: SEED }
    );
  });

  test('summary: no 500, nothing written', () => {
    console.log(`fuzz: ${tally.routes.size} write routes × ${tally.requests} bad inputs, 500s ${tally.serverErrors.length}, rows written ${tally.written.length}`);
    expect(tally.serverErrors).toEqual([]);
    expect(tally.written).toEqual([]);
  });
});
