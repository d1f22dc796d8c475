import type { AddressInfo } from 'net';
import net from 'net';
import { approvedReview, policyDocumentData } from '../harness/fixtures';
import { createFullAccessToken, setClock, startApp, type TestApp } from '../harness/strapi';

/** Public reads from the response cache: validators, 304, bypasses, and never a stale answer. */
const ORG = 'api::organization.organization';

let app: TestApp;
let token: string;
let office: string;

const auth = () => ({ Authorization: `Bearer ${token}` });

/** One request written on a socket as given (a request line supertest would have encoded), read to the end. */
function rawGet(
  port: number,
  target: string | Buffer
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ])
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(
      Buffer.concat([
        Buffer.from('GET '),
        Buffer.from(target),
        Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
      ])
    );
  });
}
const publicGet = (path: string, query: Record<string, unknown> = {}) =>
  app.http().get(path).query(query);

async function publishDocument(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await app
    .http()
    .post('/api/policy-documents')
    .set(auth())
    .send({ data: policyDocumentData(office, overrides) });
  expect(res.status).toBe(201);
  return res.body.data.documentId;
}

const retitle = (documentId: string, title: string) =>
  app.http().put(`/api/policy-documents/${documentId}`).set(auth()).send({ data: { title } });

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  office = (
    await app.strapi.documents(ORG).create({
      data: {
        name: '淄博市人民政府办公室',
        code: '370300001',
        level: 'department',
        regionCode: '370300',
      } as any,
    })
  ).documentId;
});

afterAll(async () => {
  await app?.stop();
});

