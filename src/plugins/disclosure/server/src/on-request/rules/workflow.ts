/**
 * The course of an application (city office 2024 §2(三); 条例 arts. 30–33): the disclosure office
 * registers it → the responsible office drafts the reply (a joint review first for complex cases) → its
 * leader approves → the disclosure office answers the applicant and archives the case.
 *
 * Permissions, by who does the work:
 * - `register` (the disclosure office, 公开办): confirming receipt, the correction notice and its
 *   receipt, treating as withdrawn, assigning, the consultation letters (they go out under the office's
 *   seal, art. 32), the fee notice, payment and closing unpaid, archiving;
 * - `handle` (the responsible office, 承办科室): the joint review and the draft reply;
 * - `approve` (its leader): approving the reply;
 * - `extend` (the disclosure office's head, art. 33): the extension;
 * - `deliver` (the disclosure office): sending the reply, kept apart from `register` so an office can
 *   let a clerk register cases without answering in its name.
 *
 * Decisions where the process leaves room:
 * - A correction may be asked for from `registered` or `assigned` (the responsible office is often the
 *   one to find the request unclear); its receipt returns the case to `registered`, to be (re)assigned.
 * - `assign` from `assigned` reassigns to another office.
 * - The fee is asked for while the information is gathered (`assigned`), before the reply is drafted:
 *   109号 charges for information provided, and the page count is known by then. Payment returns the
 *   case to `assigned`, so no draft is lost; an unpaid fee closes it as 其他处理 2.
 * - A reply may be re-drafted until approved; after approval it goes out as approved (no send-back).
 * - Extension: once, by 1–20 working days, while the reply clock runs or stands (registered, assigned,
 *   consulting, awaiting-fee, drafted).
 */
import {
  type ApplicationAction,
  type ApplicationStatus,
  OUTCOME_REASONS,
  OUTCOMES,
  type Outcome,
  type OutcomeReason,
  APPLICATION_ACTIONS,
} from '../../../../shared/contracts/on-request';
import {
  APPLICATION_ACTION_WORDS,
  APPLICATION_STATUS_WORDS,
  OUTCOME_REASON_WORDS,
  OUTCOME_WORDS,
} from '../../../../shared/words';
import { isIsoDate } from '../../calendar/rules/beijing-time';
import { MAX_EXTENSION_WORKING_DAYS } from './clock';
import { OnRequestRuleError } from './errors';

export type ApplicationPermission = 'register' | 'handle' | 'approve' | 'extend' | 'deliver';
export const APPLICATION_PERMISSIONS: readonly ApplicationPermission[] = [
  'register',
  'handle',
  'approve',
  'extend',
  'deliver',
];

export interface ActionRule {
  from: readonly ApplicationStatus[];
  /** The status after the action; 'same' records a step without moving the case */
  to: ApplicationStatus | 'same';
  permission: ApplicationPermission;
}

export const ACTION_RULES: Record<ApplicationAction, ActionRule> = {
  'confirm-receipt': { from: ['submitted'], to: 'registered', permission: 'register' },
  'request-correction': {
    from: ['registered', 'assigned'],
    to: 'correction-requested',
    permission: 'register',
  },
  'receive-correction': {
    from: ['correction-requested'],
    to: 'registered',
    permission: 'register',
  },
  'treat-as-withdrawn': { from: ['correction-requested'], to: 'closed', permission: 'register' },
  assign: { from: ['registered', 'assigned'], to: 'assigned', permission: 'register' },
  'joint-review': { from: ['assigned'], to: 'same', permission: 'handle' },
  'start-consultation': { from: ['assigned'], to: 'consulting', permission: 'register' },
  'end-consultation': { from: ['consulting'], to: 'assigned', permission: 'register' },
  extend: {
    from: ['registered', 'assigned', 'consulting', 'awaiting-fee', 'drafted'],
    to: 'same',
    permission: 'extend',
  },
  'request-fee': { from: ['assigned'], to: 'awaiting-fee', permission: 'register' },
  'record-payment': { from: ['awaiting-fee'], to: 'assigned', permission: 'register' },
  'close-unpaid': { from: ['awaiting-fee'], to: 'closed', permission: 'register' },
  'draft-reply': { from: ['assigned', 'drafted'], to: 'drafted', permission: 'handle' },
  'approve-reply': { from: ['drafted'], to: 'approved', permission: 'approve' },
  deliver: { from: ['approved'], to: 'delivered', permission: 'deliver' },
  archive: { from: ['delivered', 'closed'], to: 'archived', permission: 'register' },
};

export interface CaseState {
  status: ApplicationStatus;
  extensionWorkingDays: number;
  correctionRequested: boolean;
}

export interface ActionResult {
  to: ApplicationStatus;
  /** Set when the action decides the case's table-3 outcome */
  outcome?: { outcome: Outcome; reason: OutcomeReason | null };
}

/** Outcomes only the process sets: 其他处理 1 (treat-as-withdrawn) and 2 (close-unpaid). */
const PROCESS_REASONS: readonly OutcomeReason[] = ['no-correction', 'fee-unpaid'];

