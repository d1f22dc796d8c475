import {
  LETTER_KINDS,
  LETTER_PLACEHOLDERS,
  OUTCOME_REASONS,
  OUTCOMES,
  type OutcomeReason,
} from '../../src/plugins/disclosure/shared/contracts/on-request';
import {
  BLANK,
  DEFAULT_TEMPLATES,
  LetterError,
  TEMPLATE_KEYS,
  checkTemplate,
  chineseDate,
  letterDateOf,
  letterValues,
  parseTemplateKey,
  renderLetter,
  templateKey,
  yuan,
} from '../../src/plugins/disclosure/server/src/on-request/rules/letters';
import { applicationDetail } from '../fixtures/on-request-applications';

/**
 * The letters of 依申请公开: a default wording for every letter and every row of table 3, each reply
 * citing its article and stating the applicant's remedies; templates checked as the office saves them;
 * a case's values in Chinese dates and yuan, blanks where the case has nothing yet.
 */

/** Every table 3 row: [outcome, reason or null]. */
const ROWS: Array<[(typeof OUTCOMES)[number], OutcomeReason | null]> = OUTCOMES.flatMap(
  (outcome) => {
    const reasons = OUTCOME_REASONS[outcome] as readonly OutcomeReason[];
    return reasons.length
      ? reasons.map((reason): [typeof outcome, OutcomeReason] => [outcome, reason])
      : [[outcome, null] as [typeof outcome, null]];
  }
);

describe('the default wording', () => {
  test('every letter kind but the reply has one template, and every table 3 row a reply of its own', () => {
    expect(ROWS).toHaveLength(2 + 8 + 3 + 5 + 3);
    for (const kind of LETTER_KINDS.filter((kind) => kind !== 'reply'))
      expect(DEFAULT_TEMPLATES[templateKey(kind)]).toBeDefined();
    const replies = ROWS.map(([outcome, reason]) => templateKey('reply', outcome, reason));
    for (const key of replies) expect(DEFAULT_TEMPLATES[key]?.title).toBe('政府信息公开申请答复书');
    expect(new Set(replies.map((key) => DEFAULT_TEMPLATES[key].body)).size).toBe(replies.length);
    expect(TEMPLATE_KEYS).toHaveLength(5 + ROWS.length);
  });

  test('every reply states the remedies: 行政复议 within 60 days, 行政诉讼 within 6 months', () => {
    for (const [outcome, reason] of ROWS) {
      const { body } = DEFAULT_TEMPLATES[templateKey('reply', outcome, reason)];
      expect(body).toContain('60日内依法申请行政复议');
      expect(body).toContain('6个月内依法向人民法院提起行政诉讼');
      expect(body.startsWith('{{applicantName}}：')).toBe(true);
    }
  });

  test.each([
    ['disclosed', null, '第三十六条第（一）项、第（二）项'],
    ['partially-disclosed', null, '第三十七条'],
    ['not-disclosed', 'state-secret', '第十四条'],
    ['not-disclosed', 'prohibited-by-law', '第十四条'],
    ['not-disclosed', 'endangers-security-stability', '第十四条'],
    ['not-disclosed', 'third-party-rights', '第十五条'],
    ['not-disclosed', 'internal-affairs', '第十六条第一款'],
    ['not-disclosed', 'process-information', '第十六条第二款'],
    ['not-disclosed', 'enforcement-files', '第十六条第二款'],
    ['not-disclosed', 'administrative-query', '第三十六条第（七）项'],
    ['unavailable', 'not-held', '第三十六条第（四）项、第（五）项'],
    ['unavailable', 'needs-creation', '第三十八条'],
    ['unavailable', 'unclear-after-correction', '第三十条'],
    ['not-processed', 'petition-complaint', '第三十九条第一款'],
    ['not-processed', 'repeated', '第三十六条第（六）项'],
    ['not-processed', 'publication', '第三十九条第二款'],
    ['not-processed', 'mass-repeated', '第三十五条'],
    ['not-processed', 'confirmation', '第二十七条'],
    ['other', 'no-correction', '第三十条'],
    ['other', 'fee-unpaid', '国办函〔2020〕109号'],
  ] as const)('reply %s %s cites %s', (outcome, reason, article) => {
    expect(DEFAULT_TEMPLATES[templateKey('reply', outcome, reason)].body).toContain(article);
  });

  test('the refusals rest on art. 36(三) as well as their ground; a petition is sent to its channel', () => {
    for (const reason of OUTCOME_REASONS['not-disclosed'].filter(
      (reason) => reason !== 'administrative-query'
    ))
      expect(DEFAULT_TEMPLATES[`reply.not-disclosed.${reason}`].body).toContain(
        '第三十六条第（三）项'
      );
    expect(DEFAULT_TEMPLATES['reply.not-processed.petition-complaint'].body).toContain(
      '通过{{redirectChannel}}提出'
    );
  });

  test('the notices cite their articles and state their periods', () => {
    expect(DEFAULT_TEMPLATES.acknowledgement.body).toMatch(/第三十三条[\s\S]*20个工作日内/);
    expect(DEFAULT_TEMPLATES['correction-notice'].body).toMatch(/第三十条[\s\S]*视为放弃申请/);
    expect(DEFAULT_TEMPLATES['third-party-consultation'].body).toMatch(
      /第三十二条[\s\S]*15个工作日内/
    );
    expect(DEFAULT_TEMPLATES['extension-notice'].body).toContain('政府信息公开工作机构负责人同意');
    expect(DEFAULT_TEMPLATES['fee-notice'].body).toContain('第四十二条');
  });

  test('every default passes its own check, and uses only known placeholders', () => {
    for (const key of TEMPLATE_KEYS)
      expect([key, checkTemplate(DEFAULT_TEMPLATES[key], key)]).toEqual([key, []]);
  });

  test('the third party’s letter carries nothing of the applicant', () => {
    const letter = DEFAULT_TEMPLATES['third-party-consultation'];
    expect(letter.body).not.toContain('{{applicantName}}');
    expect(letter.body.startsWith('{{thirdParty}}：')).toBe(true);
  });
});

