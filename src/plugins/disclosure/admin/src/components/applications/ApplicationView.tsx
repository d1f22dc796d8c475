import * as React from 'react';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { ApplicationAction, ApplicationDetail } from '../../../../shared/contracts/on-request';
import {
  APPLICANT_TYPE_WORDS,
  APPLICATION_ACTION_WORDS,
  APPLICATION_CHANNEL_WORDS,
  DELIVERY_FORM_WORDS,
} from '../../../../shared/words';
import { useT } from '../common';
import { Facts, Section } from '../Section';
import { ActionForm } from './ActionForm';
import { ClockBadge } from '../ClockBadge';
import { Letters } from './Letters';
import { Timeline } from './Timeline';
import { useFeeBasisLabels, useOutcomeText, useWord } from './words';

/** Actions that end or set back a case: shown apart from the forward ones. */
const ENDING: ReadonlySet<ApplicationAction> = new Set(['treat-as-withdrawn', 'close-unpaid']);

const money = (amount: number) => `¥${amount.toFixed(2)}`;

interface Props {
  detail: ApplicationDetail;
  /** The case as an action's answer left it */
  onChange: (detail: ApplicationDetail) => void;
}

/**
 * One case: what the signed-in admin may do now (the server's allowedActions, by role), its clocks
 * in their urgency's colour, what is asked and by whom, the outcome, fee, timeline and letters.
 */
