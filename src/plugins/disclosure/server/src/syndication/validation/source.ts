import { yup } from '@strapi/utils';
import type { SourcePolicy } from '../../../../shared/contracts/syndication';
import { SECRET_PREFIX } from '../rules/webhook-signature';
import {
  asSent,
  displayName,
  httpAddress,
  inOrder,
  NAME_MESSAGE,
  oneOf,
  organizationCode,
  requestBody,
  trueOrFalse,
} from '../../utils/validation';

export interface SourceInput {
  name?: string;
  organizationCode?: string | null;
  baseUrl?: string | null;
  /** A secret the source issued for this portal; added in front of the ones held (key rotation) */
  secret?: string;
  policy?: SourcePolicy;
  active?: boolean;
}

/** At least this many key bytes, as the source's own generator issues 24. */
const MIN_SECRET_BYTES = 16;
const SECRET_MESSAGE = `密钥须为来源站点给出的 ${SECRET_PREFIX}… 密钥，至少 ${MIN_SECRET_BYTES} 字节 (secret must be the ${SECRET_PREFIX}… key the source issued, at least ${MIN_SECRET_BYTES} bytes)`;

/** A secret as the source issued it: the prefix, then at least MIN_SECRET_BYTES of base64 key. */
const isSourceSecret = (secret: string): boolean => {
  const key = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : '';
  return (
    /^[A-Za-z0-9+/]+={0,2}$/.test(key) &&
    Buffer.from(key, 'base64').length >= MIN_SECRET_BYTES &&
    secret.length <= 200
  );
};

const sourceFields = {
  name: displayName,
  organizationCode: organizationCode(
    64,
    '机构代码须为最多 64 位的字母、数字或连字符 (organizationCode: at most 64 letters, digits or hyphens)'
  ).nullable(),
  baseUrl: httpAddress(
    '来源网址须为 http(s) 网址，如 https://www.example.gov.cn (baseUrl must be an http(s) URL)',
    (url) => url.toString().replace(/\/$/, '')
  ).nullable(),
  secret: yup
    .string()
    .transform(asSent)
    .typeError(SECRET_MESSAGE)
    .test(
      'source-secret',
      SECRET_MESSAGE,
      (secret) => secret === undefined || isSourceSecret(secret)
    ),
  policy: oneOf<SourcePolicy>(
    ['publish', 'hold'],
    'policy 只能取 publish（立即发布）或 hold（转载审核） (policy must be publish or hold)'
  ),
  active: trueOrFalse('active'),
};

/** POST /disclosure/sources: a syndication source (转载来源) as an administrator enters it, with its name and secret. */
export const createSourceBody = requestBody(
  inOrder({
    ...sourceFields,
    name: sourceFields.name.required(NAME_MESSAGE),
    secret: sourceFields.secret.required(SECRET_MESSAGE),
  })
);

/** PUT /disclosure/sources/:id: only the fields given change. */
export const updateSourceBody = requestBody(inOrder(sourceFields));
