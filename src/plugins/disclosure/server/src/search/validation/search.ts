import { yup } from '@strapi/utils';
import { LOCALE_CODES, SOURCE_LOCALE, type LocaleCode } from '../../../../shared/constants';
import { isIsoDate } from '../../calendar/rules/beijing-time';
import { MAX_QUERY_LENGTH, QUERY_PROBLEMS } from '../rules/query';
import { SEARCH_TYPE_KEYS } from '../rules/searchable-types';
import { given, inOrder } from '../../utils/validation';

/** The largest page of results. */
export const MAX_SEARCH_PAGE_SIZE = 50;
export const DEFAULT_SEARCH_PAGE_SIZE = 10;
/** 政策文件 categories (the policy document's enumeration). */
export const SEARCH_CATEGORIES = ['decision', 'execution', 'management', 'service', 'result'];

const TEXT_LIMIT = 255;
const text = (parameter: string) =>
  yup
    .string()
    .transform(given)
    .typeError(`${parameter} 须为文本 (${parameter} must be text)`)
    .max(
      TEXT_LIMIT,
      `${parameter} 不能超过 ${TEXT_LIMIT} 个字符 (${parameter} must be at most ${TEXT_LIMIT} characters)`
    );

const date = (parameter: 'from' | 'to') =>
  yup
    .string()
    .transform(given)
    .typeError(`${parameter} 须为日期 YYYY-MM-DD (${parameter} must be a date, YYYY-MM-DD)`)
    .test(
      'date',
      `${parameter} 须为日期 YYYY-MM-DD (${parameter} must be a date, YYYY-MM-DD)`,
      (value) => value === undefined || isIsoDate(value)
    );

const whole = (parameter: string, min: number, max: number, message: string) =>
  yup
    .number()
    .transform((_coerced: unknown, sent: unknown) =>
      sent === undefined || sent === ''
        ? undefined
        : typeof sent === 'string' && /^\d{1,9}$/.test(sent)
          ? Number(sent)
          : NaN
    )
    .typeError(message)
    .min(min, message)
    .max(max, message);

/** GET /disclosure/search: the query, the filters, the page. */
export const searchQuery = inOrder({
  q: yup
    .string()
    .transform((_coerced: unknown, sent: unknown) => (typeof sent === 'string' ? sent : undefined))
    .typeError(QUERY_PROBLEMS.empty)
    .test('empty', QUERY_PROBLEMS.empty, (value) => !!value?.trim())
    .test(
      'length',
      QUERY_PROBLEMS['too-long'],
      (value) => [...(value ?? '').trim()].length <= MAX_QUERY_LENGTH
    ),
  types: yup
    .array(yup.string().required())
    .transform((_coerced: unknown, sent: unknown) =>
      sent === undefined || sent === ''
        ? undefined
        : typeof sent === 'string'
          ? sent.split(',').map((type) => type.trim())
          : Array.isArray(sent) && sent.every((type) => typeof type === 'string')
            ? sent
            : null
    )
    .typeError(
      `types 须为以逗号分隔的类型 (types must be comma-separated types: ${SEARCH_TYPE_KEYS.join(', ')})`
    )
    .test(
      'known',
      `types 只能是 ${SEARCH_TYPE_KEYS.join('、')} (types must be among ${SEARCH_TYPE_KEYS.join(', ')})`,
      (types) => (types ?? []).every((type) => SEARCH_TYPE_KEYS.includes(type ?? ''))
    ),
  category: text('category').test(
    'known',
    `category 只能是 ${SEARCH_CATEGORIES.join('、')} (category must be one of ${SEARCH_CATEGORIES.join(', ')})`,
    (value) => value === undefined || SEARCH_CATEGORIES.includes(value)
  ),
  organization: text('organization'),
  topic: text('topic'),
  year: whole(
    'year',
    1949,
    9999,
    'year 须为 1949 至 9999 的年份 (year must be a year from 1949 to 9999)'
  ),
  from: date('from'),
  to: date('to').test('order', 'to 不能早于 from (to must not be before from)', function (to) {
    const from = (this.parent as { from?: string }).from;
    return !to || !from || !isIsoDate(from) || from <= to;
  }),
  locale: yup
    .string()
    .transform(given)
    .typeError('locale 须为 zh-Hans 或 zh-Hant (locale must be zh-Hans or zh-Hant)')
    .oneOf(
      [...(LOCALE_CODES as LocaleCode[]), undefined],
      'locale 须为 zh-Hans 或 zh-Hant (locale must be zh-Hans or zh-Hant)'
    )
    .default(SOURCE_LOCALE),
  page: whole(
    'page',
    1,
    100000,
    'page 须为 1 至 100000 的整数 (page must be a whole number from 1 to 100000)'
  ).default(1),
  pageSize: whole(
    'pageSize',
    1,
    MAX_SEARCH_PAGE_SIZE,
    `pageSize 须为 1 至 ${MAX_SEARCH_PAGE_SIZE} 的整数 (pageSize must be a whole number from 1 to ${MAX_SEARCH_PAGE_SIZE})`
  ).default(DEFAULT_SEARCH_PAGE_SIZE),
});
