/**
 * Table 2 (主动公开政府信息情况) from counts of the catalogue and the figures an office enters.
 * 规章 and 行政规范性文件 are always counted from the catalogue; decisions (行政许可, 行政处罚, 行政强制)
 * are counted from result items of that decision kind unless the office entered the period's figure,
 * which then replaces the count (many offices keep decisions in their licensing and enforcement
 * systems, not in the catalogue); 行政事业性收费 comes only from an entered figure (the catalogue
 * records no amounts): 0 from the catalogue when none is entered.
 */
import type { FigureSource, Table2 } from '../../../../shared/contracts/annual-report';
import type { Half } from './period';

export const DECISION_KINDS = [
  'administrative-licensing',
  'administrative-penalty',
  'administrative-enforcement',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const FIGURE_KINDS = [...DECISION_KINDS, 'administrative-fees'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export const NORMATIVE_KINDS = ['regulation', 'normative-document'] as const;
export type NormativeKind = (typeof NORMATIVE_KINDS)[number];

export interface DocumentCounts {
  issued: number;
  repealed: number;
  valid: number;
}

export interface CatalogueCounts {
  regulations: DocumentCounts;
  normativeDocuments: DocumentCounts;
  decisions: Record<DecisionKind, number>;
}

/** A figure as an office entered it: for a half, or for the year (half null). */
export interface EnteredFigure {
  kind: FigureKind;
  half: Half | null;
  value: number;
}

export const emptyCatalogueCounts = (): CatalogueCounts => ({
  regulations: { issued: 0, repealed: 0, valid: 0 },
  normativeDocuments: { issued: 0, repealed: 0, valid: 0 },
  decisions: {
    'administrative-licensing': 0,
    'administrative-penalty': 0,
    'administrative-enforcement': 0,
  },
});

/**
 * The entered figure of a kind for the period, or null: for a half, that half's; for the year, the
 * year's, else the sum of the halves entered (an office that entered both halves need not enter the
 * year again).
 */
export function enteredFigure(
  figures: readonly EnteredFigure[],
  kind: FigureKind,
  half?: Half
): number | null {
  const ofKind = figures.filter((figure) => figure.kind === kind);
  if (half) return ofKind.find((figure) => figure.half === half)?.value ?? null;
  const year = ofKind.find((figure) => figure.half === null);
  if (year) return year.value;
  const halves = ofKind.filter((figure) => figure.half !== null);
  return halves.length ? halves.reduce((sum, figure) => sum + figure.value, 0) : null;
}

const figure = (counted: number, entered: number | null) =>
  entered === null
    ? { value: counted, source: 'catalogue' as FigureSource }
    : { value: entered, source: 'entered' as FigureSource };

export function computeTable2(
  counts: CatalogueCounts,
  figures: readonly EnteredFigure[],
  half?: Half
): Table2 {
  const decision = (kind: DecisionKind) => {
    const { value, source } = figure(counts.decisions[kind], enteredFigure(figures, kind, half));
    return { decisions: value, source };
  };
  const fees = figure(0, enteredFigure(figures, 'administrative-fees', half));
  return {
    regulations: { ...counts.regulations },
    normativeDocuments: { ...counts.normativeDocuments },
    administrativeLicensing: decision('administrative-licensing'),
    administrativePenalty: decision('administrative-penalty'),
    administrativeEnforcement: decision('administrative-enforcement'),
    administrativeFees: { amount: fees.value, source: fees.source },
  };
}
