import schedule from 'chinese-days/dist/chinese-days.json';
import {
  WorkingCalendar,
  withinYears,
} from '../../src/plugins/disclosure/server/src/calendar/rules/working-calendar';

const builtIn = {
  holidays: Object.keys(schedule.holidays),
  workdays: Object.keys(schedule.workdays),
};
const calendar = new WorkingCalendar(builtIn);

describe('working days on the State Council schedule', () => {
  test('Spring Festival 2025: the make-up Sunday before it works, the holiday week does not', () => {
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true); // Sunday, 调休
    expect(calendar.isWorkingDay('2025-01-29')).toBe(false); // Wednesday, 春节
    expect(calendar.addWorkingDays('2025-01-24', 1)).toEqual({
      date: '2025-01-26',
      calendarComplete: true,
      missingYears: [],
    });
    expect(calendar.addWorkingDays('2025-01-27', 1).date).toBe('2025-02-05');
    expect(calendar.workingDaysBetween('2025-01-24', '2025-02-08').days).toBe(6); // 26, 27, 5, 6, 7, 8 (Sat 调休)
  });

  test('National Day 2025: eight days off, then the make-up Saturday', () => {
    expect(calendar.addWorkingDays('2025-09-30', 1).date).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2025-09-30', 3).date).toBe('2025-10-11'); // Saturday 调休
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // Sunday 调休
  });

  test('the start day never counts; zero days means the start day if it is a working day', () => {
    expect(calendar.addWorkingDays('2026-03-06', 1).date).toBe('2026-03-09'); // Friday → Monday
    expect(calendar.addWorkingDays('2026-03-09', 0).date).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2025-10-01', 0).date).toBe('2025-10-09');
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-09').days).toBe(0);
  });

  test('20 working days for a disclosure request across National Day 2025', () => {
    // Received Friday 26 September 2025: 28 Sep (调休) counts, 1–8 Oct do not.
    expect(calendar.addWorkingDays('2025-09-26', 20).date).toBe('2025-10-30');
  });

  test('between runs backwards as a negative count', () => {
    expect(calendar.workingDaysBetween('2026-03-13', '2026-03-09').days).toBe(-4);
  });

  test('a year without a schedule is flagged, never guessed silently', () => {
    expect(calendar.hasSchedule(2026)).toBe(true);
    expect(calendar.hasSchedule(2027)).toBe(false);
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({
      date: '2027-01-01',
      calendarComplete: false,
      missingYears: [2027],
    });
    expect(calendar.workingDaysBetween('2026-12-01', '2027-01-10')).toMatchObject({
      calendarComplete: false,
      missingYears: [2027],
    });
  });

  test("the office's own entries win, and entering a year's holidays completes it", () => {
    const withOffice = new WorkingCalendar(builtIn, [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2025-10-09', kind: 'holiday', name: '地方假日' },
      { date: '2026-03-07', kind: 'working', name: '调休上班' },
    ]);
    expect(withOffice.addWorkingDays('2026-12-31', 1)).toEqual({
      date: '2027-01-04',
      calendarComplete: true,
      missingYears: [],
    });
    expect(withOffice.addWorkingDays('2025-09-30', 1).date).toBe('2025-10-10');
    expect(withOffice.addWorkingDays('2026-03-06', 1).date).toBe('2026-03-07');
  });

  test('weekends before 1970 are weekends too', () => {
    // Saturday 27 and Sunday 28 December 1969; Monday 29 December.
    expect(calendar.isWorkingDay('1969-12-27')).toBe(false);
    expect(calendar.isWorkingDay('1969-12-28')).toBe(false);
    expect(calendar.isWorkingDay('1969-12-29')).toBe(true);
    expect(calendar.workingDaysBetween('1969-12-19', '1969-12-26').days).toBe(5);
  });

  test('bad arguments name the parameter', () => {
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(
      expect.objectContaining({ parameter: 'from' })
    );
    expect(() => calendar.addWorkingDays('2026-02-01', 367)).toThrow(
      expect.objectContaining({ parameter: 'days' })
    );
    expect(() => calendar.addWorkingDays('9999-12-30', 5)).toThrow(
      expect.objectContaining({
        parameter: 'days',
        message:
          'from 之后第 5 个工作日（days）将晚于 9999-12-31 (working day 5 after from would fall after 9999-12-31)',
      })
    );
    expect(() => calendar.workingDaysBetween('2026-02-01', 'soon')).toThrow(
      expect.objectContaining({ parameter: 'to' })
    );
  });
});

describe('withinYears', () => {
  test.each([
    ['2026-05-11', '2046-05-11', true],
    ['2046-05-11', '2026-05-11', true],
    ['2026-05-11', '2046-05-12', false],
    ['2026-12-31', '2046-12-30', true],
    ['2026-12-31', '2047-01-01', false],
    ['2024-02-29', '2044-02-29', true],
    ['2026-01-31', '2046-02-01', false],
    ['0001-01-01', '9999-12-31', false],
  ])('%s and %s are within 20 years: %s', (a, b, expected) => {
    expect(withinYears(a, b, 20)).toBe(expected);
  });
});
