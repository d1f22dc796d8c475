/**
 * One instance of the compiled app in a process of its own, for tests that need two instances at once
 * (Strapi is one global per process) or need to kill one. Configured entirely by its environment;
 * tells the parent when it listens.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const ROOT = path.join(__dirname, '..', '..');

(async () => {
  const app = createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  app.log.level = 'warn';
  await app.start();
  process.send?.({ ready: true });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
