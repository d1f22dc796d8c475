import * as api from '../../../shared/contracts/public-api';
import { publicRateLimited } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

export default {
  contentApi: [
    // The OpenAPI description of the public API (docs/openapi.md): public, rate limited.
    {
      method: 'GET',
      path: '/openapi.json',
      handler: 'openapi.document',
      config: publicRateLimited(60, 60),
      response: api.openApiAnswer,
    },
  ],
} satisfies CapabilityRoutes;
