import {
  PUBLIC_ANSWER_KINDS,
  checkAnswerSource,
  checkPersonalDataRemoved,
  mayPublishAnswer,
  type AnswerSource,
} from '../../src/plugins/disclosure/server/src/mailbox/rules/public-answer';
import { personalDataRefusal } from '../../src/plugins/disclosure/server/src/publication/rules/publication-gate';
import { RuleError } from '../../src/plugins/disclosure/server/src/utils/rule-error';
import schema from '../../src/api/public-answer/content-types/public-answer/schema.json';

/** 公众问答's rules: which messages may be published, and the guard on the edited text. */
const refusal = (work: () => unknown): RuleError => {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleError);
    return error as RuleError;
  }
  throw new Error('not refused');
};

const message: AnswerSource = {
  status: 'sent',
  kind: 'question',
  consentToPublish: true,
  writerName: '张小明',
  writerContact: '138 0013 8000',
};
const text = {
  subject: '公交线路咨询',
  question: '来信人询问12路公交调整后的站点。',
  reply: '调整后的站点已在网站公布。',
};

test('a sent, consented message that is not a complaint may become an answer', () => {
  expect(() => checkAnswerSource(message)).not.toThrow();
  expect(refusal(() => checkAnswerSource({ ...message, consentToPublish: false }))).toMatchObject({
    messageZh: '来信人未同意公开，不能发布为公众问答',
    field: 'consentToPublish',
  });
  expect(refusal(() => checkAnswerSource({ ...message, kind: 'complaint' })).field).toBe('kind');
  for (const status of [
    'received',
    'accepted',
    'routed',
    'assigned',
    'drafted',
    'approved',
  ] as const)
    expect(refusal(() => checkAnswerSource({ ...message, status })).field).toBe('status');
});

test('the writer’s name as written, or the contact however spaced, is refused in the field it is in', () => {
  expect(() => checkPersonalDataRemoved(message, text)).not.toThrow();
  expect(
    refusal(() => checkPersonalDataRemoved(message, { ...text, subject: '张小明的咨询' }))
  ).toMatchObject({ field: 'subject', message: "subject still contains the writer's name" });
  const contact = refusal(() =>
    checkPersonalDataRemoved(message, { ...text, reply: '请拨打13800138000或138-0013-8000' })
  );
  expect(contact).toMatchObject({ field: 'reply' });
  expect(contact.messageZh).toBe('答复内容 (reply) 中仍有来信人的联系方式，请删除后再发布');
  // A one-character name would match ordinary words: not checked.
  expect(() =>
    checkPersonalDataRemoved({ ...message, writerName: '王' }, { ...text, reply: '王府井' })
  ).not.toThrow();
});

test('the button shows only while an answer may be made and none exists', () => {
  expect(mayPublishAnswer(message, false)).toBe(true);
  expect(mayPublishAnswer(message, true)).toBe(false);
  expect(mayPublishAnswer({ ...message, consentToPublish: false }, false)).toBe(false);
});

test('the gate asks for who confirmed and when', () => {
  expect(
    personalDataRefusal({ personalDataRemovedBy: '赵审批', personalDataRemovedAt: '2026-03-02' })
  ).toBeNull();
  expect(
    personalDataRefusal({ personalDataRemovedBy: ' ', personalDataRemovedAt: '2026-03-02' })
  ).toMatchObject({ rule: 'personal-data-removed', field: 'personalDataRemovedBy' });
  expect(personalDataRefusal({})?.message).toMatch(/^公众问答须先确认已删除来信人的个人信息/);
});

test('the schema’s kinds are the rules’ kinds; the link and the confirmation are private', () => {
  expect(schema.attributes.kind.enum).toEqual([...PUBLIC_ANSWER_KINDS]);
  expect(schema.attributes.sourceMessage).toMatchObject({ type: 'string', private: true });
  expect(schema.attributes.personalDataRemovedBy.private).toBe(true);
  expect(schema.attributes.personalDataRemovedAt.private).toBe(true);
  expect(schema.attributes.confidentialityReview.private).toBe(true);
});
