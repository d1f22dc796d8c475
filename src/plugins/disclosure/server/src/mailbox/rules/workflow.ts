/**
 * The course of a message to the 意见箱 or a 领导信箱: the office accepts it, or routes it elsewhere
 * with the reason (petitions and complaints to the 信访 channel, Shandong 2014 §5: not answered here;
 * the writer reads where it went); an accepted message is assigned to the responsible office, which
 * drafts the reply; its leader approves; the office sends it.
 *
 * Permissions, by who does the work:
 * - `manage` (the mailbox's keeper, 信箱管理员): accepting, routing, assigning, sending;
 * - `handle` (the responsible office, 承办人): the draft reply;
 * - `approve` (its leader): approving the reply.
 *
 * Decisions where the process leaves room: a message may be routed while received or accepted (the
 * responsible office may find it is a petition); `assign` from `assigned` reassigns; a reply may be
 * re-drafted until approved, and goes out as approved.
 */
import {
  MESSAGE_ACTIONS,
  type MessageAction,
  type MessageStatus,
  type MessageUrgency,
} from '../../../../shared/contracts/mailbox';
import type { Calendar } from '../../deadlines/rules/deadlines';
import { DUE_SOON_WORKING_DAYS } from '../../on-request/rules/clock';
import { MESSAGE_ACTION_WORDS, MESSAGE_STATUS_WORDS } from '../../../../shared/words';
import { RuleError } from '../../utils/rule-error';

export type MessagePermission = 'manage' | 'handle' | 'approve';
export const MESSAGE_PERMISSION_NAMES: readonly MessagePermission[] = [
  'manage',
  'handle',
  'approve',
];

export interface MessageActionRule {
  from: readonly MessageStatus[];
  to: MessageStatus;
  permission: MessagePermission;
}

export const MESSAGE_ACTION_RULES: Record<MessageAction, MessageActionRule> = {
  accept: { from: ['received'], to: 'accepted', permission: 'manage' },
  route: { from: ['received', 'accepted'], to: 'routed', permission: 'manage' },
  assign: { from: ['accepted', 'assigned'], to: 'assigned', permission: 'manage' },
  'draft-reply': { from: ['assigned', 'drafted'], to: 'drafted', permission: 'handle' },
  approve: { from: ['drafted'], to: 'approved', permission: 'approve' },
  send: { from: ['approved'], to: 'sent', permission: 'manage' },
};

/** Where a message ends: routed elsewhere, or replied to. */
export const CONCLUDED_MESSAGE_STATUSES: readonly MessageStatus[] = ['routed', 'sent'];

/** The limits of the fields an action takes (the validation states them; the rules hold to them). */
export const ACTION_TEXT_LIMITS = {
  routedTo: 200,
  reason: 2000,
  responsibleOffice: 200,
  text: 10_000,
} as const;

const text = (
  body: Record<string, unknown>,
  field: keyof typeof ACTION_TEXT_LIMITS,
  zh: string
) => {
  const value = body[field];
  const max = ACTION_TEXT_LIMITS[field];
  if (typeof value !== 'string' || !value.trim() || value.length > max)
    throw new RuleError(
      `${zh} (${field}) 必填，最多 ${max} 字`,
      `${field} is required and at most ${max} characters`,
      field
    );
};

/**
 * Where `action` leads from `status` with `body`, or a RuleError naming the field at fault. Role
 * checks are the caller's (MESSAGE_ACTION_RULES names the permission).
 */
export function checkMessageAction(
  status: MessageStatus,
  action: MessageAction,
  body: Record<string, unknown>
): MessageStatus {
  const rule = MESSAGE_ACTION_RULES[action] as MessageActionRule | undefined;
  if (!rule)
    throw new RuleError(`未知的操作：${String(action)}`, `Unknown action: ${String(action)}`);
  if (!rule.from.includes(status))
    throw new RuleError(
      `来信状态为“${MESSAGE_STATUS_WORDS[status]['zh-Hans']}”，不能${MESSAGE_ACTION_WORDS[action]['zh-Hans']}`,
      `${action} is not allowed while the message is ${status}`,
      'status'
    );
  if (action === 'route') {
    text(body, 'routedTo', '转往渠道');
    text(body, 'reason', '转办理由');
  }
  if (action === 'assign') text(body, 'responsibleOffice', '承办科室');
  if (action === 'draft-reply') text(body, 'text', '答复内容');
  return rule.to;
}

/** The actions an account holding `permissions` may take on a message in `status`. */
export const allowedMessageActions = (
  status: MessageStatus,
  permissions: readonly MessagePermission[]
): MessageAction[] =>
  MESSAGE_ACTIONS.filter(
    (action) =>
      MESSAGE_ACTION_RULES[action].from.includes(status) &&
      permissions.includes(MESSAGE_ACTION_RULES[action].permission)
  );

/**
 * How pressing a message is, as the list colours it: concluded once sent or routed; else by the date
 * it now runs to (a received message's acceptance date, then the reply date): overdue after it,
 * due-soon when at most 3 working days remain (due today counts), as for the on-request cases.
 */
export function messageUrgency(
  message: { status: MessageStatus; acceptanceDueOn: string | null; replyDueOn: string | null },
  today: string,
  calendar: Calendar
): MessageUrgency {
  if (CONCLUDED_MESSAGE_STATUSES.includes(message.status)) return 'concluded';
  const dates = [
    ...(message.status === 'received' ? [message.acceptanceDueOn] : []),
    message.replyDueOn,
  ].filter((date): date is string => Boolean(date));
  if (dates.some((date) => today > date)) return 'overdue';
  return dates.some(
    (date) => calendar.workingDaysBetween(today, date).days <= DUE_SOON_WORKING_DAYS
  )
    ? 'due-soon'
    : 'on-track';
}
