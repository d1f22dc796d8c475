/**
 * The period a report covers, in Beijing calendar dates: a year (the annual report) or a half of it
 * (the half-year statistics, Zhanjiang 2015 §2(二)). Case conclusions are instants: a period's bounds
 * as instants are the start of its first Beijing day and the start of the day after its last.
 */
import { addCalendarDays, startOfBeijingDay } from '../../calendar/rules/beijing-time';

export type Half = 1 | 2;

export interface Period {
  /** First day, YYYY-MM-DD (Beijing) */
  from: string;
  /** Last day, YYYY-MM-DD (Beijing), inclusive */
  to: string;
}

export interface PeriodKey {
  year: number;
  half?: Half;
}

export function reportPeriod(year: number, half?: Half): Period {
  const y = String(year).padStart(4, '0');
  if (half === 1) return { from: `${y}-01-01`, to: `${y}-06-30` };
  if (half === 2) return { from: `${y}-07-01`, to: `${y}-12-31` };
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** The period before: last year for an annual report; the other half (of last year for the first). */
export function previousPeriodKey({ year, half }: PeriodKey): PeriodKey {
  if (half === 2) return { year, half: 1 };
  if (half === 1) return { year: year - 1, half: 2 };
  return { year: year - 1 };
}

/** The period as instants: [start, end), end the first instant after its last Beijing day. */
export function periodInstants(period: Period): { start: Date; end: Date } {
  return {
    start: startOfBeijingDay(period.from),
    end: startOfBeijingDay(addCalendarDays(period.to, 1)),
  };
}

/** Whether a Beijing date falls in the period (bounds included). */
export const inPeriod = (date: string | null | undefined, period: Period): boolean =>
  !!date && date >= period.from && date <= period.to;
