import { dataObjectOf, refuse } from '../../utils/validation';

/** Limits stated to the person writing, in the refusal. */
export const FEEDBACK_LIMITS = { content: 5000, submitterName: 100, submitterContact: 200 } as const;

export interface FeedbackInput {
  content: string;
  submitterName: string | null;
  submitterContact: string | null;
}

const optionalText = (value: unknown, field: 'submitterName' | 'submitterContact', label: string): string | null => {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.trim().length > FEEDBACK_LIMITS[field]) {
    refuse(field, `${label}最多 ${FEEDBACK_LIMITS[field]} 字 (${field} is at most ${FEEDBACK_LIMITS[field]} characters)`);
  }
  return (value as string).trim() || null;
};

/** An opinion submitted to a consultation (意见征集): the text required, name and contact optional. */
export function validateFeedback(body: unknown): FeedbackInput {
  const data = dataObjectOf(body);
  const unknown = Object.keys(data).filter((key) => !['content', 'submitterName', 'submitterContact'].includes(key));
  if (unknown.length) refuse(unknown[0], `不接受的字段：${unknown.join('、')}；只接受 content、submitterName、submitterContact (unknown fields)`);
  const content = typeof data.content === 'string' ? data.content.trim() : '';
  if (!content) refuse('content', '意见内容必填 (content is required)');
  if (content.length > FEEDBACK_LIMITS.content) {
    refuse('content', `意见内容最多 ${FEEDBACK_LIMITS.content} 字，现为 ${content.length} 字 (content is at most ${FEEDBACK_LIMITS.content} characters; this has ${content.length})`);
  }
  return {
    content,
    submitterName: optionalText(data.submitterName, 'submitterName', '姓名'),
    submitterContact: optionalText(data.submitterContact, 'submitterContact', '联系方式'),
  };
}
