import type { ReportFigures } from '../../../../shared/contracts/annual-report';

/**
 * The annual report's words that come from the records: its title, and the text sections 一、总体情况
 * and 六、其他需要报告的事项 pre-filled from ReportFigures for the office to edit. Plain functions: the
 * report type's middleware and the .docx both call them, and tests call them directly.
 */

/** The period a report covers: a year, or one half of it (the half-year statistics). */
export interface ReportPeriod {
  year: number;
  half?: 1 | 2 | null;
}

/** The report's own name for its period, as its sentences begin: 本年度 / 本年上半年 / 本年下半年. */
export const periodWord = ({ half }: Pick<ReportPeriod, 'half'>): string =>
  half === 1 ? '本年上半年' : half === 2 ? '本年下半年' : '本年度';

/**
 * 「XX 20XX年政府信息公开工作年度报告」 as offices title it (the organization's full name, then the
 * year); the half-year statistics are titled as Zhanjiang 2015 §2(二) asks for them.
 */
export function reportTitle(organizationName: string, { year, half }: ReportPeriod): string {
  if (half === 1 || half === 2)
    return `${organizationName}${year}年${half === 1 ? '上' : '下'}半年政府信息公开工作统计报告`;
  return `${organizationName}${year}年政府信息公开工作年度报告`;
}

/** A count as written in a report: digits, no grouping (the national tables print them so). */
const count = (value: number): string => String(Math.max(0, Math.trunc(value)));

/** Yuan as written: whole yuan without decimals, else two decimals (a fee is charged in yuan and jiao). */
export const yuan = (value: number): string =>
  Number.isInteger(value) ? String(value) : (Math.round(value * 100) / 100).toFixed(2);

/** 一、总体情况, pre-filled: what was published, and how applications were answered, in one paragraph. */
export function overviewText(figures: ReportFigures, period: Pick<ReportPeriod, 'half'>): string {
  return (
    `${periodWord(period)}共主动公开政府信息${count(figures.itemsPublished)}条，` +
    `发布政策解读${count(figures.interpretations)}篇，` +
    `召开新闻发布会${count(figures.pressConferences)}场，` +
    `开展意见征集${count(figures.consultations)}次；` +
    `依申请公开答复按时${count(figures.repliesOnTime)}件（应答复${count(figures.repliesDue)}件）；` +
    `收取信息处理费${yuan(figures.feesCollected)}元。`
  );
}

/**
 * 六、其他需要报告的事项, pre-filled with the fees (国办函〔2020〕109号 asks every report to state them;
 * the national format lists them in this section).
 */
export function otherMattersText(
  figures: ReportFigures,
  period: Pick<ReportPeriod, 'half'>
): string {
  return `${periodWord(period)}依据《政府信息公开信息处理费管理办法》收取信息处理费${yuan(figures.feesCollected)}元。`;
}

/** Strapi's blocks as the report's sections store them: paragraphs (and lists, quotes, headings) of text. */
export interface TextNode {
  type: 'text';
  text: string;
  [format: string]: unknown;
}
export interface Block {
  type: string;
  children?: Array<Block | TextNode>;
  [field: string]: unknown;
}

/** Text as blocks, one paragraph per line (blank lines dropped), as the editor writes them. */
export const paragraphBlocks = (text: string): Block[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line }] }));

const isText = (node: Block | TextNode): node is TextNode =>
  node.type === 'text' && typeof (node as TextNode).text === 'string';

const inlineText = (node: Block | TextNode): string =>
  isText(node) ? node.text : (node.children ?? []).map(inlineText).join('');

/**
 * Blocks as paragraphs of text for a printed document: a list gives one paragraph per item, every
 * other block one paragraph; empty ones are dropped. Anything not blocks (null, a string) reads as its text.
 */
export function blocksParagraphs(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  if (!Array.isArray(value)) return [];
  return (value as Block[])
    .flatMap((block) =>
      block.type === 'list' ? (block.children ?? []).map(inlineText) : [inlineText(block)]
    )
    .map((text) => text.trim())
    .filter(Boolean);
}

/** Whether a section holds any text (an empty editor stores [] or one empty paragraph). */
export const hasText = (value: unknown): boolean => blocksParagraphs(value).length > 0;
