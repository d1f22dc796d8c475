import * as api from '../../../shared/contracts/public-api';
import { ROUTE_ACCESS, publicRateLimited } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

export default {
  admin: [
    {
      method: 'GET',
      path: '/translation-locks',
      handler: 'conversion.locks',
      config: ROUTE_ACCESS.authenticated,
    },
    {
      method: 'DELETE',
      path: '/translation-locks/:id',
      handler: 'conversion.unlock',
      config: ROUTE_ACCESS.authenticated,
    },
  ],
  contentApi: [
    // Simplified ⇄ Traditional for municipal sites and editors' tools; public, so rate limited.
    {
      method: 'POST',
      path: '/convert',
      handler: 'conversion.convert',
      config: publicRateLimited(30, 60),
      request: { body: { 'application/json': api.convertBody } },
      response: api.convertAnswer,
    },
  ],
} satisfies CapabilityRoutes;
