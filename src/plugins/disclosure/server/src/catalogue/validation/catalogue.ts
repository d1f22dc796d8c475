import { LOCALE_CODES as CODES, SOURCE_LOCALE } from '../../../../shared/constants';
import { refuse } from '../../utils/validation';

/** GET /catalogue/counts: `locale` is one of the catalogue's scripts (zh-Hans when absent). */
export function validateCountsQuery(query: Record<string, unknown>): { locale: string } {
  const locale = query.locale ?? SOURCE_LOCALE;
  if (typeof locale !== 'string' || !CODES.includes(locale)) {
    refuse('locale', `参数 locale 须为 ${CODES.join(' 或 ')} (locale must be one of ${CODES.join(', ')})`);
  }
  return { locale: locale as string };
}
