import schedule from 'chinese-days/dist/chinese-days.json';
import {
  DEFAULT_DEADLINE_RULES,
  assess,
  computeDue,
  latenessUnitOf,
  matchesFilter,
  validateDeadlineRules,
  periodRecordKey,
  isPeriodRecordKey,
} from '../../src/plugins/disclosure/server/src/deadlines/rules/deadlines';
import { WorkingCalendar } from '../../src/plugins/disclosure/server/src/calendar/rules/working-calendar';

const calendar = new WorkingCalendar({
  holidays: Object.keys(schedule.holidays),
  workdays: Object.keys(schedule.workdays),
});
const at = (iso: string) => new Date(iso);

describe('computing deadlines', () => {
  test('same day ends at midnight Beijing time', () => {
    const due = computeDue({ unit: 'same-day' }, '2026-03-10', calendar);
    expect(due.dueAt.toISOString()).toBe('2026-03-10T16:00:00.000Z');
    expect(due.dueDate).toBe('2026-03-10');
    expect(due.startAt.toISOString()).toBe('2026-03-09T16:00:00.000Z');
  });

  test('issued 2026-03-10, published 2026-03-11 00:10 CST: late by one working day', () => {
    const length = { unit: 'same-day' } as const;
    const due = computeDue(length, '2026-03-10', calendar);
    expect(
      assess(
        due,
        latenessUnitOf(length),
        at('2026-03-10T16:10:00Z'),
        at('2026-03-12T00:00:00Z'),
        calendar
      )
    ).toEqual({
      status: 'late',
      atRisk: false,
      lateness: 1,
      latenessUnit: 'working-days',
    });
    expect(
      assess(
        due,
        latenessUnitOf(length),
        at('2026-03-10T15:59:00Z'),
        at('2026-03-12T00:00:00Z'),
        calendar
      ).status
    ).toBe('met');
  });

  test('7 working days across National Day 2026', () => {
    // Decided Tuesday 29 September 2026: 30 Sep, then 1–7 Oct off, 8, 9, 10 (Saturday 调休), 12, 13, 14.
    const due = computeDue({ unit: 'working-days', amount: 7 }, '2026-09-29', calendar);
    expect(due.dueDate).toBe('2026-10-14');
    expect(due.calendarComplete).toBe(true);
  });

  test('a start time counts from its Beijing day', () => {
    // Held at 2026-03-13 17:00 UTC = Saturday 14 March 01:00 in Beijing; 5 working days → Friday 20 March.
    const due = computeDue(
      { unit: 'working-days', amount: 5 },
      '2026-03-13T17:00:00.000Z',
      calendar
    );
    expect(due.dueDate).toBe('2026-03-20');
  });

  test('months clamp to the end of a shorter month; hours run from the instant', () => {
    expect(computeDue({ unit: 'months', amount: 1 }, '2026-01-31', calendar).dueDate).toBe(
      '2026-02-28'
    );
    expect(computeDue({ unit: 'calendar-days', amount: 30 }, '2026-09-01', calendar).dueDate).toBe(
      '2026-10-01'
    );
    const hours = computeDue({ unit: 'hours', amount: 48 }, '2026-03-10T02:30:00.000Z', calendar);
    expect(hours.dueAt.toISOString()).toBe('2026-03-12T02:30:00.000Z');
    expect(
      assess(hours, 'hours', at('2026-03-12T05:01:00Z'), at('2026-03-13T00:00:00Z'), calendar)
    ).toMatchObject({
      status: 'late',
      lateness: 3,
      latenessUnit: 'hours',
    });
  });

  test('a deadline in a year with no schedule is flagged', () => {
    const due = computeDue({ unit: 'working-days', amount: 5 }, '2026-12-29', calendar);
    expect(due).toMatchObject({ calendarComplete: false, missingYears: [2027] });
  });
});

