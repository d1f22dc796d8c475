import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

/** A titled card of a case view (an on-request case, a message). */
export const Section = ({
  title,
  children,
  testId,
}: {
  title: string;
  children: React.ReactNode;
  testId?: string;
}) => (
  <Box
    background="neutral0"
    padding={6}
    shadow="tableShadow"
    hasRadius
    width="100%"
    data-testid={testId}
  >
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

/** Label and value, one a line; a missing value shows as —. */
export const Facts = ({ rows }: { rows: Array<[string, React.ReactNode, string?]> }) => (
  <Flex tag="dl" direction="column" alignItems="stretch" gap={2}>
    {rows.map(([label, value, key]) => (
      <Flex key={key ?? label} gap={2} alignItems="flex-start" data-fact={key}>
        <Box tag="dt" width="8em" flex="0 0 auto">
          <Typography variant="pi" textColor="neutral600">
            {label}
          </Typography>
        </Box>
        <Box tag="dd" style={{ margin: 0 }}>
          {value === null || value === undefined || value === '' ? (
            <Typography>—</Typography>
          ) : typeof value === 'string' || typeof value === 'number' ? (
            <Typography style={{ whiteSpace: 'pre-wrap' }}>{value}</Typography>
          ) : (
            value
          )}
        </Box>
      </Flex>
    ))}
  </Flex>
);
