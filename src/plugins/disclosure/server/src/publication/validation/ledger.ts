import { countParameter, dateRange, given, inOrder, oneOf } from '../../utils/validation';

export const LEDGER_ACTIONS = [
  'publish',
  'unpublish',
  'login',
  'role-change',
  'export',
  'personal-data-read',
  'case-step',
] as const;
const LEDGER_OUTCOMES = ['allowed', 'refused'] as const;
export const MAX_LEDGER_PAGE_SIZE = 100;

export interface LedgerQuery {
  action?: (typeof LEDGER_ACTIONS)[number];
  outcome?: (typeof LEDGER_OUTCOMES)[number];
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** GET /ledger: the auditor's view, by action, outcome and Beijing-date range, page by page. */
export const ledgerQuery = inOrder({
  page: countParameter('page', 1),
  pageSize: countParameter('pageSize', 25, MAX_LEDGER_PAGE_SIZE),
  action: oneOf(
    LEDGER_ACTIONS,
    `参数 action 只能取：${LEDGER_ACTIONS.join('、')} (action must be one of ${LEDGER_ACTIONS.join(', ')})`
  ).transform(given),
  outcome: oneOf(
    LEDGER_OUTCOMES,
    '参数 outcome 只能取 allowed 或 refused (outcome must be allowed or refused)'
  ).transform(given),
  ...dateRange,
});
