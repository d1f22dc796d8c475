import * as React from 'react';
import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ApplicationDetail, LetterKind } from '../../../../shared/contracts/on-request';
import { ErrorBox, useFailureText, useT } from '../common';
import { DataTable } from '../DataTable';
import { useLetterLabels } from './words';

/** GET …/letters/:kind?format=text */
interface LetterText {
  data: { title: string; body: string };
}

/** The file name the server gives (Content-Disposition, RFC 6266 / 5987), if it gives one. */
export const fileNameOf = (disposition: string | null | undefined): string | null => {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Not percent-encoded after all: the plain name below, if any.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : null;
};

/**
 * A refused download's words: the fetch client reads no body for a file request, so a failure's
 * `{ error: { message } }` is read here from the blob.
 */
export const refusalOf = async (blob: Blob, status: number): Promise<string> => {
  try {
    const body = JSON.parse(await blob.text()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON: the status below.
  }
  return `HTTP ${status}`;
};

/** Hands a blob to the browser as a download. */
export const saveBlob = (blob: Blob, name: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // After the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

/**
 * 文书: the letters the case has sent or may send, each as a Word file to edit, print and stamp, or
 * as the text the applicant sees online (a preview).
 */
export const Letters = ({ detail }: { detail: ApplicationDetail }) => {
  const t = useT();
  const labels = useLetterLabels();
  const { get } = useFetchClient();
  const failureText = useFailureText(
    t('applications.forbidden', '您没有办理此事项的权限，请联系本机关政务公开工作机构')
  );
  const [busy, setBusy] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [preview, setPreview] = React.useState<LetterText['data'] | null>(null);

  const url = (kind: LetterKind) => `/disclosure/applications/${detail.documentId}/letters/${kind}`;

  const download = async (kind: LetterKind) => {
    setBusy(`docx-${kind}`);
    setError(null);
    try {
      const answer = await get(url(kind), {
        params: { format: 'docx' },
        responseType: 'blob',
        validateStatus: () => true,
      });
      const status = answer.status ?? 200;
      if (status >= 400) {
        setError(await refusalOf(answer.data, status));
        return;
      }
      const name =
        fileNameOf(answer.headers?.get('Content-Disposition')) ??
        `${detail.number} ${labels[kind]}.docx`;
      saveBlob(answer.data, name);
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setBusy(null);
    }
  };

  const show = async (kind: LetterKind) => {
    setBusy(`text-${kind}`);
    setError(null);
    try {
      const { data: answer } = await get<LetterText>(url(kind), { params: { format: 'text' } });
      setPreview(answer.data);
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <ErrorBox message={error} />
      <DataTable
        testId="application-letters"
        rows={[...detail.letters]}
        rowKey={(kind) => kind}
        empty={t('applications.letters.none', '本案尚无可生成的文书')}
        emptyTextColor="neutral600"
        actionsHeader={t('applications.actions', '操作')}
        rowActions={[
          {
            label: t('applications.letters.download', '下载（可编辑）'),
            onClick: (kind) => void download(kind),
            loading: (kind) => busy === `docx-${kind}`,
          },
          {
            label: t('applications.letters.preview', '预览'),
            variant: 'tertiary',
            onClick: (kind) => void show(kind),
            loading: (kind) => busy === `text-${kind}`,
          },
        ]}
        columns={[
          {
            header: t('applications.letters.kind', '文书'),
            cell: (kind) => <Typography data-letter={kind}>{labels[kind]}</Typography>,
          },
        ]}
      />

      <Modal.Root open={preview !== null} onOpenChange={(open) => !open && setPreview(null)}>
        <Modal.Content>
          <Modal.Header closeLabel={t('form.close', '关闭')}>
            <Modal.Title>{preview?.title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Box data-testid="letter-preview">
              <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                {preview?.body}
              </Typography>
            </Box>
          </Modal.Body>
          <Modal.Footer>
            <Flex justifyContent="flex-end" width="100%">
              <Modal.Close>
                <Button variant="tertiary">{t('form.close', '关闭')}</Button>
              </Modal.Close>
            </Flex>
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>
    </>
  );
};
