import auditTrail from './audit-trail';
import bilingualErrors from './bilingual-errors';
import bodyGuard from './body-guard';
import loginGuard from './login-guard';
import rateLimit from './rate-limit';
import responseCache from './response-cache';

export default {
  'audit-trail': auditTrail,
  'bilingual-errors': bilingualErrors,
  'body-guard': bodyGuard,
  'login-guard': loginGuard,
  'rate-limit': rateLimit,
  'response-cache': responseCache,
};
