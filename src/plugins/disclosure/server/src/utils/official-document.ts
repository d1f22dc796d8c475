import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
  type IRunOptions,
} from 'docx';

/**
 * The layout of what an office prints, stamps and sends (GB/T 9704-2012): A4 with its margins, the
 * title in 小标宋 二号 centred, headings in 黑体 三号, text in 仿宋 三号 on a fixed 28-point line with
 * two characters' indent, tables and page numbers ("— 1 —") in 宋体. Fonts are named as Word and WPS
 * know them on a Chinese system; where 方正小标宋简体 is not installed they substitute a Song face.
 * One layout for the on-request letters and the annual report.
 */
export const FONTS = {
  title: { eastAsia: '方正小标宋简体', ascii: 'SimSun', hAnsi: 'SimSun' },
  heading: { eastAsia: '黑体', ascii: 'SimHei', hAnsi: 'SimHei' },
  body: { eastAsia: '仿宋', ascii: 'FangSong', hAnsi: 'FangSong' },
  song: { eastAsia: '宋体', ascii: 'SimSun', hAnsi: 'SimSun' },
} as const;
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt. */
export const SIZES = { title: 44, body: 32, pageNumber: 28, table: 21, smallTable: 18 } as const;
/** Twips (1/20 pt; 1 mm ≈ 56.7): A4, margins 37/35 mm top/bottom, 28/26 mm left/right. */
export const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 1100 },
} as const;
/** The text width between the margins, in twips. */
export const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;
export const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;
/** Two characters of 三号 (16 pt = 320 twips each). */
export const TWO_CHARACTERS = 640;

/** A run of body text (仿宋 三号). */
export const bodyRun = (text: string, options: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: FONTS.body, size: SIZES.body, ...options });

/** A document in this layout: its title centred first, then `children`, page numbers in the footer. */
export const officialDocument = ({
  creator,
  title,
  description,
  children,
}: {
  creator: string;
  title: string;
  /** The file's description (its properties), where a document says what it was made from */
  description?: string;
  children: FileChild[];
}): Document =>
  new Document({
    creator: creator || 'disclosure',
    title,
    ...(description ? { description } : {}),
    styles: { default: { document: { run: { font: FONTS.body, size: SIZES.body } } } },
    sections: [
      {
        properties: { page: PAGE },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: FONTS.song,
                    size: SIZES.pageNumber,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 320 },
            children: [new TextRun({ text: title, font: FONTS.title, size: SIZES.title })],
          }),
          ...children,
        ],
      },
    ],
  });
