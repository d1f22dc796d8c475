import * as React from 'react';
import { Badge, Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import type { GetSources, SyndicationSource } from '../../../../shared/contracts/syndication';
import { useDisclosureData } from '../../hooks/useDisclosureData';
import { ErrorBox, useT } from '../common';
import { DataTable } from '../DataTable';
import { SourceCreateModal, SourceEditModal, type SourceEdit } from './SourceModals';

/** 来源: the instances that push documents here, and what is done with what they push. */
export const SourcesTab = () => {
  const t = useT();
  const {
    data: sources,
    error,
    reload,
    setData: setSources,
  } = useDisclosureData<GetSources.Response>('/disclosure/sources');
  const [creating, setCreating] = React.useState(false);
  const [edit, setEdit] = React.useState<SourceEdit | null>(null);

  const policyLabel = (source: SyndicationSource) =>
    source.policy === 'publish'
      ? t('syndication.policy.publishShort', '立即发布')
      : t('syndication.policy.holdShort', '转载审核');

  return (
    <Box paddingTop={4}>
      <Flex justifyContent="space-between" marginBottom={4}>
        <Typography variant="pi" textColor="neutral600">
          {t(
            'syndication.sources.explain',
            '向本站推送文件的上级或其他站点；本站以其给出的密钥验证推送。'
          )}
        </Typography>
        <Button onClick={() => setCreating(true)}>
          {t('syndication.sources.create', '新增来源')}
        </Button>
      </Flex>
      <ErrorBox message={error} />
      {!sources && !error && <Loader small />}
      {sources && (
        <DataTable
          rows={sources}
          rowKey={(source) => source.id}
          empty={t('syndication.sources.none', '尚无来源。')}
          actionsHeader={t('syndication.actions', '操作')}
          rowActions={[
            {
              label: t('syndication.sources.edit', '编辑'),
              onClick: (source) => setEdit({ source, mode: 'settings' }),
            },
            {
              label: t('syndication.sources.addSecret', '添加新密钥'),
              variant: 'tertiary',
              onClick: (source) => setEdit({ source, mode: 'secret' }),
            },
          ]}
          columns={[
            {
              header: t('syndication.sources.name', '名称'),
              cell: (source) => (
                <>
                  <Typography fontWeight="bold">{source.name}</Typography>
                  {source.organizationCode && (
                    <Typography variant="pi"> · {source.organizationCode}</Typography>
                  )}
                </>
              ),
            },
            {
              header: t('syndication.sources.baseUrl', '来源网址'),
              cell: (source) => (
                <Typography variant="pi" style={{ wordBreak: 'break-all' }}>
                  {source.baseUrl ?? '—'}
                </Typography>
              ),
            },
            {
              header: t('syndication.sources.policy', '转载策略'),
              cell: (source) => (
                <Badge variant={source.policy === 'publish' ? 'primary' : 'warning'}>
                  {policyLabel(source)}
                </Badge>
              ),
            },
            {
              header: t('syndication.sources.secrets', '有效密钥'),
              cell: (source) => <Typography>{source.secretCount}</Typography>,
            },
            {
              header: t('syndication.active', '启用'),
              cell: (source) => (
                <Badge variant={source.active ? 'success' : 'neutral'}>
                  {source.active ? t('syndication.on', '已启用') : t('syndication.off', '已停用')}
                </Badge>
              ),
            },
          ]}
        />
      )}

      <SourceCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          reload();
        }}
      />
      <SourceEditModal
        edit={edit}
        onClose={() => setEdit(null)}
        onSaved={(updated) => {
          setEdit(null);
          setSources(
            (current) => current?.map((row) => (row.id === updated.id ? updated : row)) ?? null
          );
        }}
      />
    </Box>
  );
};
