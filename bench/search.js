/**
 * The catalogue search (`GET /api/disclosure/search`), per database and catalogue size (bench/run.js
 * calls searchBench and adds its checks and section to the report):
 *
 * - an instance per size (bench/server.js, a process of its own, as for the reads) on a throwaway
 *   database, N policy documents seeded in bulk (bench/seed-bulk.js), then the search index filled by
 *   the search service's reindex, timed (bulk rows bypass the document service that keeps the index);
 * - the response cache off, so every answer is computed (the per-state memos stay warm);
 * - four searches a portal's search box sees: a two-character word (政府), a four-character word
 *   (信息公开), a 文号 of the catalogue typed with 【】 instead of 〔〕, and a word with a facet
 *   (types=policy-document&year=2020); beside each, the same words through Strapi's generic read
 *   pipeline, `filters[title][$containsi]` (for the 文号, `filters[documentNumber][$eq]`; for the
 *   facet, the issue date's year), 10 a page like the search;
 * - per request, one at a time, each timed by its server from arrival to its last byte (pairedCost,
 *   bench/reads.js): search and generic alternating (A-B, B-A…), p50 and p99 of each side and the ratio
 *   of the medians; then the instances side by side, the largest catalogue's search against the
 *   smallest's the same way;
 * - under load: 10 keep-alive connections (autocannon), search and generic in alternating loads.
 *
 * The search route is limited per address (120 a minute): the instance runs as behind a proxy
 * (IS_PROXIED) and each request names another address in X-Forwarded-For, so the limiter is passed
 * through on every request, as it is for a portal's visitors, without refusing the benchmark.
 */
const autocannon = require('autocannon');
const http = require('http');
const { average } = require('./stats');
const { pairedCost, startChild, throwawayDatabase } = require('./reads');

/**
 * Catalogues up to this size get their index from the reindex service, larger ones in bulk (a smoke
 * run: its smaller size by the service, the larger in bulk, so CI runs both).
 */
const serviceReindexUpTo = (smoke, sizes) =>
  Number(process.env.BENCH_SEARCH_SERVICE_UP_TO ?? (smoke ? Math.min(...sizes) : 10000));
/**
 * Pairs at least per comparison, and requests to warm each side first: a search over 100,000
 * documents may take seconds, so a slow one is compared on few pairs (its p99 is then their slowest).
 */
const MINIMUM_PAIRS = 3;
const WARMUP = 1;
/** Loads at 10 connections only where a request alone takes less (else each load is a few requests). */
const LOAD_UP_TO_MS = 250;
/** The year the facet case filters on (the seeded catalogue's issue dates span 2010–2026). */
const FACET_YEAR = 2020;
const GENERIC_PAGE = 'pagination%5BpageSize%5D=10&locale=zh-Hans';
const containsTitle = (words) =>
  `filters%5Btitle%5D%5B%24containsi%5D=${encodeURIComponent(words)}`;

/** The cases, given a 文号 of the instance's catalogue (canonical, 〔〕). */
const casesFor = (documentNumber) => {
  const typed = documentNumber.replace('〔', '【').replace('〕', '】');
  const search = (q, extra = '') =>
    `/api/disclosure/search?q=${encodeURIComponent(q)}&locale=zh-Hans${extra}`;
  return [
    {
      name: 'two characters',
      words: '政府',
      search: search('政府'),
      generic: `/api/policy-documents?${containsTitle('政府')}&${GENERIC_PAGE}`,
    },
    {
      name: 'four characters',
      words: '信息公开',
      search: search('信息公开'),
      generic: `/api/policy-documents?${containsTitle('信息公开')}&${GENERIC_PAGE}`,
    },
    {
      name: '文号',
      words: typed,
      search: search(typed),
      generic: `/api/policy-documents?filters%5BdocumentNumber%5D%5B%24eq%5D=${encodeURIComponent(documentNumber)}&${GENERIC_PAGE}`,
      documentNumber,
    },
    {
      name: 'with a facet',
      words: `信息公开, types=policy-document, year=${FACET_YEAR}`,
      search: search('信息公开', `&types=policy-document&year=${FACET_YEAR}`),
      generic: `/api/policy-documents?${containsTitle('信息公开')}&filters%5BissueDate%5D%5B%24gte%5D=${FACET_YEAR}-01-01&filters%5BissueDate%5D%5B%24lte%5D=${FACET_YEAR}-12-31&${GENERIC_PAGE}`,
    },
  ];
};

