import interpretation from './services/interpretation';
import type { Capability } from '../utils/capability';

/** 政策解读: an interpretation follows the document it interprets. */
export default {
  services: { interpretation },
} satisfies Capability;
