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
  const role = await app.strapi.db
    .query('admin::role')
    .findOne({ where: { code: 'strapi-editor' } });
  await app.strapi.service('admin::user').create({
    email: 'editor@example.gov.cn',
    firstname: 'Ed',
    password: 'Editor-2026-pass',
    isActive: true,
    roles: [role.id],
  });
  const login = await app
    .http()
    .post('/admin/login')
    .send({ email: 'editor@example.gov.cn', password: 'Editor-2026-pass' });
  editor = login.body.data.token ?? login.body.data.accessToken;
});

afterAll(async () => {
  await app?.stop();
});

const as = (token: string) => ({
  get: (path: string) => app.http().get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: unknown = {}) =>
    app
      .http()
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as any),
  put: (path: string, body: unknown) =>
    app
      .http()
      .put(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as any),
});

test('a super admin registers a subscriber; its secret is shown once and never again', async () => {
  const created = await as(admin).post('/disclosure/subscribers', {
    data: {
      name: '济阳区政府门户',
      endpointUrl: 'https://jiyang.example.gov.cn/api/disclosure/inbox',
    },
  });
  expect(created.status).toBe(201);
  expect(created.body.meta.secret).toMatch(/^whsec_/);
  expect(created.body.data).toMatchObject({
    name: '济阳区政府门户',
    scope: 'must-syndicate',
    active: true,
  });
  expect(JSON.stringify(created.body.data)).not.toContain('whsec_');

  const list = await as(admin).get('/disclosure/subscribers');
  expect(list.body.data).toHaveLength(1);
  expect(JSON.stringify(list.body)).not.toMatch(/whsec_|secret/i);

  const id = created.body.data.id;
  const updated = await as(admin).put(`/disclosure/subscribers/${id}`, {
    data: { scope: 'categories', categories: ['decision'] },
  });
  expect(updated.body.data).toMatchObject({ scope: 'categories', categories: ['decision'] });

  const rotated = await as(admin).post(`/disclosure/subscribers/${id}/rotate-secret`);
  expect(rotated.body.meta.secret).toMatch(/^whsec_/);
  expect(rotated.body.meta.secret).not.toBe(created.body.meta.secret);
  const stored = await app.strapi.db.query(SUBSCRIBER).findOne({ where: { id } });
  expect(stored).toMatchObject({
    secret: rotated.body.meta.secret,
    previousSecret: created.body.meta.secret,
  });
});

test('bad input is refused with the field named', async () => {
  const response = await as(admin).post('/disclosure/subscribers', {
    data: { name: '无效', endpointUrl: 'ftp://example.com/x' },
  });
  expect(response.status).toBe(400);
  expect(response.body.error.message).toMatch(/^接收地址须为 http\(s\) 网址/);
  expect((await as(admin).put('/disclosure/subscribers/abc', { data: {} })).status).toBe(400);
  expect((await as(admin).put('/disclosure/subscribers/999999', { data: {} })).status).toBe(404);
});

test('a dead delivery is listed and retried by hand', async () => {
  const office = await app.strapi.documents('api::organization.organization').create({
    data: {
      name: '山东省人民政府办公厅',
      code: '370000001',
      level: 'department',
      regionCode: '370000',
    } as any,
  });
  await app.strapi.documents('api::policy-document.policy-document').create({
    data: policyDocumentData(office.documentId, { mustSyndicate: true }) as any,
    status: 'published',
  });
  const [delivery] = await app.strapi.db.query(DELIVERY).findMany({});
  await app.strapi.db.query(DELIVERY).update({
    where: { id: delivery.id },
    data: { status: 'dead', attempts: 11, lastError: 'HTTP 500: down' },
  });

  const dead = await as(admin).get('/disclosure/deliveries?status=dead');
  expect(dead.body.data).toEqual([
    expect.objectContaining({
      id: delivery.id,
      status: 'dead',
      attempts: 11,
      lastError: 'HTTP 500: down',
      action: 'publish',
      version: 1,
      target: '济阳区政府门户',
    }),
  ]);
  expect((await as(admin).post(`/disclosure/deliveries/${delivery.id}/retry`)).body.data).toEqual({
    id: delivery.id,
    status: 'pending',
  });
  expect((await as(admin).post(`/disclosure/deliveries/${delivery.id}/retry`)).status).toBe(404);
  expect((await as(admin).get('/disclosure/deliveries?status=lost')).status).toBe(400);
});

test('a super admin re-sends a document, or everything since a date, to one subscriber', async () => {
  const [subscriber] = (await as(admin).get('/disclosure/subscribers')).body.data;
  const [event] = await app.strapi.db.query('plugin::disclosure.syndication-event').findMany({});
  const before = await app.strapi.db.query(DELIVERY).count({ where: { status: 'pending' } });

  const one = await as(admin).post(`/disclosure/subscribers/${subscriber.id}/resend`, {
    data: { documentId: event.itemDocumentId },
  });
  expect(one.status).toBe(202);
  expect(one.body.data).toEqual({ subscriber: subscriber.name, documents: 1 });
  const since = await as(admin).post(`/disclosure/subscribers/${subscriber.id}/resend`, {
    data: { since: '2000-01-01' },
  });
  expect(since.body.data.documents).toBe(1);
  expect(await app.strapi.db.query(DELIVERY).count({ where: { status: 'pending' } })).toBe(
    before + 2
  );

  const neither = await as(admin).post(`/disclosure/subscribers/${subscriber.id}/resend`, {
    data: {},
  });
  expect(neither.status).toBe(400);
  expect(neither.body.error.message).toMatch(/^须给出 documentId 或 since 之一/);
  expect(
    (
      await as(admin).post(`/disclosure/subscribers/${subscriber.id}/resend`, {
        data: { since: '2026-02-30' },
      })
    ).status
  ).toBe(400);
  expect(
    (
      await as(admin).post('/disclosure/subscribers/999999/resend', {
        data: { since: '2026-01-01' },
      })
    ).status
  ).toBe(404);
});

