import * as React from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { useT } from '../common';

export interface ShownSecret {
  subscriber: string;
  secret: string;
  rotated: boolean;
}

/**
 * A subscriber's new secret, shown this once: the server keeps no way to show it again. An alert
 * dialog, so a click beside it does not lose the secret before it is copied.
 */
export const SecretDialog = ({
  shown,
  onClose,
}: {
  shown: ShownSecret | null;
  onClose: () => void;
}) => {
  const t = useT();
  // Which secret was copied: a new secret shown is not copied yet.
  const [copiedSecret, setCopiedSecret] = React.useState<string | null>(null);
  const copied = !!shown && copiedSecret === shown.secret;

  const copy = () =>
    navigator.clipboard
      ?.writeText(shown?.secret ?? '')
      .then(() => setCopiedSecret(shown?.secret ?? null))
      .catch(() => setCopiedSecret(null));

  return (
    <Dialog.Root open={!!shown} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>
          {t('syndication.secret.title', '{name} 的签名密钥', { name: shown?.subscriber ?? '' })}
        </Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={3} width="100%">
            <Box background="warning100" padding={3} hasRadius>
              <Typography textColor="warning700">
                {t(
                  'syndication.secret.once',
                  '密钥仅显示这一次，关闭后无法再次查看。请复制并交给接收方门户网站，用于验证推送签名。'
                )}
              </Typography>
            </Box>
            {shown?.rotated && (
              <Typography variant="pi">
                {t(
                  'syndication.secret.rotated',
                  '旧密钥在接收方换用新密钥之前继续有效：这期间推送同时以新旧两个密钥签名。'
                )}
              </Typography>
            )}
            <Box background="neutral100" padding={3} hasRadius>
              <Typography
                fontWeight="bold"
                style={{ fontFamily: 'monospace', wordBreak: 'break-all', userSelect: 'all' }}
              >
                {shown?.secret}
              </Typography>
            </Box>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Button variant="tertiary" onClick={copy}>
            {copied
              ? t('syndication.secret.copied', '已复制')
              : t('syndication.secret.copy', '复制')}
          </Button>
          <Dialog.Action>
            <Button onClick={onClose}>{t('syndication.secret.done', '我已保存密钥')}</Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
