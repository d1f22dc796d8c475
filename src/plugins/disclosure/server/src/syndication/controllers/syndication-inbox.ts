import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type {
  CreateSource,
  GetSources,
  UpdateSource,
} from '../../../../shared/contracts/syndication';
import { respondWithError } from '../../errors/error-response';
import { getService } from '../../utils/get-service';
import { idParams, validate } from '../../utils/validation';
import { createSourceBody, updateSourceBody } from '../validation/source';

const UNPARSED_BODY = Symbol.for('unparsedBody');
/** When an attachment could not be fetched from the source: ask for the retry a little later. */
const RETRY_UNAVAILABLE_AFTER_SECONDS = 30;

const REASONS: Record<string, string> = {
  'missing-headers':
    '缺少 webhook-id、webhook-timestamp 或 webhook-signature (missing webhook headers)',
  'bad-timestamp': 'webhook-timestamp 不是时间戳 (webhook-timestamp is not a Unix timestamp)',
  'timestamp-too-old': '消息时间早于 5 分钟窗口 (the message is older than the 5-minute window)',
  'timestamp-too-new': '消息时间晚于 5 分钟窗口 (the message is dated more than 5 minutes ahead)',
  'unknown-source':
    '签名与任何已登记的站点都不匹配 (the signature matches no registered source or subscriber)',
};

const unauthenticated = (ctx: Context, what: string, reason: string | undefined) =>
  respondWithError(
    ctx,
    401,
    'UnauthorizedError',
    `${what}验证失败：${REASONS[String(reason)] ?? reason}`,
    { reason }
  );

/** A 400 for a message refused; naming the field, in Strapi's shape, when one is to blame. */
const invalid = (what: string, reason: string, path?: Array<string | number>) => {
  const message = `${what}无效：${reason}`;
  return new errors.ValidationError(
    message,
    path?.length ? { errors: [{ path, message: reason, name: 'ValidationError' }] } : {}
  );
};

/**
 * Signed messages between instances, authenticated by their signature over the raw body (kept by
 * strapi::body): POST /api/disclosure/inbox (content from a source) and POST /api/disclosure/receipts
 * (a subscriber's receipt for a reprint it published after holding it).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async receive(ctx: Context) {
    const raw = ctx.request.body?.[UNPARSED_BODY];
    const result = await getService(strapi, 'syndication-inbox').receive(ctx.request.headers, raw);
    // Answered here: Strapi's error handler would reduce the reason to "Unauthorized", and a source
    // needs it to fix its clock or its secret.
    if (result.kind === 'unauthenticated') return unauthenticated(ctx, '转载消息', result.reason);
    if (result.kind === 'invalid') throw invalid('转载消息', result.reason, result.path);
    if (result.kind === 'unavailable') {
      // Nothing was stored; the source's worker tries again (not before this).
      ctx.set('Retry-After', String(RETRY_UNAVAILABLE_AFTER_SECONDS));
      return respondWithError(
        ctx,
        503,
        'ServiceUnavailableError',
        `转载暂未完成，请稍后重试：${result.reason}`,
        {}
      );
    }
    ctx.body = { data: result.receipt, meta: { duplicate: result.duplicate } };
  },

  async receipt(ctx: Context) {
    const raw = ctx.request.body?.[UNPARSED_BODY];
    const result = await getService(strapi, 'syndication').acceptReceipt(ctx.request.headers, raw);
    if (result.kind === 'unauthenticated') return unauthenticated(ctx, '转载回执', result.reason);
    if (result.kind === 'invalid') throw invalid('转载回执', result.reason, result.path);
    if (result.kind === 'unknown')
      throw new errors.NotFoundError(`转载回执无对应投递：${result.reason}`);
    ctx.body = { data: { accepted: true } };
  },

  /** Admin (super admins): the sources that push content here (转载来源), their secrets and policy. */
  async sources(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'syndication-inbox').listSources(),
    } satisfies GetSources.Response;
  },

  async createSource(ctx: Context) {
    const { data } = validate(createSourceBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = {
      data: await getService(strapi, 'syndication-inbox').createSource(data),
    } satisfies CreateSource.Response;
  },

  async updateSource(ctx: Context) {
    const { id } = validate(idParams, ctx.params);
    const updated = await getService(strapi, 'syndication-inbox').updateSource(
      id,
      validate(updateSourceBody, ctx.request.body).data
    );
    if (!updated) throw new errors.NotFoundError('没有这个转载来源 (no such source)');
    ctx.body = { data: updated } satisfies UpdateSource.Response;
  },
});
