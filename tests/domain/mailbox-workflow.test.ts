import schedule from 'chinese-days/dist/chinese-days.json';
import { WorkingCalendar } from '../../src/plugins/disclosure/server/src/calendar/rules/working-calendar';
import { MESSAGE_ACTIONS } from '../../src/plugins/disclosure/shared/contracts/mailbox';
import {
  MESSAGE_ACTION_RULES,
  allowedMessageActions,
  checkMessageAction,
  messageUrgency,
} from '../../src/plugins/disclosure/server/src/mailbox/rules/workflow';
import { RuleError } from '../../src/plugins/disclosure/server/src/utils/rule-error';

const refusal = (work: () => unknown): RuleError => {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleError);
    return error as RuleError;
  }
  throw new Error('not refused');
};

describe('the course of a message', () => {
  test('received → accepted → assigned → drafted → approved → sent', () => {
    expect(checkMessageAction('received', 'accept', {})).toBe('accepted');
    expect(checkMessageAction('accepted', 'assign', { responsibleOffice: '城管科' })).toBe(
      'assigned'
    );
    expect(checkMessageAction('assigned', 'draft-reply', { text: '已安排维修。' })).toBe('drafted');
    expect(checkMessageAction('drafted', 'draft-reply', { text: '改后的答复' })).toBe('drafted');
    expect(checkMessageAction('drafted', 'approve', {})).toBe('approved');
    expect(checkMessageAction('approved', 'send', {})).toBe('sent');
  });

  test('routed elsewhere with where and why, while received or accepted; it ends there', () => {
    const body = { routedTo: '市信访局（人民路1号）', reason: '属信访事项，请向信访部门反映' };
    expect(checkMessageAction('received', 'route', body)).toBe('routed');
    expect(checkMessageAction('accepted', 'route', body)).toBe('routed');
    const noReason = refusal(() => checkMessageAction('received', 'route', { routedTo: '信访局' }));
    expect(noReason.field).toBe('reason');
    expect(noReason.messageZh).toBe('转办理由 (reason) 必填，最多 2000 字');
    for (const action of MESSAGE_ACTIONS)
      expect(refusal(() => checkMessageAction('routed', action, body)).field).toBe('status');
  });

  test('an action out of turn is refused in Chinese, naming the status', () => {
    const error = refusal(() => checkMessageAction('received', 'send', {}));
    expect(error.messageZh).toBe('来信状态为“待受理”，不能发送答复');
    expect(error.message).toBe('send is not allowed while the message is received');
    expect(refusal(() => checkMessageAction('sent', 'draft-reply', { text: 'x' })).field).toBe(
      'status'
    );
    expect(refusal(() => checkMessageAction('accepted', 'assign', {})).field).toBe(
      'responsibleOffice'
    );
    expect(refusal(() => checkMessageAction('assigned', 'draft-reply', { text: '  ' })).field).toBe(
      'text'
    );
  });

  test('who does what: the keeper manages, the office drafts, its leader approves', () => {
    expect(MESSAGE_ACTION_RULES['draft-reply'].permission).toBe('handle');
    expect(MESSAGE_ACTION_RULES.approve.permission).toBe('approve');
    expect(allowedMessageActions('received', ['manage'])).toEqual(['accept', 'route']);
    expect(allowedMessageActions('received', ['handle', 'approve'])).toEqual([]);
    expect(allowedMessageActions('assigned', ['manage', 'handle'])).toEqual([
      'assign',
      'draft-reply',
    ]);
    expect(allowedMessageActions('drafted', ['approve'])).toEqual(['approve']);
    expect(allowedMessageActions('sent', ['manage', 'handle', 'approve'])).toEqual([]);
  });
});

describe('how pressing a message is', () => {
  const calendar = new WorkingCalendar({
    holidays: Object.keys(schedule.holidays),
    workdays: Object.keys(schedule.workdays),
  });
  const message = (status: 'received' | 'assigned' | 'sent' | 'routed') => ({
    status,
    // Received Monday 2 March 2026: accepted by Wednesday 4, replied by Monday 23 March.
    acceptanceDueOn: '2026-03-04',
    replyDueOn: '2026-03-23',
  });

  test('a received message runs to its acceptance date, then to the reply date', () => {
    expect(messageUrgency(message('received'), '2026-03-02', calendar)).toBe('due-soon');
    expect(messageUrgency(message('received'), '2026-03-05', calendar)).toBe('overdue');
    expect(messageUrgency(message('assigned'), '2026-03-05', calendar)).toBe('on-track');
    // Thursday 18 March: 3 working days to Monday 23 (due today counts).
    expect(messageUrgency(message('assigned'), '2026-03-18', calendar)).toBe('due-soon');
    expect(messageUrgency(message('assigned'), '2026-03-17', calendar)).toBe('on-track');
    expect(messageUrgency(message('assigned'), '2026-03-24', calendar)).toBe('overdue');
  });

  test('sent or routed: concluded, whatever the dates', () => {
    expect(messageUrgency(message('sent'), '2026-04-30', calendar)).toBe('concluded');
    expect(messageUrgency(message('routed'), '2026-04-30', calendar)).toBe('concluded');
  });
});
