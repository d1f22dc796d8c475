import { createOrganizationTree, type OrganizationRef } from '../harness/admin-users';
import { usingPostgres } from '../harness/database';
import { startApp, type TestApp } from '../harness/strapi';

/**
 * 意见箱 and 领导信箱's public routes at their limits, on a fresh app of their own (the limits are per
 * client and the tests run from one address): every field's validation and limit, the honeypot, links,
 * repeats flagged, the lookup's one 404, the rating once, the public list of mailboxes, and the rate
 * limits (429 with Retry-After).
 */
const MESSAGE = 'plugin::disclosure.public-message';
let app: TestApp;
let orgs: Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>;

const pinClock = (iso: string) => {
  app.strapi.plugin('disclosure').service('clock').now = () => new Date(iso);
};
const write = (data: unknown) => app.http().post('/api/disclosure/messages').send({ data });
const lookup = (number: string, code?: string) =>
  app
    .http()
    .get(`/api/disclosure/messages/${encodeURIComponent(number)}`)
    .query(code === undefined ? {} : { code });

let sequence = 0;
const message = (overrides: Record<string, unknown> = {}) => {
  sequence += 1;
  return {
    organization: orgs.city.code,
    kind: 'suggestion',
    subject: `关于第${sequence}路公交线路的建议`,
    content: `建议第${sequence}路公交车早高峰加密班次。`,
    name: `来信人${sequence}`,
    contact: `1380000${String(1000 + sequence)}`,
    consentToPublish: true,
    ...overrides,
  };
};

beforeAll(async () => {
  app = await startApp();
  expect(app.strapi.db.dialect.client).toBe(usingPostgres() ? 'postgres' : 'sqlite');
  orgs = await createOrganizationTree(app);
});
afterAll(async () => {
  await app?.stop();
});

test('writing in: 201 with the number, the code and "received"; nothing else comes back', async () => {
  pinClock('2026-03-02T02:00:00Z');
  const sent = message({ kind: 'question' });
  const res = await write(sent);
  expect(res.status).toBe(201);
  expect(Object.keys(res.body.data).sort()).toEqual(['code', 'number', 'status']);
  expect(res.body.data).toMatchObject({ number: '371300000-2026-0001', status: 'received' });
  expect(res.body.data.code).toMatch(/^[0-9A-Z]{20}$/);
  expect(res.headers['cache-control']).toBe('no-store');
  const text = JSON.stringify(res.body);
  for (const value of [sent.subject, sent.content, sent.name, sent.contact])
    expect(text).not.toContain(value);
  const row = await app.strapi.db
    .query(MESSAGE)
    .findOne({ where: { number: res.body.data.number } });
  expect(row).toMatchObject({
    status: 'received',
    kind: 'question',
    writerName: sent.name,
    receivedOn: '2026-03-02',
    acceptanceDueOn: '2026-03-04',
    replyDueOn: '2026-03-23',
    flags: [],
  });
  expect(row.lookupCodeHash).not.toContain(res.body.data.code);
  // By documentId too; numbers run on per organization and year.
  const byId = await write(message({ organization: orgs.city.documentId }));
  expect(byId.body.data.number).toBe('371300000-2026-0002');
  const county = await write(message({ organization: orgs.countyA.code }));
  expect(county.body.data.number).toBe('371321000-2026-0001');
});

