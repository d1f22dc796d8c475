import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Modal,
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
  SaveConversionTerm,
} from '../../../../shared/contracts/settings';
import { useSettingsAccess } from '../../components/settings/access';
import { DataTable, ErrorBox, useT } from '../../components/common';
import { ConfirmDeleteButton } from '../../components/settings/ConfirmDeleteButton';

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
  const [form, setForm] = React.useState<Form>(EMPTY);
  const [error, setError] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    if (!open) return;
    setForm(term ? { kind: term.kind, simplified: term.simplified, traditional: term.traditional ?? '', note: term.note ?? '' } : EMPTY);
    setError(null);
  }, [open, term]);

  const submit = async () => {
    setSaving(true);
    const data = {
      kind: form.kind,
      simplified: form.simplified,
      // A protected term is kept as written: it has no traditional form to send.
      traditional: form.kind === 'phrase' ? form.traditional : null,
      note: form.note || null,
    };
    try {
      if (term) await put<SaveConversionTerm.Response>(`/disclosure/conversion-terms/${term.id}`, { data });
      else await post<SaveConversionTerm.Response>('/disclosure/conversion-terms', { data });
      onSaved();
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Modal.Content>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Modal.Header closeLabel={t('settings.close', '关闭')}>
            <Modal.Title>{term ? t('settings.dictionary.edit', '修改词条') : t('settings.dictionary.add', '新增词条')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <ErrorBox message={error} />
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="kind" required>
                <Field.Label>{t('settings.dictionary.kind', '类型')}</Field.Label>
                <SingleSelect value={form.kind} onChange={(kind) => setForm({ ...form, kind: kind as ConversionTermKind })}>
                  <SingleSelectOption value="phrase">{t('settings.dictionary.kind.phrase', '词组对照')}</SingleSelectOption>
                  <SingleSelectOption value="protected">{t('settings.dictionary.kind.protected', '保护词（人名、地名等，不转换）')}</SingleSelectOption>
                </SingleSelect>
              </Field.Root>
              <Field.Root name="simplified" required>
                <Field.Label>{t('settings.dictionary.simplified', '简体')}</Field.Label>
                <TextInput value={form.simplified} maxLength={50} onChange={(e: any) => setForm({ ...form, simplified: e.target.value })} />
              </Field.Root>
              {form.kind === 'phrase' && (
                <Field.Root name="traditional" required>
                  <Field.Label>{t('settings.dictionary.traditional', '繁体')}</Field.Label>
                  <TextInput value={form.traditional} maxLength={50} onChange={(e: any) => setForm({ ...form, traditional: e.target.value })} />
                </Field.Root>
              )}
              <Field.Root name="note">
                <Field.Label>{t('settings.dictionary.note', '备注')}</Field.Label>
                <TextInput value={form.note} maxLength={200} onChange={(e: any) => setForm({ ...form, note: e.target.value })} />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('settings.cancel', '取消')}</Button>
            </Modal.Close>
            <Button type="submit" loading={saving}>
              {t('settings.save', '保存')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};

/** 简繁转换词典: the office's phrase pairs and protected terms, laid over OpenCC, effective at once. */
const ConversionDictionaryPage = () => {
  const t = useT();
  const { canManage, failureText } = useSettingsAccess();
  const { get, del } = useFetchClient();
  const [terms, setTerms] = React.useState<ConversionTerm[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  // null: closed; 'new': adding; a term: editing it.
  const [editing, setEditing] = React.useState<ConversionTerm | 'new' | null>(null);

  const load = React.useCallback(() => {
    get<GetConversionTerms.Response>('/disclosure/conversion-terms')
      .then(({ data }) => (setTerms(data.data), setError(null)))
      .catch((failure) => setError(failureText(failure)));
  }, [get, failureText]);
  React.useEffect(load, [load]);

  const remove = (term: ConversionTerm) =>
    del(`/disclosure/conversion-terms/${term.id}`)
      .then(load)
      .catch((failure) => setError(failureText(failure)));

  return (
    <Page.Main>
      <Page.Title>{t('settings.dictionary.title', '简繁转换词典')}</Page.Title>
      <Layouts.Header
        title={t('settings.dictionary.title', '简繁转换词典')}
        subtitle={t('settings.dictionary.subtitle', '本单位的词组对照和保护词，优先于内置词典，双向生效，即改即用')}
        primaryAction={
          canManage ? <Button onClick={() => setEditing('new')}>{t('settings.dictionary.add', '新增词条')}</Button> : undefined
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
              columns={[
                {
                  header: t('settings.dictionary.kind', '类型'),
                  cell: (term) => (
                    <Badge variant={term.kind === 'phrase' ? 'primary' : 'secondary'}>
                      {term.kind === 'phrase' ? t('settings.dictionary.kind.phrase', '词组对照') : t('settings.dictionary.kind.protectedShort', '保护词')}
                    </Badge>
                  ),
                },
                { header: t('settings.dictionary.simplified', '简体'), cell: (term) => <Typography>{term.simplified}</Typography> },
                {
                  header: t('settings.dictionary.traditional', '繁体'),
                  cell: (term) => <Typography>{term.traditional ?? t('settings.dictionary.asWritten', '（保持原文）')}</Typography>,
                },
                { header: t('settings.dictionary.note', '备注'), cell: (term) => <Typography variant="pi">{term.note ?? '—'}</Typography> },
                {
                  header: t('settings.actions', '操作'),
                  cell: (term) =>
                    canManage && (
                      <Flex gap={2}>
                        <Button variant="secondary" size="S" onClick={() => setEditing(term)}>
                          {t('settings.edit', '修改')}
                        </Button>
                        <ConfirmDeleteButton what={term.simplified} onConfirm={() => remove(term)} />
                      </Flex>
                    ),
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
            load();
          }}
        />
      </Layouts.Content>
    </Page.Main>
  );
};

export default ConversionDictionaryPage;
