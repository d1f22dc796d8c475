import * as api from '../../../shared/contracts/public-api';
import { ROUTE_ACCESS, publicRateLimited } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

const { authenticated } = ROUTE_ACCESS;

/**
 * Public limits per client address: a writer sends a few messages an hour, not dozens; the lookup and
 * the rating are held as on-request's lookup is (guessing codes is what they must not allow).
 */
export const MESSAGE_INTAKE_RATE_LIMIT = { max: 5, perSeconds: 3600 } as const;
export const MESSAGE_LOOKUP_RATE_LIMIT = { max: 20, perSeconds: 600 } as const;
export const MAILBOXES_RATE_LIMIT = { max: 60, perSeconds: 60 } as const;

export default {
  admin: [
    // Any signed-in admin passes the route; the service checks the messages.* permissions and holds
    // every message to the account's organizations.
    { method: 'GET', path: '/messages', handler: 'messages.list', config: authenticated },
    // Before /messages/:documentId, which would take "statistics" for a documentId.
    {
      method: 'GET',
      path: '/messages/organizations',
      handler: 'messages.organizations',
      config: authenticated,
    },
    {
      method: 'GET',
      path: '/messages/statistics',
      handler: 'messages.statistics',
      config: authenticated,
    },
    {
      method: 'GET',
      path: '/messages/:documentId',
      handler: 'messages.detail',
      config: authenticated,
    },
    {
      method: 'POST',
      path: '/messages/:documentId/actions/:action',
      handler: 'messages.act',
      config: authenticated,
    },
    // 公众问答: the message's published answer, created as a draft from the edited text.
    {
      method: 'POST',
      path: '/messages/:documentId/public-answer',
      handler: 'messages.publicAnswer',
      config: authenticated,
    },
    { method: 'GET', path: '/mailboxes', handler: 'messages.mailboxes', config: authenticated },
    {
      method: 'POST',
      path: '/mailboxes',
      handler: 'messages.createMailbox',
      config: authenticated,
    },
    {
      method: 'PUT',
      path: '/mailboxes/:documentId',
      handler: 'messages.updateMailbox',
      config: authenticated,
    },
  ],
  contentApi: [
    {
      method: 'POST',
      path: '/messages',
      handler: 'messages.intake',
      config: publicRateLimited(
        MESSAGE_INTAKE_RATE_LIMIT.max,
        MESSAGE_INTAKE_RATE_LIMIT.perSeconds
      ),
      request: { body: { 'application/json': api.messageIntakeBody } },
      response: api.messageIntakeAnswer,
    },
    {
      method: 'GET',
      path: '/messages/:number',
      handler: 'messages.lookup',
      config: publicRateLimited(
        MESSAGE_LOOKUP_RATE_LIMIT.max,
        MESSAGE_LOOKUP_RATE_LIMIT.perSeconds
      ),
      request: { params: api.messageLookupParams, query: api.messageLookupQuery },
      response: api.messageLookupAnswer,
    },
    {
      method: 'POST',
      path: '/messages/:number/rating',
      handler: 'messages.rate',
      config: publicRateLimited(
        MESSAGE_LOOKUP_RATE_LIMIT.max,
        MESSAGE_LOOKUP_RATE_LIMIT.perSeconds
      ),
      request: {
        params: api.messageLookupParams,
        body: { 'application/json': api.messageRatingBody },
      },
      response: api.messageRatingAnswer,
    },
    {
      method: 'GET',
      path: '/mailboxes',
      handler: 'messages.publicMailboxes',
      config: publicRateLimited(MAILBOXES_RATE_LIMIT.max, MAILBOXES_RATE_LIMIT.perSeconds),
      request: { query: api.publicMailboxesQuery },
      response: api.publicMailboxesAnswer,
    },
  ],
} satisfies CapabilityRoutes;
