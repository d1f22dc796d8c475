import { errors } from '@strapi/utils';
import { isIsoDate } from '../domain/beijing-time';

export interface ComplianceQuery {
  organization?: string;
  from?: string;
  to?: string;
}

const refuse = (parameter: string, message: string): never => {
  throw new errors.ValidationError(message, { errors: [{ path: [parameter], message, name: 'ValidationError' }] });
};

export function validateComplianceQuery(query: Record<string, unknown>): ComplianceQuery {
  const result: ComplianceQuery = {};
  for (const parameter of ['from', 'to'] as const) {
    const value = query[parameter];
    if (value === undefined || value === '') continue;
    if (!isIsoDate(value)) refuse(parameter, `参数 ${parameter} 须为日期 YYYY-MM-DD (${parameter} must be a calendar date YYYY-MM-DD)`);
    result[parameter] = value as string;
  }
  if (result.from && result.to && result.to < result.from) {
    refuse('to', '截止日期不得早于起始日期 (to must not be before from)');
  }
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
