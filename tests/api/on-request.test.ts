import { strFromU8, unzipSync } from 'fflate';
import {
  createAdminAccount,
  createOrganizationTree,
  type OrganizationRef,
} from '../harness/admin-users';
import { usingPostgres } from '../harness/database';
import { policyDocumentData } from '../harness/fixtures';
import { createAdminSession, startApp, type TestApp } from '../harness/strapi';

/**
 * 依申请公开 through its routes, on the holiday calendar: receipt by channel (art. 31), the reply
 * clock (correction, consultation, extension), the sweep (withdrawn, unpaid, lapsed), every table-3
 * outcome, fees by count, the public lookup, permissions and scope, the ledger and the deadline records.
 *
 * Time: the plugin's clock is pinned (every date the cases, steps, ledger and rate limits read), not
 * the process's Date, which admin sessions are signed and checked with: a session would expire when
 * the test moves months ahead.
 */
const APPLICATION = 'plugin::disclosure.disclosure-application';
const DEADLINE = 'plugin::disclosure.deadline';
const LEDGER = 'plugin::disclosure.ledger-entry';
const DOC = 'api::policy-document.policy-document';

let app: TestApp;
let orgs: Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>;
type Headers = { Authorization: string };
let superAdmin: Headers;
let registrar: Headers;
let handler: Headers;
let leader: Headers;
let otherRegistrar: Headers;

const pinClock = (iso: string) => {
  app.strapi.plugin('disclosure').service('clock').now = () => new Date(iso);
};
/** 10:00 Beijing time on a date. */
const onDay = (date: string) => pinClock(`${date}T02:00:00Z`);

const addWorkingDays = async (from: string, days: number): Promise<string> =>
  (await app.strapi.plugin('disclosure').service('calendar').get()).addWorkingDays(from, days).date;
const workingDaysBetween = async (from: string, to: string): Promise<number> =>
  (await app.strapi.plugin('disclosure').service('calendar').get()).workingDaysBetween(from, to)
    .days;

let applicantSequence = 0;
const applicant = (overrides: Record<string, unknown> = {}) => {
  applicantSequence += 1;
  return {
    organization: orgs.city.code,
    applicantType: 'natural-person',
    name: `申请人${applicantSequence}`,
    idType: '居民身份证',
    idNumber: `37130019900101${String(1000 + applicantSequence)}`,
    phone: `1390000${String(1000 + applicantSequence)}`,
    email: `applicant${applicantSequence}@example.com`,
    address: `临沂市兰山区测试路${applicantSequence}号`,
    description: `请公开2025年第${applicantSequence}批道路建设项目的招标文件`,
    form: 'electronic',
    ...overrides,
  };
};

const intake = (data: Record<string, unknown>) =>
  app.http().post('/api/disclosure/applications').send({ data });
const lookup = (number: string, code?: string) =>
  app
    .http()
    .get(`/api/disclosure/applications/${encodeURIComponent(number)}`)
    .query(code === undefined ? {} : { code });
/** The lookup with the code in X-Lookup-Code (and, when given, `?code=` as well). */
const lookupByHeader = (number: string, header: string, query?: string) =>
  app
    .http()
    .get(`/api/disclosure/applications/${encodeURIComponent(number)}`)
    .query(query === undefined ? {} : { code: query })
    .set('X-Lookup-Code', header);
const register = (data: Record<string, unknown>, headers: Headers = registrar) =>
  app.http().post('/disclosure/applications').set(headers).send({ data });
const act = (
  documentId: string,
  action: string,
  data: Record<string, unknown> = {},
  headers: Headers = superAdmin
) =>
  app
    .http()
    .post(`/disclosure/applications/${documentId}/actions/${action}`)
    .set(headers)
    .send({ data });
const detail = (documentId: string, headers: Headers = superAdmin) =>
  app.http().get(`/disclosure/applications/${documentId}`).set(headers);
const list = (query: Record<string, string | number>, headers: Headers = superAdmin) =>
  app.http().get('/disclosure/applications').query(query).set(headers);

