import { yup } from '@strapi/utils';
import { digitsGiven, given, inOrder, oneOf, yearParameter } from '../../utils/validation';

/** The downloads of a report: the national .docx (to edit, print and stamp) and the tables as .xlsx. */
export const REPORT_FORMATS = ['docx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const ORGANIZATION_MESSAGE =
  '参数 organization 须为机构代码或 documentId (organization must be a code or documentId)';
const YEAR_REQUIRED = '参数 year 必填 (year is required)';
const HALF_MESSAGE = '参数 half 只能取 1 或 2 (half must be 1 or 2)';

/** GET /disclosure/annual-report/document?organization=&year=[&half=][&format=docx|xlsx] */
export const documentQuery = inOrder({
  organization: yup
    .string()
    .transform(given)
    .typeError(ORGANIZATION_MESSAGE)
    .matches(/^[0-9A-Za-z-]+$/, ORGANIZATION_MESSAGE)
    .max(64, ORGANIZATION_MESSAGE)
    .required(ORGANIZATION_MESSAGE),
  year: yearParameter.required(YEAR_REQUIRED),
  half: yup
    .number()
    .transform(digitsGiven(/^[12]$/))
    .typeError(HALF_MESSAGE),
  format: oneOf(REPORT_FORMATS, '参数 format 只能取 docx 或 xlsx (format must be docx or xlsx)')
    .transform(given)
    .default('docx'),
});
