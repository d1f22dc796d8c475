import {
  checkDocumentPublication,
  gateChecklist,
  reviewRefusal,
} from '../../src/plugins/disclosure/server/src/publication/rules/publication-gate';

/** The edit view's checklist is made of the refusals the gate would raise, so the two never disagree. */
describe('gateChecklist', () => {
  const approved = {
    reviewer: '王审查',
    reviewedAt: '2026-03-09T08:00:00.000Z',
    conclusion: 'approved',
  };

  test('a rule passes when publishing would meet no refusal for it, and carries every message otherwise', () => {
    const refusals = checkDocumentPublication(
      {
        disclosureAttribute: 'proactive',
        isNormative: true,
        confidentialityReview: { reviewer: '王审查', conclusion: 'rejected' },
      },
      { readyInterpretations: 0, requireInterpretation: true }
    );
    const checks = gateChecklist(
      ['disclosure-attribute', 'confidentiality-review', 'interpretation-required'],
      refusals
    );
    expect(checks.map(({ rule, passed }) => [rule, passed])).toEqual([
      ['disclosure-attribute', true],
      ['confidentiality-review', false],
      ['interpretation-required', false],
    ]);
    expect(checks[1].messages).toEqual([
      reviewRefusal({ reviewer: '王审查', conclusion: 'rejected' })!.message,
    ]);
  });

  test('a not-disclosed item fails the attribute check with the missing reason named, however good its review', () => {
    const refusals = checkDocumentPublication(
      { disclosureAttribute: 'not-disclosed', confidentialityReview: approved },
      { readyInterpretations: 1, requireInterpretation: true }
    );
    const [attribute] = gateChecklist(['disclosure-attribute'], refusals);
    expect(attribute.passed).toBe(false);
    expect(attribute.messages.length).toBeGreaterThan(1);
    expect(attribute.messages[0]).toMatch(/^依申请公开、不予公开的信息不得在网站发布/);
  });

  test('rules not asked for are not listed, even when refused', () => {
    const refusals = checkDocumentPublication(
      { disclosureAttribute: 'proactive', confidentialityReview: null },
      { readyInterpretations: 0, requireInterpretation: false }
    );
    expect(gateChecklist(['disclosure-attribute'], refusals)).toEqual([
      { rule: 'disclosure-attribute', passed: true, messages: [] },
    ]);
  });
});
