import { Client } from 'pg';
import { policyDocumentData } from '../harness/fixtures';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';

/**
 * PostgreSQL only (jest.config.js leaves this file out on SQLite, which has no LISTEN/NOTIFY): the
 * leases that let an instance answer from its cache without reading the shared counter each time
 * (domain/counter-lease). The test plays the other instance, with a connection of its own.
 */
const ORG = 'api::organization.organization';
const INSTANCES = 'disclosure_cache_instances';
const CHANGES = 'disclosure_cache_changes';
const ACKNOWLEDGEMENTS = 'disclosure_cache_acks';

let app: TestApp;
let token: string;
let office: string;
let other: Client;

const counter = () => app.strapi.plugin('disclosure').service('response-cache').stats().counter;
const publish = async (title: string) => {
  const res = await app
    .http()
    .post('/api/policy-documents')
    .set('Authorization', `Bearer ${token}`)
    .send({ data: policyDocumentData(office, { title }) });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const retitle = (documentId: string, title: string) =>
  app
    .http()
    .put(`/api/policy-documents/${documentId}`)
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { title } });
const leaseFor = (id: string, milliseconds: number) =>
  other.query(
    `INSERT INTO ${INSTANCES} (id, lease_until) VALUES ($1, now() + $2 * interval '1 millisecond')`,
    [id, milliseconds]
  );
const waitFor = async (what: string, check: () => boolean, timeoutMs = 10_000) => {
  for (const deadline = Date.now() + timeoutMs; !check();) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  office = (
    await app.strapi.documents(ORG).create({
      data: {
        name: '威海市人民政府办公室',
        code: '371000001',
        level: 'department',
        regionCode: '371000',
      } as any,
    })
  ).documentId;
  other = new Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
});

afterAll(async () => {
  await other?.end();
  await app?.stop();
});

test('while its lease runs, a cached answer asks the database nothing', async () => {
  const documentId = await publish('关于租约的通知');
  const path = `/api/policy-documents/${documentId}`;
  await waitFor('a lease', () => counter().leased);
  await app.http().get(path);
  const before = counter().reads;
  for (let hit = 0; hit < 20; hit += 1) {
    const answer = await app.http().get(path);
    expect(answer.headers['x-response-cache']).toBe('hit');
  }
  expect(counter().reads).toBe(before);
  const [row] = (
    await other.query(`SELECT id, lease_until > now() AS running FROM ${INSTANCES} WHERE id = $1`, [
      counter().instance,
    ])
  ).rows;
  expect(row).toEqual({ id: counter().instance, running: true });
});

test('a write is answered only once another instance holding a lease has acknowledged it', async () => {
  const documentId = await publish('关于确认的通知');
  const listener = new Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  const events: string[] = [];
  try {
    await listener.query(`LISTEN ${CHANGES}`);
    // Heard, acknowledged only after a pause: the write must wait for it, not for the (long) lease.
    listener.on('notification', (message) => {
      const { scope, version } = JSON.parse(message.payload ?? '{}');
      events.push(`heard ${version}`);
      setTimeout(() => {
        events.push('acknowledged');
        void listener.query('SELECT pg_notify($1, $2)', [
          ACKNOWLEDGEMENTS,
          JSON.stringify({ scope, instance: 'slow-instance', version }),
        ]);
      }, 300);
    });
    await leaseFor('slow-instance', 60_000);
    const started = Date.now();
    const updated = await retitle(documentId, '关于确认的通知（修订）');
    events.push('answered');
    expect(updated.status).toBe(200);
    // One write may commit several changes: each was heard and acknowledged before the answer.
    const heard = events.filter((event) => event.startsWith('heard'));
    expect(heard.length).toBeGreaterThan(0);
    expect(events).toEqual([...heard, ...heard.map(() => 'acknowledged'), 'answered']);
    expect(Date.now() - started).toBeLessThan(30_000);
  } finally {
    await other.query(`DELETE FROM ${INSTANCES} WHERE id = 'slow-instance'`);
    await listener.end();
  }
});

test('an instance that never acknowledges holds a write up only until its lease runs out', async () => {
  const documentId = await publish('关于失联实例的通知');
  await leaseFor('frozen-instance', 1500);
  const started = Date.now();
  const updated = await retitle(documentId, '关于失联实例的通知（修订）');
  const waited = Date.now() - started;
  expect(updated.status).toBe(200);
  expect(waited).toBeGreaterThanOrEqual(1000);
  expect(waited).toBeLessThan(20_000);
  // Its lease over, it holds nothing up any more.
  const lapsed = (
    await other.query(
      `SELECT lease_until < now() AS over FROM ${INSTANCES} WHERE id = 'frozen-instance'`
    )
  ).rows[0];
  expect(lapsed.over).toBe(true);
});