const refuse = (messageZh: string, message: string, field?: string): never => {
  throw new OnRequestRuleError(messageZh, message, field);
};

const text = (body: Record<string, unknown>, field: string): string | null => {
  const value = body[field];
  return typeof value === 'string' && value.trim() ? value : null;
};

function requireText(body: Record<string, unknown>, field: string, zh: string): void {
  if (!text(body, field)) refuse(`须填写${zh}`, `${field} is required`, field);
}

function requireDate(body: Record<string, unknown>, field: string, zh: string): void {
  if (!isIsoDate(body[field]))
    refuse(`${zh}须为日期（YYYY-MM-DD）`, `${field} must be a calendar date YYYY-MM-DD`, field);
}

/**
 * Whether `action` may be taken on a case in `state` with `body`, and where it leads. Refusals are
 * OnRequestRuleErrors naming the body field at fault. Role checks are the caller's (ACTION_RULES
 * names the permission); dates against the calendar are the clock's.
 */
export function checkAction(
  state: CaseState,
  action: ApplicationAction,
  body: Record<string, unknown>
): ActionResult {
  const rule = ACTION_RULES[action] as ActionRule | undefined;
  if (!rule) return refuse(`未知的操作：${String(action)}`, `Unknown action: ${String(action)}`);
  if (!rule.from.includes(state.status)) {
    refuse(
      `案件状态为“${APPLICATION_STATUS_WORDS[state.status]?.['zh-Hans'] ?? state.status}”，不能${APPLICATION_ACTION_WORDS[action]['zh-Hans']}`,
      `${action} is not allowed while the case is ${state.status}`,
      'status'
    );
  }
  const to = rule.to === 'same' ? state.status : rule.to;

  switch (action) {
    case 'confirm-receipt':
      requireDate(body, 'receivedOn', '收到申请日期');
      break;
    case 'request-correction':
      if (state.correctionRequested) {
        refuse(
          '补正只能告知一次（条例第三十条：一次性告知需要补正的事项）',
          'A correction may be requested only once (art. 30)',
          'items'
        );
      }
      requireText(body, 'items', '需要补正的事项');
      requireDate(body, 'correctionDueOn', '补正期限');
      break;
    case 'receive-correction':
      requireDate(body, 'receivedOn', '收到补正日期');
      break;
    case 'treat-as-withdrawn':
      return { to, outcome: { outcome: 'other', reason: 'no-correction' } };
    case 'assign':
      requireText(body, 'responsibleOffice', '承办科室');
      break;
    case 'start-consultation':
      if (body.kind !== 'third-party' && body.kind !== 'other-authority') {
        refuse(
          '征求意见对象须为第三方或其他机关',
          "kind must be 'third-party' or 'other-authority'",
          'kind'
        );
      }
      requireText(body, 'party', '征求意见对象');
      requireDate(body, 'sentOn', '征求意见函发出日期');
      break;
    case 'end-consultation':
      requireDate(body, 'answeredOn', '收到意见日期');
      break;
    case 'extend': {
      if (state.extensionWorkingDays > 0) {
        refuse(
          '延期答复只能一次（条例第三十三条），本案已延期',
          'The reply may be extended only once (art. 33); this case has been extended',
          'workingDays'
        );
      }
      const days = body.workingDays;
      if (
        typeof days !== 'number' ||
        !Number.isInteger(days) ||
        days < 1 ||
        days > MAX_EXTENSION_WORKING_DAYS
      ) {
        refuse(
          `延期工作日数须为 1 至 ${MAX_EXTENSION_WORKING_DAYS} 的整数（条例第三十三条：延长期限最长不得超过${MAX_EXTENSION_WORKING_DAYS}个工作日）`,
          `workingDays must be a whole number from 1 to ${MAX_EXTENSION_WORKING_DAYS} (art. 33)`,
          'workingDays'
        );
      }
      requireText(body, 'reason', '延期理由');
      break;
    }
    case 'request-fee':
      if (body.basis !== 'count' && body.basis !== 'pages') {
        refuse('收费方式须为按件计收或按量计收', "basis must be 'count' or 'pages'", 'basis');
      }
      if (
        body.basis === 'pages' &&
        !(typeof body.pages === 'number' && Number.isInteger(body.pages) && body.pages >= 1)
      ) {
        refuse(
          '按量计收须填写页数（正整数）',
          'pages must be a whole number of at least 1',
          'pages'
        );
      }
      requireDate(body, 'paymentDueOn', '缴费期限');
      break;
    case 'record-payment':
      requireDate(body, 'paidOn', '缴费日期');
      if (!(typeof body.amount === 'number' && Number.isFinite(body.amount) && body.amount >= 0)) {
        refuse('缴费金额须为非负数', 'amount must be a number of at least 0', 'amount');
      }
      break;
    case 'close-unpaid':
      return { to, outcome: { outcome: 'other', reason: 'fee-unpaid' } };
    case 'draft-reply':
      return { to, outcome: checkReplyOutcome(state, body) };
    case 'deliver':
      requireDate(body, 'deliveredOn', '送达日期');
      break;
    default:
      break;
  }
  return { to };
}

