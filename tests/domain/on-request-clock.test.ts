import schedule from 'chinese-days/dist/chinese-days.json';
import { WorkingCalendar } from '../../src/plugins/disclosure/server/src/calendar/rules/working-calendar';
import {
  type CaseClockInput,
  computeClocks,
  computeClocksWithCalendar,
  consultationLapsed,
  urgencyOf,
} from '../../src/plugins/disclosure/server/src/on-request/rules/clock';
import { OnRequestRuleError } from '../../src/plugins/disclosure/server/src/on-request/rules/errors';

// The real State Council schedule (2026 loaded; 2027 not yet announced in the data).
const calendar = new WorkingCalendar({
  holidays: Object.keys(schedule.holidays),
  workdays: Object.keys(schedule.workdays),
});

const plain = (receivedOn: string | null, more: Partial<CaseClockInput> = {}): CaseClockInput => ({
  receivedOn,
  correction: null,
  pauses: [],
  extensionWorkingDays: 0,
  ...more,
});

describe('the reply clock', () => {
  test('received just before National Day 2026: the holiday does not count, the 调休 Saturday does', () => {
    // Tuesday 29 September: 30 Sep (1); 1–7 Oct off; 8, 9, Saturday 10 (调休), 12–16, 19–23,
    // 26–30 (19); Monday 2 November (20). Correction notice: 30 Sep, 8, 9, 10, 12, 13, 14 Oct.
    expect(computeClocks(plain('2026-09-29'), calendar, '2026-09-29')).toEqual({
      receivedOn: '2026-09-29',
      correctionNoticeDueOn: '2026-10-14',
      correctionDueOn: null,
      replyDueOn: '2026-11-02',
      consultationDueOn: null,
      paymentDueOn: null,
      pausedWorkingDays: 0,
      extendedWorkingDays: 0,
    });
  });

  test('no receipt yet: no clock runs', () => {
    const clocks = computeClocks(plain(null), calendar, '2026-09-29');
    expect(clocks.replyDueOn).toBeNull();
    expect(clocks.correctionNoticeDueOn).toBeNull();
  });

  test('an extension of 20 adds 20 working days', () => {
    // From 2 November: 3–6 (24), 9–13 (29), 16–20 (34), 23–27 (39), Monday 30 November (40).
    const clocks = computeClocks(
      plain('2026-09-29', { extensionWorkingDays: 20 }),
      calendar,
      '2026-10-20'
    );
    expect(clocks.replyDueOn).toBe('2026-11-30');
    expect(clocks.extendedWorkingDays).toBe(20);
  });

  test('an extension beyond 20 or not whole is refused', () => {
    for (const days of [21, -1, 1.5]) {
      expect(() =>
        computeClocks(plain('2026-09-29', { extensionWorkingDays: days }), calendar, '2026-10-01')
      ).toThrow(OnRequestRuleError);
    }
  });

  test('a year without a schedule is flagged', () => {
    const answer = computeClocksWithCalendar(plain('2026-12-15'), calendar, '2026-12-15');
    expect(answer.calendarComplete).toBe(false);
    expect(answer.missingYears).toEqual([2027]);
    expect(
      computeClocksWithCalendar(plain('2026-09-29'), calendar, '2026-09-29').calendarComplete
    ).toBe(true);
  });

  test('a malformed date is refused, naming the field', () => {
    expect(() => computeClocks(plain('2026-9-29'), calendar, '2026-09-29')).toThrow(
      expect.objectContaining({ field: 'receivedOn' })
    );
  });
});

