import { yup } from '@strapi/utils';
import { digitsGiven, given, inOrder, oneOf, yearParameter } from '../../utils/validation';

const ORGANIZATION_MESSAGE =
  '参数 organization 必填，须为机构代码或 documentId (organization is required: an organization code or documentId)';
const YEAR_REQUIRED = '参数 year 必填 (year is required)';
const HALF_MESSAGE = '参数 half 须为 1 或 2 (half must be 1 or 2)';
const REGION_MESSAGE = '参数 region 须为 true 或 false (region must be true or false)';

/**
 * GET /annual-report?organization=<code>&year=YYYY[&half=1|2][&region=true]: the organization by code
 * or documentId, a four-digit year, the half for the half-year statistics, and whether to sum the
 * region (query strings are text: `half` and `region` are read from their digits and words).
 */
export const annualReportQuery = inOrder({
  organization: yup
    .string()
    .transform(given)
    .typeError(ORGANIZATION_MESSAGE)
    .required(ORGANIZATION_MESSAGE)
    .matches(/^[0-9A-Za-z-]+$/, ORGANIZATION_MESSAGE)
    .max(64, ORGANIZATION_MESSAGE),
  year: yearParameter.required(YEAR_REQUIRED),
  half: yup
    .number()
    .transform(digitsGiven(/^[12]$/))
    .typeError(HALF_MESSAGE)
    .oneOf([1, 2, undefined], HALF_MESSAGE),
  region: oneOf(['true', 'false'] as const, REGION_MESSAGE).transform(given),
});

export type AnnualReportQueryInput = yup.InferType<typeof annualReportQuery>;
