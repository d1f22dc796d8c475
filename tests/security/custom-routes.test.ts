import crypto from 'crypto';
import {
  createAdminSession,
  createFullAccessToken,
  startApp,
  type TestApp,
} from '../harness/strapi';

/**
 * Every custom route, as the router has it (the disclosure plugin's admin and content-API routes, and
 * the APIs' routes that are not Strapi's core find/findOne/create/update/delete): PROBES says who may
 * call it, its config must say the same, and each caller is tried against what PROBES says. A route
 * added later is probed without editing this file's loop, and the test fails until PROBES says who may
 * call it, what safe input it takes and what it answers.
 * On the demo catalogue (which has consultation feedback with submitters), no response carries a
 * password, a token, or a submitter's name or contact, and nothing answers 500.
 */
const PRIVATE_KEYS = [
  'issuerDocumentNumber',
  'password',
  'resetPasswordToken',
  'registrationToken',
  'confirmationToken',
  'submitterName',
  'submitterContact',
  // 依申请公开: an applicant's identity document and a case's lookup code never leave the admin's case view.
  'idNumber',
  'lookupCodeHash',
  // 意见箱: a writer's name and contact, and what identical messages share.
  'writerName',
  'writerContact',
  'fingerprint',
  // 公众问答: the link to its message and who confirmed its text.
  'sourceMessage',
  'personalDataRemovedBy',
];
const CORE_ACTIONS = new Set(['find', 'findOne', 'create', 'update', 'delete']);
/** A plausible id for `:id` that names no row: the route must answer 404, not 500. */
const ABSENT_ID = '987654';

/** Who may call a route, read from its config. */
type Access =
  | 'public' // auth: false
  | 'api-token' // the content API's authentication: a token (or role) granted the action; never the Public role, never a read-only token
  | 'admin' // admin::isAuthenticatedAdmin: any signed-in admin
  | `admin-permission ${string}` // …that also holds this permission
  | 'super-admin'; // …that is a super admin

interface Probe {
  access: Access;
  query?: Record<string, string>;
  body?: object;
  /** What the widest caller (anonymous for a public route) gets on this safe input */
  answers: number;
  /**
   * On an admin route any signed-in admin passes (access 'admin'): what an admin whose role grants
   * nothing gets from the handler, when it is not `answers` (the handler scopes or refuses by itself),
   * as the outcome below reads it: the status, and `PolicyError` for a policy's refusal.
   */
  plainAdminAnswers?: string;
}

interface Fixtures {
  policy: { documentId: string };
  /** A document the outbox has syndicated (the demo publishes to its subscribers) */
  syndicated: string;
  organizationCode: string;
}

