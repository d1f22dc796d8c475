import ledgerEntry from './content-types/ledger-entry';
import ledgerController from './controllers/ledger';
import reviewsController from './controllers/reviews';
import routes from './routes';
import ledger from './services/ledger';
import publicationGate from './services/publication-gate';
import reviews from './services/reviews';
import type { Capability } from '../utils/capability';

/** 发布审核: the publication gate, the confidentiality review, and the append-only ledger. */
export default {
  services: { ledger, 'publication-gate': publicationGate, reviews },
  controllers: { ledger: ledgerController, reviews: reviewsController },
  contentTypes: { 'ledger-entry': ledgerEntry },
  routes,
} satisfies Capability;
