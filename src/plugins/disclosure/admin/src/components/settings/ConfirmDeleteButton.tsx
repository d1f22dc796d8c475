import * as React from 'react';
import { Button, Dialog } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useT } from '../common';

/**
 * 删除, asked twice: settings take effect at once (a deleted holiday changes every deadline computed
 * after it), so a slip of the mouse must not do it.
 */
export const ConfirmDeleteButton = ({
  what,
  onConfirm,
}: {
  what: string;
  onConfirm: () => Promise<unknown>;
}) => {
  const t = useT();
  const [open, setOpen] = React.useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant="danger-light" size="S">
          {t('settings.delete', '删除')}
        </Button>
      </Dialog.Trigger>
      <ConfirmDialog
        title={t('settings.confirmDelete.title', '确认删除')}
        onConfirm={async () => {
          await onConfirm();
          setOpen(false);
        }}
      >
        {t('settings.confirmDelete.body', '确定删除“{what}”吗？删除后立即生效。', { what })}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
