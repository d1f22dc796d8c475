import {
  formatIndexNumber,
  nextIndexNumber,
  parseIndexNumber,
} from '../../src/plugins/disclosure/server/src/catalogue/rules/index-number';
import {
  addCalendarDays,
  beijingDate,
  beijingYear,
  calendarDaysBetween,
  isIsoDate,
  startOfBeijingDay,
} from '../../src/plugins/disclosure/server/src/calendar/rules/beijing-time';

describe('index numbers (索引号)', () => {
  test('format: organization code / year - five-digit sequence', () => {
    expect(formatIndexNumber({ organizationCode: '370000001', year: 2014, sequence: 8 })).toBe(
      '370000001/2014-00008'
    );
  });

  test('the first number of a year starts at 1, then follows the highest issued', () => {
    expect(nextIndexNumber('370000001', 2014, null)).toBe('370000001/2014-00001');
    expect(nextIndexNumber('370000001', 2014, '370000001/2014-00041')).toBe('370000001/2014-00042');
    expect(nextIndexNumber('370000001', 2014, '370000001/2014-99999')).toBe(
      '370000001/2014-100000'
    );
  });

  test('parses what it formats', () => {
    expect(parseIndexNumber('000014349/2013-00100')).toEqual({
      organizationCode: '000014349',
      year: 2013,
      sequence: 100,
    });
    expect(parseIndexNumber('not an index number')).toBeNull();
  });
});

describe('Beijing time', () => {
  test('the Beijing date is 8 hours ahead of UTC', () => {
    // 2026-03-10 16:10 UTC is 2026-03-11 00:10 in Beijing: a different day.
    expect(beijingDate(new Date('2026-03-10T16:10:00Z'))).toBe('2026-03-11');
    expect(beijingDate(new Date('2026-03-10T15:59:59Z'))).toBe('2026-03-10');
    expect(beijingYear(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
  });

  test('a Beijing day starts at 16:00 UTC the day before', () => {
    expect(startOfBeijingDay('2026-03-11').toISOString()).toBe('2026-03-10T16:00:00.000Z');
  });

  test('calendar arithmetic across month and leap-year ends', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-29', 30)).toBe('2024-03-30');
    expect(calendarDaysBetween('2024-09-01', '2024-10-01')).toBe(30);
    expect(calendarDaysBetween('2024-10-01', '2024-09-01')).toBe(-30);
  });

  test('only real calendar dates are dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-9')).toBe(false);
    expect(isIsoDate(20240229)).toBe(false);
  });
});