describe('validators and the cache', () => {
  test('a public read is rendered once, then answered from the cache with the same tag and bytes', async () => {
    const documentId = await publishDocument({ title: '关于缓存的通知' });
    const first = await publicGet(`/api/policy-documents/${documentId}`);
    expect(first.status).toBe(200);
    expect(first.headers['x-response-cache']).toBe('miss');
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(first.headers['content-type']).toMatch(/^application\/json/);

    const second = await publicGet(`/api/policy-documents/${documentId}`);
    expect(second.headers['x-response-cache']).toBe('hit');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    // Security headers are set above the cache and kept on every answer.
    expect(second.headers['x-content-type-options']).toBe('nosniff');
  });

  test('a hit is answered by the HTTP server before Koa, with the very headers and bytes Koa gave it; anything else goes to Koa', async () => {
    const documentId = await publishDocument({ title: '关于提前应答的通知' });
    const koaContexts = jest.spyOn(app.strapi.server.app as any, 'createContext');
    try {
      const origin = 'http://localhost:1337';
      const first = await publicGet(`/api/policy-documents/${documentId}`).set('Origin', origin);
      expect(first.headers['x-response-cache']).toBe('miss');
      expect(koaContexts).toHaveBeenCalledTimes(1);

      const hit = await publicGet(`/api/policy-documents/${documentId}`).set('Origin', origin);
      expect(koaContexts).toHaveBeenCalledTimes(1);
      expect(hit.status).toBe(200);
      expect(hit.text).toBe(first.text);
      const { date: _d1, 'x-response-cache': _x1, ...rendered } = first.headers;
      const { date: _d2, 'x-response-cache': _x2, ...replayed } = hit.headers;
      expect(replayed).toEqual(rendered);
      expect(hit.headers['access-control-allow-origin']).toBe(origin);

      const notModified = await publicGet(`/api/policy-documents/${documentId}`)
        .set('Origin', origin)
        .set('If-None-Match', first.headers.etag);
      expect(notModified.status).toBe(304);
      expect(notModified.text).toBe('');
      expect(notModified.headers['content-type']).toBeUndefined();
      expect(notModified.headers.etag).toBe(first.headers.etag);
      const head = await app
        .http()
        .head(`/api/policy-documents/${documentId}`)
        .set('Origin', origin);
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe(String(Buffer.byteLength(first.text)));
      expect(koaContexts).toHaveBeenCalledTimes(1);

      // Signed-in, draft and non-API requests are Koa's, every time.
      const signedIn = await publicGet(`/api/policy-documents/${documentId}`).set(auth());
      expect(signedIn.headers['x-response-cache']).toBe('bypass');
      await publicGet(`/api/policy-documents/${documentId}`, { status: 'draft' });
      await app.http().get('/_health');
      expect(koaContexts).toHaveBeenCalledTimes(4);
    } finally {
      koaContexts.mockRestore();
    }
  });

  test('URLs that parsers could split differently are not answered early: only plain ASCII without a fragment is', async () => {
    const title = '关于网址形式的通知';
    await publishDocument({ title });
    const server = app.strapi.server.httpServer;
    if (!server.listening)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const koaContexts = jest.spyOn(app.strapi.server.app as any, 'createContext');
    try {
      // Percent-encoded Chinese is plain ASCII: rendered once, then answered before Koa.
      const encoded = `/api/policy-documents?filters%5Btitle%5D%5B%24eq%5D=${encodeURIComponent(title)}`;
      const first = await rawGet(port, encoded);
      expect(first.status).toBe(200);
      expect(JSON.parse(first.body).data.map((item: any) => item.title)).toEqual([title]);
      const second = await rawGet(port, encoded);
      expect(second.headers['x-response-cache']).toBe('hit');
      expect(second.body).toBe(first.body);
      expect(koaContexts).toHaveBeenCalledTimes(1);

      // Raw UTF-8 in the request line is refused by Node's HTTP parser before anyone reads it.
      const raw = await rawGet(
        port,
        Buffer.from(`/api/policy-documents?filters[title][$eq]=${title}`)
      );
      expect(raw.status).toBe(400);
      expect(koaContexts).toHaveBeenCalledTimes(1);

      // A fragment is not for the early path: Koa answers, every time, what the query asks.
      for (let round = 0; round < 2; round += 1) {
        const fragment = await rawGet(port, `${encoded}#top`);
        expect(fragment.status).toBe(200);
        expect(fragment.body).toBe(first.body);
      }
      expect(koaContexts).toHaveBeenCalledTimes(3);
    } finally {
      koaContexts.mockRestore();
    }
  });

  test('when the shared stamp cannot be read, a public read is answered from the database, never from the cache', async () => {
    const documentId = await publishDocument({ title: '关于计数器不可读的通知' });
    await publicGet(`/api/policy-documents/${documentId}`);
    expect(
      (await publicGet(`/api/policy-documents/${documentId}`)).headers['x-response-cache']
    ).toBe('hit');
    const cache = app.strapi.plugin('disclosure').service('response-cache');
    const state = jest.spyOn(cache, 'state').mockRejectedValue(new Error('connection lost'));
    try {
      const answer = await publicGet(`/api/policy-documents/${documentId}`);
      expect(answer.status).toBe(200);
      expect(answer.body.data.title).toBe('关于计数器不可读的通知');
      expect(answer.headers['x-response-cache']).toBeUndefined();
      // Tried before Koa, then by the middleware, which answers without the cache.
      expect(state).toHaveBeenCalledTimes(2);
    } finally {
      state.mockRestore();
    }
  });

  test('If-None-Match with the current tag gets 304 and no body; an old tag gets the new answer', async () => {
    const documentId = await publishDocument({ title: '关于验证器的通知' });
    const first = await publicGet(`/api/policy-documents/${documentId}`);
    const unchanged = await publicGet(`/api/policy-documents/${documentId}`).set(
      'If-None-Match',
      `"other", ${first.headers.etag}`
    );
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.etag).toBe(first.headers.etag);

    expect((await retitle(documentId, '关于验证器的通知（修订）')).status).toBe(200);
    const changed = await publicGet(`/api/policy-documents/${documentId}`).set(
      'If-None-Match',
      first.headers.etag
    );
    expect(changed.status).toBe(200);
    expect(changed.body.data.title).toBe('关于验证器的通知（修订）');
    expect(changed.headers.etag).not.toBe(first.headers.etag);
  });

  test('a list with a different query is a different entry; the same query is the same entry', async () => {
    const byService = { 'filters[category][$eq]': 'service', sort: 'issueDate:desc' };
    await publicGet('/api/policy-documents', byService);
    const again = await publicGet('/api/policy-documents', byService);
    expect(again.headers['x-response-cache']).toBe('hit');
    const other = await publicGet('/api/policy-documents', { ...byService, locale: 'zh-Hant' });
    expect(other.headers['x-response-cache']).toBe('miss');
  });

  test("a rate-limited route's cached answer does not replay the first caller's rate-limit counts", async () => {
    const first = await app.http().get('/api/disclosure/openapi.json');
    expect(first.status).toBe(200);
    expect(first.headers['ratelimit-remaining']).toBeDefined();
    const second = await app.http().get('/api/disclosure/openapi.json');
    expect(second.headers['x-response-cache']).toBe('hit');
    expect(second.headers['ratelimit-remaining']).toBeUndefined();
    expect(second.headers['ratelimit-limit']).toBeUndefined();
  });

  test('errors are not cached and say no-store', async () => {
    const missing = await publicGet('/api/policy-documents/no-such-document');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.headers['x-response-cache']).toBeUndefined();
  });

  test('authenticated reads and draft requests pass by the cache and are marked private', async () => {
    const documentId = await publishDocument();
    const withToken = await app.http().get(`/api/policy-documents/${documentId}`).set(auth());
    expect(withToken.status).toBe(200);
    expect(withToken.headers['x-response-cache']).toBe('bypass');
    expect(withToken.headers['cache-control']).toBe('private, no-store');

    const drafts = await publicGet('/api/policy-documents', { status: 'draft' });
    expect(drafts.headers['x-response-cache']).toBe('bypass');
    // The public still sees only published items, as without the cache.
    expect(drafts.body.data.every((item: any) => item.publishedAt)).toBe(true);
  });
});

