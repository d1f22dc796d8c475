import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { respondWithError } from '../utils/error-response';

const UNPARSED_BODY = Symbol.for('unparsedBody');

const REASONS: Record<string, string> = {
  'missing-headers': '缺少 webhook-id、webhook-timestamp 或 webhook-signature (missing webhook headers)',
  'bad-timestamp': 'webhook-timestamp 不是时间戳 (webhook-timestamp is not a Unix timestamp)',
  'timestamp-too-old': '消息时间早于 5 分钟窗口 (the message is older than the 5-minute window)',
  'timestamp-too-new': '消息时间晚于 5 分钟窗口 (the message is dated more than 5 minutes ahead)',
  'unknown-source': '签名与任何转载来源都不匹配 (the signature matches no syndication source)',
};

/**
 * POST /api/disclosure/inbox: a syndication message from a source instance. The signature is the
 * authentication; the raw body (kept by strapi::body) is what was signed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async receive(ctx: any) {
    const raw = ctx.request.body?.[UNPARSED_BODY];
    const result = await strapi.plugin('disclosure').service('syndication-inbox').receive(ctx.request.headers, raw);
    if (result.kind === 'unauthenticated') {
      // Answered here: Strapi's error handler would reduce the reason to "Unauthorized", and a source
      // needs it to fix its clock or its secret.
      respondWithError(ctx, 401, 'UnauthorizedError', `转载消息验证失败：${REASONS[result.reason] ?? result.reason}`, { reason: result.reason });
      return;
    }
    if (result.kind === 'invalid') throw new errors.ValidationError(`转载消息无效：${result.reason}`);
    ctx.body = { data: result.receipt, meta: { duplicate: result.duplicate } };
  },
});
