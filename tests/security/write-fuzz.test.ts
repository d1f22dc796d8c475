import { createHash } from 'crypto';
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
const RUNS = Number(process.env.FUZZ_RUNS || 40);
const SEED = Number(process.env.FUZZ_SEED || 20261122);

let app: TestApp;
let token: string;
const valid: Record<string, Record<string, unknown>> = {};
const existing: Record<string, string> = {};
const tally = {
  requests: 0,
  serverErrors: [] as string[],
  written: [] as string[],
  routes: new Set<string>(),
};

/**
 * What a refused write may change, each for a reason of its own; everything else must stay as it was.
 * - `strapi_api_tokens.last_used_at` and `.updated_at`: Strapi stamps a token's last use on its first
 *   authenticated request (and then at most hourly), refused or not, through an update of the row that
 *   moves `updated_at` with it (admin's api-token-utils `updateLastUsedAt`). Bookkeeping of the caller,
 *   not a write of the request; the table is still watched, every other column and its row count included.
 * - `disclosure_cache_instances.lease_until` (PostgreSQL): the response cache renews this instance's
 *   lease every fraction of a second on a timer of its own, whatever the requests (utils/shared-counter).
 */
const CHANGING_COLUMNS: Record<string, string[]> = {
  strapi_api_tokens: ['last_used_at', 'updated_at'],
  disclosure_cache_instances: ['lease_until'],
};

/**
 * Keys of a JSON setting that a timer of its own changes, whatever the requests. The upload plugin's
 * weekly metrics job is scheduled for 15 seconds after the first start on an empty database and then
 * stores when it last ran in `plugin_upload_metrics`'s `lastWeeklyUpdate` (upload's weekly-metrics
 * service), in the middle of the fuzz. The row, its other keys and every other setting are still watched.
 */
const CHANGING_SETTINGS: Record<string, string[]> = { plugin_upload_metrics: ['lastWeeklyUpdate'] };

/** A row as the snapshot compares it: the changing columns, and keys of the changing settings, left out. */
function comparable(table: string, row: Record<string, unknown>): Array<[string, unknown]> {
  const ignored = CHANGING_COLUMNS[table] ?? [];
  const settingKeys =
    table === 'strapi_core_store_settings' ? CHANGING_SETTINGS[String(row.key)] : undefined;
  return Object.keys(row)
    .sort()
    .filter((key) => !ignored.includes(key))
    .map((key) => {
      if (!settingKeys || key !== 'value' || typeof row.value !== 'string') return [key, row[key]];
      const value = JSON.parse(row.value);
      for (const settingKey of settingKeys) delete value[settingKey];
      return [key, JSON.stringify(value)];
    });
}

