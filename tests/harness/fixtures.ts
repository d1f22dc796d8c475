/** An approved confidentiality review (保密审查), which every published item needs. */
export const approvedReview = {
  reviewer: '王审查',
  reviewedAt: '2026-03-09T08:00:00.000Z',
  conclusion: 'approved',
};
