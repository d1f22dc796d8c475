import * as React from 'react';
import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useLocation } from 'react-router-dom';
import { getTranslation } from '../utils/getTranslation';

interface Lock {
  id: number;
  field: string;
  lockedAt: string;
  sourceChanged: boolean;
}

/**
 * Edit-view panel of a zh-Hant entry: which fields were corrected by hand (and so are no longer
 * converted), whether the zh-Hans source changed since, and a button to unlock.
 */
export const TraditionalLocksPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  const { formatMessage } = useIntl();
  const { get, del } = useFetchClient();
  const { search } = useLocation();
  const locale = new URLSearchParams(search).get('plugins[i18n][locale]');
  const [locks, setLocks] = React.useState<Lock[]>([]);

  const load = React.useCallback(() => {
    if (!documentId || locale !== 'zh-Hant') return;
    get<{ data: Lock[] }>('/disclosure/translation-locks', { params: { contentType: model, documentId } })
      .then(({ data }) => setLocks(data.data))
      .catch(() => setLocks([]));
  }, [documentId, get, locale, model]);
  React.useEffect(load, [load]);

  if (!documentId || locale !== 'zh-Hant' || !model.startsWith('api::')) return null;
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  return {
    title: t('locks.title', '繁体版人工校改'),
    content: (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%">
        {locks.length === 0 && <Typography variant="pi">{t('locks.none', '所有字段均由简体版自动转换。')}</Typography>}
        {locks.map((lock) => (
          <Flex key={lock.id} justifyContent="space-between" gap={2}>
            <Flex gap={2}>
              <Typography fontWeight="bold">{lock.field}</Typography>
              {lock.sourceChanged && <Badge variant="warning">{t('locks.sourceChanged', '简体版已修改')}</Badge>}
            </Flex>
            <Button variant="tertiary" size="S" onClick={() => del(`/disclosure/translation-locks/${lock.id}`).then(load)}>
              {t('locks.unlock', '解锁并重新转换')}
            </Button>
          </Flex>
        ))}
      </Flex>
    ),
  };
};