test('every field is validated, the refusal naming it and its limit in Chinese and English', async () => {
  pinClock('2026-03-02T03:00:00Z');
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [
      { organization: '' },
      'organization',
      '收信机关 (organization)必填，最多 64 字 (organization is required and at most 64 characters)',
    ],
    [
      { organization: '379999999' },
      'organization',
      '收信机关 (organization) 不存在：379999999 (no organization with this code or documentId)',
    ],
    [
      { kind: 'petition' },
      'kind',
      '留言类型 (kind) 只能取：suggestion、question、help、complaint (kind must be one of suggestion, question, help, complaint)',
    ],
    [
      { subject: 'x'.repeat(101) },
      'subject',
      '标题 (subject)必填，最多 100 字 (subject is required and at most 100 characters)',
    ],
    [
      { subject: '   ' },
      'subject',
      '标题 (subject)必填，最多 100 字 (subject is required and at most 100 characters)',
    ],
    [
      { content: '长'.repeat(5001) },
      'content',
      '内容 (content)必填，最多 5000 字 (content is required and at most 5000 characters)',
    ],
    [
      { name: undefined },
      'name',
      '姓名 (name)必填，最多 50 字 (name is required and at most 50 characters)',
    ],
    [
      { contact: 'x'.repeat(101) },
      'contact',
      '联系方式 (contact)必填，最多 100 字 (contact is required and at most 100 characters)',
    ],
    [
      { consentToPublish: 'yes' },
      'consentToPublish',
      '是否同意公开 (consentToPublish) 必填，须为 true 或 false (consentToPublish is required: true or false)',
    ],
    [
      { mailbox: 'x'.repeat(65) },
      'mailbox',
      '领导信箱 (mailbox)最多 64 字 (mailbox is at most 64 characters)',
    ],
    [
      { mailbox: 'nosuchmailbox' },
      'mailbox',
      '领导信箱 (mailbox) 不存在或未开放：nosuchmailbox (no open mailbox of this organization with this id)',
    ],
    [
      { content: '见 https://a.cn 与 https://b.cn', subject: '另见 www.c.cn' },
      'content',
      '内容 (content) 与标题中的链接最多 2 个 (subject and content may hold at most 2 links together)',
    ],
    [{ writerName: '张三' }, 'writerName', '不接受的字段：writerName (unknown fields: writerName)'],
  ];
  // An hour apart: the intake's limit (5 an hour) refills between them.
  let hour = 0;
  const nextHour = () => {
    hour += 1;
    pinClock(new Date(Date.parse('2026-03-02T03:00:00Z') + hour * 3_600_000).toISOString());
  };
  for (const [overrides, field, text] of cases) {
    nextHour();
    const res = await write(message(overrides));
    expect({ field, status: res.status, message: res.body.error?.message }).toEqual({
      field,
      status: 400,
      message: text,
    });
    expect(res.body.error.details.errors[0].path).toEqual([field]);
  }
  nextHour();
  const notAnObject = await app.http().post('/api/disclosure/messages').send({ nodata: 1 });
  expect(notAnObject.status).toBe(400);
  // Two links pass.
  expect((await write(message({ content: '见 https://a.cn 与 https://b.cn' }))).status).toBe(201);
  // Nothing refused was stored.
  expect(await app.strapi.db.query(MESSAGE).count({ where: { writerName: '张三' } })).toBe(0);
});

test('the honeypot and repeated identical messages are flagged, not refused', async () => {
  pinClock('2026-03-03T02:00:00Z');
  const bot = await write(message({ website: 'http://spam.example' }));
  expect(bot.status).toBe(201);
  const first = await write(message({ subject: '路灯不亮', content: '人民路路灯坏了，请维修。' }));
  const again = await write(message({ subject: '路灯不亮 ', content: '人民路路灯坏了 请维修！' }));
  expect(again.status).toBe(201);
  const row = (number: string) => app.strapi.db.query(MESSAGE).findOne({ where: { number } });
  expect((await row(bot.body.data.number)).flags).toEqual(['honeypot']);
  expect((await row(first.body.data.number)).flags).toEqual([]);
  expect(await row(again.body.data.number)).toMatchObject({
    flags: ['repeated'],
    repeatOf: [first.body.data.number],
  });
});

test('the lookup: status and due date with the code; one identical 404 for every miss', async () => {
  pinClock('2026-03-04T02:00:00Z');
  const { number, code } = (await write(message())).body.data;
  const found = await lookup(number, code.toLowerCase().replace(/(.{5})/g, '$1-'));
  expect(found.status).toBe(200);
  expect(found.body.data).toMatchObject({
    number,
    status: 'received',
    receivedOn: '2026-03-04',
    reply: null,
    rating: null,
  });
  const misses = await Promise.all([
    lookup(number, 'WRONGCODE0000000000A'),
    lookup(number),
    lookup(number, ''),
    lookup('371300000-2026-9999', code),
    lookup('not-a-number', code),
    lookup('371300000-2026-00001', code),
  ]);
  for (const miss of misses) {
    expect(miss.status).toBe(404);
    expect(miss.body).toEqual(misses[0].body);
  }
  expect(misses[0].body.error.message).toBe(
    '未找到该来信：请核对信件编号和查询码 (no message matches this number and code)'
  );
  // The code may travel in X-Lookup-Code instead, out of the URL; two different codes: no code.
  const byHeader = await app
    .http()
    .get(`/api/disclosure/messages/${number}`)
    .set('X-Lookup-Code', code);
  expect(byHeader.status).toBe(200);
  expect(byHeader.body).toEqual(found.body);
  expect(byHeader.headers['cache-control']).toBe('no-store');
  const both = await app
    .http()
    .get(`/api/disclosure/messages/${number}`)
    .query({ code })
    .set('X-Lookup-Code', 'WRONGCODE0000000000A');
  expect(both.status).toBe(404);
  expect(both.body).toEqual(misses[0].body);
});

