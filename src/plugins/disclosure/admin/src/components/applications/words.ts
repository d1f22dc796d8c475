import * as React from 'react';
import { useIntl } from 'react-intl';
import type {
  ActionBodies,
  ApplicationSummary,
  ConsultationKind,
  FeeBasis,
  LetterKind,
  StepKind,
} from '../../../../shared/contracts/on-request';
import {
  APPLICATION_ACTION_WORDS,
  DELIVERY_FORM_WORDS,
  OUTCOME_REASON_WORDS,
  OUTCOME_WORDS,
  type AdminLocale,
  type Word,
} from '../../../../shared/words';
import { useT } from '../common';

/**
 * The words of the on-request page: the codes' words come from shared/words.ts in the admin's
 * language (zh… → 'zh-Hans', anything else → 'en'); what words.ts does not name (urgency, letter
 * kinds, consultation kinds, fee bases, the steps that are not actions) is the page's own text, in
 * translations/*.json like every other label.
 */

export const adminLocaleOf = (locale: string | undefined): AdminLocale =>
  locale?.toLowerCase().startsWith('zh') ? 'zh-Hans' : 'en';

/** A shared Word in the admin's language. */
export const useWord = (): ((word: Word) => string) => {
  const { locale } = useIntl();
  const language = adminLocaleOf(locale);
  return React.useCallback((word: Word) => word[language], [language]);
};

export type Urgency = ApplicationSummary['urgency'];
export const URGENCIES: readonly Urgency[] = ['overdue', 'due-soon', 'on-track', 'concluded'];

export const useUrgencyLabels = (): Record<Urgency, string> => {
  const t = useT();
  return {
    overdue: t('applications.urgency.overdue', '已超期'),
    'due-soon': t('applications.urgency.dueSoon', '即将到期'),
    'on-track': t('applications.urgency.onTrack', '正常'),
    concluded: t('applications.urgency.concluded', '已办结'),
  };
};

export const useConsultationKindLabels = (): Record<ConsultationKind, string> => {
  const t = useT();
  return {
    'third-party': t('applications.consultation.thirdParty', '第三方'),
    'other-authority': t('applications.consultation.otherAuthority', '其他行政机关'),
  };
};

export const useFeeBasisLabels = (): Record<FeeBasis, string> => {
  const t = useT();
  return {
    count: t('applications.fee.basis.count', '按件计收'),
    pages: t('applications.fee.basis.pages', '按量计收'),
  };
};

export const useLetterLabels = (): Record<LetterKind, string> => {
  const t = useT();
  return {
    acknowledgement: t('applications.letter.acknowledgement', '登记回执'),
    'correction-notice': t('applications.letter.correctionNotice', '补正申请告知书'),
    'third-party-consultation': t('applications.letter.thirdPartyConsultation', '第三方意见征询函'),
    'extension-notice': t('applications.letter.extensionNotice', '延期答复告知书'),
    'fee-notice': t('applications.letter.feeNotice', '收费通知书'),
    reply: t('applications.letter.reply', '政府信息公开申请答复书'),
  };
};

/** How a reply is delivered: the forms the applicant may ask for, and post. */
export type DeliveryMethod = ActionBodies['deliver']['method'];

export const useDeliveryMethodWord = (): ((method: DeliveryMethod) => string) => {
  const t = useT();
  const word = useWord();
  return React.useCallback(
    (method: DeliveryMethod) =>
      method === 'post'
        ? t('applications.deliver.post', '邮寄')
        : word(DELIVERY_FORM_WORDS[method]),
    [t, word]
  );
};

/** A step in words: an action's word from words.ts, or the page's words for registration and the sweep's move. */
export const useStepWord = (): ((kind: StepKind) => string) => {
  const t = useT();
  const word = useWord();
  return React.useCallback(
    (kind: StepKind) => {
      if (kind === 'register') return t('applications.step.register', '登记申请');
      if (kind === 'consultation-lapsed')
        return t('applications.step.consultationLapsed', '征求意见期满（15 个工作日）');
      return word(APPLICATION_ACTION_WORDS[kind]);
    },
    [t, word]
  );
};

/** An outcome in words: its group, and its numbered reason when it has one. */
export const useOutcomeText = () => {
  const { locale } = useIntl();
  const language = adminLocaleOf(locale);
  return React.useCallback(
    (summary: Pick<ApplicationSummary, 'outcome' | 'outcomeReason'>): string => {
      if (!summary.outcome) return '—';
      const group = OUTCOME_WORDS[summary.outcome][language];
      const reason = summary.outcomeReason && OUTCOME_REASON_WORDS[summary.outcomeReason];
      if (!reason) return group;
      return language === 'zh-Hans'
        ? `${group}（${reason[language]}）`
        : `${group} (${reason[language]})`;
    },
    [language]
  );
};
