import schedule from 'chinese-days/dist/chinese-days.json';
import { WorkingCalendar } from '../../src/plugins/disclosure/server/src/calendar/rules/working-calendar';
import {
  DEFAULT_DEADLINE_RULES,
  computeDue,
  lengthFor,
  matchesFilter,
  validateDeadlineRules,
} from '../../src/plugins/disclosure/server/src/deadlines/rules/deadlines';

const calendar = new WorkingCalendar({
  holidays: Object.keys(schedule.holidays),
  workdays: Object.keys(schedule.workdays),
});
const rule = (id: string) => DEFAULT_DEADLINE_RULES.find((candidate) => candidate.id === id)!;

describe("the mailbox's time limits", () => {
  test('accepted or routed within 2 working days, replied within 15, on the holiday calendar', () => {
    const acceptance = rule('message-acceptance');
    const reply = rule('message-reply');
    expect(acceptance).toMatchObject({ startField: 'receivedOn', metBy: 'decidedAt' });
    expect(reply).toMatchObject({ startField: 'receivedOn', metBy: 'sentAt' });
    // Monday 2 March 2026: Wednesday; 15 working days: 23 March.
    expect(computeDue(lengthFor(acceptance, '371300000'), '2026-03-02', calendar).dueDate).toBe(
      '2026-03-04'
    );
    expect(computeDue(lengthFor(reply, '371300000'), '2026-03-02', calendar).dueDate).toBe(
      '2026-03-23'
    );
    // Thursday 30 April 2026, before the May Day holiday: 7 May and 25 May.
    expect(computeDue(lengthFor(acceptance, null), '2026-04-30', calendar).dueDate).toBe(
      '2026-05-07'
    );
    expect(computeDue(lengthFor(reply, null), '2026-04-30', calendar).dueDate).toBe('2026-05-25');
  });

  test('a message routed elsewhere owes no reply here', () => {
    expect(matchesFilter({ status: 'routed' }, rule('message-reply').filter)).toBe(false);
    expect(matchesFilter({ status: 'assigned' }, rule('message-reply').filter)).toBe(true);
    expect(matchesFilter({ status: 'routed' }, rule('message-acceptance').filter)).toBe(true);
  });

  test("an office's own limits, by organization code, instead of the rule's", () => {
    const own = {
      ...rule('message-acceptance'),
      byOrganization: { '371300000': { unit: 'working-days' as const, amount: 5 } },
    };
    expect(lengthFor(own, '371300000')).toEqual({ unit: 'working-days', amount: 5 });
    expect(lengthFor(own, '371100000')).toEqual({ unit: 'working-days', amount: 2 });
    expect(computeDue(lengthFor(own, '371300000'), '2026-03-02', calendar).dueDate).toBe(
      '2026-03-09'
    );
    expect(validateDeadlineRules([own])).toEqual([]);
    expect(
      validateDeadlineRules([
        { ...own, byOrganization: { '371300000': { unit: 'working-days', amount: 0 } } },
      ])
    ).toEqual([
      'deadlineRules[0] (message-acceptance): byOrganization.371300000.amount must be a whole number from 1 to 366',
    ]);
    expect(validateDeadlineRules([{ ...own, byOrganization: [] }])).toEqual([
      'deadlineRules[0] (message-acceptance): byOrganization must be an object of organization codes to lengths',
    ]);
  });
});
