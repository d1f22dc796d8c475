import {
  createAdminAccount,
  createOrganizationTree,
  type OrganizationRef,
} from '../harness/admin-users';
import { usingPostgres } from '../harness/database';
import { createAdminSession, startApp, type TestApp } from '../harness/strapi';

/**
 * 意见箱 and 领导信箱 through the offices' routes, on the holiday calendar with the plugin's clock
 * pinned: accepting or routing, assigning, drafting, approving and sending, each by its role and
 * recorded with who and when (steps and ledger); refusals writing nothing; the list's scope and
 * filters; the ledger's personal-data reads; the message-acceptance and message-reply deadline
 * records, on time, late and overdue.
 */
const MESSAGE = 'plugin::disclosure.public-message';
const STEP = 'plugin::disclosure.message-step';
const DEADLINE = 'plugin::disclosure.deadline';
const LEDGER = 'plugin::disclosure.ledger-entry';

let app: TestApp;
let orgs: Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>;
type Headers = { Authorization: string };
let superAdmin: Headers;
let manager: Headers;
let handler: Headers;
let leader: Headers;
let countyManager: Headers;
let otherManager: Headers;
let editor: Headers;

const onDay = (date: string) => {
  app.strapi.plugin('disclosure').service('clock').now = () => new Date(`${date}T02:00:00Z`);
};

let sequence = 0;
/** A message written in on `date` (10:00 Beijing time): its number, code and documentId. */
const writeIn = async (date: string, overrides: Record<string, unknown> = {}) => {
  onDay(date);
  sequence += 1;
  const res = await app
    .http()
    .post('/api/disclosure/messages')
    .send({
      data: {
        organization: orgs.city.code,
        kind: 'help',
        subject: `求助第${sequence}件`,
        content: `小区第${sequence}栋楼道灯不亮，请协调物业维修。`,
        name: `王来信${sequence}`,
        contact: `1370000${String(1000 + sequence)}`,
        consentToPublish: false,
        ...overrides,
      },
    })
    .set('X-Forwarded-For', `10.0.0.${sequence}`);
  if (res.status !== 201) throw new Error(`write: ${res.status} ${JSON.stringify(res.body)}`);
  const row = await app.strapi.db
    .query(MESSAGE)
    .findOne({ where: { number: res.body.data.number } });
  return { ...res.body.data, documentId: row.documentId as string };
};

const act = (documentId: string, action: string, data: Record<string, unknown>, headers: Headers) =>
  app
    .http()
    .post(`/disclosure/messages/${documentId}/actions/${action}`)
    .set(headers)
    .send({ data });
