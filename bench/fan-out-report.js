/**
 * Syndication fan-out, per database (bench/run.js calls fanOutBench): bench/fan-out.js in a process of
 * its own on a throwaway database, then the checks on what the receivers stored and the report's
 * section. Anything lost (a live receiver missing a message, a delivery parked as dead) or a message
 * whose signature did not verify fails the run outright; the checks go into the report's targets.
 */
const { runChildBench } = require('./child-app');
const { throwawayDatabase } = require('./reads');

const count = (value) => Number(value).toLocaleString('en');

/** The checks on one run: the receivers' own count, the 410 rule, and that every failure kind happened. */
function checksOf(run) {
  const { gone, kinds } = run;
  return [
    {
      target: `fan-out (${run.database}): every live receiver stored every message exactly once (its own count, deduplicated on webhook-id), signatures valid`,
      measured: `${count(run.stored)} of ${count(run.expected)} stored; ${run.missing} missing, ${run.storedTwice} stored twice, ${run.stray} not sent to it; ${count(run.duplicatesDeduplicated)} redeliveries deduplicated; ${run.badSignatures} bad signatures`,
      met:
        run.stored === run.expected &&
        !run.missing &&
        !run.storedTwice &&
        !run.stray &&
        !run.badSignatures,
    },
    {
      target: `fan-out (${run.database}): a receiver answering 410 Gone gets no further request; its messages end (cancelled), not lost`,
      measured: `${gone.requestsAfter410} requests after the 410; ${gone.endedBy410} of ${gone.expectedEnded} messages ended by 410; ${gone.subscribersSwitchedOff} of ${gone.receivers} subscribers switched off; ${gone.stored} stored`,
      met:
        gone.answered410 > 0 &&
        !gone.requestsAfter410 &&
        gone.endedBy410 === gone.expectedEnded &&
        gone.subscribersSwitchedOff === gone.receivers &&
        !gone.stored,
    },
    {
      target: `fan-out (${run.database}): every failure kind happened (503, timeout, an outage beyond one retry, 410)`,
      measured: `${run.refusedWith503} answered 503, ${run.timedOut} timed out, ${run.connectionsRefused} connections refused (down ${run.outageSeconds ?? '—'} s of the sender's clock), ${gone.answered410} answered 410`,
      met:
        run.refusedWith503 > 0 &&
        run.timedOut > 0 &&
        run.downForAttempts >= 3 &&
        run.connectionsRefused >= run.downForAttempts * kinds.down * run.documents &&
        gone.answered410 > 0,
    },
  ];
}

function markdownOf(runs) {
  if (!runs.length) return [];
  const [first] = runs;
  const { kinds } = first;
  const row = (measure, value) => `| ${measure} | ${runs.map(value).join(' | ')} |`;
  return [
    '## Syndication fan-out',
    '',
    `${first.documents} documents to ${first.receivers} receivers on loopback, by kind: answering at once ${kinds.ok}; answering 503 to each message's first attempt ${kinds.failsFirst}; storing a message but answering after the sender's ${first.timeoutSeconds}-second timeout ${kinds.slow}; never answering a first attempt ${kinds.hung}; down (connection refused) until each of their messages has been tried ${first.downForAttempts} times ${kinds.down}; answering 410 Gone ${kinds.gone}. What arrived is the receivers' own count, deduplicated on webhook-id as the inbox does; retry waits are skipped on the plugin's clock. The bare loop sends the same messages with the same concurrency and failures, retrying at once, without the outbox (the outage is not replayed).`,
    '',
    `| measure | ${runs.map((run) => run.database).join(' | ')} |`,
    `|---|${runs.map(() => '---|').join('')}`,
    row(
      'messages stored by live receivers / expected',
      (run) => `${count(run.stored)} / ${count(run.expected)}`
    ),
    row(
      'missing / stored twice / not sent to it',
      (run) => `${run.missing} / ${run.storedTwice} / ${run.stray}`
    ),
    row('redeliveries of stored messages, deduplicated', (run) =>
      count(run.duplicatesDeduplicated)
    ),
    row('bad signatures', (run) => run.badSignatures),
    row(
      'answered 503 / timed out / connections refused',
      (run) =>
        `${run.refusedWith503} / ${run.timedOut} / ${run.connectionsRefused} (down ${run.outageSeconds ?? '—'} s of the sender's clock)`
    ),
    row(
      '410 Gone: answered / requests after it / messages ended by 410 / subscribers switched off',
      (run) =>
        `${run.gone.answered410} / ${run.gone.requestsAfter410} / ${run.gone.endedBy410} of ${run.gone.expectedEnded} / ${run.gone.subscribersSwitchedOff} of ${run.gone.receivers}`
    ),
    row(
      'outbox: delivered / cancelled / dead / pending',
      (run) =>
        `${run.outbox.delivered} / ${run.outbox.cancelled} / ${run.outbox.dead} / ${run.outbox.pending}`
    ),
    row(
      'all stored, through the outbox',
      (run) =>
        `${count(run.outboxMs)} ms (${run.passes} worker passes, ${run.retries} retries; ${count(run.waitSkippedSeconds)} s of retry waits skipped)`
    ),
    row('bare fan-out loop', (run) => `${count(run.bareMs)} ms`),
    row('outbox / bare loop', (run) => run.outboxToBareRatio),
    row(
      `publishing with ${first.receivers} subscribers / with none`,
      (run) => `${run.publishWithSubscribersMs} ms / ${run.publishAloneMs} ms`
    ),
    '',
  ];
}

/**
 * The fan-out on each database: { runs, checks: [{ target, measured, met }], markdown: string[] }.
 * Smoke: 10 receivers (every kind at least once), 2 documents (so that one is left for the 410 rule).
 */
async function fanOutBench({ smoke, databases, root }) {
  const size = smoke ? { BENCH_RECEIVERS: '10', BENCH_DOCUMENTS: '2' } : {};
  const runs = [];
  for (const database of databases) {
    console.error(`bench: syndication fan-out on ${database}…`);
    const throwaway = await throwawayDatabase(database);
    try {
      runs.push({
        database,
        ...(await runChildBench(root, 'fan-out.js', { ...size, ...throwaway.env })),
      });
    } finally {
      await throwaway.drop();
    }
  }
  const markdown = markdownOf(runs);
  const checks = runs.flatMap(checksOf);
  const broken = runs.filter((run) => run.lost || run.badSignatures);
  if (broken.length) {
    console.error(markdown.join('\n'));
    throw new Error(
      `fan-out: ${broken.map((run) => `${run.database}: lost ${run.lost} (missing at receivers ${run.missing}, dead ${run.outbox.dead}), bad signatures ${run.badSignatures}`).join('; ')}`
    );
  }
  return { runs, checks, markdown };
}

module.exports = { fanOutBench };
