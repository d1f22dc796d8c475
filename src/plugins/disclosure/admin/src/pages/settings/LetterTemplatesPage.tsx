import * as React from 'react';
import { Badge, Box, Field, Flex, Textarea, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import {
  LETTER_PLACEHOLDERS,
  type GetLetterTemplates,
  type LetterTemplate,
  type ResetLetterTemplate,
  type SaveLetterTemplate,
} from '../../../../shared/contracts/on-request';
import {
  LETTER_KIND_WORDS,
  OUTCOME_REASON_WORDS,
  OUTCOME_WORDS,
  type Word,
} from '../../../../shared/words';
import { ErrorBox, useFailureText, useT, useWord, type Translate } from '../../components/common';
import { DataTable } from '../../components/DataTable';
import { FormModal } from '../../components/FormModal';
import { useSettingsAccess } from '../../components/settings/access';
import { ConfirmButton } from '../../components/settings/ConfirmButton';
import { useDisclosureData } from '../../hooks/useDisclosureData';

const BASE = '/disclosure/letter-templates';

/** The letters' names and table 3's rows, as the office knows them. */
const letterName = (
  t: Translate,
  word: (word: Word) => string,
  template: LetterTemplate
): string => {
  return [
    word(LETTER_KIND_WORDS[template.kind]),
    template.outcome && word(OUTCOME_WORDS[template.outcome]),
    template.reason && word(OUTCOME_REASON_WORDS[template.reason]),
  ]
    .filter(Boolean)
    .join(' · ');
};

interface Form {
  title: string;
  body: string;
}

/** The placeholders beside the text, to copy into it. */
const PlaceholderList = () => {
  const t = useT();
  return (
    <Box background="neutral100" padding={3} hasRadius minWidth="16rem">
      <Typography variant="sigma">{t('settings.letters.placeholders', '可用占位符')}</Typography>
      <Flex direction="column" alignItems="stretch" gap={1} paddingTop={2}>
        {LETTER_PLACEHOLDERS.map(({ name, label }) => (
          <Box key={name}>
            <Typography variant="pi" fontWeight="bold">{`{{${name}}}`}</Typography>
            <Typography variant="pi" textColor="neutral600">
              {' '}
              {label}
            </Typography>
          </Box>
        ))}
      </Flex>
    </Box>
  );
};

/** 依申请公开文书模板: each letter's wording, the built-in default until the office changes it. */
const LetterTemplatesPage = () => {
  const t = useT();
  const word = useWord();
  const { canManage } = useSettingsAccess();
  // Reading the wording needs the settings permission too (the letters are the office's to word).
  const failureText = useFailureText(
    t(
      'settings.letters.forbidden',
      '仅有管理政务公开设置权限的账号可查看和修改文书模板 (settings managers only)'
    )
  );
  const { put, del } = useFetchClient();
  const {
    data: templates,
    error: loadError,
    reload,
  } = useDisclosureData<GetLetterTemplates.Response>(BASE, { errorText: failureText });
  const [resetError, setResetError] = React.useState<string | null>(null);
  const [editing, setEditing] = React.useState<LetterTemplate | null>(null);
  const error = resetError ?? loadError;

  const save = async (form: Form) => {
    if (!editing) return;
    const data: SaveLetterTemplate.Request['body']['data'] = form;
    await put<SaveLetterTemplate.Response>(`${BASE}/${editing.key}`, { data });
    setEditing(null);
    await reload();
  };

  const reset = (template: LetterTemplate) =>
    del<ResetLetterTemplate.Response>(`${BASE}/${template.key}`)
      .then(() => {
        setResetError(null);
        return reload();
      })
      .catch((failure) => setResetError(failureText(failure)));

  return (
    <Page.Main>
      <Page.Title>{t('settings.letters.title', '依申请公开文书模板')}</Page.Title>
      <Layouts.Header
        title={t('settings.letters.title', '依申请公开文书模板')}
        subtitle={t(
          'settings.letters.subtitle',
          '登记回执、补正告知书、征求第三方意见函、延期答复告知书、收费通知书和各类答复书的措辞；未修改的使用内置默认措辞，修改后生成的文书即时采用'
        )}
      />
      <Layouts.Content>
        <ErrorBox message={error} />
        {!templates && !error && <Page.Loading />}
        {templates && (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <DataTable
              testId="letter-templates-table"
              rows={templates}
              rowKey={(template) => template.key}
              actionsHeader={t('settings.actions', '操作')}
              rowActions={[
                { label: t('settings.edit', '修改'), onClick: setEditing, shown: () => canManage },
                {
                  render: (template) => (
                    <ConfirmButton
                      label={t('settings.letters.reset', '恢复默认')}
                      title={t('settings.letters.reset.title', '确认恢复默认措辞')}
                      body={t(
                        'settings.letters.reset.body',
                        '确定将“{what}”恢复为默认措辞吗？本单位修改的措辞将被删除。',
                        { what: letterName(t, word, template) }
                      )}
                      onConfirm={() => reset(template)}
                    />
                  ),
                  shown: (template) => canManage && !template.isDefault,
                },
              ]}
              columns={[
                {
                  header: t('settings.letters.letter', '文书'),
                  cell: (template) => <Typography>{letterName(t, word, template)}</Typography>,
                },
                {
                  header: t('settings.letters.documentTitle', '标题'),
                  cell: (template) => <Typography>{template.title}</Typography>,
                },
                {
                  header: t('settings.letters.wording', '措辞'),
                  cell: (template) =>
                    template.isDefault ? (
                      <Badge>{t('settings.letters.default', '默认')}</Badge>
                    ) : (
                      <Badge variant="primary">{t('settings.letters.custom', '本单位修改')}</Badge>
                    ),
                },
              ]}
            />
          </Box>
        )}
        <FormModal<Form>
          open={editing !== null}
          title={
            editing
              ? t('settings.letters.edit', '修改“{what}”', { what: letterName(t, word, editing) })
              : ''
          }
          initialValues={{ title: editing?.title ?? '', body: editing?.body ?? '' }}
          onClose={() => setEditing(null)}
          onSubmit={save}
          errorText={failureText}
          canSubmit={(values) => values.title.trim() !== '' && values.body.trim() !== ''}
        >
          {({ values, set }) => (
            <Flex alignItems="flex-start" gap={4}>
              <Flex direction="column" alignItems="stretch" gap={4} flex="1">
                <Field.Root name="title" required>
                  <Field.Label>{t('settings.letters.documentTitle', '标题')}</Field.Label>
                  <TextInput
                    value={values.title}
                    maxLength={200}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      set('title', event.target.value)
                    }
                  />
                </Field.Root>
                <Field.Root
                  name="body"
                  required
                  hint={t(
                    'settings.letters.bodyHint',
                    '每行为一段；第一行为称谓（如“{salutation}”）。案件中尚无的内容在文书中留空（＿＿＿＿）以便手填。',
                    // Passed as a value: braces in the message itself would be read as ICU arguments.
                    { salutation: '{{applicantName}}：' }
                  )}
                >
                  <Field.Label>{t('settings.letters.body', '正文')}</Field.Label>
                  <Textarea
                    value={values.body}
                    rows={18}
                    maxLength={10000}
                    onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                      set('body', event.target.value)
                    }
                  />
                  <Field.Hint />
                </Field.Root>
              </Flex>
              <PlaceholderList />
            </Flex>
          )}
        </FormModal>
      </Layouts.Content>
    </Page.Main>
  );
};

export default LetterTemplatesPage;
