import { startInstance, type Instance } from '../harness/instances';
import { policyDocumentData } from '../harness/fixtures';

/**
 * Two instances on one database, as behind a load balancer: a change made through one is never
 * answered stale from the other's cache once the change was acknowledged.
 */
let first: Instance;
let second: Instance;
let office: string;

beforeAll(async () => {
  first = await startInstance('first');
  second = await startInstance('second', {}, { sharing: first });
  const organization = await first
    .http()
    .post('/api/organizations')
    .set('Authorization', `Bearer ${first.apiToken}`)
    .send({
      data: {
        name: '烟台市人民政府办公室',
        code: '370600001',
        level: 'department',
        regionCode: '370600',
      },
    });
  expect(organization.status).toBe(201);
  office = organization.body.data.documentId;
}, 240_000);

afterAll(async () => {
  // The second only borrows the database; the first drops it.
  await second?.stop();
  await first?.stop();
});

/** Published through the first instance; its public path. */
async function publishThroughFirst(title: string): Promise<string> {
  const created = await first
    .http()
    .post('/api/policy-documents')
    .set('Authorization', `Bearer ${first.apiToken}`)
    .send({ data: policyDocumentData(office, { title }) });
  expect(created.status).toBe(201);
  return `/api/policy-documents/${created.body.data.documentId}`;
}

test('changes through one instance are seen at once through the other, whose cache had the old answer', async () => {
  const path = await publishThroughFirst('第0版');

  for (let version = 1; version <= 5; version += 1) {
    await second.http().get(path);
    const cached = await second.http().get(path);
    expect(cached.headers['x-response-cache']).toBe('hit');
    expect(cached.body.data.title).toBe(`第${version - 1}版`);

    const updated = await first
      .http()
      .put(path)
      .set('Authorization', `Bearer ${first.apiToken}`)
      .send({ data: { title: `第${version}版` } });
    expect(updated.status).toBe(200);

    const fresh = await second.http().get(path).set('If-None-Match', cached.headers.etag);
    expect(fresh.status).toBe(200);
    expect(fresh.body.data.title).toBe(`第${version}版`);
  }

  // Withdrawn through the first: the second stops showing it.
  const withdrawn = await first
    .http()
    .delete(path)
    .set('Authorization', `Bearer ${first.apiToken}`);
  expect(withdrawn.status).toBe(204);
  expect((await second.http().get(path)).status).toBe(404);
});

test('an instance that stops answering holds a write elsewhere up for a moment at most, and answers fresh when it is back', async () => {
  const path = await publishThroughFirst('冻结前');
  await second.http().get(path);
  expect((await second.http().get(path)).headers['x-response-cache']).toBe('hit');

  second.freeze();
  let updated;
  try {
    // On PostgreSQL the write waits for the frozen instance's lease (2 s) to run out, no longer.
    const started = Date.now();
    updated = await first
      .http()
      .put(path)
      .set('Authorization', `Bearer ${first.apiToken}`)
      .send({ data: { title: '冻结后' } });
    expect(Date.now() - started).toBeLessThan(20_000);
  } finally {
    second.thaw();
  }
  expect(updated.status).toBe(200);
  // Its lease ran out while it was stopped: it does not trust what it last heard, it reads.
  const fresh = await second.http().get(path);
  expect(fresh.status).toBe(200);
  expect(fresh.body.data.title).toBe('冻结后');
});
