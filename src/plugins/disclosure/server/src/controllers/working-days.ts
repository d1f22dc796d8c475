import type { Core } from '@strapi/strapi';
import { validateAddQuery, validateBetweenQuery } from '../validation/working-days';

/** Answers change only when the office edits its calendar; a short public cache is safe. */
const CACHE_CONTROL = 'public, max-age=300';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const calendar = () => strapi.plugin('disclosure').service('calendar');

  return {
    async add(ctx: any) {
      const { from, days } = validateAddQuery(ctx.query);
      const { date, calendarComplete, missingYears } = await calendar().addWorkingDays(from, days);
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
