import { randomUUID } from 'crypto';
import { EventEmitter } from 'events';
import http from 'http';
import type { AddressInfo } from 'net';
import { signedHeaders } from '../../src/plugins/disclosure/server/src/syndication/rules/webhook-signature';
import { rowCounts } from '../harness/database';
import { approvedReview } from '../harness/fixtures';
import { eventually, startInstance, type Instance } from '../harness/instances';

/**
 * 转载 end to end: a province and a county portal, each a whole instance in its own process on its own
 * database, talking signed HTTP on loopback. The county is reached through a switch the test controls,
 * to take it down, or to let a delivery reach it while its answer never gets back (the province is
 * killed mid-delivery).
 */
let province: Instance;
let county: Instance;
let link: CountyLink;
let subscriberId: number;
let sourceId: number;
let provinceOffice: string;
/** The secret the province signs the county's messages with (the county holds it for its source). */
let countySecret: string;

/** The line between province and county: up, down (connections reset), or holding answers back. */
class CountyLink extends EventEmitter {
  mode: 'up' | 'down' | 'hold' = 'up';
  private held: http.ServerResponse[] = [];
  private server: http.Server;
  url = '';

  constructor(private readonly target: string) {
    super();
    this.server = http.createServer((request, response) => this.handle(request, response));
  }

  async open() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close() {
    this.held.forEach((response) => response.destroy());
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse) {
    if (this.mode === 'down') {
      request.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const answer = await forward(`${this.target}${request.url}`, request, Buffer.concat(chunks));
    if (this.mode === 'hold') {
      // The county has stored it; the province will never hear so.
      this.held.push(response);
      this.emit('held', JSON.parse(answer.body.toString()));
      return;
    }
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  }
}

/** One request passed on, on a connection of its own (nothing kept alive after the test). */
function forward(url: string, incoming: http.IncomingMessage, body: Buffer) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const headers = { ...incoming.headers, host: new URL(url).host, connection: 'close' };
      const outgoing = http.request(
        url,
        { method: incoming.method, headers, agent: false },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk) => chunks.push(chunk));
          answer.on('end', () =>
            resolve({
              status: answer.statusCode ?? 502,
              headers: answer.headers,
              body: Buffer.concat(chunks),
            })
          );
          answer.on('error', reject);
        }
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    }
  );
}

const as = (instance: Instance, token: string) => ({
  get: (path: string) => instance.http().get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: unknown = {}) =>
    instance
      .http()
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as any),
  put: (path: string, body: unknown) =>
    instance
      .http()
      .put(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as any),
});
const admin = (instance: Instance) => as(instance, instance.adminToken);
const api = (instance: Instance) => as(instance, instance.apiToken);

const syndicationEnv = {
  CRON_ENABLED: 'true',
  SYNDICATION_DELIVERY_INTERVAL_SECONDS: '1',
  SYNDICATION_REQUEST_TIMEOUT_SECONDS: '5',
};

let sequence = 0;
/** Publishes a must-reprint document at the province through its REST API; returns its documentId. */
async function publishAtProvince(title: string, overrides: Record<string, unknown> = {}) {
  sequence += 1;
  const created = await api(province).post('/api/policy-documents', {
    data: {
      title,
      documentNumber: `鲁政办发〔2026〕${sequence}号`,
      issuingOrganization: provinceOffice,
      category: 'decision',
      issueDate: '2026-03-10',
      mustSyndicate: true,
      summary: `${title}（摘要）`,
      confidentialityReview: approvedReview,
      ...overrides,
    },
  });
  if (created.status !== 201)
    throw new Error(
      `province refused the document: ${created.status} ${JSON.stringify(created.body)}`
    );
  return created.body.data.documentId as string;
}

/** The province's view of one document at the county: delivered, acknowledged, reprinted. */
const statusAtProvince = async (documentId: string) => {
  const response = await api(province).get(
    `/api/disclosure/syndication/status?document=${documentId}`
  );
  return response.status === 200
    ? response.body.data.subscribers.find((line: any) => line.subscriber.id === subscriberId)
    : null;
};

/** The county's public copy of a province document (by its 文号), as a municipal site reads it. */
const countyCopies = async (
  documentNumber: string,
  status: 'published' | 'draft' = 'published'
) => {
  const reader =
    status === 'published'
      ? county.http().get('/api/policy-documents')
      : api(county).get('/api/policy-documents');
  const response = await reader.query({
    filters: { documentNumber: { $eq: documentNumber } },
    status,
    locale: 'zh-Hans',
  });
  return response.body.data as any[];
};