/** For each custom route, `METHOD /full/path`: who may call it, a safe input, and the answer to it. */
const PROBES = (f: Fixtures): Record<string, Probe> => ({
  // The plugin's admin routes (the admin panel's)
  // An account assigned to no organization sees every organization's only as a super admin or the
  // auditor (docs/deadlines.md): the plain admin here has none.
  'GET /disclosure/compliance': {
    access: 'admin',
    answers: 200,
    plainAdminAnswers: '403 PolicyError',
  },
  'GET /disclosure/due-today': { access: 'admin', answers: 200 },
  // Any admin passes the route; the handler holds the account to its organizations (the auditor: all).
  'GET /disclosure/annual-report': {
    access: 'admin',
    query: { organization: f.organizationCode, year: '2025' },
    answers: 200,
    plainAdminAnswers: '403 PolicyError',
  },
  // The organizations whose reports the account may read: none for an admin whose role reads none.
  'GET /disclosure/annual-report/organizations': { access: 'admin', answers: 200 },
  'GET /disclosure/annual-report/document': {
    access: 'admin',
    query: { organization: f.organizationCode, year: '2025', format: 'xlsx' },
    answers: 200,
    plainAdminAnswers: '403 PolicyError',
  },
  // Any admin passes the route; the handler refuses one who may not read the item (a PolicyError, with the reason).
  'GET /disclosure/item-status': {
    access: 'admin',
    query: { contentType: 'api::policy-document.policy-document', documentId: f.policy.documentId },
    answers: 200,
    plainAdminAnswers: '403 PolicyError',
  },
  'GET /disclosure/ledger': {
    access: 'admin-permission plugin::disclosure.ledger.read',
    query: { pageSize: '100' },
    answers: 200,
  },
  'POST /disclosure/reviews': {
    access: 'admin-permission plugin::disclosure.review.record',
    body: {},
    answers: 400,
  },
  'GET /disclosure/subscribers': { access: 'super-admin', answers: 200 },
  'POST /disclosure/subscribers': { access: 'super-admin', body: {}, answers: 400 },
  'PUT /disclosure/subscribers/:id': {
    access: 'super-admin',
    body: { data: { name: '县政府门户' } },
    answers: 404,
  },
  'POST /disclosure/subscribers/:id/rotate-secret': {
    access: 'super-admin',
    body: {},
    answers: 404,
  },
  'POST /disclosure/subscribers/:id/resend': {
    access: 'super-admin',
    body: { data: { since: '2026-01-01' } },
    answers: 404,
  },
  'GET /disclosure/sources': { access: 'super-admin', answers: 200 },
  'POST /disclosure/sources': { access: 'super-admin', body: {}, answers: 400 },
  'PUT /disclosure/sources/:id': {
    access: 'super-admin',
    body: { data: { name: '市政府门户' } },
    answers: 404,
  },
  'GET /disclosure/syndication-status': {
    access: 'super-admin',
    query: { document: f.syndicated },
    answers: 200,
  },
  'GET /disclosure/deliveries': { access: 'super-admin', answers: 200 },
  'POST /disclosure/deliveries/:id/retry': { access: 'super-admin', body: {}, answers: 404 },
  'GET /disclosure/translation-locks': {
    access: 'admin',
    query: { contentType: 'api::policy-document.policy-document', documentId: f.policy.documentId },
    answers: 200,
  },
  'DELETE /disclosure/translation-locks/:id': { access: 'admin', answers: 404 },
  'GET /disclosure/calendar': { access: 'admin', answers: 200 },
  'POST /disclosure/calendar/days': {
    access: 'admin-permission plugin::disclosure.settings.manage',
    body: {},
    answers: 400,
  },
  'DELETE /disclosure/calendar/days/:id': {
    access: 'admin-permission plugin::disclosure.settings.manage',
    answers: 404,
  },
  'GET /disclosure/conversion-terms': { access: 'admin', answers: 200 },
  'POST /disclosure/conversion-terms': {
    access: 'admin-permission plugin::disclosure.settings.manage',
    body: {},
    answers: 400,
  },
  'PUT /disclosure/conversion-terms/:id': {
    access: 'admin-permission plugin::disclosure.settings.manage',
    body: { data: { traditional: '臺帳' } },
    answers: 404,
  },
  'DELETE /disclosure/conversion-terms/:id': {
    access: 'admin-permission plugin::disclosure.settings.manage',
    answers: 404,
  },
  'GET /disclosure/deadline-rules': { access: 'admin', answers: 200 },
  // 依申请公开: any admin passes the route; the service refuses an account without an on-request
  // permission (a PolicyError), and answers a case outside the account's scope as it answers none.
  'GET /disclosure/applications': {
    access: 'admin',
    answers: 200,
    plainAdminAnswers: '403 PolicyError',
  },
  'POST /disclosure/applications': { access: 'admin', body: {}, answers: 400 },
  'GET /disclosure/applications/:documentId': {
    access: 'admin',
    answers: 404,
    plainAdminAnswers: '403 PolicyError',
  },
  'POST /disclosure/applications/:documentId/actions/:action': {
    access: 'admin',
    body: {},
    answers: 400,
  },
  'GET /disclosure/applications/:documentId/letters/:kind': { access: 'admin', answers: 400 },
  // 意见箱 and 领导信箱: as for the cases, the service refuses an account without a messages.*
  // permission, and answers a message outside the account's scope as it answers none.
  'GET /disclosure/messages': {
    access: 'admin',
    answers: 200,
    plainAdminAnswers: '403 PolicyError',
  },
  'GET /disclosure/messages/organizations': {
    access: 'admin',
    answers: 200,
    plainAdminAnswers: '403 PolicyError',
  },
  'GET /disclosure/messages/statistics': {
    access: 'admin',
    query: { month: '2026-03' },
    answers: 200,
    plainAdminAnswers: '403 PolicyError',
  },
  'GET /disclosure/messages/:documentId': {
    access: 'admin',
    answers: 404,
    plainAdminAnswers: '403 PolicyError',
  },
  'POST /disclosure/messages/:documentId/actions/:action': {
    access: 'admin',
    body: {},
    answers: 400,
  },
  // 公众问答: the body is checked before the message is looked for.
  'POST /disclosure/messages/:documentId/public-answer': {
    access: 'admin',
    body: {},
    answers: 400,
  },
  'GET /disclosure/mailboxes': {
    access: 'admin',
    answers: 200,
    plainAdminAnswers: '403 PolicyError',
  },
  'POST /disclosure/mailboxes': { access: 'admin', body: {}, answers: 400 },
  'PUT /disclosure/mailboxes/:documentId': { access: 'admin', body: {}, answers: 400 },
  'GET /disclosure/letter-templates': {
    access: 'admin-permission plugin::disclosure.settings.manage',
    answers: 200,
  },
  'PUT /disclosure/letter-templates/:key': {
    access: 'admin-permission plugin::disclosure.settings.manage',
    body: { data: { title: '告知书', body: '正文' } },
    answers: 404,
  },
  'DELETE /disclosure/letter-templates/:key': {
    access: 'admin-permission plugin::disclosure.settings.manage',
    answers: 404,
  },
  // The plugin's content-API routes
  'GET /api/disclosure/working-days/add': {
    access: 'public',
    query: { from: '2026-02-13', days: '3' },
    answers: 200,
  },
  'GET /api/disclosure/working-days/between': {
    access: 'public',
    query: { from: '2026-02-13', to: '2026-03-13' },
    answers: 200,
  },
  'GET /api/disclosure/catalogue/counts': {
    access: 'public',
    query: { locale: 'zh-Hant' },
    answers: 200,
  },
  'GET /api/disclosure/search': {
    access: 'public',
    query: { q: '政务公开', types: 'policy-document' },
    answers: 200,
  },
  'POST /api/disclosure/convert': {
    access: 'public',
    body: { text: '政务公开', from: 'zh-Hans', to: 'zh-Hant' },
    answers: 200,
  },
  // Open at the router, authenticated by the message's signature: unsigned, a 401 that says why.
  'POST /api/disclosure/inbox': {
    access: 'public',
    body: { type: 'document.published' },
    answers: 401,
  },
  'POST /api/disclosure/receipts': { access: 'public', body: { type: 'receipt' }, answers: 401 },
  'GET /api/disclosure/feed': { access: 'api-token', answers: 200 },
  'GET /api/disclosure/feed.atom': {
    access: 'public',
    query: { organization: f.organizationCode },
    answers: 200,
  },
  'GET /api/disclosure/syndication/status': {
    access: 'api-token',
    query: { document: f.syndicated },
    answers: 200,
  },
  'GET /api/disclosure/compliance': { access: 'api-token', answers: 200 },
  // The OpenAPI description of the public API (docs/openapi.md), rate limited.
  'GET /api/disclosure/openapi.json': { access: 'public', answers: 200 },
  // 依申请公开: the online form (rate limited) and the applicant's lookup, whose every miss is one 404.
  'POST /api/disclosure/applications': {
    access: 'public',
    body: {
      data: {
        organization: f.organizationCode,
        applicantType: 'natural-person',
        name: '王五',
        idType: '居民身份证',
        idNumber: '370102199001011234',
        phone: '13800000000',
        address: '济南市历下区某路1号',
        description: '请公开本机关2025年的政府信息公开工作年度报告底稿',
        form: 'electronic',
      },
    },
    answers: 201,
  },
  'GET /api/disclosure/applications/:number': {
    access: 'public',
    query: { code: 'not-the-code' },
    answers: 404,
  },
  // 意见箱 and 领导信箱: writing in (rate limited), the writer's lookup and rating (every miss one
  // 404), and an organization's open mailboxes.
  'POST /api/disclosure/messages': {
    access: 'public',
    body: {
      data: {
        organization: f.organizationCode,
        kind: 'suggestion',
        subject: '建议延长政务大厅周末开放时间',
        content: '建议政务服务大厅周六上午开放。',
        name: '赵六',
        contact: '13900000000',
        consentToPublish: false,
      },
    },
    answers: 201,
  },
  'GET /api/disclosure/messages/:number': {
    access: 'public',
    query: { code: 'not-the-code' },
    answers: 404,
  },
  'POST /api/disclosure/messages/:number/rating': {
    access: 'public',
    body: { data: { code: 'not-the-code', satisfied: true } },
    answers: 404,
  },
  'GET /api/disclosure/mailboxes': {
    access: 'public',
    query: { organization: f.organizationCode },
    answers: 200,
  },
  // The APIs' own routes
  'POST /api/consultations/:documentId/feedback': {
    access: 'public',
    body: { data: { content: '建议增加网上受理渠道' } },
    answers: 201,
  },
});

