import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { beijingYear } from '../../calendar/rules/beijing-time';
import { idOf } from '../../utils/validation';
import { validateCalendarQuery, validateConversionTerm, validateOfficeDay } from '../validation/settings';
import { getService } from '../../utils/get-service';

/** Admin: the settings pages (holiday calendar, conversion dictionary, deadline rules). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');

  return {
    async calendar(ctx: any) {
      // "This year" is Beijing's, by the plugin clock (so tests and replays can pin it).
      const { year } = validateCalendarQuery(ctx.query, beijingYear(getService(strapi, 'clock').now()));
      ctx.body = { data: await settings().calendarYear(year) };
    },

    async addCalendarDay(ctx: any) {
      const day = await settings().addOfficeDay(validateOfficeDay(ctx.request.body));
      ctx.status = 201;
      ctx.body = { data: day };
    },

    async removeCalendarDay(ctx: any) {
      const removed = await settings().removeOfficeDay(idOf(ctx.params.id));
      if (!removed) throw new errors.NotFoundError('没有这个节假日安排条目 (no such calendar day)');
      ctx.body = { data: removed };
    },

    async conversionTerms(ctx: any) {
      ctx.body = { data: await settings().listTerms() };
    },

    async createConversionTerm(ctx: any) {
      const term = await settings().createTerm(validateConversionTerm(ctx.request.body, true));
      ctx.status = 201;
      ctx.body = { data: term };
    },

    async updateConversionTerm(ctx: any) {
      const id = idOf(ctx.params.id);
      const term = await settings().updateTerm(id, validateConversionTerm(ctx.request.body, false));
      if (!term) throw new errors.NotFoundError('没有这个词典条目 (no such conversion term)');
      ctx.body = { data: term };
    },

    async removeConversionTerm(ctx: any) {
      const removed = await settings().removeTerm(idOf(ctx.params.id));
      if (!removed) throw new errors.NotFoundError('没有这个词典条目 (no such conversion term)');
      ctx.body = { data: removed };
    },

    async deadlineRules(ctx: any) {
      ctx.body = { data: settings().deadlineRules() };
    },
  };
};