export const ApplicationView = ({ detail, onChange }: Props) => {
  const t = useT();
  const word = useWord();
  const outcomeText = useOutcomeText();
  const feeBases = useFeeBasisLabels();
  const { toggleNotification } = useNotification();
  const [action, setAction] = React.useState<ApplicationAction | null>(null);
  const { clocks, applicant, fee } = detail;
  const days = (count: number) => t('applications.workingDays', '{count} 个工作日', { count });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {detail.possibleRepeatOf.length > 0 && (
        <Box background="warning100" padding={4} hasRadius data-testid="possible-repeat">
          <Typography textColor="warning700">
            {t(
              'applications.possibleRepeatExplain',
              '同一申请人一年内提出过相似申请（{numbers}），可能属于重复申请，请核实后决定是否按“不予处理”答复。',
              { numbers: detail.possibleRepeatOf.join('、') }
            )}
          </Typography>
        </Box>
      )}

      <Section title={t('applications.section.actions', '办理')} testId="application-actions">
        {detail.allowedActions.length === 0 ? (
          <Typography textColor="neutral600">
            {t('applications.actions.none', '当前没有您可以办理的事项')}
          </Typography>
        ) : (
          <Flex gap={2} wrap="wrap">
            {detail.allowedActions.map((allowed) => (
              <Button
                key={allowed}
                variant={ENDING.has(allowed) ? 'danger-light' : 'secondary'}
                onClick={() => setAction(allowed)}
                data-action={allowed}
              >
                {word(APPLICATION_ACTION_WORDS[allowed])}
              </Button>
            ))}
          </Flex>
        )}
      </Section>

      <Grid.Root gap={4}>
        <Grid.Item col={8} s={12} direction="column" alignItems="stretch" gap={4}>
          <Section title={t('applications.section.request', '申请内容')}>
            <Facts
              rows={[
                [t('applications.field.organization', '受理机关'), detail.organization?.name],
                [t('applications.field.description', '所需信息'), detail.description],
                [t('applications.field.documentNumber', '文号'), detail.documentNumber],
                [
                  t('applications.field.form', '获取信息的方式'),
                  word(DELIVERY_FORM_WORDS[detail.form]),
                ],
                [
                  t('applications.field.channel', '申请渠道'),
                  word(APPLICATION_CHANNEL_WORDS[detail.channel]),
                ],
                [t('applications.field.responsibleOffice', '承办机构'), detail.responsibleOffice],
              ]}
            />
          </Section>

          <Section
            title={t('applications.section.outcome', '办理结果')}
            testId="application-outcome"
          >
            <Facts
              rows={[
                [
                  t('applications.field.outcome', '办理结果'),
                  detail.outcome ? outcomeText(detail) : null,
                ],
                [t('applications.field.legalBasis', '法律依据'), detail.legalBasis],
                [
                  t('applications.field.publicDocuments', '已主动公开的信息'),
                  detail.publicDocumentTitles.join('、'),
                ],
                [t('applications.field.replyText', '答复正文'), detail.replyText],
              ]}
            />
          </Section>

          <Section title={t('applications.section.steps', '办理过程')}>
            <Timeline
              steps={detail.steps}
              documentTitles={Object.fromEntries(
                detail.publicDocuments.map((documentId, index) => [
                  documentId,
                  detail.publicDocumentTitles[index] ?? documentId,
                ])
              )}
            />
          </Section>

          <Section title={t('applications.section.letters', '文书')}>
            <Letters detail={detail} />
          </Section>
        </Grid.Item>

        <Grid.Item col={4} s={12} direction="column" alignItems="stretch" gap={4}>
          <Section title={t('applications.section.clocks', '期限')} testId="application-clocks">
            <Facts
              rows={[
                [t('applications.clock.receivedOn', '收到日期'), clocks.receivedOn, 'receivedOn'],
                [
                  t('applications.clock.correctionNoticeDueOn', '补正告知期限'),
                  clocks.correctionNoticeDueOn,
                  'correctionNoticeDueOn',
                ],
                [
                  t('applications.clock.correctionDueOn', '补正期限'),
                  clocks.correctionDueOn,
                  'correctionDueOn',
                ],
                [
                  t('applications.clock.replyDueOn', '答复期限'),
                  <ClockBadge key="reply" date={clocks.replyDueOn} urgency={detail.urgency} />,
                  'replyDueOn',
                ],
                [
                  t('applications.clock.consultationDueOn', '征求意见期限'),
                  clocks.consultationDueOn,
                  'consultationDueOn',
                ],
                [
                  t('applications.clock.pausedWorkingDays', '暂停工作日'),
                  days(clocks.pausedWorkingDays),
                  'pausedWorkingDays',
                ],
                [
                  t('applications.clock.extendedWorkingDays', '延期工作日'),
                  days(clocks.extendedWorkingDays),
                  'extendedWorkingDays',
                ],
                [
                  t('applications.clock.paymentDueOn', '缴费期限'),
                  clocks.paymentDueOn,
                  'paymentDueOn',
                ],
              ]}
            />
          </Section>

          <Section
            title={t('applications.section.applicant', '申请人')}
            testId="application-applicant"
          >
            <Typography variant="pi" textColor="warning700">
              {t(
                'applications.applicant.ledgerNote',
                '申请人信息属于个人信息，查看记录将写入台账。'
              )}
            </Typography>
            <Facts
              rows={[
                [
                  t('applications.field.applicantType', '申请人类型'),
                  word(APPLICANT_TYPE_WORDS[detail.applicantType]),
                ],
                [t('applications.field.name', '姓名或名称'), applicant.name],
                [t('applications.field.idType', '证件类型'), applicant.idType],
                [t('applications.field.idNumber', '证件号码'), applicant.idNumber],
                [t('applications.field.phone', '联系电话'), applicant.phone],
                [t('applications.field.email', '电子邮箱'), applicant.email],
                [t('applications.field.address', '通信地址'), applicant.address],
              ]}
            />
          </Section>

          <Section title={t('applications.section.fee', '信息处理费')} testId="application-fee">
            {fee === null ? (
              <Typography textColor="neutral600">{t('applications.fee.none', '不收费')}</Typography>
            ) : (
              <Facts
                rows={[
                  [t('applications.fee.basis', '计收方式'), feeBases[fee.basis]],
                  ...(fee.pages !== null
                    ? [[t('applications.fee.pages', '页数'), fee.pages] as [string, number]]
                    : []),
                  [t('applications.fee.amount', '金额'), money(fee.amount)],
                  [
                    t('applications.fee.paidOn', '缴费日期'),
                    fee.paidOn ?? t('applications.fee.unpaid', '未缴费'),
                  ],
                ]}
              />
            )}
          </Section>
        </Grid.Item>
      </Grid.Root>

      <ActionForm
        action={action}
        detail={detail}
        onClose={() => setAction(null)}
        onDone={(updated, done) => {
          setAction(null);
          onChange(updated);
          toggleNotification({
            type: 'success',
            message: t('applications.actionDone', '已办理：{action}', {
              action: word(APPLICATION_ACTION_WORDS[done]),
            }),
          });
        }}
      />
    </Flex>
  );
};
