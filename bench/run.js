#!/usr/bin/env node
/**
 * `npm run bench`: measurements as ratios against a baseline run in the same run, written to
 * bench/results/ as Markdown and JSON (a timestamped pair, and latest.md / latest.json, which are
 * kept in git) with the machine's core count, the commit and whether the working tree was dirty.
 * The report's targets are checked on the run's own figures; a full run prints the report, then
 * exits 1 if any target is not met (or could not be measured), and refuses to start when a database
 * in BENCH_DATABASES does not answer.
 *
 * 1. Public reads (bench/reads.js) on SQLite and PostgreSQL with 10,000 and 100,000 documents seeded
 *    in bulk (bench/seed-bulk.js): list, document and per-category counts, zh-Hans and zh-Hant, with
 *    the response cache warm, off with the per-state memos warm, and cold (cache and memos off),
 *    beside a bare Node server returning the same bytes (the ceiling); req/s, p50, p99 under 10
 *    keep-alive connections. Then, the sizes' instances side by side, by per-request cost, requests
 *    interleaved: cached reads against the ceiling, zh-Hant against zh-Hans, 100,000 against 10,000.
 * 2. Conversion: the disclosure converter against raw opencc-js on the same text (the four seed
 *    policies), paired rounds in alternating order; the converter should cost under 10% more.
 * 3. Syndication fan-out to 200 loopback receivers that fail in kinds (503, timeouts, an outage, 410),
 *    per database (bench/fan-out-report.js): what each receiver stored, time against a bare loop.
 * 4. The annual report of a province (200 organizations, 100,000 documents, 20,000 cases) per database
 *    (bench/annual-report-report.js): its time against a plain count over the same rows; under one
 *    second on PostgreSQL.
 *
 * 5. The catalogue search (bench/search.js) per database at each size: a two- and a four-character
 *    word, a 文号, a word with a facet, against the same words through Strapi's generic pipeline
 *    (filters[title][$containsi]); p50/p99 cache off, one request at a time and at 10 connections;
 *    the largest catalogue against the smallest by per-request cost. Targets: p99 under 50 ms at
 *    100,000 on PostgreSQL; 100,000 within 20% of 10,000 on each database.
 *
 * `npm run bench:smoke` runs all of it small (200 and 400 documents, SQLite, 1-second loads, 10
 * receivers) in seconds, so CI notices when it breaks; its report goes to .tmp/bench-smoke/. Its
 * figures are too small to judge: it reports the targets and exits 0, and skips PostgreSQL with a
 * warning when asked for it and none answers.
 * Sizes, databases and durations: BENCH_SIZES=10000,100000 BENCH_DATABASES=sqlite,postgres
 * BENCH_SECONDS=5 BENCH_CONNECTIONS=10, and BENCH_PAIRED_SECONDS=3 for each per-request comparison.
 * BENCH_ONLY=search (comma-separated: reads, conversion, fan-out, annual-report, search) runs those
 * sections alone; such a partial run reports only their targets and writes no latest.*.
 */
const { execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { readsBench, postgresAvailable, postgresServer, MODES } = require('./reads');

const ROOT = path.join(__dirname, '..');
const SMOKE = process.argv.includes('--smoke');
const ROUNDS = Number(process.env.BENCH_ROUNDS || (SMOKE ? 1 : 7));
const SIZES = (process.env.BENCH_SIZES || (SMOKE ? '200,400' : '10000,100000'))
  .split(',')
  .map(Number);
const DATABASES = (process.env.BENCH_DATABASES || (SMOKE ? 'sqlite' : 'sqlite,postgres'))
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const SECONDS = Number(process.env.BENCH_SECONDS || (SMOKE ? 1 : 5));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const PAIRED_SECONDS = Number(process.env.BENCH_PAIRED_SECONDS || (SMOKE ? 0.3 : 3));
const RESULTS = path.join(ROOT, SMOKE ? '.tmp/bench-smoke' : 'bench/results');
const SECTIONS = ['reads', 'conversion', 'fan-out', 'annual-report', 'search'];
const ONLY = (process.env.BENCH_ONLY || '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of ONLY)
  if (!SECTIONS.includes(name))
    throw new Error(`bench: unknown section "${name}" in BENCH_ONLY (${SECTIONS.join(', ')})`);
/** Whether a section runs: every one, unless BENCH_ONLY names some. */
const included = (section) => !ONLY.length || ONLY.includes(section);
const { median } = require('./stats');
const timeMs = (fn, times) => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < times; i += 1) fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

async function conversionBench() {
  const OpenCC = require('opencc-js');
  const { ChineseConverter } = require(
    path.join(ROOT, 'dist/src/plugins/disclosure/server/src/conversion/rules/chinese-conversion')
  );
  const fixtures = path.join(ROOT, 'src/seed/fixtures');
  const text = fs
    .readdirSync(fixtures)
    .map((file) => fs.readFileSync(path.join(fixtures, file), 'utf8'))
    .join('\n')
    .repeat(4);

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
const documentsOf = (count) => `${count.toLocaleString('en')} documents`;
const modeLabel = (entry) => MODES[entry.mode].label;
/** A cached read's share of the ceiling: never above 1, and not a figure when the spread reaches it. */
const shareText = (entry) =>
  entry.withinSpread ? 'indistinguishable from the ceiling (within spread)' : percent(entry.share);
/** A per-request cost ratio with the spread of its rounds. */
const spreadText = (entry) =>
  `${entry.ratio} (rounds' IQR ${entry.spread.q1}–${entry.spread.q3}, min–max ${entry.spread.min}–${entry.spread.max})`;

/**
 * The issue's targets, each checked on this run's own figures: [{ target, measured, met }]. A target
 * this run should have measured and did not is not met.
 */
function targets(reads, costs) {
  const checks = [];
  const notMeasured = (target, why) =>
    checks.push({ target, measured: `not measured (${why})`, met: false });
  const largest = Math.max(...SIZES);
  const where = (entry) =>
    `${entry.read}${entry.locale ? ` ${entry.locale}` : ''}, ${modeLabel(entry)}, ${entry.database}${entry.documents ? `, ${documentsOf(entry.documents)}` : ''}`;

  // Cached reads against the ceiling, by what a request costs the server (clamped to 1).
  const ceilingTarget =
    'cached public reads ≥ 50% of the bare-Node ceiling (ceiling ÷ cached cost per request, requests interleaved)';
  const ceiling = costs.filter((entry) => entry.compare === 'ceiling');
  if (ceiling.length) {
    const worst = ceiling.reduce((a, b) => (b.share < a.share ? b : a));
    checks.push({
      target: ceilingTarget,
      measured: `lowest: ${shareText(worst)} (${where(worst)}; cached ÷ ceiling cost ${spreadText(worst)})`,
      met: worst.share >= 0.5,
    });
  } else {
    notMeasured(ceilingTarget, 'no cached read was compared with the ceiling');
  }

  // Uncached list p99 on PostgreSQL at the largest size, each locale (a smoke run without
  // PostgreSQL checks its own database instead, so the check runs in CI too).
  const p99Database =
    SMOKE && !reads.some((entry) => entry.database === 'postgres') && reads.length
      ? reads[0].database
      : 'postgres';
  const p99Name =
    p99Database === 'postgres' ? 'PostgreSQL' : `${p99Database} (smoke run without PostgreSQL)`;
  for (const name of ['list', 'list-page']) {
    for (const locale of ['zh-Hans', 'zh-Hant']) {
      const target = `uncached ${name} ${locale} p99 < 100 ms at ${CONNECTIONS} connections on ${p99Name}, ${documentsOf(largest)} (cache off, memos warm)`;
      const run = reads.find(
        (entry) => entry.database === p99Database && entry.documents === largest
      );
      const item = run?.cases.find((entry) => entry.name === name && entry.locale === locale);
      if (!item) notMeasured(target, `no ${p99Database} run at this size`);
      else
        checks.push({
          target,
          measured: `${ms(item.uncached.p99)} (cold: ${ms(item.cold.p99)})`,
          met: item.uncached.p99 < 100,
        });
    }
  }

  // Per-request costs, compared request by request (bench/reads.js, pairedCost).
  const furthest = (entries) =>
    entries.reduce(
      (worst, entry) =>
        !worst || Math.abs(entry.ratio - 1) > Math.abs(worst.ratio - 1) ? entry : worst,
      null
    );
  const localeTarget =
    'zh-Hant within 5% of zh-Hans (per-request cost, requests interleaved; cached, uncached and cold)';
  const locales = furthest(costs.filter((entry) => entry.compare === 'locale'));
  if (locales) {
    checks.push({
      target: localeTarget,
      measured: `furthest: zh-Hant ÷ zh-Hans cost ${spreadText(locales)} (${where(locales)})`,
      met: Math.abs(locales.ratio - 1) <= 0.05,
    });
  } else {
    notMeasured(localeTarget, 'no locale comparison');
  }
  for (const database of DATABASES) {
    for (const mode of ['uncached', 'cold']) {
      const target = `${MODES[mode].label}, reads (list, filter, count, document): cost at the largest catalogue within 20% of the smallest (${database}; per-request cost, requests interleaved)`;
      const growth = costs.filter(
        (entry) => entry.database === database && entry.compare === 'size' && entry.mode === mode
      );
      if (!growth.length) {
        notMeasured(target, SIZES.length < 2 ? 'one catalogue size only' : `no ${database} run`);
        continue;
      }
      const worst = growth.reduce((a, b) => (b.ratio > a.ratio ? b : a));
      checks.push({
        target: target
          .replace('the largest catalogue', documentsOf(worst.to))
          .replace('the smallest', worst.from.toLocaleString('en')),
        measured: `largest: ${spreadText(worst)} (${where(worst)})`,
        met: worst.ratio <= 1.2,
      });
    }
  }
  return checks;
}

/**
 * The run's exit code from its checks (the reads', and any appended to them): 1 when a full run has
 * a check not met. A smoke run is too small for its figures to judge anything: it reports them, 0.
 */
function exitCodeFor(checks, { smoke }) {
  const failed = checks.filter((check) => !check.met);
  if (smoke || !failed.length) return 0;
  console.error(
    `bench: ${failed.length} of ${checks.length} targets not met:\n${failed.map((check) => `  - ${check.target}: ${check.measured}`).join('\n')}`
  );
  return 1;
}

function readsMarkdown(reads) {
  const lines = [];
  const figure = (load) =>
    `${load.requestsPerSecond.toLocaleString('en')} (${ms(load.p50)} / ${ms(load.p99)})`;
  for (const run of reads) {
    lines.push(
      `### ${run.database}, ${documentsOf(run.documents)}`,
      '',
      `Seeded ${run.seeding.rows.toLocaleString('en')} rows (draft and published, zh-Hans and zh-Hant) in ${(run.seeding.ms / 1000).toFixed(1)} s. Requests per second (p50 / p99) under load; loads of one read in alternating order, side by side.`,
      '',
      `| read | locale | bytes | ceiling | ${MODES.cached.label} | ${MODES.uncached.label} | ${MODES.cold.label} |`,
      '|---|---|---|---|---|---|---|'
    );
    for (const item of run.cases) {
      lines.push(
        `| ${item.name} | ${item.locale} | ${item.bytes.toLocaleString('en')} | ${figure(item.ceiling)} | ${figure(item.cached)} | ${figure(item.uncached)} | ${figure(item.cold)} |`
      );
    }
    lines.push('');
    const direct = run.cases.filter((item) => item.generic);
    if (direct.length) {
      lines.push(
        "Uncached reads (memos warm) straight from the table (public-lists) and through Strapi's generic read pipeline, in alternating loads:",
        '',
        '| read | locale | direct req/s (p50 / p99) | generic pipeline req/s (p50 / p99) | direct ÷ generic |',
        '|---|---|---|---|---|'
      );
      for (const item of direct) {
        lines.push(
          `| ${item.name} | ${item.locale} | ${figure(item.uncached)} | ${figure(item.generic)} | ${item.generic.directToGeneric} |`
        );
      }
      lines.push('');
    }
  }
  return lines;
}

const quartiles = (side) =>
  `${side.p50.toFixed(3)} ms (${side.p25.toFixed(3)}–${side.p75.toFixed(3)})`;

function ceilingMarkdown(costs) {
  const ceiling = costs.filter((entry) => entry.compare === 'ceiling');
  if (!ceiling.length) return [];
  return [
    '## Cached reads against the ceiling, by what a request costs',
    '',
    "The same bytes from the bare server and from Strapi's cache, one request at a time, alternating (A-B, B-A…), each timed by its server from arrival to its last byte. Per request: median (interquartile range). Cached ÷ ceiling: the ratio of the medians, and the same ratio in each of up to ten rounds of consecutive pairs (their IQR and min–max). CPU per request: each process's CPU time over the pairs ÷ its requests (HTTP parsing and socket writes included; information, not judged). A cached answer does everything the bare server does and more, so a share of the ceiling is never above 100%: when the rounds reach a ratio of 1 it is indistinguishable from the ceiling.",
    '',
    '| database | documents | read | locale | ceiling per request | cached per request | cached ÷ ceiling cost | share of the ceiling | CPU per request, ceiling / cached (ratio) | pairs |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...ceiling.map(
      (entry) =>
        `| ${entry.database} | ${entry.documents.toLocaleString('en')} | ${entry.read} | ${entry.locale} | ${quartiles(entry.a)} | ${quartiles(entry.b)} | ${spreadText(entry)} | ${shareText(entry)} | ${entry.cpu.aUs} µs / ${entry.cpu.bUs} µs (${entry.cpu.ratio}) | ${entry.pairs.toLocaleString('en')} |`
    ),
    '',
  ];
}

function costsMarkdown(costs) {
  const compared = costs.filter((entry) => entry.compare !== 'ceiling');
  if (!compared.length) return [];
  return [
    '## Per-request cost, requests interleaved',
    '',
    `One request at a time, A and B alternating (A-B, B-A…), each timed by its server from arrival to its last byte; the median of each side, and B ÷ A with its rounds' spread (as above). The catalogue sizes run side by side, an instance each. Modes: ${Object.values(
      MODES
    )
      .map((mode) => mode.label)
      .join('; ')}.`,
    '',
    "| database | read | mode | A | B | A median | B median | B ÷ A (rounds' IQR) | pairs |",
    '|---|---|---|---|---|---|---|---|---|',
    ...compared.map((entry) => {
      const [a, b] =
        entry.compare === 'locale'
          ? [
              `zh-Hans, ${entry.documents.toLocaleString('en')}`,
              `zh-Hant, ${entry.documents.toLocaleString('en')}`,
            ]
          : [
              `${entry.locale}, ${entry.from.toLocaleString('en')}`,
              `${entry.locale}, ${entry.to.toLocaleString('en')}`,
            ];
      return `| ${entry.database} | ${entry.read} | ${modeLabel(entry)} | ${a} | ${b} | ${entry.aMs.toFixed(3)} ms | ${entry.bMs.toFixed(3)} ms | ${entry.ratio} (${entry.spread.q1}–${entry.spread.q3}) | ${entry.pairs.toLocaleString('en')} |`;
    }),
    '',
  ];
}

/** The commit, and whether the working tree differed from it (what was measured is then not the commit alone). */
function gitState() {
  const run = (command) =>
    execSync(command, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  try {
    const changed = run('git status --porcelain').split('\n').filter(Boolean);
    return {
      commit: run('git rev-parse --short HEAD').trim(),
      dirty: changed.length > 0,
      changedPaths: changed.length,
    };
  } catch {
    return { commit: 'unknown', dirty: null, changedPaths: null };
  }
}

(async () => {
  // Before anything runs: a report is about the tree as it was when the run began.
  const { commit, dirty, changedPaths } = gitState();

  const databases = [];
  for (const database of DATABASES) {
    if (database !== 'sqlite' && database !== 'postgres')
      throw new Error(
        `bench: unknown database "${database}" in BENCH_DATABASES (sqlite, postgres)`
      );
    if (database === 'postgres' && !(await postgresAvailable())) {
      const where = new URL(postgresServer()).host;
      if (!SMOKE) {
        // A full run's report claims every database it names: one that is missing is an error, not a footnote.
        console.error(
          `bench: PostgreSQL is in BENCH_DATABASES but no server answers at ${where} (DATABASE_URL or 127.0.0.1:5432); start it, or leave postgres out of BENCH_DATABASES`
        );
        process.exit(1);
      }
      console.warn(
        `bench: no PostgreSQL server answers at ${where} (DATABASE_URL or 127.0.0.1:5432); PostgreSQL runs skipped in this smoke run`
      );
      continue;
    }
    databases.push(database);
  }
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: ROOT });
  const reads = [];
  const costs = [];
  for (const database of included('reads') ? databases : []) {
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
  const skipped = { runs: [], checks: [], markdown: [] };
  if (included('conversion')) console.error('bench: conversion…');
  const conversion = included('conversion') ? await conversionBench() : null;
  const fanOut = included('fan-out')
    ? await require('./fan-out-report').fanOutBench({ smoke: SMOKE, databases, root: ROOT })
    : skipped;

  const annualReport = included('annual-report')
    ? await require('./annual-report-report').annualReportBench({
        smoke: SMOKE,
        databases,
        root: ROOT,
      })
    : skipped;

  const search = included('search')
    ? await require('./search').searchBench({
        smoke: SMOKE,
        databases,
        sizes: SIZES,
        connections: CONNECTIONS,
        seconds: SECONDS,
        pairedSeconds: PAIRED_SECONDS,
      })
    : { ...skipped, sizeCosts: [] };

  const result = {
    at: new Date().toISOString(),
    commit,
    dirty,
    changedPaths,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    node: process.version,
    smoke: SMOKE,
    databases,
    sizes: SIZES,
    load: {
      connections: CONNECTIONS,
      seconds: SECONDS,
      generator: 'autocannon (its own process, keep-alive)',
    },
    reads,
    costs,
    only: ONLY.length ? ONLY : null,
    targets: [
      ...(included('reads') ? targets(reads, costs) : []),
      ...fanOut.checks,
      ...annualReport.checks,
      ...search.checks,
    ],
    conversion,
    fanOut: fanOut.runs,
    annualReport: annualReport.runs,
    search: { runs: search.runs, sizeCosts: search.sizeCosts },
  };
  const stamp = result.at.replace(/[:.]/g, '-');
  fs.mkdirSync(RESULTS, { recursive: true });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  const markdown = [
    `# Bench ${result.at}${SMOKE ? ' (smoke run: small, not for comparison)' : ''}${ONLY.length ? ` (sections: ${ONLY.join(', ')})` : ''}`,
    '',
    `Commit ${commit}${dirty === null ? '' : dirty ? ` with a dirty working tree (${changedPaths} ${changedPaths === 1 ? 'path' : 'paths'} changed or untracked: the figures are not the commit's alone)` : ' (clean working tree)'}, ${result.cores} cores (${result.cpu}), Node ${result.node}, databases ${databases.join(', ')}, ${SIZES.map((size) => size.toLocaleString('en')).join(' and ')} documents. Loads: ${CONNECTIONS} keep-alive connections, from autocannon in its own process, ${SECONDS} s per cached figure and ${SECONDS * 2} s per uncached or cold one, in rounds of short loads in alternating order. Modes: ${Object.values(
      MODES
    )
      .map((mode) => mode.label)
      .join(
        '; '
      )} (the values remembered per content state, the Public role's permissions, list totals and catalogue counts, loaded for every request as after a change). Cached reads against the ceiling, zh-Hant against zh-Hans, and the largest catalogue against the smallest, by what a request costs the server, requests interleaved one by one (${PAIRED_SECONDS} s per comparison).`,
    '',
    '## Targets',
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...result.targets.map(
      (check) => `| ${check.target} | ${check.measured} | ${check.met ? 'yes' : '**no**'} |`
    ),
    '',
    ...(SMOKE
      ? [
          'A smoke run reports the targets and exits 0 whatever they say: its sizes and loads are too small to judge them.',
          '',
        ]
      : []),
    ...(included('reads')
      ? [
          '## Public reads',
          '',
          ...readsMarkdown(reads),
          ...ceilingMarkdown(costs),
          ...costsMarkdown(costs),
        ]
      : []),
    ...(conversion
      ? [
          '## Conversion',
          '',
          '| measure | value |',
          '|---|---|',
          `| raw opencc-js (s2tw) throughput | ${conversion.rawCharactersPerSecond.toLocaleString('en')} characters/s on ${conversion.characters.toLocaleString('en')} characters |`,
          `| disclosure converter cost / raw opencc-js (median of ${ROUNDS * 10} paired rounds) | ${conversion.converterCostRatio} |`,
          `| building one OpenCC converter | ${conversion.rawBuildMs} ms |`,
          `| heap for both converters | ${conversion.heapForBothConvertersMb} MB |`,
          '',
        ]
      : []),
    ...fanOut.markdown,
    ...annualReport.markdown,
    ...search.markdown,
  ].join('\n');
  fs.writeFileSync(path.join(RESULTS, `${stamp}.json`), json);
  fs.writeFileSync(path.join(RESULTS, `${stamp}.md`), markdown);
  if (!SMOKE && !ONLY.length) {
    // The latest full run's figures are kept in git (bench/results/latest.*); timestamped ones, and a
    // run of some sections only, are not.
    fs.writeFileSync(path.join(RESULTS, 'latest.json'), json);
    fs.writeFileSync(path.join(RESULTS, 'latest.md'), markdown);
  }
  console.log(markdown);
  process.exit(exitCodeFor(result.targets, { smoke: SMOKE }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
