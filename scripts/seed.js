#!/usr/bin/env node
/**
 * `npm run seed`: builds the demo catalogue on the configured database (idempotent: a second run adds
 * nothing). Compiles the app first, as `strapi develop` does.
 */
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

(async () => {
  const appContext = await compileStrapi();
  const app = await createStrapi({
    ...appContext,
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  app.log.level = 'warn';
  try {
    const { seedDemoContent } = require(path.join(appContext.distDir, 'src', 'seed'));
    const { created } = await seedDemoContent(app);
    const total = Object.values(created).reduce((sum, n) => sum + n, 0);
    console.log(
      total
        ? `Seeded: ${JSON.stringify(created)}`
        : 'The demo catalogue is already there: nothing added.'
    );
  } finally {
    await app.destroy();
  }
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
