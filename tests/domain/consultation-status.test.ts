import {
  consultationStatus,
  feedbackRefusal,
} from '../../src/plugins/disclosure/server/src/consultations/rules/consultation-period';

const period = { startDate: '2026-05-10', endDate: '2026-06-08' };
const at = (iso: string) => new Date(iso);

describe('consultation status (Beijing calendar days)', () => {
  test.each([
    ['2026-05-09T15:59:59Z', 'upcoming'],
    ['2026-05-09T16:00:00Z', 'open'],
    ['2026-06-08T15:59:59Z', 'open'],
    ['2026-06-08T16:00:00Z', 'closed'],
  ])('at %s: %s', (instant, expected) => {
    expect(consultationStatus(period, at(instant))).toBe(expected);
  });

  test('concluded once the result is published, not before its time', () => {
    expect(
      consultationStatus(
        { ...period, resultPublishedAt: '2026-06-20T02:00:00Z' },
        at('2026-06-21T00:00:00Z')
      )
    ).toBe('concluded');
    expect(
      consultationStatus(
        { ...period, resultPublishedAt: '2026-06-20T02:00:00Z' },
        at('2026-06-10T00:00:00Z')
      )
    ).toBe('closed');
  });

  test('no period, no status', () => {
    expect(
      consultationStatus({ startDate: null, endDate: '2026-06-08' }, at('2026-06-01T00:00:00Z'))
    ).toBeNull();
  });

  test('refusals say when it opens or that it closed', () => {
    expect(feedbackRefusal('open', period)).toBeNull();
    expect(feedbackRefusal('upcoming', period)).toMatch(/将于 2026-05-10 开始/);
    expect(feedbackRefusal('closed', period)).toMatch(/已于 2026-06-08 结束/);
    expect(feedbackRefusal('concluded', period)).toMatch(/已于 2026-06-08 结束/);
    expect(feedbackRefusal(null, {})).toMatch(/未设定征集期/);
  });
});
