import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { attachment } from '../../utils/download';
import { getService } from '../../utils/get-service';
import type { RequestState } from '../../utils/request-state';
import { validate } from '../../utils/validation';
import { documentQuery } from '../validation/report-documents';

/** The annual report's downloads. Validate, call the service, answer the file. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async document(ctx: Context) {
    const { organization, year, half, format } = validate(documentQuery, ctx.query);
    const state = ctx.state as RequestState;
    const file = await getService(strapi, 'report-documents').download(
      { organization, year, half: half === 1 || half === 2 ? half : undefined, format },
      { user: state.user!, ability: state.userAbility ?? null }
    );
    ctx.set('Cache-Control', 'private, no-store');
    ctx.type = file.contentType;
    attachment(ctx, file.filename);
    ctx.body = file.body;
  },
});
