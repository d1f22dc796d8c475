#!/usr/bin/env node
/**
 * `npm run bench`: measurements as ratios against a baseline run in the same run, written to
 * bench/results/ as Markdown and JSON with the machine's core count and the commit.
 *
 * 1. Public reads (bench/reads.js) on SQLite and PostgreSQL with 10,000 and 100,000 documents seeded
 *    in bulk (bench/seed-bulk.js): list, document and per-category counts, zh-Hans and zh-Hant, with
 *    the response cache warm and off, against a bare Node server returning the same bytes (the
 *    ceiling); req/s, p50, p99 under 10 keep-alive connections. Then, the sizes' instances side by
 *    side, zh-Hant against zh-Hans and 100,000 against 10,000 by per-request cost, requests interleaved.
 * 2. Conversion: the disclosure converter against raw opencc-js on the same text (the four seed
 *    policies), paired rounds in alternating order; the converter should cost under 10% more.
 * 3. Syndication fan-out to 200 loopback receivers that fail in kinds (503, timeouts, an outage, 410),
 *    per database (bench/fan-out-report.js): what each receiver stored, time against a bare loop.
 *
 * `npm run bench:smoke` runs all of it small (300 documents, SQLite, 1-second loads, 10 receivers)
 * in seconds, so CI notices when it breaks; its report goes to .tmp/bench-smoke/.
 * Sizes, databases and durations: BENCH_SIZES=10000,100000 BENCH_DATABASES=sqlite,postgres
 * BENCH_SECONDS=5 BENCH_CONNECTIONS=10.
 */
const { execFileSync, execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { readsBench, postgresAvailable } = require('./reads');

const ROOT = path.join(__dirname, '..');
const SMOKE = process.argv.includes('--smoke');
const ROUNDS = Number(process.env.BENCH_ROUNDS || (SMOKE ? 1 : 7));
const SIZES = (process.env.BENCH_SIZES || (SMOKE ? '200,400' : '10000,100000')).split(',').map(Number);
const DATABASES = (process.env.BENCH_DATABASES || (SMOKE ? 'sqlite' : 'sqlite,postgres')).split(',');
const SECONDS = Number(process.env.BENCH_SECONDS || (SMOKE ? 1 : 5));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const PAIRED_SECONDS = SMOKE ? 0.3 : 3;
const RESULTS = path.join(ROOT, SMOKE ? '.tmp/bench-smoke' : 'bench/results');
const { median } = require('./stats');
const timeMs = (fn, times) => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < times; i += 1) fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

async function conversionBench() {
  const OpenCC = require('opencc-js');
  const { ChineseConverter } = require(path.join(ROOT, 'dist/src/plugins/disclosure/server/src/domain/chinese-conversion'));
  const fixtures = path.join(ROOT, 'src/seed/fixtures');
  const text = fs.readdirSync(fixtures).map((file) => fs.readFileSync(path.join(fixtures, file), 'utf8')).join('\n').repeat(4);

  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = process.hrtime.bigint();
  const raw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const rawBuildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
  const ours = new ChineseConverter('tw');
  ours.toTraditional('预热');
  const heapAfter = process.memoryUsage().heapUsed;

  for (let warm = 0; warm < 10; warm += 1) {
    raw(text);
    ours.toTraditional(text);
  }
  // Paired rounds, alternating which goes first, after a collection: each ratio compares two runs
  // made under the same conditions, and the median of many discards the rounds a pause disturbed.
  const ratios = [];
  const rawTimes = [];
  for (let round = 0; round < ROUNDS * 10; round += 1) {
    if (global.gc) global.gc();
    let rawMs;
    let oursMs;
    if (round % 2) {
      rawMs = timeMs(() => raw(text), 1);
      oursMs = timeMs(() => ours.toTraditional(text), 1);
    } else {
      oursMs = timeMs(() => ours.toTraditional(text), 1);
      rawMs = timeMs(() => raw(text), 1);
    }
    rawTimes.push(rawMs);
    ratios.push(oursMs / rawMs);
  }
  const charsPerSecond = Math.round(text.length / (median(rawTimes) / 1000));
  return {
    characters: text.length,
    rawCharactersPerSecond: charsPerSecond,
    converterCostRatio: Number(median(ratios).toFixed(3)),
    rawBuildMs: Math.round(rawBuildMs),
    heapForBothConvertersMb: Number(((heapAfter - heapBefore) / 1048576).toFixed(1)),
  };
}

const ms = (value) => `${Number(value).toFixed(1)} ms`;
const percent = (value) => `${Math.round(value * 100)}%`;