interface CustomRoute {
  /** `METHOD /full/path`, as PROBES names it */
  key: string;
  type: 'admin' | 'content-api';
  method: string;
  url: string;
  access: Access;
}

/** Who may call the route, from its config alone. */
function accessOf(type: string, config: any, key: string): Access {
  if (config?.auth === false) return 'public';
  if (type !== 'admin') return 'api-token';
  const policies: any[] = config?.policies ?? [];
  const names = policies.map((policy) => (typeof policy === 'string' ? policy : policy?.name));
  if (!names.includes('admin::isAuthenticatedAdmin'))
    throw new Error(`${key}: an admin route without admin::isAuthenticatedAdmin`);
  if (names.includes('plugin::disclosure.is-super-admin')) return 'super-admin';
  const permission = policies.find((policy) => policy?.name === 'admin::hasPermissions');
  if (permission) return `admin-permission ${permission.config.actions.join(',')}`;
  return 'admin';
}

/** The custom routes as registered: the plugin's routers, and the APIs' non-core routes. */
function customRoutes(app: TestApp): CustomRoute[] {
  const apiPrefix = app.strapi.config.get('api.rest.prefix', '/api') as string;
  const routes: CustomRoute[] = [];
  const add = (type: 'admin' | 'content-api', prefix: string, route: any) => {
    const url = `${type === 'content-api' ? apiPrefix : ''}${prefix}${route.path}`;
    const key = `${route.method} ${url}`;
    routes.push({
      key,
      type,
      method: route.method,
      url,
      access: accessOf(type, route.config, key),
    });
  };
  for (const router of Object.values(
    app.strapi.plugin('disclosure').routes as Record<string, any>
  )) {
    for (const route of router.routes) add(router.type, router.prefix ?? '/disclosure', route);
  }
  for (const api of Object.values(app.strapi.apis) as any[]) {
    for (const router of Object.values(api.routes) as any[]) {
      for (const route of router.routes ?? []) {
        const action = String(route.handler).split('.').pop() as string;
        if (!CORE_ACTIONS.has(action)) add('content-api', router.prefix ?? '', route);
      }
    }
  }
  return routes;
}

function privateKeysIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => privateKeysIn(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      // The OpenAPI description names what the intake form takes (its request body): no one's data.
      if (key === 'requestBody') continue;
      if (PRIVATE_KEYS.includes(key)) found.push(key);
      privateKeysIn(inner, found);
    }
  }
  return found;
}

let app: TestApp;
let fullAccess: string;
let readOnly: string;
let superAdmin: string;
let plainAdmin: string;
let routes: CustomRoute[];
let probes: Record<string, Probe>;

beforeAll(async () => {
  app = await startApp({ seed: true });
  fullAccess = await createFullAccessToken(app.strapi);
  readOnly = (
    await app.strapi.service('admin::api-token').create({
      name: `read-only-${crypto.randomBytes(4).toString('hex')}`,
      type: 'read-only',
      lifespan: null,
    })
  ).accessKey;
  superAdmin = await createAdminSession(app);
  // An admin whose role grants nothing: signed in, not a super admin, no disclosure permission.
  const role = await app.strapi
    .service('admin::role')
    .create({ name: '无权限角色', description: 'No permissions' });
  await app.strapi.service('admin::user').create({
    email: 'no-permissions@example.gov.cn',
    firstname: '无权限',
    lastname: 'Admin',
    password: 'Disclosure-2026',
    isActive: true,
    roles: [role.id],
  });
  const login = await app
    .http()
    .post('/admin/login')
    .send({ email: 'no-permissions@example.gov.cn', password: 'Disclosure-2026' });
  plainAdmin = login.body.data.token ?? login.body.data.accessToken;

  const policy = await app.strapi.db
    .query('api::policy-document.policy-document')
    .findOne({ where: { locale: 'zh-Hans' } });
  const organization = await app.strapi.db
    .query('api::organization.organization')
    .findOne({ where: { code: { $notNull: true } } });
  // The demo's open consultation (seeded around today), with a day's margin either side of the Beijing date.
  const today = new Date().toISOString().slice(0, 10);
  const consultations = await app.strapi.db
    .query('api::consultation.consultation')
    .findMany({ where: { publishedAt: { $notNull: true } } });
  const consultation = consultations.find(
    (entry: any) => entry.startDate < today && today < entry.endDate
  );
  const event = await app.strapi.db
    .query('plugin::disclosure.syndication-event')
    .findOne({ orderBy: { id: 'asc' } });
  probes = PROBES({
    policy,
    syndicated: event?.itemDocumentId ?? 'no-syndicated-document',
    organizationCode: organization.code,
  });
  routes = customRoutes(app);
  for (const route of routes) {
    if (route.url.includes(':documentId'))
      route.url = route.url.replace(
        ':documentId',
        consultation?.documentId ?? 'no-open-consultation'
      );
    route.url = route.url.replace(/:id\b/g, ABSENT_ID);
  }
});