describe('status', () => {
  const length = { unit: 'working-days', amount: 5 } as const;
  const due = computeDue(length, '2026-03-09', calendar); // due end of Monday 16 March

  test('pending, at risk in the last 24 hours, overdue after', () => {
    expect(
      assess(due, latenessUnitOf(length), null, at('2026-03-12T00:00:00Z'), calendar)
    ).toMatchObject({ status: 'pending', atRisk: false });
    expect(
      assess(due, latenessUnitOf(length), null, at('2026-03-16T01:00:00Z'), calendar)
    ).toMatchObject({ status: 'pending', atRisk: true });
    expect(
      assess(due, latenessUnitOf(length), null, at('2026-03-18T01:00:00Z'), calendar)
    ).toMatchObject({ status: 'overdue', lateness: 2 });
  });
});

describe('rules as data', () => {
  test('the defaults are valid and cite their sources', () => {
    expect(validateDeadlineRules(DEFAULT_DEADLINE_RULES)).toEqual([]);
    for (const rule of DEFAULT_DEADLINE_RULES) expect(rule.source).toMatch(/\d{4}/);
  });

  test('a bad rule is described precisely', () => {
    expect(
      validateDeadlineRules([
        { ...DEFAULT_DEADLINE_RULES[0], length: { unit: 'fortnight' } },
        { ...DEFAULT_DEADLINE_RULES[0], length: { unit: 'working-days', amount: 0 } },
        {
          ...DEFAULT_DEADLINE_RULES[1],
          id: 'document-same-day',
          filter: { category: { $like: 'x' } },
        },
      ])
    ).toEqual([
      'deadlineRules[0] (document-same-day): length.unit must be one of same-day, working-days, calendar-days, months, hours',
      'deadlineRules[1] (document-same-day): id is used twice',
      'deadlineRules[1] (document-same-day): length.amount must be a whole number from 1 to 366',
      'deadlineRules[2] (document-same-day): id is used twice',
      'deadlineRules[2] (document-same-day): filter.category uses unknown operator $like',
    ]);
    expect(validateDeadlineRules('all of them')).toEqual(['deadlineRules must be a list of rules']);
  });

  test('a period rule: its fields named, an organization to owe it; its records keyed by period', () => {
    const annual = DEFAULT_DEADLINE_RULES.find((rule) => rule.id === 'annual-report')!;
    expect(annual).toMatchObject({ metBy: 'published', length: { unit: 'same-day' } });
    expect(
      validateDeadlineRules([
        { ...annual, period: { halfField: 'half' } },
        { ...annual, id: 'other', organizationField: undefined },
      ])
    ).toEqual([
      'deadlineRules[0] (annual-report): period must be { yearField, halfField? }, field names',
      'deadlineRules[1] (other): a period rule needs its organizationField',
    ]);
    expect(periodRecordKey('abc123', 2025)).toBe('abc123:2025');
    expect(periodRecordKey('abc123', 2025, 2)).toBe('abc123:2025:H2');
    expect(isPeriodRecordKey('abc123:2025:H2')).toBe(true);
    expect(isPeriodRecordKey('abc123')).toBe(false);
    // The annual rule tracks the annual report only; the halves their own rule.
    const half = DEFAULT_DEADLINE_RULES.find((rule) => rule.id === 'half-year-statistics')!;
    expect(matchesFilter({ half: null }, annual.filter)).toBe(true);
    expect(matchesFilter({ half: 1 }, annual.filter)).toBe(false);
    expect(matchesFilter({ half: 2 }, half.filter)).toBe(true);
    expect(matchesFilter({ half: null }, half.filter)).toBe(false);
  });

  test('filters', () => {
    const filter = { disclosureAttribute: 'proactive', category: { $ne: 'result' } };
    expect(matchesFilter({ disclosureAttribute: 'proactive', category: 'decision' }, filter)).toBe(
      true
    );
    expect(matchesFilter({ disclosureAttribute: 'proactive', category: 'result' }, filter)).toBe(
      false
    );
    expect(matchesFilter({ disclosureAttribute: 'on-request', category: 'decision' }, filter)).toBe(
      false
    );
    expect(matchesFilter({ kind: 'briefing' }, { kind: { $in: ['briefing', 'interview'] } })).toBe(
      true
    );
  });
});
