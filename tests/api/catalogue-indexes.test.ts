import path from 'path';
import { policyDocumentData } from '../harness/fixtures';
import { usingPostgres } from '../harness/database';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';
import { uniqueViolationField } from '../../src/plugins/disclosure/server/src/errors/rules/unique-constraints';

/**
 * The catalogue's indexes exist on a new database, the public list really uses them, and the unique
 * indexes hold below every application check.
 */
const DOC = 'api::policy-document.policy-document';
const ORG = 'api::organization.organization';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS migration file, loaded by path
const migration = require(
  path.join(
    __dirname,
    '..',
    '..',
    'database',
    'migrations',
    '2026.11.22T00.00.00.catalogue-indexes.js'
  )
);

let app: TestApp;
let token: string;
let office: string;
let otherOffice: string;

const knex = () => app.strapi.db.connection;
const rowsOf = (result: any): any[] => (Array.isArray(result) ? result : result.rows);

async function indexNames(table: string): Promise<string[]> {
  const rows = usingPostgres()
    ? rowsOf(
        await knex().raw('SELECT indexname AS name FROM pg_indexes WHERE tablename = ?', [table])
      )
    : rowsOf(
        await knex().raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", [
          table,
        ])
      );
  return rows.map((row) => row.name);
}

/** The plan the database would use for a statement (PostgreSQL told to avoid scans, as it would at size). */
async function planOf(sql: string, bindings: unknown[]): Promise<string> {
  if (!usingPostgres()) {
    return rowsOf(await knex().raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as any))
      .map((row) => row.detail)
      .join('\n');
  }
  return knex().transaction(async (trx) => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    // The query event gives PostgreSQL's own $1 placeholders; knex.raw takes ?.
    return rowsOf(await trx.raw(`EXPLAIN ${sql.replace(/\$\d+/g, '?')}`, bindings as any))
      .map((row) => row['QUERY PLAN'])
      .join('\n');
  });
}

/** The statements a public list request (one category, newest issue date first) runs. */
async function publicListStatements(
  pageSize: number
): Promise<Array<{ sql: string; bindings: unknown[] }>> {
  const statements: Array<{ sql: string; bindings: unknown[] }> = [];
  const listen = (query: { sql: string; bindings: unknown[] }) => statements.push(query);
  knex().on('query', listen);
  try {
    const res = await app.http().get('/api/policy-documents').query({
      'filters[category][$eq]': 'service',
      sort: 'issueDate:desc',
      'pagination[pageSize]': pageSize,
      locale: 'zh-Hans',
    });
    expect(res.status).toBe(200);
  } finally {
    knex().removeListener('query', listen);
  }
  return statements;
}

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  const orgs = app.strapi.documents(ORG);
  office = (
    await orgs.create({
      data: {
        name: '济南市人民政府办公厅',
        code: '370100001',
        level: 'department',
        regionCode: '370100',
      } as any,
    })
  ).documentId;
  otherOffice = (
    await orgs.create({
      data: {
        name: '青岛市人民政府办公厅',
        code: '370200001',
        level: 'department',
        regionCode: '370200',
      } as any,
    })
  ).documentId;
});

afterAll(async () => {
  await app?.stop();
});

test('a new database has every index of the migration, created after Strapi made the tables', async () => {
  const indexes: Array<{ table: string; name: string }> = migration.INDEXES;
  const existing = new Set<string>();
  for (const table of new Set(indexes.map((index) => index.table)))
    for (const name of await indexNames(table)) existing.add(name);
  const expected = indexes.map((index) => index.name);
  expect(expected.length).toBeGreaterThanOrEqual(12);
  expect(expected.filter((name) => !existing.has(name))).toEqual([]);
});

