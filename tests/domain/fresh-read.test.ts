import { FreshRead } from '../../src/plugins/disclosure/server/src/public-reads/rules/fresh-read';

/** A controllable read: each call is one pending read the test finishes by hand. */
function controlledReads() {
  const started: Array<{ resolve: (value: number) => void; reject: (error: Error) => void }> = [];
  const read = () => new Promise<number>((resolve, reject) => started.push({ resolve, reject }));
  return { started, read };
}

/** A hand-driven event loop: deferred callbacks run when the test says the turn is over. */
function controlledTurns() {
  const queued: Array<() => void> = [];
  return {
    defer: (callback: () => void) => void queued.push(callback),
    pending: () => queued.length,
    async endTurn() {
      // Let the callers' promise chains reach their deferral first.
      for (let settle = 0; settle < 5; settle += 1) await Promise.resolve();
      for (const callback of queued.splice(0)) callback();
      for (let settle = 0; settle < 5; settle += 1) await Promise.resolve();
    },
  };
}

test('callers who ask in the same turn share one read, which starts after the turn', async () => {
  const { started, read } = controlledReads();
  const turns = controlledTurns();
  const fresh = new FreshRead(read, turns.defer);
  const asked = [fresh.get(), fresh.get(), fresh.get()];
  await Promise.resolve();
  expect(started).toHaveLength(0); // not at once: later askers in this turn may still join
  await turns.endTurn();
  expect(started).toHaveLength(1);
  started[0].resolve(1);
  expect(await Promise.all(asked)).toEqual([1, 1, 1]);
});

test('a caller who asks once a read has started gets the next read, not the running one', async () => {
  const { started, read } = controlledReads();
  const turns = controlledTurns();
  const fresh = new FreshRead(read, turns.defer);
  const first = fresh.get();
  await turns.endTurn();
  expect(started).toHaveLength(1);
  const second = fresh.get(); // asked after the first read started: must not get its answer
  const third = fresh.get();
  await turns.endTurn();
  expect(started).toHaveLength(1); // the next read waits for the running one: at most one at a time
  started[0].resolve(1);
  expect(await first).toBe(1);
  await turns.endTurn();
  expect(started).toHaveLength(2);
  started[1].resolve(2);
  expect(await second).toBe(2);
  expect(await third).toBe(2);
});

test('a read that answers at once (SQLite) still serves a whole turn of callers, and the next turn reads again', async () => {
  let reads = 0;
  const turns = controlledTurns();
  const fresh = new FreshRead(async () => (reads += 1), turns.defer);
  const together = [fresh.get(), fresh.get()];
  await turns.endTurn();
  expect(await Promise.all(together)).toEqual([1, 1]);
  const later = fresh.get();
  await turns.endTurn();
  expect(await later).toBe(2); // a change committed between turns is seen
  expect(reads).toBe(2);
});

test('a failed read fails its callers only; the next caller reads again', async () => {
  const { started, read } = controlledReads();
  const turns = controlledTurns();
  const fresh = new FreshRead(read, turns.defer);
  const failing = fresh.get();
  await turns.endTurn();
  started[0].reject(new Error('connection lost'));
  await expect(failing).rejects.toThrow('connection lost');
  const next = fresh.get();
  await turns.endTurn();
  expect(started).toHaveLength(2);
  started[1].resolve(7);
  expect(await next).toBe(7);
});

test('a read that throws instead of rejecting fails its callers the same way', async () => {
  const turns = controlledTurns();
  const fresh = new FreshRead<number>(() => {
    throw new Error('database closed');
  }, turns.defer);
  const failing = fresh.get();
  await turns.endTurn();
  await expect(failing).rejects.toThrow('database closed');
});

test('by default a read starts on the next turn of the real event loop', async () => {
  let reads = 0;
  const fresh = new FreshRead(async () => (reads += 1));
  expect(await Promise.all([fresh.get(), fresh.get()])).toEqual([1, 1]);
  expect(await fresh.get()).toBe(2);
});
