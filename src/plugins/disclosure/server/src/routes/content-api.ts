export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET',
      path: '/working-days/add',
      handler: 'working-days.add',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/working-days/between',
      handler: 'working-days.between',
      config: { auth: false },
    },
    {
      // Per-category counts of what the public can read (the 五公开 catalogue tree): public.
      method: 'GET',
      path: '/catalogue/counts',
      handler: 'catalogue.counts',
      config: { auth: false },
    },
    {
      // Simplified ⇄ Traditional for municipal sites and editors' tools; public, so rate limited.
      method: 'POST',
      path: '/convert',
      handler: 'convert.convert',
      config: {
        auth: false,
        middlewares: [{ name: 'plugin::disclosure.rate-limit', config: { max: 30, perSeconds: 60 } }],
      },
    },
    {
      // Syndication (转载) from a source instance: authenticated by its Standard Webhooks signature.
      method: 'POST',
      path: '/inbox',
      handler: 'inbox.receive',
      config: {
        auth: false,
        middlewares: [{ name: 'plugin::disclosure.rate-limit', config: { max: 600, perSeconds: 60 } }],
      },
    },
    {
      // A subscriber's receipt for a held reprint it has now published: authenticated by signature.
      method: 'POST',
      path: '/receipts',
      handler: 'inbox.receipt',
      config: {
        auth: false,
        middlewares: [{ name: 'plugin::disclosure.rate-limit', config: { max: 600, perSeconds: 60 } }],
      },
    },
    {
      // Pull syndication: the outbox's events after a cursor, for portals that cannot take pushes.
      method: 'GET',
      path: '/feed',
      handler: 'feed.events',
    },
    {
      // An organization's published documents as Atom, for anyone.
      method: 'GET',
      path: '/feed.atom',
      handler: 'feed.atom',
      config: { auth: false },
    },
    {
      // Who reprinted a document and how late: full-access tokens, or custom ones granted `report` (not a read: read-only tokens read as the public).
      method: 'GET',
      path: '/syndication/status',
      handler: 'syndication-status.report',
    },
    {
      // Internal figures: full-access tokens, or custom ones granted `report`; never the Public role or a read-only token.
      method: 'GET',
      path: '/compliance',
      handler: 'compliance.report',
    },
  ],
};
