import { SECRET_PREFIX } from '../rules/webhook-signature';
import { webAddress } from '../../../../shared/web-address';
import { dataObjectOf, refuse, requiredName } from '../../utils/validation';

export interface SourceInput {
  name?: string;
  organizationCode?: string | null;
  baseUrl?: string | null;
  /** A secret the source issued for this portal; added in front of the ones held (key rotation) */
  secret?: string;
  policy?: 'publish' | 'hold';
  active?: boolean;
}

/** At least this many key bytes, as the source's own generator issues 24. */
const MIN_SECRET_BYTES = 16;

/** A syndication source (转载来源) as an administrator enters it; `creating` requires name and secret. */
export function validateSource(body: unknown, creating: boolean): SourceInput {
  const data = dataObjectOf(body);
  const result: SourceInput = {};
  if (data.name !== undefined || creating) {
    result.name = requiredName(data.name);
  }
  if (data.organizationCode !== undefined && data.organizationCode !== null) {
    if (typeof data.organizationCode !== 'string' || !/^[0-9A-Za-z-]{1,64}$/.test(data.organizationCode)) {
      refuse('organizationCode', '机构代码须为最多 64 位的字母、数字或连字符 (organizationCode: at most 64 letters, digits or hyphens)');
    }
  }
  if (data.organizationCode !== undefined) result.organizationCode = data.organizationCode;
  if (data.baseUrl !== undefined && data.baseUrl !== null) {
    const url = webAddress(data.baseUrl);
    if (!url) refuse('baseUrl', '来源网址须为 http(s) 网址，如 https://www.example.gov.cn (baseUrl must be an http(s) URL)');
    result.baseUrl = url!.toString().replace(/\/$/, '');
  } else if (data.baseUrl === null) {
    result.baseUrl = null;
  }
  if (data.secret !== undefined || creating) {
    const secret = data.secret;
    const key = typeof secret === 'string' && secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : '';
    const valid = /^[A-Za-z0-9+/]+={0,2}$/.test(key) && Buffer.from(key, 'base64').length >= MIN_SECRET_BYTES && secret.length <= 200;
    if (!valid) {
      refuse('secret', `密钥须为来源站点给出的 ${SECRET_PREFIX}… 密钥，至少 ${MIN_SECRET_BYTES} 字节 (secret must be the ${SECRET_PREFIX}… key the source issued, at least ${MIN_SECRET_BYTES} bytes)`);
    }
    result.secret = secret;
  }
  if (data.policy !== undefined) {
    if (!['publish', 'hold'].includes(data.policy)) refuse('policy', 'policy 只能取 publish（立即发布）或 hold（转载审核） (policy must be publish or hold)');
    result.policy = data.policy;
  }
  if (data.active !== undefined) {
    if (typeof data.active !== 'boolean') refuse('active', 'active 须为 true 或 false (active must be true or false)');
    result.active = data.active;
  }
  return result;
}