afterAll(async () => {
  await app?.stop();
});

/** The route's entry in PROBES; a route without one fails every test that calls it. */
const probeOf = (route: CustomRoute): Probe => {
  const probe = probes[route.key];
  if (!probe)
    throw new Error(`${route.key}: no probe in PROBES (who may call it, a safe input, the answer)`);
  return probe;
};

const call = (route: CustomRoute, bearer?: string) => {
  const probe = probeOf(route);
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  let request = app
    .http()
    [method](route.url)
    .query(probe.query ?? {});
  if (bearer) request = request.set('Authorization', `Bearer ${bearer}`);
  return probe.body ? request.send(probe.body) : request;
};

test('the router has every custom route, and each has a probe saying who may call it', async () => {
  const declared = customRoutes(app);
  // A route without a probe, or whose config gives other rights than the probe says, fails here.
  expect(declared.map((route) => [route.key, route.access])).toEqual(
    declared.map((route) => [route.key, probes[route.key]?.access ?? 'no probe'])
  );
  expect(Object.keys(probes).sort()).toEqual(declared.map((route) => route.key).sort());
  // 46 admin routes and 19 content-API ones today; none lost by the enumeration.
  expect(routes.length).toBe(65);
  // Registered where the key says (so the URLs probed below are the served ones)…
  const layers = app.strapi.server
    .listRoutes()
    .map(
      (layer: any) => `${layer.methods.filter((m: string) => m !== 'HEAD').join(',')} ${layer.path}`
    );
  for (const route of declared) expect(layers).toContain(`${route.method} ${route.url}`);
  // …and nothing served under the plugin's prefixes is missing from the enumeration.
  const served = layers.filter((layer) => / \/(api\/)?disclosure\//.test(layer));
  expect(served.sort()).toEqual(
    declared
      .filter((route) => route.url.includes('/disclosure/'))
      .map((route) => `${route.method} ${route.url}`)
      .sort()
  );
});

test('admin routes: 401 without an admin session (an API token is none); permissions enforced; no 500', async () => {
  const outcomes: string[] = [];
  const expected: string[] = [];
  for (const route of routes.filter((entry) => entry.type === 'admin')) {
    const probe = probeOf(route);
    outcomes.push(`${route.key} anonymous ${(await call(route)).status}`);
    expected.push(`${route.key} anonymous 401`);
    outcomes.push(`${route.key} api-token ${(await call(route, fullAccess)).status}`);
    expected.push(`${route.key} api-token 401`);

    // A signed-in admin passes the route's policies when they ask for nothing more (the handler may
    // still scope what it sees); otherwise a policy refuses it with 403.
    const plain = await call(route, plainAdmin);
    outcomes.push(
      `${route.key} no-permission-admin ${plain.status}${plain.body?.error?.name === 'PolicyError' ? ' PolicyError' : ''}`
    );
    expected.push(
      `${route.key} no-permission-admin ${probe.access === 'admin' ? (probe.plainAdminAnswers ?? probe.answers) : '403 PolicyError'}`
    );

    const widest = await call(route, superAdmin);
    outcomes.push(`${route.key} super-admin ${widest.status}`);
    expected.push(`${route.key} super-admin ${probe.answers}`);
    expect(privateKeysIn(widest.body)).toEqual([]);
  }
  expect(outcomes).toEqual(expected);
});

test('content-API routes: public ones answer anyone; the others refuse the public and read-only tokens; no 500', async () => {
  const outcomes: string[] = [];
  const expected: string[] = [];
  for (const route of routes.filter((entry) => entry.type === 'content-api')) {
    const probe = probeOf(route);
    const anonymous = await call(route);
    const readOnlyToken = await call(route, readOnly);
    const fullToken = await call(route, fullAccess);
    if (probe.access === 'public') {
      outcomes.push(`${route.key} ${anonymous.status} ${readOnlyToken.status} ${fullToken.status}`);
      expected.push(`${route.key} ${probe.answers} ${probe.answers} ${probe.answers}`);
    } else {
      // The Public role is granted none of these actions: 403, as for a read-only token.
      outcomes.push(`${route.key} ${anonymous.status} ${readOnlyToken.status} ${fullToken.status}`);
      expected.push(`${route.key} 403 403 ${probe.answers}`);
    }
    for (const response of [anonymous, readOnlyToken, fullToken])
      expect(privateKeysIn(response.body)).toEqual([]);
  }
  expect(outcomes).toEqual(expected);
});

test('no custom route returns a submitter’s contact or a password hash', async () => {
  const feedback = await app.strapi.db
    .query('api::consultation-feedback.consultation-feedback')
    .findMany({});
  expect(feedback.length).toBeGreaterThan(0);
  const contacts = feedback.map((entry: any) => entry.submitterContact).filter(Boolean);
  expect(contacts.length).toBeGreaterThan(0);
  for (const route of routes) {
    const widest = await call(
      route,
      route.type === 'admin'
        ? superAdmin
        : probeOf(route).access === 'public'
          ? undefined
          : fullAccess
    );
    expect(widest.status).toBeLessThan(500);
    const text = JSON.stringify(widest.body ?? widest.text);
    expect(text).not.toMatch(/\$2[aby]\$\d\d\$/); // a bcrypt hash
    for (const contact of contacts) expect(text).not.toContain(contact);
  }
});
