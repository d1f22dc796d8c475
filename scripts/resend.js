#!/usr/bin/env node
/**
 * `npm run disclosure:resend -- --subscriber <id> (--document <documentId> | --since YYYY-MM-DD)`:
 * queues the latest version of one document, or of every document changed since a Beijing date, for
 * one syndication subscriber again; the delivery worker sends them.
 */
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const option = (name) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > -1 ? process.argv[index + 1] : undefined;
};

(async () => {
  const subscriber = Number(option('subscriber'));
  const documentId = option('document');
  const since = option('since');
  if (!Number.isInteger(subscriber) || (!documentId && !/^\d{4}-\d{2}-\d{2}$/.test(since ?? ''))) {
    console.error(
      'usage: npm run disclosure:resend -- --subscriber <id> (--document <documentId> | --since YYYY-MM-DD)'
    );
    process.exit(2);
  }
  const appContext = await compileStrapi();
  const app = await createStrapi({
    ...appContext,
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  app.log.level = 'warn';
  try {
    const result = await app
      .plugin('disclosure')
      .service('syndication')
      .resend({ subscriber, documentId, since });
    if (!result) {
      console.error(`no subscriber ${subscriber}`);
      process.exitCode = 1;
    } else {
      console.log(`queued ${result.documents} document(s) for ${result.subscriber}`);
    }
  } finally {
    await app.destroy();
  }
  process.exit(process.exitCode ?? 0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