/** Another visitor's address for each request (198.18.0.0/15, the range kept for benchmarks). */
let visitor = 0;
const visitorHeaders = () => {
  visitor = (visitor + 1) % 131072;
  return {
    'x-forwarded-for': `198.${18 + (visitor >> 16)}.${(visitor >> 8) & 255}.${visitor & 255}`,
  };
};

/** One GET's status and JSON body. */
function getJson(port, url) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, headers: visitorHeaders() }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (response.statusCode !== 200)
            return reject(new Error(`GET ${url}: ${response.statusCode} ${text.slice(0, 300)}`));
          resolve(JSON.parse(text));
        });
      })
      .on('error', reject);
  });
}

/** A load at `connections` keep-alive connections, each request from another visitor. */
async function load(port, url, { connections, seconds }) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    timeout: 60,
    requests: [
      {
        method: 'GET',
        path: url,
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, ...visitorHeaders() },
        }),
      },
    ],
  });
  if (result.non2xx || result.errors || result.timeouts)
    throw new Error(
      `${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts under load`
    );
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** A seeded instance with its search index filled, the cache off and lists through Strapi's pipeline. */
async function startInstance(client, documents, serviceUpTo) {
  const database = await throwawayDatabase(client);
  const { freshSecrets } = require('../scripts/fresh-secrets');
  const instance = { client, documents, database, server: null };
  try {
    instance.server = await startChild('server.js', {
      NODE_ENV: 'production',
      ...freshSecrets(),
      SECRETS_FOR: 'benchmark',
      SEED_DEMO: 'false',
      CRON_ENABLED: 'false',
      DATABASE_POOL_MAX: '10',
      IS_PROXIED: 'true',
      ...database.env,
    });
    instance.seeded = (await instance.server.ask({ seed: documents })).seeded;
    // The reindex service where it takes minutes at most; beyond, the same entries in bulk.
    if (documents <= serviceUpTo) {
      console.error(`bench: search, ${client}, ${count(documents)}: reindex service…`);
      const { reindexed } = await instance.server.ask({ reindex: true });
      instance.fill = { method: 'reindex service', ...reindexed };
    } else {
      console.error(`bench: search, ${client}, ${count(documents)}: index in bulk…`);
      const { filled } = await instance.server.ask({ searchIndexBulk: true });
      instance.fill = { method: 'bulk', ...filled };
    }
    await instance.server.ask({ cache: false });
    await instance.server.ask({ directLists: false });
    const newest = await getJson(
      instance.server.port,
      `/api/policy-documents?fields%5B0%5D=documentNumber&sort=issueDate%3Adesc&pagination%5BpageSize%5D=1&locale=zh-Hans`
    );
    const documentNumber = newest.data[0]?.documentNumber;
    if (!documentNumber) throw new Error('the seeded catalogue lists no 文号');
    instance.cases = casesFor(documentNumber);
    for (const item of instance.cases) {
      const found = await getJson(instance.server.port, item.search);
      const generic = await getJson(instance.server.port, item.generic);
      item.searchTotal = found.meta.pagination.total;
      item.truncated = found.meta.truncated;
      item.genericTotal = generic.meta.pagination.total;
      if (item.documentNumber)
        item.numberFirst = found.data[0]?.documentNumber === item.documentNumber;
    }
    return instance;
  } catch (error) {
    await stopInstance(instance);
    throw error;
  }
}

async function stopInstance(instance) {
  if (instance.server)
    await instance.server.ask({ stop: true }).catch(() => instance.server.kill());
  await instance.database.drop();
}