/** Acts and expects 200; the case as answered. */
const step = async (
  documentId: string,
  action: string,
  data: Record<string, unknown> = {},
  headers: Headers = superAdmin
) => {
  const res = await act(documentId, action, data, headers);
  if (res.status !== 200)
    throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body?.error ?? res.body)}`);
  return res.body.data;
};

/** A case handed in at the counter on `date`, registered by the registrar: its documentId and number. */
const inPerson = async (date: string, overrides: Record<string, unknown> = {}) => {
  onDay(date);
  const res = await register({
    ...applicant(overrides),
    channel: 'in-person',
    handedInOn: date,
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as {
    documentId: string;
    number: string;
    clocks: any;
    status: string;
    possibleRepeatOf: string[];
  };
};

/** A catalogue item issued by the city: its documentId. */
const catalogueItem = async (
  overrides: Record<string, unknown>,
  status: 'draft' | 'published'
): Promise<string> =>
  (
    await app.strapi.documents(DOC).create({
      data: policyDocumentData(orgs.city.documentId, overrides) as any,
      status,
    } as any)
  ).documentId;

const recordsOf = (documentId: string) =>
  app.strapi.db.query(DEADLINE).findMany({ where: { itemDocumentId: documentId } });
const recordOf = async (documentId: string, rule: string) =>
  (await recordsOf(documentId)).find((record: any) => record.rule === rule);

beforeAll(async () => {
  app = await startApp();
  expect(app.strapi.db.dialect.client).toBe(usingPostgres() ? 'postgres' : 'sqlite');
  orgs = await createOrganizationTree(app);
  superAdmin = { Authorization: `Bearer ${await createAdminSession(app)}` };
  registrar = (
    await createAdminAccount(app, {
      name: 'registrar',
      roles: ['disclosure-application-registrar'],
      organization: orgs.city,
    })
  ).headers;
  handler = (
    await createAdminAccount(app, {
      name: 'handler',
      roles: ['disclosure-application-handler'],
      organization: orgs.city,
    })
  ).headers;
  leader = (
    await createAdminAccount(app, {
      name: 'leader',
      roles: ['disclosure-application-leader'],
      organization: orgs.city,
    })
  ).headers;
  otherRegistrar = (
    await createAdminAccount(app, {
      name: 'rizhao',
      roles: ['disclosure-application-registrar'],
      organization: orgs.otherCity,
    })
  ).headers;
});

afterAll(async () => {
  await app?.stop();
});

describe('receipt (art. 31)', () => {
  test('online: submitted with a number and code; received the day the office confirms it', async () => {
    onDay('2026-03-02');
    const res = await intake(applicant());
    expect(res.status).toBe(201);
    expect(Object.keys(res.body.data).sort()).toEqual(['code', 'number', 'status']);
    expect(res.body.data.status).toBe('submitted');
    expect(res.body.data.number).toMatch(/^371300000-2026-\d{4}$/);
    // At least 80 bits of randomness.
    expect(res.body.data.code.length).toBeGreaterThanOrEqual(16);
    const row = await app.strapi.db
      .query(APPLICATION)
      .findOne({ where: { number: res.body.data.number } });
    expect(row).toMatchObject({ status: 'submitted', channel: 'online', receivedOn: null });
    expect(row.lookupCodeHash).not.toContain(res.body.data.code);

    onDay('2026-03-04');
    const confirmed = await step(
      row.documentId,
      'confirm-receipt',
      { receivedOn: '2026-03-03' },
      registrar
    );
    expect(confirmed.status).toBe('registered');
    expect(confirmed.clocks.receivedOn).toBe('2026-03-03');
    expect(confirmed.clocks.replyDueOn).toBe(await addWorkingDays('2026-03-03', 20));
    expect(confirmed.steps.map((s: any) => s.kind)).toEqual(['register', 'confirm-receipt']);
  });

  test.each([
    ['in-person', { handedInOn: '2026-03-05' }, 'registered', '2026-03-05'],
    ['registered-post', { signedForOn: '2026-03-06' }, 'registered', '2026-03-06'],
    ['ordinary-letter', {}, 'submitted', null],
    ['ordinary-letter', { confirmedOn: '2026-03-09' }, 'registered', '2026-03-09'],
    ['fax', { confirmedOn: '2026-03-09' }, 'registered', '2026-03-09'],
  ])('%s with %j: %s, received %s', async (channel, evidence, status, receivedOn) => {
    onDay('2026-03-10');
    const res = await register({ ...applicant(), channel, ...evidence });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ channel, status });
    expect(res.body.data.clocks.receivedOn).toBe(receivedOn);
    expect(typeof res.body.meta.code).toBe('string');
  });

  test('in person without the day it was handed in: 400 naming the evidence', async () => {
    onDay('2026-03-10');
    const res = await register({ ...applicant(), channel: 'in-person' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/当面提交日期.*handedInOn/);
    expect(res.body.error.details.errors[0].path).toEqual(['handedInOn']);
  });
});

describe('likely repeats', () => {
  test('the same applicant asking much the same within a year is flagged, not refused', async () => {
    const same = {
      idNumber: '371300198808080088',
      description: '请公开临沂市2025年城市道路维修项目的招标文件',
    };
    const first = await inPerson('2026-03-16', same);
    expect(first.possibleRepeatOf).toEqual([]);
    const second = await inPerson('2026-04-20', {
      ...same,
      description: '请公开2025年临沂市城市道路维修项目招标文件',
    });
    expect(second.status).toBe('registered');
    expect(second.possibleRepeatOf).toEqual([first.number]);
    const other = await inPerson('2026-04-21', {
      ...same,
      description: '请公开学校食堂的卫生检查结果',
    });
    expect(other.possibleRepeatOf).toEqual([]);
  });
});

describe('the reply clock', () => {
  test('received before National Day: 20 working days skip the holidays and count the make-up Saturday', async () => {
    const created = await inPerson('2026-09-21');
    expect(created.clocks.replyDueOn).toBe('2026-10-26');
    expect(created.clocks.correctionNoticeDueOn).toBe('2026-10-08');
    const reply = await recordOf(created.documentId, 'application-reply');
    expect(reply).toMatchObject({
      status: 'pending',
      dueDate: '2026-10-26',
      title: created.number,
    });
    expect(new Date(reply.dueAt).toISOString()).toBe('2026-10-26T16:00:00.000Z');
    const correction = await recordOf(created.documentId, 'application-correction-notice');
    expect(correction).toMatchObject({ status: 'pending', dueDate: '2026-10-08' });
  });

  test('a correction stops the clock, and its receipt restarts the 20 working days', async () => {
    const created = await inPerson('2026-03-02');
    onDay('2026-03-04');
    const asked = await step(
      created.documentId,
      'request-correction',
      { items: '请说明所需信息的具体年份', correctionDueOn: '2026-03-18' },
      registrar
    );
    expect(asked.status).toBe('correction-requested');
    expect(asked.clocks).toMatchObject({ replyDueOn: null, correctionDueOn: '2026-03-18' });
    // The correction notice went out in time.
    expect(await recordOf(created.documentId, 'application-correction-notice')).toMatchObject({
      status: 'met',
    });
    onDay('2026-03-12');
    const corrected = await step(
      created.documentId,
      'receive-correction',
      { receivedOn: '2026-03-12' },
      registrar
    );
    expect(corrected.status).toBe('registered');
    expect(corrected.clocks.replyDueOn).toBe(await addWorkingDays('2026-03-12', 20));
    expect((await recordOf(created.documentId, 'application-reply')).dueDate).toBe(
      corrected.clocks.replyDueOn
    );
    // One correction notice only (art. 30).
    const again = await act(
      created.documentId,
      'request-correction',
      { items: '再次补正', correctionDueOn: '2026-03-30' },
      registrar
    );
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/补正只能告知一次.*\(/);
  });

  test('consultation time does not count', async () => {
    const created = await inPerson('2026-04-01');
    await step(created.documentId, 'assign', { responsibleOffice: '市住建局' }, registrar);
    onDay('2026-04-08');
    const consulting = await step(
      created.documentId,
      'start-consultation',
      { kind: 'third-party', party: '某建设集团有限公司', sentOn: '2026-04-08' },
      registrar
    );
    expect(consulting.status).toBe('consulting');
    expect(consulting.clocks.consultationDueOn).toBe(await addWorkingDays('2026-04-08', 15));
    onDay('2026-04-15');
    const answered = await step(
      created.documentId,
      'end-consultation',
      { answeredOn: '2026-04-15', opinion: '不同意公开报价明细' },
      registrar
    );
    expect(answered.status).toBe('assigned');
    const paused = await workingDaysBetween('2026-04-08', '2026-04-15');
    expect(paused).toBe(5);
    expect(answered.clocks.pausedWorkingDays).toBe(paused);
    expect(answered.clocks.replyDueOn).toBe(await addWorkingDays('2026-04-01', 20 + paused));
  });

  test('an extension, approved by the leader, adds its days once; a second is refused', async () => {
    const created = await inPerson('2026-05-06');
    await step(created.documentId, 'assign', { responsibleOffice: '市自然资源局' }, registrar);
    // The handler may not extend.
    const byHandler = await act(
      created.documentId,
      'extend',
      { workingDays: 10, reason: '需调取档案' },
      handler
    );
    expect(byHandler.status).toBe(403);
    const extended = await step(
      created.documentId,
      'extend',
      { workingDays: 15, reason: '涉及档案调取，需延长答复期限' },
      leader
    );
    expect(extended.clocks.extendedWorkingDays).toBe(15);
    expect(extended.clocks.replyDueOn).toBe(await addWorkingDays('2026-05-06', 35));
    expect(extended.steps.at(-1)).toMatchObject({ kind: 'extend', actor: { name: '测试leader' } });
    expect(extended.letters).toContain('extension-notice');
    const second = await act(
      created.documentId,
      'extend',
      { workingDays: 5, reason: '再次延期' },
      leader
    );
    expect(second.status).toBe(400);
    expect(second.body.error.message).toMatch(/^延期答复只能一次/);
    const tooLong = await act(
      created.documentId,
      'extend',
      { workingDays: 21, reason: '太长' },
      leader
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(/workingDays.*1.*20/);
  });
});

describe('the sweep', () => {
  test('no correction by the date given: treated as withdrawn (其他处理 1), not counted as a reply', async () => {
    const created = await inPerson('2026-06-01');
    onDay('2026-06-02');
    await step(
      created.documentId,
      'request-correction',
      { items: '请补充身份证明', correctionDueOn: '2026-06-12' },
      registrar
    );
    const service = app.strapi.plugin('disclosure').service('applications');
    onDay('2026-06-12');
    await service.sweep();
    expect((await detail(created.documentId)).body.data.status).toBe('correction-requested');
    onDay('2026-06-15');
    const swept = await service.sweep();
    expect(swept.withdrawn).toBeGreaterThanOrEqual(1);
    const after = (await detail(created.documentId)).body.data;
    expect(after).toMatchObject({
      status: 'closed',
      outcome: 'other',
      outcomeReason: 'no-correction',
    });
    expect(after.steps.at(-1)).toMatchObject({ kind: 'treat-as-withdrawn', actor: null });
    expect(await recordOf(created.documentId, 'application-reply')).toBeUndefined();
  });

  test('fee not paid in time: closed as 其他处理 2', async () => {
    const created = await inPerson('2026-06-01');
    await step(created.documentId, 'assign', { responsibleOffice: '市档案馆' }, registrar);
    onDay('2026-06-03');
    const billed = await step(
      created.documentId,
      'request-fee',
      { basis: 'pages', pages: 150, paymentDueOn: '2026-06-30' },
      registrar
    );
    expect(billed.status).toBe('awaiting-fee');
    // 31–100 at ¥10, 101–150 at ¥20.
    expect(billed.fee).toEqual({
      basis: 'pages',
      pages: 150,
      amount: 70 * 10 + 50 * 20,
      paidOn: null,
    });
    expect(billed.clocks.paymentDueOn).toBe('2026-06-30');
    expect(billed.letters).toContain('fee-notice');
    onDay('2026-07-01');
    await app.strapi.plugin('disclosure').service('applications').sweep();
    const after = (await detail(created.documentId)).body.data;
    expect(after).toMatchObject({
      status: 'closed',
      outcome: 'other',
      outcomeReason: 'fee-unpaid',
    });
  });

  test('a consultation unanswered at its 15th working day lapses and the clock runs again', async () => {
    const created = await inPerson('2026-07-01');
    await step(created.documentId, 'assign', { responsibleOffice: '市生态环境局' }, registrar);
    onDay('2026-07-02');
    await step(
      created.documentId,
      'start-consultation',
      { kind: 'other-authority', party: '省生态环境厅', sentOn: '2026-07-02' },
      registrar
    );
    const lapse = await addWorkingDays('2026-07-02', 15);
    onDay(await addWorkingDays(lapse, 1));
    await app.strapi.plugin('disclosure').service('applications').sweep();
    const after = (await detail(created.documentId)).body.data;
    expect(after.status).toBe('assigned');
    expect(after.steps.at(-1)).toMatchObject({ kind: 'consultation-lapsed' });
    expect(after.clocks.pausedWorkingDays).toBe(15);
    expect(after.clocks.replyDueOn).toBe(await addWorkingDays('2026-07-01', 35));
  });
});

describe('outcomes', () => {
  /** Stands for a published, proactive catalogue item, created before the rows run. */
  const CITED = 'published-catalogue-item';
  let cited: string;
  beforeAll(async () => {
    cited = await catalogueItem({ disclosureAttribute: 'proactive' }, 'published');
  });
  const ROWS: Array<[string, string | null, Record<string, unknown>?]> = [
    ['disclosed', null, { publicDocuments: [CITED] }],
    ['partially-disclosed', null],
    ...[
      'state-secret',
      'prohibited-by-law',
      'endangers-security-stability',
      'third-party-rights',
      'internal-affairs',
      'process-information',
      'enforcement-files',
      'administrative-query',
    ].map((reason): [string, string] => ['not-disclosed', reason]),
    ['unavailable', 'not-held'],
    ['unavailable', 'needs-creation'],
    ['unavailable', 'unclear-after-correction'],
    ['not-processed', 'petition-complaint', { redirectChannel: '12345政务服务便民热线' }],
    ['not-processed', 'repeated'],
    ['not-processed', 'publication'],
    ['not-processed', 'mass-repeated'],
    ['not-processed', 'confirmation'],
    ['other', 'other'],
  ];

  test.each(ROWS)(
    '%s %s: drafted by the handler, approved by the leader, delivered by the registrar',
    async (outcome, reason, extra = {}) => {
      const created = await inPerson('2026-08-03');
      if (reason === 'unclear-after-correction') {
        await step(
          created.documentId,
          'request-correction',
          { items: '请明确所需信息', correctionDueOn: '2026-08-14' },
          registrar
        );
        await step(
          created.documentId,
          'receive-correction',
          { receivedOn: '2026-08-05' },
          registrar
        );
      }
      await step(created.documentId, 'assign', { responsibleOffice: '市发展改革委' }, registrar);
      onDay('2026-08-10');
      const drafted = await step(
        created.documentId,
        'draft-reply',
        {
          outcome,
          ...(reason ? { reason } : {}),
          legalBasis: '《中华人民共和国政府信息公开条例》第三十六条',
          text: `答复：${outcome}`,
          ...extra,
          ...(extra.publicDocuments ? { publicDocuments: [cited] } : {}),
        },
        handler
      );
      expect(drafted).toMatchObject({ status: 'drafted', outcome, outcomeReason: reason });
      // The handler may not approve their own draft.
      expect((await act(created.documentId, 'approve-reply', {}, handler)).status).toBe(403);
      await step(created.documentId, 'approve-reply', { note: '同意' }, leader);
      const delivered = await step(
        created.documentId,
        'deliver',
        { method: 'email', deliveredOn: '2026-08-10' },
        registrar
      );
      expect(delivered).toMatchObject({ status: 'delivered', urgency: 'concluded' });
      const record = await recordOf(created.documentId, 'application-reply');
      expect(record).toMatchObject({ status: 'met', lateness: 0 });
      const archived = await step(created.documentId, 'archive', {}, registrar);
      expect(archived.status).toBe('archived');
    }
  );

  test('an outcome and a reason that are no row of table 3: 400', async () => {
    const created = await inPerson('2026-08-03');
    await step(created.documentId, 'assign', { responsibleOffice: '市发展改革委' }, registrar);
    const res = await act(
      created.documentId,
      'draft-reply',
      { outcome: 'unavailable', reason: 'state-secret', legalBasis: '第三十六条' },
      handler
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['reason']);
    // Nothing half-written: no step, no outcome.
    const after = (await detail(created.documentId)).body.data;
    expect(after.outcome).toBeNull();
    expect(after.steps.map((s: any) => s.kind)).toEqual(['register', 'assign']);
  });
});

describe('fees by count (国办函〔2020〕109号)', () => {
  test('the 10th application in a month is free; the 11th, 30th ¥100; the 31st ¥200; the 41st ¥300', async () => {
    const idNumber = '371300198001010011';
    const cases: Array<{ documentId: string }> = [];
    for (let n = 1; n <= 41; n += 1) {
      onDay(`2026-11-${String(2 + Math.floor(n / 3)).padStart(2, '0')}`);
      const res = await register({
        ...applicant({ idNumber, description: `第${n}件：请公开${n}号文件` }),
        channel: 'in-person',
        handedInOn: `2026-11-${String(2 + Math.floor(n / 3)).padStart(2, '0')}`,
      });
      expect(res.status).toBe(201);
      cases.push(res.body.data);
    }
    // Another month's application by the same person does not count.
    onDay('2026-10-30');
    const fee = async (n: number) => {
      const { documentId } = cases[n - 1];
      await step(documentId, 'assign', { responsibleOffice: '市政府办公室' }, registrar);
      return act(
        documentId,
        'request-fee',
        { basis: 'count', paymentDueOn: '2026-12-31' },
        registrar
      );
    };
    const tenth = await fee(10);
    expect(tenth.status).toBe(400);
    expect(tenth.body.error.message).toMatch(/不收费.*第10件/);
    for (const [n, amount] of [
      [11, 100],
      [30, 100],
      [31, 200],
      [41, 300],
    ]) {
      const res = await fee(n);
      expect(res.status).toBe(200);
      expect(res.body.data.fee).toMatchObject({ basis: 'count', amount });
    }
  });
});

describe('the public lookup', () => {
  let number: string;
  let code: string;
  let sent: ReturnType<typeof applicant>;

  beforeAll(async () => {
    sent = applicant({ name: '李四查询', phone: '13912345678', idNumber: '371300199505050055' });
    onDay('2026-12-01');
    const res = await intake(sent);
    ({ number, code } = res.body.data);
  });

  test('the right code: what is known so far, nothing personal', async () => {
    const res = await lookup(number, code);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      number,
      status: 'submitted',
      receivedOn: null,
      dueOn: null,
      outcome: null,
      reply: null,
    });
    const text = JSON.stringify(res.body);
    for (const value of [
      sent.name,
      sent.phone,
      sent.idNumber,
      sent.email,
      sent.address,
      sent.description,
    ])
      expect(text).not.toContain(value);
  });

  test('wrong, missing or malformed: one 404, the same body as for a number that does not exist', async () => {
    const answers = await Promise.all([
      lookup(number, 'wrong-code'),
      lookup(number, ''),
      lookup(number),
      lookup(number, code.slice(0, -1)),
      lookup('371300000-2026-9999', code),
      lookup('not-a-number', code),
      lookup('x'.repeat(300), code),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(answers[0].body);
    }
    expect(answers[0].body.error.message).toMatch(/^未找到该申请/);
  });

  test('the code in the X-Lookup-Code header: the same answer, and the same one 404 for every miss', async () => {
    const byHeader = await lookupByHeader(number, code);
    expect(byHeader.status).toBe(200);
    expect(byHeader.headers['cache-control']).toBe('no-store');
    expect(byHeader.body).toEqual((await lookup(number, code)).body);
    // Both ways at once, the same code: that code.
    expect((await lookupByHeader(number, code, code)).status).toBe(200);

    const misses = await Promise.all([
      lookupByHeader(number, 'wrong-code'),
      lookupByHeader(number, ''),
      lookupByHeader(number, code.slice(0, -1)),
      lookupByHeader(number, 'x'.repeat(201)),
      lookupByHeader('371300000-2026-9999', code),
      lookupByHeader('not-a-number', code),
      // Two different codes: neither is believed, the right one in either place.
      lookupByHeader(number, code, 'wrong-code'),
      lookupByHeader(number, 'wrong-code', code),
      lookup(number, 'wrong-code'),
    ]);
    for (const miss of misses) {
      expect(miss.status).toBe(404);
      expect(miss.body).toEqual(misses[misses.length - 1].body);
    }
  });

  test('once delivered, the reply text and the outcome', async () => {
    const row = await app.strapi.db.query(APPLICATION).findOne({ where: { number } });
    onDay('2026-12-02');
    await step(row.documentId, 'confirm-receipt', { receivedOn: '2026-12-02' }, registrar);
    await step(row.documentId, 'assign', { responsibleOffice: '市交通运输局' }, registrar);
    const before = (await lookup(number, code)).body.data;
    expect(before).toMatchObject({ status: 'assigned', receivedOn: '2026-12-02', reply: null });
    expect(before.dueOn).toBe(await addWorkingDays('2026-12-02', 20));
    await step(
      row.documentId,
      'draft-reply',
      { outcome: 'disclosed', legalBasis: '第三十六条第（二）项', text: '现将招标文件提供给您。' },
      handler
    );
    expect((await lookup(number, code)).body.data.reply).toBeNull();
    await step(row.documentId, 'approve-reply', {}, leader);
    await step(
      row.documentId,
      'deliver',
      { method: 'electronic', deliveredOn: '2026-12-03' },
      registrar
    );
    const delivered = (await lookup(number, code)).body.data;
    expect(delivered).toMatchObject({ status: 'delivered', outcome: 'disclosed' });
    // The reply letter as sent: its title, and the officer's text as its body.
    expect(delivered.reply).toMatch(/^政府信息公开申请答复书\n\n/);
    expect(delivered.reply).toContain('现将招标文件提供给您。');
  });
});

describe('the catalogue items a reply cites', () => {
  /** An online case, confirmed and assigned on 1 December 2026: its documentId, number and code. */
  const assignedCase = async () => {
    onDay('2026-12-01');
    const { number, code } = (await intake(applicant())).body.data;
    const row = await app.strapi.db.query(APPLICATION).findOne({ where: { number } });
    await step(row.documentId, 'confirm-receipt', { receivedOn: '2026-12-01' }, registrar);
    await step(row.documentId, 'assign', { responsibleOffice: '市住房城乡建设局' }, registrar);
    return { documentId: row.documentId as string, number: number as string, code: code as string };
  };
  /** The reply (the default 予以公开 wording) citing `documentIds`, approved and delivered. */
  const deliverCiting = async (documentId: string, documentIds: string[]) => {
    await step(
      documentId,
      'draft-reply',
      { outcome: 'disclosed', legalBasis: '第三十六条第（一）项', publicDocuments: documentIds },
      handler
    );
    await step(documentId, 'approve-reply', {}, leader);
    await step(
      documentId,
      'deliver',
      { method: 'electronic', deliveredOn: '2026-12-01' },
      registrar
    );
  };

  test('a draft, or an id that is no catalogue item: 400 naming it, nothing written', async () => {
    const draft = await catalogueItem({ title: '尚未发布的草稿文件' }, 'draft');
    const { documentId } = await assignedCase();
    const before = (await detail(documentId)).body.data;
    for (const refused of [draft, 'unknown0001']) {
      const res = await act(
        documentId,
        'draft-reply',
        { outcome: 'disclosed', legalBasis: '第三十六条第（一）项', publicDocuments: [refused] },
        handler
      );
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['publicDocuments']);
      expect(res.body.error.message).toContain(refused);
      expect(res.body.error.message).toMatch(/^已公开信息.*publicly readable/);
    }
    const after = (await detail(documentId)).body.data;
    expect(after).toMatchObject({ status: 'assigned', outcome: null, publicDocuments: [] });
    expect(after.steps).toEqual(before.steps);
  });

  test('a published, proactive item: its title and 文号 in the reply the applicant looks up', async () => {
    const item = await catalogueItem(
      { title: '关于城市更新的实施意见', documentNumber: '临政发〔2026〕12号' },
      'published'
    );
    const { documentId, number, code } = await assignedCase();
    await deliverCiting(documentId, [item]);
    const { reply } = (await lookup(number, code)).body.data;
    expect(reply).toContain(
      '其中已经主动公开的信息：《关于城市更新的实施意见》（临政发〔2026〕12号）。'
    );
  });

  test('a published item with an unpublished edit: the published title, never the draft’s', async () => {
    const item = await catalogueItem(
      { title: '关于物业服务收费的通知', documentNumber: '临政发〔2026〕13号' },
      'published'
    );
    await app.strapi.documents(DOC).update({
      documentId: item,
      data: { title: '尚未发布的新标题', documentNumber: '临政发〔2026〕99号' } as any,
      status: 'draft',
    } as any);
    const { documentId, number, code } = await assignedCase();
    await deliverCiting(documentId, [item]);
    const { reply } = (await lookup(number, code)).body.data;
    expect(reply).toContain('《关于物业服务收费的通知》（临政发〔2026〕13号）');
    expect(reply).not.toContain('尚未发布的新标题');
    expect(reply).not.toContain('99号');
    expect((await detail(documentId)).body.data.publicDocumentTitles).toEqual([
      '《关于物业服务收费的通知》（临政发〔2026〕13号）',
    ]);
  });
});

describe('permissions and scope', () => {
  let countyCase: string;
  beforeAll(async () => {
    onDay('2027-01-05');
    const res = await register({
      ...applicant({ organization: orgs.countyA.documentId }),
      channel: 'registered-post',
      signedForOn: '2027-01-05',
    });
    expect(res.status).toBe(201);
    expect(res.body.data.number).toMatch(/^371321000-2027-0001$/);
    countyCase = res.body.data.documentId;
  });

  test('the city sees the county’s case; another city learns nothing of it', async () => {
    expect((await detail(countyCase, registrar)).status).toBe(200);
    const foreign = await detail(countyCase, otherRegistrar);
    const absent = await detail('nosuchcase000000000000000', otherRegistrar);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(absent.body);
    expect(
      (await act(countyCase, 'assign', { responsibleOffice: 'x' }, otherRegistrar)).status
    ).toBe(404);
    const theirs = await list({ pageSize: 100 }, otherRegistrar);
    expect(theirs.status).toBe(200);
    expect(theirs.body.data).toEqual([]);
    const ours = await list({ organization: orgs.countyA.code }, registrar);
    expect(ours.body.data.map((item: any) => item.documentId)).toEqual([countyCase]);
    expect((await list({ organization: orgs.city.code }, otherRegistrar)).status).toBe(403);
    // Registering for an organization outside one's scope: refused.
    const outside = await register(
      { ...applicant(), channel: 'in-person', handedInOn: '2027-01-05' },
      otherRegistrar
    );
    expect(outside.status).toBe(403);
  });

  test('an admin without any on-request permission: 403 on the list', async () => {
    const { headers } = await createAdminAccount(app, {
      name: 'editor',
      roles: ['disclosure-editor'],
      organization: orgs.city,
    });
    expect((await list({}, headers)).status).toBe(403);
    expect((await detail(countyCase, headers)).status).toBe(403);
  });

  test('the list: filters, pagination, urgency; the summary holds the name only', async () => {
    onDay('2027-01-06');
    const res = await list({ status: 'registered', pageSize: 2, page: 1 }, registrar);
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2 });
    expect(res.body.data.length).toBeLessThanOrEqual(2);
    for (const item of res.body.data) {
      expect(item.status).toBe('registered');
      expect(item).not.toHaveProperty('applicant');
      expect(item).not.toHaveProperty('idNumber');
    }
    const overdue = await list({ urgency: 'overdue', pageSize: 100 }, registrar);
    expect(overdue.status).toBe(200);
    expect(overdue.body.data.length).toBeGreaterThan(0);
    for (const item of overdue.body.data) expect(item.urgency).toBe('overdue');
    const bad = await list({ status: 'lost' }, registrar);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/status.*\(status must be one of/);
  });

  test('every detail read is in the ledger: who read which case, no personal data', async () => {
    const res = await detail(countyCase, registrar);
    expect(res.body.data.applicant.idNumber).toBeTruthy();
    const entries = await app.strapi.db
      .query(LEDGER)
      .findMany({ where: { action: 'personal-data-read', itemDocumentId: countyCase } });
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const last = entries.at(-1);
    expect(last).toMatchObject({
      outcome: 'allowed',
      actorType: 'admin',
      actorName: 'registrar@example.gov.cn',
      title: res.body.data.number,
    });
    expect(JSON.stringify(entries)).not.toContain(res.body.data.applicant.idNumber);
    expect(JSON.stringify(entries)).not.toContain(res.body.data.applicant.name);
  });
});

describe('letters, generated from the case', () => {
  /** word/document.xml's text runs, joined. */
  const docxText = (buffer: Buffer): string =>
    strFromU8(unzipSync(new Uint8Array(buffer))['word/document.xml'])
      .split('</w:p>')
      .map((paragraph) =>
        [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(([, text]) => text).join('')
      )
      .join('\n');
  const binary = (res: any, callback: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  };

  test('the correction notice as .docx and as text; the reply refused before its outcome; each read in the ledger', async () => {
    const created = await inPerson('2027-03-01');
    onDay('2027-03-02');
    await step(
      created.documentId,
      'request-correction',
      { items: '请写明所需文件的发文年份', correctionDueOn: '2027-03-16' },
      registrar
    );
    const url = `/disclosure/applications/${created.documentId}/letters`;
    const docx = await app
      .http()
      .get(`${url}/correction-notice`)
      .set(registrar)
      .buffer(true)
      .parse(binary);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
    // Named in Chinese (RFC 5987), with an ASCII name for the header's plain filename.
    expect(docx.headers['content-disposition']).toBe(
      `attachment; filename="${created.number}-correction-notice.docx"; ` +
        `filename*=UTF-8''${encodeURIComponent(`${created.number}-补正告知书.docx`)}`
    );
    const text = docxText(docx.body);
    expect(text).toContain(`申请编号：${created.number}`);
    expect(text).toContain('请写明所需文件的发文年份');
    expect(text).toContain('2027年3月16日');

    const online = await app
      .http()
      .get(`${url}/correction-notice`)
      .query({ format: 'text' })
      .set(registrar);
    expect(online.status).toBe(200);
    expect(online.body.data).toMatchObject({ kind: 'correction-notice' });
    expect(online.body.data.body).toContain('请写明所需文件的发文年份');

    const reply = await app.http().get(`${url}/reply`).set(registrar);
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/^答复书须先确定办理结果/);
    expect((await app.http().get(`${url}/memo`).set(registrar)).status).toBe(400);
    expect(
      (await app.http().get(`${url}/reply`).query({ format: 'pdf' }).set(registrar)).status
    ).toBe(400);
    // Another city's registrar learns nothing of the case through its letters either.
    expect((await app.http().get(`${url}/correction-notice`).set(otherRegistrar)).status).toBe(404);
    const reads = await app.strapi.db
      .query(LEDGER)
      .count({ where: { action: 'personal-data-read', itemDocumentId: created.documentId } });
    expect(reads).toBeGreaterThanOrEqual(3);
  });
});

describe('validation', () => {
  test.each([
    [
      'name',
      'x'.repeat(101),
      /^申请人姓名或名称 \(name\)必填，最多 100 字 \(name is required and at most 100 characters\)$/,
    ],
    ['description', 'x'.repeat(5001), /最多 5000 字.*description/],
    ['applicantType', 'person', /applicantType must be one of natural-person/],
    ['form', 'fax', /^获取信息的方式 \(form\) 只能取/],
    ['email', 'not-an-email', /email must be an e-mail address/],
    ['phone', '139-abc', /phone is required: digits/],
  ])('%s: 400 naming the field and its limit', async (field, value, message) => {
    onDay('2027-02-01');
    const res = await register({
      ...applicant({ [field]: value }),
      channel: 'in-person',
      handedInOn: '2027-02-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.details.errors[0].path).toEqual([field]);
  });

  test('an unknown organization, an unknown field, no data: 400, nothing stored', async () => {
    const before = await app.strapi.db.query(APPLICATION).count();
    const unknown = await register({
      ...applicant({ organization: '999999999' }),
      channel: 'in-person',
      handedInOn: '2027-02-01',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^受理机关 \(organization\) 不存在/);
    const extra = await register({
      ...applicant(),
      channel: 'in-person',
      handedInOn: '2027-02-01',
      status: 'delivered',
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/不接受的字段：status/);
    const none = await app.http().post('/disclosure/applications').set(registrar).send({});
    expect(none.status).toBe(400);
    const action = await act('abc', 'fly', {}, registrar);
    expect(action.status).toBe(400);
    expect(action.body.error.message).toMatch(/^操作 action 只能取/);
    expect(await app.strapi.db.query(APPLICATION).count()).toBe(before);
  });
});
