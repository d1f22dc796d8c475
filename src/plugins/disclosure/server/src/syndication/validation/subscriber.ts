import { isIsoDate } from '../../calendar/rules/beijing-time';
import { webAddress } from '../../../../shared/web-address';
import { dataObjectOf, refuse, requiredName } from '../../utils/validation';

export interface SubscriberInput {
  name?: string;
  endpointUrl?: string;
  organization?: string | null;
  scope?: 'must-syndicate' | 'categories';
  categories?: string[];
  topics?: string[];
  active?: boolean;
}

const stringList = (value: unknown, path: string): string[] => {
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string' || entry.length > 100) || value.length > 50) {
    refuse(path, `${path} 须为最多 50 项的文字列表 (${path} must be a list of at most 50 strings)`);
  }
  return value as string[];
};

/** A subscriber as an administrator enters it; `creating` requires name and endpoint. */
export function validateSubscriber(body: unknown, creating: boolean): SubscriberInput {
  const data = dataObjectOf(body);
  const result: SubscriberInput = {};
  if (data.name !== undefined || creating) {
    result.name = requiredName(data.name);
  }
  if (data.endpointUrl !== undefined || creating) {
    const url = webAddress(data.endpointUrl);
    if (!url) refuse('endpointUrl', '接收地址须为 http(s) 网址 (endpointUrl must be an http(s) URL)');
    result.endpointUrl = url!.toString();
  }
  if (data.scope !== undefined) {
    if (!['must-syndicate', 'categories'].includes(data.scope)) refuse('scope', 'scope 只能取 must-syndicate 或 categories (scope must be must-syndicate or categories)');
    result.scope = data.scope;
  }
  if (data.categories !== undefined) result.categories = stringList(data.categories, 'categories');
  if (data.topics !== undefined) result.topics = stringList(data.topics, 'topics');
  if (data.active !== undefined) {
    if (typeof data.active !== 'boolean') refuse('active', 'active 须为 true 或 false (active must be true or false)');
    result.active = data.active;
  }
  if (data.organization !== undefined) {
    if (data.organization !== null && (typeof data.organization !== 'string' || data.organization.length > 64)) {
      refuse('organization', 'organization 须为机构 documentId (organization must be an organization documentId)');
    }
    result.organization = data.organization;
  }
  return result;
}

export interface ResendInput {
  documentId?: string;
  since?: string;
}

/** What to send a subscriber again: one document, or everything changed since a Beijing date. */
export function validateResend(body: unknown): ResendInput {
  const data = dataObjectOf(body);
  const { documentId, since } = data;
  if (documentId !== undefined && (typeof documentId !== 'string' || !/^[a-z0-9]{1,64}$/.test(documentId))) {
    refuse('documentId', 'documentId 须为文件的 documentId (documentId must be a document id)');
  }
  if (since !== undefined && !isIsoDate(since)) {
    refuse('since', 'since 须为日期 YYYY-MM-DD (since must be a calendar date YYYY-MM-DD)');
  }
  if (!documentId && !since) refuse('documentId', '须给出 documentId 或 since 之一 (give a documentId or a since date)');
  return { documentId, since };
}