/** One instance's cases: per request (search against generic, interleaved), then under load. */
async function measureInstance(instance, { connections, seconds, pairedSeconds, rounds }) {
  const side = (url) => ({ server: instance.server, url, headers: visitorHeaders });
  const cases = [];
  for (const item of instance.cases) {
    // A is the generic pipeline, B the search: B ÷ A is what a search costs against the filter.
    const perRequest = await pairedCost(side(item.generic), side(item.search), {
      seconds: pairedSeconds,
      minimumPairs: MINIMUM_PAIRS,
      warmup: WARMUP,
    });
    const loads = { search: [], generic: [] };
    const short = { connections, seconds: Math.max(1, seconds / rounds) };
    const loaded = Math.max(perRequest.a.p50, perRequest.b.p50) < LOAD_UP_TO_MS;
    for (let round = 0; loaded && round < rounds; round += 1) {
      for (const which of round % 2 ? ['generic', 'search'] : ['search', 'generic'])
        loads[which].push(await load(instance.server.port, item[which], short));
    }
    const meanOf = (list) => ({
      requestsPerSecond: Math.round(average(list.map((entry) => entry.requestsPerSecond))),
      p50: average(list.map((entry) => entry.p50)),
      p99: average(list.map((entry) => entry.p99)),
    });
    cases.push({
      name: item.name,
      words: item.words,
      search: item.search,
      generic: item.generic,
      searchTotal: item.searchTotal,
      genericTotal: item.genericTotal,
      ...(item.documentNumber ? { numberFirst: item.numberFirst } : {}),
      perRequest,
      underLoad: loaded ? { search: meanOf(loads.search), generic: meanOf(loads.generic) } : null,
    });
  }
  return {
    database: instance.client,
    documents: instance.documents,
    seeding: instance.seeded,
    fill: instance.fill,
    cases,
  };
}

const count = (value) => Number(value).toLocaleString('en');
const ms = (value) => `${Number(value).toFixed(1)} ms`;
const spread = (entry) =>
  `${entry.ratio} (${entry.spread.q1}–${entry.spread.q3}, min–max ${entry.spread.min}–${entry.spread.max})`;

function checksOf(runs, sizeCosts, { smoke, databases, connections }) {
  const checks = [];
  const sizes = runs.map((run) => run.documents);
  const largest = Math.max(...sizes);
  // The p99 target is PostgreSQL's; a smoke run without it checks its own database, so CI runs the check.
  const p99Database = smoke && !databases.includes('postgres') ? databases[0] : 'postgres';
  const p99Run = runs.find((run) => run.database === p99Database && run.documents === largest);
  const p99Target = `search p99 < 50 ms on ${p99Database === 'postgres' ? 'PostgreSQL' : `${p99Database} (smoke run without PostgreSQL)`}, ${count(largest)} documents (every query; cache off, one request at a time, server-timed)`;
  if (p99Run) {
    const worst = p99Run.cases.reduce((a, b) => (b.perRequest.b.p99 > a.perRequest.b.p99 ? b : a));
    checks.push({
      target: p99Target,
      measured: `worst: ${ms(worst.perRequest.b.p99)} (${worst.name}; p50 ${ms(worst.perRequest.b.p50)}${worst.underLoad ? `; at ${connections} connections p99 ${ms(worst.underLoad.search.p99)}` : ''})`,
      met: worst.perRequest.b.p99 < 50,
    });
  } else {
    checks.push({
      target: p99Target,
      measured: `not measured (no ${p99Database} run at this size)`,
      met: false,
    });
  }
  for (const database of databases) {
    const target = `search cost per request at the largest catalogue within 20% of the smallest (${database}; requests interleaved, every query)`;
    const growth = sizeCosts.filter((entry) => entry.database === database);
    if (!growth.length) {
      checks.push({
        target,
        measured: `not measured (${sizes.length < 2 ? 'one catalogue size only' : `no ${database} run`})`,
        met: false,
      });
      continue;
    }
    const worst = growth.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    checks.push({
      target: target
        .replace('the largest catalogue', `${count(worst.to)} documents`)
        .replace('the smallest', count(worst.from)),
      measured: `largest: ${spread(worst)} (${worst.name}: ${worst.aMs.toFixed(2)} → ${worst.bMs.toFixed(2)} ms)`,
      met: worst.ratio <= 1.2,
    });
  }
  for (const run of runs) {
    const number = run.cases.find((item) => item.numberFirst !== undefined);
    checks.push({
      target: `search (${run.database}, ${count(run.documents)}): a 文号 typed with 【】 found, first`,
      measured: number.numberFirst
        ? `${number.words}: first of ${number.searchTotal}`
        : `${number.words}: not first (${number.searchTotal} found)`,
      met: Boolean(number.numberFirst),
    });
  }
  return checks;
}

