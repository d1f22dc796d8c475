import editorViews from './services/editor-views';
import type { Capability } from '../utils/capability';

/** The content manager's views in Chinese: type names, field labels, descriptions, list columns, sort. */
export default {
  services: { 'editor-views': editorViews },
} satisfies Capability;
