import {
  staleColumns,
  summarizeDeadlines,
  DEFAULT_FRESHNESS_WINDOWS,
} from '../../src/plugins/disclosure/server/src/deadlines/rules/compliance';

const county = { documentId: 'c', code: '370124001', name: '平阴县人民政府办公室' };
const city = { documentId: 'j', code: '370100001', name: '济南市人民政府办公厅' };

describe('on-time rates', () => {
  test('met of decided, per organization and per rule; pending is not decided', () => {
    const summary = summarizeDeadlines([
      { rule: 'document-same-day', status: 'met', organization: county },
      { rule: 'document-same-day', status: 'late', organization: county },
      { rule: 'result-7-working-days', status: 'overdue', organization: county },
      { rule: 'document-same-day', status: 'pending', atRisk: true, organization: county },
      { rule: 'document-same-day', status: 'met', organization: city },
    ]);
    expect(summary.overall).toEqual({
      total: 5,
      pending: 1,
      met: 2,
      late: 1,
      overdue: 1,
      atRisk: 1,
      rate: 0.5,
    });
    expect(summary.byOrganization.map((row) => [row.organization?.code, row.rate])).toEqual([
      ['370124001', 0.3333],
      ['370100001', 1],
    ]);
    expect(summary.byRule).toEqual([
      {
        rule: 'document-same-day',
        total: 4,
        pending: 1,
        met: 2,
        late: 1,
        overdue: 0,
        atRisk: 1,
        rate: 0.6667,
      },
      {
        rule: 'result-7-working-days',
        total: 1,
        pending: 0,
        met: 0,
        late: 0,
        overdue: 1,
        atRisk: 0,
        rate: 0,
      },
    ]);
  });

  test('nothing decided yet has no rate', () => {
    expect(
      summarizeDeadlines([{ rule: 'x', status: 'pending', organization: null }]).overall.rate
    ).toBeNull();
  });
});

describe('stale columns', () => {
  const now = new Date('2026-03-31T00:00:00Z');
  test('news-like columns go stale after 14 days, policy columns after 6 months', () => {
    const stale = staleColumns(
      [
        {
          organization: county,
          contentType: 'api::press-release.press-release',
          category: null,
          lastPublishedAt: new Date('2026-03-10T00:00:00Z'),
        },
        {
          organization: city,
          contentType: 'api::press-release.press-release',
          category: null,
          lastPublishedAt: new Date('2026-03-20T00:00:00Z'),
        },
        {
          organization: county,
          contentType: 'api::policy-document.policy-document',
          category: 'decision',
          lastPublishedAt: new Date('2025-09-01T00:00:00Z'),
        },
        {
          organization: city,
          contentType: 'api::policy-document.policy-document',
          category: 'decision',
          lastPublishedAt: new Date('2025-10-15T00:00:00Z'),
        },
      ],
      DEFAULT_FRESHNESS_WINDOWS,
      now
    );
    expect(
      stale.map((column) => [
        column.organization.code,
        column.contentType,
        column.daysSinceLastItem,
      ])
    ).toEqual([
      ['370124001', 'api::policy-document.policy-document', 211],
      ['370124001', 'api::press-release.press-release', 21],
    ]);
  });
});
