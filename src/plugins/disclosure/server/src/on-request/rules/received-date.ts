/**
 * 收到申请之日 (条例 art. 31): in person, the day handed in; by registered post, the day signed for;
 * by ordinary letter, online or by fax, the day the office confirms receipt with the applicant.
 */
import type { ApplicationChannel } from '../../../../shared/contracts/on-request';
import { isIsoDate } from '../../calendar/rules/beijing-time';
import { OnRequestRuleError } from './errors';

/** Channels whose received date is the day the office confirms it with the applicant. */
export const CONFIRMED_CHANNELS: readonly ApplicationChannel[] = [
  'online',
  'ordinary-letter',
  'fax',
];

export interface ReceiptEvidence {
  handedInOn?: string;
  signedForOn?: string;
  confirmedOn?: string;
}

/** Which piece of evidence decides each channel's received date. */
export const RECEIPT_EVIDENCE_FIELD: Record<ApplicationChannel, keyof ReceiptEvidence> = {
  'in-person': 'handedInOn',
  'registered-post': 'signedForOn',
  'ordinary-letter': 'confirmedOn',
  online: 'confirmedOn',
  fax: 'confirmedOn',
};

const EVIDENCE_ZH: Record<keyof ReceiptEvidence, string> = {
  handedInOn: '当面提交日期',
  signedForOn: '挂号信签收日期',
  confirmedOn: '与申请人确认收到的日期',
};

export function receivedOnFor(channel: ApplicationChannel, evidence: ReceiptEvidence): string {
  const field = RECEIPT_EVIDENCE_FIELD[channel];
  if (!field) {
    throw new OnRequestRuleError(
      `未知的申请渠道：${String(channel)}`,
      `Unknown application channel: ${String(channel)}`,
      'channel'
    );
  }
  const value = evidence[field];
  if (!isIsoDate(value)) {
    throw new OnRequestRuleError(
      `须填写${EVIDENCE_ZH[field]}（YYYY-MM-DD），条例第三十一条以此确定收到申请之日`,
      `${field} must be a calendar date YYYY-MM-DD: it is the received date for ${channel} applications (art. 31)`,
      field
    );
  }
  return value;
}