function checkReplyOutcome(
  state: CaseState,
  body: Record<string, unknown>
): { outcome: Outcome; reason: OutcomeReason | null } {
  const outcome = body.outcome as Outcome;
  if (typeof outcome !== 'string' || !OUTCOMES.includes(outcome)) {
    return refuse('须选择办理结果', `outcome must be one of ${OUTCOMES.join(', ')}`, 'outcome');
  }
  const reasons = OUTCOME_REASONS[outcome] as readonly OutcomeReason[];
  const reason = (body.reason ?? null) as OutcomeReason | null;
  if (reasons.length === 0) {
    if (reason !== null) {
      refuse(
        `办理结果“${OUTCOME_WORDS[outcome]['zh-Hans']}”不分具体情形`,
        `outcome ${outcome} takes no reason`,
        'reason'
      );
    }
  } else if (reason === null) {
    refuse(
      `办理结果“${OUTCOME_WORDS[outcome]['zh-Hans']}”须选择具体情形`,
      `outcome ${outcome} needs a reason: one of ${reasons.join(', ')}`,
      'reason'
    );
  } else if (!reasons.includes(reason)) {
    refuse(
      `所选情形不属于办理结果“${OUTCOME_WORDS[outcome]['zh-Hans']}”`,
      `reason ${String(reason)} does not belong to outcome ${outcome} (${reasons.join(', ')})`,
      'reason'
    );
  }
  if (reason !== null && PROCESS_REASONS.includes(reason)) {
    refuse(
      reason === 'no-correction'
        ? '逾期不补正的，以“视为放弃申请”办结，不拟写答复'
        : '逾期未缴费的，以“逾期未缴费终止”办结，不拟写答复',
      `other/${reason} is set by ${reason === 'no-correction' ? 'treat-as-withdrawn' : 'close-unpaid'}, not by a drafted reply`,
      'reason'
    );
  }
  if (reason === 'unclear-after-correction' && !state.correctionRequested) {
    refuse(
      '未告知补正的申请，不能以“补正后申请内容仍不明确”答复',
      'unclear-after-correction needs a correction to have been requested',
      'reason'
    );
  }
  if (reason === 'petition-complaint') {
    requireText(body, 'redirectChannel', '应当通过的渠道（信访、投诉举报等）');
  }
  requireText(body, 'legalBasis', '答复依据');
  return { outcome, reason };
}

/**
 * The actions open to someone holding `permissions` on a case in `state`: the status allows them and
 * they are not already spent (one extension, one correction notice).
 */
export function allowedActions(
  state: CaseState,
  permissions: Iterable<ApplicationPermission>
): ApplicationAction[] {
  const held = new Set(permissions);
  return APPLICATION_ACTIONS.filter((action) => {
    const rule = ACTION_RULES[action];
    if (!held.has(rule.permission) || !rule.from.includes(state.status)) return false;
    if (action === 'extend' && state.extensionWorkingDays > 0) return false;
    if (action === 'request-correction' && state.correctionRequested) return false;
    return true;
  });
}

const camel = (code: string): string =>
  code.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Table 3's rows of 本年度办理结果, in the national order (国办公开办函〔2021〕30号). */
export const TABLE3_ROWS: readonly string[] = OUTCOMES.flatMap((outcome) => {
  const reasons = OUTCOME_REASONS[outcome] as readonly OutcomeReason[];
  return reasons.length === 0
    ? [camel(outcome)]
    : reasons.map((reason) => `${camel(outcome)}.${camel(reason)}`);
});

const GROUP_NUMBERS = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'];

/** Each row's wording in table 3, e.g. '（三）不予公开 1.属于国家秘密'. */
export const TABLE3_ROW_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  OUTCOMES.flatMap((outcome, group) => {
    const reasons = OUTCOME_REASONS[outcome] as readonly OutcomeReason[];
    const head = `${GROUP_NUMBERS[group]}${OUTCOME_WORDS[outcome]['zh-Hans']}`;
    return reasons.length === 0
      ? [[camel(outcome), head]]
      : reasons.map((reason, index) => [
          `${camel(outcome)}.${camel(reason)}`,
          `${head} ${index + 1}.${OUTCOME_REASON_WORDS[reason]['zh-Hans']}`,
        ]);
  })
);

/** The table-3 row a concluded case counts in; throws for a pair that is no row. */
export function outcomeRow(outcome: Outcome, reason: OutcomeReason | null): string {
  const reasons = OUTCOME_REASONS[outcome] as readonly OutcomeReason[] | undefined;
  if (!reasons) {
    return refuse(
      `未知的办理结果：${String(outcome)}`,
      `Unknown outcome: ${String(outcome)}`,
      'outcome'
    );
  }
  if (reasons.length === 0 && reason === null) return camel(outcome);
  if (reason !== null && reasons.includes(reason)) return `${camel(outcome)}.${camel(reason)}`;
  return refuse(
    `办理结果与情形不匹配：${outcome} / ${String(reason)}`,
    `No table-3 row for outcome ${outcome} with reason ${String(reason)}`,
    'reason'
  );
}