function markdownOf(runs, sizeCosts, connections, serviceUpTo) {
  if (!runs.length) return [];
  const lines = [
    '## Catalogue search',
    '',
    `\`GET /api/disclosure/search\` on the bulk-seeded catalogue (four rows a document: zh-Hans and zh-Hant, draft and published; the index holds the public ones, every locale), its index filled by the search service's reindex (catalogues up to ${count(serviceUpTo)} documents) or the same entries written in bulk, checked against the service's \`buildEntry\` on a sample (larger ones); the response cache off. Beside each search, the same words through Strapi's generic read pipeline: \`filters[title][$containsi]\` (the 文号: \`filters[documentNumber][$eq]\` with its canonical form; the facet: the issue date's year), 10 a page like the search. The seeded titles are \`关于<topic>工作的<genre>（第N号）\`: 政府 and 信息公开 are in nearly every body and in no title, so the search matches almost every entry while the filter scans every title and finds none. Per request: one at a time, search and generic alternating (A-B, B-A…), each timed by its server from arrival to its last byte; search ÷ generic is the ratio of the medians (rounds' IQR, min–max). Under load: ${connections} keep-alive connections, search and generic loads alternating; req/s (p50 / p99). Each request from another address (X-Forwarded-For, the instance behind a proxy), so the route's per-address limit is passed through, not hit.`,
    '',
  ];
  for (const run of runs) {
    lines.push(
      `### ${run.database}, ${count(run.documents)} documents`,
      '',
      `Seeded ${count(run.seeding.rows)} rows in ${(run.seeding.ms / 1000).toFixed(1)} s; search index: ${count(run.fill.entries)} entries ${run.fill.method === 'bulk' ? `written in bulk (bench/search-index-bulk.js: ${count(run.fill.paragraphs)} distinct paragraphs segmented, ${run.fill.sampled} entries checked against buildEntry)` : 'by the reindex service'} in ${(run.fill.ms / 1000).toFixed(1)} s (${Math.round((run.fill.entries / run.fill.ms) * 1000).toLocaleString('en')} entries/s).`,
      '',
      '| query | found: search / generic | search p50 / p99 | generic p50 / p99 | search ÷ generic cost (rounds) | pairs | search at 10 connections | generic at 10 connections |',
      '|---|---|---|---|---|---|---|---|'
    );
    for (const item of run.cases) {
      const load = (which) =>
        item.underLoad
          ? `${count(item.underLoad[which].requestsPerSecond)} (${ms(item.underLoad[which].p50)} / ${ms(item.underLoad[which].p99)})`
          : `not loaded (p50 alone ≥ ${LOAD_UP_TO_MS} ms)`;
      lines.push(
        `| ${item.name}: ${item.words} | ${count(item.searchTotal)}${item.truncated ? ' (the window: more matched)' : ''} / ${count(item.genericTotal)} | ${ms(item.perRequest.b.p50)} / ${ms(item.perRequest.b.p99)} | ${ms(item.perRequest.a.p50)} / ${ms(item.perRequest.a.p99)} | ${spread(item.perRequest)} | ${count(item.perRequest.pairs)} | ${load('search')} | ${load('generic')} |`
      );
    }
    lines.push('');
  }
  for (const run of runs.filter((item) => item.explained)) {
    const { explained } = run;
    // The slowest statement's plan is the one worth reading.
    const [first] = [...explained.statements].sort((a, b) => b.ms - a.ms);
    lines.push(
      `Where the time of one search for ${explained.q} goes (${run.database}, ${count(run.documents)} documents; ${ms(explained.totalMs)} through the service, cache off): each statement it sends, run again alone${run.database === 'postgres' ? ', with EXPLAIN (ANALYZE, BUFFERS) in the JSON report' : ''}:`,
      '',
      '| statement | time |',
      '|---|---|',
      ...explained.statements.map(
        (statement) =>
          `| \`${statement.sql.replace(/\s+/g, ' ').replace(/`/g, '"').replace(/\|/g, '\\|').slice(0, 110)}…\` | ${ms(statement.ms)} |`
      ),
      '',
      ...(first
        ? ["The slowest statement's plan:", '', '```', ...first.plan.slice(0, 24), '```', '']
        : [])
    );
  }
  if (sizeCosts.length) {
    lines.push(
      'The largest catalogue against the smallest, the two instances side by side, search requests alternating between them:',
      '',
      '| database | query | A | B | A median | B median | B ÷ A (rounds) | pairs |',
      '|---|---|---|---|---|---|---|---|',
      ...sizeCosts.map(
        (entry) =>
          `| ${entry.database} | ${entry.name} | ${count(entry.from)} | ${count(entry.to)} | ${entry.aMs.toFixed(3)} ms | ${entry.bMs.toFixed(3)} ms | ${spread(entry)} | ${count(entry.pairs)} |`
      ),
      ''
    );
  }
  return lines;
}

