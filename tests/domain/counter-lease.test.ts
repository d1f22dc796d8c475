import {
  Acknowledgements,
  CounterLease,
  type Instant,
} from '../../src/plugins/disclosure/server/src/public-reads/rules/counter-lease';

/** Both clocks at `ms` (as when nothing odd happens to either). */
const at = (ms: number, wall = ms): Instant => ({ monotonic: ms, wall });

describe('CounterLease', () => {
  test('vouches for what it heard from the moment its renewal was sent, for the lease duration', () => {
    const lease = new CounterLease(2000);
    expect(lease.current(at(0))).toBeNull(); // no lease yet: read the counter
    const ticket = lease.renewing(at(100));
    lease.renewed(ticket, 7);
    expect(lease.current(at(150))).toBe('7');
    expect(lease.current(at(2099))).toBe('7');
    // Counted from the sending, not the answer: the renewal may have waited on the way.
    expect(lease.current(at(2100))).toBeNull();
  });

  test('holds only while both clocks say so: a suspended machine (wall clock ran on) or a wall clock set back', () => {
    const lease = new CounterLease(2000);
    lease.renewed(lease.renewing(at(0)), 1);
    expect(lease.current({ monotonic: 500, wall: 60_000 })).toBeNull(); // monotonic clock stopped while suspended
    expect(lease.current({ monotonic: 2500, wall: -3_600_000 })).toBeNull(); // wall clock set back an hour
    expect(lease.current({ monotonic: 500, wall: 500 })).toBe('1');
  });

  test('what it hears moves the value it vouches for, never backwards', () => {
    const lease = new CounterLease(2000);
    lease.renewed(lease.renewing(at(0)), 3);
    expect(lease.heard(5)).toBe(true);
    expect(lease.current(at(10))).toBe('5');
    expect(lease.heard(4)).toBe(false); // a late notification
    expect(lease.heard(Number.NaN)).toBe(false);
    expect(lease.current(at(20))).toBe('5');
  });

  test('a read lower than what was heard (a restored database) starts a new epoch, so old states do not come back', () => {
    const lease = new CounterLease(2000);
    lease.renewed(lease.renewing(at(0)), 9);
    const before = lease.current(at(10));
    expect(lease.renewed(lease.renewing(at(20)), 4)).toBe(true);
    expect(lease.version).toBe(4);
    const after = lease.current(at(30));
    expect(after).not.toBe(before);
    lease.heard(9); // counted up again to a value seen before the reset
    expect(lease.current(at(40))).not.toBe(before);
  });

  test('losing the connection ends the lease at once, and a renewal sent before the loss cannot restore it', () => {
    const lease = new CounterLease(2000);
    lease.renewed(lease.renewing(at(0)), 1);
    const inFlight = lease.renewing(at(500));
    lease.lost();
    expect(lease.current(at(600))).toBeNull();
    lease.renewed(inFlight, 2);
    expect(lease.current(at(700))).toBeNull();
    expect(lease.version).toBe(2); // the value it read is still a true one
    lease.renewed(lease.renewing(at(800)), 2);
    expect(lease.current(at(900))).toBe('2');
  });

  test('an older renewal answering late does not shorten a newer one', () => {
    const lease = new CounterLease(2000);
    const older = lease.renewing(at(0));
    const newer = lease.renewing(at(400));
    lease.renewed(newer, 1);
    lease.renewed(older, 1);
    expect(lease.current(at(2200))).toBe('1');
  });
});

describe('Acknowledgements', () => {
  /** Timers the test fires by hand. */
  const manualTimers = () => {
    const timers = new Map<number, () => void>();
    let next = 0;
    return {
      set: (callback: () => void) => {
        next += 1;
        timers.set(next, callback);
        return next;
      },
      cancel: (id: number) => void timers.delete(id),
      fireAll: () => [...timers.values()].forEach((callback) => callback()),
      count: () => timers.size,
    };
  };

  test('a wait ends as soon as the instance acknowledges that version or a later one', async () => {
    const timers = manualTimers();
    const acknowledgements = new Acknowledgements(timers.set, timers.cancel);
    const waited = acknowledgements.wait('b', 5, 2000);
    acknowledgements.heard('a', 9); // another instance
    acknowledgements.heard('b', 4); // an earlier version
    expect(acknowledgements.pending).toBe(1);
    acknowledgements.heard('b', 6);
    await expect(waited).resolves.toBe(true);
    expect(acknowledgements.pending).toBe(0);
    expect(timers.count()).toBe(0); // its timer is cancelled
  });

  test('an acknowledgement heard before the wait began counts', async () => {
    const acknowledgements = new Acknowledgements();
    acknowledgements.heard('b', 5);
    await expect(acknowledgements.wait('b', 5, 2000)).resolves.toBe(true);
  });

  test('a silent instance is waited for until the time runs out, then not', async () => {
    const timers = manualTimers();
    const acknowledgements = new Acknowledgements(timers.set, timers.cancel);
    const waited = acknowledgements.wait('frozen', 3, 1500);
    timers.fireAll();
    await expect(waited).resolves.toBe(false);
    expect(acknowledgements.pending).toBe(0);
    await expect(acknowledgements.wait('frozen', 3, 0)).resolves.toBe(false); // no time left
  });

  test('instances no longer running are forgotten', async () => {
    const acknowledgements = new Acknowledgements();
    acknowledgements.heard('gone', 8);
    acknowledgements.heard('running', 8);
    acknowledgements.retain(new Set(['running']));
    await expect(acknowledgements.wait('gone', 8, 0)).resolves.toBe(false);
    await expect(acknowledgements.wait('running', 8, 0)).resolves.toBe(true);
  });
});

test('a notification handled before the answer of a renewal sent earlier does not start a new epoch', () => {
  const lease = new CounterLease(2000);
  lease.heard(5);
  const ticket = lease.renewing({ monotonic: 0, wall: 0 });
  // The renewal read 5; a change to 6 committed after it, and its notification was handled first.
  lease.heard(6);
  expect(lease.renewed(ticket, 5)).toBe(false);
  expect(lease.value).toBe('6');
  // Lower than what was heard before it was sent: the counter was reset.
  const later = lease.renewing({ monotonic: 1, wall: 1 });
  expect(lease.renewed(later, 3)).toBe(true);
  expect(lease.value).not.toBe('3');
});
