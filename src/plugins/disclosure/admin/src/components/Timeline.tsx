import { Box, Flex, Typography } from '@strapi/design-system';
import { beijing } from '../utils/format';
import { useT } from './common';

/** A recorded step of a tracked item (an on-request case's, a message's): what, when, by whom, with what. */
export interface TimelineStep<Kind extends string = string> {
  kind: Kind;
  at: string;
  /** null: the system (the sweep, the public's own intake) */
  actor: { name: string | null } | null;
  details: Record<string, unknown>;
}

/**
 * 办理过程: each step, who took it and when, with the details its page shows (`detailLines`: label
 * and text, in the order shown). `data-step` on each entry is for the browser tests.
 */
export const Timeline = <Kind extends string>({
  steps,
  stepWord,
  detailLines,
  testId,
}: {
  steps: ReadonlyArray<TimelineStep<Kind>>;
  stepWord: (kind: Kind) => string;
  detailLines: (details: Record<string, unknown>) => Array<[string, string]>;
  testId: string;
}) => {
  const t = useT();
  if (steps.length === 0)
    return <Typography textColor="neutral600">{t('applications.steps.none', '暂无')}</Typography>;
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={3} data-testid={testId}>
      {steps.map((step, index) => {
        const lines = detailLines(step.details);
        return (
          <Box
            tag="li"
            key={`${step.kind}-${step.at}-${index}`}
            paddingLeft={4}
            borderColor="primary200"
            borderStyle="solid"
            borderWidth="0 0 0 2px"
            data-step={step.kind}
          >
            <Flex gap={3} wrap="wrap">
              <Typography fontWeight="bold">{stepWord(step.kind)}</Typography>
              <Typography variant="pi" textColor="neutral600">
                {beijing(step.at)}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {step.actor === null
                  ? t('applications.steps.system', '系统')
                  : (step.actor.name ?? '—')}
              </Typography>
            </Flex>
            {lines.map(([label, text]) => (
              <Typography key={label} tag="p" variant="pi" style={{ whiteSpace: 'pre-wrap' }}>
                {label}：{text}
              </Typography>
            ))}
          </Box>
        );
      })}
    </Flex>
  );
};
