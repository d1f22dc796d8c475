import {
  createAdminAccount,
  createOrganizationTree,
  type OrganizationRef,
} from '../harness/admin-users';
import { usingPostgres } from '../harness/database';
import { createAdminSession, startApp, type TestApp } from '../harness/strapi';

/**
 * 公众问答 (published answers): made from a sent message whose writer consented, through the
 * mailbox's admin route, with the edited text and the confirmation that the personal data is gone;
 * a zh-Hans draft with its converted zh-Hant copy, published through the content manager and the
 * publication gate; read on /api/public-answers without a trace of the writer or the message.
 */
const ANSWER = 'api::public-answer.public-answer';
const MESSAGE = 'plugin::disclosure.public-message';
const STEP = 'plugin::disclosure.message-step';
const LEDGER = 'plugin::disclosure.ledger-entry';
const CM = `/content-manager/collection-types/${ANSWER}`;
const PRIVATE_FIELDS = [
  'sourceMessage',
  'personalDataRemovedBy',
  'personalDataRemovedAt',
  'confidentialityReview',
];

let app: TestApp;
let orgs: Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>;
type Headers = { Authorization: string };
let superAdmin: Headers;
let manager: Headers;
let handler: Headers;
let leader: Headers;
let otherManager: Headers;
let reviewer: Headers;
let publisher: Headers;

const onDay = (date: string) => {
  app.strapi.plugin('disclosure').service('clock').now = () => new Date(`${date}T02:00:00Z`);
};

let sequence = 0;
/** A message written in on `date` by 李问政<n>, consenting unless told otherwise: its documentId. */
const writeIn = async (date: string, overrides: Record<string, unknown> = {}) => {
  onDay(date);
  sequence += 1;
  const res = await app
    .http()
    .post('/api/disclosure/messages')
    .send({
      data: {
        organization: orgs.city.code,
        kind: 'question',
        subject: `咨询第${sequence}件：公积金提取`,
        content: `我是李问政${sequence}，电话 139 0000 ${String(1000 + sequence)}，想问租房提取公积金需要哪些材料？`,
        name: `李问政${sequence}`,
        contact: `1390000${String(1000 + sequence)}`,
        consentToPublish: true,
        ...overrides,
      },
    })
    .set('X-Forwarded-For', `10.1.0.${sequence}`);
  if (res.status !== 201) throw new Error(`write: ${res.status} ${JSON.stringify(res.body)}`);
  const row = await app.strapi.db
    .query(MESSAGE)
    .findOne({ where: { number: res.body.data.number } });
  return { number: res.body.data.number as string, documentId: row.documentId as string };
};

const step = async (documentId: string, action: string, data: Record<string, unknown> = {}) => {
  const res = await app
    .http()
    .post(`/disclosure/messages/${documentId}/actions/${action}`)
    .set(superAdmin)
    .send({ data });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
};

/** A message taken through to its sent reply, on the days after `date`. */
const sentMessage = async (date: string, overrides: Record<string, unknown> = {}) => {
  const message = await writeIn(date, overrides);
  await step(message.documentId, 'accept');
  await step(message.documentId, 'assign', { responsibleOffice: '市住房公积金管理中心' });
  await step(message.documentId, 'draft-reply', {
    text: '您好：租房提取公积金需提供身份证和租赁合同备案证明，可在网上办理。',
  });
  await step(message.documentId, 'approve');
  await step(message.documentId, 'send');
  return message;
};

const EDITED = {
  subject: '租房提取住房公积金需要哪些材料？',
  question: '来信人询问租房提取住房公积金需要哪些材料。',
  reply: '您好：租房提取公积金需提供身份证和租赁合同备案证明，可在网上办理。',
};

const makeAnswer = (documentId: string, data: Record<string, unknown>, headers: Headers = leader) =>
  app.http().post(`/disclosure/messages/${documentId}/public-answer`).set(headers).send({ data });

const answersOf = (documentId: string) =>
  app.strapi.db.query(ANSWER).findMany({
    where: { sourceMessage: documentId },
    populate: ['confidentialityReview'],
    orderBy: { locale: 'asc' },
  });

