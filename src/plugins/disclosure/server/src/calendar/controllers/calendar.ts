import type { Core } from '@strapi/strapi';
import { CalendarArgumentError } from '../rules/working-calendar';
import { refuse } from '../../utils/validation';
import { validateAddQuery, validateBetweenQuery } from '../validation/calendar';
import { getService } from '../../utils/get-service';

/** Answers change only when the office edits its calendar; a short public cache is safe. */
const CACHE_CONTROL = 'public, max-age=300';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const calendar = () => getService(strapi, 'calendar');

  return {
    async add(ctx: any) {
      const { from, days } = validateAddQuery(ctx.query);
      const { date, calendarComplete, missingYears } = await calendar()
        .addWorkingDays(from, days)
        // Valid parameters whose answer the calendar cannot name (past 9999-12-31): still their fault.
        .catch((error: unknown) => (error instanceof CalendarArgumentError ? refuse(error.parameter, error.message) : Promise.reject(error)));
      ctx.set('Cache-Control', CACHE_CONTROL);
      ctx.body = { data: { date, calendarComplete, ...(calendarComplete ? {} : { missingYears }) } };
    },

    async between(ctx: any) {
      const { from, to } = validateBetweenQuery(ctx.query);
      const { days, calendarComplete, missingYears } = await calendar().workingDaysBetween(from, to);
      ctx.set('Cache-Control', CACHE_CONTROL);
      ctx.body = { data: { days, calendarComplete, ...(calendarComplete ? {} : { missingYears }) } };
    },
  };
};
