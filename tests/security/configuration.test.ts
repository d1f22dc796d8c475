import { createAdminSession, setClock, startApp, type TestApp } from '../harness/strapi';

/** Each hardening setting, checked where it takes effect, so undoing one fails here. */
let app: TestApp;

beforeAll(async () => {
  app = await startApp({ env: { CORS_ORIGINS: 'https://www.jinan.gov.cn,https://zwgk.jinan.gov.cn' } });
});

afterAll(async () => {
  await app?.stop();
});

describe('content API limits (config/api.ts)', () => {
  test('strict parameters and bounded pages', () => {
    expect(app.strapi.config.get('api.rest.strictParams')).toBe(true);
    expect(app.strapi.config.get('api.documents.strictParams')).toBe(true);
    expect(app.strapi.config.get('api.rest.defaultLimit')).toBe(25);
    expect(app.strapi.config.get('api.rest.maxLimit')).toBe(100);
  });

  test('an unknown query parameter is refused, a huge page is cut to 100', async () => {
    expect((await app.http().get('/api/policy-documents?lookup[title]=x')).status).toBe(400);
    const page = await app.http().get('/api/policy-documents?pagination[pageSize]=100000');
    expect(page.status).toBe(200);
    expect(page.body.meta.pagination.pageSize).toBe(100);
  });
});

describe('security headers (strapi::security)', () => {
  test('the CSP runs no remote script and allows no framing by others', async () => {
    const response = await app.http().get('/api/policy-documents');
    const policy = Object.fromEntries(
      String(response.headers['content-security-policy'])
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values])
    );
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'self'"]);
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });
});

describe('CORS (strapi::cors)', () => {
  test('only the configured municipal sites may read from a browser', async () => {
    const allowed = await app.http().get('/api/policy-documents').set('Origin', 'https://zwgk.jinan.gov.cn');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://zwgk.jinan.gov.cn');
    const other = await app.http().get('/api/policy-documents').set('Origin', 'https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).not.toBe('https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).not.toBe('*');
  });
});

describe('admin accounts', () => {
  test('an idle session ends after 30 minutes; none outlives a working day', () => {
    expect(app.strapi.config.get('admin.auth.sessions.idleSessionLifespan')).toBe(30 * 60);
    expect(app.strapi.config.get('admin.auth.sessions.idleRefreshTokenLifespan')).toBe(30 * 60);
    expect(app.strapi.config.get('admin.auth.sessions.accessTokenLifespan')).toBeLessThanOrEqual(30 * 60);
    expect(app.strapi.config.get('admin.auth.sessions.maxSessionLifespan')).toBeLessThanOrEqual(12 * 60 * 60);
  });

  test('a session kept in use goes on; after 30 idle minutes it is over', async () => {
    setClock(app, '2026-05-11T01:00:00Z');
    await createAdminSession(app, 'idle-session@example.gov.cn');
    const browser = app.http();
    const login = await browser.post('/admin/login').send({ email: 'idle-session@example.gov.cn', password: 'Disclosure-2026' });
    expect(login.status).toBe(200);
    const renew = () => browser.post('/admin/access-token').send({});
    setClock(app, '2026-05-11T01:29:00Z');
    expect((await renew()).status).toBe(200);
    setClock(app, '2026-05-11T01:58:00Z');
    expect((await renew()).status).toBe(200);
    setClock(app, '2026-05-11T02:29:00Z');
    expect((await renew()).status).toBe(401);
  });

  test('a password needs 8 characters of three classes', async () => {
    const token = await createAdminSession(app, 'password-policy@example.gov.cn');
    const change = (password: string) =>
      app
        .http()
        .put('/admin/users/me')
        .set('Authorization', `Bearer ${token}`)
        .send({ currentPassword: 'Disclosure-2026', password });
    for (const weak of ['Ab1', 'alllowercase1', 'ALLUPPERCASE1', 'NoDigitsHere']) {
      expect((await change(weak)).status).toBe(400);
    }
    expect((await change('Stronger-2027')).status).toBe(200);
  });

  test("Strapi's own login limiters are replaced by the disclosure login guard", () => {
    expect(app.strapi.config.get('admin.rateLimit.enabled')).toBe(false);
    expect(app.strapi.config.get('plugin::users-permissions.ratelimit.enabled')).toBe(false);
    const names = (app.strapi.config.get('middlewares') as any[]).map((entry) => (typeof entry === 'string' ? entry : entry.name));
    expect(names).toEqual(expect.arrayContaining(['plugin::disclosure.login-guard', 'plugin::disclosure.audit-trail']));
    expect(names.indexOf('plugin::disclosure.login-guard')).toBeGreaterThan(names.indexOf('strapi::body'));
  });
});
