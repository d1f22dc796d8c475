import {
  classifyResponse,
  MAX_RETRY_WINDOW_SECONDS,
  nextAttemptAt,
  parseRetryAfter,
  RETRY_SCHEDULE_SECONDS,
} from '../../src/plugins/disclosure/server/src/syndication/rules/delivery-schedule';

const first = new Date('2026-05-11T02:00:00Z');
const seconds = (from: Date, to: Date | null) =>
  to ? (to.getTime() - from.getTime()) / 1000 : null;

describe('syndication delivery schedule', () => {
  test('waits grow from 5 seconds, jittered by up to a fifth either way', () => {
    expect(
      seconds(
        first,
        nextAttemptAt(1, first, first, undefined, () => 0.5)
      )
    ).toBe(5);
    expect(
      seconds(
        first,
        nextAttemptAt(1, first, first, undefined, () => 0)
      )
    ).toBe(4);
    expect(
      seconds(
        first,
        nextAttemptAt(1, first, first, undefined, () => 0.999999)
      )
    ).toBe(6);
    expect(
      seconds(
        first,
        nextAttemptAt(2, first, first, undefined, () => 0.5)
      )
    ).toBe(60);
    expect(
      seconds(
        first,
        nextAttemptAt(5, first, first, undefined, () => 0.5)
      )
    ).toBe(7200);
  });

  test("a receiver's Retry-After is honoured when longer, within bounds", () => {
    expect(
      seconds(
        first,
        nextAttemptAt(1, first, first, 120, () => 0.5)
      )
    ).toBe(120);
    expect(
      seconds(
        first,
        nextAttemptAt(2, first, first, 1, () => 0.5)
      )
    ).toBe(60);
    expect(
      seconds(
        first,
        nextAttemptAt(1, first, first, 10 ** 9, () => 0.5)
      )
    ).toBe(12 * 3600);
  });

  test('the schedule ends within 72 hours of the first attempt: then the delivery is parked', () => {
    let failedAt = first;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const next = nextAttemptAt(attempts, first, failedAt, undefined, () => 0.5);
      if (!next) break;
      failedAt = next;
    }
    expect(attempts).toBe(RETRY_SCHEDULE_SECONDS.length + 1);
    expect((failedAt.getTime() - first.getTime()) / 1000).toBeLessThanOrEqual(
      MAX_RETRY_WINDOW_SECONDS
    );
    // With the longest jitter the last wait would pass 72 hours: parked instead.
    expect(
      nextAttemptAt(RETRY_SCHEDULE_SECONDS.length, first, failedAt, undefined, () => 0.999)
    ).toBeNull();
  });

  test('answers: 2xx delivered, 410 gone, anything else (or no answer) retried', () => {
    expect(classifyResponse(200)).toEqual({ kind: 'delivered' });
    expect(classifyResponse(204)).toEqual({ kind: 'delivered' });
    expect(classifyResponse(410)).toEqual({ kind: 'gone' });
    expect(classifyResponse(503, '30')).toEqual({ kind: 'retry', retryAfterSeconds: 30 });
    expect(classifyResponse(429, 'Mon, 11 May 2026 02:02:00 GMT', first)).toEqual({
      kind: 'retry',
      retryAfterSeconds: 120,
    });
    expect(classifyResponse(0)).toEqual({ kind: 'retry' });
    expect(classifyResponse(400)).toEqual({ kind: 'retry' });
    expect(parseRetryAfter('soon', first)).toBeUndefined();
  });
});
