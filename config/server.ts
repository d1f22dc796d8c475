import type { Core } from '@strapi/strapi';
import { assertProductionSecrets } from '../src/security/production-secrets';
import { reverseProxyConfig } from '../src/security/reverse-proxy';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  // Production never starts on missing, placeholder or development secrets.
  assertProductionSecrets();
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    // Strapi 5 reads server.proxy.koa, .ipHeader and .maxIpsCount (a bare boolean is ignored): the
    // visitor's address behind a reverse proxy, from the entries our own proxies wrote only.
    proxy: reverseProxyConfig(process.env),
    app: {
      // Required: production-secrets refuses to start without them (Strapi's type has no room for undefined).
      keys: env.array('APP_KEYS')!,
    },
    // The disclosure plugin's deadline sweep runs as a cron task.
    cron: {
      enabled: env.bool('CRON_ENABLED', true),
    },
  };
};

export default config;
