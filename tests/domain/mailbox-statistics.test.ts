import {
  addFigures,
  emptyFigures,
  monthDays,
  replyDueAt,
  replyTimeliness,
  tally,
} from '../../src/plugins/disclosure/server/src/mailbox/rules/statistics';
import {
  computeDue,
  type Calendar,
} from '../../src/plugins/disclosure/server/src/deadlines/rules/deadlines';

/** 意见箱 monthly statistics: the month's Beijing days, on time by the deadline engine's own due instant. */
describe('monthDays', () => {
  test('the first and last Beijing days of a month, leap years and December included', () => {
    expect(monthDays('2026-03')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(monthDays('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
  test('refuses what is not a month', () => {
    expect(() => monthDays('2026-13')).toThrow(RangeError);
    expect(() => monthDays('2026-3')).toThrow(RangeError);
    // Years 1949 to 2999: the month after the last is still a date.
    expect(() => monthDays('9999-12')).toThrow(RangeError);
    expect(() => monthDays('1948-12')).toThrow(RangeError);
    expect(monthDays('2999-12')).toEqual({ from: '2999-12-01', to: '2999-12-31' });
    expect(monthDays('1949-10')).toEqual({ from: '1949-10-01', to: '1949-10-31' });
  });
});

describe('replyTimeliness', () => {
  test('the due instant is the deadline engine’s: the end of the due day, Beijing time', () => {
    // Any calendar: a calendar-day rule needs none of it.
    const calendar = {} as Calendar;
    const due = computeDue({ unit: 'calendar-days', amount: 0 }, '2026-03-23', calendar);
    expect(replyDueAt('2026-03-23')).toEqual(due.dueAt);
    expect(replyDueAt('2026-03-23').toISOString()).toBe('2026-03-23T16:00:00.000Z');
  });
  test('sent by midnight Beijing time of the due day is on time; a minute after is late', () => {
    expect(replyTimeliness('sent', '2026-03-23', '2026-03-23T15:59:59.000Z')).toBe('on-time');
    expect(replyTimeliness('sent', '2026-03-23', '2026-03-23T16:00:00.000Z')).toBe('on-time');
    expect(replyTimeliness('sent', '2026-03-23', new Date('2026-03-23T16:01:00Z'))).toBe('late');
  });
  test('routed owes no reply here; anything else not sent is open', () => {
    expect(replyTimeliness('routed', null, null)).toBe('routed');
    for (const status of ['received', 'accepted', 'assigned', 'drafted', 'approved'] as const)
      expect(replyTimeliness(status, '2026-03-23', null)).toBe('open');
    expect(replyTimeliness('sent', null, '2026-05-01T00:00:00Z')).toBe('on-time');
  });
});

describe('tally', () => {
  test('counts received, by kind, on time and late, open and overdue, and satisfaction', () => {
    const figures = emptyFigures();
    const today = '2026-04-10';
    tally(
      figures,
      {
        kind: 'help',
        status: 'sent',
        replyDueOn: '2026-03-23',
        rating: 'satisfied',
        count: 3,
        late: 1,
      },
      today
    );
    tally(
      figures,
      {
        kind: 'help',
        status: 'sent',
        replyDueOn: '2026-03-24',
        rating: 'dissatisfied',
        count: 1,
        late: 0,
      },
      today
    );
    tally(
      figures,
      {
        kind: 'question',
        status: 'sent',
        replyDueOn: '2026-03-24',
        rating: null,
        count: 2,
        late: 2,
      },
      today
    );
    tally(
      figures,
      { kind: 'complaint', status: 'routed', replyDueOn: null, rating: null, count: 1, late: 0 },
      today
    );
    tally(
      figures,
      {
        kind: 'suggestion',
        status: 'drafted',
        replyDueOn: '2026-04-09',
        rating: null,
        count: 2,
        late: 0,
      },
      today
    );
    tally(
      figures,
      {
        kind: 'suggestion',
        status: 'received',
        replyDueOn: '2026-04-10',
        rating: null,
        count: 1,
        late: 0,
      },
      today
    );
    expect(figures).toEqual({
      received: 10,
      byKind: { suggestion: 3, question: 2, help: 4, complaint: 1 },
      routed: 1,
      repliedOnTime: 3,
      repliedLate: 3,
      open: 3,
      openOverdue: 2,
      satisfaction: { satisfied: 3, rated: 4, notRated: 2 },
    });
    const total = addFigures(addFigures(emptyFigures(), figures), figures);
    expect(total.received).toBe(20);
    expect(total.byKind.help).toBe(8);
    expect(total.satisfaction).toEqual({ satisfied: 6, rated: 8, notRated: 4 });
    expect(total.openOverdue).toBe(4);
  });
});
