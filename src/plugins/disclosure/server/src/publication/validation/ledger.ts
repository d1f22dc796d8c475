import { dateRangeOf, refuse } from '../../utils/validation';

export const LEDGER_ACTIONS = ['publish', 'unpublish', 'login', 'role-change', 'export'] as const;
export const MAX_LEDGER_PAGE_SIZE = 100;

export interface LedgerQuery {
  action?: (typeof LEDGER_ACTIONS)[number];
  outcome?: 'allowed' | 'refused';
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const positiveInteger = (value: unknown, parameter: string, fallback: number, max?: number): number => {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || (max !== undefined && number > max)) {
    refuse(parameter, `参数 ${parameter} 须为 1${max ? `–${max}` : ' 以上'} 的整数 (${parameter} must be a whole number from 1${max ? ` to ${max}` : ''})`);
  }
  return number;
};

/** The auditor's view of the ledger: by action, outcome and Beijing-date range, page by page. */
export function validateLedgerQuery(query: Record<string, unknown>): LedgerQuery {
  const result: LedgerQuery = {
    page: positiveInteger(query.page, 'page', 1),
    pageSize: positiveInteger(query.pageSize, 'pageSize', 25, MAX_LEDGER_PAGE_SIZE),
  };
  if (query.action !== undefined && query.action !== '') {
    if (!LEDGER_ACTIONS.includes(query.action as any)) {
      refuse('action', `参数 action 只能取：${LEDGER_ACTIONS.join('、')} (action must be one of ${LEDGER_ACTIONS.join(', ')})`);
    }
    result.action = query.action as LedgerQuery['action'];
  }
  if (query.outcome !== undefined && query.outcome !== '') {
    if (query.outcome !== 'allowed' && query.outcome !== 'refused') {
      refuse('outcome', '参数 outcome 只能取 allowed 或 refused (outcome must be allowed or refused)');
    }
    result.outcome = query.outcome as LedgerQuery['outcome'];
  }
  Object.assign(result, dateRangeOf(query));
  return result;
}
