import calendarDay from './calendar-day';
import conversionTerm from './conversion-term';
import deadline from './deadline';
import ledgerEntry from './ledger-entry';
import subscriber from './subscriber';
import syndicationDelivery from './syndication-delivery';
import syndicationEvent from './syndication-event';
import translationLock from './translation-lock';

export default {
  'calendar-day': calendarDay,
  'conversion-term': conversionTerm,
  deadline,
  'ledger-entry': ledgerEntry,
  subscriber,
  'syndication-delivery': syndicationDelivery,
  'syndication-event': syndicationEvent,
  'translation-lock': translationLock,
};
