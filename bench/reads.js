/**
 * Public reads under load, per database and catalogue size (bench/run.js reports them):
 *
 * - the instance (bench/server.js) and the ceiling (bench/bare.js, the same bytes from memory) each in
 *   a process of their own, the load generator (autocannon, keep-alive connections) in this one;
 * - the reads a municipal site makes: the list (25 per page, one category, newest issue date first)
 *   with whole documents, the same list with only the fields a list page shows, a document, and the
 *   catalogue's per-category counts; each in zh-Hans and zh-Hant;
 * - each in three modes (MODES): the response cache warm; the cache off with the values remembered per
 *   content state warm (the Public role's permissions, list totals, catalogue counts: nothing is
 *   written during a load, so they are loaded once); and cold, the cache off and those memos off, so
 *   every request loads them as the first request after a change does. Uncached lists and documents
 *   also through Strapi's generic read pipeline, beside the direct read (public-lists);
 * - in rounds of short loads in alternating order, each cached read beside its ceiling, so drift
 *   favours none of them (req/s, p50, p99);
 * - then, with an instance of each catalogue size running side by side, what one request costs the
 *   server, compared request by request (pairedCost): a cached read against the ceiling, zh-Hant
 *   against zh-Hans, the largest catalogue against the smallest. Loads cannot resolve those few
 *   percent on this machine; interleaved requests can.
 */
const { fork } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');
const autocannon = require('autocannon');
const { freshSecrets } = require('../scripts/fresh-secrets');
const { average, median, quantile } = require('./stats');

const ROOT = path.join(__dirname, '..');
const LOCALES = ['zh-Hans', 'zh-Hant'];

const LIST =
  'filters%5Bcategory%5D%5B%24eq%5D=service&sort=issueDate%3Adesc&pagination%5BpageSize%5D=25';
/** What a portal's list page shows: no bodies. */
const LIST_PAGE_FIELDS = ['title', 'documentNumber', 'indexNumber', 'issueDate', 'category']
  .map((field, index) => `fields%5B${index}%5D=${field}`)
  .join('&');
const READS = ['list', 'list-page', 'detail', 'counts'];
/**
 * The server states a read is measured in. Cold is the cache off and the per-state memos off: each
 * request pays what the first request after a change pays (the content state is read as always).
 */
const MODES = {
  cached: { cache: true, memos: true, label: 'cached' },
  uncached: { cache: false, memos: true, label: 'uncached, memos warm' },
  cold: { cache: false, memos: false, label: 'cold: cache off, memos off' },
};
/** A server put in a mode (MODES). */
async function setMode(server, mode) {
  await server.ask({ cache: MODES[mode].cache });
  await server.ask({ memos: MODES[mode].memos });
}
/** The reads answered by public-lists (straight from the table) rather than Strapi's generic pipeline. */
const DIRECT_READS = new Set(['list', 'list-page', 'detail']);

const pathsFor = (locale, documentId) => ({
  list: `/api/policy-documents?${LIST}&locale=${locale}`,
  'list-page': `/api/policy-documents?${LIST}&${LIST_PAGE_FIELDS}&locale=${locale}`,
  detail: `/api/policy-documents/${documentId}?locale=${locale}`,
  counts: `/api/disclosure/catalogue/counts?locale=${locale}`,
});

/** A child process that answers each message sent to it with one message back. */
function startChild(script, env) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, script), [], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const onExit = (code) => reject(new Error(`${script} exited with code ${code} while starting`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.removeListener('exit', onExit);
      if (!message.ready) return reject(new Error(`${script}: ${JSON.stringify(message)}`));
      const ask = (question) =>
        new Promise((answer, fail) => {
          child.once('message', (reply) =>
            reply.error ? fail(new Error(reply.error)) : answer(reply)
          );
          child.send(question);
        });
      resolve({ child, port: message.port, ask, kill: () => child.kill('SIGKILL') });
    });
  });
}

