import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Declared first so its roles exist when the disclosure plugin sets the Public role's permissions.
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      // Replaced by the disclosure plugin's login guard (per address and per account, with lockout).
      ratelimit: { enabled: false },
    },
  },
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT_BYTES', 100 * 1024 * 1024),
      // What may be stored is decided by the disclosure plugin, on the bytes, for every path that
      // stores a file (the disclosure plugin's uploads/services/upload-safety.ts, an allow-list: PDF, OFD, office documents, images,
      // archives, audio, video). Strapi's own type lists would answer first on its upload routes
      // only, with a message naming neither the file nor what is accepted. Empty, not absent: absent,
      // Strapi warns on every upload that it has no security configuration.
      security: {
        deniedTypes: [],
      },
    },
  },
  // The disclosure rules every office is audited on (same-day publication, deadlines, gate, 转载, 繁體).
  disclosure: {
    enabled: true,
    resolve: './src/plugins/disclosure',
    config: {
      // The day this office started publishing through the platform: older items (migrated archive,
      // the demo catalogue's 2013–2024 policies) are catalogued but not counted as late.
      deadlineTrackingStartsOn: env('DISCLOSURE_TRACKING_STARTS_ON', '2025-01-01'),
      // Offices whose ready items are published automatically when their deadline arrives.
      autoPublishAtDeadline: env.array('DISCLOSURE_AUTO_PUBLISH_ORGANIZATIONS', []),
      // Public reads answered from memory until something they show changes (all instances agree
      // through a counter in the database). max-age 0: browsers and CDNs revalidate, cheaply (304).
      responseCache: {
        enabled: env.bool('RESPONSE_CACHE_ENABLED', true),
        maxEntries: env.int('RESPONSE_CACHE_MAX_ENTRIES', 5000),
        maxMegabytes: env.int('RESPONSE_CACHE_MAX_MEGABYTES', 64),
        maxAgeSeconds: env.int('RESPONSE_CACHE_MAX_AGE_SECONDS', 0),
      },
      // A search ranks, counts and pages at most this many matches, the newest (docs/search.md).
      search: { resultWindow: env.int('SEARCH_RESULT_WINDOW', 1000) },
      syndication: {
        reprintWithinWorkingDays: env.int('SYNDICATION_REPRINT_WITHIN_WORKING_DAYS', 1),
        // A source's file server or CDN, when its attachments are not on its own address.
        attachmentOrigins: env.array('SYNDICATION_ATTACHMENT_ORIGINS', []),
        deliveryIntervalSeconds: env.int('SYNDICATION_DELIVERY_INTERVAL_SECONDS', 10),
        requestTimeoutSeconds: env.int('SYNDICATION_REQUEST_TIMEOUT_SECONDS', 10),
      },
    },
  },
});

export default config;
