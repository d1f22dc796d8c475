import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type {
  GetLetterTemplates,
  ResetLetterTemplate,
  SaveLetterTemplate,
} from '../../../../shared/contracts/on-request';
import type { RequestState } from '../../utils/request-state';
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
  /** `?organization=`, held to the account's organizations (a 403 outside them). */
  const organizationOf = async (ctx: Context): Promise<string | undefined> => {
    const { organization } = validate(letterTemplateQuery, ctx.query);
    await letters().assertMayWordFor((ctx.state as RequestState).user!, organization);
    return organization;
  };

  return {
    async find(ctx: Context) {
      const organization = await organizationOf(ctx);
      ctx.body = {
        data: await letters().list(organization),
      } satisfies GetLetterTemplates.Response;
    },

    async save(ctx: Context) {
      const { key } = validate(letterTemplateParams, ctx.params);
      const organization = await organizationOf(ctx);
      const { data } = validate(letterTemplateBody, ctx.request.body);
      ctx.body = {
        data: await letters().save(key, data, organization),
      } satisfies SaveLetterTemplate.Response;
    },

    async reset(ctx: Context) {
      const { key } = validate(letterTemplateParams, ctx.params);
      const organization = await organizationOf(ctx);
      ctx.body = {
        data: await letters().reset(key, organization),
      } satisfies ResetLetterTemplate.Response;
    },
  };
};