/** Headers Node writes itself on every answer, the ceiling's included. */
const PER_CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** An answer's body and headers, as the ceiling is to send them. */
function fetchBytes(port, url) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 200)
            return reject(
              new Error(
                `GET ${url}: ${response.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`
              )
            );
          const headers = [];
          for (let index = 0; index < response.rawHeaders.length; index += 2) {
            const name = response.rawHeaders[index];
            if (!PER_CONNECTION_HEADERS.has(name.toLowerCase()))
              headers.push(name, response.rawHeaders[index + 1]);
          }
          resolve({ headers, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

async function load(port, url, { connections, seconds }) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${url}`,
    connections,
    duration: seconds,
  });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(
      `${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts under load`
    );
  }
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

/** Several loads of one URL as one: mean throughput and latencies, all requests. */
const meanOf = (loads) => ({
  requestsPerSecond: Math.round(average(loads.map((load) => load.requestsPerSecond))),
  p50: average(loads.map((load) => load.p50)),
  p99: average(loads.map((load) => load.p99)),
  requests: loads.reduce((sum, load) => sum + load.requests, 0),
});

/** A throwaway database: a SQLite file, or a new PostgreSQL database dropped afterwards. */
async function throwawayDatabase(client) {
  const name = `disclosure_bench_${crypto.randomBytes(4).toString('hex')}`;
  if (client === 'sqlite') {
    const filename = path.join('.tmp', `${name}.db`);
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal'])
          fs.rmSync(path.join(ROOT, `${filename}${suffix}`), { force: true });
      },
    };
  }
  const { Client } = require('pg');
  const server = postgresServer();
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: async () => {
      const cleanup = new Client({ connectionString: server });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A production-mode instance on a throwaway database, seeded, with the cases' answers on a bare server beside it. */
async function startInstance(client, documents) {
  const database = await throwawayDatabase(client);
  const env = {
    NODE_ENV: 'production',
    ...freshSecrets(),
    // Fresh random secrets, not the development .env's: production mode refuses those.
    SECRETS_FOR: 'benchmark',
    SEED_DEMO: 'false',
    CRON_ENABLED: 'false',
    DATABASE_POOL_MAX: '10',
    ...database.env,
  };
  const instance = { client, documents, database, server: null, bare: null };
  try {
    instance.server = await startChild('server.js', env);
    const { seeded } = await instance.server.ask({ seed: documents });
    instance.seeded = seeded;
    const firstPage = JSON.parse(
      (await fetchBytes(instance.server.port, pathsFor('zh-Hans', 'x').list)).body.toString()
    );
    if (!firstPage.data.length) throw new Error('the seeded catalogue lists nothing');
    const documentId = firstPage.data[0].documentId;

    instance.cases = [];
    for (const name of READS) {
      for (const locale of LOCALES)
        instance.cases.push({ name, locale, url: pathsFor(locale, documentId)[name] });
    }
    const responses = {};
    for (const item of instance.cases) {
      // Twice: the second is a cache hit, whose headers (X-Response-Cache: hit) are the ones measured.
      await fetchBytes(instance.server.port, item.url);
      const { headers, body } = await fetchBytes(instance.server.port, item.url);
      item.bytes = body.length;
      responses[item.url] = { headers, body: body.toString('base64') };
    }
    instance.bare = await startChild('bare.js', {});
    await instance.bare.ask({ responses });
    return instance;
  } catch (error) {
    await stopInstance(instance);
    throw error;
  }
}

async function stopInstance(instance) {
  instance.bare?.kill();
  if (instance.server)
    await instance.server.ask({ stop: true }).catch(() => instance.server.kill());
  await instance.database.drop();
}

/** Every case of one instance under load, in each mode; cached reads beside the ceiling. */
async function throughput(instance, { connections, seconds, warmupSeconds, rounds }) {
  const { server, bare, cases } = instance;
  if (warmupSeconds) {
    await load(server.port, cases[0].url, { connections, seconds: warmupSeconds });
    await load(bare.port, cases[0].url, { connections, seconds: warmupSeconds });
  }
  // Rounds of short loads, each round's loads back to back and in alternating order (A-B-C-D,
  // D-C-B-A…): a figure is compared only with loads run beside it, so the machine's drift over
  // minutes, or a pause that hits one load, favours none of them. Cached answers run beside their
  // ceiling (what a request costs against the ceiling, and zh-Hant against zh-Hans, are compared by
  // pairedCost). Cached loads see thousands of requests a second, so a second each is plenty;
  // uncached ones see a hundred or two, and their p99 needs longer loads (every load starts with ten
  // requests at once).
  const shortFor = (cache) => ({
    connections,
    seconds: Math.max(1, cache ? seconds / rounds : (seconds * 2) / rounds),
  });
  const ratioOf = (loads, baselines) =>
    Number(
      median(
        loads.map((item, round) => item.requestsPerSecond / baselines[round].requestsPerSecond)
      ).toFixed(3)
    );
  for (const cache of [true, false]) {
    await setMode(server, cache ? 'cached' : 'uncached');
    let settings = { memos: true, directLists: true };
    for (const name of READS) {
      const [hans, hant] = cases.filter((item) => item.name === name);
      if (warmupSeconds && !cache)
        await load(server.port, hans.url, { connections, seconds: warmupSeconds });
      // Uncached reads run with the memos warm and cold, side by side; direct reads also through
      // Strapi's generic pipeline (public-lists off, memos warm), beside the direct read.
      const generic = !cache && DIRECT_READS.has(name);
      const runs = cache
        ? [
            { port: bare.port, item: hans },
            { port: server.port, item: hans, key: 'cached' },
            { port: server.port, item: hant, key: 'cached' },
            { port: bare.port, item: hant },
          ]
        : [
            { port: server.port, item: hans, key: 'uncached' },
            { port: server.port, item: hant, key: 'uncached' },
            { port: server.port, item: hans, key: 'cold', memos: false },
            { port: server.port, item: hant, key: 'cold', memos: false },
            ...(generic
              ? [{ port: server.port, item: hans, key: 'generic', directLists: false }]
              : []),
          ];
      const loads = runs.map(() => []);
      for (let round = 0; round < rounds; round += 1) {
        const order = round % 2 ? [...runs.keys()].reverse() : [...runs.keys()];
        for (const index of order) {
          const wanted = {
            memos: runs[index].memos ?? true,
            directLists: runs[index].directLists ?? true,
          };
          if (!cache && wanted.memos !== settings.memos) await server.ask({ memos: wanted.memos });
          if (!cache && wanted.directLists !== settings.directLists)
            await server.ask({ directLists: wanted.directLists });
          settings = wanted;
          loads[index].push(await load(runs[index].port, runs[index].item.url, shortFor(cache)));
        }
      }
      runs.forEach((run, index) => {
        run.item[run.key ?? 'ceiling'] = meanOf(loads[index]);
      });
      if (generic) hans.generic.directToGeneric = ratioOf(loads[0], loads[4]);
    }
    if (!cache) {
      await server.ask({ memos: true });
      await server.ask({ directLists: true });
    }
  }
  await setMode(server, 'cached');
  return {
    database: instance.client,
    documents: instance.documents,
    seeding: instance.seeded,
    cases: cases.map(({ name, locale, url, bytes, ceiling, cached, uncached, cold, generic }) => ({
      name,
      locale,
      url,
      bytes,
      ceiling,
      cached,
      uncached,
      cold,
      ...(generic ? { generic } : {}),
    })),
  };
}

/** One GET over a keep-alive agent, its body read and dropped; `headers` for this request only. */
function get(agent, port, url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, agent, headers }, (response) => {
        response.on('data', () => {});
        response.on('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`GET ${url}: ${response.statusCode}`))
        );
      })
      .on('error', reject);
  });
}

/** Per-request times in a few figures: quartiles and the 90th percentile, in ms. */
const percentiles = (times) =>
  Object.fromEntries(
    [
      ['p25', 0.25],
      ['p50', 0.5],
      ['p75', 0.75],
      ['p90', 0.9],
      ['p99', 0.99],
    ].map(([name, q]) => [name, Number(quantile(times, q).toFixed(4))])
  );

/**
 * What one request costs the server, A against B: requests one at a time, A and B alternating (A-B,
 * B-A…), each timed by its server from its arrival to its last byte (a side's `headers()`, if any,
 * gives each of its requests' headers). Under load, two loads a few
 * seconds apart differ here by 10–25% however alike they are; requests interleaved one by one meet
 * the same machine, so the ratio of the two medians resolves a few percent. B's median ÷ A's, and its
 * spread: the same ratio in each of (up to) ten runs of consecutive pairs, their least, quartiles and
 * most; each side's percentiles; and, when A and B are different processes, each one's CPU time per request.
 */
async function pairedCost(a, b, { seconds, minimumPairs = 30, warmup = 5 }) {
  const servers = [...new Set([a.server, b.server])];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let warm = 0; warm < warmup; warm += 1) {
      await get(agent, a.server.port, a.url, a.headers?.());
      await get(agent, b.server.port, b.url, b.headers?.());
    }
    await Promise.all(servers.map((server) => server.ask({ timing: true })));
    const until = Date.now() + seconds * 1000;
    let pairs = 0;
    for (; pairs < minimumPairs || Date.now() < until; pairs += 1) {
      for (const side of pairs % 2 ? [b, a] : [a, b])
        await get(agent, side.server.port, side.url, side.headers?.());
    }
    const answers = await Promise.all(servers.map((server) => server.ask({ timing: false })));
    const timesOf = (side) => answers[servers.indexOf(side.server)].timings[side.url];
    const [aTimes, bTimes] = [timesOf(a), timesOf(b)];
    const [aMs, bMs] = [median(aTimes), median(bTimes)];
    // Pair i is aTimes[i] and bTimes[i]: rounds of consecutive pairs, each compared within itself.
    const count = Math.max(1, Math.min(10, Math.floor(pairs / 5)));
    const rounds = [];
    for (let round = 0; round < count; round += 1) {
      const [from, to] = [
        Math.floor((round * pairs) / count),
        Math.floor(((round + 1) * pairs) / count),
      ];
      rounds.push(median(bTimes.slice(from, to)) / median(aTimes.slice(from, to)));
    }
    const fixed = (value) => Number(value.toFixed(3));
    // Sides on servers of their own: also each process's CPU time per request over the pairs (HTTP
    // parsing and socket writes included, which the timing above does not see; no spread).
    const cpu =
      a.server !== b.server
        ? (() => {
            const [aCpuUs, bCpuUs] = [a, b].map(
              (side, index) =>
                answers[servers.indexOf(side.server)].cpuMicros / [aTimes, bTimes][index].length
            );
            return {
              cpu: {
                aUs: Number(aCpuUs.toFixed(1)),
                bUs: Number(bCpuUs.toFixed(1)),
                ratio: fixed(bCpuUs / aCpuUs),
              },
            };
          })()
        : {};
    return {
      pairs,
      aMs: Number(aMs.toFixed(4)),
      bMs: Number(bMs.toFixed(4)),
      ratio: fixed(bMs / aMs),
      spread: {
        rounds: count,
        min: fixed(Math.min(...rounds)),
        q1: fixed(quantile(rounds, 0.25)),
        q3: fixed(quantile(rounds, 0.75)),
        max: fixed(Math.max(...rounds)),
      },
      a: percentiles(aTimes),
      b: percentiles(bTimes),
      ...cpu,
    };
  } finally {
    agent.destroy();
  }
}

/**
 * Per-request costs compared within one database, in each mode (MODES):
 * - a cached read against the ceiling, the same bytes from bench/bare.js, at each size and in each
 *   locale ({ compare: 'ceiling' }; A the ceiling, B the cached read);
 * - zh-Hant against zh-Hans at each size ({ compare: 'locale', documents });
 * - uncached and cold, the largest catalogue against the smallest in each locale
 *   ({ compare: 'size', from, to, locale }).
 */
async function costs(instances, { seconds }) {
  const found = [];
  const caseOf = (instance, name, locale) =>
    instance.cases.find((item) => item.name === name && item.locale === locale);
  for (const mode of Object.keys(MODES)) {
    await Promise.all(instances.map((instance) => setMode(instance.server, mode)));
    const { cache, memos } = MODES[mode];
    for (const name of READS) {
      for (const instance of instances) {
        const [hans, hant] = LOCALES.map((locale) => ({
          server: instance.server,
          url: caseOf(instance, name, locale).url,
        }));
        found.push({
          compare: 'locale',
          read: name,
          mode,
          cache,
          memos,
          documents: instance.documents,
          ...(await pairedCost(hans, hant, { seconds })),
        });
        if (mode !== 'cached') continue;
        for (const locale of LOCALES) {
          const url = caseOf(instance, name, locale).url;
          const measured = await pairedCost(
            { server: instance.bare, url },
            { server: instance.server, url },
            { seconds }
          );
          // A cached answer does all the ceiling does and more: a share above 1 is noise, so none is reported.
          const share = Number(Math.min(1, 1 / measured.ratio).toFixed(3));
          found.push({
            compare: 'ceiling',
            read: name,
            mode,
            cache,
            memos,
            locale,
            documents: instance.documents,
            ...measured,
            share,
            withinSpread: measured.ratio <= 1 || measured.spread.q1 <= 1,
          });
        }
      }
      if (mode === 'cached' || instances.length < 2) continue;
      const [small, large] = [instances[0], instances[instances.length - 1]];
      for (const locale of LOCALES) {
        const [before, after] = [small, large].map((instance) => ({
          server: instance.server,
          url: caseOf(instance, name, locale).url,
        }));
        found.push({
          compare: 'size',
          from: small.documents,
          to: large.documents,
          read: name,
          mode,
          cache,
          memos,
          locale,
          ...(await pairedCost(before, after, { seconds })),
        });
      }
    }
  }
  await Promise.all(instances.map((instance) => setMode(instance.server, 'cached')));
  return found;
}

/**
 * One database: an instance per catalogue size, all running; each under load in turn, then their
 * per-request costs compared side by side.
 */
async function readsBench({
  client,
  sizes,
  connections,
  seconds,
  warmupSeconds,
  rounds = 2,
  pairedSeconds = 2,
}) {
  const instances = [];
  try {
    for (const documents of [...sizes].sort((a, b) => a - b)) {
      console.error(`bench: ${client}, seeding ${documents.toLocaleString('en')} documents…`);
      instances.push(await startInstance(client, documents));
    }
    const runs = [];
    for (const instance of instances) {
      console.error(
        `bench: ${client}, ${instance.documents.toLocaleString('en')} documents under load…`
      );
      runs.push(await throughput(instance, { connections, seconds, warmupSeconds, rounds }));
    }
    console.error(`bench: ${client}, per-request costs side by side…`);
    return {
      runs,
      costs: (await costs(instances, { seconds: pairedSeconds })).map((entry) => ({
        database: client,
        ...entry,
      })),
    };
  } finally {
    for (const instance of instances) await stopInstance(instance);
  }
}

/** The PostgreSQL server the throwaway databases are made on: DATABASE_URL's, or 127.0.0.1:5432. */
const postgresServer = () =>
  process.env.DATABASE_URL && /^postgres/.test(process.env.DATABASE_URL)
    ? process.env.DATABASE_URL
    : 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether a PostgreSQL server answers. */
async function postgresAvailable() {
  const { Client } = require('pg');
  const client = new Client({ connectionString: postgresServer(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

module.exports = {
  readsBench,
  postgresAvailable,
  postgresServer,
  throwawayDatabase,
  startChild,
  pairedCost,
  READS,
  MODES,
};
