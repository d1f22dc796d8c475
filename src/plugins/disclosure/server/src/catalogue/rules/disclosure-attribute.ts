/**
 * The disclosure attribute (公开属性) is decided when a document is drafted. Only proactive items are
 * ever published; anything else must state a lawful reason, or it is sent back
 * (Heilongjiang 2017 §2(一); Zhanjiang 2015 §1(二)1).
 */

export const DISCLOSURE_ATTRIBUTES = ['proactive', 'on-request', 'not-disclosed'] as const;
export type DisclosureAttribute = (typeof DISCLOSURE_ATTRIBUTES)[number];

/** The eight grounds of table 3 of the annual disclosure report (不予公开 reasons). */
export const NON_DISCLOSURE_REASONS = {
  'state-secret': '属于国家秘密',
  'prohibited-by-law': '其他法律行政法规禁止公开',
  'endangers-security-stability': '危及“三安全一稳定”',
  'third-party-rights': '保护第三方合法权益',
  'internal-affairs': '属于三类内部事务信息',
  'process-information': '属于四类过程性信息',
  'enforcement-files': '属于行政执法案卷',
  'administrative-query': '属于行政查询事项',
} as const;
export type NonDisclosureReason = keyof typeof NON_DISCLOSURE_REASONS;

export interface DisclosureDecision {
  disclosureAttribute?: string | null;
  nonDisclosureReason?: string | null;
  nonDisclosureExplanation?: string | null;
}

export interface RuleViolation {
  field: string;
  message: string;
}

/** What the public may read of the catalogue, as a filter: proactively disclosed items only. */
export const PROACTIVE_FILTER = { disclosureAttribute: 'proactive' };

export const isPubliclyDisclosable = (attribute: string | null | undefined): boolean =>
  (attribute ?? 'proactive') === 'proactive';

/** What is missing for the decision to stand; an empty list means it stands. */
export function checkDisclosureDecision(decision: DisclosureDecision): RuleViolation[] {
  const attribute = decision.disclosureAttribute ?? 'proactive';
  if (!(DISCLOSURE_ATTRIBUTES as readonly string[]).includes(attribute)) {
    return [
      {
        field: 'disclosureAttribute',
        message: `公开属性只能是 主动公开/依申请公开/不予公开 (disclosureAttribute must be one of ${DISCLOSURE_ATTRIBUTES.join(', ')})`,
      },
    ];
  }
  if (attribute === 'proactive') return [];

  const violations: RuleViolation[] = [];
  if (!decision.nonDisclosureReason || !(decision.nonDisclosureReason in NON_DISCLOSURE_REASONS)) {
    violations.push({
      field: 'nonDisclosureReason',
      message: `非主动公开的信息须选择法定理由 (a statutory reason is required unless proactive: ${Object.keys(NON_DISCLOSURE_REASONS).join(', ')})`,
    });
  }
  if (!decision.nonDisclosureExplanation || !decision.nonDisclosureExplanation.trim()) {
    violations.push({
      field: 'nonDisclosureExplanation',
      message: '非主动公开的信息须说明理由 (explain why the item is not proactively disclosed)',
    });
  }
  return violations;
}
