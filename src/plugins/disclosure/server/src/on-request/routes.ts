import { ROUTE_ACCESS, publicRateLimited } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

const { authenticated } = ROUTE_ACCESS;

/**
 * Public limits per client address: an applicant sends a few applications, not dozens an hour; the
 * lookup is stricter still, as guessing codes is what it must not allow (80-bit codes besides).
 */
export const INTAKE_RATE_LIMIT = { max: 10, perSeconds: 3600 } as const;
export const LOOKUP_RATE_LIMIT = { max: 20, perSeconds: 600 } as const;

export default {
  // Any signed-in admin passes the route: the service checks the on-request permissions and scopes
  // every case to the account's organizations.
  admin: [
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
  ],
  contentApi: [
    {
      method: 'POST',
      path: '/applications',
      handler: 'applications.intake',
      config: publicRateLimited(INTAKE_RATE_LIMIT.max, INTAKE_RATE_LIMIT.perSeconds),
    },
    {
      method: 'GET',
      path: '/applications/:number',
      handler: 'applications.lookup',
      config: publicRateLimited(LOOKUP_RATE_LIMIT.max, LOOKUP_RATE_LIMIT.perSeconds),
    },
  ],
} satisfies CapabilityRoutes;
