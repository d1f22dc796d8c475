import auditRole from './audit-role';
import calendar from './calendar';
import catalogue from './catalogue';
import clock from './clock';
import compliance from './compliance';
import consultation from './consultation';
import conversion from './conversion';
import deadlines from './deadlines';
import documentServiceMiddleware from './document-service-middleware';
import interpretation from './interpretation';
import itemStatus from './item-status';
import ledger from './ledger';
import locales from './locales';
import organizationRoles from './organization-roles';
import publicationGate from './publication-gate';
import publicAccess from './public-access';
import publicLists from './public-lists';
import responseCache from './response-cache';
import settings from './settings';
import syndication from './syndication';
import syndicationAttachments from './syndication-attachments';
import syndicationInbox from './syndication-inbox';
import syndicationWorker from './syndication-worker';
import uploadSafety from './upload-safety';

export default {
  'audit-role': auditRole,
  calendar,
  catalogue,
  clock,
  compliance,
  consultation,
  conversion,
  deadlines,
  'document-service-middleware': documentServiceMiddleware,
  interpretation,
  'item-status': itemStatus,
  ledger,
  locales,
  'organization-roles': organizationRoles,
  'publication-gate': publicationGate,
  'public-access': publicAccess,
  'public-lists': publicLists,
  'response-cache': responseCache,
  settings,
  syndication,
  'syndication-attachments': syndicationAttachments,
  'syndication-inbox': syndicationInbox,
  'syndication-worker': syndicationWorker,
  'upload-safety': uploadSafety,
};
