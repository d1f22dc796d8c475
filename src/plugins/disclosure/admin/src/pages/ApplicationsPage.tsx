import * as React from 'react';
import { Button } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { ApplicationList, casePath } from '../components/applications/ApplicationList';
import { useListSearch } from '../components/applications/query';
import { RegisterModal } from '../components/applications/RegisterModal';
import { useT } from '../components/common';
import { PLUGIN_ID } from '../pluginId';

/**
 * 依申请公开: the cases of the organizations the admin may see (the server scopes them), by status
 * and urgency, and 登记申请 for an application received in person, by post or by fax.
 */
export const ApplicationsPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const { params } = useListSearch();
  const [registering, setRegistering] = React.useState(false);
  return (
    <Page.Main>
      <Page.Title>{t('applications.title', '依申请公开')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`/plugins/${PLUGIN_ID}`} />}
        title={t('applications.title', '依申请公开')}
        subtitle={t(
          'applications.subtitle',
          '政府信息公开申请的登记、办理、答复与归档；答复期限超期标红、即将到期标黄'
        )}
        primaryAction={
          <Button startIcon={<Plus />} onClick={() => setRegistering(true)}>
            {t('applications.register', '登记申请')}
          </Button>
        }
      />
      <Layouts.Content>
        <ApplicationList />
      </Layouts.Content>
      <RegisterModal
        open={registering}
        organization={params.organization}
        onClose={() => setRegistering(false)}
        onRegistered={(detail) => {
          setRegistering(false);
          navigate(casePath(detail.documentId));
        }}
      />
    </Page.Main>
  );
};
