import http from 'http';
import type { AddressInfo } from 'net';
import {
  createAdminAccount,
  createOrganizationTree,
  type OrganizationRef,
} from '../harness/admin-users';
import { policyDocumentData } from '../harness/fixtures';
import { setClock, startApp, type TestApp } from '../harness/strapi';

/**
 * What the editors' admin shows: the edit view's side panel (GET /disclosure/item-status: deadline,
 * the gate's checklist, the review, receipts, the Traditional preview) and the dashboard's additions to
 * the compliance report (due today, the organizations below, failing deliveries), each for the
 * accounts that may see them only.
 */
const DOC = 'api::policy-document.policy-document';

let app: TestApp;
let orgs: Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>;
let accounts: Record<string, { userId: number; headers: { Authorization: string } }>;
let receiver: http.Server;
let subscriberId: number;

const itemStatus = (documentId: string, as: { headers: Record<string, string> }) =>
  app.http().get('/disclosure/item-status').query({ contentType: DOC, documentId }).set(as.headers);

/** A county draft issued today (the pinned Beijing day), without its review; created by the county editor. */
const countyDraft = async (title: string, overrides: Record<string, unknown> = {}) => {
  const created = await app
    .http()
    .post(`/content-manager/collection-types/${DOC}`)
    .query({ locale: 'zh-Hans' })
    .set(accounts.editorA.headers)
    .send(
      policyDocumentData(orgs.countyA.documentId, {
        title,
        issueDate: '2026-03-10',
        confidentialityReview: null,
        ...overrides,
      })
    );
  expect(created.status).toBe(201);
  return created.body.data.documentId as string;
};