describe('a correction restarts the clock', () => {
  // Received Monday 2 March 2026; notice sent Thursday 5 March, correct by Friday 20 March.
  const correction = { requestedOn: '2026-03-05', dueOn: '2026-03-20', receivedOn: null };

  test('while the correction is outstanding the reply clock has not started', () => {
    const clocks = computeClocks(plain('2026-03-02', { correction }), calendar, '2026-03-10');
    expect(clocks).toMatchObject({
      correctionNoticeDueOn: null,
      correctionDueOn: '2026-03-20',
      replyDueOn: null,
    });
  });

  test('20 working days from the corrected application, across Qingming', () => {
    // Corrected Monday 16 March: 17–20 (4), 23–27 (9), 30, 31 (11), 1–3 April (14); 4–6 April off;
    // 7–10 (18), 13 (19), Tuesday 14 April (20).
    const clocks = computeClocks(
      plain('2026-03-02', { correction: { ...correction, receivedOn: '2026-03-16' } }),
      calendar,
      '2026-03-16'
    );
    expect(clocks).toMatchObject({
      correctionNoticeDueOn: null,
      correctionDueOn: null,
      replyDueOn: '2026-04-14',
    });
  });
});

describe('consultation time does not count', () => {
  // Received Monday 1 June 2026; without pauses due Tuesday 30 June (19 June, 端午, is off).
  // Letter sent Wednesday 10 June; its 15th working day: 11, 12, 15–18, 22–26, 29, 30, 1, Thursday 2 July.
  const sentOn = '2026-06-10';

  test('without pauses', () => {
    expect(computeClocks(plain('2026-06-01'), calendar, '2026-06-02').replyDueOn).toBe(
      '2026-06-30'
    );
  });

  test('answered: the working days after sending up to the answer are excluded', () => {
    // Answered Wednesday 24 June: 11, 12, 15, 16, 17, 18, 22, 23, 24 = 9; due 30 June + 9 = 13 July.
    const clocks = computeClocks(
      plain('2026-06-01', { pauses: [{ kind: 'consultation', from: sentOn, to: '2026-06-24' }] }),
      calendar,
      '2026-06-25'
    );
    expect(clocks).toMatchObject({
      pausedWorkingDays: 9,
      replyDueOn: '2026-07-13',
      consultationDueOn: null,
    });
  });

  test('a same-day answer excludes nothing, a next-day answer one day', () => {
    const sameDay = computeClocks(
      plain('2026-06-01', { pauses: [{ kind: 'consultation', from: sentOn, to: sentOn }] }),
      calendar,
      '2026-06-11'
    );
    expect(sameDay).toMatchObject({ pausedWorkingDays: 0, replyDueOn: '2026-06-30' });
    const nextDay = computeClocks(
      plain('2026-06-01', { pauses: [{ kind: 'consultation', from: sentOn, to: '2026-06-11' }] }),
      calendar,
      '2026-06-11'
    );
    expect(nextDay).toMatchObject({ pausedWorkingDays: 1, replyDueOn: '2026-07-01' });
  });

  test('still open: counted up to today, with its 15th working day shown', () => {
    // Today Wednesday 17 June: 11, 12, 15, 16, 17 = 5; 30 June + 5 = 1, 2, 3, 6, Tuesday 7 July.
    const clocks = computeClocks(
      plain('2026-06-01', { pauses: [{ kind: 'consultation', from: sentOn, to: null }] }),
      calendar,
      '2026-06-17'
    );
    expect(clocks).toMatchObject({
      pausedWorkingDays: 5,
      replyDueOn: '2026-07-07',
      consultationDueOn: '2026-07-02',
    });
  });

  test('a consultation lapses after its 15th working day and stops excluding time', () => {
    expect(consultationLapsed(sentOn, '2026-07-02', calendar)).toBe(false);
    expect(consultationLapsed(sentOn, '2026-07-03', calendar)).toBe(true);
    // Still unanswered on 20 July: only 15 days excluded; 30 June + 15 = 1–3, 6–10, 13–17, 20,
    // Tuesday 21 July. An answer arriving late excludes no more.
    for (const to of [null, '2026-07-15']) {
      const clocks = computeClocks(
        plain('2026-06-01', { pauses: [{ kind: 'consultation', from: sentOn, to }] }),
        calendar,
        '2026-07-20'
      );
      expect(clocks).toMatchObject({ pausedWorkingDays: 15, replyDueOn: '2026-07-21' });
    }
  });
});

