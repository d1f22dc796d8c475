import responseCacheMiddleware from './middlewares/response-cache';
import publicAccess from './services/public-access';
import publicLists from './services/public-lists';
import responseCache from './services/response-cache';
import type { Capability } from '../utils/capability';

/** What the public may read, and reading it fast: scoping, direct lists, the response cache. */
export default {
  services: {
    'public-access': publicAccess,
    'public-lists': publicLists,
    'response-cache': responseCache,
  },
  middlewares: { 'response-cache': responseCacheMiddleware },
} satisfies Capability;
