import type { Core } from '@strapi/strapi';
import { keepCalendarCurrent } from './calendar/document-middlewares';
import { applyCatalogueRules } from './catalogue/document-middlewares';
import { prepareConsultations } from './consultations/document-middlewares';
import { reloadConversionTerms, syncTraditional } from './conversion/document-middlewares';
import { trackDeadlines } from './deadlines/document-middlewares';
import { prepareInterpretations } from './interpretations/document-middlewares';
import { keepAnswerConfirmationToMailbox } from './mailbox/document-middlewares';
import {
  guardPublication,
  keepLedgerAppendOnly,
  keepReviewsToReviewers,
  recordRefusals,
} from './publication/document-middlewares';
import { rememberPublicCounts, restrictPublicReads } from './public-reads/document-middlewares';
import { prepareAnnualReports } from './reports/document-middlewares';
import { keepWritesInScope } from './roles/document-middlewares';
import { keepSearchIndex } from './search/document-middlewares';
import { recordSyndicationEvents } from './syndication/document-middlewares';
import type { DocumentMiddlewareFactory } from './utils/capability';

/** The document-service middlewares, outermost first. The order is part of the rules. */
const DOCUMENT_MIDDLEWARES: ReadonlyArray<readonly [DocumentMiddlewareFactory, string]> = [
  [
    recordRefusals,
    'outermost: a refusal reaches the ledger after every transaction around it has rolled back',
  ],
  [restrictPublicReads, 'a public read is scoped before anything reads for it'],
  [keepLedgerAppendOnly, 'the ledger is refused a change before any other rule spends work on it'],
  [
    keepReviewsToReviewers,
    'a confidentiality review typed by a non-reviewer is refused as sent, before normalization',
  ],
  [
    keepAnswerConfirmationToMailbox,
    "a public answer's personal-data confirmation typed by an admin is refused as sent",
  ],
  [keepWritesInScope, "an admin's write is held to their organizations as sent"],
  [
    prepareAnnualReports,
    "a report's sections pre-filled and its tables computed and checked outside any transaction (the statistics read with their own connection), before the zh-Hant sync copies them; the snapshot written in the publication's transaction",
  ],
  [
    recordSyndicationEvents,
    'outside the sync: the event is written after the zh-Hant copy, in one transaction, carrying both',
  ],
  [syncTraditional, 'the zh-Hant copy follows the zh-Hans write that the rules below have checked'],
  [applyCatalogueRules, '文号/索引号 normalized and numbered before the gate sees the data'],
  [prepareInterpretations, 'an interpretation checked against its document before the gate'],
  [prepareConsultations, "a consultation's period and status set before the gate"],
  [
    keepCalendarCurrent,
    'one holiday-calendar entry per date; the working-day calendar reloads after a change',
  ],
  [reloadConversionTerms, 'the conversion dictionary reloads after a change'],
  [guardPublication, 'after normalization: the gate judges the data as it will be stored'],
  [
    keepSearchIndex,
    'the search index made again from what the public may read after the write, in its transaction',
  ],
  [trackDeadlines, 'deadline records recomputed in the same transaction as the write they follow'],
  [
    rememberPublicCounts,
    'innermost: a public count remembered exactly as the repository would count it',
  ],
];

/**
 * Document-service middlewares are registered here, before any content is read or written, so no
 * code path (admin, REST, seeding, other plugins) runs without the disclosure rules.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  for (const [middleware] of DOCUMENT_MIDDLEWARES) strapi.documents.use(middleware(strapi));
};
