import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import type { GetDueToday } from '../../../shared/contracts/compliance';
import { useDisclosureData } from '../hooks/useDisclosureData';
import { useT } from './common';

/** Homepage widget: what falls due today (Beijing) for the signed-in account's organizations. */
export const DueTodayWidget = () => {
  const t = useT();
  const { data, error } = useDisclosureData<GetDueToday.Response>('/disclosure/due-today');
  const items = data?.items ?? null;

  return (
    <Box data-testid="due-today-widget" width="100%">
      {error && <Typography textColor="danger600">{error}</Typography>}
      {!items && !error && <Typography variant="pi">{t('panel.loading', '加载中…')}</Typography>}
      {items?.length === 0 && <Typography>{t('dueToday.none', '今日没有到期条目')}</Typography>}
      <Flex direction="column" alignItems="stretch" gap={2}>
        {items?.map((item) => (
          <Flex
            key={`${item.documentId}-${item.rule}`}
            justifyContent="space-between"
            gap={2}
            data-testid="due-today-item"
          >
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