beforeAll(async () => {
  // A county portal that fails every delivery: the dashboard must show it.
  receiver = http.createServer((_request, response) => {
    response.writeHead(503, { 'content-type': 'application/json' });
    response.end('{"error":"maintenance"}');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  app = await startApp();
  setClock(app, '2026-03-10T02:00:00.000Z'); // Tuesday 10:00 in Beijing
  orgs = await createOrganizationTree(app);
  accounts = {
    editorA: await createAdminAccount(app, {
      name: 'StatusEditorA',
      roles: ['disclosure-editor'],
      organization: orgs.countyA,
    }),
    editorB: await createAdminAccount(app, {
      name: 'StatusEditorB',
      roles: ['disclosure-editor'],
      organization: orgs.countyB,
    }),
    reviewer: await createAdminAccount(app, {
      name: 'StatusReviewer',
      roles: ['disclosure-reviewer'],
      organization: orgs.city,
    }),
    publisher: await createAdminAccount(app, {
      name: 'StatusPublisher',
      roles: ['disclosure-publisher'],
      organization: orgs.city,
    }),
  };
  subscriberId = (
    await app.strapi.db.query('plugin::disclosure.subscriber').create({
      data: {
        name: '沂南县政务公开专栏',
        organization: orgs.countyA.id,
        endpointUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/disclosure/inbox`,
        secret: 'whsec_aXRlbS1zdGF0dXMtdGVzdC1zZWNyZXQ',
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

test('the side panel shows a draft’s same-day deadline, what the gate still needs, and its Traditional preview', async () => {
  const documentId = await countyDraft('关于发布春季农业生产指导意见的通知', {
    summary: '为做好春耕生产，现将有关信息发布如下。',
  });

  const response = await itemStatus(documentId, accounts.editorA);
  expect(response.status).toBe(200);
  expect(response.headers['cache-control']).toBe('private, no-store');
  const status = response.body.data;
  expect(status).toMatchObject({
    contentType: DOC,
    documentId,
    published: false,
    review: null,
    canReview: false,
    syndication: [],
  });
  expect(status.deadlines).toEqual([
    expect.objectContaining({
      rule: 'document-same-day',
      status: 'pending',
      dueDate: '2026-03-10',
      metAt: null,
      source: 'Zhanjiang 2015 §1(二)2',
    }),
  ]);
  expect(status.gate.ready).toBe(false);
  expect(status.gate.checks.map((check: any) => [check.rule, check.passed])).toEqual([
    ['disclosure-attribute', true],
    ['confidentiality-review', false],
  ]);
  expect(status.gate.checks[1].messages[0]).toMatch(/^发布前须完成保密审查/);
  // 发布 stays 發布 in government usage (not 發佈); 信息 stays 信息.
  expect(status.preview.title).toEqual({
    hans: '关于发布春季农业生产指导意见的通知',
    hant: '關於發布春季農業生產指導意見的通知',
  });
  expect(status.preview.summary.hant).toBe('為做好春耕生產，現將有關信息發布如下。');
});

test('a normative document lists the interpretation it must go out with', async () => {
  const documentId = await countyDraft('沂南县农村宅基地管理办法', { isNormative: true });
  const { body } = await itemStatus(documentId, accounts.editorA);
  expect(body.data.gate.checks).toContainEqual({
    rule: 'interpretation-required',
    passed: false,
    messages: [expect.stringMatching(/^行政规范性文件须与政策解读同步发布/)],
  });
});

test('only accounts that may read the item see its panel: another county’s editor is refused, the city’s reviewer may review it', async () => {
  const documentId = await countyDraft('沂南县关于春耕备耕的通知');

  const sideways = await itemStatus(documentId, accounts.editorB);
  expect(sideways.status).toBe(403);
  expect(sideways.body.error.message).toMatch(/^无权查看该条目/);

  const reviewerView = await itemStatus(documentId, accounts.reviewer);
  expect(reviewerView.status).toBe(200);
  expect(reviewerView.body.data.canReview).toBe(true);

  const review = await app
    .http()
    .post('/disclosure/reviews')
    .set(accounts.reviewer.headers)
    .send({ data: { contentType: DOC, documentId, conclusion: 'approved', note: '不涉密' } });
  expect(review.status).toBe(201);

  const after = (await itemStatus(documentId, accounts.editorA)).body.data;
  expect(after.review).toEqual({
    reviewer: '测试StatusReviewer',
    reviewedAt: '2026-03-10T02:00:00.000Z',
    conclusion: 'approved',
    note: '不涉密',
  });
  expect(after.gate).toEqual({
    ready: true,
    checks: [
      expect.objectContaining({ passed: true }),
      expect.objectContaining({ rule: 'confidentiality-review', passed: true, messages: [] }),
    ],
  });
});

test('bad parameters are refused with the parameter named; an item that does not exist is a 404', async () => {
  const wrongType = await app
    .http()
    .get('/disclosure/item-status')
    .query({ contentType: 'admin::user', documentId: 'abc' })
    .set(accounts.editorA.headers);
  expect(wrongType.status).toBe(400);
  expect(wrongType.body.error.message).toMatch(/^contentType 须为/);
  const badId = await app
    .http()
    .get('/disclosure/item-status')
    .query({ contentType: DOC, documentId: '../x' })
    .set(accounts.editorA.headers);
  expect(badId.status).toBe(400);
  expect(badId.body.error.details.errors[0].path).toEqual(['documentId']);
  const missing = await itemStatus('nosuchdocument000000000', accounts.editorA);
  expect(missing.status).toBe(404);
  expect(
    (await app.http().get('/disclosure/item-status').query({ contentType: DOC, documentId: 'abc' }))
      .status
  ).toBe(401);
});

test('the dashboard: what is due today, the city’s counties, and deliveries that fail — each account its own', async () => {
  const dueToday = await countyDraft('沂南县今日到期的通知');
  const countyB = await app.strapi.documents(DOC).create({
    data: policyDocumentData(orgs.countyB.documentId, {
      title: '沂水县今日到期的通知',
      issueDate: '2026-03-10',
      confidentialityReview: null,
    }) as any,
  });

  const county = (await app.http().get('/disclosure/compliance').set(accounts.editorA.headers)).body
    .data;
  expect(county.today).toBe('2026-03-10');
  const countyTitles = county.dueToday.map((item: any) => item.title);
  expect(countyTitles).toContain('沂南县今日到期的通知');
  expect(countyTitles).not.toContain('沂水县今日到期的通知');
  expect(county.dueToday.find((item: any) => item.documentId === dueToday).editPath).toBe(
    `/admin/content-manager/collection-types/${DOC}/${dueToday}`
  );

  // The homepage widget's list is the same, without the rest of the report.
  const widget = await app.http().get('/disclosure/due-today').set(accounts.editorA.headers);
  expect(widget.status).toBe(200);
  expect(widget.body.data).toEqual({ today: '2026-03-10', items: county.dueToday });

  // The city's reviewer sees the city and both counties, organization by organization.
  const city = (await app.http().get('/disclosure/compliance').set(accounts.reviewer.headers)).body
    .data;
  expect(city.organization.code).toBe('371300000');
  expect(city.dueToday.map((item: any) => item.documentId)).toEqual(
    expect.arrayContaining([dueToday, countyB.documentId])
  );
  expect(city.onTimeRate.byOrganization.map((row: any) => row.organization?.code).sort()).toEqual([
    '371321000',
    '371323000',
  ]);

  // A must-syndicate document reaches the failing county portal: its delivery is listed as failing.
  const syndicated = await countyDraft('沂南县须转载的通知', { mustSyndicate: true });
  await app
    .http()
    .post('/disclosure/reviews')
    .set(accounts.reviewer.headers)
    .send({ data: { contentType: DOC, documentId: syndicated, conclusion: 'approved' } });
  const published = await app
    .http()
    .post(`/content-manager/collection-types/${DOC}/${syndicated}/actions/publish`)
    .query({ locale: 'zh-Hans' })
    .set(accounts.publisher.headers)
    .send({});
  expect(published.status).toBe(200);
  await app.strapi.plugin('disclosure').service('syndication-worker').runOnce();

  const withFailure = (await app.http().get('/disclosure/compliance').set(accounts.editorA.headers))
    .body.data;
  expect(withFailure.failingDeliveries).toEqual([
    expect.objectContaining({
      itemDocumentId: syndicated,
      title: '沂南县须转载的通知',
      target: '沂南县政务公开专栏',
      status: 'pending',
      attempts: 1,
      lastStatus: 503,
    }),
  ]);
  const otherCounty = (await app.http().get('/disclosure/compliance').set(accounts.editorB.headers))
    .body.data;
  expect(otherCounty.failingDeliveries).toEqual([]);

  // Published the same day: no longer due, met on time.
  const after = (await app.http().get('/disclosure/compliance').set(accounts.editorA.headers)).body
    .data;
  expect(after.dueToday.map((item: any) => item.documentId)).not.toContain(syndicated);
  expect(after.items.met.map((item: any) => item.documentId)).toContain(syndicated);
  const panel = (await itemStatus(syndicated, accounts.editorA)).body.data;
  expect(panel.published).toBe(true);
  expect(panel.deadlines[0]).toMatchObject({ status: 'met' });
  expect(panel.syndication).toEqual([
    expect.objectContaining({
      subscriber: expect.objectContaining({ name: '沂南县政务公开专栏' }),
      status: 'pending',
      attempts: 1,
    }),
  ]);
});

test('failing deliveries are scoped to the account before the list is cut to 200, and a given-up delivery is listed as dead', async () => {
  // Another county's document with more failed deliveries than the list holds.
  const other = await app.strapi.documents(DOC).create({
    data: policyDocumentData(orgs.countyB.documentId, {
      title: '沂水县投递失败的通知',
      confidentialityReview: null,
    }) as any,
  });
  for (let index = 0; index < 201; index += 1) {
    await app.strapi.db.query('plugin::disclosure.syndication-delivery').create({
      data: {
        subscriber: subscriberId,
        itemDocumentId: other.documentId,
        messageId: `dead-${index}`,
        status: 'dead',
        attempts: 8,
        nextAttemptAt: new Date(),
        lastStatus: 503,
      },
    });
  }

  const county = (await app.http().get('/disclosure/compliance').set(accounts.editorA.headers)).body
    .data;
  expect(county.failingDeliveries.map((delivery: any) => delivery.title)).toEqual([
    '沂南县须转载的通知',
  ]);

  const otherCounty = (await app.http().get('/disclosure/compliance').set(accounts.editorB.headers))
    .body.data;
  expect(otherCounty.failingDeliveries).toHaveLength(200);
  expect(otherCounty.failingDeliveries[0]).toMatchObject({
    title: '沂水县投递失败的通知',
    status: 'dead',
    attempts: 8,
  });
});

test('due today counts an hour rule falling due later today, not one due tomorrow (Beijing)', async () => {
  // 10:00 in Beijing: a major emergency's authoritative information is due at 15:00 today, its press conference at 10:00 tomorrow.
  const concern = await app.strapi.documents('api::public-concern.public-concern').create({
    data: {
      topic: '沂南县暴雨致城区内涝',
      severity: 'major-emergency',
      detectedAt: '2026-03-10T02:00:00.000Z',
      organization: orgs.countyA.documentId,
    } as any,
  });
  const { items } = (await app.http().get('/disclosure/due-today').set(accounts.editorA.headers))
    .body.data;
  const rules = items
    .filter((item: any) => item.documentId === concern.documentId)
    .map((item: any) => item.rule);
  expect(rules).toEqual(['concern-emergency-information-5-hours']);
});

test('a type the gate does not hold (a public concern) has its panel too: its deadlines, no checklist, no review', async () => {
  const concern = await app.strapi.documents('api::public-concern.public-concern').create({
    data: {
      topic: '沂南县城区停水',
      severity: 'general',
      detectedAt: '2026-03-10T02:00:00.000Z',
      organization: orgs.countyA.documentId,
    } as any,
  });
  const res = await app
    .http()
    .get('/disclosure/item-status')
    .query({ contentType: 'api::public-concern.public-concern', documentId: concern.documentId })
    .set(accounts.editorA.headers);
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({
    documentId: concern.documentId,
    gate: null,
    review: null,
    canReview: false,
  });
  expect(res.body.data.preview.title.hans).toBe('沂南县城区停水');
  // What the panel asks to populate: nothing the gate reads, for a type it does not hold (Strapi
  // would ignore a confidentiality review the type does not have, so the answer alone cannot show it).
  const gate = app.strapi.plugin('disclosure').service('publication-gate');
  expect(gate.populateFor('api::public-concern.public-concern')).toEqual({});
  expect(gate.populateFor('api::policy-document.policy-document')).toMatchObject({
    confidentialityReview: true,
  });
});
