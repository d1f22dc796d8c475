import {
  ALL_OUTCOME_REASONS,
  APPLICATION_CHANNELS,
  DELIVERY_FORMS,
  OUTCOMES,
  type ActionBodies,
  type ApplicationAction,
  type ApplicationChannel,
  type ApplicationStep,
  type ConsultationKind,
  type DeliveryForm,
  type FeeBasis,
  type Outcome,
  type OutcomeReason,
} from '../../../../shared/contracts/on-request';
import { APPLICATION_CHANNEL_WORDS } from '../../../../shared/words';
import { useT } from '../common';
import { Timeline as StepTimeline } from '../Timeline';
import {
  useConsultationKindLabels,
  useDeliveryMethodWord,
  useFeeBasisLabels,
  useOutcomeText,
  useStepWord,
  useWord,
} from './words';

/** Every field an action's body can have (the actions with an empty body have none). */
type BodyKey = {
  [A in ApplicationAction]: ActionBodies[A] extends Record<string, never>
    ? never
    : keyof ActionBodies[A];
}[ApplicationAction];

/** What a step's details may hold: its action's body, and registration's channel. */
type DetailKey = BodyKey | 'channel';

const has = <T extends string>(codes: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (codes as readonly string[]).includes(value);

/** The labels of the details a step shows, in the order shown. */
const useDetailLabels = (): Record<DetailKey, string> => {
  const t = useT();
  return {
    channel: t('applications.detail.channel', '申请渠道'),
    receivedOn: t('applications.detail.receivedOn', '收到日期'),
    items: t('applications.detail.items', '补正事项'),
    correctionDueOn: t('applications.detail.correctionDueOn', '补正期限'),
    responsibleOffice: t('applications.detail.responsibleOffice', '承办机构'),
    participants: t('applications.detail.participants', '参加人员'),
    conclusion: t('applications.detail.conclusion', '会商意见'),
    kind: t('applications.detail.kind', '征求意见对象类型'),
    party: t('applications.detail.party', '征求意见对象'),
    sentOn: t('applications.detail.sentOn', '发出日期'),
    answeredOn: t('applications.detail.answeredOn', '收到意见日期'),
    opinion: t('applications.detail.opinion', '意见内容'),
    workingDays: t('applications.detail.workingDays', '延长工作日数'),
    reason: t('applications.detail.reason', '理由'),
    basis: t('applications.detail.basis', '计收方式'),
    pages: t('applications.detail.pages', '页数'),
    paymentDueOn: t('applications.detail.paymentDueOn', '缴费期限'),
    paidOn: t('applications.detail.paidOn', '缴费日期'),
    amount: t('applications.detail.amount', '金额（元）'),
    outcome: t('applications.detail.outcome', '办理结果'),
    legalBasis: t('applications.detail.legalBasis', '法律依据'),
    text: t('applications.detail.text', '答复正文'),
    publicDocuments: t('applications.detail.publicDocuments', '已主动公开的信息'),
    redirectChannel: t('applications.detail.redirectChannel', '告知的办理渠道'),
    method: t('applications.detail.method', '送达方式'),
    deliveredOn: t('applications.detail.deliveredOn', '送达日期'),
    note: t('applications.detail.note', '备注'),
  };
};

/**
 * A step's details in words: codes through words.ts and the page's labels; a step's reply text is
 * left to the case's reply (it is long), and anything not known to the contract is not shown.
 */
const useDetailLines = (documentTitles: Readonly<Record<string, string>>) => {
  const labels = useDetailLabels();
  const word = useWord();
  const consultationKinds = useConsultationKindLabels();
  const feeBases = useFeeBasisLabels();
  const methodWord = useDeliveryMethodWord();
  const outcomeText = useOutcomeText();
  const keys = Object.keys(labels) as DetailKey[];

  const valueOf = (key: DetailKey, value: unknown, details: ApplicationStep['details']) => {
    switch (key) {
      case 'channel':
        return has<ApplicationChannel>(APPLICATION_CHANNELS, value)
          ? word(APPLICATION_CHANNEL_WORDS[value])
          : null;
      case 'kind':
        return value === 'third-party' || value === 'other-authority'
          ? consultationKinds[value as ConsultationKind]
          : null;
      case 'basis':
        return value === 'count' || value === 'pages' ? feeBases[value as FeeBasis] : null;
      case 'method':
        return value === 'post' || has<DeliveryForm>(DELIVERY_FORMS, value)
          ? methodWord(value)
          : null;
      case 'outcome':
        return has<Outcome>(OUTCOMES, value)
          ? outcomeText({
              outcome: value,
              outcomeReason: has<OutcomeReason>(ALL_OUTCOME_REASONS, details.reason)
                ? details.reason
                : null,
            })
          : null;
      // Shown with the outcome; for `extend` the reason is free text.
      case 'reason':
        return typeof details.outcome === 'string'
          ? null
          : typeof value === 'string'
            ? value
            : null;
      case 'text':
        return null;
      // Catalogue items by their titles, not their ids.
      case 'publicDocuments':
        return Array.isArray(value)
          ? value
              .map((documentId) => documentTitles[String(documentId)] ?? documentId)
              .join('、') || null
          : null;
      default:
        if (Array.isArray(value)) return value.filter((entry) => entry !== '').join('、') || null;
        return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    }
  };

  return (details: ApplicationStep['details']): Array<[string, string]> =>
    keys.flatMap((key) => {
      if (!(key in details)) return [];
      const text = valueOf(key, details[key], details);
      return text ? [[labels[key], text] as [string, string]] : [];
    });
};

/** 办理过程 of a case: the steps, with the details of the on-request actions in words. */
export const Timeline = ({
  steps,
  documentTitles = {},
}: {
  steps: ApplicationStep[];
  /** The catalogue items a reply points to, by documentId */
  documentTitles?: Readonly<Record<string, string>>;
}) => {
  const stepWord = useStepWord();
  const detailLines = useDetailLines(documentTitles);
  return (
    <StepTimeline
      steps={steps}
      stepWord={stepWord}
      detailLines={detailLines}
      testId="application-steps"
    />
  );
};
