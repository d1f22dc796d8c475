import bilingualErrors from './middlewares/bilingual-errors';
import type { Capability } from '../utils/capability';

/** Refusals an editor can read: Strapi's messages in Chinese with English beside, clashes named. */
export default {
  middlewares: { 'bilingual-errors': bilingualErrors },
} satisfies Capability;