/** The whole of a public answer as text, to look for anything private in it. */
const everything = (body: unknown) => JSON.stringify(body);

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
  otherManager = await account('rizhao', ['disclosure-mailbox-manager'], orgs.otherCity);
  reviewer = await account('reviewer', ['disclosure-reviewer'], orgs.city);
  publisher = await account('publisher', ['disclosure-publisher'], orgs.city);
});
afterAll(async () => {
  await app?.stop();
});

test('refused, writing nothing: no consent, not sent, a complaint, no confirmation, the writer named, the wrong account', async () => {
  const unconsented = await sentMessage('2026-03-02', { consentToPublish: false });
  const noConsent = await makeAnswer(unconsented.documentId, {
    ...EDITED,
    personalDataRemoved: true,
  });
  expect(noConsent.status).toBe(400);
  expect(noConsent.body.error.message).toBe(
    '来信人未同意公开，不能发布为公众问答 (the writer did not consent to publication)'
  );

  const received = await writeIn('2026-03-02');
  const early = await makeAnswer(received.documentId, { ...EDITED, personalDataRemoved: true });
  expect(early.status).toBe(400);
  expect(early.body.error.message).toBe(
    '答复发出后才能发布为公众问答 (a message becomes a public answer once its reply is sent)'
  );

  const complaint = await sentMessage('2026-03-02', { kind: 'complaint' });
  const complained = await makeAnswer(complaint.documentId, {
    ...EDITED,
    personalDataRemoved: true,
  });
  expect(complained.status).toBe(400);
  expect(complained.body.error.message).toMatch(/^投诉不发布为公众问答/);

  const message = await sentMessage('2026-03-02');
  const steps = await app.strapi.db
    .query(STEP)
    .count({ where: { message: { documentId: message.documentId } } });
  const unconfirmed = await makeAnswer(message.documentId, EDITED);
  expect(unconfirmed.status).toBe(400);
  expect(unconfirmed.body.error.message).toMatch(
    /^须确认已删除来信人的个人信息 \(personalDataRemoved\)/
  );
  const denied = await makeAnswer(message.documentId, { ...EDITED, personalDataRemoved: false });
  expect(denied.status).toBe(400);
  expect(denied.body.error.details.errors[0].path).toEqual(['personalDataRemoved']);
  const blank = await makeAnswer(message.documentId, {
    ...EDITED,
    reply: ' ',
    personalDataRemoved: true,
  });
  expect(blank.status).toBe(400);
  expect(blank.body.error.message).toMatch(/^答复内容 \(reply\) 必填/);

  // The writer's name as written, or the contact with spaces in it: refused, the field named.
  const named = await makeAnswer(message.documentId, {
    ...EDITED,
    question: `李问政${sequence}询问租房提取公积金的材料。`,
    personalDataRemoved: true,
  });
  expect(named.status).toBe(400);
  expect(named.body.error.message).toBe(
    "来信内容 (question) 中仍有来信人的姓名，请删除后再发布 (question still contains the writer's name)"
  );
  expect(named.body.error.details.errors[0].path).toEqual(['question']);
  const reachable = await makeAnswer(message.documentId, {
    ...EDITED,
    reply: `请致电 139-0000-${String(1000 + sequence)} 联系。`,
    personalDataRemoved: true,
  });
  expect(reachable.status).toBe(400);
  expect(reachable.body.error.message).toMatch(/^答复内容 \(reply\) 中仍有来信人的联系方式/);

  // Drafting replies is not publishing them; another city's keeper does not see the message.
  const byHandler = await makeAnswer(
    message.documentId,
    { ...EDITED, personalDataRemoved: true },
    handler
  );
  expect(byHandler.status).toBe(403);
  expect(byHandler.body.error.message).toMatch(/^没有发布公众问答的权限/);
  const elsewhere = await makeAnswer(
    message.documentId,
    { ...EDITED, personalDataRemoved: true },
    otherManager
  );
  expect(elsewhere.status).toBe(404);

  expect(await app.strapi.db.query(ANSWER).count({})).toBe(0);
  expect(
    await app.strapi.db
      .query(STEP)
      .count({ where: { message: { documentId: message.documentId } } })
  ).toBe(steps);
});

