#!/usr/bin/env node
/**
 * `npm run search:reindex`: rebuilds the catalogue search's index from the published rows the public
 * may read (every searchable type, every locale), type by type, each in one transaction. A progress
 * bar on a terminal, plain lines otherwise. Safe to run at any time: the route answers from the old
 * entries until each type's transaction commits.
 */
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const bar = (done, total) => {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
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
    const { total } = await app
      .plugin('disclosure')
      .service('search')
      .reindex((done, all) => {
        if (interactive) process.stderr.write(`\r${bar(done, all)}`);
        else if (Date.now() - last > 2000 || done === all) {
          last = Date.now();
          process.stderr.write(`${bar(done, all)}\n`);
        }
      });
    if (interactive) process.stderr.write('\n');
    console.log(`search index: ${total} entries`);
  } finally {
    await app.destroy();
  }
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
