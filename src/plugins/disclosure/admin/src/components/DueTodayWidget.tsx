import * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type { GetDueToday, TrackedItem } from '../../../shared/contracts/compliance';
import { useFailureText, useT } from './syndication/common';

/** Homepage widget: what falls due today (Beijing) for the signed-in account's organizations. */
export const DueTodayWidget = () => {
  const t = useT();
  const failureText = useFailureText();
  const { get } = useFetchClient();
  const [items, setItems] = React.useState<TrackedItem[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let cancelled = false;
    get<GetDueToday.Response>('/disclosure/due-today')
      .then(({ data }) => !cancelled && setItems(data.data.items))
      .catch((failure: any) => !cancelled && setError(failureText(failure)));
    return () => {
      cancelled = true;
    };
  }, [failureText, get]);

  return (
    <Box data-testid="due-today-widget" width="100%">
      {error && <Typography textColor="danger600">{error}</Typography>}
      {!items && !error && <Typography variant="pi">{t('panel.loading', '加载中…')}</Typography>}
      {items?.length === 0 && <Typography>{t('dueToday.none', '今日没有到期条目')}</Typography>}
      <Flex direction="column" alignItems="stretch" gap={2}>
        {items?.map((item) => (
          <Flex key={`${item.documentId}-${item.rule}`} justifyContent="space-between" gap={2} data-testid="due-today-item">
            <Link to={item.editPath.replace(/^\/admin/, '')}>
              <Typography textColor="primary600" ellipsis>
                {item.title ?? item.documentId}
              </Typography>
            </Link>
            <Flex gap={1}>
              {item.atRisk && <Badge variant="warning">{t('status.atRisk', '即将到期')}</Badge>}
              <Typography variant="pi" textColor="neutral600">
                {item.organization?.name ?? ''}
              </Typography>
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Box>
  );
};
