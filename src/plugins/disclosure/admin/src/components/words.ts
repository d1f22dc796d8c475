import * as React from 'react';
import { URGENCY_WORDS, type Word } from '../../../shared/words';
import { useWord } from './common';

/** A table of shared words (shared/words.ts) as labels in the admin's language. */
export const useLabels = <K extends string>(
  table: Readonly<Record<K, Word>>
): Record<K, string> => {
  const word = useWord();
  return React.useMemo(
    () =>
      Object.fromEntries(
        Object.entries<Word>(table).map(([code, entry]) => [code, word(entry)])
      ) as Record<K, string>,
    [table, word]
  );
};

/** How pressing a tracked item is (an on-request case, a message): the list's and the badge's colour. */
export type Urgency = 'overdue' | 'due-soon' | 'on-track' | 'concluded';
export const URGENCIES: readonly Urgency[] = ['overdue', 'due-soon', 'on-track', 'concluded'];
export const useUrgencyLabels = () => useLabels(URGENCY_WORDS);
