import { tallyReprints } from '../../src/plugins/disclosure/server/src/syndication/rules/reprint-timeliness';

describe('reprint timeliness (转载时效)', () => {
  test('on or before the due day is on time, after it late; none past it overdue, none before it pending', () => {
    const tally = tallyReprints(
      [
        { dueDate: '2026-05-11', reprintedOn: '2026-05-11' },
        { dueDate: '2026-05-11', reprintedOn: '2026-05-08' },
        { dueDate: '2026-05-11', reprintedOn: '2026-05-12' },
        { dueDate: '2026-05-11', reprintedOn: null },
        { dueDate: '2026-05-20', reprintedOn: null },
      ],
      '2026-05-13'
    );
    expect(tally).toEqual({
      received: 5,
      reprinted: 3,
      onTime: 2,
      late: 1,
      overdue: 1,
      pending: 1,
      rate: 0.5,
    });
  });

  test('nothing decided yet: no rate', () => {
    expect(
      tallyReprints([{ dueDate: '2026-05-20', reprintedOn: null }], '2026-05-13').rate
    ).toBeNull();
    expect(tallyReprints([], '2026-05-13')).toMatchObject({ received: 0, rate: null });
  });
});
