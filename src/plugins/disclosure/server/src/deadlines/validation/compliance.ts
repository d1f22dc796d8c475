import { yup } from '@strapi/utils';
import { dateRange, given, inOrder, refuse } from '../../utils/validation';

export interface ComplianceQuery {
  organization?: string;
  from?: string;
  to?: string;
  /** Set by the server, never from the query: the organizations (documentIds) an account may see */
  within?: string[];
}

const ORGANIZATION_MESSAGE =
  '参数 organization 须为机构代码或 documentId (organization must be an organization code or documentId)';

/** GET /compliance?organization=&from=&to=: a Beijing-date range, and an organization by code or documentId. */
export const complianceQuery = inOrder({
  ...dateRange,
  organization: yup
    .string()
    .transform(given)
    .typeError(ORGANIZATION_MESSAGE)
    .max(64, ORGANIZATION_MESSAGE),
});

export const organizationNotFound = (value: string): never =>
  refuse('organization', `找不到机构 ${value} (no organization with this code or documentId)`);
