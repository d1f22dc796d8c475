import calendarDay from './calendar-day';
import ledgerEntry from './ledger-entry';

export default {
  'calendar-day': calendarDay,
  'ledger-entry': ledgerEntry,
};
