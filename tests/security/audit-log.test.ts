import { setClock, startApp, type TestApp } from '../harness/strapi';

/** The ledger as the audit log: the Auditor role reads it, nobody changes it, nothing ages out. */
let app: TestApp;
const PASSWORD = 'Audit-2026-pass';

async function adminWithRole(email: string, roleCode: string): Promise<string> {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  await app.strapi
    .service('admin::user')
    .create({ email, firstname: 'Test', password: PASSWORD, isActive: true, roles: [role.id] });
  const login = await app.http().post('/admin/login').send({ email, password: PASSWORD });
  expect(login.status).toBe(200);
  return login.body.data.token ?? login.body.data.accessToken;
}

let auditor: string;
let editor: string;

beforeAll(async () => {
  app = await startApp();
  setClock(app, '2025-09-01T02:00:00Z');
  // An entry from long ago: it must still be there 180 days and more later.
  await app.strapi.plugin('disclosure').service('ledger').record({
    action: 'export',
    outcome: 'allowed',
    contentType: 'api::policy-document.policy-document',
    message: '年度报表导出',
  });
  setClock(app, '2026-05-11T02:00:00Z');
  auditor = await adminWithRole('auditor@example.gov.cn', 'disclosure-auditor');
  editor = await adminWithRole('editor@example.gov.cn', 'strapi-editor');
});

afterAll(async () => {
  await app?.stop();
});

const ledger = (token: string, query: Record<string, string> = {}) =>
  app.http().get('/disclosure/ledger').query(query).set('Authorization', `Bearer ${token}`);

test('the Auditor role exists at start with the ledger read permission and nothing else', async () => {
  const role = await app.strapi.db
    .query('admin::role')
    .findOne({ where: { code: 'disclosure-auditor' }, populate: ['permissions'] });
  expect(role.permissions.map((permission: any) => permission.action)).toEqual([
    'plugin::disclosure.ledger.read',
  ]);
});

test('the auditor reads the log, newest first, filtered by action and Beijing dates', async () => {
  const logins = await ledger(auditor, { action: 'login', outcome: 'allowed' });
  expect(logins.status).toBe(200);
  expect(logins.body.data.map((entry: any) => entry.actorName)).toEqual([
    'editor@example.gov.cn',
    'auditor@example.gov.cn',
  ]);
  expect(logins.body.data[0]).not.toHaveProperty('id');
  expect(logins.body.meta.pagination).toMatchObject({ page: 1, pageSize: 25, total: 2 });
  expect(logins.headers['cache-control']).toBe('private, no-store');
});

test('entries older than 180 days are kept', async () => {
  const old = await ledger(auditor, { from: '2025-09-01', to: '2025-09-01' });
  expect(old.body.data).toHaveLength(1);
  expect(old.body.data[0]).toMatchObject({ action: 'export', message: '年度报表导出' });
});

test('taking the compliance report out is logged as an export, with who took it', async () => {
  const superAdmin = await app.strapi.db
    .query('admin::role')
    .findOne({ where: { code: 'strapi-super-admin' } });
  await app.strapi.service('admin::user').create({
    email: 'chief@example.gov.cn',
    firstname: 'Chief',
    password: PASSWORD,
    isActive: true,
    roles: [superAdmin.id],
  });
  const login = await app
    .http()
    .post('/admin/login')
    .send({ email: 'chief@example.gov.cn', password: PASSWORD });
  const chief = login.body.data.token ?? login.body.data.accessToken;
  expect(
    (
      await app
        .http()
        .get('/disclosure/compliance')
        .query({ from: '2026-01-01' })
        .set('Authorization', `Bearer ${chief}`)
    ).status
  ).toBe(200);
  const exports = await ledger(auditor, { action: 'export', from: '2026-05-11' });
  expect(exports.body.data).toHaveLength(1);
  expect(exports.body.data[0]).toMatchObject({
    actorType: 'admin',
    actorName: 'chief@example.gov.cn',
    contentType: 'plugin::disclosure.compliance',
  });
  expect(exports.body.data[0].message).toContain('"from":"2026-01-01"');
});

test('bad queries are refused in words, with the limit', async () => {
  const response = await ledger(auditor, { pageSize: '1000' });
  expect(response.status).toBe(400);
  expect(response.body.error.message).toBe(
    '参数 pageSize 须为 1–100 的整数 (pageSize must be a whole number from 1 to 100)'
  );
  expect((await ledger(auditor, { action: 'drop-table' })).status).toBe(400);
});

test('an editor may not read the log; the auditor may not touch content; nobody may change the log', async () => {
  expect((await ledger(editor)).status).toBe(403);
  const content = await app
    .http()
    .get('/content-manager/collection-types/api::policy-document.policy-document')
    .set('Authorization', `Bearer ${auditor}`);
  expect(content.status).toBe(403);
  for (const method of ['put', 'delete', 'post'] as const) {
    const response = await app
      .http()
      [method]('/disclosure/ledger')
      .set('Authorization', `Bearer ${auditor}`)
      .send({});
    expect([404, 405]).toContain(response.status);
  }
});
