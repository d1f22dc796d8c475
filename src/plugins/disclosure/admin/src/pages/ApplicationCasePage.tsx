import { Badge, Flex, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import type { ApplicationDetail } from '../../../shared/contracts/on-request';
import { APPLICATION_STATUS_WORDS } from '../../../shared/words';
import { ApplicationView } from '../components/applications/ApplicationView';
import { useWord } from '../components/applications/words';
import { ErrorBox, useFailureText, useT } from '../components/common';
import { useDisclosureData } from '../hooks/useDisclosureData';
import { PLUGIN_ID } from '../pluginId';

/**
 * One 依申请公开 case. Opening it reads the applicant's personal data, which the server writes to the
 * ledger: it is loaded once, and each action's answer replaces it rather than loading it again.
 */
export const ApplicationCasePage = () => {
  const t = useT();
  const word = useWord();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const failureText = useFailureText(
    t('applications.forbidden', '您没有办理此事项的权限，请联系本机关政务公开工作机构')
  );
  const {
    data: detail,
    error,
    setData,
  } = useDisclosureData<{ data: ApplicationDetail }>(
    documentId ? `/disclosure/applications/${encodeURIComponent(documentId)}` : null,
    { resetOnChange: true, errorText: failureText }
  );
  const title = detail?.number ?? t('applications.case', '申请');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`/plugins/${PLUGIN_ID}/applications`} />}
        title={title}
        subtitle={
          detail ? (
            <Flex gap={2}>
              <Badge data-status={detail.status}>
                {word(APPLICATION_STATUS_WORDS[detail.status])}
              </Badge>
              <Typography variant="epsilon" textColor="neutral600">
                {detail.organization?.name ?? ''}
              </Typography>
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <ErrorBox message={error} />
        {!detail && !error && <Page.Loading />}
        {detail && <ApplicationView detail={detail} onChange={setData} />}
      </Layouts.Content>
    </Page.Main>
  );
};
