import { createAdminAccount, createRole } from '../harness/admin-users';
import { createAdminSession, setClock, startApp, type TestApp } from '../harness/strapi';

/**
 * The settings pages' admin API: the holiday calendar (with the next year's schedule flagged), the
 * conversion dictionary, the deadline rules as configured. Changes take effect at once in the public
 * calculators; writes need the settings permission, reads only a signed-in admin.
 */

let app: TestApp;
let chief: string;
let editor: string;
let keeper: string;

beforeAll(async () => {
  app = await startApp();
  // 10:00 on 10 March 2026 in Beijing: 2026 has its State Council schedule built in, 2027 not yet.
  setClock(app, '2026-03-10T02:00:00.000Z');
  chief = await createAdminSession(app, 'chief@example.gov.cn');
  ({ token: editor } = await createAdminAccount(app, {
    name: 'editor',
    roles: ['strapi-editor'],
    organization: null,
  }));
  const keeperRole = await createRole(app, {
    name: '日历维护 (Calendar keeper)',
    code: 'calendar-keeper',
    description: '维护节假日安排与词典',
    actions: ['plugin::disclosure.settings.manage'],
  });
  ({ token: keeper } = await createAdminAccount(app, {
    name: 'keeper',
    roles: [keeperRole],
    organization: null,
  }));
});

afterAll(async () => {
  await app?.stop();
});

const as = (token: string) => ({
  get: (path: string) => app.http().get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: unknown) =>
    app
      .http()
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object),
  put: (path: string, body: unknown) =>
    app
      .http()
      .put(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object),
  delete: (path: string) => app.http().delete(path).set('Authorization', `Bearer ${token}`),
});

const addWorkingDays = async (from: string, days: number) =>
  (
    await app
      .http()
      .get('/api/disclosure/working-days/add')
      .query({ from, days: String(days) })
  ).body.data;
const toTraditional = async (text: string) =>
  (await app.http().post('/api/disclosure/convert').send({ text, from: 'zh-Hans', to: 'zh-Hant' }))
    .body.data.text;

