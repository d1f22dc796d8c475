import { startApp, type TestApp } from '../harness/strapi';

let app: TestApp;
const credentials = { email: 'admin@example.gov.cn', password: 'Disclosure-2026' };

beforeAll(async () => {
  app = await startApp({
    env: { ADMIN_EMAIL: credentials.email, ADMIN_PASSWORD: credentials.password },
  });
});
afterAll(async () => {
  await app?.stop();
});

test('ADMIN_EMAIL and ADMIN_PASSWORD create the first super admin, who can log in', async () => {
  const users = await app.strapi.db.query('admin::user').findMany({ populate: ['roles'] });
  expect(users).toHaveLength(1);
  expect(users[0].email).toBe(credentials.email);
  expect(users[0].roles.map((r: any) => r.code)).toEqual(['strapi-super-admin']);

  const login = await app.http().post('/admin/login').send(credentials);
  expect(login.status).toBe(200);
  expect(login.body.data.token ?? login.body.data.accessToken).toBeTruthy();
  expect(JSON.stringify(login.body)).not.toMatch(/password/i);
});

test('a later start does not create another', async () => {
  const { ensureFirstAdmin } = await import('../../src/bootstrap/first-admin');
  process.env.ADMIN_EMAIL = 'second@example.gov.cn';
  await ensureFirstAdmin(app.strapi);
  expect(await app.strapi.db.query('admin::user').count()).toBe(1);
});