describe('a fee notice stops the clock until payment', () => {
  // Received Monday 2 March 2026: due Monday 30 March without pauses. Notice Wednesday 11 March.
  test('paid: notice to payment excluded', () => {
    // Paid Wednesday 18 March: 12, 13, 16, 17, 18 = 5; 30 March + 5 = 31, 1, 2, 3, (4–6 off), 7 April.
    const clocks = computeClocks(
      plain('2026-03-02', { pauses: [{ kind: 'fee', from: '2026-03-11', to: '2026-03-18' }] }),
      calendar,
      '2026-03-20'
    );
    expect(clocks).toMatchObject({
      pausedWorkingDays: 5,
      replyDueOn: '2026-04-07',
      paymentDueOn: null,
    });
  });

  test('unpaid: counted up to today, payment due 20 working days after the notice', () => {
    // Today Friday 13 March: 12, 13 = 2; due 1 April. Payment: 12, 13, 16–20, 23–27, 30, 31,
    // 1–3 April (17), 7, 8, Thursday 9 April (20).
    const clocks = computeClocks(
      plain('2026-03-02', { pauses: [{ kind: 'fee', from: '2026-03-11', to: null }] }),
      calendar,
      '2026-03-13'
    );
    expect(clocks).toMatchObject({
      pausedWorkingDays: 2,
      replyDueOn: '2026-04-01',
      paymentDueOn: '2026-04-09',
    });
    const given = computeClocks(
      plain('2026-03-02', {
        pauses: [{ kind: 'fee', from: '2026-03-11', to: null, dueOn: '2026-04-10' }],
      }),
      calendar,
      '2026-03-13'
    );
    expect(given.paymentDueOn).toBe('2026-04-10');
  });

  test('a consultation and a fee notice together: each working day excluded once', () => {
    // Consultation 11–18 March (12, 13, 16, 17, 18), fee 16–20 March (17–20): union 12, 13, 16–20 = 7.
    const clocks = computeClocks(
      plain('2026-03-02', {
        pauses: [
          { kind: 'fee', from: '2026-03-16', to: '2026-03-20' },
          { kind: 'consultation', from: '2026-03-11', to: '2026-03-18' },
        ],
      }),
      calendar,
      '2026-03-23'
    );
    expect(clocks.pausedWorkingDays).toBe(7);
  });
});

describe('urgency', () => {
  const clocks = computeClocks(plain('2026-09-29'), calendar, '2026-09-29'); // due Monday 2 November

  test('on track, due soon within 3 working days, overdue after the due day', () => {
    // From Tuesday 27 October: 28, 29, 30 Oct, 2 Nov = 4 working days left.
    expect(urgencyOf(clocks, 'assigned', '2026-10-27', calendar)).toBe('on-track');
    expect(urgencyOf(clocks, 'assigned', '2026-10-28', calendar)).toBe('due-soon');
    expect(urgencyOf(clocks, 'drafted', '2026-11-02', calendar)).toBe('due-soon');
    expect(urgencyOf(clocks, 'approved', '2026-11-03', calendar)).toBe('overdue');
  });

  test('a concluded case is concluded, whatever its dates', () => {
    for (const status of ['delivered', 'closed', 'archived'] as const) {
      expect(urgencyOf(clocks, status, '2027-06-01', calendar)).toBe('concluded');
    }
  });

  test('no reply clock running (awaiting a correction): on track', () => {
    const waiting = computeClocks(
      plain('2026-03-02', {
        correction: { requestedOn: '2026-03-05', dueOn: '2026-03-20', receivedOn: null },
      }),
      calendar,
      '2026-04-30'
    );
    expect(urgencyOf(waiting, 'correction-requested', '2026-04-30', calendar)).toBe('on-track');
  });
});