beforeAll(async () => {
  [province, county] = await Promise.all([
    startInstance('province', syndicationEnv),
    startInstance('county', syndicationEnv),
  ]);
  link = new CountyLink(county.url);
  await link.open();

  const office = await api(province).post('/api/organizations', {
    data: {
      name: '山东省人民政府办公厅',
      code: '370000001',
      level: 'department',
      regionCode: '370000',
    },
  });
  provinceOffice = office.body.data.documentId;

  // The province registers the county as a subscriber and hands it the secret; the county registers
  // the province as a source with that secret, publishing reprints at once.
  const subscriber = await admin(province).post('/disclosure/subscribers', {
    data: { name: '历城区政府门户', endpointUrl: `${link.url}/api/disclosure/inbox` },
  });
  subscriberId = subscriber.body.data.id;
  countySecret = subscriber.body.meta.secret;
  const source = await admin(county).post('/disclosure/sources', {
    data: {
      name: '山东省政府门户网站',
      organizationCode: '370000000',
      baseUrl: province.url,
      secret: subscriber.body.meta.secret,
      policy: 'publish',
    },
  });
  sourceId = source.body.data.id;
}, 180_000);

afterAll(async () => {
  await link?.close();
  await Promise.all([province?.stop(), county?.stop()]);
});

test('publish → reprinted at the county, naming its source and linking to the original; the province sees the receipt', async () => {
  const documentId = await publishAtProvince('关于做好2026年政务公开工作的通知');
  const line = await eventually('the county to acknowledge', async () => {
    const found = await statusAtProvince(documentId);
    return found?.reprint ? found : null;
  });
  expect(line).toMatchObject({ status: 'delivered', acknowledged: true, version: 1, attempts: 1 });

  const [copy] = await countyCopies(`鲁政办发〔2026〕${sequence}号`);
  expect(copy).toMatchObject({
    title: '关于做好2026年政务公开工作的通知',
    reprintedFrom: '山东省人民政府办公厅',
    reprintedFromUrl: `${province.url}/api/policy-documents/${documentId}`,
  });
  expect(line.reprint.url).toBe(`${county.url}/api/policy-documents/${copy.documentId}`);
  const traditional = await county
    .http()
    .get(`/api/policy-documents/${copy.documentId}`)
    .query({ locale: 'zh-Hant' });
  expect(traditional.body.data.title).toBe('關於做好2026年政務公開工作的通知');
});

test('update → the copy is updated; repeal → the copy says so; unpublish → the copy is withdrawn', async () => {
  const documentId = await publishAtProvince('关于调整政务公开目录的通知');
  const number = `鲁政办发〔2026〕${sequence}号`;
  await eventually('the first reprint', async () => (await countyCopies(number)).length === 1);

  expect(
    (
      await api(province).put(`/api/policy-documents/${documentId}`, {
        data: { title: '关于调整政务公开目录的通知（更正）' },
      })
    ).status
  ).toBe(200);
  await eventually(
    'the corrected title at the county',
    async () => (await countyCopies(number))[0]?.title === '关于调整政务公开目录的通知（更正）'
  );

  expect(
    (
      await api(province).put(`/api/policy-documents/${documentId}`, {
        data: { validity: 'repealed' },
      })
    ).status
  ).toBe(200);
  await eventually(
    'the repeal at the county',
    async () => (await countyCopies(number))[0]?.validity === 'repealed'
  );

  const unpublished = await admin(province).post(
    `/content-manager/collection-types/api::policy-document.policy-document/${documentId}/actions/unpublish?locale=zh-Hans`,
    {}
  );
  expect(unpublished.status).toBe(200);
  await eventually(
    'the withdrawal at the county',
    async () => (await countyCopies(number)).length === 0
  );
  expect(await statusAtProvince(documentId)).toMatchObject({ status: 'delivered', version: 4 });
  expect(
    (
      await county
        .http()
        .get(`/api/policy-documents`)
        .query({ filters: { documentNumber: { $eq: number } } })
    ).body.data
  ).toEqual([]);
});

test('the county down for a while → delivered once it is back, nothing lost', async () => {
  link.mode = 'down';
  const documentId = await publishAtProvince('关于县级政府网站集约化的通知');
  const number = `鲁政办发〔2026〕${sequence}号`;
  const failed = await eventually('a failed attempt', async () => {
    const found = await statusAtProvince(documentId);
    return found?.attempts >= 1 ? found : null;
  });
  expect(failed).toMatchObject({ status: 'pending', acknowledged: false });
  expect(failed.lastError).toBeTruthy();
  expect(await countyCopies(number)).toEqual([]);

  link.mode = 'up';
  const delivered = await eventually('the retry to get through', async () => {
    const found = await statusAtProvince(documentId);
    return found?.status === 'delivered' ? found : null;
  });
  expect(delivered.attempts).toBeGreaterThanOrEqual(2);
  expect(await countyCopies(number)).toHaveLength(1);
});

