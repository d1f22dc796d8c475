import { GATED_TYPES } from '../services/publication-gate';
import { dataObjectOf, documentIdOf, refuse } from '../../utils/validation';

const CONCLUSIONS = ['approved', 'rejected', 'needs-changes'];
const NOTE_LIMIT = 2000;

/** POST /disclosure/reviews: `{ data: { contentType, documentId, conclusion, note? } }`; who and when are never taken from here. */
export function validateReview(body: unknown): { contentType: string; documentId: string; conclusion: string; note: string | null } {
  const data = dataObjectOf(body);
  const types = [...GATED_TYPES];
  if (!types.includes(data.contentType)) refuse('contentType', `contentType 须为 ${types.join('、')} 之一 (contentType must be one of ${types.join(', ')})`);
  documentIdOf(data.documentId);
  if (!CONCLUSIONS.includes(data.conclusion)) refuse('conclusion', `审查结论须为 ${CONCLUSIONS.join('、')} 之一 (conclusion must be one of ${CONCLUSIONS.join(', ')})`);
  const note = data.note ?? null;
  if (note !== null && (typeof note !== 'string' || note.length > NOTE_LIMIT)) refuse('note', `审查意见最多 ${NOTE_LIMIT} 字 (note: text of at most ${NOTE_LIMIT} characters)`);
  for (const typed of ['reviewer', 'reviewedAt']) {
    if (typed in data) refuse(typed, `${typed} 由系统按当前登录的审核人和时间记录，不能填写 (${typed} is taken from your session and the clock)`);
  }
  return { contentType: data.contentType, documentId: data.documentId, conclusion: data.conclusion, note };
}
