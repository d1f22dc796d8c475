import http from 'http';
import type { AddressInfo } from 'net';
import { randomUUID } from 'crypto';
import {
  signedHeaders,
  verify,
} from '../../src/plugins/disclosure/server/src/syndication/rules/webhook-signature';
import { policyDocumentData } from '../harness/fixtures';
import { createFullAccessToken, setClock, startApp, type TestApp } from '../harness/strapi';

/**
 * Receipts for held reprints (转载审核): the receiver sends one up when an editor publishes the copy;
 * the source keeps it on the delivery, so its status shows the reprint.
 */
const DOC = 'api::policy-document.policy-document';
const NOW = '2026-06-01T02:00:00Z';
const SOURCE_SECRET = 'whsec_cmVjZWlwdC10ZXN0LXNvdXJjZS1zZWNyZXQ=';
const SUBSCRIBER_SECRET = 'whsec_cmVjZWlwdC10ZXN0LWNvdW50eS1zZWNyZXQ=';

let app: TestApp;
let peer: http.Server;
let peerUrl: string;
let token: string;
const receiptsAtPeer: Array<{ signatureOk: boolean; body: any }> = [];

const worker = () => app.strapi.plugin('disclosure').service('syndication-worker');
const nowSeconds = () => Math.floor(new Date(NOW).getTime() / 1000);

beforeAll(async () => {
  // The other instance: the province's receipts endpoint, and a county inbox that holds everything.
  peer = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.url === '/api/disclosure/receipts') {
        receiptsAtPeer.push({
          signatureOk: verify(request.headers, body, [SOURCE_SECRET], Math.floor(Date.now() / 1000))
            .ok,
          body: JSON.parse(body),
        });
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"data":{"accepted":true}}');
        return;
      }
      const message = JSON.parse(body);
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          data: {
            documentId: 'county-copy',
            url: null,
            status: 'held',
            version: message.version,
          },
          meta: { duplicate: false },
        })
      );
    });
  });
  await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve));
  peerUrl = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  setClock(app, NOW);
  worker().useRandom(() => 0.5);
});

afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => peer.close(resolve));
});

test('receiver: an editor publishes a held reprint, and a signed receipt goes back to its source', async () => {
  await app.strapi.db.query('plugin::disclosure.syndication-source').create({
    data: {
      name: '山东省政府门户网站',
      organizationCode: '370000000',
      baseUrl: peerUrl,
      secrets: [SOURCE_SECRET],
      policy: 'hold',
      active: true,
    },
  });
  const message = JSON.stringify({
    documentId: 'province-doc-1',
    contentType: DOC,
    action: 'publish',
    version: 1,
    occurredAt: '2026-06-01T01:59:00.000Z',
    source: { organization: { code: '370000000', name: '山东省人民政府' }, url: peerUrl },
    versions: [
      {
        locale: 'zh-Hans',
        title: '省政府关于转载的通知',
        documentNumber: '鲁政字〔2026〕1号',
        indexNumber: '370000000/2026-00101',
        category: 'decision',
        isNormative: false,
        issuingOrganization: { code: '370000000', name: '山东省人民政府' },
        coIssuers: [],
        implements: [],
        attachments: [],
      },
    ],
  });
  const inbox = await app
    .http()
    .post('/api/disclosure/inbox')
    .set(signedHeaders([SOURCE_SECRET], `msg_${randomUUID()}`, message, nowSeconds()) as any)
    .set('Content-Type', 'application/json')
    .send(message);
  expect(inbox.body.data.status).toBe('held');
  expect(await worker().runOnce()).toMatchObject({ claimed: 0 }); // nothing owed yet

  await app.strapi.documents(DOC).publish({ documentId: inbox.body.data.documentId });
  expect(await worker().runOnce()).toMatchObject({ delivered: 1 });
  expect(receiptsAtPeer).toHaveLength(1);
  expect(receiptsAtPeer[0].signatureOk).toBe(true);
  expect(receiptsAtPeer[0].body).toMatchObject({
    documentId: 'province-doc-1',
    version: 1,
    receipt: {
      documentId: inbox.body.data.documentId,
      status: 'published',
      publishedAt: '2026-06-01T02:00:00.000Z',
    },
  });
  const record = await app.strapi.db
    .query('plugin::disclosure.syndication-record')
    .findOne({ where: { sourceDocumentId: 'province-doc-1' } });
  expect(record.state).toBe('published');
});

test('source: a receipt signed by the subscriber turns its held copy into a reprint in the status', async () => {
  const office = await app.strapi.documents('api::organization.organization').create({
    data: {
      name: '山东省人民政府办公厅',
      code: '370000001',
      level: 'department',
      regionCode: '370000',
    } as any,
  });
  await app.strapi.db.query('plugin::disclosure.subscriber').create({
    data: {
      name: '济阳区政府门户',
      endpointUrl: `${peerUrl}/api/disclosure/inbox`,
      secret: SUBSCRIBER_SECRET,
      scope: 'must-syndicate',
      active: true,
    },
  });
  const doc = await app.strapi.documents(DOC).create({
    data: policyDocumentData(office.documentId, { mustSyndicate: true }) as any,
    status: 'published',
  });
  await worker().runOnce();
  const status = () =>
    app
      .http()
      .get('/api/disclosure/syndication/status')
      .query({ document: doc.documentId })
      .set('Authorization', `Bearer ${token}`);
  expect((await status()).body.data.subscribers[0]).toMatchObject({ held: true, reprint: null });

  const receiptFor = (url: unknown) =>
    JSON.stringify({
      documentId: doc.documentId,
      version: 1,
      receipt: {
        documentId: 'county-copy',
        url,
        status: 'published',
        publishedAt: '2026-06-01T06:00:00.000Z',
      },
    });
  const receipt = receiptFor('https://jiyang.example.gov.cn/zwgk/9');
  const send = (secret: string, body = receipt) =>
    app
      .http()
      .post('/api/disclosure/receipts')
      .set(signedHeaders([secret], `msg_${randomUUID()}`, body, nowSeconds()) as any)
      .set('Content-Type', 'application/json')
      .send(body);

  const forged = await send('whsec_bm90LXRoZS1zdWJzY3JpYmVy');
  expect(forged.status).toBe(401);
  expect(forged.body.error.message).toMatch(/^转载回执验证失败：/);
  expect((await status()).body.data.subscribers[0].held).toBe(true);

  // The reprint's address becomes a link in the admin: http(s) only, even from a signed receipt.
  for (const url of [
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
  ]) {
    const refused = await send(SUBSCRIBER_SECRET, receiptFor(url));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      '转载回执无效：网址（receipt.url）须为 http 或 https 网址，最长 2048 个字符 (receipt.url must be an http or https URL of at most 2048 characters)'
    );
    expect(refused.body.error.details.errors[0].path).toEqual(['receipt', 'url']);
  }
  expect((await status()).body.data.subscribers[0]).toMatchObject({ held: true, reprint: null });

  expect((await send(SUBSCRIBER_SECRET)).status).toBe(200);
  expect((await status()).body.data.subscribers[0]).toMatchObject({
    held: false,
    reprint: {
      documentId: 'county-copy',
      url: 'https://jiyang.example.gov.cn/zwgk/9',
      publishedAt: '2026-06-01T06:00:00.000Z',
    },
  });
});
