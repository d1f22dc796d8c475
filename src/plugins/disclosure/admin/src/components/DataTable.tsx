import * as React from 'react';
import {
  Button,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  type ButtonProps,
  type TypographyProps,
} from '@strapi/design-system';

/** Column headers, in the compliance page's style. */
export const HeaderCell = ({ children }: { children: React.ReactNode }) => (
  <Typography variant="sigma">{children}</Typography>
);

/** One column of a DataTable: its header's text (already translated) and what each row shows in it. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => React.ReactNode;
}

/**
 * A button in the row's actions cell (small; secondary unless told), or, for a control with more to it
 * (a delete asked twice), whatever `render` draws.
 */
export type RowAction<Row> =
  | {
      label: string;
      onClick: (row: Row) => void;
      variant?: ButtonProps['variant'];
      /** Rows it applies to (default: every row); the others show nothing in its place. */
      shown?: (row: Row) => boolean;
      /** Busy on this row (its request under way). */
      loading?: (row: Row) => boolean;
    }
  | { render: (row: Row) => React.ReactNode; shown?: (row: Row) => boolean };

export interface DataTableProps<Row> {
  columns: Array<Column<Row>>;
  rows: Row[];
  rowKey: (row: Row) => React.Key;
  /** Shown instead of the table while there are no rows; without it an empty table is shown. */
  empty?: string;
  emptyTextColor?: TypographyProps['textColor'];
  /** The last column's header: with it the table has an actions column, each row's `rowActions` side by side. */
  actionsHeader?: string;
  rowActions?: Array<RowAction<Row>>;
  /** The table's data-testid. */
  testId?: string;
  /** Every row's data-testid. */
  rowTestId?: string;
}

const ActionsCell = <Row,>({ row, actions }: { row: Row; actions: Array<RowAction<Row>> }) => {
  const shown = actions.filter((action) => action.shown?.(row) ?? true);
  if (shown.length === 0) return null;
  return (
    <Flex gap={2}>
      {shown.map((action, index) =>
        'render' in action ? (
          <React.Fragment key={index}>{action.render(row)}</React.Fragment>
        ) : (
          <Button
            key={index}
            size="S"
            variant={action.variant ?? 'secondary'}
            loading={action.loading?.(row)}
            onClick={() => action.onClick(row)}
          >
            {action.label}
          </Button>
        )
      )}
    </Flex>
  );
};

/**
 * The plugin's one table: the design system's table with HeaderCell headers, one cell per column for
 * each row, an actions column when asked for, and a line of text in place of a table with no rows.
 */
export const DataTable = <Row,>({
  columns,
  rows,
  rowKey,
  empty,
  emptyTextColor,
  actionsHeader,
  rowActions = [],
  testId,
  rowTestId,
}: DataTableProps<Row>) => {
  if (rows.length === 0 && empty !== undefined)
    return <Typography textColor={emptyTextColor}>{empty}</Typography>;
  const all: Array<Column<Row>> =
    actionsHeader === undefined
      ? columns
      : [
          ...columns,
          { header: actionsHeader, cell: (row) => <ActionsCell row={row} actions={rowActions} /> },
        ];
  return (
    <Table colCount={all.length} rowCount={rows.length + 1} data-testid={testId}>
      <Thead>
        <Tr>
          {all.map((column, index) => (
            <Th key={index}>
              <HeaderCell>{column.header}</HeaderCell>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={rowKey(row)} data-testid={rowTestId}>
            {all.map((column, index) => (
              <Td key={index}>{column.cell(row)}</Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
