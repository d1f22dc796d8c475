import { startApp, type TestApp } from '../harness/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const add = (query: Record<string, string>) =>
  app.http().get('/api/disclosure/working-days/add').query(query);
const between = (query: Record<string, string>) =>
  app.http().get('/api/disclosure/working-days/between').query(query);

describe('GET /api/disclosure/working-days/add', () => {
  test('the N-th working day after from, across Spring Festival 2026 and its make-up Saturday', async () => {
    // 2026: 春节 15–23 February, make-up working days Saturday 14 and Saturday 28 February.
    const res = await add({ from: '2026-02-13', days: '1' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { date: '2026-02-14', calendarComplete: true } });
    expect((await add({ from: '2026-02-14', days: '1' })).body.data.date).toBe('2026-02-24');
    expect((await add({ from: '2026-02-27', days: '1' })).body.data.date).toBe('2026-02-28');
    expect(res.headers['cache-control']).toMatch(/public/);
  });

  test('N=0 is the start day when it works, else the next working day', async () => {
    expect((await add({ from: '2026-10-01', days: '0' })).body.data.date).toBe('2026-10-08');
    expect((await add({ from: '2026-10-08', days: '0' })).body.data.date).toBe('2026-10-08');
  });

  test('a year with no schedule is flagged and named', async () => {
    const res = await add({ from: '2026-12-30', days: '5' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      date: '2027-01-06',
      calendarComplete: false,
      missingYears: [2027],
    });
  });

  test.each([
    [{ from: '2026-02-30', days: '1' }, 'from'],
    [{ days: '1' }, 'from'],
    [{ from: '2026-02-01', days: '367' }, 'days'],
    [{ from: '2026-02-01', days: '-1' }, 'days'],
    [{ from: '2026-02-01', days: '1.5' }, 'days'],
    [{ from: '2026-02-01' }, 'days'],
    [{ from: '9999-12-30', days: '5' }, 'days'],
  ])('bad input %o answers 400 naming %s', async (query, parameter) => {
    const res = await add(query as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual([parameter]);
    expect(res.body.error.message).toContain(parameter);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('GET /api/disclosure/working-days/between', () => {
  test('counts working days after from up to and including to', async () => {
    const res = await between({ from: '2026-09-30', to: '2026-10-10' });
    expect(res.status).toBe(200);
    // 2026: 国庆/中秋 1–7 October (and 25 September), make-up Saturday 10 October.
    expect(res.body).toEqual({ data: { days: 3, calendarComplete: true } });
  });

  test('a range of up to 20 years is counted, each year without a schedule named', async () => {
    const res = await between({ from: '2026-01-01', to: '2046-01-01' });
    expect(res.status).toBe(200);
    expect(res.body.data.calendarComplete).toBe(false);
    const unscheduled = Array.from({ length: 2046 - 2027 + 1 }, (_, index) => 2027 + index);
    expect(res.body.data.missingYears).toEqual(unscheduled);
  });

  test.each([
    [{ from: '0001-01-01', to: '9999-12-31' }],
    [{ from: '2026-01-01', to: '2046-01-02' }],
    [{ from: '2046-01-02', to: '2026-01-01' }],
  ])('a range over 20 years %o answers 400 naming the limit', async (query) => {
    const res = await between(query);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['to']);
    expect(res.body.error.message).toBe(
      'from 与 to 相隔不得超过 20 年 (from and to must be at most 20 years apart)'
    );
  });

  test('a bad to answers 400 naming it', async () => {
    const res = await between({ from: '2026-09-30', to: 'tomorrow' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['to']);
  });
});

describe('the office calendar', () => {
  test('an entry made in the admin wins at once, and entering next year completes it', async () => {
    const days = app.strapi.documents('plugin::disclosure.calendar-day' as any);
    await days.create({ data: { date: '2026-10-08', kind: 'holiday', name: '地方假日' } as any });
    expect((await add({ from: '2026-10-08', days: '0' })).body.data.date).toBe('2026-10-09');

    await days.create({ data: { date: '2027-01-01', kind: 'holiday', name: '元旦' } as any });
    const res = await add({ from: '2026-12-30', days: '5' });
    expect(res.body.data).toEqual({ date: '2027-01-07', calendarComplete: true });
  });

  test('a date can be entered once', async () => {
    const days = app.strapi.documents('plugin::disclosure.calendar-day' as any);
    await expect(
      days.create({ data: { date: '2027-01-01', kind: 'working' } as any })
    ).rejects.toThrow(/unique/);
  });
});