describe('every change that can alter an answer empties it', () => {
  test("the Public role's permissions are read once per content state, and taking one away is seen on the next read", async () => {
    const permissionReads: string[] = [];
    const listen = (query: { sql: string }) => {
      if (/up_permissions/.test(query.sql)) permissionReads.push(query.sql);
    };
    await publishDocument({ title: '权限读取之前' }); // a new content state
    app.strapi.db.connection.on('query', listen);
    try {
      expect((await publicGet('/api/policy-documents', { 'pagination[pageSize]': 3 })).status).toBe(
        200
      );
      expect((await publicGet('/api/press-releases', { 'pagination[pageSize]': 3 })).status).toBe(
        200
      );
    } finally {
      app.strapi.db.connection.removeListener('query', listen);
    }
    expect(permissionReads).toHaveLength(1); // two answers rendered, the permissions read once

    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    const publicRole = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const find = await permissions.findOne({
      where: { action: 'api::press-release.press-release.find', role: publicRole.id },
    });
    expect(find).toBeTruthy();
    await permissions.delete({ where: { id: find.id } });
    try {
      const refused = await publicGet('/api/press-releases', { 'pagination[pageSize]': 3 });
      expect(refused.status).toBe(403);
    } finally {
      await permissions.create({
        data: { action: 'api::press-release.press-release.find', role: publicRole.id },
      });
    }
    expect((await publicGet('/api/press-releases', { 'pagination[pageSize]': 3 })).status).toBe(
      200
    );
  });

  test("a public list's total is counted once per content state for all its pages, sorts and fields, and a change is counted at once", async () => {
    const countQueries: string[] = [];
    const listen = (query: { sql: string }) => {
      // The list's count alone (publishing runs counts of its own).
      if (
        /^select count\(/i.test(query.sql) &&
        /policy_documents/.test(query.sql) &&
        /title\W* like/i.test(query.sql)
      )
        countQueries.push(query.sql);
    };
    const list = (query: Record<string, unknown> = {}) =>
      publicGet('/api/policy-documents', {
        'filters[title][$startsWith]': '总数测试',
        'pagination[pageSize]': 2,
        ...query,
      });
    for (const title of ['总数测试一', '总数测试二', '总数测试三'])
      await publishDocument({ title });
    app.strapi.db.connection.on('query', listen);
    try {
      const answers = [
        await list(),
        await list({ 'pagination[page]': 2 }),
        await list({ sort: 'issueDate:desc', 'fields[0]': 'title' }),
      ];
      expect(answers.map((answer) => answer.body.meta.pagination.total)).toEqual([3, 3, 3]);
      expect(answers[1].body.data).toHaveLength(1);
      expect(countQueries).toHaveLength(1);

      // Another question is another count.
      expect(
        (await list({ 'filters[title][$startsWith]': '总数测试二' })).body.meta.pagination.total
      ).toBe(1);
      expect(countQueries).toHaveLength(2);

      const fourth = await publishDocument({ title: '总数测试四' });
      expect((await list()).body.meta.pagination.total).toBe(4);
      expect((await list({ 'pagination[page]': 2 })).body.meta.pagination.total).toBe(4);
      expect(countQueries).toHaveLength(3);

      await app.strapi
        .documents('api::policy-document.policy-document')
        .unpublish({ documentId: fourth } as any);
      expect((await list({ 'pagination[page]': 2 })).body.meta.pagination.total).toBe(3);
      expect(countQueries).toHaveLength(4);

      // A signed-in caller's read is its own: counted afresh every time.
      const signedIn = () =>
        app
          .http()
          .get('/api/policy-documents')
          .query({ 'filters[title][$startsWith]': '总数测试', 'pagination[pageSize]': 2 })
          .set(auth());
      expect((await signedIn()).body.meta.pagination.total).toBe(3);
      expect((await signedIn()).body.meta.pagination.total).toBe(3);
      expect(countQueries).toHaveLength(6);
    } finally {
      app.strapi.db.connection.removeListener('query', listen);
    }
  });

  test("with the memos off (the benchmark's cold runs), every public read loads the permissions, its total and the catalogue counts afresh", async () => {
    const cache = app.strapi.plugin('disclosure').service('response-cache');
    const reads = { permissions: 0, totals: 0, counts: 0 };
    const listen = (query: { sql: string }) => {
      if (/up_permissions/.test(query.sql)) reads.permissions += 1;
      if (/^select count\(/i.test(query.sql) && /title\W* like/i.test(query.sql)) reads.totals += 1;
      if (/group by/i.test(query.sql) && /category/.test(query.sql)) reads.counts += 1;
    };
    const list = () =>
      publicGet('/api/policy-documents', {
        'filters[title][$startsWith]': '冷读',
        'pagination[pageSize]': 2,
      });
    const counts = () => publicGet('/api/disclosure/catalogue/counts', { locale: 'zh-Hans' });
    await publishDocument({ title: '冷读一' });
    await cache.announced();
    cache.setEnabled(false);
    app.strapi.db.connection.on('query', listen);
    try {
      for (const read of [list, list, counts, counts]) expect((await read()).status).toBe(200);
      expect(reads).toEqual({ permissions: 1, totals: 1, counts: 1 });
      cache.setMemosEnabled(false);
      for (const read of [list, list, counts, counts]) expect((await read()).status).toBe(200);
      // The counts route is open to all (no permission to read): the lists read them.
      expect(reads).toEqual({ permissions: 3, totals: 3, counts: 3 });
      expect((await list()).body.meta.pagination.total).toBe(1);
    } finally {
      app.strapi.db.connection.removeListener('query', listen);
      cache.setMemosEnabled(true);
      cache.setEnabled(true);
    }
  });

  test('update, unpublish, publish and delete are seen on the next read', async () => {
    const documentId = await publishDocument({ title: '变更前' });
    const path = `/api/policy-documents/${documentId}`;
    await publicGet(path);
    expect((await publicGet(path)).headers['x-response-cache']).toBe('hit');

    await retitle(documentId, '变更后');
    expect((await publicGet(path)).body.data.title).toBe('变更后');

    await app.strapi
      .documents('api::policy-document.policy-document')
      .unpublish({ documentId } as any);
    expect((await publicGet(path)).status).toBe(404);

    await app.strapi
      .documents('api::policy-document.policy-document')
      .publish({ documentId } as any);
    expect((await publicGet(path)).status).toBe(200);

    expect((await app.http().delete(path).set(auth())).status).toBe(204);
    expect((await publicGet(path)).status).toBe(404);
  });

  test('the Traditional copy written by the zh-Hans update is served at once', async () => {
    const documentId = await publishDocument({ title: '关于发展经济的意见' });
    const path = `/api/policy-documents/${documentId}`;
    expect((await publicGet(path, { locale: 'zh-Hant' })).body.data.title).toBe(
      '關於發展經濟的意見'
    );
    await publicGet(path, { locale: 'zh-Hant' });
    await retitle(documentId, '关于发展经济的实施意见');
    expect((await publicGet(path, { locale: 'zh-Hant' })).body.data.title).toBe(
      '關於發展經濟的實施意見'
    );
  });

  test('a related organization renamed is seen through a populated read', async () => {
    const organization = await app.strapi.documents(ORG).create({
      data: {
        name: '博山区人民政府',
        code: '370304000',
        level: 'county',
        regionCode: '370304',
      } as any,
    });
    const documentId = await publishDocument({ issuingOrganization: organization.documentId });
    const path = `/api/policy-documents/${documentId}`;
    const query = { 'populate[issuingOrganization][fields][0]': 'name' };
    expect((await publicGet(path, query)).body.data.issuingOrganization.name).toBe(
      '博山区人民政府'
    );
    await publicGet(path, query);
    await app.strapi.documents(ORG).update({
      documentId: organization.documentId,
      data: { name: '淄博市博山区人民政府' } as any,
    });
    expect((await publicGet(path, query)).body.data.issuingOrganization.name).toBe(
      '淄博市博山区人民政府'
    );
  });

  test('a write rolled back changes nothing and leaves the cache as it was', async () => {
    const documentId = await publishDocument();
    const path = `/api/policy-documents/${documentId}`;
    await publicGet(path);
    // Refused by the catalogue rules (a number in no known format), inside the write's transaction.
    const refused = await app
      .http()
      .put(path)
      .set(auth())
      .send({ data: { documentNumber: '随便写的' } });
    expect(refused.status).toBe(400);
    expect((await publicGet(path)).headers['x-response-cache']).toBe('hit');
  });
});

test('zero stale reads: readers running while a document is changed twenty times never see an older version after a change was acknowledged', async () => {
  const documentId = await publishDocument({ title: '版本0' });
  const path = `/api/policy-documents/${documentId}`;
  const acknowledged: number[] = []; // acknowledged[k - 1]: when version k's write answered
  const reads: Array<{ startedAt: number; version: number; outcome: string }> = [];
  let writing = true;

  const reader = async () => {
    while (writing) {
      const startedAt = performance.now();
      const res = await publicGet(path);
      expect(res.status).toBe(200);
      reads.push({
        startedAt,
        version: Number(res.body.data.title.replace('版本', '')),
        outcome: res.headers['x-response-cache'],
      });
    }
  };
  const writer = async () => {
    try {
      for (let version = 1; version <= 20; version += 1) {
        expect((await retitle(documentId, `版本${version}`)).status).toBe(200);
        acknowledged.push(performance.now());
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    } finally {
      writing = false;
    }
  };
  await Promise.all([writer(), ...Array.from({ length: 6 }, reader)]);

  const stale = reads.filter((read) =>
    acknowledged.some((at, index) => read.startedAt > at && read.version < index + 1)
  );
  expect(stale).toEqual([]);
  expect(reads.length).toBeGreaterThan(40);
  // The cache was in play, not bypassed: between writes, readers were answered from it.
  expect(reads.filter((read) => read.outcome === 'hit').length).toBeGreaterThan(10);
});

test('an answer computed from the date is not kept past Beijing midnight: a consultation closes with no write at all', async () => {
  setClock(app, '2026-06-08T15:00:00Z'); // 23:00 on 8 June in Beijing
  const consultation = await app.strapi.documents('api::consultation.consultation').create({
    data: {
      title: '关于公开征求意见的公告',
      organization: office,
      confidentialityReview: approvedReview,
      startDate: '2026-05-10',
      endDate: '2026-06-08',
    } as any,
    status: 'published',
  } as any);
  // Written outside a request: its announcement to other instances is not awaited by anyone.
  await app.strapi.plugin('disclosure').service('response-cache').announced();
  const path = `/api/consultations/${consultation.documentId}`;
  expect((await publicGet(path)).body.data.status).toBe('open');
  const cached = await publicGet(path);
  expect(cached.headers['x-response-cache']).toBe('hit');
  expect(cached.body.data.status).toBe('open');
  setClock(app, '2026-06-08T16:00:00Z'); // midnight in Beijing
  expect((await publicGet(path)).body.data.status).toBe('closed');
});
