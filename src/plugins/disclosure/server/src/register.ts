import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/**
 * Document-service middlewares are registered here, before any content is read or written, so no
 * code path (admin, REST, seeding, other plugins) runs without the disclosure rules.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const middlewares = getService(strapi, 'document-service-middleware');
  // Outermost first: reads are scoped; a published change and its syndication event share one
  // transaction, as do a zh-Hans write and its zh-Hant copy;
  // data is normalized and checked, publication is gated, deadlines follow the write, and innermost,
  // a public list's total is counted once per content state.
  strapi.documents.use(middlewares.recordRefusals);
  strapi.documents.use(middlewares.restrictPublicReads);
  strapi.documents.use(middlewares.keepLedgerAppendOnly);
  strapi.documents.use(middlewares.keepReviewsToReviewers);
  strapi.documents.use(middlewares.keepWritesInScope);
  strapi.documents.use(middlewares.recordSyndicationEvents);
  strapi.documents.use(middlewares.syncTraditional);
  strapi.documents.use(middlewares.applyCatalogueRules);
  strapi.documents.use(middlewares.guardPublication);
  strapi.documents.use(middlewares.trackDeadlines);
  strapi.documents.use(middlewares.rememberPublicCounts);
};
