/** The content types whose rules the plugin enforces (defined by the app under src/api). */
export const CONTENT_TYPES = {
  organization: 'api::organization.organization',
  policyDocument: 'api::policy-document.policy-document',
  interpretation: 'api::interpretation.interpretation',
  consultation: 'api::consultation.consultation',
  consultationFeedback: 'api::consultation-feedback.consultation-feedback',
  pressRelease: 'api::press-release.press-release',
  publicConcern: 'api::public-concern.public-concern',
} as const;

/** Catalogue types municipal sites read through the public content API. */
export const PUBLIC_CONTENT_TYPES = [
  CONTENT_TYPES.organization,
  CONTENT_TYPES.policyDocument,
  CONTENT_TYPES.interpretation,
  CONTENT_TYPES.consultation,
  CONTENT_TYPES.pressRelease,
  CONTENT_TYPES.publicConcern,
] as const;

/** zh-Hans is the source; zh-Hant is the Traditional version municipal sites serve. */
export const LOCALES = [
  { code: 'zh-Hans', name: '简体中文 (zh-Hans)' },
  { code: 'zh-Hant', name: '繁體中文 (zh-Hant)' },
] as const;
export const LOCALE_CODES: readonly string[] = LOCALES.map((locale) => locale.code);
export const SOURCE_LOCALE = 'zh-Hans';
