import { policyDocumentData } from '../harness/fixtures';
import { createAdminSession, startApp, type TestApp } from '../harness/strapi';

/** 谁起草谁解读: the interpreter defaults to the drafting department; other organizations' editors may not interpret. */
const DOC = 'api::policy-document.policy-document';
const INTERPRETATION = 'api::interpretation.interpretation';
const CM = `/content-manager/collection-types/${INTERPRETATION}`;

let app: TestApp;
const orgs: Record<string, { id: number; documentId: string }> = {};
let document: string;

/** An admin with the Editor role, working for `organization`, signed in. */
async function editorOf(organization: string, email: string): Promise<string> {
  const role = await app.strapi.db
    .query('admin::role')
    .findOne({ where: { code: 'strapi-editor' } });
  const user = await app.strapi.service('admin::user').create({
    email,
    firstname: '编辑',
    password: 'Editor-2026-pass',
    isActive: true,
    roles: [role.id],
  });
  await app.strapi.db
    .query('plugin::disclosure.editor-organization')
    .create({ data: { user: user.id, organization: orgs[organization].id } });
  const login = await app.http().post('/admin/login').send({ email, password: 'Editor-2026-pass' });
  return login.body.data.token ?? login.body.data.accessToken;
}

// A draft, as an editor makes it: the confidentiality review is a reviewer's to record, not the editor's.
const createAs = (token: string, data: Record<string, unknown>) =>
  app
    .http()
    .post(CM)
    .set('Authorization', `Bearer ${token}`)
    .send({ title: '政策解读', form: 'text', ...data });

beforeAll(async () => {
  app = await startApp();
  for (const [code, name, level] of [
    ['370100001', '济南市人民政府办公厅', 'department'],
    ['370100030', '济南市发展和改革委员会', 'department'],
    ['370124001', '平阴县人民政府办公室', 'department'],
  ]) {
    const created = await app.strapi
      .documents('api::organization.organization')
      .create({ data: { name, code, level } as any });
    const row = await app.strapi.db
      .query('api::organization.organization')
      .findOne({ where: { documentId: created.documentId, locale: 'zh-Hans' } });
    orgs[code] = { id: row.id, documentId: created.documentId };
  }
  // Issued by the city office, drafted by the development commission.
  document = (
    await app.strapi.documents(DOC).create({
      data: policyDocumentData(orgs['370100001'].documentId, {
        draftingDepartment: orgs['370100030'].documentId,
      }) as any,
    })
  ).documentId;
});

afterAll(async () => {
  await app?.stop();
});

test('the interpreter defaults to the drafting department', async () => {
  const interpretation = await app.strapi.documents(INTERPRETATION).create({
    data: { title: '解读', form: 'text', sourceDocument: document } as any,
    populate: ['interpreter'],
  } as any);
  expect((interpretation as any).interpreter.documentId).toBe(orgs['370100030'].documentId);
});

test('an editor of the drafting department or the issuer may interpret; a county editor may not', async () => {
  const drafter = await editorOf('370100030', 'fgw-editor@example.gov.cn');
  const drafted = await createAs(drafter, {
    sourceDocument: { connect: [{ documentId: document }] },
  });
  expect(drafted.status).toBe(201);

  const issuer = await editorOf('370100001', 'office-editor@example.gov.cn');
  expect(
    (await createAs(issuer, { sourceDocument: { connect: [{ documentId: document }] } })).status
  ).toBe(201);

  const county = await editorOf('370124001', 'county-editor@example.gov.cn');
  const before = await app.strapi.db.query(INTERPRETATION).count();
  const refused = await createAs(county, {
    sourceDocument: { connect: [{ documentId: document }] },
  });
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(
    /^只能为本机构（平阴县人民政府办公室）发布、联合发布或起草的文件添加解读/
  );
  expect(await app.strapi.db.query(INTERPRETATION).count()).toBe(before);

  // Nor may it move one of its own interpretations onto that document.
  const own = (
    await app.strapi
      .documents(DOC)
      .create({ data: policyDocumentData(orgs['370124001'].documentId) as any })
  ).documentId;
  const mine = await createAs(county, { sourceDocument: { connect: [{ documentId: own }] } });
  expect(mine.status).toBe(201);
  const moved = await app
    .http()
    .put(`${CM}/${mine.body.data.documentId}`)
    .set('Authorization', `Bearer ${county}`)
    .send({ sourceDocument: { connect: [{ documentId: document }], disconnect: [] } });
  expect(moved.status).toBe(403);
});

test('a super admin without an organization is not restricted', async () => {
  const chief = await createAdminSession(app, 'chief@example.gov.cn');
  expect(
    (await createAs(chief, { sourceDocument: { connect: [{ documentId: document }] } })).status
  ).toBe(201);
});
