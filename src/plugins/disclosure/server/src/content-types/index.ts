import calendarDay from './calendar-day';
import conversionTerm from './conversion-term';
import deadline from './deadline';
import editorOrganization from './editor-organization';
import inboxMessage from './inbox-message';
import ledgerEntry from './ledger-entry';
import subscriber from './subscriber';
import syndicationDelivery from './syndication-delivery';
import syndicationEvent from './syndication-event';
import syndicationRecord from './syndication-record';
import syndicationSource from './syndication-source';
import translationLock from './translation-lock';

export default {
  'calendar-day': calendarDay,
  'conversion-term': conversionTerm,
  deadline,
  'editor-organization': editorOrganization,
  'inbox-message': inboxMessage,
  'ledger-entry': ledgerEntry,
  subscriber,
  'syndication-delivery': syndicationDelivery,
  'syndication-event': syndicationEvent,
  'syndication-record': syndicationRecord,
  'syndication-source': syndicationSource,
  'translation-lock': translationLock,
};
