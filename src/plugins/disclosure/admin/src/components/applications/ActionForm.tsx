import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  DELIVERY_FORMS,
  OUTCOME_REASONS,
  OUTCOMES,
  type ActionBodies,
  type ApplicationAction,
  type ApplicationDetail,
  type ConsultationKind,
  type FeeBasis,
  type Outcome,
  type OutcomeReason,
} from '../../../../shared/contracts/on-request';
import {
  APPLICATION_ACTION_WORDS,
  OUTCOME_REASON_WORDS,
  OUTCOME_WORDS,
} from '../../../../shared/words';
import { beijingToday } from '../../utils/format';
import { splitList, useFailureText, useT } from '../common';
import { SelectField, TextField } from '../FormFields';
import { FormModal, type FormFields } from '../FormModal';
import {
  useConsultationKindLabels,
  useDeliveryMethodWord,
  useFeeBasisLabels,
  useWord,
  type DeliveryMethod,
} from './words';

/**
 * The form of every action, as one set of text fields (a date input holds YYYY-MM-DD, numbers are
 * typed as text): each action shows the ones its body has and builds its body from them.
 */
export interface ActionValues {
  /** The action's one date: received, correction due, sent, answered, payment due, paid, delivered */
  date: string;
  /** 补正事项 */
  items: string;
  responsibleOffice: string;
  /** assign / approve-reply: 备注 */
  note: string;
  /** 会商 participants, a comma or line list */
  participants: string;
  conclusion: string;
  consultationKind: ConsultationKind;
  party: string;
  opinion: string;
  workingDays: string;
  /** extend: 延期理由 */
  reason: string;
  feeBasis: FeeBasis;
  pages: string;
  amount: string;
  outcome: Outcome | '';
  outcomeReason: OutcomeReason | '';
  legalBasis: string;
  replyText: string;
  /** documentIds of catalogue items already public, a comma or line list */
  publicDocuments: string;
  redirectChannel: string;
  method: DeliveryMethod;
}

/** "a, b，c、d" or one a line → the entries. */
const splitLines = (text: string) => text.split(/\r?\n/).flatMap(splitList);
const trimmed = (text: string) => text.trim() || undefined;
const isWholeNumber = (text: string, min: number, max = Infinity) => {
  const number = Number(text);
  return text.trim() !== '' && Number.isInteger(number) && number >= min && number <= max;
};

/** The reasons an outcome has (table 3's numbered rows); none for 予以公开 and 部分公开. */
const reasonsOf = (outcome: Outcome | ''): readonly OutcomeReason[] =>
  outcome ? OUTCOME_REASONS[outcome] : [];

/** 不予处理 1 (a petition or complaint): the channel the request belongs to is named in the reply. */
const needsRedirect = (values: ActionValues) =>
  values.outcome === 'not-processed' && values.outcomeReason === 'petition-complaint';

/** Information already public is pointed to (the catalogue items) by a disclosing reply. */
const pointsToPublic = (values: ActionValues) =>
  values.outcome === 'disclosed' || values.outcome === 'partially-disclosed';

