import calendarDay from './calendar-day';
import deadline from './deadline';
import ledgerEntry from './ledger-entry';

export default {
  'calendar-day': calendarDay,
  deadline,
  'ledger-entry': ledgerEntry,
};
