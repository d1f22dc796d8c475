import { policyDocumentData } from '../harness/fixtures';
import { startApp, type TestApp } from '../harness/strapi';
import { publicActions } from '../../src/plugins/disclosure/server/src/public-reads/services/public-access';

/**
 * The users-permissions Authenticated role (every end user signed in with a JWT) reads no more than
 * the Public role: permissions an administrator granted it by mistake — a type's writes, the media
 * library's files, other accounts, the plugin's internal report — are revoked at start, as the Public
 * role's are, and every GET route of the content API answers a real JWT as it answers the public.
 */
const DOC = 'api::policy-document.policy-document';
const MARKER = 'AUTHROLEMARKER';
const PASSWORD = 'Reader-2026-pass';
/** What an administrator might tick for the Authenticated role in the admin. */
const MISTAKES = [
  `${DOC}.create`,
  `${DOC}.update`,
  `${DOC}.delete`,
  'plugin::upload.content-api.find',
  'plugin::upload.content-api.findOne',
  'plugin::users-permissions.user.find',
  'plugin::users-permissions.user.findOne',
  'plugin::disclosure.compliance.report',
];
/** The end user's own account, which stays its own. */
const isOwnAccount = (action: string) =>
  action === 'plugin::users-permissions.user.me' ||
  action.startsWith('plugin::users-permissions.auth.');

let app: TestApp;
let jwt: string;
let published: string;
let draft: string;
let onRequest: string;

const get = (path: string, token?: string) => {
  const request = app.http().get(path);
  return token ? request.set('Authorization', `Bearer ${token}`) : request;
};

const authenticatedActions = async (): Promise<string[]> => {
  const role = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' }, populate: ['permissions'] });
  return role.permissions.map((permission: { action: string }) => permission.action).sort();
};

beforeAll(async () => {
  app = await startApp();
  const s = app.strapi;
  const office = await s.documents('api::organization.organization').create({
    data: { name: '济南市人民政府办公厅', code: '370100001', level: 'department' } as any,
  });
  const create = async (overrides: Record<string, unknown>, status?: 'published') =>
    (
      await s.documents(DOC).create({
        data: policyDocumentData(office.documentId, overrides) as any,
        ...(status ? { status } : {}),
      } as any)
    ).documentId as string;
  published = await create({ title: '公开的通知' }, 'published');
  draft = await create({ title: `${MARKER} 草稿` });
  onRequest = await create({ title: '将改为依申请公开的通知' }, 'published');
  // Re-classified in place after publication (as a migration or a direct fix would leave it).
  await s.db.query(DOC).updateMany({
    where: { documentId: onRequest },
    data: {
      disclosureAttribute: 'on-request',
      nonDisclosureReason: 'process-information',
      title: `${MARKER} 依申请公开`,
      nonDisclosureExplanation: `${MARKER} 理由`,
    },
  });

  // An administrator ticks more for the Authenticated role; the next start takes it back.
  const role = await s.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  for (const action of MISTAKES)
    await s.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action, role: role.id } });
  await s.plugin('disclosure').service('public-access').enforcePublicPermissions();

  const user = await s.plugin('users-permissions').service('user').add({
    username: 'reader',
    email: 'reader@example.gov.cn',
    password: PASSWORD,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  // A real token of users-permissions, as its login issues (the Public role here may not log in).
  jwt = await s.plugin('users-permissions').service('jwt').issue({ id: user.id });
  expect((await get('/api/users/me', jwt)).status).toBe(200);
});

afterAll(async () => {
  await app?.stop();
});

test('the Authenticated role holds the catalogue reads and its own account, nothing else', async () => {
  const actions = await authenticatedActions();
  expect(actions.filter((action) => !isOwnAccount(action))).toEqual([...publicActions()].sort());
  expect(actions).toContain('plugin::users-permissions.user.me');
  for (const action of MISTAKES) expect(actions).not.toContain(action);
});

test('every GET route of the content API answers a signed-in user as it answers the public', async () => {
  const routes: string[] = app.strapi.server
    .listRoutes()
    .filter((layer: any) => layer.methods.includes('GET') && layer.path.startsWith('/api/'))
    .map((layer: any) =>
      layer.path.replace(/:documentId|:id/g, published).replace(/:[a-zA-Z]+/g, 'x')
    );
  expect(routes).toEqual(
    expect.arrayContaining([
      '/api/upload/files',
      '/api/users',
      '/api/disclosure/compliance',
      '/api/policy-documents',
    ])
  );
  const differences: string[] = [];
  for (const route of [...new Set(routes)]) {
    // The user's own account and sessions: not content, the user's own.
    if (/^\/api\/(users\/me|auth\/)/.test(route)) continue;
    const [anonymous, signedIn] = [await get(route), await get(route, jwt)];
    if (signedIn.text.includes(MARKER)) differences.push(`${route}: a hidden item`);
    if (anonymous.status >= 400 && signedIn.status < 400)
      differences.push(`${route}: public ${anonymous.status}, signed in ${signedIn.status}`);
    if (anonymous.status < 400 && JSON.stringify(anonymous.body) !== JSON.stringify(signedIn.body))
      differences.push(`${route}: answers differ`);
  }
  expect(differences).toEqual([]);
});

test('files, accounts, internal figures, drafts and writes: refused to a signed-in user', async () => {
  for (const path of [
    '/api/upload/files',
    '/api/upload/files?populate[related]=true',
    '/api/users',
    '/api/disclosure/compliance',
  ]) {
    const answer = await get(path, jwt);
    expect([path, answer.status]).toEqual([path, 403]);
  }
  for (const documentId of [draft, onRequest]) {
    for (const query of ['', '?status=draft']) {
      const answer = await get(`/api/policy-documents/${documentId}${query}`, jwt);
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain(MARKER);
    }
  }
  const list = await get('/api/policy-documents?status=draft&pagination[pageSize]=100', jwt);
  expect(list.status).toBe(200);
  expect(list.body.data.map((item: { documentId: string }) => item.documentId)).toEqual([
    published,
  ]);
  const write = await app
    .http()
    .post('/api/policy-documents')
    .set('Authorization', `Bearer ${jwt}`)
    .send({ data: { title: '终端用户写入' } });
  expect(write.status).toBe(403);
  // Its own account stays its own.
  const me = await get('/api/users/me', jwt);
  expect(me.status).toBe(200);
  expect(me.body.email).toBe('reader@example.gov.cn');
});
