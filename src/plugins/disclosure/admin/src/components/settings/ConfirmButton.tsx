import * as React from 'react';
import { Button, Dialog } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useT } from '../common';

/**
 * A button whose action is asked twice: settings take effect at once (a deleted holiday changes every
 * deadline computed after it, a reset letter loses the office's wording), so a slip of the mouse must
 * not do it.
 */
export const ConfirmButton = ({
  label,
  title,
  body,
  onConfirm,
}: {
  label: string;
  title: string;
  body: string;
  onConfirm: () => Promise<unknown>;
}) => {
  const [open, setOpen] = React.useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant="danger-light" size="S">
          {label}
        </Button>
      </Dialog.Trigger>
      <ConfirmDialog
        title={title}
        onConfirm={async () => {
          await onConfirm();
          setOpen(false);
        }}
      >
        {body}
      </ConfirmDialog>
    </Dialog.Root>
  );
};

/** 删除, asked twice. */
export const ConfirmDeleteButton = ({
  what,
  onConfirm,
}: {
  what: string;
  onConfirm: () => Promise<unknown>;
}) => {
  const t = useT();
  return (
    <ConfirmButton
      label={t('settings.delete', '删除')}
      title={t('settings.confirmDelete.title', '确认删除')}
      body={t('settings.confirmDelete.body', '确定删除“{what}”吗？删除后立即生效。', { what })}
      onConfirm={onConfirm}
    />
  );
};