describe('template keys', () => {
  test('the kind, or the reply with its outcome and reason', () => {
    expect(templateKey('fee-notice')).toBe('fee-notice');
    expect(templateKey('reply', 'disclosed')).toBe('reply.disclosed');
    expect(templateKey('reply', 'disclosed', 'not-held')).toBe('reply.disclosed');
    expect(templateKey('reply', 'not-disclosed', 'state-secret')).toBe(
      'reply.not-disclosed.state-secret'
    );
    expect(parseTemplateKey('reply.unavailable.not-held')).toEqual({
      kind: 'reply',
      outcome: 'unavailable',
      reason: 'not-held',
    });
    expect(parseTemplateKey('acknowledgement')).toEqual({
      kind: 'acknowledgement',
      outcome: null,
      reason: null,
    });
    expect(parseTemplateKey('reply')).toBeNull();
    expect(parseTemplateKey('reply.not-disclosed')).toBeNull();
    expect(parseTemplateKey('toString')).toBeNull();
  });

  test('the reply before its outcome, or without its reason, has no template', () => {
    expect(() => templateKey('reply')).toThrow(LetterError);
    expect(() => templateKey('reply', null)).toThrow(/答复书须先确定办理结果/);
    expect(() => templateKey('reply', 'not-disclosed')).toThrow(/须注明具体情形/);
    expect(() => templateKey('reply', 'not-processed', 'state-secret')).toThrow(LetterError);
  });
});

