import { policyDocumentData } from '../harness/fixtures';
import { startApp, type TestApp } from '../harness/strapi';
import { bothWays, fieldOrder } from '../harness/public-lists';

/**
 * A database older than the schema: Strapi adds a new attribute's column at the end of the table,
 * and answers a list without `fields` in the table's column order. Lists read straight from the
 * table answer in that order too.
 */
const DOC = 'api::policy-document.policy-document';
let app: TestApp;

beforeAll(async () => {
  app = await startApp();
  // As if `summary` had been added to the schema after the table was made (no index uses it).
  const knex = app.strapi.db.connection;
  await knex.schema.alterTable('policy_documents', (table) => table.dropColumn('summary'));
  await knex.schema.alterTable('policy_documents', (table) => table.text('summary'));
  const office = (
    await app.strapi.documents('api::organization.organization').create({
      data: {
        name: '淄博市人民政府办公室',
        code: '370300001',
        level: 'department',
        regionCode: '370300',
      } as any,
    })
  ).documentId;
  for (const summary of ['第一份摘要', '第二份摘要']) {
    await app.strapi
      .documents(DOC)
      .create({ status: 'published', data: policyDocumentData(office, { summary }) as any } as any);
  }
  await app.strapi.plugin('disclosure').service('response-cache').setEnabled(false);
});

afterAll(async () => {
  await app?.stop();
});

test.each(['', 'locale=zh-Hant&sort=issueDate:desc'])(
  'fields in the table’s order, as the generic pipeline gives them: %s',
  async (query) => {
    const { direct, generic, answeredDirectly } = await bothWays(
      app,
      `/api/policy-documents?${query}`
    );
    expect(answeredDirectly).toBe(true);
    expect(direct.status).toBe(200);
    expect(direct.body).toEqual(generic.body);
    expect(fieldOrder(direct)).toBe(fieldOrder(generic));
    expect(Object.keys(direct.body.data[0]).at(-1)).toBe('summary');
    expect(direct.body.data.map((row: any) => row.summary).sort()).toEqual([
      '第一份摘要',
      '第二份摘要',
    ]);
  }
);
