import type { Core } from '@strapi/strapi';
import builtInSchedule from 'chinese-days/dist/chinese-days.json';
import { CALENDAR_DAY_UID } from '../../../../shared/constants';
import { WorkingCalendar, type CalendarDay } from '../rules/working-calendar';
import { uniqueClashMessage } from '../../errors/rules/unique-constraints';
import { reloadable } from '../../utils/reloadable';
import { throwIfViolated, violation } from '../../errors/rule-violations';

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
      {
        holidays: Object.keys(builtInSchedule.holidays),
        workdays: Object.keys(builtInSchedule.workdays),
      },
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

    /** The State Council's schedule for one year, as built in (no office entries). */
    builtInYear(year: number): { holidays: string[]; workdays: string[] } {
      const ofYear = (dates: Record<string, unknown>) =>
        Object.keys(dates)
          .filter((date) => date.startsWith(`${year}-`))
          .sort();
      return {
        holidays: ofYear(builtInSchedule.holidays),
        workdays: ofYear(builtInSchedule.workdays),
      };
    },

    /**
     * A date is entered once: refused naming the date before the write, as the unique index would
     * refuse it (less legibly) after. `except` is the entry being updated.
     */
    async assertDateFree(date: unknown, except?: string): Promise<void> {
      if (typeof date !== 'string') return;
      const where: Record<string, unknown> = {
        date,
        ...(except ? { documentId: { $ne: except } } : {}),
      };
      if (await strapi.db.query(CALENDAR_DAY_UID).count({ where })) {
        throwIfViolated([violation('date', uniqueClashMessage.date(date))]);
      }
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
