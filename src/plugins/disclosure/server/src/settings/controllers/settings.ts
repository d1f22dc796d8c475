import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type {
  CreateOfficeDay,
  GetCalendar,
  GetConversionTerms,
  GetDeadlineRules,
  OfficeDay,
  SaveConversionTerm,
  ConversionTerm,
} from '../../../../shared/contracts/settings';
import { beijingYear } from '../../calendar/rules/beijing-time';
import { idParams, validate } from '../../utils/validation';
import {
  calendarQuery,
  createConversionTermBody,
  officeDayBody,
  updateConversionTermBody,
} from '../validation/settings';
import { getService } from '../../utils/get-service';

/** Admin: the settings pages (holiday calendar, conversion dictionary, deadline rules). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');

  return {
    async calendar(ctx: Context) {
      // "This year" is Beijing's, by the plugin clock (so tests and replays can pin it).
      const { year = beijingYear(getService(strapi, 'clock').now()) } = validate(
        calendarQuery,
        ctx.query
      );
      ctx.body = { data: await settings().calendarYear(year) } satisfies GetCalendar.Response;
    },

    async addCalendarDay(ctx: Context) {
      const day = await settings().addOfficeDay(validate(officeDayBody, ctx.request.body).data);
      ctx.status = 201;
      ctx.body = { data: day } satisfies CreateOfficeDay.Response;
    },

    async removeCalendarDay(ctx: Context) {
      const removed = await settings().removeOfficeDay(validate(idParams, ctx.params).id);
      if (!removed) throw new errors.NotFoundError('没有这个节假日安排条目 (no such calendar day)');
      ctx.body = { data: removed } satisfies { data: OfficeDay };
    },

    async conversionTerms(ctx: Context) {
      ctx.body = { data: await settings().listTerms() } satisfies GetConversionTerms.Response;
    },

    async createConversionTerm(ctx: Context) {
      const term = await settings().createTerm(
        validate(createConversionTermBody, ctx.request.body).data
      );
      ctx.status = 201;
      ctx.body = { data: term } satisfies SaveConversionTerm.Response;
    },

    async updateConversionTerm(ctx: Context) {
      const { id } = validate(idParams, ctx.params);
      const term = await settings().updateTerm(
        id,
        validate(updateConversionTermBody, ctx.request.body).data
      );
      if (!term) throw new errors.NotFoundError('没有这个词典条目 (no such conversion term)');
      ctx.body = { data: term } satisfies SaveConversionTerm.Response;
    },

    async removeConversionTerm(ctx: Context) {
      const removed = await settings().removeTerm(validate(idParams, ctx.params).id);
      if (!removed) throw new errors.NotFoundError('没有这个词典条目 (no such conversion term)');
      ctx.body = { data: removed } satisfies { data: ConversionTerm };
    },

    async deadlineRules(ctx: Context) {
      ctx.body = { data: settings().deadlineRules() } satisfies GetDeadlineRules.Response;
    },
  };
};
