import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { type BodyProblem, findBodyProblem, MAX_BODY_DEPTH } from '../rules/body-keys';
import { respondWithError } from '../../errors/error-response';

type Place = 'path' | 'query' | 'body';
const PLACE_NAMES: Record<Place, { zh: string; en: string }> = {
  path: { zh: '请求路径', en: 'path' },
  query: { zh: '查询参数', en: 'query string' },
  body: { zh: '请求内容', en: 'body' },
};

const messageFor = (problem: BodyProblem, place: Place): string => {
  const { zh, en } = PLACE_NAMES[place];
  switch (problem.kind) {
    case 'forbidden-key':
      return `${zh}中含有不允许的字段名 ${problem.key}（位置 ${problem.path}） (the key "${problem.key}" is not allowed in the ${en}, at ${problem.path})`;
    case 'too-deep':
      return `${zh}嵌套过深：最多 ${MAX_BODY_DEPTH} 层 (the ${en} nests deeper than ${MAX_BODY_DEPTH} levels)`;
    case 'nul-character':
      return `${zh}中含有空字符 U+0000（位置 ${problem.path || '整体'}） (the ${en} contains a NUL character (U+0000), at ${problem.path || 'its top level'})`;
  }
};

/** The router decodes path parameters (`/api/policy-documents/:id`): `%00` there becomes a NUL too. */
const ENCODED_NUL = /%00/i;

/**
 * App-level middleware (after strapi::query and strapi::body): a query string or body with a
 * prototype member's name as a key, a NUL character in a key or text, or nested deeper than
 * MAX_BODY_DEPTH, or a path with an encoded NUL, is refused with a 400 naming where, before any
 * controller sees it. Only the parsed values are read: the raw body kept for signatures is left as it
 * came.
 */
export default (_config: unknown, _context: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const refuse = (place: Place, problem: BodyProblem) =>
      respondWithError(ctx, 400, 'ValidationError', messageFor(problem, place), {
        location: place,
        path: problem.path,
      });
    if (ENCODED_NUL.test(ctx.path))
      return refuse('path', { kind: 'nul-character', path: ctx.path });
    const places: Array<[Place, unknown]> = [
      ['query', ctx.query],
      ['body', ctx.request.body],
    ];
    for (const [place, value] of places) {
      const problem = value === null || value === undefined ? null : findBodyProblem(value);
      if (problem) return refuse(place, problem);
    }
    await next();
  };
