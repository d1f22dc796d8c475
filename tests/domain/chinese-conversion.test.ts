import fs from 'fs';
import path from 'path';
import { ChineseConverter } from '../../src/plugins/disclosure/server/src/conversion/rules/chinese-conversion';
import OpenCC from 'opencc-js';

const fixtures = path.join(__dirname, '..', '..', 'src', 'seed', 'fixtures');
const converter = new ChineseConverter('tw', { protectedTerms: ['白宛松'] });

describe('government text to Traditional (Taiwan standard, no vocabulary rewriting)', () => {
  test('signing and announcing vocabulary', () => {
    expect(converter.toTraditional('政策文件与解读方案同步起草、同步审签、同步发布')).toBe(
      '政策文件與解讀方案同步起草、同步審簽、同步發布'
    );
    expect(converter.toTraditional('经会签后由领导签批，复函已归档')).toBe(
      '經會簽後由領導簽批，復函已歸檔'
    );
    expect(converter.toTraditional('召开新闻发布会，公布有关信息')).toBe(
      '召開新聞發布會，公布有關信息'
    );
  });

  test('no vocabulary rewriting: 信息 and 集群 stay', () => {
    expect(converter.toTraditional('政府信息公开，网站集群')).toBe('政府信息公開，網站集群');
  });

  test('document numbers, index numbers, URLs and e-mail addresses are never converted', () => {
    const text =
      '根据鲁政办发〔2014〕8号和粤府令第185号，见 https://www.gov.cn/政策/文件.html 与 zwgk@jinan.gov.cn，索引号 370000001/2014-00008。';
    expect(converter.toTraditional(text)).toBe(
      '根據鲁政办发〔2014〕8号和粤府令第185号，見 https://www.gov.cn/政策/文件.html 與 zwgk@jinan.gov.cn，索引號 370000001/2014-00008。'
    );
    expect(converter.toTraditional('按照粤办函〔2015〕248号文要求')).toBe(
      '按照粤办函〔2015〕248号文要求'
    );
  });

  test('protected names are kept as written in both directions', () => {
    expect(converter.toTraditional('白宛松同志')).toBe('白宛松同志');
    expect(converter.toSimplified('白宛松同志')).toBe('白宛松同志');
  });

  test('office overrides apply in both directions and beat longer built-in phrases', () => {
    const withOverride = new ChineseConverter('tw', {
      phrases: [{ simplified: '台账', traditional: '台帳' }],
    });
    expect(withOverride.toTraditional('建立工作台账')).toBe('建立工作台帳');
    expect(withOverride.toSimplified('建立工作台帳')).toBe('建立工作台账');
    expect(converter.toTraditional('建立工作台账')).toBe('建立工作臺賬');
  });

  test('Traditional with Hong Kong forms converts back to Simplified', () => {
    expect(converter.toSimplified('説明産業發佈情況，會簽後公布')).toBe(
      '说明产业发布情况，会签后公布'
    );
  });

  test('other standards: OpenCC standard and Hong Kong', () => {
    expect(new ChineseConverter('t').toTraditional('里面')).toBe('裏面');
    expect(new ChineseConverter('tw').toTraditional('里面')).toBe('裡面');
    expect(new ChineseConverter('hk').toTraditional('里面')).toBe('裏面');
    expect(() => new ChineseConverter('twp' as any)).toThrow(/t, tw, hk/);
  });

  test('blocks: text leaves only; code, link URLs and marks untouched', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: '一、发布机制' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '详见', bold: true },
          {
            type: 'link',
            url: 'https://www.gov.cn/发布',
            children: [{ type: 'text', text: '发布页面' }],
          },
        ],
      },
      { type: 'code', children: [{ type: 'text', text: 'const 发布 = true;' }] },
    ];
    expect(converter.convertBlocks(blocks, 'to-traditional')).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: '一、發布機制' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '詳見', bold: true },
          {
            type: 'link',
            url: 'https://www.gov.cn/发布',
            children: [{ type: 'text', text: '發布頁面' }],
          },
        ],
      },
      { type: 'code', children: [{ type: 'text', text: 'const 发布 = true;' }] },
    ]);
  });
});

describe('round trip on the four real policies', () => {
  const simplified = fs
    .readdirSync(fixtures)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => [name, fs.readFileSync(path.join(fixtures, name), 'utf8')] as const);

  test.each(simplified)(
    '%s: zh-Hans → zh-Hant → zh-Hans returns every character',
    (_name, text) => {
      const traditional = converter.toTraditional(text);
      expect(traditional).not.toBe(text);
      const back = converter.toSimplified(traditional);
      if (back !== text) {
        const at = [...back].findIndex((char, index) => char !== [...text][index]);
        throw new Error(
          `differs at ${at}: …${[...text].slice(at - 8, at + 8).join('')}… became …${[...back].slice(at - 8, at + 8).join('')}…`
        );
      }
      expect(back).toBe(text);
    }
  );
});

/**
 * A regression check, not an accuracy measure: the reference Traditional text was corrected by the same
 * rules as the government phrase table (tests/fixtures/traditional/README.md), so the converter matches
 * it by construction. What it catches is a change that stops a phrase, a protected span or a 文号 from
 * converting as it did.
 */
describe("regression against the reference Traditional text of the four policies (corrected by the phrase table's own rules)", () => {
  // tests/fixtures/traditional holds each seed in Traditional as the phrase table's rules have it (see its README).
  const reviewed = path.join(__dirname, '..', 'fixtures', 'traditional');
  const pairs = fs
    .readdirSync(fixtures)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => [
      fs.readFileSync(path.join(fixtures, name), 'utf8'),
      fs.readFileSync(path.join(reviewed, name), 'utf8'),
    ]);
  const hanCharacters = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length;
  /** Characters differing from the reference text, per 10,000 Chinese characters. */
  const differencesPer10k = (convert: (text: string) => string) => {
    let differing = 0;
    let total = 0;
    for (const [simplified, expected] of pairs) {
      const actual = [...convert(simplified)];
      const wanted = [...expected];
      expect(actual).toHaveLength(wanted.length);
      differing += wanted.filter((character, index) => character !== actual[index]).length;
      total += hanCharacters(expected);
    }
    return (differing / total) * 10000;
  };

  test('regression: the converter still reproduces the reference within 3 characters per 10,000, and stock OpenCC does not', () => {
    const ours = differencesPer10k((text) => converter.toTraditional(text));
    const stock = differencesPer10k(OpenCC.Converter({ from: 'cn', to: 'tw' }));
    expect(ours).toBeLessThanOrEqual(3);
    expect(stock).toBeGreaterThan(ours + 10);
  });

  test('the reviewed text converts back to the simplified originals', () => {
    for (const [simplified, expected] of pairs)
      expect(converter.toSimplified(expected)).toBe(simplified);
  });
});
