/**
 * Whether a subscriber reprinted (转载) on time: each reprint is due a number of working days after the
 * source published the document (the due day computed on the holiday calendar by the caller). A
 * reprint published on or before its due day is on time; after it, late; none yet and the due day
 * passed, overdue. Rate: on time of those decided (reprinted, or overdue).
 */
import type { ReprintTally } from '../../../../shared/contracts/compliance';

export interface ReprintFact {
  /** Beijing day the reprint is due by (YYYY-MM-DD) */
  dueDate: string;
  /** Beijing day the receiver published its copy, or null */
  reprintedOn: string | null;
}

export type { ReprintTally };

export function tallyReprints(facts: ReprintFact[], today: string): ReprintTally {
  const tally: ReprintTally = {
    received: facts.length,
    reprinted: 0,
    onTime: 0,
    late: 0,
    overdue: 0,
    pending: 0,
    rate: null,
  };
  for (const { dueDate, reprintedOn } of facts) {
    if (reprintedOn) {
      tally.reprinted += 1;
      if (reprintedOn <= dueDate) tally.onTime += 1;
      else tally.late += 1;
    } else if (today > dueDate) {
      tally.overdue += 1;
    } else {
      tally.pending += 1;
    }
  }
  const decided = tally.reprinted + tally.overdue;
  tally.rate = decided ? tally.onTime / decided : null;
  return tally;
}