test('made by the leader as a zh-Hans draft with its converted zh-Hant copy, once per message, recorded', async () => {
  const message = await sentMessage('2026-03-09');
  const before = (await app.http().get(`/disclosure/messages/${message.documentId}`).set(manager))
    .body.data;
  expect(before).toMatchObject({ publicAnswer: null, mayPublishAnswer: true });
  expect(
    (await app.http().get(`/disclosure/messages/${message.documentId}`).set(handler)).body.data
      .mayPublishAnswer
  ).toBe(false);

  onDay('2026-03-20');
  const made = await makeAnswer(message.documentId, { ...EDITED, personalDataRemoved: true });
  expect(made.status).toBe(201);
  const answers = await answersOf(message.documentId);
  expect(answers.map((answer: any) => [answer.locale, answer.publishedAt])).toEqual([
    ['zh-Hans', null],
    ['zh-Hant', null],
  ]);
  const [simplified, traditional] = answers;
  expect(made.body.data).toMatchObject({
    publicAnswer: { documentId: simplified.documentId, published: false },
    mayPublishAnswer: false,
  });
  expect(simplified).toMatchObject({
    ...EDITED,
    kind: 'question',
    askedOn: '2026-03-09',
    sourceMessage: message.documentId,
    personalDataRemovedBy: '测试leader',
  });
  expect(new Date(simplified.personalDataRemovedAt).toISOString()).toBe('2026-03-20T02:00:00.000Z');
  expect(traditional.subject).toBe('租房提取住房公積金需要哪些材料？');
  expect(traditional.sourceMessage).toBe(message.documentId);

  const last = made.body.data.steps.at(-1);
  expect(last).toMatchObject({ kind: 'public-answer', actor: { name: '测试leader' } });
  const entries = await app.strapi.db
    .query(LEDGER)
    .findMany({ where: { itemDocumentId: message.documentId, action: 'case-step' } });
  expect(entries.filter((entry: any) => entry.rules?.includes('public-answer'))).toEqual([
    expect.objectContaining({ outcome: 'allowed', title: message.number }),
  ]);

  const again = await makeAnswer(
    message.documentId,
    { ...EDITED, personalDataRemoved: true },
    manager
  );
  expect(again.status).toBe(400);
  expect(again.body.error.message).toMatch(/^这封来信已发布为公众问答/);
  expect(await answersOf(message.documentId)).toHaveLength(2);
});

test('published through the gate: the review first; an answer without the confirmation never', async () => {
  const message = await sentMessage('2026-04-01');
  const made = await makeAnswer(message.documentId, { ...EDITED, personalDataRemoved: true });
  const { documentId } = made.body.data.publicAnswer;
  const publish = (id: string) =>
    app
      .http()
      .post(`${CM}/${id}/actions/publish`)
      .query({ locale: 'zh-Hans' })
      .set(publisher)
      .send({});

  // The confirmation and the link are the message page's: not typed, only kept, in the content manager.
  const edit = (data: Record<string, unknown>) =>
    app.http().put(`${CM}/${documentId}`).query({ locale: 'zh-Hans' }).set(publisher).send(data);
  const typedName = await edit({ personalDataRemovedBy: '别人' });
  expect(typedName.status).toBe(403);
  expect(typedName.body.error.message).toMatch(
    /^个人信息删除确认须在来信页面“发布为公众问答”中记录/
  );
  const [stored] = await answersOf(message.documentId);
  const kept = await edit({
    repliedOn: '2026-04-10',
    sourceMessage: stored.sourceMessage,
    personalDataRemovedBy: stored.personalDataRemovedBy,
    personalDataRemovedAt: new Date(stored.personalDataRemovedAt).toISOString(),
  });
  expect(kept.status).toBe(200);

  const unreviewed = await publish(documentId);
  expect(unreviewed.status).toBe(400);
  expect(unreviewed.body.error.message).toMatch(/^发布前须完成保密审查/);

  const review = await app
    .http()
    .post('/disclosure/reviews')
    .set(reviewer)
    .send({ data: { contentType: ANSWER, documentId, conclusion: 'approved' } });
  expect(review.status).toBe(201);
  const published = await publish(documentId);
  expect(published.status).toBe(200);
  expect(
    (
      await app.strapi.db
        .query(ANSWER)
        .findMany({ where: { documentId, publishedAt: { $notNull: true } } })
    )
      .map((answer: any) => answer.locale)
      .sort()
  ).toEqual(['zh-Hans', 'zh-Hant']);
  expect(
    (await app.http().get(`/disclosure/messages/${message.documentId}`).set(leader)).body.data
      .publicAnswer
  ).toEqual({ documentId, published: true });

  // Typed into the content manager without the message page's confirmation: the gate refuses it.
  const typed: any = await app.strapi.documents(ANSWER).create({
    data: {
      ...EDITED,
      subject: '直接录入的问答',
      kind: 'help',
      organization: orgs.city.documentId,
      confidentialityReview: {
        reviewer: '王审查',
        reviewedAt: '2026-04-02T00:00:00.000Z',
        conclusion: 'approved',
      },
    } as any,
  });
  const refused = await publish(typed.documentId);
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toMatch(/^公众问答须先确认已删除来信人的个人信息/);
  expect(refused.body.error.details.errors.map((error: any) => error.rule)).toEqual([
    'personal-data-removed',
  ]);
});

