import calendarDay from './calendar-day';
import conversionTerm from './conversion-term';
import deadline from './deadline';
import ledgerEntry from './ledger-entry';
import translationLock from './translation-lock';

export default {
  'calendar-day': calendarDay,
  'conversion-term': conversionTerm,
  deadline,
  'ledger-entry': ledgerEntry,
  'translation-lock': translationLock,
};
