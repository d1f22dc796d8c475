import type { Core } from '@strapi/strapi';
import type { DisclosureConfig } from '../config';

/**
 * The plugin's configuration, typed by the config module. Strapi merges in the defaults stated there and
 * runs its validator at boot, so every field but deadlineRules is present. Read it where it is used:
 * tests change settings at run time (strapi.config.set).
 */
export const getConfig = (strapi: Core.Strapi): DisclosureConfig =>
  strapi.config.get('plugin::disclosure') as DisclosureConfig;