test('the rating: once the reply is sent, with the code, once', async () => {
  pinClock('2026-03-05T02:00:00Z');
  const { number, code } = (await write(message())).body.data;
  const rate = (data: unknown) =>
    app.http().post(`/api/disclosure/messages/${number}/rating`).send({ data });
  const early = await rate({ code, satisfied: true });
  expect(early.status).toBe(400);
  expect(early.body.error.message).toBe(
    '答复发出后才能评价 (the reply can be rated once it is sent)'
  );
  const row = await app.strapi.db.query(MESSAGE).findOne({ where: { number } });
  await app.strapi.db.query(MESSAGE).update({
    where: { id: row.id },
    data: { status: 'sent', replyText: '已加密班次。', sentAt: new Date() },
  });
  expect((await rate({ code: 'WRONG', satisfied: true })).status).toBe(404);
  expect((await rate({ code, satisfied: 'yes' })).status).toBe(400);
  const rated = await rate({ code, satisfied: false });
  expect(rated.status).toBe(200);
  expect(rated.body.data).toEqual({ number, rating: 'dissatisfied' });
  const second = await rate({ code, satisfied: true });
  expect(second.status).toBe(400);
  expect(second.body.error.message).toBe(
    '已评价过，不能再次评价 (the reply has been rated already)'
  );
  const seen = await lookup(number, code);
  expect(seen.body.data).toMatchObject({
    status: 'sent',
    reply: '已加密班次。',
    rating: 'dissatisfied',
  });
});

test("an organization's open mailboxes, without private data; a message to one of them", async () => {
  pinClock('2026-03-06T02:00:00Z');
  const mailboxes = app.strapi.db.query('plugin::disclosure.mailbox');
  const mayor = await mailboxes.create({
    data: { organization: orgs.city.id, leaderTitle: '市长', active: true },
  });
  await mailboxes.create({
    data: { organization: orgs.city.id, leaderTitle: '原副市长', active: false },
  });
  await mailboxes.create({
    data: { organization: orgs.countyA.id, leaderTitle: '县长', active: true },
  });
  const listed = await app
    .http()
    .get('/api/disclosure/mailboxes')
    .query({ organization: orgs.city.code });
  expect(listed.status).toBe(200);
  expect(listed.body).toEqual({ data: [{ documentId: mayor.documentId, leaderTitle: '市长' }] });
  // Not cached: a mailbox closed now is gone from the next answer.
  expect(listed.headers['cache-control']).toBe('no-store');
  expect((await app.http().get('/api/disclosure/mailboxes')).status).toBe(400);
  const none = await app
    .http()
    .get('/api/disclosure/mailboxes')
    .query({ organization: '379999999' });
  expect(none.body).toEqual({ data: [] });
  const toMayor = await write(message({ mailbox: mayor.documentId }));
  expect(toMayor.status).toBe(201);
  const stored = await app.strapi.db
    .query(MESSAGE)
    .findOne({ where: { number: toMayor.body.data.number }, populate: ['mailbox'] });
  expect(stored.mailbox.leaderTitle).toBe('市长');
  await mailboxes.update({ where: { id: mayor.id }, data: { active: false } });
  const closed = await app
    .http()
    .get('/api/disclosure/mailboxes')
    .query({ organization: orgs.city.code });
  expect(closed.body).toEqual({ data: [] });
  // Another organization's mailbox is not this one's.
  const county = await mailboxes.findOne({ where: { leaderTitle: '县长' } });
  expect((await write(message({ mailbox: county.documentId }))).status).toBe(400);
});

test('writing in is rate limited per client: 429 with Retry-After', async () => {
  pinClock('2026-03-09T02:00:00Z');
  const statuses: number[] = [];
  let refused: any;
  for (let n = 0; n < 6; n += 1) {
    const res = await write({});
    statuses.push(res.status);
    if (res.status === 429) refused = res;
  }
  expect(statuses.slice(0, 5)).toEqual(Array(5).fill(400));
  expect(statuses[5]).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect(refused.body.error.message).toMatch(/^请求过于频繁/);
});

test('guessing codes is rate limited: 429 after 20 lookups in 10 minutes', async () => {
  pinClock('2026-03-10T02:00:00Z');
  const statuses: number[] = [];
  for (let n = 0; n < 21; n += 1)
    statuses.push((await lookup('371300000-2026-0001', `guess${n}`)).status);
  expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
  expect(statuses[20]).toBe(429);
});