const step = async (
  documentId: string,
  action: string,
  data: Record<string, unknown>,
  headers: Headers
) => {
  const res = await act(documentId, action, data, headers);
  if (res.status !== 200)
    throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body?.error ?? res.body)}`);
  return res.body.data;
};
const detail = (documentId: string, headers: Headers = superAdmin) =>
  app.http().get(`/disclosure/messages/${documentId}`).set(headers);
const list = (query: Record<string, string | number>, headers: Headers = superAdmin) =>
  app.http().get('/disclosure/messages').query(query).set(headers);
const recordOf = async (documentId: string, rule: string) =>
  app.strapi.db.query(DEADLINE).findOne({ where: { itemDocumentId: documentId, rule } });

beforeAll(async () => {
  app = await startApp({ env: { IS_PROXIED: 'true' } });
  expect(app.strapi.db.dialect.client).toBe(usingPostgres() ? 'postgres' : 'sqlite');
  orgs = await createOrganizationTree(app);
  superAdmin = { Authorization: `Bearer ${await createAdminSession(app)}` };
  const account = async (name: string, roles: string[], organization: OrganizationRef) =>
    (await createAdminAccount(app, { name, roles, organization })).headers;
  manager = await account('keeper', ['disclosure-mailbox-manager'], orgs.city);
  handler = await account('handler', ['disclosure-mailbox-handler'], orgs.city);
  leader = await account('leader', ['disclosure-mailbox-leader'], orgs.city);
  countyManager = await account('countykeeper', ['disclosure-mailbox-manager'], orgs.countyA);
  otherManager = await account('rizhao', ['disclosure-mailbox-manager'], orgs.otherCity);
  editor = await account('editor', ['disclosure-editor'], orgs.city);
});
afterAll(async () => {
  await app?.stop();
});

test('accepted, assigned, drafted, approved and sent, each by its role, recorded with who and when', async () => {
  const { documentId, number, code } = await writeIn('2026-03-02');
  expect(await recordOf(documentId, 'message-acceptance')).toMatchObject({
    status: 'pending',
    dueDate: '2026-03-04',
    title: number,
  });
  expect(await recordOf(documentId, 'message-reply')).toMatchObject({
    status: 'pending',
    dueDate: '2026-03-23',
  });

  onDay('2026-03-03');
  // Not the handler's to accept: refused, nothing written.
  const refused = await act(documentId, 'accept', {}, handler);
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(/^没有执行此操作（accept）的权限/);
  const accepted = await step(documentId, 'accept', {}, manager);
  expect(accepted.status).toBe('accepted');
  expect(accepted.allowedActions).toEqual(['route', 'assign']);
  expect(await recordOf(documentId, 'message-acceptance')).toMatchObject({ status: 'met' });

  // A body that fails its rule (or its schema) writes nothing.
  const blank = await act(documentId, 'assign', { responsibleOffice: ' ' }, manager);
  expect(blank.status).toBe(400);
  expect(blank.body.error.message).toBe(
    '承办科室 (responsibleOffice) 必填，最多 200 字 (responsibleOffice is required, at most 200 characters)'
  );
  const early = await act(documentId, 'send', {}, manager);
  expect(early.status).toBe(400);
  expect(early.body.error.message).toBe(
    '来信状态为“已受理”，不能发送答复 (send is not allowed while the message is accepted)'
  );
  expect(await app.strapi.db.query(STEP).count({ where: { message: { documentId } } })).toBe(2);

  await step(documentId, 'assign', { responsibleOffice: '市住建局物业科' }, manager);
  onDay('2026-03-10');
  await step(documentId, 'draft-reply', { text: '已督促物业于3月12日前维修。' }, handler);
  expect((await act(documentId, 'approve', {}, handler)).status).toBe(403);
  await step(documentId, 'approve', {}, leader);
  onDay('2026-03-11');
  const sent = await step(documentId, 'send', {}, manager);
  expect(sent).toMatchObject({ status: 'sent', replyText: '已督促物业于3月12日前维修。' });
  expect(sent.steps.map((entry: any) => [entry.kind, entry.actor?.name ?? null])).toEqual([
    ['receive', null],
    ['accept', '测试keeper'],
    ['assign', '测试keeper'],
    ['draft-reply', '测试handler'],
    ['approve', '测试leader'],
    ['send', '测试keeper'],
  ]);
  expect(sent.steps[5].at).toBe('2026-03-11T02:00:00.000Z');
  expect(await recordOf(documentId, 'message-reply')).toMatchObject({ status: 'met' });
  // Each step in the ledger, by whom, naming the message by its number.
  const ledger = await app.strapi.db.query(LEDGER).findMany({
    where: { action: 'case-step', itemDocumentId: documentId },
    orderBy: { id: 'asc' },
  });
  expect(ledger.map((entry: any) => entry.rules)).toEqual([
    'accept',
    'assign',
    'draft-reply',
    'approve',
    'send',
  ]);
  expect(ledger.every((entry: any) => entry.title === number && entry.actorType === 'admin')).toBe(
    true
  );
  // The writer sees the reply.
  const seen = await app.http().get(`/api/disclosure/messages/${number}`).query({ code });
  expect(seen.body.data).toMatchObject({ status: 'sent', reply: '已督促物业于3月12日前维修。' });
});

test('routed to the 信访 channel with the reason: the writer reads where; no reply is owed', async () => {
  const { documentId, number, code } = await writeIn('2026-04-30', { kind: 'complaint' });
  const missing = await act(documentId, 'route', { routedTo: '市信访局' }, manager);
  expect(missing.status).toBe(400);
  expect(missing.body.error.details.errors[0].path).toEqual(['reason']);
  onDay('2026-05-08');
  const routed = await step(
    documentId,
    'route',
    {
      routedTo: '临沂市信访局（人民路1号，12345热线）',
      reason: '反映事项属信访事项，依《信访工作条例》由信访部门办理',
    },
    manager
  );
  expect(routed).toMatchObject({ status: 'routed', allowedActions: [] });
  // Due Thursday 7 May after the May Day holiday; routed a working day late.
  expect(await recordOf(documentId, 'message-acceptance')).toMatchObject({
    dueDate: '2026-05-07',
    status: 'late',
    lateness: 1,
  });
  expect(await recordOf(documentId, 'message-reply')).toBeNull();
  const seen = await app.http().get(`/api/disclosure/messages/${number}`).query({ code });
  expect(seen.body.data).toMatchObject({
    status: 'routed',
    routedTo: '临沂市信访局（人民路1号，12345热线）',
    routeReason: '反映事项属信访事项，依《信访工作条例》由信访部门办理',
    replyDueOn: null,
    reply: null,
  });
});

test("the list: the account's organizations, filtered by status, kind and overdue, a page at a time", async () => {
  const county = await writeIn('2026-06-01', { organization: orgs.countyA.code, kind: 'question' });
  const open = await writeIn('2026-06-01', { kind: 'suggestion' });
  onDay('2026-06-04');
  await app.strapi
    .plugin('disclosure')
    .service('deadlines')
    .sweep(new Date('2026-06-04T02:00:00Z'));
  expect(await recordOf(open.documentId, 'message-acceptance')).toMatchObject({
    status: 'overdue',
  });

  const all = await list({ pageSize: 100 });
  expect(all.status).toBe(200);
  const numbers = all.body.data.map((row: any) => row.number);
  expect(numbers).toEqual(expect.arrayContaining([county.number, open.number]));
  // The list carries no writer's name or contact.
  expect(JSON.stringify(all.body)).not.toMatch(/王来信|1370000/);

  const overdue = await list({ overdue: 'true', pageSize: 100 });
  expect(overdue.body.data.map((row: any) => row.number)).toEqual(
    expect.arrayContaining([county.number, open.number])
  );
  expect(overdue.body.data.every((row: any) => row.overdue)).toBe(true);
  // The list's colour: past the acceptance date, red.
  expect(overdue.body.data.every((row: any) => row.urgency === 'overdue')).toBe(true);
  const notOverdue = await list({ overdue: 'false', pageSize: 100 });
  expect(notOverdue.body.data.some((row: any) => row.number === open.number)).toBe(false);
  const byKind = await list({ kind: 'question', status: 'received' });
  expect(byKind.body.data.map((row: any) => row.number)).toEqual([county.number]);
  const page = await list({ pageSize: 1, page: 2 });
  expect(page.body.meta.pagination).toMatchObject({ page: 2, pageSize: 1 });
  expect(page.body.data).toHaveLength(1);
  expect((await list({ kind: 'petition' })).status).toBe(400);
  expect((await list({ overdue: 'maybe' })).status).toBe(400);

  // The county's keeper sees the county's message only; the city's sees both; Rizhao's neither.
  const countyList = await list({ pageSize: 100 }, countyManager);
  expect(countyList.body.data.map((row: any) => row.number)).toEqual([county.number]);
  expect((await list({ pageSize: 100 }, manager)).body.meta.pagination.total).toBe(
    all.body.meta.pagination.total
  );
  expect((await list({}, otherManager)).body.data).toEqual([]);
  expect((await list({ organization: orgs.city.code }, countyManager)).status).toBe(403);
  // An editor without a mailbox permission sees nothing at all.
  expect((await list({}, editor)).status).toBe(403);
  expect((await detail(open.documentId, otherManager)).status).toBe(404);
  expect((await act(open.documentId, 'accept', {}, otherManager)).status).toBe(404);
  expect(
    await app.strapi.db.query(MESSAGE).findOne({ where: { documentId: open.documentId } })
  ).toMatchObject({
    status: 'received',
  });
});

test("each read of the writer's data is in the ledger, never the data itself", async () => {
  const { documentId, number } = await writeIn('2026-06-02');
  const before = await app.strapi.db
    .query(LEDGER)
    .count({ where: { action: 'personal-data-read', itemDocumentId: documentId } });
  expect(before).toBe(0);
  const read = await detail(documentId, manager);
  expect(read.status).toBe(200);
  expect(read.body.data.writer).toEqual({
    name: expect.stringMatching(/^王来信/),
    contact: expect.any(String),
  });
  await detail(documentId, handler);
  const entries = await app.strapi.db
    .query(LEDGER)
    .findMany({ where: { action: 'personal-data-read', itemDocumentId: documentId } });
  expect(entries).toHaveLength(2);
  expect(entries.every((entry: any) => entry.title === number)).toBe(true);
  expect(JSON.stringify(entries)).not.toMatch(/王来信|1370000/);
});

test('leaders’ mailboxes: the keeper opens and closes them in scope', async () => {
  const created = await app
    .http()
    .post('/disclosure/mailboxes')
    .set(manager)
    .send({ data: { organization: orgs.city.code, leaderTitle: '市长' } });
  expect(created.status).toBe(201);
  expect(created.body.data).toMatchObject({ leaderTitle: '市长', active: true });
  const outside = await app
    .http()
    .post('/disclosure/mailboxes')
    .set(countyManager)
    .send({ data: { organization: orgs.city.code, leaderTitle: '市长' } });
  expect(outside.status).toBe(400);
  expect(
    (
      await app
        .http()
        .post('/disclosure/mailboxes')
        .set(handler)
        .send({ data: { organization: orgs.city.code, leaderTitle: '副市长' } })
    ).status
  ).toBe(403);
  const closed = await app
    .http()
    .put(`/disclosure/mailboxes/${created.body.data.documentId}`)
    .set(manager)
    .send({ data: { active: false } });
  expect(closed.body.data).toMatchObject({ active: false });
  expect(
    (
      await app
        .http()
        .put(`/disclosure/mailboxes/${created.body.data.documentId}`)
        .set(otherManager)
        .send({ data: { active: true } })
    ).status
  ).toBe(404);
  const listed = await app.http().get('/disclosure/mailboxes').set(manager);
  expect(listed.body.data).toEqual([
    expect.objectContaining({ leaderTitle: '市长', active: false }),
  ]);
  const publicList = await app
    .http()
    .get('/api/disclosure/mailboxes')
    .query({ organization: orgs.city.code });
  expect(publicList.body.data).toEqual([]);
});

test('the compliance report and the dashboard count the mailbox rules', async () => {
  onDay('2026-06-30');
  const report = await app
    .http()
    .get('/disclosure/compliance')
    .query({ from: '2026-01-01', to: '2026-06-30' })
    .set(superAdmin);
  expect(report.status).toBe(200);
  expect(JSON.stringify(report.body)).toMatch(/message-acceptance/);
  expect(JSON.stringify(report.body)).toMatch(/message-reply/);
});
