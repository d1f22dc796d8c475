import { dateRangeOf, refuse } from '../../utils/validation';

export interface ComplianceQuery {
  organization?: string;
  from?: string;
  to?: string;
  /** Set by the server, never from the query: the organizations (documentIds) an account may see */
  within?: string[];
}

export function validateComplianceQuery(query: Record<string, unknown>): ComplianceQuery {
  const result: ComplianceQuery = { ...dateRangeOf(query) };
  const organization = query.organization;
  if (organization !== undefined && organization !== '') {
    if (typeof organization !== 'string' || organization.length > 64) {
      refuse('organization', '参数 organization 须为机构代码或 documentId (organization must be an organization code or documentId)');
    }
    result.organization = organization as string;
  }
  return result;
}

export const organizationNotFound = (value: string): never =>
  refuse('organization', `找不到机构 ${value} (no organization with this code or documentId)`);
