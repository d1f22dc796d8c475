/**
 * 公众问答: a message and its reply published for everyone, when the writer consented (the intake's
 * `consentToPublish`), once the reply was sent, edited so that nothing identifies the writer. The
 * office confirms the edit; these rules also refuse text that still holds the writer's name or contact
 * as written in (a cheap guard, not a substitute for the confirmation).
 *
 * Decisions: complaints are not published (they concern a person or a case and go to the 信访
 * channel); one answer per message; the message's number is never published (with the code it opens
 * the case, and alone it still ties the answer to one writer's file).
 */
import type { MessageKind, MessageStatus } from '../../../../shared/contracts/mailbox';
import { RuleError } from '../../utils/rule-error';

/** The published text's limits, as the public-answer schema has them. */
export const PUBLIC_ANSWER_LIMITS = { subject: 100, question: 5000, reply: 10_000 } as const;
export type PublicAnswerField = keyof typeof PUBLIC_ANSWER_LIMITS;
export const PUBLIC_ANSWER_FIELDS = Object.keys(PUBLIC_ANSWER_LIMITS) as PublicAnswerField[];

/** The Chinese name of each field, as the form labels it. */
export const PUBLIC_ANSWER_LABELS: Record<PublicAnswerField, string> = {
  subject: '问题标题',
  question: '来信内容',
  reply: '答复内容',
};

/** The kinds a published answer may be: the mailbox's, complaints excepted. */
export const PUBLIC_ANSWER_KINDS = ['suggestion', 'question', 'help'] as const;
export type PublicAnswerKind = (typeof PUBLIC_ANSWER_KINDS)[number];

export interface AnswerSource {
  status: MessageStatus;
  kind: MessageKind;
  consentToPublish: boolean;
  writerName: string;
  writerContact: string;
}

export type PublicAnswerText = Record<PublicAnswerField, string>;

/** Without spacing or the separators people type in numbers and addresses, lower-cased. */
const squeezed = (text: string): string => text.replace(/[\s\-_.()（）·]/g, '').toLowerCase();

/** Whether a message may become a public answer at all (before any text is written). */
export function checkAnswerSource(message: AnswerSource): void {
  if (!message.consentToPublish)
    throw new RuleError(
      '来信人未同意公开，不能发布为公众问答',
      'the writer did not consent to publication',
      'consentToPublish'
    );
  if (message.kind === 'complaint')
    throw new RuleError(
      '投诉不发布为公众问答（投诉转信访渠道办理）',
      'complaints are not published as public answers',
      'kind'
    );
  if (message.status !== 'sent')
    throw new RuleError(
      '答复发出后才能发布为公众问答',
      'a message becomes a public answer once its reply is sent',
      'status'
    );
}

/**
 * The refusal for text that still holds the writer's name (two characters or more, as written) or
 * contact (compared without spaces and separators), naming the field; nothing when it holds neither.
 */
export function checkPersonalDataRemoved(message: AnswerSource, text: PublicAnswerText): void {
  const name = message.writerName.trim();
  const contact = squeezed(message.writerContact);
  for (const field of PUBLIC_ANSWER_FIELDS) {
    const value = text[field];
    if (name.length >= 2 && value.includes(name))
      throw new RuleError(
        `${PUBLIC_ANSWER_LABELS[field]} (${field}) 中仍有来信人的姓名，请删除后再发布`,
        `${field} still contains the writer's name`,
        field
      );
    if (contact.length >= 5 && squeezed(value).includes(contact))
      throw new RuleError(
        `${PUBLIC_ANSWER_LABELS[field]} (${field}) 中仍有来信人的联系方式，请删除后再发布`,
        `${field} still contains the writer's contact`,
        field
      );
  }
}

/** Whether an account may see the button: the message can become an answer and has none yet. */
export const mayPublishAnswer = (message: AnswerSource, hasAnswer: boolean): boolean => {
  if (hasAnswer) return false;
  try {
    checkAnswerSource(message);
    return true;
  } catch {
    return false;
  }
};
