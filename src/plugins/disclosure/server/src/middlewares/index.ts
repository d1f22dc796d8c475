import bilingualErrors from './bilingual-errors';
import rateLimit from './rate-limit';

export default {
  'bilingual-errors': bilingualErrors,
  'rate-limit': rateLimit,
};
