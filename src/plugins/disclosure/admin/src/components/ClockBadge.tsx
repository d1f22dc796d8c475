import { Badge, Flex, Typography } from '@strapi/design-system';
import { useUrgencyLabels, type Urgency } from './words';

const TEXT_COLOR: Record<Urgency, 'danger600' | 'warning600' | 'neutral800' | 'neutral500'> = {
  overdue: 'danger600',
  'due-soon': 'warning600',
  'on-track': 'neutral800',
  concluded: 'neutral500',
};

const BADGE: Partial<Record<Urgency, 'danger' | 'warning'>> = {
  overdue: 'danger',
  'due-soon': 'warning',
};

/**
 * A due date in its urgency's colour: red past it, amber within 3 working days, with a badge saying
 * so; plain while on track, grey once concluded (an on-request case's reply date, a message's
 * acceptance or reply date). `data-urgency` is for the browser tests; `testId` names the date.
 */
export const ClockBadge = ({
  date,
  urgency,
  testId = 'reply-due',
}: {
  date: string | null;
  urgency: Urgency;
  testId?: string;
}) => {
  const labels = useUrgencyLabels();
  const badge = BADGE[urgency];
  return (
    <Flex
      direction="column"
      alignItems="flex-start"
      gap={1}
      data-testid={testId}
      data-urgency={urgency}
    >
      <Typography
        textColor={TEXT_COLOR[urgency]}
        fontWeight={badge ? 'bold' : undefined}
        title={labels[urgency]}
      >
        {date ?? '—'}
      </Typography>
      {badge && <Badge variant={badge}>{labels[urgency]}</Badge>}
    </Flex>
  );
};
