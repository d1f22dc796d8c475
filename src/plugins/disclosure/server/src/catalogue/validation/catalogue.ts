import { LOCALE_CODES as CODES, SOURCE_LOCALE } from '../../../../shared/constants';
import { inOrder, nullAsAbsent, oneOf } from '../../utils/validation';

/** GET /catalogue/counts: `locale` is one of the catalogue's scripts (zh-Hans when absent). */
export const countsQuery = inOrder({
  locale: oneOf(
    CODES,
    `参数 locale 须为 ${CODES.join(' 或 ')} (locale must be one of ${CODES.join(', ')})`
  )
    .transform(nullAsAbsent)
    .default(SOURCE_LOCALE),
});
