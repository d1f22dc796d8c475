/**
 * "Same day" and "working day" are decided in Beijing time (Asia/Shanghai), whatever the server's zone.
 * China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for every date a
 * disclosure office handles and avoids Intl formatting on hot paths.
 */

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const OFFSET_MS = 8 * 60 * 60 * 1000;
/** One calendar day in milliseconds (Beijing keeps no daylight saving). */
export const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date (YYYY-MM-DD) in Beijing at a given instant. */
export const beijingDate = (instant: Date): string =>
  new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);

export const beijingYear = (instant: Date): number => Number(beijingDate(instant).slice(0, 4));

/** The UTC instant at which a Beijing calendar date begins (00:00 CST). */
export const startOfBeijingDay = (date: string): Date => {
  assertIsoDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
};

export const addCalendarDays = (date: string, days: number): string => {
  assertIsoDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
};

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const calendarDaysBetween = (from: string, to: string): number => {
  assertIsoDate(from);
  assertIsoDate(to);
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
};

export const isIsoDate = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
};

function assertIsoDate(value: string): void {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
}
