import { createAdminSession, setClock, startApp, type TestApp } from '../harness/strapi';

/** Each hardening setting, checked where it takes effect, so undoing one fails here. */
let app: TestApp;

beforeAll(async () => {
  app = await startApp({
    env: { CORS_ORIGINS: 'https://www.jinan.gov.cn,https://zwgk.jinan.gov.cn' },
  });
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
    const allowed = await app
      .http()
      .get('/api/policy-documents')
      .set('Origin', 'https://zwgk.jinan.gov.cn');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://zwgk.jinan.gov.cn');
    const other = await app
      .http()
      .get('/api/policy-documents')
      .set('Origin', 'https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).not.toBe('https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).not.toBe('*');
  });

  test('a municipal site may send the on-request lookup code as X-Lookup-Code', async () => {
    const preflight = await app
      .http()
      .options('/api/disclosure/applications/371300000-2026-0001')
      .set('Origin', 'https://zwgk.jinan.gov.cn')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'x-lookup-code');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://zwgk.jinan.gov.cn');
    expect(preflight.headers['access-control-allow-headers']).toMatch(
      /(^|,)\s*X-Lookup-Code\s*(,|$)/i
    );
  });
});

describe('admin accounts', () => {
  test('an idle session ends after 30 minutes; none lasts beyond 10 hours (docs/security.md)', () => {
    expect(app.strapi.config.get('admin.auth.sessions.idleSessionLifespan')).toBe(30 * 60);
    expect(app.strapi.config.get('admin.auth.sessions.idleRefreshTokenLifespan')).toBe(30 * 60);
    expect(app.strapi.config.get('admin.auth.sessions.accessTokenLifespan')).toBe(15 * 60);
    expect(app.strapi.config.get('admin.auth.sessions.maxSessionLifespan')).toBe(10 * 60 * 60);
    expect(app.strapi.config.get('admin.auth.sessions.maxRefreshTokenLifespan')).toBe(10 * 60 * 60);
  });

  test('a session renewed all day long ends 10 hours after its login', async () => {
    setClock(app, '2026-05-12T00:00:00Z');
    await createAdminSession(app, 'long-session@example.gov.cn');
    // Time stands still at each step, so the login is at 00:00:00.000 and the bound falls at 10:00:00.000.
    setClock(app, '2026-05-12T00:00:00Z', { frozen: true });
    const browser = app.http();
    expect(
      (
        await browser
          .post('/admin/login')
          .send({ email: 'long-session@example.gov.cn', password: 'Disclosure-2026' })
      ).status
    ).toBe(200);
    const renewAt = async (iso: string) => {
      setClock(app, iso, { frozen: true });
      return (await browser.post('/admin/access-token').send({})).status;
    };
    // Never idle for 30 minutes: renewed every 25 until the last millisecond of the tenth hour.
    const renewals: number[] = [];
    for (let minutes = 25; minutes < 10 * 60; minutes += 25) {
      renewals.push(
        await renewAt(new Date(Date.parse('2026-05-12T00:00:00Z') + minutes * 60_000).toISOString())
      );
    }
    renewals.push(await renewAt('2026-05-12T09:59:00Z'));
    renewals.push(await renewAt('2026-05-12T09:59:59.999Z'));
    expect(renewals).toEqual(Array(renewals.length).fill(200));
    expect(await renewAt('2026-05-12T10:00:00Z')).toBe(401);
  });

  test('a session kept in use goes on; after 30 idle minutes it is over', async () => {
    setClock(app, '2026-05-11T01:00:00Z');
    await createAdminSession(app, 'idle-session@example.gov.cn');
    const browser = app.http();
    const login = await browser
      .post('/admin/login')
      .send({ email: 'idle-session@example.gov.cn', password: 'Disclosure-2026' });
    expect(login.status).toBe(200);
    const renew = () => browser.post('/admin/access-token').send({});
    setClock(app, '2026-05-11T01:29:00Z');
    expect((await renew()).status).toBe(200);
    setClock(app, '2026-05-11T01:58:00Z');
    expect((await renew()).status).toBe(200);
    setClock(app, '2026-05-11T02:29:00Z');
    expect((await renew()).status).toBe(401);
  });

  test('a password needs 8 characters with a lowercase letter, a capital and a digit; each refusal says which', async () => {
    const token = await createAdminSession(app, 'password-policy@example.gov.cn');
    let current = 'Disclosure-2026';
    const change = (password: string) =>
      app
        .http()
        .put('/admin/users/me')
        .set('Authorization', `Bearer ${token}`)
        .send({ currentPassword: current, password });
    // Each breaks exactly one clause of the rule, and keeps the others.
    const refused: Array<[password: string, message: string]> = [
      ['Abcde12', '密码（password）至少 8 个字符 (password must be at least 8 characters)'],
      [
        'abcdefgh12',
        '密码（password）须含大写字母 (password must contain at least one uppercase character)',
      ],
      [
        'ABCDEFGH12',
        '密码（password）须含小写字母 (password must contain at least one lowercase character)',
      ],
      ['Abcdefghij', '密码（password）须含数字 (password must contain at least one number)'],
      [
        `Aa1${'x'.repeat(70)}`,
        '密码（password）须少于 73 字节 (password must be less than 73 bytes)',
      ],
    ];
    for (const [password, message] of refused) {
      const response = await change(password);
      expect([password, response.status, response.body.error?.message]).toEqual([
        password,
        400,
        message,
      ]);
      expect(response.body.error.details.errors).toEqual([
        expect.objectContaining({ path: ['password'], message }),
      ]);
    }
    // Exactly 8 characters, one of each class: accepted, and it is the password from then on.
    const accepted = await change('Abcdef12');
    expect(accepted.status).toBe(200);
    current = 'Abcdef12';
    expect(
      (
        await app
          .http()
          .post('/admin/login')
          .send({ email: 'password-policy@example.gov.cn', password: 'Abcdef12' })
      ).status
    ).toBe(200);
    expect(
      (
        await app
          .http()
          .post('/admin/login')
          .send({ email: 'password-policy@example.gov.cn', password: 'Disclosure-2026' })
      ).status
    ).toBe(400);
  });

  test("Strapi's own login limiters are replaced by the disclosure login guard", () => {
    expect(app.strapi.config.get('admin.rateLimit.enabled')).toBe(false);
    expect(app.strapi.config.get('plugin::users-permissions.ratelimit.enabled')).toBe(false);
    const names = (app.strapi.config.get('middlewares') as any[]).map((entry) =>
      typeof entry === 'string' ? entry : entry.name
    );
    expect(names).toEqual(
      expect.arrayContaining(['plugin::disclosure.login-guard', 'plugin::disclosure.audit-trail'])
    );
    expect(names.indexOf('plugin::disclosure.login-guard')).toBeGreaterThan(
      names.indexOf('strapi::body')
    );
  });
});