describe('checking a template as saved', () => {
  test('an unknown placeholder is refused by name, in Chinese and English', () => {
    const problems = checkTemplate({ title: '答复书', body: '{{applicantName}}：您的{{idNumbr}}' });
    expect(problems).toEqual([
      {
        field: 'body',
        placeholder: 'idNumbr',
        message: expect.stringMatching(
          /占位符 \{\{idNumbr\}\} 不存在.*unknown placeholder \{\{idNumbr\}\}/
        ),
      },
    ]);
    expect(problems[0].message).toContain('{{applicantName}}');
  });

  test('placeholders may be written with spaces; broken braces, empty and overlong fields are refused', () => {
    expect(checkTemplate({ title: '{{ number }}号', body: '致{{ applicantName }}' })).toEqual([]);
    expect(checkTemplate({ title: '回执', body: '编号{{number}' })).toEqual([
      expect.objectContaining({
        field: 'body',
        placeholder: null,
        message: expect.stringContaining('{{名称}}'),
      }),
    ]);
    expect(checkTemplate({ title: ' ', body: '正文' })).toEqual([
      expect.objectContaining({
        field: 'title',
        message: '标题 title 不能为空 (title is required)',
      }),
    ]);
    expect(checkTemplate({ title: '回执', body: '字'.repeat(10001) })).toEqual([
      expect.objectContaining({ field: 'body', message: expect.stringContaining('最多 10000 字') }),
    ]);
    expect(checkTemplate({ title: '{{fee}}', body: '正文' })[0]).toMatchObject({
      field: 'title',
      placeholder: 'fee',
    });
  });

  test('the third party’s letter may not name the applicant', () => {
    const template = { title: '征求意见函', body: '{{thirdParty}}：申请人{{applicantName}}' };
    expect(checkTemplate(template)).toEqual([]);
    expect(checkTemplate(template, 'third-party-consultation')).toEqual([
      expect.objectContaining({
        placeholder: 'applicantName',
        message: expect.stringContaining('不得包含申请人信息'),
      }),
    ]);
  });

  test('every placeholder the settings page lists is accepted', () => {
    const body = LETTER_PLACEHOLDERS.map(({ name }) => `{{${name}}}`).join('');
    expect(checkTemplate({ title: '全部', body })).toEqual([]);
  });
});

describe('rendering', () => {
  test('placeholders are filled; a missing or blank value is a line to fill in by hand', () => {
    expect(
      renderLetter(
        {
          title: '{{number}}答复',
          body: '{{applicantName}}：于{{receivedOn}}，{{legalBasis}}，{{ today }}',
        },
        { number: 'A-1', applicantName: '张三', receivedOn: '2026年9月29日', legalBasis: '  ' }
      )
    ).toEqual({
      title: 'A-1答复',
      body: `张三：于2026年9月29日，${BLANK}，${BLANK}`,
    });
    expect(BLANK).toBe('＿＿＿＿');
  });

  test('a value is put in as written, never read as a placeholder or a replacement pattern', () => {
    expect(
      renderLetter({ title: 't', body: '{{description}}' }, { description: '{{number}} $& $1' })
        .body
    ).toBe('{{number}} $& $1');
  });
});

