import { policyDocumentData } from '../harness/fixtures';
import { createAdminSession, startApp, type TestApp } from '../harness/strapi';

/** Subscribers and their deliveries in the admin API: super admins only, secrets shown once. */
const SUBSCRIBER = 'plugin::disclosure.subscriber';
const DELIVERY = 'plugin::disclosure.syndication-delivery';

let app: TestApp;
let admin: string;
let editor: string;

beforeAll(async () => {
  app = await startApp();
  admin = await createAdminSession(app, 'chief@example.gov.cn');
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  await app.strapi.service('admin::user').create({ email: 'editor@example.gov.cn', firstname: 'Ed', password: 'Editor-2026-pass', isActive: true, roles: [role.id] });
  const login = await app.http().post('/admin/login').send({ email: 'editor@example.gov.cn', password: 'Editor-2026-pass' });
  editor = login.body.data.token ?? login.body.data.accessToken;
});

afterAll(async () => {
  await app?.stop();
});

const as = (token: string) => ({
  get: (path: string) => app.http().get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: unknown = {}) => app.http().post(path).set('Authorization', `Bearer ${token}`).send(body as any),
  put: (path: string, body: unknown) => app.http().put(path).set('Authorization', `Bearer ${token}`).send(body as any),
});

test('a super admin registers a subscriber; its secret is shown once and never again', async () => {
  const created = await as(admin).post('/disclosure/subscribers', { data: { name: '济阳区政府门户', endpointUrl: 'https://jiyang.example.gov.cn/api/disclosure/inbox' } });
  expect(created.status).toBe(201);
  expect(created.body.meta.secret).toMatch(/^whsec_/);
  expect(created.body.data).toMatchObject({ name: '济阳区政府门户', scope: 'must-syndicate', active: true });
  expect(JSON.stringify(created.body.data)).not.toContain('whsec_');

  const list = await as(admin).get('/disclosure/subscribers');
  expect(list.body.data).toHaveLength(1);
  expect(JSON.stringify(list.body)).not.toMatch(/whsec_|secret/i);

  const id = created.body.data.id;
  const updated = await as(admin).put(`/disclosure/subscribers/${id}`, { data: { scope: 'categories', categories: ['decision'] } });
  expect(updated.body.data).toMatchObject({ scope: 'categories', categories: ['decision'] });

  const rotated = await as(admin).post(`/disclosure/subscribers/${id}/rotate-secret`);
  expect(rotated.body.meta.secret).toMatch(/^whsec_/);
  expect(rotated.body.meta.secret).not.toBe(created.body.meta.secret);
  const stored = await app.strapi.db.query(SUBSCRIBER).findOne({ where: { id } });
  expect(stored).toMatchObject({ secret: rotated.body.meta.secret, previousSecret: created.body.meta.secret });
});

test('bad input is refused with the field named', async () => {
  const response = await as(admin).post('/disclosure/subscribers', { data: { name: '无效', endpointUrl: 'ftp://example.com/x' } });
  expect(response.status).toBe(400);
  expect(response.body.error.message).toMatch(/^接收地址须为 http\(s\) 网址/);
  expect((await as(admin).put('/disclosure/subscribers/abc', { data: {} })).status).toBe(400);
  expect((await as(admin).put('/disclosure/subscribers/999999', { data: {} })).status).toBe(404);
});

test('a dead delivery is listed and retried by hand', async () => {
  const office = await app.strapi.documents('api::organization.organization').create({
    data: { name: '山东省人民政府办公厅', code: '370000001', level: 'department', regionCode: '370000' } as any,
  });
  await app.strapi.documents('api::policy-document.policy-document').create({ data: policyDocumentData(office.documentId, { mustSyndicate: true }) as any, status: 'published' });
  const [delivery] = await app.strapi.db.query(DELIVERY).findMany({});
  await app.strapi.db.query(DELIVERY).update({ where: { id: delivery.id }, data: { status: 'dead', attempts: 11, lastError: 'HTTP 500: down' } });

  const dead = await as(admin).get('/disclosure/deliveries?status=dead');
  expect(dead.body.data).toEqual([expect.objectContaining({ id: delivery.id, status: 'dead', attempts: 11, lastError: 'HTTP 500: down', action: 'publish', version: 1, target: '济阳区政府门户' })]);
  expect((await as(admin).post(`/disclosure/deliveries/${delivery.id}/retry`)).body.data).toEqual({ id: delivery.id, status: 'pending' });
  expect((await as(admin).post(`/disclosure/deliveries/${delivery.id}/retry`)).status).toBe(404);
  expect((await as(admin).get('/disclosure/deliveries?status=lost')).status).toBe(400);
});

test('an editor may do none of it', async () => {
  expect((await as(editor).get('/disclosure/subscribers')).status).toBe(403);
  expect((await as(editor).post('/disclosure/subscribers', { data: { name: 'x', endpointUrl: 'https://x.example' } })).status).toBe(403);
  expect((await as(editor).get('/disclosure/deliveries')).status).toBe(403);
  expect((await as(editor).post('/disclosure/deliveries/1/retry')).status).toBe(403);
});