test('the public list (filtered by category, newest issue date first) is read in index order from a catalogue index', async () => {
  const statements = await publicListStatements(25);
  const list = statements.find(
    (query) =>
      /from [^ ]*policy_documents[`"] as/i.test(query.sql) &&
      /order by/i.test(query.sql) &&
      /limit/i.test(query.sql)
  );
  expect(list).toBeDefined();
  const plan = await planOf(list!.sql, list!.bindings);
  // SQLite takes the category index; PostgreSQL, on a table this small, may take the issue-date one.
  expect(plan).toMatch(/policy_documents_(category_)?issue_idx/);
  // In the index's order already: no sort of the matching rows, however many there are.
  expect(plan).not.toMatch(/TEMP B-TREE|\bSort\b/);
});

test("the public list's total is counted from an index alone, only over the rows the public sees", async () => {
  // Another page size than the test before (a cached answer would run no query), after a write: the
  // total is counted once per content state, and the test before counted it already.
  // (A write elsewhere: the documents' statistics, which SQLite plans by, stay as they were.)
  await app.strapi.documents(ORG).update({
    documentId: otherOffice,
    data: { name: '青岛市人民政府办公厅（更名）' } as any,
  } as any);
  const statements = await publicListStatements(10);
  const count = statements.find(
    (query) =>
      /select count\(/i.test(query.sql) && /from [^ ]*policy_documents[`"] as/i.test(query.sql)
  );
  expect(count).toBeDefined();
  // SQLite chooses among indexes by the statistics ANALYZE keeps (the bulk seeder runs it, as would
  // an office's maintenance); without them it guesses.
  if (!usingPostgres()) await knex().raw('ANALYZE');
  const plan = await planOf(count!.sql, count!.bindings);
  expect(plan).toMatch(/policy_documents_list_count_idx/);
  // PostgreSQL does not visit the table's rows at all.
  if (usingPostgres()) expect(plan).toMatch(/Index Only Scan/);
});

test('two draft rows with one index number are refused by the database itself, and reported as that field', async () => {
  const first = await app.strapi
    .documents(DOC)
    .create({ data: policyDocumentData(office) as any, status: 'draft' } as any);
  let refusal: unknown = null;
  try {
    // Straight to the database: no catalogue rule, no lock, only the index.
    await app.strapi.db.query(DOC).create({
      data: {
        title: '重复索引号',
        indexNumber: first.indexNumber,
        locale: 'zh-Hans',
        publishedAt: null,
        category: 'decision',
        disclosureAttribute: 'proactive',
        documentId: 'duplicate-index-0001',
      },
    });
  } catch (error) {
    refusal = error;
  }
  expect(refusal).not.toBeNull();
  expect(uniqueViolationField(refusal, 'policy_documents')).toBe('indexNumber');
  expect(
    await app.strapi.db
      .query(DOC)
      .count({ where: { indexNumber: first.indexNumber, locale: 'zh-Hans', publishedAt: null } })
  ).toBe(1);
});

test('a document number is unique per issuer in the database: another issuer may use it', async () => {
  const documentNumber = '济政办发〔2026〕7号';
  const created = await app.strapi.documents(DOC).create({
    data: policyDocumentData(office, { documentNumber }) as any,
    status: 'draft',
  } as any);
  const stored = await app.strapi.db
    .query(DOC)
    .findOne({ where: { documentId: created.documentId, locale: 'zh-Hans' } });
  expect(stored.issuerDocumentNumber).toBe(`${office}:${documentNumber}`);

  let refusal: unknown = null;
  try {
    await app.strapi.db.query(DOC).create({
      data: {
        title: '重复文号',
        issuerDocumentNumber: stored.issuerDocumentNumber,
        documentNumber,
        locale: 'zh-Hans',
        publishedAt: null,
        category: 'decision',
        disclosureAttribute: 'proactive',
        documentId: 'duplicate-number-0001',
      },
    });
  } catch (error) {
    refusal = error;
  }
  expect(uniqueViolationField(refusal, 'policy_documents')).toBe('documentNumber');

  const res = await app
    .http()
    .post('/api/policy-documents')
    .query({ status: 'draft' })
    .set('Authorization', `Bearer ${token}`)
    .send({ data: policyDocumentData(otherOffice, { documentNumber }) });
  expect(res.status).toBe(201);
});

test('an organization code is unique per locale in the database, and a clash through the API is a 400 naming the field', async () => {
  const existing = await app.strapi.db
    .query(ORG)
    .findOne({ where: { documentId: office, locale: 'zh-Hans' } });
  let refusal: unknown = null;
  try {
    await app.strapi.db.query(ORG).create({
      data: {
        name: '重复代码',
        code: existing.code,
        level: 'department',
        regionCode: '370100',
        locale: 'zh-Hans',
        documentId: 'duplicate-code-0001',
      },
    });
  } catch (error) {
    refusal = error;
  }
  expect(uniqueViolationField(refusal, 'organizations')).toBe('code');

  const post = () =>
    app
      .http()
      .post('/api/organizations')
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: {
          name: '同时创建的机构',
          code: '370999001',
          level: 'department',
          regionCode: '370999',
        },
      });
  const responses = await Promise.all([post(), post()]);
  expect(responses.map((response) => response.status).sort()).toEqual([201, 400]);
  expect(
    await app.strapi.db.query(ORG).count({ where: { code: '370999001', locale: 'zh-Hans' } })
  ).toBe(1);
});