/** The issue's targets, each checked on this run's own figures. */
function targets(reads, costs) {
  const checks = [];
  const cached = reads.flatMap((run) => run.cases.map((item) => ({ run, item })));
  const worstCached = cached.reduce((worst, entry) => (!worst || entry.item.cached.ratioToCeiling < worst.item.cached.ratioToCeiling ? entry : worst), null);
  if (worstCached) {
    checks.push({
      target: 'cached public reads ≥ 50% of the bare-Node ceiling',
      measured: `lowest: ${percent(worstCached.item.cached.ratioToCeiling)} (${worstCached.item.name} ${worstCached.item.locale}, ${worstCached.run.database}, ${worstCached.run.documents.toLocaleString('en')} documents)`,
      met: worstCached.item.cached.ratioToCeiling >= 0.5,
    });
  }
  for (const run of reads.filter((entry) => entry.database === 'postgres' && entry.documents === Math.max(...SIZES))) {
    for (const name of ['list', 'list-page']) {
      const list = run.cases.find((item) => item.name === name && item.locale === 'zh-Hans');
      checks.push({
        target: `uncached ${name} p99 < 100 ms at ${CONNECTIONS} connections on PostgreSQL, ${run.documents.toLocaleString('en')} documents`,
        measured: ms(list.uncached.p99),
        met: list.uncached.p99 < 100,
      });
    }
  }
  // Per-request costs, compared request by request (bench/reads.js, pairedCost).
  const furthest = (entries) => entries.reduce((worst, entry) => (!worst || Math.abs(entry.ratio - 1) > Math.abs(worst.ratio - 1) ? entry : worst), null);
  const where = (entry) => `${entry.read}, ${entry.cache ? 'cached' : 'uncached'}${entry.locale ? ` ${entry.locale}` : ''}, ${entry.database}${entry.documents ? `, ${entry.documents.toLocaleString('en')} documents` : ''}`;
  const locales = furthest(costs.filter((entry) => entry.compare === 'locale'));
  if (locales) {
    checks.push({
      target: 'zh-Hant within 5% of zh-Hans (per-request cost, requests interleaved)',
      measured: `furthest: zh-Hant costs ${locales.ratio}× zh-Hans (${where(locales)})`,
      met: Math.abs(locales.ratio - 1) <= 0.05,
    });
  }
  for (const database of DATABASES) {
    const growth = costs.filter((entry) => entry.database === database && entry.compare === 'size');
    if (!growth.length) continue;
    const worst = growth.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    checks.push({
      target: `uncached reads (list, filter, count, document): cost at ${worst.to.toLocaleString('en')} documents within 20% of ${worst.from.toLocaleString('en')} (${database}; per-request cost, requests interleaved)`,
      measured: `largest: ${worst.ratio}× (${where(worst)})`,
      met: worst.ratio <= 1.2,
    });
  }
  return checks;
}

function readsMarkdown(reads) {
  const lines = [];
  for (const run of reads) {
    lines.push(
      `### ${run.database}, ${run.documents.toLocaleString('en')} documents`,
      '',
      `Seeded ${run.seeding.rows.toLocaleString('en')} rows (draft and published, zh-Hans and zh-Hant) in ${(run.seeding.ms / 1000).toFixed(1)} s.`,
      '',
      '| read | locale | bytes | ceiling req/s | cached req/s (p50 / p99) | cached ÷ ceiling | uncached req/s (p50 / p99) | uncached ÷ ceiling |',
      '|---|---|---|---|---|---|---|---|'
    );
    for (const item of run.cases) {
      lines.push(
        `| ${item.name} | ${item.locale} | ${item.bytes.toLocaleString('en')} | ${item.ceiling.requestsPerSecond.toLocaleString('en')} | ${item.cached.requestsPerSecond.toLocaleString('en')} (${ms(item.cached.p50)} / ${ms(item.cached.p99)}) | ${item.cached.ratioToCeiling} | ${item.uncached.requestsPerSecond.toLocaleString('en')} (${ms(item.uncached.p50)} / ${ms(item.uncached.p99)}) | ${item.uncached.ratioToCeiling} |`
      );
    }
    lines.push('');
    const direct = run.cases.filter((item) => item.generic);
    if (direct.length) {
      lines.push(
        'Uncached reads straight from the table (public-lists) and through Strapi\'s generic read pipeline, in alternating loads:',
        '',
        '| read | locale | direct req/s (p50 / p99) | generic pipeline req/s (p50 / p99) | direct ÷ generic |',
        '|---|---|---|---|---|'
      );
      for (const item of direct) {
        lines.push(
          `| ${item.name} | ${item.locale} | ${item.uncached.requestsPerSecond.toLocaleString('en')} (${ms(item.uncached.p50)} / ${ms(item.uncached.p99)}) | ${item.generic.requestsPerSecond.toLocaleString('en')} (${ms(item.generic.p50)} / ${ms(item.generic.p99)}) | ${item.generic.directToGeneric} |`
        );
      }
      lines.push('');
    }
  }
  return lines;
}

