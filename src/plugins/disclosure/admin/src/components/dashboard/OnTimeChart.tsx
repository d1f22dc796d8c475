import { Box, Typography } from '@strapi/design-system';
import type { ComplianceReport } from '../../../../shared/contracts/compliance';
import { percent } from '../../utils/format';

type Row = ComplianceReport['onTimeRate']['byOrganization'][number];

const BAR_HEIGHT = 18;
const GAP = 10;
const LABEL_WIDTH = 190;
const BAR_WIDTH = 420;
const TARGET = 0.9;

/**
 * Per-organization on-time rate (按时公开率) as a horizontal bar chart: green at or above the 90% an
 * audit expects, red below, grey while nothing is decided. Plain SVG: no chart library for one chart.
 */
export const OnTimeChart = ({ rows, noOrganization }: { rows: Row[]; noOrganization: string }) => {
  const height = rows.length * (BAR_HEIGHT + GAP) + GAP;
  const label = (row: Row) =>
    `${row.organization?.name ?? noOrganization}：${percent(row.rate)}（${row.met}/${row.met + row.late + row.overdue}）`;
  return (
    <Box marginTop={4} overflow="auto">
      {rows.length === 0 ? null : (
        <svg
          data-testid="on-time-chart"
          role="img"
          aria-label={rows.map(label).join('；')}
          width={LABEL_WIDTH + BAR_WIDTH + 140}
          height={height}
          viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 140} ${height}`}
        >
          <line
            x1={LABEL_WIDTH + BAR_WIDTH * TARGET}
            x2={LABEL_WIDTH + BAR_WIDTH * TARGET}
            y1={0}
            y2={height}
            stroke="#8e8ea9"
            strokeDasharray="4 3"
          />
          {rows.map((row, index) => {
            const y = GAP + index * (BAR_HEIGHT + GAP);
            const fill = row.rate === null ? '#c0c0cf' : row.rate < TARGET ? '#d02b20' : '#328048';
            return (
              <g key={row.organization?.documentId ?? 'none'}>
                <title>{label(row)}</title>
                <text
                  x={LABEL_WIDTH - 8}
                  y={y + BAR_HEIGHT - 4}
                  textAnchor="end"
                  fontSize="13"
                  fill="#32324d"
                >
                  {(row.organization?.name ?? noOrganization).slice(0, 14)}
                </text>
                <rect
                  x={LABEL_WIDTH}
                  y={y}
                  width={BAR_WIDTH}
                  height={BAR_HEIGHT}
                  rx={3}
                  fill="#eaeaef"
                />
                <rect
                  x={LABEL_WIDTH}
                  y={y}
                  width={BAR_WIDTH * (row.rate ?? 0)}
                  height={BAR_HEIGHT}
                  rx={3}
                  fill={fill}
                />
                <text
                  x={LABEL_WIDTH + BAR_WIDTH + 8}
                  y={y + BAR_HEIGHT - 4}
                  fontSize="12"
                  fill="#32324d"
                >
                  {percent(row.rate)} · {row.met}/{row.met + row.late + row.overdue}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {rows.length === 0 && <Typography variant="pi">—</Typography>}
    </Box>
  );
};
