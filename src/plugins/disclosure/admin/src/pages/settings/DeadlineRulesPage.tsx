import { Box, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { CONTENT_TYPES } from '../../../../shared/constants';
import type { GetDeadlineRules } from '../../../../shared/contracts/settings';
import { ErrorBox, useT } from '../../components/common';
import { DataTable } from '../../components/DataTable';
import { useSettingsAccess } from '../../components/settings/access';
import { useDisclosureData } from '../../hooks/useDisclosureData';
import { deadlineLength } from '../../utils/format';

/** 公开时限规则, as configured (config/plugins.ts `deadlineRules`, else the built-in rules): read-only. */
const DeadlineRulesPage = () => {
  const t = useT();
  const { failureText } = useSettingsAccess();
  const { data: rules, error } = useDisclosureData<GetDeadlineRules.Response>(
    '/disclosure/deadline-rules',
    { errorText: failureText }
  );

  const typeNames: Record<string, string> = {
    [CONTENT_TYPES.policyDocument]: t('settings.rules.type.policyDocument', '政策文件'),
    [CONTENT_TYPES.interpretation]: t('settings.rules.type.interpretation', '政策解读'),
    [CONTENT_TYPES.consultation]: t('settings.rules.type.consultation', '意见征集'),
    [CONTENT_TYPES.pressRelease]: t('settings.rules.type.pressRelease', '新闻发布'),
    [CONTENT_TYPES.publicConcern]: t('settings.rules.type.publicConcern', '政务舆情回应'),
  };

  return (
    <Page.Main>
      <Page.Title>{t('settings.rules.title', '公开时限规则')}</Page.Title>
      <Layouts.Header
        title={t('settings.rules.title', '公开时限规则')}
        subtitle={t(
          'settings.rules.subtitle',
          '当前生效的规则（只读；在 config/plugins.ts 的 deadlineRules 中配置）'
        )}
      />
      <Layouts.Content>
        <ErrorBox message={error} />
        {!rules && !error && <Page.Loading />}
        {rules && (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <DataTable
              testId="deadline-rules-table"
              rows={rules}
              rowKey={(rule) => rule.id}
              columns={[
                {
                  header: t('settings.rules.label', '规则'),
                  cell: (rule) => (
                    <>
                      <Typography>{rule.label}</Typography>
                      <Typography variant="pi" textColor="neutral600">
                        {' '}
                        · {rule.id}
                      </Typography>
                    </>
                  ),
                },
                {
                  header: t('settings.rules.type', '内容类型'),
                  cell: (rule) => (
                    <Typography>{typeNames[rule.contentType] ?? rule.contentType}</Typography>
                  ),
                },
                {
                  header: t('settings.rules.length', '时限'),
                  cell: (rule) => <Typography>{deadlineLength(rule.length, t)}</Typography>,
                },
                {
                  header: t('settings.rules.urgentLength', '紧急事项时限'),
                  cell: (rule) => <Typography>{deadlineLength(rule.urgentLength, t)}</Typography>,
                },
                {
                  header: t('settings.rules.source', '依据'),
                  cell: (rule) => <Typography variant="pi">{rule.source}</Typography>,
                },
              ]}
            />
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default DeadlineRulesPage;
