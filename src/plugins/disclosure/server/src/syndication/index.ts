import inboxMessage from './content-types/inbox-message';
import subscriber from './content-types/subscriber';
import syndicationDelivery from './content-types/syndication-delivery';
import syndicationEvent from './content-types/syndication-event';
import syndicationRecord from './content-types/syndication-record';
import syndicationSource from './content-types/syndication-source';
import feedController from './controllers/feed';
import syndicationController from './controllers/syndication';
import syndicationInboxController from './controllers/syndication-inbox';
import syndicationStatusController from './controllers/syndication-status';
import routes from './routes';
import syndication from './services/syndication';
import syndicationAttachments from './services/syndication-attachments';
import syndicationInbox from './services/syndication-inbox';
import syndicationWorker from './services/syndication-worker';
import type { Capability } from '../utils/capability';

/** 转载: the outbox and its worker, the inbox and its sources, receipts, the feed, reprint status. */
export default {
  services: {
    syndication,
    'syndication-attachments': syndicationAttachments,
    'syndication-inbox': syndicationInbox,
    'syndication-worker': syndicationWorker,
  },
  controllers: {
    feed: feedController,
    syndication: syndicationController,
    'syndication-inbox': syndicationInboxController,
    'syndication-status': syndicationStatusController,
  },
  contentTypes: {
    'inbox-message': inboxMessage,
    subscriber,
    'syndication-delivery': syndicationDelivery,
    'syndication-event': syndicationEvent,
    'syndication-record': syndicationRecord,
    'syndication-source': syndicationSource,
  },
  routes,
} satisfies Capability;
