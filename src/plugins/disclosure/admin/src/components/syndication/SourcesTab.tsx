import * as React from 'react';
import { Badge, Box, Button, Flex, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { GetSources, SyndicationSource } from '../../../../shared/contracts/syndication';
import { ErrorBox, HeaderCell, useFailureText, useT } from '../common';
import { SourceCreateModal, SourceEditModal, type SourceEdit } from './SourceModals';

/** 来源: the instances that push documents here, and what is done with what they push. */
export const SourcesTab = () => {
  const t = useT();
  const failureText = useFailureText();
  const { get } = useFetchClient();
  const [sources, setSources] = React.useState<SyndicationSource[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [creating, setCreating] = React.useState(false);
  const [edit, setEdit] = React.useState<SourceEdit | null>(null);

  const load = React.useCallback(() => {
    get<GetSources.Response>('/disclosure/sources')
      .then(({ data }) => (setSources(data.data), setError(null)))
      .catch((failure) => setError(failureText(failure)));
  }, [get, failureText]);
  React.useEffect(load, [load]);

  const policyLabel = (source: SyndicationSource) =>
    source.policy === 'publish' ? t('syndication.policy.publishShort', '立即发布') : t('syndication.policy.holdShort', '转载审核');

  return (
    <Box paddingTop={4}>
      <Flex justifyContent="space-between" marginBottom={4}>
        <Typography variant="pi" textColor="neutral600">
          {t('syndication.sources.explain', '向本站推送文件的上级或其他站点；本站以其给出的密钥验证推送。')}
        </Typography>
        <Button onClick={() => setCreating(true)}>{t('syndication.sources.create', '新增来源')}</Button>
      </Flex>
      <ErrorBox message={error} />
      {!sources && !error && <Loader small />}
      {sources && sources.length === 0 && <Typography>{t('syndication.sources.none', '尚无来源。')}</Typography>}
      {sources && sources.length > 0 && (
        <Table colCount={6} rowCount={sources.length + 1}>
          <Thead>
            <Tr>
              <Th><HeaderCell>{t('syndication.sources.name', '名称')}</HeaderCell></Th>
              <Th><HeaderCell>{t('syndication.sources.baseUrl', '来源网址')}</HeaderCell></Th>
              <Th><HeaderCell>{t('syndication.sources.policy', '转载策略')}</HeaderCell></Th>
              <Th><HeaderCell>{t('syndication.sources.secrets', '有效密钥')}</HeaderCell></Th>
              <Th><HeaderCell>{t('syndication.active', '启用')}</HeaderCell></Th>
              <Th><HeaderCell>{t('syndication.actions', '操作')}</HeaderCell></Th>
            </Tr>
          </Thead>
          <Tbody>
            {sources.map((source) => (
              <Tr key={source.id}>
                <Td>
                  <Typography fontWeight="bold">{source.name}</Typography>
                  {source.organizationCode && <Typography variant="pi"> · {source.organizationCode}</Typography>}
                </Td>
                <Td><Typography variant="pi" style={{ wordBreak: 'break-all' }}>{source.baseUrl ?? '—'}</Typography></Td>
                <Td>
                  <Badge variant={source.policy === 'publish' ? 'primary' : 'warning'}>{policyLabel(source)}</Badge>
                </Td>
                <Td><Typography>{source.secretCount}</Typography></Td>
                <Td>
                  <Badge variant={source.active ? 'success' : 'neutral'}>
                    {source.active ? t('syndication.on', '已启用') : t('syndication.off', '已停用')}
                  </Badge>
                </Td>
                <Td>
                  <Flex gap={2}>
                    <Button variant="secondary" size="S" onClick={() => setEdit({ source, mode: 'settings' })}>
                      {t('syndication.sources.edit', '编辑')}
                    </Button>
                    <Button variant="tertiary" size="S" onClick={() => setEdit({ source, mode: 'secret' })}>
                      {t('syndication.sources.addSecret', '添加新密钥')}
                    </Button>
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}

      <SourceCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          load();
        }}
      />
      <SourceEditModal
        edit={edit}
        onClose={() => setEdit(null)}
        onSaved={(updated) => {
          setEdit(null);
          setSources((current) => current?.map((row) => (row.id === updated.id ? updated : row)) ?? null);
        }}
      />
    </Box>
  );
};
