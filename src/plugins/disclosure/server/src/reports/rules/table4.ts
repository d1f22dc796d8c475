/**
 * Table 4 (政府信息公开行政复议、行政诉讼情况) from the records of challenges. A record counts in a
 * period when it was filed by the period's end and not decided before the period began: decided in
 * the period, under its result; not decided by the period's end (or with no result recorded yet),
 * 尚未审结. So a case filed in December and decided in March is pending in one year's report and
 * counted by its result in the next, as the national table counts them.
 */
import type { ChallengeColumns, Table4 } from '../../../../shared/contracts/annual-report';
import { inPeriod, type Period } from './period';

export const CHALLENGE_KINDS = [
  'reconsideration',
  'litigation-direct',
  'litigation-after-reconsideration',
] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];
export const CHALLENGE_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type ChallengeResult = (typeof CHALLENGE_RESULTS)[number];

/** Table 4's groups by record kind. */
export const TABLE4_GROUP: Readonly<Record<ChallengeKind, keyof Table4>> = {
  reconsideration: 'reconsideration',
  'litigation-direct': 'litigationDirect',
  'litigation-after-reconsideration': 'litigationAfterReconsideration',
};
export const TABLE4_GROUPS: readonly (keyof Table4)[] = Object.values(TABLE4_GROUP);
/** The columns summed into `total`. */
export const TABLE4_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

export interface ChallengeFacts {
  kind: ChallengeKind;
  filedOn: string | null;
  result: ChallengeResult | null;
  decidedOn: string | null;
}

/** Records of one kind and result, counted by where they stand (as the service's grouped query answers). */
export interface ChallengeGroup {
  kind: ChallengeKind;
  result: ChallengeResult | null;
  /** Decided in the period */
  decided: number;
  /** Filed by the end and not decided by it */
  pending: number;
}

const emptyColumns = (): ChallengeColumns => ({
  upheld: 0,
  corrected: 0,
  other: 0,
  pending: 0,
  total: 0,
});

export const emptyTable4 = (): Table4 => ({
  reconsideration: emptyColumns(),
  litigationDirect: emptyColumns(),
  litigationAfterReconsideration: emptyColumns(),
});

export function table4FromGroups(groups: readonly ChallengeGroup[]): Table4 {
  const table = emptyTable4();
  for (const group of groups) {
    const columns = table[TABLE4_GROUP[group.kind]];
    // A decision recorded without a final result is still 尚未审结 for the table.
    const decidedAs = group.result && group.result !== 'pending' ? group.result : 'pending';
    columns[decidedAs] += group.decided;
    columns.pending += group.pending;
  }
  for (const group of TABLE4_GROUPS) {
    const columns = table[group];
    columns.total = TABLE4_PARTS.reduce((sum, part) => sum + columns[part], 0);
  }
  return table;
}

export function classifyChallenge(facts: ChallengeFacts, period: Period): ChallengeGroup {
  const { filedOn, decidedOn } = facts;
  const counted = !!filedOn && filedOn <= period.to && !(decidedOn && decidedOn < period.from);
  return {
    kind: facts.kind,
    result: facts.result,
    decided: counted && inPeriod(decidedOn, period) ? 1 : 0,
    pending: counted && (!decidedOn || decidedOn > period.to) ? 1 : 0,
  };
}

export const computeTable4 = (records: readonly ChallengeFacts[], period: Period): Table4 =>
  table4FromGroups(records.map((record) => classifyChallenge(record, period)));
