import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // First: a public read answered from the cache costs nothing below. An answer keeps every header
  // the stack below gave it when it was rendered (security, CORS for that Origin); writes end only
  // once announced to the other instances.
  'plugin::disclosure.response-cache',
  'strapi::logger',
  // Validation messages in Chinese for editors, English beside; must wrap strapi::errors.
  'plugin::disclosure.bilingual-errors',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      // No remote script, no plugins, no framing by other sites. (Strapi merges these into its own
      // defaults, which can only add sources: script-src stays 'self'.)
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'object-src': ["'none'"],
          'frame-ancestors': ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  {
    name: 'strapi::cors',
    config: {
      // The municipal sites that read the content API from a browser; nobody else.
      origin: env.array('CORS_ORIGINS', [env('PUBLIC_URL', 'http://localhost:1337')]),
      credentials: false,
      // Strapi's, and the on-request lookup's code (kept out of URLs and their logs).
      headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'X-Lookup-Code'],
    },
  },
  'strapi::poweredBy',
  // A stored file's URL (/uploads/…) answers only when the file belongs to something public, or to a
  // signed-in admin; otherwise the same 404 as a name never stored. Before the router: Strapi's
  // static routes serve any file under public/ without asking.
  'plugin::disclosure.upload-gate',
  'strapi::query',
  // Above the conversion endpoint's own 1 MB limit, so it can answer with that limit in words. The
  // raw body is kept: a syndication message's signature is over the exact bytes received.
  { name: 'strapi::body', config: { jsonLimit: '2mb', includeUnparsed: true } },
  // Keys named after Object.prototype members, NUL characters (PostgreSQL cannot store them) and
  // absurd nesting, in the query string or the body, refused before any validator.
  'plugin::disclosure.body-guard',
  // Brute-force limits on every login (per address and per account) and the audit log of logins.
  'plugin::disclosure.login-guard',
  // Role, permission and admin-account changes, written to the ledger.
  'plugin::disclosure.audit-trail',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
