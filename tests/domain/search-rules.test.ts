import { ChineseConverter } from '../../src/plugins/disclosure/server/src/conversion/rules/chinese-conversion';
import { buildFacets } from '../../src/plugins/disclosure/server/src/search/rules/facets';
import {
  MAX_QUERY_LENGTH,
  QUERY_PROBLEMS,
  highlightTerms,
  parseSearchQuery,
  type SearchQuery,
} from '../../src/plugins/disclosure/server/src/search/rules/query';
import {
  compareRanked,
  postgresWeights,
  quotedLexeme,
  entryVectors,
  tsvectorText,
  headScore,
  TSVECTOR_BUDGET_BYTES,
} from '../../src/plugins/disclosure/server/src/search/rules/ranking';
import {
  SNIPPET_SCAN,
  buildSnippet,
  escapeHtml,
} from '../../src/plugins/disclosure/server/src/search/rules/snippet';
import {
  foldWidthAndCase,
  indexTerms,
  normalizeText,
} from '../../src/plugins/disclosure/server/src/search/rules/text';

const converter = new ChineseConverter('tw');
const toSimplified = (text: string) => converter.toSimplified(text);
const parsed = (q: string): SearchQuery => {
  const result = parseSearchQuery(q, toSimplified);
  if (!('query' in result)) throw new Error(`refused: ${result.problem}`);
  return result.query;
};

describe('search normalization', () => {
  test('full-width to half-width and lower case, positions kept', () => {
    expect(foldWidthAndCase('ＡＢＣ１２３　政府')).toBe('abc123 政府');
    expect(foldWidthAndCase('㍻元年')).toHaveLength('㍻元年'.length);
  });

  test('Traditional to Simplified, so index and query are script-blind', () => {
    expect(normalizeText('政府資訊公開', toSimplified)).toBe(normalizeText('政府资讯公开'));
    expect(normalizeText('關於印發', toSimplified)).toBe('关于印发');
  });
});

describe('segmentation to index terms', () => {
  test('words and the shorter words inside them; punctuation dropped', () => {
    const terms = indexTerms(normalizeText('关于印发济南市政府信息公开工作要点的通知。'));
    expect(terms).toEqual(
      expect.arrayContaining(['济南', '济南市', '政府', '信息', '公开', '通知'])
    );
    expect(terms).not.toContain('。');
    expect(terms.every((term) => /[\p{L}\p{N}]/u.test(term))).toBe(true);
  });

  test('a substring across a word boundary is not an index term', () => {
    expect(indexTerms(normalizeText('政府信息公开'))).not.toContain('府信');
  });
});

describe('query parsing', () => {
  test('empty, over-long and wordless queries refused, the limit stated', () => {
    expect(parseSearchQuery('   ')).toEqual({ problem: 'empty' });
    expect(parseSearchQuery('政'.repeat(MAX_QUERY_LENGTH + 1))).toEqual({ problem: 'too-long' });
    expect(parseSearchQuery('政'.repeat(MAX_QUERY_LENGTH))).toHaveProperty('query');
    expect(parseSearchQuery('，。！')).toEqual({ problem: 'no-words' });
    expect(QUERY_PROBLEMS['too-long']).toMatch(
      /^q 不能超过 100 个字符 \(q must be at most 100 characters\)$/
    );
  });

  test('words, and the shorter words inside a long one', () => {
    const query = parsed('政府信息公开');
    expect(query.words.map(({ word }) => word)).toEqual(['政府', '信息', '公开']);
    const long = parsed('中华人民共和国');
    expect(long.words[0].inner).toEqual(expect.arrayContaining(['中华', '人民', '共和国']));
    expect(highlightTerms(long)[0]).toBe('中华人民共和国');
  });

  test('a Traditional query is read in Simplified', () => {
    expect(
      parsed('資訊公開')
        .words.map(({ word }) => word)
        .join('')
    ).toBe('资讯公开');
  });

  test('文号 typed with [], () or full-width digits in the canonical form', () => {
    for (const typed of [
      '鲁政办发[2014]8号',
      '鲁政办发（2014）8号',
      '鲁政办发〔２０１４〕８号',
      '鲁政办发(2014)8号',
    ]) {
      expect(parsed(typed).documentNumber).toBe('鲁政办发〔2014〕8号');
    }
    expect(parsed('政府信息公开').documentNumber).toBeNull();
  });

  test('索引号 recognised, full-width digits folded', () => {
    expect(parsed('370000001/2014-00008').indexNumber).toBe('370000001/2014-00008');
    expect(parsed('３７００００００１／２０１４－０００08').indexNumber).toBe(
      '370000001/2014-00008'
    );
    expect(parsed('2014').indexNumber).toBeNull();
  });
});

