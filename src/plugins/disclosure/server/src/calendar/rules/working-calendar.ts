/**
 * Working days on the State Council's holiday schedule: Monday–Friday, minus statutory holidays, plus
 * declared make-up working days (调休). A year whose schedule is not loaded is never guessed: every
 * answer that touches it says so (`calendarComplete: false`, `missingYears`).
 *
 * Periods follow the law's computation: the start day never counts, so the 1st working day "after"
 * Friday is Monday.
 */
import { DAY_MS, isIsoDate } from './beijing-time';

export type DayKind = 'working' | 'holiday';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name?: string | null;
}

export interface HolidaySchedule {
  /** Statutory holidays, including the weekend days that fall inside a holiday period */
  holidays: Iterable<string>;
  /** Weekend days declared working days (调休) */
  workdays: Iterable<string>;
}

export interface CalendarAnswer {
  calendarComplete: boolean;
  /** Years the answer depends on whose schedule is not loaded */
  missingYears: number[];
}

export const MAX_WORKING_DAYS = 366;
/**
 * The widest range a public count spans: every year in it is looked up, and one missing schedule per
 * year is listed, so thousands of years would be thousands of entries (and a long count) per request.
 */
export const MAX_RANGE_YEARS = 20;
/** The last day a YYYY-MM-DD date can name. */
export const LAST_DATE = '9999-12-31';

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
// 1970-01-01 (day 0) was a Thursday; days before it are negative, and % keeps their sign.
const isWeekend = (day: number): boolean => {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
};

/** Whether two calendar dates (YYYY-MM-DD) lie at most `years` years apart, e.g. 2026-05-11 and 2046-05-11 for 20. */
export function withinYears(a: string, b: string, years: number): boolean {
  // As YYYYMMDD numbers, adding `years` years is adding years × 10000, whatever the month lengths.
  const key = (date: string) => Number(date.replace(/-/g, ''));
  return Math.abs(key(a) - key(b)) <= years * 10_000;
}

export class WorkingCalendar {
  private readonly kinds = new Map<number, DayKind>();
  private readonly scheduledYears = new Set<number>();

  /**
   * Built-in schedules first, then the office's own entries, which win. A year counts as scheduled when
   * the built-in data covers it or the office has entered at least one holiday in it (every State
   * Council schedule has holidays).
   */
  constructor(builtIn: HolidaySchedule, overrides: Iterable<CalendarDay> = []) {
    for (const date of builtIn.holidays) this.set(date, 'holiday');
    for (const date of builtIn.workdays) this.set(date, 'working');
    for (const date of builtIn.holidays) this.scheduledYears.add(Number(date.slice(0, 4)));
    for (const { date, kind } of overrides) {
      this.set(date, kind);
      if (kind === 'holiday') this.scheduledYears.add(Number(date.slice(0, 4)));
    }
  }

  private set(date: string, kind: DayKind) {
    this.kinds.set(dayNumber(date), kind);
  }

  hasSchedule(year: number): boolean {
    return this.scheduledYears.has(year);
  }

  get years(): number[] {
    return [...this.scheduledYears].sort((a, b) => a - b);
  }

  private isWorking(day: number): boolean {
    const kind = this.kinds.get(day);
    return kind ? kind === 'working' : !isWeekend(day);
  }

  isWorkingDay(date: string): boolean {
    assertDate(date, 'date');
    return this.isWorking(dayNumber(date));
  }

  private answer(firstDay: number, lastDay: number): CalendarAnswer {
    const missingYears: number[] = [];
    for (
      let year = yearOf(Math.min(firstDay, lastDay));
      year <= yearOf(Math.max(firstDay, lastDay));
      year += 1
    ) {
      if (!this.hasSchedule(year)) missingYears.push(year);
    }
    return { calendarComplete: missingYears.length === 0, missingYears };
  }

  /** The `days`-th working day after `from`; with 0, `from` itself if it is a working day, else the next. */
  addWorkingDays(from: string, days: number): CalendarAnswer & { date: string } {
    assertDate(from, 'from');
    if (!Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS) {
      throw new CalendarArgumentError(
        'days',
        `days must be a whole number from 0 to ${MAX_WORKING_DAYS}`
      );
    }
    const start = dayNumber(from);
    let day = start;
    if (days === 0) {
      while (!this.isWorking(day)) day += 1;
    } else {
      for (let counted = 0; counted < days;) {
        day += 1;
        if (this.isWorking(day)) counted += 1;
      }
    }
    if (day > dayNumber(LAST_DATE)) {
      throw new CalendarArgumentError(
        'days',
        `from 之后第 ${days} 个工作日（days）将晚于 ${LAST_DATE} (working day ${days} after from would fall after ${LAST_DATE})`
      );
    }
    return { date: dateOf(day), ...this.answer(start, day) };
  }

  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): CalendarAnswer & { days: number } {
    assertDate(from, 'from');
    assertDate(to, 'to');
    const start = dayNumber(from);
    const end = dayNumber(to);
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let days = 0;
    for (let day = low + 1; day <= high; day += 1) if (this.isWorking(day)) days += 1;
    return { days: sign * days, ...this.answer(start, end) };
  }
}

/** A bad argument, named so an HTTP layer can say which parameter was wrong. */
export class CalendarArgumentError extends RangeError {
  constructor(
    readonly parameter: string,
    message: string
  ) {
    super(message);
  }
}

function assertDate(value: string, parameter: string): void {
  if (!isIsoDate(value))
    throw new CalendarArgumentError(parameter, `${parameter} must be a calendar date YYYY-MM-DD`);
}