test('the province killed mid-delivery and restarted → the outbox resumes; the repeated message makes no second copy', async () => {
  link.mode = 'hold';
  const stored = new Promise<any>((resolve) => link.once('held', resolve));
  const documentId = await publishAtProvince('关于进一步规范政策解读工作的通知');
  const number = `鲁政办发〔2026〕${sequence}号`;
  const firstReceipt = await stored;
  await province.kill();
  expect(firstReceipt.meta.duplicate).toBe(false);
  expect(await countyCopies(number)).toHaveLength(1);

  link.mode = 'up';
  await province.restart();
  const line = await eventually(
    'the restarted province to deliver again',
    async () => {
      const found = await statusAtProvince(documentId);
      return found?.status === 'delivered' ? found : null;
    },
    90_000
  );
  // Delivered again after the lease of the dead worker ran out: the county knew the message.
  expect(line.attempts).toBe(1);
  const copies = await countyCopies(number);
  expect(copies).toHaveLength(1);
  expect(copies[0].documentId).toBe(firstReceipt.data.documentId);
});

test('a forged message at the county: 401, nothing stored', async () => {
  // A real message as the province sends it (from its pull feed), made into a new document (its own
  // id, document and index numbers, issuer): accepted, it would create a copy, its syndication
  // record, its inbox entry and its organization.
  const events = await api(province).get('/api/disclosure/feed?limit=200');
  expect(events.status).toBe(200);
  const real = events.body.data.filter((event: any) => event.action === 'publish').at(-1).message;
  const forgedMessage = {
    ...real,
    documentId: `forged${randomUUID().replace(/-/g, '').slice(0, 18)}`,
    occurredAt: new Date().toISOString(),
    source: { ...real.source, organization: { code: '379999001', name: '伪造的发文机关' } },
    versions: real.versions.map((version: any) => ({
      ...version,
      title: '伪造的转载文件',
      documentNumber: '鲁政办发〔2026〕999号',
      indexNumber: '379999001/2026-00999',
      issuingOrganization: { code: '379999001', name: '伪造的发文机关' },
    })),
  };
  const body = JSON.stringify(forgedMessage);
  const now = Math.floor(Date.now() / 1000);
  const attempts = {
    // Signed with a secret the county does not hold.
    'an unknown secret': {
      headers: signedHeaders(
        ['whsec_' + Buffer.alloc(24, 9).toString('base64')],
        `msg_${randomUUID()}`,
        body,
        now
      ),
      body,
    },
    // Signed with the source's own secret, then altered on the way.
    'an altered body': {
      headers: signedHeaders([countySecret], `msg_${randomUUID()}`, JSON.stringify(real), now),
      body,
    },
  };

  const before = await rowCounts(county.databaseEnv);
  expect(Object.keys(before)).toEqual(
    expect.arrayContaining([
      'disclosure_inbox_messages',
      'disclosure_syndication_records',
      'policy_documents',
      'files',
      'organizations',
    ])
  );
  for (const [how, { headers, body: sent }] of Object.entries(attempts)) {
    const forged = await county
      .http()
      .post('/api/disclosure/inbox')
      .set(headers as any)
      .set('Content-Type', 'application/json')
      .send(sent);
    expect(`${how}: ${forged.status}`).toBe(`${how}: 401`);
    expect(forged.body.error.details.reason).toBe('unknown-source');
  }
  // Every table of the county's database, inbox, syndication records, documents, organizations,
  // files and their link and component tables among them: not one row more or less.
  expect(await rowCounts(county.databaseEnv)).toEqual(before);
  expect(await countyCopies('鲁政办发〔2026〕999号', 'draft')).toEqual([]);
});

test('a reprint held for an editor (转载审核) → published later → the receipt reaches the province', async () => {
  await admin(county).put(`/disclosure/sources/${sourceId}`, { data: { policy: 'hold' } });
  const documentId = await publishAtProvince('关于开展政务公开标准化工作的通知');
  const number = `鲁政办发〔2026〕${sequence}号`;
  const held = await eventually('the held copy', async () => {
    const found = await statusAtProvince(documentId);
    return found?.held ? found : null;
  });
  expect(held).toMatchObject({ status: 'delivered', acknowledged: true, reprint: null });
  expect(await countyCopies(number)).toEqual([]);
  const [draft] = await countyCopies(number, 'draft');

  // The county's editor reviews and publishes the reprint.
  const published = await api(county).put(`/api/policy-documents/${draft.documentId}`, {
    data: { summary: '经审核转载' },
  });
  expect(published.status).toBe(200);
  expect(await countyCopies(number)).toHaveLength(1);
  const reprinted = await eventually('the receipt at the province', async () => {
    const found = await statusAtProvince(documentId);
    return found?.reprint ? found : null;
  });
  expect(reprinted.reprint.url).toBe(`${county.url}/api/policy-documents/${draft.documentId}`);
  expect(reprinted.held).toBe(false);
});
