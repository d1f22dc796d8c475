#!/usr/bin/env node
/**
 * `npm run disclosure:convert-all [-- --restart]`: creates or refreshes the zh-Hant version of all
 * existing content from zh-Hans. Idempotent and resumable (an interrupted run continues).
 */
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const bar = ({ contentType, done, total }) => {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${contentType}`;
};

(async () => {
  const appContext = await compileStrapi();
  const app = await createStrapi({
    ...appContext,
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  app.log.level = 'warn';
  const interactive = process.stderr.isTTY;
  let last = 0;
  try {
    const summary = await app
      .plugin('disclosure')
      .service('conversion')
      .backfill({
        restart: process.argv.includes('--restart'),
        onProgress(progress) {
          if (interactive) process.stderr.write(`\r${bar(progress)}`);
          else if (Date.now() - last > 2000 || progress.done === progress.total) {
            last = Date.now();
            process.stderr.write(`${bar(progress)}\n`);
          }
        },
      });
    if (interactive) process.stderr.write('\n');
    let failed = 0;
    for (const [uid, result] of Object.entries(summary)) {
      failed += result.failed.length;
      console.log(
        `${uid}: ${result.converted}/${result.total} converted, ${result.published} published, ${result.failed.length} failed`
      );
      for (const failure of result.failed) console.log(`  ${failure.documentId}: ${failure.error}`);
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    await app.destroy();
  }
  process.exit(process.exitCode);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
