/**
 * A production-mode instance for the read benchmark, in a process of its own so the load generator
 * (bench/run.js) does not share its event loop. Configured by its environment (database); driven over
 * IPC: { seed: n } seeds n documents (bench/seed-bulk.js), { reindex: true } fills the search index
 * from them with the search service's reindex (bulk rows bypass the document service that keeps it),
 * { searchIndexBulk: true } writes the same entries in bulk (bench/search-index-bulk.js),
 * { explainSearch: { q } } times each statement of one search and explains it (bench/search-explain.js),
 * { cache: bool } turns the response cache on
 * or off, { memos: bool } the values remembered per content state (the Public role's permissions, list
 * totals, catalogue counts) kept or loaded for every read, as the first read after a change loads them
 * (the cold runs), { directLists: bool } public lists read straight from the table or through Strapi's pipeline,
 * { timing: true } starts timing every request from its arrival to its last byte handed to the socket,
 * { timing: false } stops and answers { timings: { url: [ms, …] }, cpuMicros } (the process's CPU
 * time meanwhile), { stop: true } shuts down. Answers
 * each with a message; { ready, port } when listening.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const { seedCatalogue } = require('./seed-bulk');
const { timeRequests } = require('./request-timing');
const { fillSearchIndex } = require('./search-index-bulk');
const { explainSearch } = require('./search-explain');

const ROOT = path.join(__dirname, '..');

(async () => {
  const app = createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  app.log.level = 'error';
  await app.load();
  await app.server.mount();
  await new Promise((resolve) => app.server.httpServer.listen(0, '127.0.0.1', resolve));
  const cache = app.plugin('disclosure').service('response-cache');
  const lists = app.plugin('disclosure').service('public-lists');
  // A cache hit is answered before Koa; the timing listener comes first, so it is timed as well.
  const switchTiming = timeRequests(app.server.httpServer);

  process.on('message', async (message) => {
    try {
      if (message.seed !== undefined) {
        process.send({ seeded: await seedCatalogue(app, message.seed) });
      } else if (message.reindex) {
        // The search index filled by its own service (npm run search:reindex), as after a bulk import.
        const started = Date.now();
        const { total } = await app.plugin('disclosure').service('search').reindex();
        process.send({ reindexed: { entries: total, ms: Date.now() - started } });
      } else if (message.searchIndexBulk) {
        process.send({ filled: await fillSearchIndex(app) });
      } else if (message.explainSearch) {
        process.send({ explained: await explainSearch(app, message.explainSearch) });
      } else if (message.cache !== undefined) {
        cache.setEnabled(message.cache);
        process.send({ cache: cache.enabled() });
      } else if (message.memos !== undefined) {
        cache.setMemosEnabled(message.memos);
        process.send({ memos: cache.memosEnabled() });
      } else if (message.directLists !== undefined) {
        lists.setEnabled(message.directLists);
        process.send({ directLists: lists.enabled() });
      } else if (message.timing !== undefined) {
        process.send(switchTiming(message.timing));
      } else if (message.stop) {
        await app.destroy();
        process.send({ stopped: true });
        process.exit(0);
      }
    } catch (error) {
      process.send({ error: String(error && error.stack ? error.stack : error) });
    }
  });
  process.send({ ready: true, port: app.server.httpServer.address().port });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