describe('the holiday calendar', () => {
  test('this Beijing year by default: its schedule is loaded, the next year’s is flagged as missing', async () => {
    const response = await as(editor).get('/disclosure/calendar');
    expect(response.status).toBe(200);
    const { data } = response.body;
    expect(data).toMatchObject({
      year: 2026,
      scheduleLoaded: true,
      nextYear: { year: 2027, scheduleLoaded: false },
      officeDays: [],
    });
    expect(data.builtIn.holidays).toEqual(expect.arrayContaining(['2026-01-01', '2026-10-01']));
    // 调休: Saturday 14 February 2026 is a working day.
    expect(data.builtIn.workdays).toContain('2026-02-14');
    expect(
      [...data.builtIn.holidays, ...data.builtIn.workdays].every((date: string) =>
        date.startsWith('2026-')
      )
    ).toBe(true);
  });

  test('a year without a schedule says so, and has no built-in days', async () => {
    const { data } = (await as(editor).get('/disclosure/calendar?year=2027')).body;
    expect(data).toMatchObject({
      year: 2027,
      scheduleLoaded: false,
      nextYear: { year: 2028, scheduleLoaded: false },
      builtIn: { holidays: [], workdays: [] },
    });
  });

  test('an office holiday changes the working-day calculator at once, and is listed', async () => {
    expect((await addWorkingDays('2026-03-10', 1)).date).toBe('2026-03-11');
    const created = await as(chief).post('/disclosure/calendar/days', {
      data: { date: '2026-03-11', kind: 'holiday', name: '地方假日（演示）' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({
      id: expect.any(Number),
      date: '2026-03-11',
      kind: 'holiday',
      name: '地方假日（演示）',
    });
    expect((await addWorkingDays('2026-03-10', 1)).date).toBe('2026-03-12');

    const { data } = (await as(editor).get('/disclosure/calendar?year=2026')).body;
    expect(data.officeDays).toEqual([created.body.data]);
  });

  test('entering a holiday for next year marks its schedule loaded; removing it flags it again', async () => {
    const created = await as(keeper).post('/disclosure/calendar/days', {
      data: { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    });
    expect(created.status).toBe(201);
    expect((await as(editor).get('/disclosure/calendar')).body.data.nextYear).toEqual({
      year: 2027,
      scheduleLoaded: true,
    });
    // Thursday 31 December, then Friday 1 January off: the 2nd working day is Monday 4 January.
    expect(await addWorkingDays('2026-12-30', 2)).toEqual({
      date: '2027-01-04',
      calendarComplete: true,
    });

    const removed = await as(keeper).delete(`/disclosure/calendar/days/${created.body.data.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.data).toMatchObject({ id: created.body.data.id, date: '2027-01-01' });
    expect((await as(editor).get('/disclosure/calendar')).body.data.nextYear).toEqual({
      year: 2027,
      scheduleLoaded: false,
    });
    expect(await addWorkingDays('2026-12-30', 2)).toEqual({
      date: '2027-01-01',
      calendarComplete: false,
      missingYears: [2027],
    });
    expect(
      (await as(keeper).delete(`/disclosure/calendar/days/${created.body.data.id}`)).status
    ).toBe(404);
  });

  test('a date is entered once: the second is a 400 naming the date', async () => {
    const duplicate = await as(chief).post('/disclosure/calendar/days', {
      data: { date: '2026-03-11', kind: 'working' },
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toMatch(
      /^2026-03-11 已在节假日安排中.*\(2026-03-11 is already in the holiday calendar/
    );
    expect(duplicate.body.error.details.errors[0].path).toEqual(['date']);
    expect(
      await app.strapi.db
        .query('plugin::disclosure.calendar-day')
        .count({ where: { date: '2026-03-11' } })
    ).toBe(1);
  });

  test('the same new date sent several times at once: one is entered, every other is a 400 naming the date, one row', async () => {
    // Several rounds: which check meets the losers (ours, Strapi's count, the unique index) varies with timing.
    for (const date of ['2026-05-06', '2026-05-07', '2026-05-08']) {
      const attempts = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          as(index % 2 ? keeper : chief).post('/disclosure/calendar/days', {
            data: { date, kind: index % 2 ? 'working' : 'holiday', name: `并发录入 ${index}` },
          })
        )
      );
      expect(attempts.map((response) => response.status).sort()).toEqual([
        201, 400, 400, 400, 400, 400,
      ]);
      for (const refused of attempts.filter((response) => response.status === 400)) {
        expect(refused.body.error.message).toBe(
          `${date} 已在节假日安排中，每个日期只能录入一次 (${date} is already in the holiday calendar; each date must be unique)`
        );
        expect(refused.body.error.details.errors[0].path).toEqual(['date']);
      }
      const entered = attempts.find((response) => response.status === 201)!;
      const rows = await app.strapi.db
        .query('plugin::disclosure.calendar-day')
        .findMany({ where: { date } });
      expect(rows.map((row: any) => row.id)).toEqual([entered.body.data.id]);
      // The calendar as listed (and as the calculators read it) has the one entry that was answered 201.
      const { data } = (await as(editor).get('/disclosure/calendar?year=2026')).body;
      expect(data.officeDays.filter((day: any) => day.date === date)).toEqual([entered.body.data]);
    }
  });

  test.each([
    [
      'a day that does not exist',
      { date: '2026-02-30', kind: 'holiday' },
      'date',
      /^日期 date 须为 YYYY-MM-DD/,
    ],
    [
      'a date in another format',
      { date: '11/03/2026', kind: 'holiday' },
      'date',
      /^日期 date 须为 YYYY-MM-DD/,
    ],
    [
      'an unknown kind',
      { date: '2026-04-01', kind: 'vacation' },
      'kind',
      /^类型 kind 只能取 holiday（放假）或 working（上班）/,
    ],
    [
      'a name over 100 characters',
      { date: '2026-04-01', kind: 'holiday', name: '假'.repeat(101) },
      'name',
      /^名称 name 须为文字，最多 100 字/,
    ],
  ])('%s is a 400 naming the field, in Chinese first', async (_case, data, field, message) => {
    const response = await as(chief).post('/disclosure/calendar/days', { data });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(response.body.error.details.errors[0].path).toEqual([field]);
  });

  test('a bad year or id is a 400', async () => {
    const year = await as(editor).get('/disclosure/calendar?year=26');
    expect(year.status).toBe(400);
    expect(year.body.error.message).toMatch(/^参数 year 须为/);
    expect((await as(chief).delete('/disclosure/calendar/days/abc')).status).toBe(400);
    expect((await as(chief).post('/disclosure/calendar/days', {})).status).toBe(400);
  });
});

describe('the conversion dictionary', () => {
  test('a phrase pair added, changed and removed takes effect at once', async () => {
    expect(await toTraditional('建立工作台账')).toBe('建立工作臺賬');
    const created = await as(keeper).post('/disclosure/conversion-terms', {
      data: { kind: 'phrase', simplified: '台账', traditional: '台帳', note: '本单位用字' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({
      id: expect.any(Number),
      kind: 'phrase',
      simplified: '台账',
      traditional: '台帳',
      note: '本单位用字',
    });
    expect(await toTraditional('建立工作台账')).toBe('建立工作台帳');

    const id = created.body.data.id;
    const updated = await as(keeper).put(`/disclosure/conversion-terms/${id}`, {
      data: { traditional: '檯賬' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({
      id,
      kind: 'phrase',
      simplified: '台账',
      traditional: '檯賬',
    });
    expect(await toTraditional('建立工作台账')).toBe('建立工作檯賬');

    expect((await as(editor).get('/disclosure/conversion-terms')).body.data).toEqual([
      updated.body.data,
    ]);

    expect((await as(keeper).delete(`/disclosure/conversion-terms/${id}`)).status).toBe(200);
    expect(await toTraditional('建立工作台账')).toBe('建立工作臺賬');
    expect(
      (await as(keeper).put(`/disclosure/conversion-terms/${id}`, { data: { note: 'x' } })).status
    ).toBe(404);
  });

  test('a protected term is kept as written, and has no traditional form', async () => {
    const created = await as(chief).post('/disclosure/conversion-terms', {
      data: { kind: 'protected', simplified: '宛松', traditional: '宛鬆' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      kind: 'protected',
      simplified: '宛松',
      traditional: null,
    });
    expect(await toTraditional('联系人宛松')).toBe('聯繫人宛松');
  });

  test.each([
    [
      'a phrase without its traditional form',
      { kind: 'phrase', simplified: '批复' },
      'traditional',
      /^词组对照须填写繁体 traditional/,
    ],
    [
      'an unknown kind',
      { kind: 'word', simplified: '批复', traditional: '批復' },
      'kind',
      /^类型 kind 只能取 phrase（词组对照）或 protected（保护词）/,
    ],
    [
      'a blank simplified text',
      { kind: 'phrase', simplified: '  ', traditional: '批復' },
      'simplified',
      /^简体 simplified 必填，最多 50 字/,
    ],
    [
      'a simplified text over 50 characters',
      { kind: 'phrase', simplified: '批'.repeat(51), traditional: '批復' },
      'simplified',
      /^简体 simplified 须为文字，最多 50 字/,
    ],
    [
      'a note over 200 characters',
      { kind: 'phrase', simplified: '批复', traditional: '批復', note: '注'.repeat(201) },
      'note',
      /^备注 note 须为文字，最多 200 字/,
    ],
    [
      'a term already in the dictionary',
      { kind: 'protected', simplified: '宛松' },
      'simplified',
      /^“宛松”已在简繁转换词典中/,
    ],
  ])('%s is a 400 naming the field, stating the limit', async (_case, data, field, message) => {
    const response = await as(chief).post('/disclosure/conversion-terms', { data });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(response.body.error.details.errors[0].path).toEqual([field]);
  });

  test('turning a protected term into a phrase needs its traditional form', async () => {
    const [term] = (await as(chief).get('/disclosure/conversion-terms')).body.data;
    const response = await as(chief).put(`/disclosure/conversion-terms/${term.id}`, {
      data: { kind: 'phrase' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['traditional']);
  });
});

test('the deadline rules are listed as configured', async () => {
  const response = await as(editor).get('/disclosure/deadline-rules');
  expect(response.status).toBe(200);
  const rules = response.body.data;
  expect(rules.map((rule: any) => rule.id)).toEqual(
    expect.arrayContaining(['document-same-day', 'result-7-working-days'])
  );
  expect(rules.find((rule: any) => rule.id === 'document-same-day')).toEqual({
    id: 'document-same-day',
    label: '政府及部门印发的主动公开文件印发当日公开',
    contentType: 'api::policy-document.policy-document',
    length: { unit: 'same-day' },
    urgentLength: null,
    byOrganization: null,
    source: 'Zhanjiang 2015 §1(二)2',
    startField: 'issueDate',
    metBy: 'published',
    filter: { disclosureAttribute: 'proactive', category: { $ne: 'result' } },
  });
  expect(rules.find((rule: any) => rule.id === 'result-7-working-days').length).toEqual({
    unit: 'working-days',
    amount: 7,
  });
});

test('an admin without the settings permission reads but cannot write', async () => {
  for (const path of [
    '/disclosure/calendar',
    '/disclosure/conversion-terms',
    '/disclosure/deadline-rules',
  ]) {
    expect((await as(editor).get(path)).status).toBe(200);
  }
  const writes = [
    await as(editor).post('/disclosure/calendar/days', {
      data: { date: '2026-04-01', kind: 'holiday' },
    }),
    await as(editor).delete('/disclosure/calendar/days/1'),
    await as(editor).post('/disclosure/conversion-terms', {
      data: { kind: 'protected', simplified: '张三' },
    }),
    await as(editor).put('/disclosure/conversion-terms/1', { data: { note: '改' } }),
    await as(editor).delete('/disclosure/conversion-terms/1'),
  ];
  expect(writes.map((response) => response.status)).toEqual([403, 403, 403, 403, 403]);
  expect(
    await app.strapi.db
      .query('plugin::disclosure.calendar-day')
      .count({ where: { date: '2026-04-01' } })
  ).toBe(0);
  expect((await app.http().get('/disclosure/calendar')).status).toBe(401);
});