/** Each action's body from the form. */
const BODIES: { [A in ApplicationAction]: (values: ActionValues) => ActionBodies[A] } = {
  'confirm-receipt': (v) => ({ receivedOn: v.date }),
  'request-correction': (v) => ({ items: v.items.trim(), correctionDueOn: v.date }),
  'receive-correction': (v) => ({ receivedOn: v.date }),
  'treat-as-withdrawn': () => ({}),
  assign: (v) => ({ responsibleOffice: v.responsibleOffice.trim(), note: trimmed(v.note) }),
  'joint-review': (v) => ({
    participants: splitLines(v.participants),
    conclusion: v.conclusion.trim(),
  }),
  'start-consultation': (v) => ({
    kind: v.consultationKind,
    party: v.party.trim(),
    sentOn: v.date,
  }),
  'end-consultation': (v) => ({ answeredOn: v.date, opinion: trimmed(v.opinion) }),
  extend: (v) => ({ workingDays: Number(v.workingDays), reason: v.reason.trim() }),
  'request-fee': (v) => ({
    basis: v.feeBasis,
    ...(v.feeBasis === 'pages' ? { pages: Number(v.pages) } : {}),
    paymentDueOn: v.date,
  }),
  'record-payment': (v) => ({ paidOn: v.date, amount: Number(v.amount) }),
  'close-unpaid': () => ({}),
  'draft-reply': (v) => ({
    // Checked by VALID before it is sent: an outcome is chosen.
    outcome: v.outcome as Outcome,
    ...(v.outcomeReason && reasonsOf(v.outcome).includes(v.outcomeReason)
      ? { reason: v.outcomeReason }
      : {}),
    legalBasis: v.legalBasis.trim(),
    text: trimmed(v.replyText),
    ...(pointsToPublic(v) && splitLines(v.publicDocuments).length > 0
      ? { publicDocuments: splitLines(v.publicDocuments) }
      : {}),
    ...(needsRedirect(v) ? { redirectChannel: v.redirectChannel.trim() } : {}),
  }),
  'approve-reply': (v) => ({ note: trimmed(v.note) }),
  deliver: (v) => ({ method: v.method, deliveredOn: v.date }),
  archive: () => ({}),
};

/** Whether the form may be sent (the server checks again, and says why in Chinese). */
const VALID: { [A in ApplicationAction]: (values: ActionValues) => boolean } = {
  'confirm-receipt': (v) => v.date !== '',
  'request-correction': (v) => v.items.trim() !== '' && v.date !== '',
  'receive-correction': (v) => v.date !== '',
  'treat-as-withdrawn': () => true,
  assign: (v) => v.responsibleOffice.trim() !== '',
  'joint-review': (v) => splitLines(v.participants).length > 0 && v.conclusion.trim() !== '',
  'start-consultation': (v) => v.party.trim() !== '' && v.date !== '',
  'end-consultation': (v) => v.date !== '',
  extend: (v) => isWholeNumber(v.workingDays, 1, 20) && v.reason.trim() !== '',
  'request-fee': (v) => v.date !== '' && (v.feeBasis === 'count' || isWholeNumber(v.pages, 1)),
  'record-payment': (v) => v.date !== '' && v.amount.trim() !== '' && Number(v.amount) >= 0,
  'close-unpaid': () => true,
  'draft-reply': (v) =>
    v.outcome !== '' &&
    (reasonsOf(v.outcome).length === 0 ||
      (v.outcomeReason !== '' && reasonsOf(v.outcome).includes(v.outcomeReason))) &&
    v.legalBasis.trim() !== '' &&
    (!needsRedirect(v) || v.redirectChannel.trim() !== ''),
  'approve-reply': () => true,
  deliver: (v) => v.date !== '',
  archive: () => true,
};

/** The actions whose date is in the future (a period given to the applicant): no default of today. */
const FUTURE_DATE: ReadonlySet<ApplicationAction> = new Set(['request-correction', 'request-fee']);

const initialValues = (action: ApplicationAction, detail: ApplicationDetail): ActionValues => ({
  date: FUTURE_DATE.has(action) ? '' : beijingToday(),
  items: '',
  responsibleOffice: detail.responsibleOffice ?? '',
  note: '',
  participants: '',
  conclusion: '',
  consultationKind: 'third-party',
  party: '',
  opinion: '',
  workingDays: '20',
  reason: '',
  feeBasis: detail.fee?.basis ?? 'count',
  pages: detail.fee?.pages ? String(detail.fee.pages) : '',
  amount: detail.fee ? String(detail.fee.amount) : '',
  outcome: detail.outcome ?? '',
  outcomeReason: detail.outcomeReason ?? '',
  legalBasis: detail.legalBasis ?? '',
  replyText: detail.replyText ?? '',
  publicDocuments: detail.publicDocuments.join('\n'),
  redirectChannel: '',
  method: detail.form,
});

interface Props {
  /** The action whose form is open; null: closed */
  action: ApplicationAction | null;
  detail: ApplicationDetail;
  onClose: () => void;
  /** The case as the action left it (the route's answer) */
  onDone: (detail: ApplicationDetail, action: ApplicationAction) => void;
}

