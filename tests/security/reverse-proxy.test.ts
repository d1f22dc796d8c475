import { approvedReview } from '../harness/fixtures';
import { setClock, startApp, type TestApp } from '../harness/strapi';
import { reverseProxyConfig } from '../../src/security/reverse-proxy';

/**
 * Behind the reverse proxy every deployment has, per-address limits and the audit log's addresses
 * must be the visitor's (IS_PROXIED=true), taken from the entries the proxy wrote, never from what a
 * client wrote itself; without IS_PROXIED the header is nobody's word.
 */
const CONSULTATION = 'api::consultation.consultation';
const LEDGER = 'plugin::disclosure.ledger-entry';
const PASSWORD = 'Disclosure-2026';
/** The public feedback route's limit (src/api/consultation/routes/feedback.ts): 10 per 600 s. */
const FEEDBACK_LIMIT = 10;
const FEEDBACK_WINDOW_SECONDS = 600;

let app: TestApp;
let consultation: string;

/** A published consultation open on the pinned day, to send feedback to. */
async function openConsultation(): Promise<string> {
  setClock(app, '2026-05-20T02:00:00Z');
  const office = await app.strapi.documents('api::organization.organization').create({
    data: {
      name: '济南市人民政府办公厅',
      code: '370100001',
      level: 'department',
      regionCode: '370100',
    } as any,
  });
  const created = await app.strapi.documents(CONSULTATION).create({
    data: {
      title: '关于《济南市政务公开办法（征求意见稿）》公开征求意见的公告',
      organization: office.documentId,
      confidentialityReview: approvedReview,
      startDate: '2026-05-10',
      endDate: '2026-06-08',
    } as any,
    status: 'published',
  });
  return created.documentId;
}

const feedback = (forwardedFor: string) =>
  app
    .http()
    .post(`/api/consultations/${consultation}/feedback`)
    .set('X-Forwarded-For', forwardedFor)
    .send({ data: { content: '建议增加网上受理渠道' } });

/** Sends feedback until refused (at most one more than the limit): the statuses and the refusal. */
async function exhaust(forwardedFor: string) {
  const statuses: number[] = [];
  let refused: any = null;
  for (let i = 0; i <= FEEDBACK_LIMIT && !refused; i += 1) {
    const response = await feedback(forwardedFor);
    statuses.push(response.status);
    if (response.status === 429) refused = response;
  }
  return { statuses, refused };
}

const expectRefusedAtTheLimit = ({ statuses, refused }: Awaited<ReturnType<typeof exhaust>>) => {
  expect(statuses).toEqual([...Array(FEEDBACK_LIMIT).fill(201), 429]);
  expect(refused.body.error.message).toMatch(
    new RegExp(`^请求过于频繁：每 ${FEEDBACK_WINDOW_SECONDS} 秒最多 ${FEEDBACK_LIMIT} 次`)
  );
  expect(refused.headers['ratelimit-limit']).toBe(String(FEEDBACK_LIMIT));
  expect(refused.headers['ratelimit-remaining']).toBe('0');
  // One request's worth refills every 600 / 10 = 60 s, and the clock is pinned (openConsultation).
  const perRequest = FEEDBACK_WINDOW_SECONDS / FEEDBACK_LIMIT;
  expect(refused.headers['retry-after']).toBe(String(perRequest));
  expect(refused.body.error.details.retryAfterSeconds).toBe(perRequest);
};

const adminLogin = (forwardedFor: string, email: string, password = PASSWORD) =>
  app.http().post('/admin/login').set('X-Forwarded-For', forwardedFor).send({ email, password });

async function createAdmin(email: string) {
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email,
    firstname: '管理员',
    password: PASSWORD,
    isActive: true,
    roles: [superAdmin.id],
  });
}

const loginAddresses = async (email: string) =>
  (
    await app.strapi.db
      .query(LEDGER)
      .findMany({ where: { action: 'login', actorName: email }, orderBy: { id: 'asc' } })
  ).map((entry: any) => [entry.outcome, entry.address]);

describe('the configuration (src/security/reverse-proxy)', () => {
  test('off by default; X-Forwarded-For, one trusted hop', () => {
    expect(reverseProxyConfig({})).toEqual({
      koa: false,
      ipHeader: 'X-Forwarded-For',
      maxIpsCount: 1,
    });
    expect(
      reverseProxyConfig({
        IS_PROXIED: 'true',
        PROXY_IP_HEADER: 'X-Real-IP',
        PROXY_TRUSTED_HOPS: '2',
      })
    ).toEqual({
      koa: true,
      ipHeader: 'X-Real-IP',
      maxIpsCount: 2,
    });
  });

  test('a hop count that would believe every entry, or a header that is not one, stops the start', () => {
    for (const hops of ['0', '-1', '1.5', 'all', '100']) {
      expect(() => reverseProxyConfig({ IS_PROXIED: 'true', PROXY_TRUSTED_HOPS: hops })).toThrow(
        /^PROXY_TRUSTED_HOPS must be a whole number from 1 to 99/
      );
    }
    expect(() =>
      reverseProxyConfig({ IS_PROXIED: 'true', PROXY_IP_HEADER: 'X Forwarded For' })
    ).toThrow(/^PROXY_IP_HEADER is not an HTTP header name/);
  });
});

