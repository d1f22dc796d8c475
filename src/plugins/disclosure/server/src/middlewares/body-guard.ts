import type { Core } from '@strapi/strapi';
import { findBodyProblem, MAX_BODY_DEPTH } from '../domain/body-keys';
import { respondWithError } from '../utils/error-response';

/**
 * App-level middleware (after strapi::body): a body with a prototype member's name as a key, or
 * nested deeper than MAX_BODY_DEPTH, is refused with a 400 before any controller sees it.
 */
export default (_config: unknown, _context: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    const body = ctx.request.body;
    if (body && typeof body === 'object') {
      const problem = findBodyProblem(body);
      if (problem) {
        const message =
          problem.kind === 'forbidden-key'
            ? `请求中含有不允许的字段名 ${problem.key}（位置 ${problem.path}） (the key "${problem.key}" is not allowed, at ${problem.path})`
            : `请求内容嵌套过深：最多 ${MAX_BODY_DEPTH} 层 (the body nests deeper than ${MAX_BODY_DEPTH} levels)`;
        respondWithError(ctx, 400, 'ValidationError', message, { path: problem.path });
        return;
      }
    }
    await next();
  };
