import * as React from 'react';
import type {
  ActionBodies,
  ApplicationSummary,
  StepKind,
} from '../../../../shared/contracts/on-request';
import {
  CONSULTATION_KIND_WORDS,
  DELIVERY_METHOD_WORDS,
  FEE_BASIS_WORDS,
  LETTER_KIND_WORDS,
  OUTCOME_REASON_WORDS,
  OUTCOME_WORDS,
  STEP_KIND_WORDS,
} from '../../../../shared/words';
import { useWord } from '../common';
import { useLabels } from '../words';

/** The words of the on-request page: every code's words come from shared/words.ts, in the admin's language. */
export { useWord };

export { URGENCIES, useUrgencyLabels, type Urgency } from '../words';

export const useConsultationKindLabels = () => useLabels(CONSULTATION_KIND_WORDS);
export const useFeeBasisLabels = () => useLabels(FEE_BASIS_WORDS);
export const useLetterLabels = () => useLabels(LETTER_KIND_WORDS);

/** How a reply is delivered: the forms the applicant may ask for, and post. */
export type DeliveryMethod = ActionBodies['deliver']['method'];

export const useDeliveryMethodWord = (): ((method: DeliveryMethod) => string) => {
  const word = useWord();
  return React.useCallback((method: DeliveryMethod) => word(DELIVERY_METHOD_WORDS[method]), [word]);
};

/** A step in words: an action's, or registration's and the sweep's own. */
export const useStepWord = (): ((kind: StepKind) => string) => {
  const word = useWord();
  return React.useCallback((kind: StepKind) => word(STEP_KIND_WORDS[kind]), [word]);
};

/** An outcome in words: its group, and its numbered reason when it has one. */
export const useOutcomeText = () => {
  const word = useWord();
  return React.useCallback(
    (summary: Pick<ApplicationSummary, 'outcome' | 'outcomeReason'>): string => {
      if (!summary.outcome) return '—';
      const group = word(OUTCOME_WORDS[summary.outcome]);
      const reason = summary.outcomeReason && OUTCOME_REASON_WORDS[summary.outcomeReason];
      if (!reason) return group;
      // Chinese takes full-width brackets.
      return word({ 'zh-Hans': `${group}（${reason['zh-Hans']}）`, en: `${group} (${reason.en})` });
    },
    [word]
  );
};