test('a super admin sees a document’s syndication in the admin', async () => {
  const [event] = await app.strapi.db.query('plugin::disclosure.syndication-event').findMany({});
  const status = await as(admin).get(
    `/disclosure/syndication-status?document=${event.itemDocumentId}`
  );
  expect(status.status).toBe(200);
  expect(status.body.data).toMatchObject({
    documentId: event.itemDocumentId,
    subscribers: [
      expect.objectContaining({ subscriber: expect.objectContaining({ name: '济阳区政府门户' }) }),
    ],
  });
  expect((await as(admin).get('/disclosure/syndication-status?document=nothere')).status).toBe(404);
});

test('a super admin registers a source with the secret it issued, rotates it, and sets the policy', async () => {
  const first = 'whsec_' + Buffer.alloc(24, 1).toString('base64');
  const second = 'whsec_' + Buffer.alloc(24, 2).toString('base64');
  const third = 'whsec_' + Buffer.alloc(24, 3).toString('base64');
  const created = await as(admin).post('/disclosure/sources', {
    data: {
      name: '山东省政府门户网站',
      organizationCode: '370000000',
      baseUrl: 'https://www.shandong.gov.cn/',
      secret: first,
    },
  });
  expect(created.status).toBe(201);
  expect(created.body.data).toEqual({
    id: expect.any(Number),
    name: '山东省政府门户网站',
    organizationCode: '370000000',
    baseUrl: 'https://www.shandong.gov.cn',
    policy: 'hold',
    active: true,
    secretCount: 1,
  });
  const id = created.body.data.id;

  // Rotation: the new secret goes in front, the previous one still verifies, older ones are dropped.
  await as(admin).put(`/disclosure/sources/${id}`, { data: { secret: second } });
  const rotated = await as(admin).put(`/disclosure/sources/${id}`, {
    data: { secret: third, policy: 'publish' },
  });
  expect(rotated.body.data).toMatchObject({ policy: 'publish', secretCount: 2 });
  const stored = await app.strapi.db
    .query('plugin::disclosure.syndication-source')
    .findOne({ where: { id } });
  expect(stored.secrets).toEqual([third, second]);

  const list = await as(admin).get('/disclosure/sources');
  expect(list.body.data).toHaveLength(1);
  expect(JSON.stringify(list.body)).not.toContain('whsec_');
});

test('a source is refused without a usable secret or with a bad address, and nothing is stored', async () => {
  const before = await app.strapi.db.query('plugin::disclosure.syndication-source').count();
  const noSecret = await as(admin).post('/disclosure/sources', { data: { name: '济南市' } });
  expect(noSecret.status).toBe(400);
  expect(noSecret.body.error.message).toMatch(/^密钥须为来源站点给出的 whsec_… 密钥，至少 16 字节/);
  const shortSecret = await as(admin).post('/disclosure/sources', {
    data: { name: '济南市', secret: 'whsec_YWJj' },
  });
  expect(shortSecret.status).toBe(400);
  const badUrl = await as(admin).post('/disclosure/sources', {
    data: {
      name: '济南市',
      secret: 'whsec_' + Buffer.alloc(24, 4).toString('base64'),
      baseUrl: 'javascript:alert(1)',
    },
  });
  expect(badUrl.status).toBe(400);
  expect(badUrl.body.error.message).toMatch(/^来源网址须为 http\(s\) 网址/);
  expect((await as(admin).put('/disclosure/sources/1', { data: { policy: 'later' } })).status).toBe(
    400
  );
  expect(
    (await as(admin).put('/disclosure/sources/999999', { data: { active: false } })).status
  ).toBe(404);
  expect(await app.strapi.db.query('plugin::disclosure.syndication-source').count()).toBe(before);
});

test('an editor may do none of it', async () => {
  expect((await as(editor).get('/disclosure/sources')).status).toBe(403);
  expect((await as(editor).post('/disclosure/sources', { data: { name: 'x' } })).status).toBe(403);
  expect(
    (await as(editor).post('/disclosure/subscribers/1/resend', { data: { since: '2026-01-01' } }))
      .status
  ).toBe(403);
  expect((await as(editor).get('/disclosure/syndication-status?document=abc')).status).toBe(403);
  expect((await as(editor).get('/disclosure/subscribers')).status).toBe(403);
  expect(
    (
      await as(editor).post('/disclosure/subscribers', {
        data: { name: 'x', endpointUrl: 'https://x.example' },
      })
    ).status
  ).toBe(403);
  expect((await as(editor).get('/disclosure/deliveries')).status).toBe(403);
  expect((await as(editor).post('/disclosure/deliveries/1/retry')).status).toBe(403);
});
