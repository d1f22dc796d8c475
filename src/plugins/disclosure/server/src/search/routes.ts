import * as api from '../../../shared/contracts/public-api';
import { publicRateLimited } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

/** Requests per minute from one address: a portal's search box, typed into. */
export const SEARCH_RATE_LIMIT = { max: 120, perSeconds: 60 };

export default {
  contentApi: [
    {
      method: 'GET',
      path: '/search',
      handler: 'search.search',
      config: publicRateLimited(SEARCH_RATE_LIMIT.max, SEARCH_RATE_LIMIT.perSeconds),
      request: { query: api.searchQuery },
      response: api.searchAnswer,
    },
  ],
} satisfies CapabilityRoutes;