test('cut off from the database, the instance reads the counter before each answer until its lease is back', async () => {
  const documentId = await publish('关于断线的通知');
  const path = `/api/policy-documents/${documentId}`;
  await waitFor('a lease', () => counter().leased);
  await app.http().get(path);
  expect((await app.http().get(path)).headers['x-response-cache']).toBe('hit');

  // A change made against the rules (no notification, no waiting for leases): while its lease runs
  // the instance cannot know of it; once the lease is gone it must read, and so learns of it.
  await other.query(
    "UPDATE disclosure_cache_stamps SET version = version + 1 WHERE name = 'content'"
  );
  const lostBefore = counter().connectionsLost;
  const cut = await other.query(
    "SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = 'disclosure-response-cache' AND datname = current_database()"
  );
  expect(cut.rows).toEqual([{ cut: true }]);
  // Counted, not polled for: a reconnection can bring a lease back between two looks.
  await waitFor(
    'the lost connection to end the lease',
    () => counter().connectionsLost > lostBefore
  );
  // Either read before the answer or by the renewal that brought a lease back: the state has moved.
  expect((await app.http().get(path)).headers['x-response-cache']).toBe('miss');

  // It reconnects by itself and holds a lease again.
  await waitFor('the lease to come back', () => counter().leased);
  expect((await app.http().get(path)).headers['x-response-cache']).toBe('hit');
});

test('a notification about the counter of another schema on the same database is not taken for this one', async () => {
  // Notifications are database-wide; a staging schema beside production must not move production's state.
  const listener = new Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  const changes: any[] = [];
  const acknowledged: any[] = [];
  try {
    await listener.query(`LISTEN ${CHANGES}; LISTEN ${ACKNOWLEDGEMENTS}`);
    listener.on('notification', (message) =>
      (message.channel === CHANGES ? changes : acknowledged).push(
        JSON.parse(message.payload ?? '{}')
      )
    );
    const documentId = await publish('关于同库异模式的通知');
    const path = `/api/policy-documents/${documentId}`;
    // This counter's scope, as its own increments announce it.
    await waitFor('the write to be announced', () => changes.length > 0);
    const ours = changes[0].scope as string;
    expect(ours).toMatch(/\.content$/);
    expect(ours).not.toBe('staging.content');

    await waitFor('a lease', () => counter().leased);
    await app.http().get(path);
    expect((await app.http().get(path)).headers['x-response-cache']).toBe('hit');
    const stored = async () =>
      Number(
        (await other.query("SELECT version FROM disclosure_cache_stamps WHERE name = 'content'"))
          .rows[0].version
      );
    expect(counter().heard).toBe(String(await stored()));

    // Another schema's counter, far ahead; then, on the same connection (so heard after it), a change of
    // this one made by another instance of this schema, without this instance writing anything.
    await other.query('SELECT pg_notify($1, $2)', [
      CHANGES,
      JSON.stringify({ scope: 'staging.content', version: 1_000_000 }),
    ]);
    const next = Number(
      (
        await other.query(
          "UPDATE disclosure_cache_stamps SET version = version + 1 WHERE name = 'content' RETURNING version"
        )
      ).rows[0].version
    );
    await other.query('SELECT pg_notify($1, $2)', [
      CHANGES,
      JSON.stringify({ scope: ours, version: next }),
    ]);

    // Had the staging notification been taken, the instance would stand at 1000000 and never hear
    // this schema's next change, answering stale from its cache.
    await waitFor(`the instance to hear version ${next}`, () => counter().heard === String(next));
    await waitFor('its acknowledgement', () =>
      acknowledged.some((ack) => ack.instance === counter().instance && ack.version === next)
    );
    expect(counter().heard).toBe(String(next));
    // It acknowledged this schema's changes and nothing of the other's.
    const mine = acknowledged.filter((ack) => ack.instance === counter().instance);
    expect(mine.every((ack) => ack.scope === ours && ack.version <= next)).toBe(true);
    expect(acknowledged.filter((ack) => ack.scope === 'staging.content')).toEqual([]);
    // The change it heard moved its state: the cached answer is read afresh, then cached again.
    expect((await app.http().get(path)).headers['x-response-cache']).toBe('miss');
    expect((await app.http().get(path)).headers['x-response-cache']).toBe('hit');
    expect(await stored()).toBe(next);
  } finally {
    await listener.end();
  }
});
