import http from 'http';
import type { AddressInfo } from 'net';
import { verify } from '../../src/plugins/disclosure/server/src/syndication/rules/webhook-signature';
import { policyDocumentData } from '../harness/fixtures';
import { setClock, startApp, type TestApp } from '../harness/strapi';

/**
 * The outbox worker against a receiver on loopback that checks every signature and answers as told:
 * retries on the schedule, Retry-After, order per document, 410, parking, and lease takeover.
 */
const DOC = 'api::policy-document.policy-document';
const DELIVERY = 'plugin::disclosure.syndication-delivery';
const SUBSCRIBER = 'plugin::disclosure.subscriber';
const SECRET = 'whsec_cHJvdmluY2UtdG8tY291bnR5LXNlY3JldA==';

interface Received {
  id: string;
  version: number;
  action: string;
  signatureOk: boolean;
}

let app: TestApp;
let receiver: http.Server;
let office: string;
let subscriber: number;
const received: Received[] = [];
/** The next answers the receiver gives, in order; then 200 with a receipt. */
let answers: Array<{ status: number; headers?: Record<string, string>; receiptUrl?: string }> = [];

const at = (iso: string) => setClock(app, iso);
const worker = () => app.strapi.plugin('disclosure').service('syndication-worker');
const deliveriesOf = (documentId: string) =>
  app.strapi.db.query(DELIVERY).findMany({
    where: { itemDocumentId: documentId },
    populate: ['event'],
    orderBy: { id: 'asc' },
  });

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const check = verify(request.headers, body, [SECRET], Math.floor(Date.now() / 1000));
      const message = JSON.parse(body);
      received.push({
        id: String(request.headers['webhook-id']),
        version: message.version,
        action: message.action,
        signatureOk: check.ok,
      });
      const answer = answers.shift() ?? { status: 200 };
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      // As the inbox answers: the receipt under data.
      const receipt = {
        documentId: `copy-of-${message.documentId}`,
        url: answer.receiptUrl ?? 'https://county.example.gov.cn/zwgk/1',
        status: 'published',
      };
      response.end(
        answer.status === 200
          ? JSON.stringify({ data: receipt, meta: { duplicate: false } })
          : '{"error":"busy"}'
      );
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  app = await startApp();
  at('2026-05-11T02:00:00Z');
  worker().useRandom(() => 0.5);
  office = (
    await app.strapi.documents('api::organization.organization').create({
      data: {
        name: '山东省人民政府办公厅',
        code: '370000001',
        level: 'department',
        regionCode: '370000',
      } as any,
    })
  ).documentId;
  subscriber = (
    await app.strapi.db.query(SUBSCRIBER).create({
      data: {
        name: '济阳区政府门户',
        endpointUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/disclosure/inbox`,
        secret: SECRET,
        scope: 'must-syndicate',
        active: true,
      },
    })
  ).id;
});

afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

beforeEach(() => {
  received.length = 0;
  answers = [];
});

const publishSyndicated = () =>
  app.strapi.documents(DOC).create({
    data: policyDocumentData(office, { mustSyndicate: true }) as any,
    status: 'published',
  });

test('with cron switched off (CRON_ENABLED=false), no delivery pass or sweep runs on its own', async () => {
  // Strapi starts every task a plugin adds, whatever server.cron.enabled says: the plugin checks it.
  const names = app.strapi.cron.jobs.map((job: any) => job.name);
  expect(names).not.toContain('disclosureSyndicationDelivery');
  expect(names).not.toContain('disclosureDeadlineSweep');
});

test('a busy receiver is retried after its Retry-After; then the receipt is kept', async () => {
  at('2026-05-11T02:00:00Z');
  const doc = await publishSyndicated();
  answers = [{ status: 503, headers: { 'retry-after': '120' } }];
  expect(await worker().runOnce()).toMatchObject({ claimed: 1, retry: 1 });
  let [delivery] = await deliveriesOf(doc.documentId);
  expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 503 });
  expect(new Date(delivery.nextAttemptAt).toISOString()).toBe('2026-05-11T02:02:00.000Z');

  at('2026-05-11T02:01:00Z');
  expect(await worker().runOnce()).toMatchObject({ claimed: 0 });
  at('2026-05-11T02:02:00Z');
  expect(await worker().runOnce()).toMatchObject({ delivered: 1 });
  [delivery] = await deliveriesOf(doc.documentId);
  expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
  expect(delivery.receipt).toEqual({
    documentId: `copy-of-${doc.documentId}`,
    url: 'https://county.example.gov.cn/zwgk/1',
    status: 'published',
  });
  expect(received.map((message) => message.signatureOk)).toEqual([true, true]);
  expect(new Set(received.map((message) => message.id)).size).toBe(1); // the same message id each time
});

test('a receipt whose address is not http(s) is kept without it: it would be a link in the admin', async () => {
  at('2026-05-11T02:30:00Z');
  const doc = await publishSyndicated();
  answers = [{ status: 200, receiptUrl: 'javascript:alert(document.cookie)' }];
  expect(await worker().runOnce()).toMatchObject({ delivered: 1 });
  const [delivery] = await deliveriesOf(doc.documentId);
  expect(delivery).toMatchObject({ status: 'delivered', lastError: null });
  expect(delivery.receipt).toEqual({
    documentId: `copy-of-${doc.documentId}`,
    url: null,
    status: 'published',
  });
});

test('versions of one document arrive in order, even when the first had to wait', async () => {
  at('2026-05-11T03:00:00Z');
  const doc = await publishSyndicated();
  await app.strapi
    .documents(DOC)
    .update({ documentId: doc.documentId, data: { summary: '更正' } as any, status: 'published' });
  answers = [{ status: 500 }];
  expect(await worker().runOnce()).toMatchObject({ claimed: 2, retry: 1, waiting: 1 });
  at('2026-05-11T03:00:05Z');
  await worker().runOnce();
  await worker().runOnce();
  expect(received.map((message) => [message.version, message.action])).toEqual([
    [1, 'publish'],
    [1, 'publish'],
    [2, 'update'],
  ]);
  expect((await deliveriesOf(doc.documentId)).map((delivery: any) => delivery.status)).toEqual([
    'delivered',
    'delivered',
  ]);
});

test('a delivery whose worker died is taken over when its lease ends', async () => {
  at('2026-05-11T04:00:00Z');
  const doc = await publishSyndicated();
  const [delivery] = await deliveriesOf(doc.documentId);
  await app.strapi.db.query(DELIVERY).update({
    where: { id: delivery.id },
    data: { leaseUntil: new Date('2026-05-11T04:01:00Z'), leasedBy: 'crashed-worker' },
  });
  expect(await worker().runOnce()).toMatchObject({ claimed: 0 });
  at('2026-05-11T04:01:01Z');
  expect(await worker().runOnce()).toMatchObject({ delivered: 1 });
  expect(received).toHaveLength(1);
});

test('a receiver that never recovers: the delivery is parked as dead after the schedule, then retried by hand', async () => {
  at('2026-05-12T00:00:00Z');
  const doc = await publishSyndicated();
  let attempts = 0;
  for (;;) {
    answers = [{ status: 500 }];
    await worker().runOnce();
    attempts += 1;
    const [delivery] = await deliveriesOf(doc.documentId);
    if (delivery.status !== 'pending') {
      expect(delivery.status).toBe('dead');
      break;
    }
    at(new Date(delivery.nextAttemptAt).toISOString());
  }
  expect(attempts).toBe(11);
  const [dead] = await deliveriesOf(doc.documentId);
  expect(dead.lastError).toMatch(/^HTTP 500/);
  await worker().retry(dead.id);
  expect(await worker().runOnce()).toMatchObject({ delivered: 1 });
});

test('410 Gone switches the subscriber off and cancels what waits for it', async () => {
  at('2026-05-20T00:00:00Z');
  const first = await publishSyndicated();
  const second = await publishSyndicated();
  answers = [{ status: 410 }];
  expect(await worker().runOnce()).toMatchObject({ gone: 1 });
  const state = await app.strapi.db.query(SUBSCRIBER).findOne({ where: { id: subscriber } });
  expect(state).toMatchObject({ active: false });
  expect(state.disabledReason).toMatch(/410/);
  expect((await deliveriesOf(first.documentId))[0].status).toBe('cancelled');
  expect((await deliveriesOf(second.documentId))[0].status).toBe('cancelled');
  expect(received).toHaveLength(1);
});

test('two workers at once share the work: every message delivered exactly once', async () => {
  at('2026-05-21T00:00:00Z');
  await app.strapi.db.query(SUBSCRIBER).update({
    where: { id: subscriber },
    data: { active: true, disabledAt: null, disabledReason: null },
  });
  const docs = [];
  for (let i = 0; i < 12; i += 1) docs.push(await publishSyndicated());
  const [one, two] = await Promise.all([worker().runOnce(5), worker().runOnce(5)]);
  expect(one.claimed + two.claimed).toBe(10);
  await worker().runOnce(5);
  // An attempt the transport failed (a keep-alive socket closed under it, on a loaded machine) is
  // retried on schedule, as in production: the claim here is exactly once, not first time.
  for (let minutes = 10; minutes <= 30 && received.length < 12; minutes += 10) {
    at(`2026-05-21T00:${minutes}:00Z`);
    await worker().runOnce(5);
  }
  const ids = received.map((message) => message.id);
  expect(ids).toHaveLength(12);
  expect(new Set(ids).size).toBe(12);
});

test('an administrator re-sends a document: a new message of the same version', async () => {
  at('2026-05-22T00:00:00Z');
  const doc = await publishSyndicated();
  await worker().runOnce();
  const result = await app.strapi
    .plugin('disclosure')
    .service('syndication')
    .resend({ subscriber, documentId: doc.documentId });
  expect(result).toEqual({ subscriber: '济阳区政府门户', documents: 1 });
  expect(await worker().runOnce()).toMatchObject({ delivered: 1 });
  expect(received.map((message) => message.version)).toEqual([1, 1]);
  expect(new Set(received.map((message) => message.id)).size).toBe(2);
  expect(
    await app.strapi
      .plugin('disclosure')
      .service('syndication')
      .resend({ subscriber: 999999, documentId: doc.documentId })
  ).toBeNull();
});