describe('snippets', () => {
  test('a window around the first match of the best field, matches in <em>, the rest escaped', () => {
    const terms = highlightTerms(parsed('信息公开'));
    const snippet = buildSnippet([null, '<script>alert(1)</script>本市政府信息公开工作'], terms);
    expect(snippet).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;本市政府<em>信息</em><em>公开</em>工作'
    );
  });

  test('matches a Traditional text with a Simplified query, keeping the text as written', () => {
    const snippet = buildSnippet(['政府資訊公開'], highlightTerms(parsed('资讯')), toSimplified);
    expect(snippet).toBe('政府<em>資訊</em>公開');
  });

  test('the first field with a match; long text cut around it', () => {
    const body = `${'甲'.repeat(200)}信息公开${'乙'.repeat(200)}`;
    const snippet = buildSnippet(['无关的摘要', body], highlightTerms(parsed('公开')));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('信息<em>公开</em>');
    expect(snippet.replace(/<\/?em>|…/g, '')).toHaveLength(120);
  });

  test('only the beginning of a long field is scanned; a match past it shows the next field', () => {
    const late = `${'甲'.repeat(SNIPPET_SCAN)}信息公开`;
    expect(buildSnippet([late, '政府信息公开工作'], highlightTerms(parsed('公开')))).toBe(
      '政府信息<em>公开</em>工作'
    );
    // A match inside the scanned prefix of a 200,000-character body; the cut text ends with '…'.
    const huge = `前言信息公开${'乙'.repeat(200_000)}`;
    const snippet = buildSnippet([huge], highlightTerms(parsed('公开')));
    expect(snippet.startsWith('前言信息<em>公开</em>乙')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    // Without a match anywhere, the cut field still says it goes on.
    expect(buildSnippet([`${'丙'.repeat(SNIPPET_SCAN + 1)}`], ['无'])).toMatch(/^丙{120}…$/);
  });

  test('matches past the window are not collected, those inside all are', () => {
    const text = `信息${'丁'.repeat(40)}信息${'戊'.repeat(300)}信息`;
    const snippet = buildSnippet([text], highlightTerms(parsed('信息')));
    expect(snippet.match(/<em>/g)).toHaveLength(2);
  });

  test('without a match, the beginning of the first text, escaped', () => {
    expect(buildSnippet(['', 'a<b'], ['无'])).toBe('a&lt;b');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});

describe('ranking and facets', () => {
  test('title over 文号 over summary over body', () => {
    const [body, summary, number, title] = postgresWeights();
    expect(title).toBe(1);
    expect(title > number && number > summary && summary > body).toBe(true);
  });

  test("SQLite's head score: each word's field weights, as itself or as all its inner words; the body does not count", () => {
    const words = [
      { word: '信息公开', inner: ['信息', '公开'] },
      { word: '条例', inner: [] },
    ];
    const head = (titleTerms: string, numberTerms = '', summaryTerms = '') => ({
      titleTerms,
      numberTerms,
      summaryTerms,
    });
    expect(headScore(words, head('政府 信息公开 条例'))).toBe(20);
    expect(headScore(words, head('信息 公开 工作'))).toBe(10);
    expect(headScore(words, head('信息 工作'))).toBe(0);
    expect(headScore(words, head('', '', '条例 信息公开'))).toBe(4);
    expect(headScore(words, head('条例', '条例'))).toBe(15);
    expect(headScore(words, head('', '', ''))).toBe(0);
  });

  test('exact number first, then score, then newer first', () => {
    const rows = [
      { id: 'old', exact: false, score: 2, publishedAt: '2020-01-01T00:00:00.000Z' },
      { id: 'new', exact: false, score: 2, publishedAt: '2024-01-01T00:00:00.000Z' },
      { id: 'best', exact: false, score: 5, publishedAt: '2019-01-01T00:00:00.000Z' },
      { id: 'exact', exact: true, score: 0.1, publishedAt: '2010-01-01T00:00:00.000Z' },
    ];
    expect([...rows].sort(compareRanked).map(({ id }) => id)).toEqual([
      'exact',
      'best',
      'new',
      'old',
    ]);
  });

  test('facets: every facet present, empty values dropped, counts as numbers, most first', () => {
    expect(
      buildFacets({
        type: [
          { value: 'press-release', count: '1' },
          { value: 'policy-document', count: 3 },
        ],
        year: [
          { value: 2014, count: 2 },
          { value: null, count: 5 },
        ],
      })
    ).toEqual({
      type: { 'policy-document': 3, 'press-release': 1 },
      category: {},
      organization: {},
      year: { '2014': 2 },
    });
  });

  test("PostgreSQL's tsvector: positions and each field's weight letter; quotes escaped", () => {
    expect(
      tsvectorText({
        title: ['湿地', '保护'],
        documentNumber: [],
        summary: ['湿地'],
        body: ["o'k"],
      })
    ).toBe("'湿地':1A,3C '保护':2A 'o''k':4D");
    expect(quotedLexeme('a\\b')).toBe("'a\\\\b'");
  });

  test('two vectors: the whole entry, and its head (title, 文号, summary) that ranks it', () => {
    expect(
      entryVectors({
        titleTerms: '湿地 保护',
        numberTerms: '鲁政发',
        summaryTerms: '湿地',
        bodyTerms: '生态 补偿',
      })
    ).toEqual({
      searchVector: "'湿地':1A,4C '保护':2A '鲁政发':3B '生态':5D '补偿':6D",
      headVector: "'湿地':1A,4C '保护':2A '鲁政发':3B",
    });
  });

  test("PostgreSQL's limits: a lexeme over 2 KB is left out; the whole stays under 1 MB", () => {
    const long = '字'.repeat(700); // 2,100 bytes in UTF-8
    expect(
      tsvectorText({ title: ['湿地', long], documentNumber: [], summary: [], body: ['保护'] })
    ).toBe("'湿地':1A '保护':3D");
    const many = Array.from({ length: 200_000 }, (_, i) => `词${i}`);
    const text = tsvectorText({ title: [], documentNumber: [], summary: [], body: many });
    const lexemes = text.split(' ');
    expect(lexemes.length).toBeLessThan(many.length);
    const stored = lexemes.reduce(
      (sum, lexeme) => sum + Buffer.byteLength(lexeme.replace(/^'|':\d+D$/g, '')) + 6,
      0
    );
    expect(stored).toBeLessThanOrEqual(TSVECTOR_BUDGET_BYTES);
  });
});
