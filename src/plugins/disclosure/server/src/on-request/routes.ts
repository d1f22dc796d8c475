import * as api from '../../../shared/contracts/public-api';
import { ROUTE_ACCESS, publicRateLimited } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

const { authenticated, canManageSettings } = ROUTE_ACCESS;

/**
 * Public limits per client address: an applicant sends a few applications, not dozens an hour; the
 * lookup is stricter still, as guessing codes is what it must not allow (100-bit codes besides).
 */
export const INTAKE_RATE_LIMIT = { max: 10, perSeconds: 3600 } as const;
export const LOOKUP_RATE_LIMIT = { max: 20, perSeconds: 600 } as const;

export default {
  admin: [
    // Cases: any signed-in admin passes the route; the service checks the on-request permissions
    // and scopes every case to the account's organizations.
    { method: 'GET', path: '/applications', handler: 'applications.list', config: authenticated },
    {
      method: 'POST',
      path: '/applications',
      handler: 'applications.register',
      config: authenticated,
    },
    {
      method: 'GET',
      path: '/applications/:documentId',
      handler: 'applications.detail',
      config: authenticated,
    },
    {
      method: 'POST',
      path: '/applications/:documentId/actions/:action',
      handler: 'applications.act',
      config: authenticated,
    },
    {
      method: 'GET',
      path: '/applications/:documentId/letters/:kind',
      handler: 'applications.letter',
      config: authenticated,
    },
    // 文书模板: the settings page's; the wording is the office's, changed by who manages settings.
    {
      method: 'GET',
      path: '/letter-templates',
      handler: 'letter-templates.find',
      config: canManageSettings,
    },
    {
      method: 'PUT',
      path: '/letter-templates/:key',
      handler: 'letter-templates.save',
      config: canManageSettings,
    },
    {
      method: 'DELETE',
      path: '/letter-templates/:key',
      handler: 'letter-templates.reset',
      config: canManageSettings,
    },
  ],
  contentApi: [
    {
      method: 'POST',
      path: '/applications',
      handler: 'applications.intake',
      config: publicRateLimited(INTAKE_RATE_LIMIT.max, INTAKE_RATE_LIMIT.perSeconds),
      request: { body: { 'application/json': api.applicationIntakeBody } },
      response: api.applicationIntakeAnswer,
    },
    {
      method: 'GET',
      path: '/applications/:number',
      handler: 'applications.lookup',
      config: publicRateLimited(LOOKUP_RATE_LIMIT.max, LOOKUP_RATE_LIMIT.perSeconds),
      request: { params: api.applicationLookupParams, query: api.applicationLookupQuery },
      response: api.applicationLookupAnswer,
    },
  ],
} satisfies CapabilityRoutes;
