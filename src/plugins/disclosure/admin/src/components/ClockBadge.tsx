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
 * A case's reply date in its urgency's colour: red past it, amber within 3 working days, with a
 * badge saying so; plain while on track, grey once concluded. `data-urgency` is for the browser test.
 */
export const ClockBadge = ({ date, urgency }: { date: string | null; urgency: Urgency }) => {
  const labels = useUrgencyLabels();
  const badge = BADGE[urgency];
  return (
    <Flex
      direction="column"
      alignItems="flex-start"
      gap={1}
      data-testid="reply-due"
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
