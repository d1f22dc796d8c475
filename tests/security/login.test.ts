import { createAdminSession, setClock, startApp, type TestApp } from '../harness/strapi';

const LEDGER = 'plugin::disclosure.ledger-entry';
const ADMIN_EMAIL = 'auditor-target@example.gov.cn';
const ADMIN_PASSWORD = 'Disclosure-2026';

let app: TestApp;

const loginsOf = (account: string) =>
  app.strapi.db
    .query(LEDGER)
    .findMany({ where: { action: 'login', actorName: account }, orderBy: { id: 'asc' } });
const adminLogin = (email: string, password: string) =>
  app.http().post('/admin/login').send({ email, password });

beforeAll(async () => {
  app = await startApp();
  setClock(app, '2026-05-11T01:00:00Z');
  await createAdminSession(app, ADMIN_EMAIL);
});

afterAll(async () => {
  await app?.stop();
});

describe('admin login', () => {
  test('a successful login is written to the audit log with the address it came from', async () => {
    const [entry] = await loginsOf(ADMIN_EMAIL);
    expect(entry).toMatchObject({
      outcome: 'allowed',
      actorType: 'admin',
      contentType: 'admin::user',
    });
    expect(entry.address).toMatch(/127\.0\.0\.1/);
  });

  test('five wrong passwords lock the account for 15 minutes, even against the right password', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await adminLogin(ADMIN_EMAIL, `Wrong-password-${attempt}`);
      expect(wrong.status).toBe(400);
    }
    const locked = await adminLogin(ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/^登录失败次数过多，账号已锁定 15 分钟/);
    expect(locked.body.error.details).toMatchObject({ reason: 'account-locked' });
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);

    const refused = (await loginsOf(ADMIN_EMAIL)).filter(
      (entry: any) => entry.outcome === 'refused'
    );
    expect(refused.map((entry: any) => entry.rules)).toEqual([
      'wrong-password',
      'wrong-password',
      'wrong-password',
      'wrong-password',
      'wrong-password,account-locked',
      'account-locked',
    ]);

    setClock(app, '2026-05-11T01:14:00Z');
    expect((await adminLogin(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(429);
    setClock(app, '2026-05-11T01:16:00Z');
    expect((await adminLogin(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
  });

  test('role changes are written to the audit log with the admin who made them', async () => {
    const session = await adminLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    const created = await app
      .http()
      .post('/admin/roles')
      .set('Authorization', `Bearer ${session.body.data.token ?? session.body.data.accessToken}`)
      .send({ name: '信息公开审核员', description: 'Reviewers' });
    expect(created.status).toBe(201);
    const [entry] = await app.strapi.db
      .query(LEDGER)
      .findMany({ where: { action: 'role-change' } });
    expect(entry).toMatchObject({
      outcome: 'allowed',
      contentType: 'admin::role',
      actorType: 'admin',
      actorName: ADMIN_EMAIL,
    });
    expect(entry.message).toBe('POST /admin/roles');
  });
});

describe('content-API login (users-permissions)', () => {
  // The Public role may only read the catalogue; an office that opens end-user login gets the same guard.
  beforeAll(async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    await app.strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action: 'plugin::users-permissions.auth.callback', role: role.id } });
  });

  test('the account lockout applies to /api/auth/local as well', async () => {
    setClock(app, '2026-05-11T03:00:00Z');
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    await app.strapi.plugin('users-permissions').service('user').add({
      username: 'reader',
      email: 'reader@example.gov.cn',
      password: 'Reader-2026-pass',
      provider: 'local',
      confirmed: true,
      role: role.id,
    });
    const login = (password: string) =>
      app.http().post('/api/auth/local').send({ identifier: 'reader@example.gov.cn', password });
    for (let attempt = 1; attempt <= 5; attempt += 1)
      expect((await login('nope-nope-nope')).status).toBe(400);
    const locked = await login('Reader-2026-pass');
    expect(locked.status).toBe(429);
    expect(locked.body.error.details.reason).toBe('account-locked');
    expect(
      (await loginsOf('reader@example.gov.cn')).map((entry: any) => entry.actorType)
    ).toContain('user');
  });

  test('one address is held to 20 attempts in 15 minutes however many accounts it tries', async () => {
    setClock(app, '2026-05-11T05:00:00Z');
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 21; attempt += 1) {
      const response = await app
        .http()
        .post('/api/auth/local')
        .send({ identifier: `guess${attempt}@example.com`, password: 'guess-guess-guess' });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.body.error.details).toEqual({
          reason: 'address-limit',
          retryAfterSeconds: 45,
        });
        expect(response.body.error.message).toMatch(
          /^登录尝试过于频繁：同一地址每 15 分钟最多 20 次/
        );
        // 20 attempts per 15 minutes: the next one is allowed 900 / 20 = 45 s on (the clock is pinned).
        expect(response.headers['retry-after']).toBe('45');
      }
    }
    // The clock is pinned two hours after the earlier attempts: a full allowance, and no refill meanwhile.
    expect(statuses).toEqual([...Array(20).fill(400), 429]);
  });
});
