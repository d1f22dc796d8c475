import uploadSafety from './services/upload-safety';
import type { Capability } from '../utils/capability';

/** Files accepted on their bytes, images stripped of metadata and held to a pixel limit. */
export default {
  services: { 'upload-safety': uploadSafety },
} satisfies Capability;