/** One action on a case: its form, sent to POST …/actions/:action; a refusal shows the server's words. */
export const ActionForm = ({ action, detail, onClose, onDone }: Props) => {
  const t = useT();
  const word = useWord();
  const { post } = useFetchClient();
  const failureText = useFailureText(
    t('applications.forbidden', '您没有办理此事项的权限，请联系本机关政务公开工作机构')
  );
  if (!action) return null;
  const current = action;

  const submit = async (values: ActionValues) => {
    const { data: answer } = await post<{ data: ApplicationDetail }>(
      `/disclosure/applications/${detail.documentId}/actions/${current}`,
      {
        data: BODIES[current](values),
      }
    );
    onDone(answer.data, current);
  };

  return (
    <FormModal<ActionValues>
      // A fresh form for each action opened.
      key={current}
      open
      title={word(APPLICATION_ACTION_WORDS[current])}
      submitLabel={word(APPLICATION_ACTION_WORDS[current])}
      initialValues={initialValues(current, detail)}
      onClose={onClose}
      onSubmit={submit}
      errorText={failureText}
      canSubmit={(values) => VALID[current](values)}
    >
      {(fields) => <ActionFields action={current} detail={detail} {...fields} />}
    </FormModal>
  );
};

type FieldsProps = FormFields<ActionValues> & {
  action: ApplicationAction;
  detail: ApplicationDetail;
};

const Explain = ({ children }: { children: React.ReactNode }) => (
  <Typography textColor="neutral700">{children}</Typography>
);

