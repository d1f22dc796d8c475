import bodyGuard from './middlewares/body-guard';
import loginGuard from './middlewares/login-guard';
import rateLimit from './middlewares/rate-limit';
import type { Capability } from '../utils/capability';

/** Requests held at the door: malformed bodies, password guessing, and public routes' rate limits. */
export default {
  middlewares: { 'body-guard': bodyGuard, 'login-guard': loginGuard, 'rate-limit': rateLimit },
} satisfies Capability;
