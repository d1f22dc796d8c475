#!/usr/bin/env node
/**
 * `npm run bench`: measurements as ratios against a baseline run in the same process, written to
 * bench/results/ as Markdown and JSON with the machine's core count and the commit.
 *
 * 1. Conversion: the disclosure converter against raw opencc-js on the same text (the four seed
 *    policies), paired rounds in alternating order; the converter should cost under 10% more.
 * 2. Reading zh-Hant against zh-Hans through the real HTTP server: conversion happens on write, so
 *    both should cost the same.
 * 3. Syndication fan-out to 200 loopback receivers, 30% failing at first (bench/fan-out.js, in a
 *    process of its own): time until all acknowledged against a bare fan-out loop, and nothing lost.
 */
const { execFileSync, execSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { freshSecrets } = require('../scripts/fresh-secrets');

const ROOT = path.join(__dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS || 7);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
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

function get(port, pathname) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      })
      .on('error', reject);
  });
}

async function readBench() {
  const dbFile = path.join('.tmp', `bench-${process.pid}.db`);
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: dbFile,
    SEED_DEMO: 'true',
    CRON_ENABLED: 'false',
    ...freshSecrets(),
    // Fresh random secrets, not the development .env's: production mode refuses those.
    SECRETS_FOR: 'benchmark',
  });
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false });
  app.log.level = 'error';
  await app.load();
  await app.server.mount();
  await new Promise((resolve) => app.server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.httpServer.address();
  const requests = 100;
  const read = async (locale) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < requests; i += 1) {
      const status = await get(port, `/api/policy-documents?locale=${locale}&populate=issuingOrganization`);
      if (status !== 200) throw new Error(`GET ${locale}: ${status}`);
    }
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  try {
    await read('zh-Hans');
    await read('zh-Hant');
    const ratios = [];
    const hansTimes = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const hans = await read('zh-Hans');
      const hant = await read('zh-Hant');
      hansTimes.push(hans);
      ratios.push(hant / hans);
    }
    return {
      requestsPerRound: requests,
      zhHansRequestsPerSecond: Math.round(requests / (median(hansTimes) / 1000)),
      zhHantToZhHansCostRatio: Number(median(ratios).toFixed(3)),
    };
  } finally {
    await app.destroy();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(ROOT, `${dbFile}${suffix}`), { force: true });
  }
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
  const result = {
    at: new Date().toISOString(),
    commit,
    cores: os.cpus().length,
    node: process.version,
    conversion: await conversionBench(),
    localizedReads: await readBench(),
    fanOut: JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'fan-out.js')], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()),
  };
  const stamp = result.at.replace(/[:.]/g, '-');
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, `bench/results/${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const markdown = [
    `# Bench ${result.at}`,
    '',
    `Commit ${commit}, ${result.cores} cores, Node ${result.node}. Ratios are medians of paired rounds in one process (conversion: ${ROUNDS * 10} pairs; reads: ${ROUNDS} rounds), the order alternating.`,
    '',
    '| measure | value |',
    '|---|---|',
    `| raw opencc-js (s2tw) throughput | ${result.conversion.rawCharactersPerSecond.toLocaleString('en')} characters/s on ${result.conversion.characters.toLocaleString('en')} characters |`,
    `| disclosure converter cost / raw opencc-js | ${result.conversion.converterCostRatio} |`,
    `| building one OpenCC converter | ${result.conversion.rawBuildMs} ms |`,
    `| heap for both converters | ${result.conversion.heapForBothConvertersMb} MB |`,
    `| zh-Hans list reads (sequential, HTTP) | ${result.localizedReads.zhHansRequestsPerSecond} requests/s |`,
    `| zh-Hant read cost / zh-Hans read cost | ${result.localizedReads.zhHantToZhHansCostRatio} |`,
    `| syndication fan-out: ${result.fanOut.documents} documents to ${result.fanOut.receivers} receivers, ${result.fanOut.failingFirst} failing at first | all acknowledged in ${result.fanOut.outboxMs} ms (${result.fanOut.passes} worker passes, ${result.fanOut.retries} retries; ${result.fanOut.waitSkippedSeconds} s of retry waits skipped) |`,
    `| fan-out through the outbox / bare fan-out loop (${result.fanOut.bareMs} ms) | ${result.fanOut.outboxToBareRatio} |`,
    `| fan-out lost / dead / bad signatures | ${result.fanOut.lost} / ${result.fanOut.dead} / ${result.fanOut.badSignatures} |`,
    `| publishing with ${result.fanOut.receivers} subscribers / with none | ${result.fanOut.publishWithSubscribersMs} ms / ${result.fanOut.publishAloneMs} ms |`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(ROOT, `bench/results/${stamp}.md`), markdown);
  console.log(markdown);
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
