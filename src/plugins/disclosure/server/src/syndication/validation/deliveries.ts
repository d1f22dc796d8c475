import type { DeliveryStatus } from '../../../../shared/contracts/syndication';
import { inOrder, nullAsAbsent, oneOf, unnamed } from '../../utils/validation';

const DELIVERY_STATES: DeliveryStatus[] = ['pending', 'delivered', 'dead', 'cancelled'];

/** GET /disclosure/deliveries?status=: those given up on when not given; answered without naming the parameter, as it always was. */
export const deliveriesQuery = unnamed(
  inOrder({
    status: oneOf(
      DELIVERY_STATES,
      `status 只能取 ${DELIVERY_STATES.join('、')} (status must be one of ${DELIVERY_STATES.join(', ')})`
    )
      .transform(nullAsAbsent)
      .default('dead'),
  })
);
