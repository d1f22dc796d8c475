/**
 * POST /disclosure/reviews (admin panel): the confidentiality review (保密审查) of a draft, recorded
 * under the signed-in reviewer's name and the server's clock.
 */
import type { ConfidentialityReviewRecord } from './item-status';

export type ReviewConclusion = 'approved' | 'rejected' | 'needs-changes';

export declare namespace RecordReview {
  export interface Request {
    /** Who and when are never taken from the request */
    body: {
      data: {
        contentType: string;
        documentId: string;
        conclusion: ReviewConclusion;
        note?: string | null;
      };
    };
  }
  export interface Response {
    data: ConfidentialityReviewRecord;
  }
}
