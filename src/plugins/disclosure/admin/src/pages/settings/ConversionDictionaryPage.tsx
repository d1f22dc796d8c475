import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type {
  ConversionTerm,
  ConversionTermKind,
  GetConversionTerms,
  RemoveConversionTerm,
  SaveConversionTerm,
} from '../../../../shared/contracts/settings';
import { ErrorBox, useT } from '../../components/common';
import { DataTable } from '../../components/DataTable';
import { FormModal } from '../../components/FormModal';
import { useSettingsAccess } from '../../components/settings/access';
import { ConfirmDeleteButton } from '../../components/settings/ConfirmButton';
import { useDisclosureData } from '../../hooks/useDisclosureData';

interface Form {
  kind: ConversionTermKind;
  simplified: string;
  traditional: string;
  note: string;
}
const EMPTY: Form = { kind: 'phrase', simplified: '', traditional: '', note: '' };

/** Adds a term, or edits `term`; `open` is false while neither. */
const TermModal = ({
  open,
  term,
  onClose,
  onSaved,
}: {
  open: boolean;
  term: ConversionTerm | null;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const t = useT();
  const { failureText } = useSettingsAccess();
  const { post, put } = useFetchClient();

  const submit = async (form: Form) => {
    const data: SaveConversionTerm.Request['body']['data'] = {
      kind: form.kind,
      simplified: form.simplified,
      // A protected term is kept as written: it has no traditional form to send.
      traditional: form.kind === 'phrase' ? form.traditional : null,
      note: form.note || null,
    };
    if (term)
      await put<SaveConversionTerm.Response>(`/disclosure/conversion-terms/${term.id}`, { data });
    else await post<SaveConversionTerm.Response>('/disclosure/conversion-terms', { data });
    onSaved();
  };

  return (
    <FormModal
      open={open}
      title={
        term ? t('settings.dictionary.edit', '修改词条') : t('settings.dictionary.add', '新增词条')
      }
      initialValues={
        term
          ? {
              kind: term.kind,
              simplified: term.simplified,
              traditional: term.traditional ?? '',
              note: term.note ?? '',
            }
          : EMPTY
      }
      onClose={onClose}
      onSubmit={submit}
      errorText={failureText}
    >
      {({ values, set }) => (
        <>
          <Field.Root name="kind" required>
            <Field.Label>{t('settings.dictionary.kind', '类型')}</Field.Label>
            <SingleSelect
              value={values.kind}
              onChange={(kind) => set('kind', kind as ConversionTermKind)}
            >
              <SingleSelectOption value="phrase">
                {t('settings.dictionary.kind.phrase', '词组对照')}
              </SingleSelectOption>
              <SingleSelectOption value="protected">
                {t('settings.dictionary.kind.protected', '保护词（人名、地名等，不转换）')}
              </SingleSelectOption>
            </SingleSelect>
          </Field.Root>
          <Field.Root name="simplified" required>
            <Field.Label>{t('settings.dictionary.simplified', '简体')}</Field.Label>
            <TextInput
              value={values.simplified}
              maxLength={50}
              onChange={(e) => set('simplified', e.target.value)}
            />
          </Field.Root>
          {values.kind === 'phrase' && (
            <Field.Root name="traditional" required>
              <Field.Label>{t('settings.dictionary.traditional', '繁体')}</Field.Label>
              <TextInput
                value={values.traditional}
                maxLength={50}
                onChange={(e) => set('traditional', e.target.value)}
              />
            </Field.Root>
          )}
          <Field.Root name="note">
            <Field.Label>{t('settings.dictionary.note', '备注')}</Field.Label>
            <TextInput
              value={values.note}
              maxLength={200}
              onChange={(e) => set('note', e.target.value)}
            />
          </Field.Root>
        </>
      )}
    </FormModal>
  );
};

/** 简繁转换词典: the office's phrase pairs and protected terms, laid over OpenCC, effective at once. */
const ConversionDictionaryPage = () => {
  const t = useT();
  const { canManage, failureText } = useSettingsAccess();
  const { del } = useFetchClient();
  const {
    data: terms,
    error: loadError,
    reload,
  } = useDisclosureData<GetConversionTerms.Response>('/disclosure/conversion-terms', {
    errorText: failureText,
  });
  const [removeError, setRemoveError] = React.useState<string | null>(null);
  const error = removeError ?? loadError;
  // null: closed; 'new': adding; a term: editing it.
  const [editing, setEditing] = React.useState<ConversionTerm | 'new' | null>(null);

  const remove = (term: ConversionTerm) =>
    del<RemoveConversionTerm.Response>(`/disclosure/conversion-terms/${term.id}`)
      .then(() => {
        setRemoveError(null);
        return reload();
      })
      .catch((failure) => setRemoveError(failureText(failure)));

  return (
    <Page.Main>
      <Page.Title>{t('settings.dictionary.title', '简繁转换词典')}</Page.Title>
      <Layouts.Header
        title={t('settings.dictionary.title', '简繁转换词典')}
        subtitle={t(
          'settings.dictionary.subtitle',
          '本单位的词组对照和保护词，优先于内置词典，双向生效，即改即用'
        )}
        primaryAction={
          canManage ? (
            <Button onClick={() => setEditing('new')}>
              {t('settings.dictionary.add', '新增词条')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <ErrorBox message={error} />
        {!terms && !error && <Page.Loading />}
        {terms && (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <DataTable
              testId="conversion-terms-table"
              rows={terms}
              rowKey={(term) => term.id}
              empty={t('settings.dictionary.none', '词典中尚无本单位的词条。')}
              emptyTextColor="neutral600"
              actionsHeader={t('settings.actions', '操作')}
              rowActions={[
                { label: t('settings.edit', '修改'), onClick: setEditing, shown: () => canManage },
                {
                  render: (term) => (
                    <ConfirmDeleteButton what={term.simplified} onConfirm={() => remove(term)} />
                  ),
                  shown: () => canManage,
                },
              ]}
              columns={[
                {
                  header: t('settings.dictionary.kind', '类型'),
                  cell: (term) => (
                    <Badge variant={term.kind === 'phrase' ? 'primary' : 'secondary'}>
                      {term.kind === 'phrase'
                        ? t('settings.dictionary.kind.phrase', '词组对照')
                        : t('settings.dictionary.kind.protectedShort', '保护词')}
                    </Badge>
                  ),
                },
                {
                  header: t('settings.dictionary.simplified', '简体'),
                  cell: (term) => <Typography>{term.simplified}</Typography>,
                },
                {
                  header: t('settings.dictionary.traditional', '繁体'),
                  cell: (term) => (
                    <Typography>
                      {term.traditional ?? t('settings.dictionary.asWritten', '（保持原文）')}
                    </Typography>
                  ),
                },
                {
                  header: t('settings.dictionary.note', '备注'),
                  cell: (term) => <Typography variant="pi">{term.note ?? '—'}</Typography>,
                },
              ]}
            />
          </Box>
        )}
        <TermModal
          open={editing !== null}
          term={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      </Layouts.Content>
    </Page.Main>
  );
};

export default ConversionDictionaryPage;
