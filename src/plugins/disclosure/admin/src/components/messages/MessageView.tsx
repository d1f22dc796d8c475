import * as React from 'react';
import { Badge, Box, Button, Checkbox, Flex, Grid, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type {
  MessageAction,
  MessageActionBodies,
  MessageDetail,
  PublicAnswerBody,
} from '../../../../shared/contracts/mailbox';
import {
  MESSAGE_ACTION_WORDS,
  MESSAGE_FLAG_WORDS,
  MESSAGE_KIND_WORDS,
  MESSAGE_RATING_WORDS,
  MESSAGE_STEP_WORDS,
} from '../../../../shared/words';
import { beijing } from '../../utils/format';
import { ClockBadge } from '../ClockBadge';
import { useFailureText, useT, useWord } from '../common';
import { TextField } from '../FormFields';
import { FormModal } from '../FormModal';
import { Facts, Section } from '../Section';
import { Timeline } from '../Timeline';

/** The forbidden text of the message pages (a 403 without its reason). */
export const useMessageFailureText = () => {
  const t = useT();
  return useFailureText(t('messages.forbidden', '您没有办理来信的权限，请联系本机关信箱管理员'));
};

/** The one form of every action: the fields its body has. */
interface ActionValues {
  routedTo: string;
  reason: string;
  responsibleOffice: string;
  text: string;
}

const BODIES: { [A in MessageAction]: (values: ActionValues) => MessageActionBodies[A] } = {
  accept: () => ({}),
  route: (v) => ({ routedTo: v.routedTo.trim(), reason: v.reason.trim() }),
  assign: (v) => ({ responsibleOffice: v.responsibleOffice.trim() }),
  'draft-reply': (v) => ({ text: v.text.trim() }),
  approve: () => ({}),
  send: () => ({}),
};

/** Whether the form may be sent (the server checks again and says why in Chinese). */
const VALID: { [A in MessageAction]: (values: ActionValues) => boolean } = {
  accept: () => true,
  route: (v) => v.routedTo.trim() !== '' && v.reason.trim() !== '',
  assign: (v) => v.responsibleOffice.trim() !== '',
  'draft-reply': (v) => v.text.trim() !== '',
  approve: () => true,
  send: () => true,
};

/** One action on a message: its form, sent to POST …/actions/:action; a refusal shows the server's words. */
const MessageActionForm = ({
  action,
  detail,
  onClose,
  onDone,
}: {
  action: MessageAction | null;
  detail: MessageDetail;
  onClose: () => void;
  onDone: (detail: MessageDetail, action: MessageAction) => void;
}) => {
  const t = useT();
  const word = useWord();
  const { post } = useFetchClient();
  const failureText = useMessageFailureText();
  if (!action) return null;
  const current = action;
  const submit = async (values: ActionValues) => {
    const { data: answer } = await post<{ data: MessageDetail }>(
      `/disclosure/messages/${detail.documentId}/actions/${current}`,
      { data: BODIES[current](values) }
    );
    onDone(answer.data, current);
  };
  return (
    <FormModal<ActionValues>
      key={current}
      open
      title={word(MESSAGE_ACTION_WORDS[current])}
      submitLabel={word(MESSAGE_ACTION_WORDS[current])}
      initialValues={{
        routedTo: '',
        reason: '',
        responsibleOffice: detail.responsibleOffice ?? '',
        text: detail.replyText ?? '',
      }}
      onClose={onClose}
      onSubmit={submit}
      errorText={failureText}
      canSubmit={(values) => VALID[current](values)}
    >
      {({ values, set }) => {
        switch (current) {
          case 'route':
            return (
              <>
                <TextField
                  name="routedTo"
                  required
                  label={t('messages.form.routedTo', '转往渠道')}
                  hint={t(
                    'messages.form.routedToHint',
                    '投诉、信访事项转信访渠道办理；写明机关和联系方式，来信人可以查到'
                  )}
                  value={values.routedTo}
                  onChange={(v) => set('routedTo', v)}
                />
                <TextField
                  name="reason"
                  required
                  multiline
                  label={t('messages.form.reason', '转办理由')}
                  value={values.reason}
                  onChange={(v) => set('reason', v)}
                />
              </>
            );
          case 'assign':
            return (
              <TextField
                name="responsibleOffice"
                required
                label={t('messages.form.responsibleOffice', '承办科室')}
                hint={t('messages.form.responsibleOfficeHint', '负责拟办答复的科室或单位')}
                value={values.responsibleOffice}
                onChange={(v) => set('responsibleOffice', v)}
              />
            );
          case 'draft-reply':
            return (
              <TextField
                name="text"
                required
                multiline
                label={t('messages.form.text', '答复内容')}
                hint={t('messages.form.textHint', '经领导审批后发送，来信人凭编号和查询码查看')}
                value={values.text}
                onChange={(v) => set('text', v)}
              />
            );
          case 'accept':
            return (
              <Typography textColor="neutral700">
                {t('messages.form.acceptExplain', '受理后交办承办科室，答复期限自收信之日起计算。')}
              </Typography>
            );
          case 'approve':
            return (
              <Typography textColor="neutral700" style={{ whiteSpace: 'pre-wrap' }}>
                {detail.replyText}
              </Typography>
            );
          case 'send':
            return (
              <Typography textColor="neutral700">
                {t('messages.form.sendExplain', '发送后来信人可以查看答复并评价，答复不能再修改。')}
              </Typography>
            );
        }
      }}
    </FormModal>
  );
};

interface AnswerValues {
  subject: string;
  question: string;
  reply: string;
  personalDataRemoved: boolean;
}

/**
 * 发布为公众问答: the message's subject, content and reply prefilled for the office to edit (the
 * writer's name, numbers and address taken out), and the confirmation that it did; the server
 * creates the draft, published later through the content manager.
 */
const PublicAnswerForm = ({
  open,
  detail,
  onClose,
  onDone,
}: {
  open: boolean;
  detail: MessageDetail;
  onClose: () => void;
  onDone: (detail: MessageDetail) => void;
}) => {
  const t = useT();
  const { post } = useFetchClient();
  const failureText = useMessageFailureText();
  if (!open) return null;
  const submit = async (values: AnswerValues) => {
    const body: PublicAnswerBody = {
      subject: values.subject.trim(),
      question: values.question.trim(),
      reply: values.reply.trim(),
      personalDataRemoved: true,
    };
    const { data: answer } = await post<{ data: MessageDetail }>(
      `/disclosure/messages/${detail.documentId}/public-answer`,
      { data: body }
    );
    onDone(answer.data);
  };
  return (
    <FormModal<AnswerValues>
      open
      title={t('messages.answer.title', '发布为公众问答')}
      submitLabel={t('messages.answer.submit', '创建公众问答草稿')}
      initialValues={{
        subject: detail.subject,
        question: detail.content,
        reply: detail.replyText ?? '',
        personalDataRemoved: false,
      }}
      onClose={onClose}
      onSubmit={submit}
      errorText={failureText}
      canSubmit={(values) =>
        values.personalDataRemoved &&
        values.subject.trim() !== '' &&
        values.question.trim() !== '' &&
        values.reply.trim() !== ''
      }
    >
      {({ values, set }) => (
        <>
          <Typography textColor="neutral700">
            {t(
              'messages.answer.explain',
              '来信人同意公开。请删除姓名、电话、地址、证件号等个人信息后再创建；草稿须经保密审查，在内容管理中发布。'
            )}
          </Typography>
          <TextField
            name="subject"
            required
            label={t('messages.answer.subject', '问题标题')}
            value={values.subject}
            onChange={(v) => set('subject', v)}
          />
          <TextField
            name="question"
            required
            multiline
            label={t('messages.answer.question', '来信内容（已删除个人信息）')}
            value={values.question}
            onChange={(v) => set('question', v)}
          />
          <TextField
            name="reply"
            required
            multiline
            label={t('messages.answer.reply', '答复内容')}
            value={values.reply}
            onChange={(v) => set('reply', v)}
          />
          <Checkbox
            name="personalDataRemoved"
            checked={values.personalDataRemoved}
            onCheckedChange={(checked) => set('personalDataRemoved', checked === true)}
          >
            {t('messages.answer.confirm', '已删除个人信息')}
          </Checkbox>
        </>
      )}
    </FormModal>
  );
};

/**
 * One message: what the signed-in admin may do now (the server's allowedActions, by role), the
 * message, its writer (the read is in the ledger), its dates in their urgency's colour, its timeline.
 */
export const MessageView = ({
  detail,
  onChange,
}: {
  detail: MessageDetail;
  onChange: (detail: MessageDetail) => void;
}) => {
  const t = useT();
  const word = useWord();
  const { toggleNotification } = useNotification();
  const [action, setAction] = React.useState<MessageAction | null>(null);
  const [answering, setAnswering] = React.useState(false);
  const detailLabels: Record<string, string> = {
    routedTo: t('messages.form.routedTo', '转往渠道'),
    reason: t('messages.form.reason', '转办理由'),
    responsibleOffice: t('messages.form.responsibleOffice', '承办科室'),
  };
  const detailLines = (details: Record<string, unknown>): Array<[string, string]> =>
    Object.keys(detailLabels).flatMap((key) =>
      typeof details[key] === 'string' && details[key]
        ? [[detailLabels[key], details[key] as string] as [string, string]]
        : []
    );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {detail.flags.length > 0 && (
        <Box background="warning100" padding={4} hasRadius data-testid="message-flags">
          <Typography textColor="warning700">
            {detail.flags.map((flag) => word(MESSAGE_FLAG_WORDS[flag])).join('、')}
            {detail.repeatOf.length > 0 &&
              t('messages.repeatOf', '（此前来信：{numbers}）', {
                numbers: detail.repeatOf.join('、'),
              })}
          </Typography>
        </Box>
      )}

      <Section title={t('messages.section.actions', '办理')} testId="message-actions">
        {detail.allowedActions.length === 0 && !detail.mayPublishAnswer ? (
          <Typography textColor="neutral600">
            {t('messages.actions.none', '当前没有您可以办理的事项')}
          </Typography>
        ) : (
          <Flex gap={2} wrap="wrap">
            {detail.allowedActions.map((allowed) => (
              <Button
                key={allowed}
                variant={allowed === 'route' ? 'danger-light' : 'secondary'}
                onClick={() => setAction(allowed)}
                data-action={allowed}
              >
                {word(MESSAGE_ACTION_WORDS[allowed])}
              </Button>
            ))}
            {detail.mayPublishAnswer && (
              <Button
                variant="secondary"
                onClick={() => setAnswering(true)}
                data-action="public-answer"
              >
                {t('messages.answer.title', '发布为公众问答')}
              </Button>
            )}
          </Flex>
        )}
        {detail.publicAnswer && (
          <Typography textColor="neutral600" data-testid="message-public-answer">
            {detail.publicAnswer.published
              ? t('messages.answer.published', '已发布为公众问答')
              : t(
                  'messages.answer.draft',
                  '已创建公众问答草稿，须经保密审查后在内容管理“公众问答”中发布'
                )}
          </Typography>
        )}
      </Section>

      <Grid.Root gap={4}>
        <Grid.Item col={8} s={12} direction="column" alignItems="stretch" gap={4}>
          <Section title={t('messages.section.message', '来信内容')}>
            <Facts
              rows={[
                [t('messages.field.organization', '收信机关'), detail.organization?.name],
                [
                  t('messages.field.mailbox', '信箱'),
                  detail.mailbox?.leaderTitle ?? t('messages.suggestionBox', '意见箱'),
                ],
                [t('messages.field.kind', '类型'), word(MESSAGE_KIND_WORDS[detail.kind])],
                [t('messages.field.subject', '主题'), detail.subject],
                [t('messages.field.content', '内容'), detail.content],
                [
                  t('messages.field.consent', '同意公开'),
                  detail.consentToPublish ? t('messages.yes', '是') : t('messages.no', '否'),
                ],
              ]}
            />
          </Section>

          <Section title={t('messages.section.handling', '办理情况')} testId="message-outcome">
            <Facts
              rows={[
                [t('messages.form.responsibleOffice', '承办科室'), detail.responsibleOffice],
                [t('messages.form.routedTo', '转往渠道'), detail.routedTo],
                [t('messages.form.reason', '转办理由'), detail.routeReason],
                [t('messages.form.text', '答复内容'), detail.replyText],
                [t('messages.field.sentAt', '答复时间'), detail.sentAt && beijing(detail.sentAt)],
                [
                  t('messages.field.rating', '评价'),
                  detail.rating ? word(MESSAGE_RATING_WORDS[detail.rating]) : null,
                ],
              ]}
            />
          </Section>

          <Section title={t('messages.section.steps', '办理过程')}>
            <Timeline
              steps={detail.steps}
              stepWord={(kind) => word(MESSAGE_STEP_WORDS[kind])}
              detailLines={detailLines}
              testId="message-steps"
            />
          </Section>
        </Grid.Item>

        <Grid.Item col={4} s={12} direction="column" alignItems="stretch" gap={4}>
          <Section title={t('messages.section.clocks', '期限')} testId="message-clocks">
            <Facts
              rows={[
                [t('messages.column.receivedOn', '收信日期'), detail.receivedOn, 'receivedOn'],
                [
                  t('messages.clock.acceptanceDueOn', '受理期限'),
                  detail.status === 'received' ? (
                    <ClockBadge
                      key="acceptance"
                      testId="acceptance-due"
                      date={detail.acceptanceDueOn}
                      urgency={detail.urgency}
                    />
                  ) : (
                    detail.acceptanceDueOn
                  ),
                  'acceptanceDueOn',
                ],
                [
                  t('messages.clock.replyDueOn', '答复期限'),
                  detail.status === 'routed' ? null : (
                    <ClockBadge key="reply" date={detail.replyDueOn} urgency={detail.urgency} />
                  ),
                  'replyDueOn',
                ],
              ]}
            />
          </Section>

          <Section title={t('messages.section.writer', '来信人')} testId="message-writer">
            <Typography variant="pi" textColor="warning700">
              {t('messages.writer.ledgerNote', '来信人信息属于个人信息，查看记录将写入台账。')}
            </Typography>
            <Facts
              rows={[
                [t('messages.writer.name', '姓名'), detail.writer.name],
                [t('messages.writer.contact', '联系方式'), detail.writer.contact],
              ]}
            />
            {detail.linkCount > 0 && (
              <Badge>
                {t('messages.linkCount', '含链接 {count} 个', { count: detail.linkCount })}
              </Badge>
            )}
          </Section>
        </Grid.Item>
      </Grid.Root>

      <PublicAnswerForm
        open={answering}
        detail={detail}
        onClose={() => setAnswering(false)}
        onDone={(updated) => {
          setAnswering(false);
          onChange(updated);
          toggleNotification({
            type: 'success',
            message: t('messages.answer.done', '已创建公众问答草稿'),
          });
        }}
      />

      <MessageActionForm
        action={action}
        detail={detail}
        onClose={() => setAction(null)}
        onDone={(updated, done) => {
          setAction(null);
          onChange(updated);
          toggleNotification({
            type: 'success',
            message: t('messages.actionDone', '已办理：{action}', {
              action: word(MESSAGE_ACTION_WORDS[done]),
            }),
          });
        }}
      />
    </Flex>
  );
};
