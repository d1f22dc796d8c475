import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useLocation } from 'react-router-dom';
import { isAppContentType, TARGET_LOCALE } from '../../../shared/constants';
import type {
  GetTranslationLocks,
  RemoveTranslationLock,
} from '../../../shared/contracts/translation-locks';
import { useDisclosureData } from '../hooks/useDisclosureData';
import { getTranslation } from '../utils/getTranslation';

/**
 * Edit-view panel of a zh-Hant entry: which fields were corrected by hand (and so are no longer
 * converted), whether the zh-Hans source changed since, and a button to unlock.
 */
export const TraditionalLocksPanel = ({
  model,
  documentId,
}: {
  model: string;
  documentId?: string;
}) => {
  const { formatMessage } = useIntl();
  const { del } = useFetchClient();
  const { search } = useLocation();
  const locale = new URLSearchParams(search).get('plugins[i18n][locale]');
  const applies = Boolean(documentId) && locale === TARGET_LOCALE && isAppContentType(model);
  const params: GetTranslationLocks.Request['query'] | undefined = applies
    ? { contentType: model, documentId: documentId! }
    : undefined;
  // A failure shows no locks, as before any was made: the panel is a convenience, not a fault to report.
  const { data, reload } = useDisclosureData<GetTranslationLocks.Response>(
    applies ? '/disclosure/translation-locks' : null,
    {
      params,
      errorText: () => null,
    }
  );
  const locks = data ?? [];

  if (!applies) return null;
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(id), defaultMessage });

  return {
    title: t('locks.title', '繁体版人工校改'),
    content: (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%">
        {locks.length === 0 && (
          <Typography variant="pi">{t('locks.none', '所有字段均由简体版自动转换。')}</Typography>
        )}
        {locks.map((lock) => (
          <Flex key={lock.id} justifyContent="space-between" gap={2}>
            <Flex gap={2}>
              <Typography fontWeight="bold">{lock.field}</Typography>
              {lock.sourceChanged && (
                <Badge variant="warning">{t('locks.sourceChanged', '简体版已修改')}</Badge>
              )}
            </Flex>
            <Button
              variant="tertiary"
              size="S"
              onClick={() =>
                del<RemoveTranslationLock.Response>(
                  `/disclosure/translation-locks/${lock.id}`
                ).then(reload)
              }
            >
              {t('locks.unlock', '解锁并重新转换')}
            </Button>
          </Flex>
        ))}
      </Flex>
    ),
  };
};