test('two creates with one document number at once: one 201, one 400 naming the field, one row', async () => {
  const documentNumber = '济政办发〔2026〕8号';
  const post = () =>
    app
      .http()
      .post('/api/policy-documents')
      .query({ status: 'draft' })
      .set('Authorization', `Bearer ${token}`)
      .send({ data: policyDocumentData(office, { documentNumber }) });
  const responses = await Promise.all([post(), post()]);
  expect(responses.map((response) => response.status).sort()).toEqual([201, 400]);
  const refused = responses.find((response) => response.status === 400)!;
  expect(refused.body.error.message).toMatch(/^文号 济政办发〔2026〕8号 已被本机关的其他文件使用/);
  expect(refused.body.error.details.errors[0].path).toEqual(['documentNumber']);
  expect(
    await app.strapi.db.query(DOC).count({ where: { documentNumber, locale: 'zh-Hans' } })
  ).toBe(1);
});

test('changing the issuer or the number moves the per-issuer key with it, through publication', async () => {
  const created = await app.strapi.documents(DOC).create({
    data: policyDocumentData(office, { documentNumber: '济政办发〔2026〕9号' }) as any,
    status: 'draft',
  } as any);
  await app.strapi.documents(DOC).update({
    documentId: created.documentId,
    data: { issuingOrganization: otherOffice, documentNumber: '青政办发〔2026〕9号' } as any,
    status: 'draft',
  } as any);
  await app.strapi.documents(DOC).publish({ documentId: created.documentId } as any);
  const rows = await app.strapi.db
    .query(DOC)
    .findMany({ where: { documentId: created.documentId, locale: 'zh-Hans' } });
  expect(rows).toHaveLength(2);
  expect(rows.map((row: any) => row.issuerDocumentNumber)).toEqual([
    `${otherOffice}:青政办发〔2026〕9号`,
    `${otherOffice}:青政办发〔2026〕9号`,
  ]);
});

test('the migration refuses to make an index unique over rows that repeat, and names them', async () => {
  await knex().raw('DROP INDEX "policy_documents_index_number_draft_uq"');
  try {
    await app.strapi.db.query(DOC).create({
      data: {
        title: '重复甲',
        indexNumber: 'DUP/2026-00001',
        locale: 'zh-Hans',
        publishedAt: null,
        category: 'decision',
        disclosureAttribute: 'proactive',
        documentId: 'duplicate-migration-1',
      },
    });
    await app.strapi.db.query(DOC).create({
      data: {
        title: '重复乙',
        indexNumber: 'DUP/2026-00001',
        locale: 'zh-Hans',
        publishedAt: null,
        category: 'decision',
        disclosureAttribute: 'proactive',
        documentId: 'duplicate-migration-2',
      },
    });
    await expect(knex().transaction((trx) => migration.up(trx))).rejects.toThrow(
      /index_number, locale must be unique.*DUP\/2026-00001/
    );
  } finally {
    await app.strapi.db.query(DOC).deleteMany({ where: { indexNumber: 'DUP/2026-00001' } });
    await knex().transaction((trx) => migration.up(trx));
  }
  expect(await indexNames('policy_documents')).toContain('policy_documents_index_number_draft_uq');
});
