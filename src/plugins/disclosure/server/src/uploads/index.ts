import uploadGateMiddleware from './middlewares/upload-gate';
import uploadGate from './services/upload-gate';
import uploadSafety from './services/upload-safety';
import type { Capability } from '../utils/capability';

/**
 * Files accepted on their bytes, images stripped of metadata and held to a pixel limit; a file's URL
 * answers only when the file belongs to something public (or to a signed-in admin).
 */
export default {
  services: { 'upload-gate': uploadGate, 'upload-safety': uploadSafety },
  middlewares: { 'upload-gate': uploadGateMiddleware },
} satisfies Capability;
