import type { Core } from '@strapi/strapi';
import { answerHitsBeforeKoa } from './public-reads/middlewares/response-cache';
import { getService } from './utils/get-service';
import { getConfig } from './utils/get-config';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // 1. Locales first: seeding and every localized write need zh-Hans as the default.
  await getService(strapi, 'locales').ensureChineseLocales();

  // 2. The Public role reads the catalogue and nothing else, whatever was changed in the admin.
  await getService(strapi, 'public-access').enforcePublicPermissions();
  //    A read-only API token calls the routes the Public role may, and no others.
  getService(strapi, 'public-access').holdReadOnlyTokensToPublic();

  // 3. The ledger table refuses UPDATE and DELETE at the database, below every API. Reading it is a
  //    permission of its own (the Auditor role, created by the app once the admin's roles exist).
  await getService(strapi, 'ledger').protect();

  // 3b. Organization scopes for the admin's roles (同一机构, 本机构及下级机构) and the reviewer's
  //     permission; the default roles using them are created by the app once the admin's exist.
  getService(strapi, 'organization-roles').registerPermissions();

  // 4. Uploaded images are stored without their metadata, and oversized ones refused.
  getService(strapi, 'upload-safety').install();

  // 5. Deadline rules must name real types and fields: a typo stops the boot here, not at 3 a.m.
  getService(strapi, 'deadlines').assertRulesFit();

  // 5b. The content manager's views in Chinese (labels, descriptions, list columns, sort), where
  //     Strapi's defaults or this plugin's last view are in place; an office's own changes stay. The
  //     content manager, an internal plugin, has built every type's configuration by now.
  await getService(strapi, 'editor-views').applyEditorViews();

  // 6. Public answers are cached per content state; every write to what the public can see moves it.
  //    Hits are answered by the HTTP server before Koa; misses render through the middleware.
  await getService(strapi, 'response-cache').install();
  answerHitsBeforeKoa(strapi);

  // 7. Every 10 minutes, Beijing time: on-request cases move along their clocks, pending deadlines
  //    move to at-risk or overdue, and offices that enabled it get items published as their deadline arrives.
  // Strapi starts every added task whatever `server.cron.enabled` says (it only governs the tasks in
  // config/cron), so the switch is honoured here: tests and benchmarks run these passes themselves.
  if (!strapi.config.get('server.cron.enabled', true)) return;
  let delivering = false;
  strapi.cron.add({
    disclosureDeadlineSweep: {
      task: async () => {
        // On-request cases first (withdrawn, unpaid, lapsed consultations): their changes refresh
        // their deadline records, which the deadline sweep then moves on with the others.
        await getService(strapi, 'applications').sweep();
        // A period that has ended owes every organization its report: its record, report or not.
        await getService(strapi, 'report-deadlines').openPeriods();
        await getService(strapi, 'deadlines').sweep();
      },
      options: { rule: '*/10 * * * *', tz: 'Asia/Shanghai' },
    },
    // Every few seconds (syndication.deliveryIntervalSeconds): the outbox is delivered; leases keep
    // instances from colliding.
    disclosureSyndicationDelivery: {
      task: async () => {
        // A pass still running (slow receivers) is not joined by another from this instance.
        if (delivering) return;
        delivering = true;
        try {
          await getService(strapi, 'syndication-worker').runOnce();
        } finally {
          delivering = false;
        }
      },
      options: { rule: `*/${getConfig(strapi).syndication.deliveryIntervalSeconds} * * * * *` },
    },
  });
};
