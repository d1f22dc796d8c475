import { policyDocumentData } from '../harness/fixtures';
import { createFullAccessToken, setClock, startApp, type TestApp } from '../harness/strapi';
import {
  startReceivingPortal,
  type ReceiptOutcome,
  type ReceivingPortal,
} from '../harness/syndication';

/** GET /api/disclosure/syndication/status: per subscriber, delivered, acknowledged, reprinted, how late. */
const DOC = 'api::policy-document.policy-document';

let app: TestApp;
let receiver: ReceivingPortal;
let token: string;
let office: string;
/** What the receiver says it did with each message, by the title it carries. */
const outcomes: Record<string, ReceiptOutcome['status']> = {};

const status = (document: string, auth = true) => {
  const request = app.http().get('/api/disclosure/syndication/status').query({ document });
  return auth ? request.set('Authorization', `Bearer ${token}`) : request;
};

beforeAll(async () => {
  receiver = await startReceivingPortal((message) => ({
    status: outcomes[message.versions[0]?.title ?? ''] ?? 'published',
  }));
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  setClock(app, '2026-06-01T02:00:00Z'); // a Monday
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
  const county = await app.strapi.documents('api::organization.organization').create({
    data: {
      name: '济阳区人民政府',
      code: '370125000',
      level: 'county',
      regionCode: '370125',
    } as any,
  });
  await app.strapi.db.query('plugin::disclosure.subscriber').create({
    data: {
      name: '济阳区政府门户',
      organization: county.id,
      endpointUrl: receiver.inbox,
      secret: 'whsec_c3RhdHVzLXRlc3Qtc2VjcmV0',
      scope: 'must-syndicate',
      active: true,
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

test('reprinted at once, and held by the receiver: both acknowledged; the held one turns late after a working day', async () => {
  outcomes['立即转载的文件'] = 'published';
  outcomes['待审核转载的文件'] = 'held';
  const reprinted = await app.strapi.documents(DOC).create({
    data: policyDocumentData(office, { title: '立即转载的文件', mustSyndicate: true }) as any,
    status: 'published',
  });
  const held = await app.strapi.documents(DOC).create({
    data: policyDocumentData(office, { title: '待审核转载的文件', mustSyndicate: true }) as any,
    status: 'published',
  });
  expect(
    await app.strapi.plugin('disclosure').service('syndication-worker').runOnce()
  ).toMatchObject({ delivered: 2 });

  const first = await status(reprinted.documentId);
  expect(first.status).toBe(200);
  expect(first.body.data.versions).toBe(1);
  const [line] = first.body.data.subscribers;
  expect(line).toMatchObject({
    subscriber: { name: '济阳区政府门户', organizationCode: '370125000', active: true },
    version: 1,
    status: 'delivered',
    attempts: 1,
    acknowledged: true,
    held: false,
    lagSeconds: 0,
    reprint: {
      documentId: `copy-${reprinted.documentId}`,
      url: `https://county.example.gov.cn/${reprinted.documentId}`,
      publishedAt: '2026-06-01T02:00:00.000Z',
    },
    // The held one is not yet due (Tuesday), so only the reprint is decided.
    onTime: { within: 1, reprinted: 1, onTime: 1, rate: 1 },
  });

  setClock(app, '2026-06-04T02:00:00Z'); // Thursday: the held reprint is past its working day
  const later = (await status(held.documentId)).body.data.subscribers[0];
  expect(later).toMatchObject({
    acknowledged: true,
    held: true,
    reprint: null,
    onTime: { reprinted: 1, onTime: 1, overdue: 1, rate: 0.5 },
  });

  // The compliance report carries the same, per subscriber, for the period's publications.
  const report = await app
    .http()
    .get('/api/disclosure/compliance')
    .set('Authorization', `Bearer ${token}`)
    .query({ from: '2026-06-01', to: '2026-06-30' });
  expect(report.status).toBe(200);
  expect(report.body.data.reprints).toEqual([
    {
      subscriber: {
        id: expect.any(Number),
        name: '济阳区政府门户',
        organizationCode: '370125000',
        active: true,
      },
      within: 1,
      received: 2,
      reprinted: 1,
      onTime: 1,
      late: 0,
      overdue: 1,
      pending: 0,
      rate: 0.5,
    },
  ]);
  const before = await app
    .http()
    .get('/api/disclosure/compliance')
    .set('Authorization', `Bearer ${token}`)
    .query({ to: '2026-05-31' });
  expect(before.body.data.reprints).toEqual([]);
});

test('a document never syndicated: 404; a bad parameter: 400; the public: refused', async () => {
  const quiet = await app.strapi.documents(DOC).create({ data: policyDocumentData(office) as any });
  expect((await status(quiet.documentId)).status).toBe(404);
  const bad = await status('../../etc/passwd');
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/^参数 document 须为文件的 documentId/);
  expect([401, 403]).toContain((await status(quiet.documentId, false)).status);
});
