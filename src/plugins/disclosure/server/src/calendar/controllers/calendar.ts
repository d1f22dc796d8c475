import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { CalendarArgumentError } from '../rules/working-calendar';
import { refuse, validate } from '../../utils/validation';
import { addQuery, betweenQuery } from '../validation/calendar';
import { getService } from '../../utils/get-service';

/** Answers change only when the office edits its calendar; a short public cache is safe. */
const CACHE_CONTROL = 'public, max-age=300';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const calendar = () => getService(strapi, 'calendar');

  return {
    async add(ctx: Context) {
      const { from, days } = validate(addQuery, ctx.query);
      const { date, calendarComplete, missingYears } = await calendar()
        .addWorkingDays(from, days)
        // Valid parameters whose answer the calendar cannot name (past 9999-12-31): still their fault.
        .catch((error: unknown) =>
          error instanceof CalendarArgumentError
            ? refuse(error.parameter, error.message)
            : Promise.reject(error)
        );
      ctx.set('Cache-Control', CACHE_CONTROL);
      ctx.body = {
        data: { date, calendarComplete, ...(calendarComplete ? {} : { missingYears }) },
      };
    },

    async between(ctx: Context) {
      const { from, to } = validate(betweenQuery, ctx.query);
      const { days, calendarComplete, missingYears } = await calendar().workingDaysBetween(
        from,
        to
      );
      ctx.set('Cache-Control', CACHE_CONTROL);
      ctx.body = {
        data: { days, calendarComplete, ...(calendarComplete ? {} : { missingYears }) },
      };
    },
  };
};