/** The fields of one action's body. */
const ActionFields = ({ action, detail, values, set }: FieldsProps) => {
  const t = useT();
  const word = useWord();
  const consultationKinds = useConsultationKindLabels();
  const feeBases = useFeeBasisLabels();
  const methodWord = useDeliveryMethodWord();
  const date = (label: string, hint?: string) => (
    <TextField
      name="date"
      type="date"
      required
      label={label}
      hint={hint}
      value={values.date}
      onChange={(v) => set('date', v)}
    />
  );
  const listHint = t('applications.form.listHint', '多个以逗号、顿号或换行分隔');

  switch (action) {
    case 'confirm-receipt':
      return date(
        t('applications.form.receivedOn', '收到申请日期'),
        t(
          'applications.form.receivedOnHint',
          '平常信函以与申请人确认之日、网上申请和传真以双方确认之日为收到申请之日（条例第三十一条）'
        )
      );
    case 'request-correction':
      return (
        <>
          <TextField
            name="items"
            required
            multiline
            label={t('applications.form.items', '需要补正的事项')}
            hint={t('applications.form.itemsHint', '一次性告知申请人需要补正的事项')}
            value={values.items}
            onChange={(v) => set('items', v)}
          />
          {date(
            t('applications.form.correctionDueOn', '补正期限'),
            t('applications.form.correctionDueOnHint', '申请人应在此日期前补正，逾期视为放弃申请')
          )}
        </>
      );
    case 'receive-correction':
      return date(
        t('applications.form.correctionReceivedOn', '收到补正日期'),
        t('applications.form.correctionReceivedOnHint', '答复期限自收到补正后的申请之日起计算')
      );
    case 'treat-as-withdrawn':
      return (
        <Explain>
          {t(
            'applications.form.withdrawnExplain',
            '申请人无正当理由逾期不补正，视为放弃申请。本案将以“其他处理：{reason}”办结。',
            { reason: word(OUTCOME_REASON_WORDS['no-correction']) }
          )}
        </Explain>
      );
    case 'assign':
      return (
        <>
          <TextField
            name="responsibleOffice"
            required
            label={t('applications.form.responsibleOffice', '承办机构')}
            hint={t('applications.form.responsibleOfficeHint', '负责拟办答复的业务科室或单位')}
            value={values.responsibleOffice}
            onChange={(v) => set('responsibleOffice', v)}
          />
          <TextField
            name="note"
            multiline
            label={t('applications.form.note', '备注')}
            value={values.note}
            onChange={(v) => set('note', v)}
          />
        </>
      );
    case 'joint-review':
      return (
        <>
          <TextField
            name="participants"
            required
            multiline
            label={t('applications.form.participants', '会商参加人员')}
            hint={listHint}
            value={values.participants}
            onChange={(v) => set('participants', v)}
          />
          <TextField
            name="conclusion"
            required
            multiline
            label={t('applications.form.conclusion', '会商意见')}
            value={values.conclusion}
            onChange={(v) => set('conclusion', v)}
          />
        </>
      );
    case 'start-consultation':
      return (
        <>
          <SelectField
            name="consultationKind"
            required
            label={t('applications.form.consultationKind', '征求意见对象类型')}
            value={values.consultationKind}
            options={(Object.keys(consultationKinds) as ConsultationKind[]).map((kind) => ({
              value: kind,
              label: consultationKinds[kind],
            }))}
            onChange={(kind) => set('consultationKind', kind)}
          />
          <TextField
            name="party"
            required
            label={t('applications.form.party', '征求意见对象')}
            value={values.party}
            onChange={(v) => set('party', v)}
          />
          {date(
            t('applications.form.sentOn', '发出日期'),
            t(
              'applications.form.sentOnHint',
              '征求意见期间不计入答复期限；第三方应在 15 个工作日内提出意见（条例第三十二条）'
            )
          )}
        </>
      );
    case 'end-consultation':
      return (
        <>
          {date(t('applications.form.answeredOn', '收到意见日期'))}
          <TextField
            name="opinion"
            multiline
            label={t('applications.form.opinion', '意见内容')}
            value={values.opinion}
            onChange={(v) => set('opinion', v)}
          />
        </>
      );
    case 'extend':
      return (
        <>
          <TextField
            name="workingDays"
            required
            type="number"
            range={{ min: 1, max: 20, step: 1 }}
            label={t('applications.form.workingDays', '延长工作日数')}
            hint={t(
              'applications.form.workingDaysHint',
              '经政务公开工作机构负责人同意，可延长一次，最长不超过 20 个工作日'
            )}
            error={
              values.workingDays !== '' && !isWholeNumber(values.workingDays, 1, 20)
                ? t('applications.form.workingDaysError', '请填写 1 至 20 之间的整数')
                : undefined
            }
            value={values.workingDays}
            onChange={(v) => set('workingDays', v)}
          />
          <TextField
            name="reason"
            required
            multiline
            label={t('applications.form.extendReason', '延期理由')}
            value={values.reason}
            onChange={(v) => set('reason', v)}
          />
        </>
      );
    case 'request-fee':
      return (
        <>
          <SelectField
            name="feeBasis"
            required
            label={t('applications.form.feeBasis', '计收方式')}
            hint={t(
              'applications.form.feeBasisHint',
              '按件：同一申请人一个自然月内申请 10 件以下不收费；按量：30 页以下不收费（国办函〔2020〕109号）'
            )}
            value={values.feeBasis}
            options={(Object.keys(feeBases) as FeeBasis[]).map((basis) => ({
              value: basis,
              label: feeBases[basis],
            }))}
            onChange={(basis) => set('feeBasis', basis)}
          />
          {values.feeBasis === 'pages' && (
            <TextField
              name="pages"
              required
              type="number"
              range={{ min: 1, step: 1 }}
              label={t('applications.form.pages', '页数')}
              value={values.pages}
              onChange={(v) => set('pages', v)}
            />
          )}
          {date(
            t('applications.form.paymentDueOn', '缴费期限'),
            t(
              'applications.form.paymentDueOnHint',
              '缴费期间答复期限暂停计算；逾期未缴费的，以“其他处理”办结'
            )
          )}
        </>
      );
    case 'record-payment':
      return (
        <>
          {date(t('applications.form.paidOn', '缴费日期'))}
          <TextField
            name="amount"
            required
            type="number"
            range={{ min: 0, step: '0.01' }}
            label={t('applications.form.amount', '缴费金额（元）')}
            value={values.amount}
            onChange={(v) => set('amount', v)}
          />
        </>
      );
    case 'close-unpaid':
      return (
        <Explain>
          {t(
            'applications.form.unpaidExplain',
            '申请人逾期未缴纳费用。本案将以“其他处理：{reason}”办结。',
            { reason: word(OUTCOME_REASON_WORDS['fee-unpaid']) }
          )}
        </Explain>
      );
    case 'draft-reply': {
      const reasons = reasonsOf(values.outcome);
      return (
        <>
          <SelectField
            name="outcome"
            required
            label={t('applications.form.outcome', '办理结果')}
            placeholder={t('applications.form.choose', '请选择')}
            value={values.outcome}
            options={OUTCOMES.map((outcome) => ({
              value: outcome,
              label: word(OUTCOME_WORDS[outcome]),
            }))}
            onChange={(outcome) => {
              set('outcome', outcome);
              // A reason belongs to one outcome: another outcome starts without one.
              if (!reasonsOf(outcome).includes(values.outcomeReason as OutcomeReason))
                set('outcomeReason', '');
            }}
          />
          {reasons.length > 0 && (
            <SelectField
              name="outcomeReason"
              required
              label={t('applications.form.outcomeReason', '具体情形')}
              placeholder={t('applications.form.choose', '请选择')}
              value={values.outcomeReason}
              options={reasons.map((reason) => ({
                value: reason,
                label: word(OUTCOME_REASON_WORDS[reason]),
              }))}
              onChange={(reason) => set('outcomeReason', reason)}
            />
          )}
          {needsRedirect(values) && (
            <TextField
              name="redirectChannel"
              required
              label={t('applications.form.redirectChannel', '告知申请人的办理渠道')}
              hint={t(
                'applications.form.redirectChannelHint',
                '如：信访部门、12345 政务服务便民热线'
              )}
              value={values.redirectChannel}
              onChange={(v) => set('redirectChannel', v)}
            />
          )}
          <TextField
            name="legalBasis"
            required
            multiline
            label={t('applications.form.legalBasis', '法律依据')}
            hint={t(
              'applications.form.legalBasisHint',
              '答复书引用的条款，如：《中华人民共和国政府信息公开条例》第三十六条第（二）项'
            )}
            value={values.legalBasis}
            onChange={(v) => set('legalBasis', v)}
          />
          {pointsToPublic(values) && (
            <TextField
              name="publicDocuments"
              multiline
              label={t('applications.form.publicDocuments', '已主动公开的信息')}
              hint={t(
                'applications.form.publicDocumentsHint',
                '所申请信息已主动公开的，填写目录条目的文档 ID；{hint}',
                { hint: listHint }
              )}
              value={values.publicDocuments}
              onChange={(v) => set('publicDocuments', v)}
            />
          )}
          <TextField
            name="replyText"
            multiline
            label={t('applications.form.replyText', '答复正文')}
            hint={t('applications.form.replyTextHint', '留空则按答复书模板生成')}
            value={values.replyText}
            onChange={(v) => set('replyText', v)}
          />
        </>
      );
    }
    case 'approve-reply':
      return (
        <>
          {detail.replyText && (
            <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
              {detail.replyText}
            </Typography>
          )}
          <TextField
            name="note"
            multiline
            label={t('applications.form.approvalNote', '审批意见')}
            value={values.note}
            onChange={(v) => set('note', v)}
          />
        </>
      );
    case 'deliver':
      return (
        <>
          <SelectField
            name="method"
            required
            label={t('applications.form.method', '送达方式')}
            value={values.method}
            options={[...DELIVERY_FORMS, 'post' as const].map((method) => ({
              value: method,
              label: methodWord(method),
            }))}
            onChange={(method) => set('method', method)}
          />
          {date(t('applications.form.deliveredOn', '送达日期'))}
        </>
      );
    case 'archive':
      return (
        <Explain>
          {t('applications.form.archiveExplain', '归档后本案不再办理，案卷留存备查。')}
        </Explain>
      );
  }
};
