import type { Core } from '@strapi/strapi';
import { assertProductionSecrets } from '../src/security/production-secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  // Production never starts on missing, placeholder or development secrets.
  assertProductionSecrets();
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    proxy: env.bool('IS_PROXIED', false),
    app: {
      keys: env.array('APP_KEYS'),
    },
    // The disclosure plugin's deadline sweep runs as a cron task.
    cron: {
      enabled: env.bool('CRON_ENABLED', true),
    },
  };
};

export default config;