describe('a case’s values', () => {
  test('Beijing dates written the Chinese way', () => {
    expect(chineseDate('2026-09-29')).toBe('2026年9月29日');
    expect(chineseDate('2027-01-05')).toBe('2027年1月5日');
    // 20:30 UTC on 30 September is 04:30 on 1 October in Beijing.
    expect(chineseDate('2026-09-30T20:30:00.000Z')).toBe('2026年10月1日');
    expect(chineseDate(null)).toBe('');
    expect(chineseDate('soon')).toBe('');
  });

  test('amounts in yuan', () => {
    expect(yuan(1100)).toBe('1100元');
    expect(yuan(12.5)).toBe('12.50元');
  });

  test('from the case and its steps', () => {
    const values = letterValues(applicationDetail(), '某市人民政府办公室', '2026-11-02');
    expect(values).toMatchObject({
      number: '370000001-2026-0007',
      applicantName: '张三',
      organizationName: '某市人民政府办公室',
      receivedOn: '2026年9月29日',
      replyDueOn: '2026年11月24日',
      description: '2025年度本市老旧小区改造项目清单',
      documentNumber: '',
      legalBasis: '该清单涉及尚在研究中的方案',
      correctionItems: '请写明所需清单的年度和区域',
      correctionDueOn: '2026年10月20日',
      extensionDays: '10',
      extensionReason: '需征求第三方意见',
      feeAmount: '1100元',
      paymentDueOn: '2026年11月10日',
      thirdParty: '某某建设有限公司',
      redirectChannel: '',
      publicDocuments: '无',
      deliveryForm: '以电子数据形式随本答复书一并提供',
      today: '2026年11月2日',
    });
    expect(values.feeExplanation).toMatch(
      /^本次提供的政府信息共120页。按量计收：30页以下（含30页）的，不收费/
    );
    expect(Object.keys(values).sort()).toEqual(LETTER_PLACEHOLDERS.map(({ name }) => name).sort());
  });

  test('a case without the steps yet leaves their values empty; a fee by count explains the bands', () => {
    const values = letterValues(
      applicationDetail({
        steps: [],
        clocks: {
          ...applicationDetail().clocks,
          correctionDueOn: null,
          extendedWorkingDays: 0,
          paymentDueOn: null,
        },
        fee: { basis: 'count', pages: null, amount: 300, paidOn: null },
        legalBasis: null,
      }),
      '某局',
      '2026-10-08'
    );
    expect(values).toMatchObject({
      correctionItems: '',
      correctionDueOn: '',
      extensionDays: '',
      thirdParty: '',
      legalBasis: '',
      feeAmount: '300元',
      paymentDueOn: '',
    });
    expect(values.feeExplanation).toContain('11—30件（含30件）的部分，每件100元');
  });

  test('a petition’s reply names the channel it belongs to', () => {
    const detail = applicationDetail({
      outcome: 'not-processed',
      outcomeReason: 'petition-complaint',
      steps: [
        {
          kind: 'draft-reply',
          at: '2026-10-09T02:00:00.000Z',
          actor: null,
          details: {
            outcome: 'not-processed',
            reason: 'petition-complaint',
            legalBasis: '信访',
            redirectChannel: '12345政务服务便民热线',
          },
        },
      ],
    });
    const letter = renderLetter(
      DEFAULT_TEMPLATES[templateKey('reply', detail.outcome, detail.outcomeReason)],
      letterValues(detail, '某局', '2026-10-09')
    );
    expect(letter.body).toContain('您可以通过12345政务服务便民热线提出。');
    expect(letter.body).toContain('张三：\n本机关于2026年9月29日收到您提出的政府信息公开申请');
    expect(letter.body).not.toContain('{{');
  });

  test('a letter is dated as sent: the step that sent it, on Beijing’s calendar; not sent yet, none', () => {
    const detail = applicationDetail();
    expect(letterDateOf('acknowledgement', detail)).toBe('2026-09-29');
    expect(letterDateOf('correction-notice', detail)).toBe('2026-09-30');
    expect(letterDateOf('third-party-consultation', detail)).toBe('2026-10-22');
    expect(letterDateOf('extension-notice', detail)).toBe('2026-10-26');
    expect(letterDateOf('fee-notice', detail)).toBe('2026-10-27');
    expect(letterDateOf('reply', detail)).toBeNull();
    const delivered = applicationDetail({
      steps: [
        ...detail.steps,
        { kind: 'approve-reply', at: '2026-11-19T17:00:00.000Z', actor: null, details: {} },
        {
          kind: 'deliver',
          at: '2026-11-23T02:00:00.000Z',
          actor: null,
          details: { method: 'email', deliveredOn: '2026-11-21' },
        },
      ],
    });
    expect(letterDateOf('reply', delivered)).toBe('2026-11-21');
    expect(letterDateOf('reply', applicationDetail({ steps: delivered.steps.slice(0, -1) }))).toBe(
      '2026-11-20'
    );
  });
});
