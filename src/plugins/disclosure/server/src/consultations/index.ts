import consultation from './services/consultation';
import type { Capability } from '../utils/capability';

/** 意见征集: consultation periods and the public's feedback (its route is the app's consultation API). */
export default {
  services: { consultation },
} satisfies Capability;
