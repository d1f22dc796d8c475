import { errors } from '@strapi/utils';
import { isIsoDate } from '../calendar/rules/beijing-time';

/** A 400 naming the parameter, as every query and body validator of the plugin answers. */
export const refuse = (parameter: string, message: string): never => {
  throw new errors.ValidationError(message, { errors: [{ path: [parameter], message, name: 'ValidationError' }] });
};

/** Optional `from` and `to` calendar dates (YYYY-MM-DD), `to` not before `from`. */
export function dateRangeOf(query: Record<string, unknown>): { from?: string; to?: string } {
  const result: { from?: string; to?: string } = {};
  for (const parameter of ['from', 'to'] as const) {
    const value = query[parameter];
    if (value === undefined || value === '') continue;
    if (!isIsoDate(value)) refuse(parameter, `参数 ${parameter} 须为日期 YYYY-MM-DD (${parameter} must be a calendar date YYYY-MM-DD)`);
    result[parameter] = value as string;
  }
  if (result.from && result.to && result.to < result.from) refuse('to', '截止日期不得早于起始日期 (to must not be before from)');
  return result;
}

/** A numeric row id from the route (`/:id`). */
export function idOf(value: unknown): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) refuse('id', 'id 须为正整数 (id must be a positive integer)');
  return id;
}

/** A document's documentId (Strapi's 24 lower-case letters and digits, or a shorter seeded one). */
export function documentIdOf(value: unknown, parameter = 'documentId'): string {
  if (typeof value !== 'string' || !/^[a-z0-9]{1,64}$/.test(value)) refuse(parameter, `${parameter} 格式不正确 (${parameter} is not a document id)`);
  return value as string;
}

/** The `data` object of a request body (`{ "data": { … } }`), as Strapi's own write routes take it. */
export function dataObjectOf(body: unknown): Record<string, any> {
  const data = (body as any)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) refuse('data', '请求须含 data 对象 (the body must contain a data object)');
  return data;
}

/** A required display name, trimmed, at most 200 characters. */
export function requiredName(value: unknown): string {
  if (typeof value !== 'string' || !value.trim() || value.length > 200) refuse('name', '名称必填，最多 200 字 (name is required, at most 200 characters)');
  return (value as string).trim();
}