function costsMarkdown(costs) {
  if (!costs.length) return [];
  return [
    '## Per-request cost, requests interleaved',
    '',
    'One request at a time, A and B alternating (A-B, B-A…), each timed by its server from arrival to its last byte; the median of each side, and B ÷ A. The catalogue sizes run side by side, an instance each.',
    '',
    '| database | read | cache | A | B | A median | B median | B ÷ A | pairs |',
    '|---|---|---|---|---|---|---|---|---|',
    ...costs.map((entry) => {
      const [a, b] =
        entry.compare === 'locale'
          ? [`zh-Hans, ${entry.documents.toLocaleString('en')}`, `zh-Hant, ${entry.documents.toLocaleString('en')}`]
          : [`${entry.locale}, ${entry.from.toLocaleString('en')}`, `${entry.locale}, ${entry.to.toLocaleString('en')}`];
      return `| ${entry.database} | ${entry.read} | ${entry.cache ? 'warm' : 'off'} | ${a} | ${b} | ${entry.aMs.toFixed(3)} ms | ${entry.bMs.toFixed(3)} ms | ${entry.ratio} | ${entry.pairs.toLocaleString('en')} |`;
    }),
    '',
  ];
}

(async () => {
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: ROOT });
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
    } catch {
      return 'unknown';
    }
  })();

  const databases = [];
  for (const database of DATABASES) {
    if (database === 'postgres' && !(await postgresAvailable())) {
      console.warn('bench: no PostgreSQL server answers (DATABASE_URL or 127.0.0.1:5432); PostgreSQL runs skipped');
      continue;
    }
    databases.push(database);
  }
  const reads = [];
  const costs = [];
  for (const database of databases) {
    const measured = await readsBench({
      client: database,
      sizes: SIZES,
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmupSeconds: SMOKE ? 0 : 2,
      rounds: SMOKE ? 2 : 4,
      pairedSeconds: PAIRED_SECONDS,
    });
    reads.push(...measured.runs);
    costs.push(...measured.costs);
  }
  console.error('bench: conversion…');
  const conversion = await conversionBench();
  const fanOut = await require('./fan-out-report').fanOutBench({ smoke: SMOKE, databases, root: ROOT });

  const result = {
    at: new Date().toISOString(),
    commit,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    node: process.version,
    smoke: SMOKE,
    load: { connections: CONNECTIONS, seconds: SECONDS, generator: 'autocannon (its own process, keep-alive)' },
    reads,
    costs,
    targets: [...targets(reads, costs), ...fanOut.checks],
    conversion,
    fanOut: fanOut.runs,
  };
  const stamp = result.at.replace(/[:.]/g, '-');
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const markdown = [
    `# Bench ${result.at}${SMOKE ? ' (smoke run: small, not for comparison)' : ''}`,
    '',
    `Commit ${commit}, ${result.cores} cores (${result.cpu}), Node ${result.node}. Loads: ${CONNECTIONS} keep-alive connections, from autocannon in its own process, ${SECONDS} s per cached figure and ${SECONDS * 2} s per uncached one, in rounds of short loads; a cached read is compared with its ceiling by the median ratio of loads run beside each other. zh-Hant against zh-Hans, and the largest catalogue against the smallest, by what a request costs the server, requests interleaved one by one (${PAIRED_SECONDS} s per comparison).`,
    '',
    '## Targets',
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...result.targets.map((check) => `| ${check.target} | ${check.measured} | ${check.met ? 'yes' : 'no'} |`),
    '',
    '## Public reads',
    '',
    ...readsMarkdown(reads),
    ...costsMarkdown(costs),
    '## Conversion',
    '',
    '| measure | value |',
    '|---|---|',
    `| raw opencc-js (s2tw) throughput | ${conversion.rawCharactersPerSecond.toLocaleString('en')} characters/s on ${conversion.characters.toLocaleString('en')} characters |`,
    `| disclosure converter cost / raw opencc-js (median of ${ROUNDS * 10} paired rounds) | ${conversion.converterCostRatio} |`,
    `| building one OpenCC converter | ${conversion.rawBuildMs} ms |`,
    `| heap for both converters | ${conversion.heapForBothConvertersMb} MB |`,
    '',
    ...fanOut.markdown,
  ].join('\n');
  fs.writeFileSync(path.join(RESULTS, `${stamp}.md`), markdown);
  console.log(markdown);
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
