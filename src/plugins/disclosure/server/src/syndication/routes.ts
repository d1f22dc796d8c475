import * as api from '../../../shared/contracts/public-api';
import { ROUTE_ACCESS, publicRateLimited } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

const { superAdmin } = ROUTE_ACCESS;

export default {
  admin: [
    { method: 'GET', path: '/subscribers', handler: 'syndication.subscribers', config: superAdmin },
    {
      method: 'POST',
      path: '/subscribers',
      handler: 'syndication.createSubscriber',
      config: superAdmin,
    },
    {
      method: 'PUT',
      path: '/subscribers/:id',
      handler: 'syndication.updateSubscriber',
      config: superAdmin,
    },
    {
      method: 'POST',
      path: '/subscribers/:id/rotate-secret',
      handler: 'syndication.rotateSecret',
      config: superAdmin,
    },
    {
      method: 'POST',
      path: '/subscribers/:id/resend',
      handler: 'syndication.resend',
      config: superAdmin,
    },
    { method: 'GET', path: '/sources', handler: 'syndication-inbox.sources', config: superAdmin },
    {
      method: 'POST',
      path: '/sources',
      handler: 'syndication-inbox.createSource',
      config: superAdmin,
    },
    {
      method: 'PUT',
      path: '/sources/:id',
      handler: 'syndication-inbox.updateSource',
      config: superAdmin,
    },
    {
      method: 'GET',
      path: '/syndication-status',
      handler: 'syndication-status.report',
      config: superAdmin,
    },
    { method: 'GET', path: '/deliveries', handler: 'syndication.deliveries', config: superAdmin },
    {
      method: 'POST',
      path: '/deliveries/:id/retry',
      handler: 'syndication.retry',
      config: superAdmin,
    },
  ],
  contentApi: [
    // Syndication (转载) from a source instance: authenticated by its Standard Webhooks signature.
    {
      method: 'POST',
      path: '/inbox',
      handler: 'syndication-inbox.receive',
      config: publicRateLimited(600, 60),
      request: { body: { 'application/json': api.signedMessage } },
      response: api.inboxAnswer,
    },
    // A subscriber's receipt for a held reprint it has now published: authenticated by signature.
    {
      method: 'POST',
      path: '/receipts',
      handler: 'syndication-inbox.receipt',
      config: publicRateLimited(600, 60),
      request: { body: { 'application/json': api.signedMessage } },
      response: api.receiptAnswer,
    },
    // Pull syndication: the outbox's events after a cursor, for portals that cannot take pushes.
    // `feed.events` and `syndication-status.report` are API-token permissions: their names stay.
    {
      method: 'GET',
      path: '/feed',
      handler: 'feed.events',
      request: { query: api.feedQuery },
      response: api.feedAnswer,
    },
    // An organization's published documents as Atom, for anyone.
    {
      method: 'GET',
      path: '/feed.atom',
      handler: 'feed.atom',
      config: ROUTE_ACCESS.public,
      request: { query: api.atomQuery },
    },
    // Who reprinted a document and how late: full-access tokens, or custom ones granted `report` (not a read: read-only tokens read as the public).
    {
      method: 'GET',
      path: '/syndication/status',
      handler: 'syndication-status.report',
      request: { query: api.syndicationStatusQuery },
      response: api.syndicationStatusAnswer,
    },
  ],
} satisfies CapabilityRoutes;
