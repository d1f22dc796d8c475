import * as React from 'react';
import { Button, Flex, Modal } from '@strapi/design-system';
import { ErrorBox, useFailureText, useT } from './common';

export interface FormFields<Values> {
  values: Values;
  /** Sets one field. */
  set: <K extends keyof Values>(name: K, value: Values[K]) => void;
}

export interface FormModalProps<Values> {
  open: boolean;
  title: string;
  /** The values the form starts from, read each time it opens. */
  initialValues: Values;
  /** The fields, drawn from the values and `set`. */
  children: (fields: FormFields<Values>) => React.ReactNode;
  /**
   * Sends the form. While it runs the submit button is busy; a rejection is shown at the top of the
   * modal, which stays open. The caller closes it (onClose, or `open` false) when the answer is in.
   */
  onSubmit: (values: Values) => Promise<unknown>;
  onClose: () => void;
  /** The submit button's text (default 保存). */
  submitLabel?: string;
  /** Whether the form may be sent as it stands (default: always; the fields' own `required` still apply). */
  canSubmit?: (values: Values) => boolean;
  /** A failure in words (default: useFailureText, the server's message). */
  errorText?: (failure: unknown) => string;
}

/**
 * The body lives only while the modal is open (the dialog's content is unmounted when closed), so its
 * state starts from `initialValues`, with no error, every time the modal opens.
 */
const FormModalBody = <Values,>({
  title,
  initialValues,
  children,
  onSubmit,
  submitLabel,
  canSubmit,
  errorText,
}: FormModalProps<Values>) => {
  const t = useT();
  const failureText = useFailureText();
  const [values, setValues] = React.useState<Values>(initialValues);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const set = React.useCallback(
    <K extends keyof Values>(name: K, value: Values[K]) =>
      setValues((current) => ({ ...current, [name]: value })),
    []
  );

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (failure) {
      setError((errorText ?? failureText)(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit}>
      <Modal.Header closeLabel={t('form.close', '关闭')}>
        <Modal.Title>{title}</Modal.Title>
      </Modal.Header>
      <Modal.Body>
        <ErrorBox message={error} />
        <Flex direction="column" alignItems="stretch" gap={4}>
          {children({ values, set })}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">{t('form.cancel', '取消')}</Button>
        </Modal.Close>
        <Button type="submit" loading={busy} disabled={canSubmit ? !canSubmit(values) : false}>
          {submitLabel ?? t('form.save', '保存')}
        </Button>
      </Modal.Footer>
    </form>
  );
};

/** The plugin's one form in a modal: title, fields, 取消, and a submit button with busy state and error display. */
export const FormModal = <Values,>(props: FormModalProps<Values>) => (
  <Modal.Root open={props.open} onOpenChange={(next) => !next && props.onClose()}>
    <Modal.Content>
      <FormModalBody {...props} />
    </Modal.Content>
  </Modal.Root>
);
