import { FreshRead } from '../../src/plugins/disclosure/server/src/domain/fresh-read';

/** A controllable read: each call is one pending read the test finishes by hand. */
function controlledReads() {
  const started: Array<{ resolve: (value: number) => void; reject: (error: Error) => void }> = [];
  const read = () => new Promise<number>((resolve, reject) => started.push({ resolve, reject }));
  return { started, read };
}

test('a caller who asks while a read is running gets the next read, not the running one', async () => {
  const { started, read } = controlledReads();
  const fresh = new FreshRead(read);
  const first = fresh.get();
  expect(started).toHaveLength(1);
  const second = fresh.get(); // asked after the first read started: must not get its answer
  const third = fresh.get();
  expect(started).toHaveLength(1); // one waiting read shared by both, not started yet
  started[0].resolve(1);
  expect(await first).toBe(1);
  await Promise.resolve();
  await Promise.resolve();
  expect(started).toHaveLength(2);
  started[1].resolve(2);
  expect(await second).toBe(2);
  expect(await third).toBe(2);
});

test('a failed read fails its callers only; the next caller reads again', async () => {
  const { started, read } = controlledReads();
  const fresh = new FreshRead(read);
  const failing = fresh.get();
  started[0].reject(new Error('connection lost'));
  await expect(failing).rejects.toThrow('connection lost');
  const next = fresh.get();
  expect(started).toHaveLength(2);
  started[1].resolve(7);
  expect(await next).toBe(7);
});

test('with nothing running, a caller starts a read at once', async () => {
  let reads = 0;
  const fresh = new FreshRead(async () => (reads += 1));
  expect(await fresh.get()).toBe(1);
  expect(await fresh.get()).toBe(2);
});
