import * as React from 'react';
import { Badge, Box, Typography } from '@strapi/design-system';
import { isFetchError } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { DeliveryStatus } from '../../../shared/contracts/syndication';
import type { Word } from '../../../shared/words';
import { getTranslation } from '../utils/getTranslation';

export type Translate = (
  id: string,
  defaultMessage: string,
  values?: Record<string, string | number>
) => string;

/** The plugin's formatMessage, stable across renders so it can sit in effect dependencies. */
export const useT = (): Translate => {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (id, defaultMessage, values) =>
      formatMessage({ id: getTranslation(id), defaultMessage }, values),
    [formatMessage]
  );
};

/** A stored code's word (shared/words.ts) in the admin's language: Chinese for any zh locale, else English. */
export const useWord = (): ((word: Word) => string) => {
  const { locale } = useIntl();
  const chinese = locale.toLowerCase().startsWith('zh');
  return React.useCallback((word: Word) => (chinese ? word['zh-Hans'] : word.en), [chinese]);
};

/**
 * A failed request's HTTP status. Strapi's fetch client (useFetchClient) rejects a refused request
 * with a FetchError that carries it, and the server's `{ error }` body; anything else (the network
 * down, an aborted request) has none.
 */
export const failureStatus = (failure: unknown): number | undefined =>
  isFetchError(failure) ? (failure.status ?? failure.response?.data?.error?.status) : undefined;

/** The server's `{ error: { message } }` of a failed request (a FetchError's body), if it sent one. */
export const serverErrorMessage = (failure: unknown): string | undefined =>
  isFetchError(failure) ? failure.response?.data?.error?.message : undefined;

/**
 * What went wrong, for the person at the screen: the server's `{ error: { message } }`; a 403 gets
 * its own text (by default the syndication pages') when the policy's message ("Policy Failed") does
 * not say who may do it.
 */
export const useFailureText = (forbidden?: string) => {
  const t = useT();
  return React.useCallback(
    (failure: unknown): string => {
      const status = failureStatus(failure);
      const message = serverErrorMessage(failure);
      // A policy's bare refusal says nothing; a refusal with its reason (a PolicyError) is shown as it is.
      if (status === 403 && (!message || /^(Policy Failed|Forbidden)$/i.test(message))) {
        return (
          forbidden ?? t('syndication.forbidden', '仅超级管理员可管理转载 (super admins only)')
        );
      }
      return message ?? (failure instanceof Error ? failure.message : String(failure));
    },
    [t, forbidden]
  );
};

export const ErrorBox = ({ message }: { message: string | null }) =>
  message ? (
    <Box background="danger100" padding={4} hasRadius marginBottom={4}>
      <Typography textColor="danger700">{message}</Typography>
    </Box>
  ) : null;

/** "a, b，c、d" → ["a", "b", "c", "d"]: editors type Chinese commas as often as ASCII ones. */
export const splitList = (text: string) =>
  text
    .split(/[,，、]/)
    .map((entry) => entry.trim())
    .filter(Boolean);

const DELIVERY_VARIANT: Record<DeliveryStatus, 'warning' | 'success' | 'danger' | 'secondary'> = {
  pending: 'warning',
  delivered: 'success',
  dead: 'danger',
  cancelled: 'secondary',
};

export const useDeliveryStatusLabels = (): Record<DeliveryStatus, string> => {
  const t = useT();
  return {
    pending: t('syndication.delivery.pending', '待投递'),
    delivered: t('syndication.delivery.delivered', '已送达'),
    dead: t('syndication.delivery.dead', '已停止重试'),
    cancelled: t('syndication.delivery.cancelled', '已取消'),
  };
};

export const DeliveryStatusBadge = ({ status }: { status: DeliveryStatus }) => {
  const labels = useDeliveryStatusLabels();
  return (
    <Badge variant={DELIVERY_VARIANT[status] ?? 'secondary'}>{labels[status] ?? status}</Badge>
  );
};