describe('behind a reverse proxy (IS_PROXIED=true)', () => {
  beforeAll(async () => {
    app = await startApp({
      env: { IS_PROXIED: 'true', PROXY_IP_HEADER: '', PROXY_TRUSTED_HOPS: '' },
    });
    consultation = await openConsultation();
  });

  afterAll(async () => {
    await app?.stop();
  });

  test('Strapi hands Koa the proxy settings', () => {
    const koa = app.strapi.server.app as any;
    expect({
      proxy: koa.proxy,
      proxyIpHeader: koa.proxyIpHeader,
      maxIpsCount: koa.maxIpsCount,
    }).toEqual({
      proxy: true,
      proxyIpHeader: 'X-Forwarded-For',
      maxIpsCount: 1,
    });
  });

  test('two visitors behind the proxy have a limit each: 10 feedbacks, then 429 with Retry-After', async () => {
    expectRefusedAtTheLimit(await exhaust('203.0.113.10'));
    expectRefusedAtTheLimit(await exhaust('203.0.113.20'));
  });

  test('an IPv6 visitor is one client per /64: rotating through its addresses gets no new allowance', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= FEEDBACK_LIMIT + 1; i += 1)
      statuses.push((await feedback(`2001:db8:77:1:${i.toString(16)}::${i}`)).status);
    expect(statuses).toEqual([...Array(FEEDBACK_LIMIT).fill(201), 429]);
    expect((await feedback('2001:db8:77:1:ffff:ffff:ffff:ffff')).status).toBe(429);
    // The next /64 is another subscriber, with its own allowance.
    const neighbour = await feedback('2001:db8:77:2::1');
    expect(neighbour.status).toBe(201);
    expect(neighbour.headers['ratelimit-remaining']).toBe(String(FEEDBACK_LIMIT - 1));
    // An IPv4 visitor written as IPv4-mapped IPv6 is that IPv4 visitor (203.0.113.20 is spent).
    expect((await feedback('::ffff:203.0.113.20')).status).toBe(429);
  });

  test('an entry the client put in front of the proxy’s is not believed: the rightmost counts', async () => {
    // 203.0.113.10 is spent; naming someone else first does not get it a new allowance…
    const forged = await feedback('198.51.100.1, 203.0.113.10');
    expect(forged.status).toBe(429);
    // …and a fresh visitor naming the spent one first is still itself.
    const innocent = await feedback('203.0.113.10, 203.0.113.30');
    expect(innocent.status).toBe(201);
    expect(innocent.headers['ratelimit-remaining']).toBe(String(FEEDBACK_LIMIT - 1));
  });

  test('the login limit is per visitor: 20 attempts from one, another is unaffected', async () => {
    setClock(app, '2026-05-20T03:00:00Z');
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 21; attempt += 1) {
      const response = await adminLogin(
        '203.0.113.40',
        `guess${attempt}@example.com`,
        'Guess-guess-2026'
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.body.error.details.reason).toBe('address-limit');
        // 20 attempts per 15 minutes: the next one is allowed 900 / 20 = 45 s on (the clock is pinned).
        expect(response.headers['retry-after']).toBe('45');
      }
    }
    expect(statuses).toEqual([...Array(20).fill(400), 429]);
    expect(
      (await adminLogin('203.0.113.50', 'guess1@example.com', 'Guess-guess-2026')).status
    ).toBe(400);
  });

  test('the audit log records the visitor’s address for a login, as the proxy wrote it', async () => {
    setClock(app, '2026-05-20T04:00:00Z');
    await createAdmin('proxied-admin@example.gov.cn');
    expect(
      (await adminLogin('198.51.100.99, 203.0.113.60', 'proxied-admin@example.gov.cn')).status
    ).toBe(200);
    expect(
      (await adminLogin('203.0.113.61', 'proxied-admin@example.gov.cn', 'Wrong-password-1')).status
    ).toBe(400);
    expect(await loginAddresses('proxied-admin@example.gov.cn')).toEqual([
      ['allowed', '203.0.113.60'],
      ['refused', '203.0.113.61'],
    ]);
  });
});

describe('not behind a proxy (IS_PROXIED unset)', () => {
  beforeAll(async () => {
    app = await startApp({ env: { IS_PROXIED: '', PROXY_IP_HEADER: '', PROXY_TRUSTED_HOPS: '' } });
    consultation = await openConsultation();
  });

  afterAll(async () => {
    await app?.stop();
  });

  test('X-Forwarded-For is ignored: two "visitors" are one client with one limit', async () => {
    expect((app.strapi.server.app as any).proxy).toBe(false);
    const statuses: number[] = [];
    for (let i = 0; i < FEEDBACK_LIMIT; i += 1)
      statuses.push((await feedback('203.0.113.10')).status);
    const other = await feedback('203.0.113.20');
    expectRefusedAtTheLimit({ statuses: [...statuses, other.status], refused: other });
  });

  test('the audit log records the connection’s address, not the header', async () => {
    setClock(app, '2026-05-20T04:00:00Z');
    await createAdmin('direct-admin@example.gov.cn');
    expect((await adminLogin('203.0.113.60', 'direct-admin@example.gov.cn')).status).toBe(200);
    const [[outcome, address]] = await loginAddresses('direct-admin@example.gov.cn');
    expect(outcome).toBe('allowed');
    expect(address).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });
});
