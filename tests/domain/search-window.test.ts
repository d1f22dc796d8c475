import {
  buildFacets,
  facetGroups,
} from '../../src/plugins/disclosure/server/src/search/rules/facets';
import {
  entryTags,
  tagCondition,
  tagOf,
} from '../../src/plugins/disclosure/server/src/search/rules/tags';
import {
  addMonths,
  beijingMonth,
  MAX_STEP_MONTHS,
  monthsBack,
  nextSpan,
  rankWindow,
  searchRange,
  stepOf,
  type Candidate,
} from '../../src/plugins/disclosure/server/src/search/rules/window';

const candidate = (
  id: number,
  publishedAt: string,
  overrides: Partial<Candidate> = {}
): Candidate => ({
  id,
  publishedAt,
  exact: false,
  score: 0,
  type: 'policy-document',
  category: null,
  organization: null,
  year: Number(publishedAt.slice(0, 4)),
  ...overrides,
});

describe('months', () => {
  test('the Beijing month of an instant: 16:00 UTC on the last day is the next month in Beijing', () => {
    expect(beijingMonth(new Date('2026-11-30T15:59:59Z'))).toBe(202611);
    expect(beijingMonth(new Date('2026-11-30T16:00:00Z'))).toBe(202612);
    expect(beijingMonth(new Date('2026-12-31T16:00:00Z'))).toBe(202701);
  });

  test('months move across years, and are listed newest first', () => {
    expect(addMonths(202601, -1)).toBe(202512);
    expect(addMonths(202512, 1)).toBe(202601);
    expect(addMonths(202603, -27)).toBe(202312);
    expect(monthsBack(202602, 202511)).toEqual([202602, 202601, 202512, 202511]);
  });
});

describe('the search range and its steps', () => {
  const entries = { oldest: 201001, newest: 202612 };

  test("the entries' months, narrowed by the year and the dates", () => {
    expect(searchRange(null, {})).toBeNull();
    expect(searchRange(entries, {})).toEqual(entries);
    expect(searchRange(entries, { year: 2020 })).toEqual({ newest: 202012, oldest: 202001 });
    expect(searchRange({ oldest: 201001, newest: 202003 }, { year: 2020 })).toEqual({
      newest: 202003,
      oldest: 202001,
    });
    expect(searchRange(entries, { from: '2024-05-20', to: '2025-02-01' })).toEqual({
      newest: 202502,
      oldest: 202405,
    });
    // Nothing can have been published in the filters' months: nothing is looked for.
    expect(searchRange({ oldest: 201001, newest: 201912 }, { year: 2020 })).toBeNull();
    expect(searchRange(entries, { to: '2009-12-31' })).toBeNull();
  });

  test('a step lists its months; the one reaching the range start is the last, with the whole range; one too wide, any month', () => {
    const range = { newest: 202612, oldest: 202601 };
    expect(stepOf(range, 1)).toEqual({ months: [202612], last: false });
    expect(stepOf(range, 3)).toEqual({ months: [202612, 202611, 202610], last: false });
    expect(stepOf(range, 40)).toEqual({ months: monthsBack(202612, 202601), last: true });
    expect(stepOf(entries, MAX_STEP_MONTHS).months).toHaveLength(MAX_STEP_MONTHS);
    expect(stepOf(entries, MAX_STEP_MONTHS + 1)).toEqual({ months: null, last: true });
  });

  test('the next step is wide enough, at the rate found, to hold more than the window', () => {
    // 441 in one month, a window of 1,000: 4 months (1,764 at that rate).
    expect(nextSpan(1, 441, 1000)).toBe(4);
    // 44 a month: 35 months (1,540 at that rate).
    expect(nextSpan(1, 44, 1000)).toBe(35);
    // Always at least twice as wide; twelve times when nothing was found.
    expect(nextSpan(10, 999, 1000)).toBe(20);
    expect(nextSpan(3, 0, 1000)).toBe(36);
  });
});

describe('the ranked window', () => {
  test('the newest matches up to the window, exact numbers besides and first, then score, then newer', () => {
    const found = [
      candidate(5, '2026-12-05T00:00:00.000Z'),
      candidate(4, '2026-12-04T00:00:00.000Z', { score: 0.5 }),
      candidate(3, '2026-12-03T00:00:00.000Z'),
      candidate(2, '2026-12-02T00:00:00.000Z'),
    ];
    const exact = [
      candidate(1, '2020-01-01T00:00:00.000Z'),
      candidate(3, '2026-12-03T00:00:00.000Z'),
    ];
    const ranked = rankWindow(found, exact, 3);
    // 2 is past the window; 1 is outside it but an exact number; 3 is both, once.
    expect(ranked.map(({ id }) => id)).toEqual([3, 1, 4, 5]);
    expect(ranked.filter(({ exact: isExact }) => isExact).map(({ id }) => id)).toEqual([3, 1]);
  });

  test("the facets count the window's entries", () => {
    const window = [
      candidate(1, '2026-01-01T00:00:00.000Z', { category: 'service' }),
      candidate(2, '2025-01-01T00:00:00.000Z', { category: 'service', organization: 'o1' }),
      candidate(3, '2025-06-01T00:00:00.000Z', { type: 'press-release' }),
    ];
    expect(buildFacets(facetGroups(window))).toEqual({
      type: { 'policy-document': 2, 'press-release': 1 },
      category: { service: 2 },
      organization: { o1: 1 },
      year: { 2025: 2, 2026: 1 },
    });
  });

  test('the same time: the later entry first', () => {
    const at = '2026-12-05T00:00:00.000Z';
    expect(rankWindow([candidate(7, at), candidate(9, at)], [], 10).map(({ id }) => id)).toEqual([
      9, 7,
    ]);
  });
});

describe('tags', () => {
  test('an entry is tagged by locale, type, Beijing month and, when it has them, category, organization and topic', () => {
    const tags = entryTags({
      locale: 'zh-Hans',
      type: 'policy-document',
      category: 'service',
      organization: 'abc123',
      topic: '教育',
      publishedAt: '2026-11-30T16:30:00.000Z',
    });
    expect(tags).toEqual([
      tagOf('locale', 'zh-Hans'),
      tagOf('type', 'policy-document'),
      'm202612',
      tagOf('category', 'service'),
      tagOf('organization', 'abc123'),
      tagOf('topic', '教育'),
    ]);
    // One token of letters and digits each, whatever the value: FTS5 and tsvector keep it whole.
    for (const tag of tags) expect(tag).toMatch(/^[a-z][0-9a-f]+$/);
    expect(
      entryTags({
        locale: 'zh-Hant',
        type: 'press-release',
        category: null,
        organization: null,
        topic: null,
        publishedAt: '2026-01-01T00:00:00.000Z',
      })
    ).toHaveLength(3);
  });

  test("a search's condition: every filter a group, a group's tags any of them; the locale where the index has no locale of its own", () => {
    const filters = {
      locale: 'zh-Hans',
      types: ['policy-document', 'interpretation'],
      topic: '教育',
    };
    expect(tagCondition(filters, [202612, 202611], { locale: true })).toEqual([
      [tagOf('locale', 'zh-Hans')],
      [tagOf('type', 'policy-document'), tagOf('type', 'interpretation')],
      [tagOf('topic', '教育')],
      ['m202612', 'm202611'],
    ]);
    expect(tagCondition({ locale: 'zh-Hans' }, null, { locale: false })).toEqual([]);
  });
});
