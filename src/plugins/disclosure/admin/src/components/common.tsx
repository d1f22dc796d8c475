import * as React from 'react';
import { Badge, Box, Table, Tbody, Td, Th, Thead, Tr, Typography, type TypographyProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { DeliveryStatus } from '../../../shared/contracts/syndication';
import { getTranslation } from '../utils/getTranslation';

export type Translate = (id: string, defaultMessage: string, values?: Record<string, string | number>) => string;

/** The plugin's formatMessage, stable across renders so it can sit in effect dependencies. */
export const useT = (): Translate => {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (id, defaultMessage, values) => formatMessage({ id: getTranslation(id), defaultMessage }, values),
    [formatMessage]
  );
};

/**
 * What went wrong, for the person at the screen: the server's `{ error: { message } }`; a 403 gets
 * its own text (by default the syndication pages') when the policy's message ("Policy Failed") does
 * not say who may do it.
 */
export const useFailureText = (forbidden?: string) => {
  const t = useT();
  return React.useCallback(
    (failure: any): string => {
      const status = failure?.status ?? failure?.response?.data?.error?.status;
      const message: string | undefined = failure?.response?.data?.error?.message;
      // A policy's bare refusal says nothing; a refusal with its reason (a PolicyError) is shown as it is.
      if (status === 403 && (!message || /^(Policy Failed|Forbidden)$/i.test(message))) {
        return forbidden ?? t('syndication.forbidden', '仅超级管理员可管理转载 (super admins only)');
      }
      return message ?? failure?.message ?? String(failure);
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
  return <Badge variant={DELIVERY_VARIANT[status] ?? 'secondary'}>{labels[status] ?? status}</Badge>;
};

/** Column headers, in the compliance page's style. */
export const HeaderCell = ({ children }: { children: React.ReactNode }) => <Typography variant="sigma">{children}</Typography>;

/** One column of a DataTable: its header's text (already translated) and what each row shows in it. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => React.ReactNode;
}

export interface DataTableProps<Row> {
  columns: Array<Column<Row>>;
  rows: Row[];
  rowKey: (row: Row) => React.Key;
  /** Shown instead of the table while there are no rows; without it an empty table is shown. */
  empty?: string;
  emptyTextColor?: TypographyProps['textColor'];
  /** The table's data-testid. */
  testId?: string;
  /** Every row's data-testid. */
  rowTestId?: string;
}

/** The design system's table with HeaderCell headers: one cell per column for each row. */
export const DataTable = <Row,>({ columns, rows, rowKey, empty, emptyTextColor, testId, rowTestId }: DataTableProps<Row>) =>
  rows.length === 0 && empty !== undefined ? (
    <Typography textColor={emptyTextColor}>{empty}</Typography>
  ) : (
    <Table colCount={columns.length} rowCount={rows.length + 1} data-testid={testId}>
      <Thead>
        <Tr>
          {columns.map((column, index) => (
            <Th key={index}>
              <HeaderCell>{column.header}</HeaderCell>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={rowKey(row)} data-testid={rowTestId}>
            {columns.map((column, index) => (
              <Td key={index}>{column.cell(row)}</Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
