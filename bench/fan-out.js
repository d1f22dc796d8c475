#!/usr/bin/env node
/**
 * Syndication fan-out (转载): one province instance pushes each published document to many receivers
 * on loopback (200 by default), and the receivers, not the sender's outbox, say what arrived.
 *
 * Each receiver verifies the signature (401, nothing stored, when it does not hold) and stores each
 * message it accepts once, deduplicating on the message's identity as the real inbox does
 * (`webhook-id`): a redelivery of a stored message is answered as a duplicate and counted, not stored
 * again. Stored messages are then matched against the outbox's events by document and version: every
 * live receiver must hold every message exactly once. Receivers misbehave in kinds ("first attempt":
 * the first time a document version reaches it, whatever the message's id):
 *
 * - fails-first (30%): answers 503 to the first attempt of each message, storing nothing;
 * - slow: stores the message, then answers after the sender's timeout (the sender retries a message
 *   the receiver has: the retry must be recognised as a duplicate);
 * - hung: accepts the connection and the request and never answers the first attempt (nothing stored);
 * - down: nothing listens on its port (connection refused) until each of its messages has been tried
 *   3 times (the first attempt and two retries, about a minute of the sender's clock and more), then
 *   it listens again on the same port;
 * - gone: answers 410 Gone; the sender must switch the subscriber off and not contact it again, and
 *   its messages count as ended by 410 (cancelled in the outbox), not as lost;
 * - the rest answer at once.
 *
 * The sender's request timeout is set to 1 s (SYNDICATION_REQUEST_TIMEOUT_SECONDS), so timeouts cost
 * a second each. Retry waits are skipped: when nothing is due, the plugin's clock (and the receivers',
 * which verify timestamps against it) moves on to the next due attempt, on the cron's grid, so the
 * figure is the system's own work; the passes, retries and skipped waits are reported.
 *
 * Baseline, in the same process: the same signed messages sent to the same receivers by a bare loop
 * with the same concurrency, without the outbox (no database), retrying at once; the receivers behave
 * the same (503, slow, hung, 410) except that the outage is not replayed (it is time, which the bare
 * loop has no clock to skip). The ratio is the outbox's cost over that.
 *
 * Run by bench/fan-out-report.js in a process of its own per database (`node bench/fan-out.js`
 * works alone, after a build, on a SQLite file of its own; DATABASE_CLIENT and DATABASE_URL or
 * DATABASE_FILENAME choose another); prints one JSON line. BENCH_RECEIVERS and BENCH_DOCUMENTS size it.
 */
const http = require('http');
const path = require('path');
const { runInChild } = require('./child-app');
const { median } = require('./stats');

const ROOT = path.join(__dirname, '..');
const RECEIVERS = Number(process.env.BENCH_RECEIVERS || 200);
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS || 3);
/** The sender's request timeout, in seconds (the plugin's minimum). */
const TIMEOUT_SECONDS = 1;
/** A down receiver comes back once each of its messages has been tried this many times. */
const DOWN_FOR_ATTEMPTS = 3;
const dist = (module) => require(path.join(ROOT, 'dist/src/plugins/disclosure/server/src', module));

/** How many receivers of each kind: each kind at least once, whatever the size. */
function kindsFor(count) {
  const atLeastOne = (share) => Math.max(1, Math.round(count * share));
  const kinds = {
    gone: 1,
    down: atLeastOne(0.05),
    slow: atLeastOne(0.025),
    hung: atLeastOne(0.025),
    failsFirst: atLeastOne(0.3),
  };
  const misbehaving = Object.values(kinds).reduce((sum, n) => sum + n, 0);
  if (misbehaving > count)
    throw new Error(
      `BENCH_RECEIVERS=${count}: at least ${misbehaving} receivers are needed for every kind`
    );
  return { ...kinds, ok: count - misbehaving };
}

