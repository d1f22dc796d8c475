import {
  checkDisclosureDecision,
  isPubliclyDisclosable,
} from '../../src/plugins/disclosure/server/src/catalogue/rules/disclosure-attribute';

describe('disclosure attribute (公开属性)', () => {
  test('proactive needs no reason and is the only publicly disclosable attribute', () => {
    expect(checkDisclosureDecision({ disclosureAttribute: 'proactive' })).toEqual([]);
    expect(checkDisclosureDecision({})).toEqual([]);
    expect(isPubliclyDisclosable('proactive')).toBe(true);
    expect(isPubliclyDisclosable('on-request')).toBe(false);
    expect(isPubliclyDisclosable('not-disclosed')).toBe(false);
  });

  test('on-request and not-disclosed need a statutory reason and an explanation', () => {
    const missing = checkDisclosureDecision({ disclosureAttribute: 'not-disclosed' });
    expect(missing.map((v) => v.field)).toEqual([
      'nonDisclosureReason',
      'nonDisclosureExplanation',
    ]);
    expect(missing[0].message).toMatch(/法定理由/);

    expect(
      checkDisclosureDecision({
        disclosureAttribute: 'on-request',
        nonDisclosureReason: 'process-information',
        nonDisclosureExplanation: '属于研究讨论中的过程性信息',
      })
    ).toEqual([]);
  });

  test('an unknown reason or attribute is refused', () => {
    expect(
      checkDisclosureDecision({
        disclosureAttribute: 'not-disclosed',
        nonDisclosureReason: 'because',
        nonDisclosureExplanation: 'x',
      }).map((v) => v.field)
    ).toEqual(['nonDisclosureReason']);
    expect(checkDisclosureDecision({ disclosureAttribute: 'secret' }).map((v) => v.field)).toEqual([
      'disclosureAttribute',
    ]);
  });
});