/** Every table of the database: content types, their components (`*_cmps`, `components_*`), link tables (`*_lnk`), Strapi's own. */
async function tableNames(): Promise<string[]> {
  const knex = app.strapi.db.connection;
  const result: any =
    app.strapi.db.dialect.client === 'sqlite'
      ? await knex.raw(
          "SELECT name AS table_name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
      : await knex.raw(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        );
  return (Array.isArray(result) ? result : result.rows)
    .map((row: any) => String(row.table_name))
    .sort();
}
let tables: string[] = [];

/** Each table's row count and a checksum of its rows (order-independent): a write anywhere shows up here. */
async function snapshot(): Promise<Record<string, string>> {
  const knex = app.strapi.db.connection;
  const state: Record<string, string> = {};
  for (const table of tables) {
    const rows: any[] = await knex(table).select('*');
    const lines = rows.map((row) => JSON.stringify(comparable(table, row))).sort();
    state[table] =
      `${rows.length} rows ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return state;
}

/** The tables whose rows differ between two snapshots, with the counts. */
const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table}: ${before[table] ?? 'absent'} → ${after[table] ?? 'absent'}`);

const garbage = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.string({ maxLength: 20 })
);
const notAString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 })
);
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
    fc
      .tuple(
        letters.filter(
          (key) => !attributes.includes(key) && !['id', 'documentId', 'locale'].includes(key)
        ),
        fc.anything()
      )
      .map(([key, value]) => ({
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
    fc.tuple(fc.constantFrom(...required), notAString).map(([field, value]) => ({
      kind: `wrong type ${field}`,
      body: { data: { ...base(), [field]: value } },
    })),
    // A value outside an enumeration.
    ...(enumerations.length
      ? [
          fc.tuple(fc.constantFrom(...enumerations), letters).map(([field, value]) => ({
            kind: `bad ${field}`,
            body: { data: { ...base(), [field]: `x-${value}` } },
          })),
        ]
      : [])
  );
};

async function expectRefusedWithoutWrite(
  method: 'post' | 'put',
  path: string,
  body: unknown,
  query: Record<string, string> = {}
) {
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
  if (response.status >= 500)
    tally.serverErrors.push(
      `${response.status} ${method} ${path} ${JSON.stringify(body).slice(0, 200)}`
    );
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(typeof response.body?.error?.message).toBe('string');
  expect(response.body.error.message.length).toBeGreaterThan(0);
  const changed = changedTables(before, await snapshot());
  if (changed.length) tally.written.push(`${method} ${path} ${JSON.stringify(body).slice(0, 200)}`);
  expect({
    write: `${method.toUpperCase()} ${path} ${JSON.stringify(body)?.slice(0, 200)}`,
    changed,
  }).toEqual({ write: expect.any(String), changed: [] });
}

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  const office = await app.strapi.documents(ORG).create({
    data: {
      name: '济南市人民政府办公厅',
      code: '370100001',
      level: 'department',
      regionCode: '370100',
    } as any,
  });
  const document = await app.strapi
    .documents(DOC)
    .create({ data: policyDocumentData(office.documentId) as any, status: 'published' });
  valid[ORG] = {
    name: '济南市财政局',
    code: '370100002',
    level: 'department',
    regionCode: '370100',
  };
  valid[DOC] = policyDocumentData(office.documentId);
  valid['api::interpretation.interpretation'] = {
    title: '解读',
    form: 'text',
    sourceDocument: document.documentId,
    confidentialityReview: approvedReview,
  };
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
  for (const uid of [
    'api::interpretation.interpretation',
    'api::consultation.consultation',
    'api::press-release.press-release',
  ]) {
    existing[uid] = (
      await app.strapi.documents(uid as any).create({ data: valid[uid] as any })
    ).documentId;
  }
  tables = await tableNames();
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
      fc.asyncProperty(
        invalidBody(uid),
        fc.constantFrom({}, { status: 'draft' }, { status: 'published' }),
        async (input: any, query) => {
          const asked = input.publishOnly && (query as any).status === 'draft' ? {} : query;
          await expectRefusedWithoutWrite(
            'post',
            `/api/${route}`,
            input.body,
            asked as Record<string, string>
          );
        }
      ),
      { numRuns: RUNS, seed: SEED }
    );
  });

  test.each(Object.keys(ROUTES))('PUT on an existing item of %s', async (uid) => {
    await fc.assert(
      fc.asyncProperty(
        invalidBody(uid).filter(({ kind }) => !kind.startsWith('missing')),
        async ({ body }) => {
          await expectRefusedWithoutWrite('put', `/api/${ROUTES[uid]}/${existing[uid]}`, body);
        }
      ),
      { numRuns: RUNS, seed: SEED }
    );
  });

  test('POST /api/disclosure/convert with anything but a text or blocks and a locale pair', async () => {
    const body = fc.oneof(
      garbage,
      fc.record({ text: notAString, from: fc.constant('zh-Hans'), to: fc.constant('zh-Hant') }),
      fc.record({ text: fc.string(), from: letters, to: fc.constant('zh-Hant') }),
      fc.record({ text: fc.string(), from: fc.constant('zh-Hans'), to: fc.constant('zh-Hans') }),
      fc.record({
        blocks: fc.oneof(fc.integer(), fc.boolean(), fc.string(), fc.constant(null)),
        from: fc.constant('zh-Hans'),
        to: fc.constant('zh-Hant'),
      })
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
      fc.asyncProperty(
        fc.constantFrom(...Object.values(ROUTES)),
        fc.stringMatching(/^[a-z0-9]{1,30}$/),
        async (route, id) => {
          const before = await snapshot();
          for (const method of ['delete', 'put'] as const) {
            const response = await app
              .http()
              [method](`/api/${route}/${id}`)
              .set('Authorization', `Bearer ${token}`)
              .send({ data: {} });
            tally.requests += 1;
            tally.routes.add(`${method.toUpperCase()} /api/${route}/:id`);
            if (response.status >= 500)
              tally.serverErrors.push(`${response.status} ${method} /api/${route}/${id}`);
            // Deleting what is not there is idempotent (Strapi answers 204); updating it is an error.
            if (method === 'delete') expect([204, 404]).toContain(response.status);
            else {
              expect(response.status).toBe(404);
              expect(response.body.error.message.length).toBeGreaterThan(0);
            }
          }
          const changed = changedTables(before, await snapshot());
          if (changed.length) tally.written.push(`delete/put /api/${route}/${id}`);
          expect({ write: `DELETE/PUT /api/${route}/${id}`, changed }).toEqual({
            write: expect.any(String),
            changed: [],
          });
        }
      ),
      { numRuns: RUNS, seed: SEED }
    );
  });

  test('the snapshot watches every table, components and links included, and sees a write', async () => {
    const watched = await tableNames();
    expect(tables).toEqual(watched);
    expect(watched).toEqual(
      expect.arrayContaining([
        'policy_documents',
        'organizations',
        'files',
        'strapi_api_tokens',
        'components_disclosure_confidentiality_review',
      ])
    );
    expect(watched.some((table) => table.endsWith('_lnk'))).toBe(true);
    expect(watched.some((table) => table.endsWith('_cmps'))).toBe(true);
    // A link row alone (no content row touched) is seen.
    const before = await snapshot();
    const link = watched.find(
      (table) =>
        table.startsWith('policy_documents_') &&
        table.endsWith('_lnk') &&
        !before[table].startsWith('0 rows')
    )!;
    expect(link).toBeDefined();
    const [row] = await app.strapi.db.connection(link).select('*').limit(1);
    await app.strapi.db.connection(link).where({ id: row.id }).delete();
    const changed = changedTables(before, await snapshot());
    await app.strapi.db.connection(link).insert(row);
    expect(changed).toEqual([expect.stringMatching(new RegExp(`^${link}: `))]);
    expect(await snapshot()).toEqual(before);
  });

  test('summary: no 500, nothing written', () => {
    console.log(
      `fuzz: ${tally.routes.size} write routes × ${tally.requests} bad inputs, 500s ${tally.serverErrors.length}, rows written ${tally.written.length}`
    );
    expect(tally.serverErrors).toEqual([]);
    expect(tally.written).toEqual([]);
  });
});
