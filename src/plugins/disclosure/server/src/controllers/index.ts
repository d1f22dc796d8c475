import catalogue from './catalogue';
import compliance from './compliance';
import convert from './convert';
import feed from './feed';
import inbox from './inbox';
import itemStatus from './item-status';
import ledger from './ledger';
import reviews from './reviews';
import sources from './sources';
import subscribers from './subscribers';
import syndicationStatus from './syndication-status';
import translationLocks from './translation-locks';
import workingDays from './working-days';

export default {
  catalogue,
  compliance,
  convert,
  feed,
  inbox,
  'item-status': itemStatus,
  ledger,
  reviews,
  sources,
  subscribers,
  'syndication-status': syndicationStatus,
  'translation-locks': translationLocks,
  'working-days': workingDays,
};
