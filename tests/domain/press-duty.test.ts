import {
  missingPressConferences,
  quarterOf,
} from '../../src/plugins/disclosure/server/src/press/rules/press-duty';

describe('quarterly press conferences (新闻发布)', () => {
  test.each([
    ['2026-01-01', { label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' }],
    ['2026-05-20', { label: '2026-Q2', from: '2026-04-01', to: '2026-06-30' }],
    ['2026-09-30', { label: '2026-Q3', from: '2026-07-01', to: '2026-09-30' }],
    ['2026-12-31', { label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' }],
  ])('%s is in %o', (date, quarter) => {
    expect(quarterOf(date)).toEqual(quarter);
  });

  test('livelihood-related organizations without a conference are listed', () => {
    const organizations = [{ code: 'a' }, { code: 'b' }, { code: 'c' }];
    expect(missingPressConferences(organizations, new Set(['b']))).toEqual([
      { code: 'a' },
      { code: 'c' },
    ]);
  });
});
