/** An approved confidentiality review (保密审查), which every published item needs. */
export const approvedReview = {
  reviewer: '王审查',
  reviewedAt: '2026-03-09T08:00:00.000Z',
  conclusion: 'approved',
};

let documentSequence = 0;

/** A proactive policy document issued on 2026-03-10 that passes the gate, with a title of its own. */
export const policyDocumentData = (
  issuingOrganization: string,
  overrides: Record<string, unknown> = {}
) => ({
  title: `测试文件${(documentSequence += 1)}`,
  issuingOrganization,
  category: 'decision',
  issueDate: '2026-03-10',
  confidentialityReview: approvedReview,
  ...overrides,
});
