#!/usr/bin/env node
/**
 * Syndication fan-out (转载): one province instance pushes each published document to 200 receivers
 * on loopback, 30% of which fail their first attempt (503). Measures the time until every receiver
 * has acknowledged every document, and counts what was lost (must be 0). The retry schedule's waits
 * are skipped by moving the plugin's clock to the next due attempt, so the figure is the system's
 * own work, not the 5 s it would wait; the passes and retries it took are reported.
 *
 * Baseline, in the same process: the same signed messages sent to the same receivers by a bare loop
 * with the same concurrency and the same failures, without the outbox (no database). The ratio is
 * the outbox's cost over that.
 *
 * Run by bench/run.js in a process of its own (`node bench/fan-out.js` works alone, after a build);
 * prints one JSON line. BENCH_RECEIVERS and BENCH_DOCUMENTS scale it down for a smoke run.
 */
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { freshSecrets } = require('../scripts/fresh-secrets');

const ROOT = path.join(__dirname, '..');
const RECEIVERS = Number(process.env.BENCH_RECEIVERS || 200);
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS || 3);
const FAILING_SHARE = 0.3;
const dist = (module) => require(path.join(ROOT, 'dist/src/plugins/disclosure/server/src', module));

/** Receivers: each verifies the signature, fails the first attempt of each message if it is one of the 30%. */
async function startReceivers(count) {
  const { verify } = dist('domain/webhook-signature');
  const receivers = [];
  for (let index = 0; index < count; index += 1) {
    const receiver = { index, failsFirst: index < Math.round(count * FAILING_SHARE), secret: null, seen: new Map(), refused: 0, badSignatures: 0, server: null, url: '' };
    receiver.server = http.createServer((request, response) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        if (!verify(request.headers, body, [receiver.secret], Math.floor(Date.now() / 1000)).ok) {
          receiver.badSignatures += 1;
          response.writeHead(401);
          return response.end();
        }
        const message = JSON.parse(body);
        const key = `${message.documentId}:${message.version}`;
        const attempts = (receiver.seen.get(key) ?? 0) + 1;
        receiver.seen.set(key, attempts);
        if (receiver.failsFirst && attempts === 1) {
          receiver.refused += 1;
          response.writeHead(503, { 'content-type': 'application/json' });
          return response.end('{"error":"starting up"}');
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ data: { documentId: `copy-${receiver.index}-${message.documentId}`, url: `${receiver.url}/copy`, status: 'published', version: message.version }, meta: { duplicate: attempts > 1 } }));
      });
    });
    await new Promise((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${receiver.server.address().port}`;
    receivers.push(receiver);
  }
  return receivers;
}

/** The bare loop: every message to every receiver, the same lanes, retried at once on failure. */
async function bareFanOut(receivers, messages, lanes) {
  const { signedHeaders } = dist('domain/webhook-signature');
  const queue = receivers.map((receiver) => messages.map((message) => ({ receiver, message })));
  const start = process.hrtime.bigint();
  const lane = async () => {
    for (let work = queue.shift(); work; work = queue.shift()) {
      for (const { receiver, message } of work) {
        for (;;) {
          const body = JSON.stringify(message);
          const headers = { 'content-type': 'application/json', ...signedHeaders([receiver.secret], `msg_${crypto.randomUUID()}`, body, Math.floor(Date.now() / 1000)) };
          const response = await fetch(`${receiver.url}/api/disclosure/inbox`, { method: 'POST', headers, body });
          await response.text();
          if (response.ok) break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return Number(process.hrtime.bigint() - start) / 1e6;
}

(async () => {
  const dbFile = path.join('.tmp', `bench-fan-out-${process.pid}.db`);
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: dbFile,
    SEED_DEMO: 'false',
    CRON_ENABLED: 'false',
    PUBLIC_URL: 'http://127.0.0.1:1337',
    ...freshSecrets(),
    SECRETS_FOR: 'benchmark',
  });
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false });
  app.log.level = 'error';
  await app.load();
  const receivers = await startReceivers(RECEIVERS);
  try {
    const syndication = app.plugin('disclosure').service('syndication');
    const worker = app.plugin('disclosure').service('syndication-worker');
    const clock = app.plugin('disclosure').service('clock');
    let offsetMs = 0;
    clock.now = () => new Date(Date.now() + offsetMs);

    const office = await app.documents('api::organization.organization').create({
      data: { name: '山东省人民政府办公厅', code: '370000001', level: 'department', regionCode: '370000' },
    });
    let sequence = 0;
    const publish = async () => {
      sequence += 1;
      const started = process.hrtime.bigint();
      const document = await app.documents('api::policy-document.policy-document').create({
        data: {
          title: `关于做好政务公开重点工作的通知（第${sequence}号）`,
          documentNumber: `鲁政办发〔2026〕${sequence}号`,
          issuingOrganization: office.documentId,
          category: 'decision',
          issueDate: '2026-03-10',
          mustSyndicate: true,
          summary: '各市人民政府，省政府各部门、各直属机构：'.repeat(20),
          confidentialityReview: { reviewer: '王审查', reviewedAt: '2026-03-09T08:00:00.000Z', conclusion: 'approved' },
        },
        status: 'published',
      });
      return { documentId: document.documentId, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    };

    // Publishing with no subscriber, then with all of them: the outbox's cost on the editor's click.
    const alone = [];
    for (let i = 0; i < 3; i += 1) alone.push((await publish()).ms);
    await app.db.query('plugin::disclosure.syndication-event').deleteMany({});
    for (const receiver of receivers) {
      const { secret: issued } = await syndication.createSubscriber({ name: `县级门户 ${receiver.index}`, endpointUrl: `${receiver.url}/api/disclosure/inbox`, scope: 'must-syndicate' });
      receiver.secret = issued;
    }
    const published = [];
    for (let i = 0; i < DOCUMENTS; i += 1) published.push(await publish());

    // Deliver: passes of the worker, as the cron runs them; when only retries not yet due remain, the
    // clock moves on by one delivery interval (the next cron tick) instead of waiting for it.
    const deliveries = () => app.db.query('plugin::disclosure.syndication-delivery');
    const intervalMs = app.config.get('plugin::disclosure.syndication').deliveryIntervalSeconds * 1000;
    const start = process.hrtime.bigint();
    let passes = 0;
    let retries = 0;
    let ticksSkipped = 0;
    for (;;) {
      const tally = await worker.runOnce(100);
      passes += 1;
      retries += tally.retry;
      if (tally.claimed) continue;
      if (!(await deliveries().count({ where: { status: 'pending' } }))) break;
      offsetMs += intervalMs;
      ticksSkipped += 1;
    }
    const outboxMs = Number(process.hrtime.bigint() - start) / 1e6;

    const expected = RECEIVERS * DOCUMENTS;
    const acknowledged = await deliveries().count({ where: { status: 'delivered', receipt: { $notNull: true } } });
    const dead = await deliveries().count({ where: { status: 'dead' } });
    const received = receivers.reduce((sum, receiver) => sum + published.filter(({ documentId }) => receiver.seen.has(`${documentId}:1`)).length, 0);
    const badSignatures = receivers.reduce((sum, receiver) => sum + receiver.badSignatures, 0);
    const refusedAtFirst = receivers.reduce((sum, receiver) => sum + receiver.refused, 0);

    const events = await app.db.query('plugin::disclosure.syndication-event').findMany({ orderBy: { id: 'asc' } });
    for (const receiver of receivers) receiver.seen.clear();
    const bareMs = await bareFanOut(receivers, events.map((event) => event.payload), dist('services/syndication-worker').CONCURRENT_TARGETS);

    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(
      JSON.stringify({
        receivers: RECEIVERS,
        documents: DOCUMENTS,
        failingFirst: Math.round(RECEIVERS * FAILING_SHARE),
        deliveries: expected,
        acknowledged,
        lost: expected - acknowledged,
        dead,
        receivedByReceivers: received,
        badSignatures,
        refusedAtFirst,
        passes,
        retries,
        waitSkippedSeconds: (ticksSkipped * intervalMs) / 1000,
        outboxMs: Math.round(outboxMs),
        bareMs: Math.round(bareMs),
        outboxToBareRatio: Number((outboxMs / bareMs).toFixed(2)),
        publishAloneMs: Math.round(median(alone)),
        publishWithSubscribersMs: Math.round(median(published.map(({ ms }) => ms))),
      })
    );
  } finally {
    await Promise.all(receivers.map((receiver) => new Promise((resolve) => receiver.server.close(resolve))));
    await app.destroy();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(ROOT, `${dbFile}${suffix}`), { force: true });
  }
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