test('the public reads published answers only, in both scripts, with nothing of the writer or the message', async () => {
  const message = await sentMessage('2026-05-06');
  const made = await makeAnswer(message.documentId, {
    subject: '公园开放时间咨询',
    question: '来信人询问人民公园夏季开放时间。',
    reply: '人民公园夏季开放时间为6:00至22:00。',
    personalDataRemoved: true,
  });
  const draftId = made.body.data.publicAnswer.documentId;

  const list = await app.http().get('/api/public-answers');
  expect(list.status).toBe(200);
  const subjects = list.body.data.map((answer: any) => answer.subject);
  expect(subjects).toContain(EDITED.subject);
  expect(subjects).not.toContain('公园开放时间咨询');
  expect((await app.http().get(`/api/public-answers/${draftId}`)).status).toBe(404);
  expect(
    (await app.http().get(`/api/public-answers/${draftId}`).query({ status: 'draft' })).status
  ).toBe(404);

  const traditional = await app.http().get('/api/public-answers').query({ locale: 'zh-Hant' });
  expect(traditional.body.data.map((answer: any) => answer.subject)).toContain(
    '租房提取住房公積金需要哪些材料？'
  );

  const [first] = list.body.data;
  const item = await app
    .http()
    .get(`/api/public-answers/${first.documentId}`)
    .query({ populate: '*' });
  expect(item.status).toBe(200);
  expect(item.body.data.organization).toMatchObject({ code: orgs.city.code });
  const writers = await app.strapi.db
    .query(MESSAGE)
    .findMany({ select: ['writerName', 'writerContact', 'number', 'documentId'] });
  for (const body of [list.body, traditional.body, item.body]) {
    for (const answer of Array.isArray(body.data) ? body.data : [body.data])
      for (const field of PRIVATE_FIELDS) expect(answer).not.toHaveProperty(field);
    for (const writer of writers) {
      expect(everything(body)).not.toContain(writer.writerName);
      expect(everything(body)).not.toContain(writer.writerContact);
      expect(everything(body)).not.toContain(writer.number);
      expect(everything(body)).not.toContain(writer.documentId);
    }
  }

  // The private link is neither populated, nor filtered or sorted on, nor selected.
  for (const query of [
    { populate: 'sourceMessage' },
    { 'filters[sourceMessage][$eq]': message.documentId },
    { 'filters[personalDataRemovedBy][$null]': 'false' },
    { sort: 'personalDataRemovedAt:desc' },
    { fields: 'sourceMessage' },
    { populate: 'confidentialityReview' },
  ]) {
    const res = await app.http().get('/api/public-answers').query(query);
    expect(res.status).toBe(400);
  }
});
