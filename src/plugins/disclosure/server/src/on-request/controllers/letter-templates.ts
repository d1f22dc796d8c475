import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type {
  GetLetterTemplates,
  ResetLetterTemplate,
  SaveLetterTemplate,
} from '../../../../shared/contracts/on-request';
import { validate } from '../../utils/validation';
import { getService } from '../../utils/get-service';
import {
  letterTemplateBody,
  letterTemplateParams,
  letterTemplateQuery,
} from '../validation/letter-templates';

/** Admin: 依申请公开文书模板, the settings page's wording of each letter. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const letters = () => getService(strapi, 'letters');

  return {
    async find(ctx: Context) {
      const { organization } = validate(letterTemplateQuery, ctx.query);
      ctx.body = {
        data: await letters().list(organization),
      } satisfies GetLetterTemplates.Response;
    },

    async save(ctx: Context) {
      const { key } = validate(letterTemplateParams, ctx.params);
      const { organization } = validate(letterTemplateQuery, ctx.query);
      const { data } = validate(letterTemplateBody, ctx.request.body);
      ctx.body = {
        data: await letters().save(key, data, organization),
      } satisfies SaveLetterTemplate.Response;
    },

    async reset(ctx: Context) {
      const { key } = validate(letterTemplateParams, ctx.params);
      const { organization } = validate(letterTemplateQuery, ctx.query);
      ctx.body = {
        data: await letters().reset(key, organization),
      } satisfies ResetLetterTemplate.Response;
    },
  };
};