/** Receivers on loopback, each with a kind (see above); `now` is the clock timestamps are verified against. */
async function startReceivers(count, now) {
  const { verify } = dist('syndication/rules/webhook-signature');
  const kinds = kindsFor(count);
  const order = Object.entries(kinds).flatMap(([kind, n]) => Array.from({ length: n }, () => kind));
  const receivers = [];
  for (let index = 0; index < count; index += 1) {
    const receiver = {
      index,
      kind: order[index],
      secret: null,
      server: null,
      port: 0,
      url: '',
      listening: false,
      reset() {
        /** Requests per document version, this run: a failure kind acts on what is sent, whatever its id. */
        this.attempts = new Map();
        /** What it stored: message id → { documentId, version }. */
        this.stored = new Map();
        this.requests = 0;
        this.duplicates = 0;
        this.refused = 0;
        this.timedOut = 0;
        this.badSignatures = 0;
        this.goneAnswered = 0;
        this.requestsAfterGone = 0;
        this.hanging = [];
      },
    };
    receiver.reset();
    receiver.server = http.createServer((request, response) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        receiver.requests += 1;
        if (receiver.goneAnswered) receiver.requestsAfterGone += 1;
        const body = Buffer.concat(chunks).toString();
        const verified = verify(
          request.headers,
          body,
          [receiver.secret],
          Math.floor(now().getTime() / 1000)
        );
        if (!verified.ok) {
          receiver.badSignatures += 1;
          response.writeHead(401, { 'content-type': 'application/json' });
          return response.end(JSON.stringify({ error: verified.reason }));
        }
        const id = verified.id;
        const message = JSON.parse(body);
        const attempt =
          (receiver.attempts.get(`${message.documentId}:${message.version}`) ?? 0) + 1;
        receiver.attempts.set(`${message.documentId}:${message.version}`, attempt);
        const receipt = () => ({
          documentId: `copy-${receiver.index}-${message.documentId}`,
          url: `${receiver.url}/copy/${message.documentId}`,
          status: 'published',
          version: message.version,
        });
        const answer = (duplicate) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ data: receipt(), meta: { duplicate } }));
        };
        if (receiver.kind === 'gone') {
          receiver.goneAnswered += 1;
          response.writeHead(410, { 'content-type': 'application/json' });
          return response.end('{"error":"this portal has closed"}');
        }
        // Deduplicated on the message's identity, as the inbox does (webhook-id): answered with the
        // receipt it already gave, nothing stored again.
        if (receiver.stored.has(id)) {
          receiver.duplicates += 1;
          return answer(true);
        }
        if (receiver.kind === 'failsFirst' && attempt === 1) {
          receiver.refused += 1;
          response.writeHead(503, { 'content-type': 'application/json' });
          return response.end('{"error":"starting up"}');
        }
        if (receiver.kind === 'hung' && attempt === 1) {
          receiver.timedOut += 1;
          receiver.hanging.push(response);
          return undefined;
        }
        receiver.stored.set(id, { documentId: message.documentId, version: message.version });
        if (receiver.kind === 'slow' && attempt === 1) {
          receiver.timedOut += 1;
          setTimeout(() => answer(false), TIMEOUT_SECONDS * 1000 + 500);
          return undefined;
        }
        return answer(false);
      });
    });
    await new Promise((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.listening = true;
    receiver.port = receiver.server.address().port;
    receiver.url = `http://127.0.0.1:${receiver.port}`;
    receivers.push(receiver);
  }
  return receivers;
}

const stop = (receiver) =>
  new Promise((resolve) => {
    if (!receiver.listening) return resolve();
    receiver.listening = false;
    receiver.server.close(() => resolve());
    receiver.server.closeAllConnections();
  });

const listen = (receiver) =>
  new Promise((resolve, reject) => {
    receiver.server.once('error', reject);
    receiver.server.listen(receiver.port, '127.0.0.1', () => {
      receiver.server.removeListener('error', reject);
      receiver.listening = true;
      resolve();
    });
  });

/**
 * The bare loop: every message to every receiver, with the same lanes, the same message ids and the
 * same timeout and the same clock, retried at once after a 503 or a timeout; a receiver that answers
 * 410 gets nothing more.
 */
