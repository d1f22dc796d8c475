import type { Core } from '@strapi/strapi';
import builtInSchedule from 'chinese-days/dist/chinese-days.json';
import { WorkingCalendar, type CalendarDay } from '../domain/working-calendar';
import { reloadable } from '../utils/reloadable';

export const CALENDAR_DAY_UID = 'plugin::disclosure.calendar-day';
const MEMO_LIMIT = 10_000;

/**
 * The working calendar: the built-in State Council schedules (chinese-days) plus the office's own
 * entries. Built once and memoized; any change to the office's entries drops both.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const memo = new Map<string, unknown>();

  const load = async (): Promise<WorkingCalendar> => {
    const overrides: CalendarDay[] = await strapi.db
      .query(CALENDAR_DAY_UID)
      .findMany({ select: ['date', 'kind', 'name'], orderBy: { date: 'asc' } });
    return new WorkingCalendar(
      { holidays: Object.keys(builtInSchedule.holidays), workdays: Object.keys(builtInSchedule.workdays) },
      overrides
    );
  };

  const remember = <T>(key: string, compute: () => T): T => {
    if (memo.has(key)) return memo.get(key) as T;
    const value = compute();
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, value);
    return value;
  };

  const calendar = reloadable(load);

  const service = {
    get: (): Promise<WorkingCalendar> => calendar.get(),

    invalidate() {
      calendar.invalidate();
      memo.clear();
    },

    async addWorkingDays(from: string, days: number) {
      const current = await service.get();
      return remember(`add:${from}:${days}`, () => current.addWorkingDays(from, days));
    },

    async workingDaysBetween(from: string, to: string) {
      const current = await service.get();
      return remember(`between:${from}:${to}`, () => current.workingDaysBetween(from, to));
    },
  };
  return service;
};