/**
 * Every database: { runs, sizeCosts, checks, markdown }. Smoke: 200 and 400 documents (run.js's
 * sizes), short loads.
 */
async function searchBench({ smoke, databases, sizes, connections, seconds, pairedSeconds }) {
  const runs = [];
  const sizeCosts = [];
  const rounds = 2;
  for (const client of databases) {
    const instances = [];
    try {
      for (const documents of [...sizes].sort((a, b) => a - b)) {
        console.error(`bench: search, ${client}, seeding ${count(documents)} documents…`);
        instances.push(await startInstance(client, documents, serviceReindexUpTo(smoke, sizes)));
      }
      for (const instance of instances) {
        console.error(`bench: search, ${client}, ${count(instance.documents)} documents…`);
        runs.push(await measureInstance(instance, { connections, seconds, pairedSeconds, rounds }));
      }
      // Where a search's time goes, on the largest catalogue: the two-character word's statements.
      const largest = instances[instances.length - 1];
      if (largest) {
        const { explained } = await largest.server.ask({ explainSearch: { q: '政府' } });
        runs.find(
          (run) => run.database === client && run.documents === largest.documents
        ).explained = explained;
      }
      if (instances.length >= 2) {
        const [small, large] = [instances[0], instances[instances.length - 1]];
        for (let index = 0; index < small.cases.length; index += 1) {
          const side = (instance) => ({
            server: instance.server,
            url: instance.cases[index].search,
            headers: visitorHeaders,
          });
          sizeCosts.push({
            database: client,
            name: small.cases[index].name,
            from: small.documents,
            to: large.documents,
            ...(await pairedCost(side(small), side(large), {
              seconds: pairedSeconds,
              minimumPairs: MINIMUM_PAIRS,
              warmup: WARMUP,
            })),
          });
        }
      }
    } finally {
      for (const instance of instances) await stopInstance(instance);
    }
  }
  return {
    runs,
    sizeCosts,
    checks: runs.length ? checksOf(runs, sizeCosts, { smoke, databases, connections }) : [],
    markdown: markdownOf(runs, sizeCosts, connections, serviceReindexUpTo(smoke, sizes)),
  };
}

module.exports = { searchBench };