async function bareFanOut(receivers, events, lanes, now) {
  const { signedHeaders } = dist('syndication/rules/webhook-signature');
  const queue = [...receivers];
  const start = process.hrtime.bigint();
  const lane = async () => {
    for (let receiver = queue.shift(); receiver; receiver = queue.shift()) {
      for (const event of events) {
        let gone = false;
        for (let attempt = 1; ; attempt += 1) {
          if (attempt > 20)
            throw new Error(`bare loop: receiver ${receiver.index} took no message in 20 attempts`);
          const body = JSON.stringify(event.payload);
          const headers = {
            'content-type': 'application/json',
            ...signedHeaders(
              [receiver.secret],
              event.messageId,
              body,
              Math.floor(now().getTime() / 1000)
            ),
          };
          try {
            const response = await fetch(`${receiver.url}/api/disclosure/inbox`, {
              method: 'POST',
              headers,
              body,
              signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000),
            });
            await response.text();
            if (response.ok) break;
            if (response.status === 410) {
              gone = true;
              break;
            }
            if (response.status !== 503)
              throw new Error(`bare loop: receiver ${receiver.index} answered ${response.status}`);
          } catch (error) {
            if (error?.name !== 'TimeoutError') throw error;
          }
        }
        if (gone) break;
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return Number(process.hrtime.bigint() - start) / 1e6;
}

runInChild(
  'fan-out',
  { SYNDICATION_REQUEST_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS) },
  async (app) => {
    const clock = app.plugin('disclosure').service('clock');
    let offsetMs = 0;
    clock.now = () => new Date(Date.now() + offsetMs);
    const receivers = await startReceivers(RECEIVERS, () => clock.now());
    try {
      const syndication = app.plugin('disclosure').service('syndication');
      const worker = app.plugin('disclosure').service('syndication-worker');
      const config = app.config.get('plugin::disclosure.syndication');
      if (config.requestTimeoutSeconds !== TIMEOUT_SECONDS)
        throw new Error(
          `the sender's timeout is ${config.requestTimeoutSeconds} s, not ${TIMEOUT_SECONDS} s`
        );

      const office = await app.documents('api::organization.organization').create({
        data: {
          name: '山东省人民政府办公厅',
          code: '370000001',
          level: 'department',
          regionCode: '370000',
        },
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
            confidentialityReview: {
              reviewer: '王审查',
              reviewedAt: '2026-03-09T08:00:00.000Z',
              conclusion: 'approved',
            },
          },
          status: 'published',
        });
        return {
          documentId: document.documentId,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        };
      };

      // Publishing with no subscriber, then with all of them: the outbox's cost on the editor's click.
      const alone = [];
      for (let i = 0; i < 3; i += 1) alone.push((await publish()).ms);
      await app.db.query('plugin::disclosure.syndication-event').deleteMany({});
      const subscriberOf = new Map();
      for (const receiver of receivers) {
        const created = await syndication.createSubscriber({
          name: `县级门户 ${receiver.index}`,
          endpointUrl: `${receiver.url}/api/disclosure/inbox`,
          scope: 'must-syndicate',
        });
        receiver.secret = created.secret;
        subscriberOf.set(receiver, created.subscriber.id);
      }
      // The down receivers' outage starts before anything is sent.
      const down = receivers.filter((receiver) => receiver.kind === 'down');
      for (const receiver of down) await stop(receiver);
      const published = [];
      for (let i = 0; i < DOCUMENTS; i += 1) published.push(await publish());

      // Deliver: passes of the worker, as the cron runs them; when nothing is due, the clock moves on to
      // the next due attempt (on the cron's grid) instead of waiting for it.
      const deliveries = () => app.db.query('plugin::disclosure.syndication-delivery');
      const intervalMs = config.deliveryIntervalSeconds * 1000;
      const downIds = down.map((receiver) => subscriberOf.get(receiver));
      const start = process.hrtime.bigint();
      const outage = { from: clock.now().getTime(), to: null };
      let passes = 0;
      let retries = 0;
      let skippedMs = 0;
      for (;;) {
        if (
          outage.to === null &&
          !(await deliveries().count({
            where: {
              subscriber: { id: { $in: downIds } },
              status: 'pending',
              attempts: { $lt: DOWN_FOR_ATTEMPTS },
            },
          }))
        ) {
          for (const receiver of down) await listen(receiver);
          outage.to = clock.now().getTime();
        }
        const tally = await worker.runOnce(100);
        passes += 1;
        retries += tally.retry;
        if (passes > 10000) throw new Error('fan-out: no end after 10,000 worker passes');
        if (tally.delivered + tally.retry + tally.dead + tally.gone) continue;
        const [next] = await deliveries().findMany({
          where: { status: 'pending' },
          orderBy: { nextAttemptAt: 'asc' },
          limit: 1,
          select: ['nextAttemptAt'],
        });
        if (!next) break;
        const dueIn = new Date(next.nextAttemptAt).getTime() - clock.now().getTime();
        const skip = Math.max(1, Math.ceil(dueIn / intervalMs)) * intervalMs;
        offsetMs += skip;
        skippedMs += skip;
      }
      const outboxMs = Number(process.hrtime.bigint() - start) / 1e6;

      // What the receivers stored, against the outbox's events: every live receiver, every event, once.
      const events = await app.db
        .query('plugin::disclosure.syndication-event')
        .findMany({ orderBy: { id: 'asc' } });
      if (events.length !== DOCUMENTS)
        throw new Error(`fan-out: ${events.length} events for ${DOCUMENTS} documents`);
      const live = receivers.filter((receiver) => receiver.kind !== 'gone');
      const gone = receivers.filter((receiver) => receiver.kind === 'gone');
      let stored = 0;
      let missing = 0;
      let storedTwice = 0;
      let stray = 0;
      for (const receiver of receivers) {
        const copies = new Map();
        for (const { documentId, version } of receiver.stored.values())
          copies.set(`${documentId}:${version}`, (copies.get(`${documentId}:${version}`) ?? 0) + 1);
        const expected =
          receiver.kind === 'gone'
            ? []
            : events.map((event) => `${event.itemDocumentId}:${event.version}`);
        for (const key of expected) {
          const n = copies.get(key) ?? 0;
          if (n) stored += 1;
          else missing += 1;
          if (n > 1) storedTwice += n - 1;
          copies.delete(key);
        }
        for (const n of copies.values()) stray += n;
      }
      const sum = (list, field) => list.reduce((total, receiver) => total + receiver[field], 0);
      const goneIds = gone.map((receiver) => subscriberOf.get(receiver));
      const goneSubscribers = await app.db
        .query('plugin::disclosure.subscriber')
        .findMany({ where: { id: { $in: goneIds } }, select: ['id', 'active'] });
      const downDeliveries = await deliveries().findMany({
        where: { subscriber: { id: { $in: downIds } } },
        select: ['id', 'attempts'],
      });
      const outbox = {};
      for (const status of ['delivered', 'pending', 'dead', 'cancelled'])
        outbox[status] = await deliveries().count({ where: { status } });
      const result = {
        receivers: RECEIVERS,
        documents: DOCUMENTS,
        kinds: kindsFor(RECEIVERS),
        timeoutSeconds: TIMEOUT_SECONDS,
        expected: live.length * events.length,
        stored,
        missing,
        storedTwice,
        stray,
        duplicatesDeduplicated: sum(receivers, 'duplicates'),
        badSignatures: sum(receivers, 'badSignatures'),
        refusedWith503: sum(receivers, 'refused'),
        timedOut: sum(receivers, 'timedOut'),
        connectionsRefused: downDeliveries.reduce(
          (total, delivery) => total + Math.max(0, delivery.attempts - 1),
          0
        ),
        downForAttempts: DOWN_FOR_ATTEMPTS,
        outageSeconds: outage.to === null ? null : Math.round((outage.to - outage.from) / 1000),
        gone: {
          receivers: gone.length,
          answered410: sum(gone, 'goneAnswered'),
          requestsAfter410: sum(gone, 'requestsAfterGone'),
          stored: gone.reduce((total, receiver) => total + receiver.stored.size, 0),
          expectedEnded: gone.length * events.length,
          endedBy410: await deliveries().count({
            where: { subscriber: { id: { $in: goneIds } }, status: 'cancelled' },
          }),
          subscribersSwitchedOff: goneSubscribers.filter((subscriber) => !subscriber.active).length,
        },
        outbox,
        lost: missing + outbox.dead,
        passes,
        retries,
        waitSkippedSeconds: skippedMs / 1000,
        outboxMs: Math.round(outboxMs),
      };

      for (const receiver of receivers) {
        for (const response of receiver.hanging) response.destroy();
        receiver.reset();
      }
      result.bareMs = Math.round(
        await bareFanOut(
          receivers,
          events,
          dist('syndication/services/syndication-worker').CONCURRENT_TARGETS,
          () => clock.now()
        )
      );
      result.outboxToBareRatio = Number((result.outboxMs / result.bareMs).toFixed(2));
      result.publishAloneMs = Math.round(median(alone));
      result.publishWithSubscribersMs = Math.round(median(published.map(({ ms }) => ms)));
      return result;
    } finally {
      await Promise.all(receivers.map(stop));
    }
  }
);
