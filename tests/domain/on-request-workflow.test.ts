import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  type ApplicationAction,
  OUTCOME_REASONS,
  OUTCOMES,
  type Outcome,
  type OutcomeReason,
} from '../../src/plugins/disclosure/shared/contracts/on-request';
import { OnRequestRuleError } from '../../src/plugins/disclosure/server/src/on-request/rules/errors';
import {
  ACTION_RULES,
  type CaseState,
  TABLE3_ROWS,
  TABLE3_ROW_LABELS,
  allowedActions,
  checkAction,
  outcomeRow,
} from '../../src/plugins/disclosure/server/src/on-request/rules/workflow';

const BODIES: Record<ApplicationAction, Record<string, unknown>> = {
  'confirm-receipt': { receivedOn: '2026-03-02' },
  'request-correction': { items: '请写明所需文件的名称或文号', correctionDueOn: '2026-03-20' },
  'receive-correction': { receivedOn: '2026-03-16' },
  'treat-as-withdrawn': {},
  assign: { responsibleOffice: '规划科' },
  'joint-review': { participants: ['法制科', '规划科'], conclusion: '部分公开' },
  'start-consultation': { kind: 'third-party', party: '某公司', sentOn: '2026-03-18' },
  'end-consultation': { answeredOn: '2026-03-25', opinion: '不同意公开' },
  extend: { workingDays: 20, reason: '需调取档案' },
  'request-fee': { basis: 'pages', pages: 120, paymentDueOn: '2026-04-20' },
  'record-payment': { paidOn: '2026-04-01', amount: 1100 },
  'close-unpaid': {},
  'draft-reply': { outcome: 'disclosed', legalBasis: '条例第三十六条第（一）项' },
  'approve-reply': {},
  deliver: { method: 'email', deliveredOn: '2026-04-10' },
  archive: {},
};

interface Case extends CaseState {
  outcome?: { outcome: Outcome; reason: OutcomeReason | null };
}

const start = (): Case => ({
  status: 'submitted',
  extensionWorkingDays: 0,
  correctionRequested: false,
});

/** Runs actions as the service would: the state moves and remembers the spent once-only steps. */
function run(
  state: Case,
  steps: Array<ApplicationAction | [ApplicationAction, Record<string, unknown>]>
): Case {
  return steps.reduce<Case>((current, step) => {
    const [action, body] = typeof step === 'string' ? [step, BODIES[step]] : step;
    const result = checkAction(current, action, body);
    return {
      ...current,
      status: result.to,
      outcome: result.outcome ?? current.outcome,
      correctionRequested: current.correctionRequested || action === 'request-correction',
      extensionWorkingDays:
        action === 'extend' ? (body.workingDays as number) : current.extensionWorkingDays,
    };
  }, state);
}

const expectRefusal = (fn: () => unknown, field?: string) => {
  let error: unknown;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(OnRequestRuleError);
  const ruleError = error as OnRequestRuleError;
  expect(ruleError.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(ruleError.message).toMatch(/[a-z]/);
  if (field) expect(ruleError.field).toBe(field);
};

describe('the course of a case', () => {
  test('registered, assigned, consulted, extended, drafted, approved, delivered, archived', () => {
    const done = run(start(), [
      'confirm-receipt',
      'assign',
      'joint-review',
      'start-consultation',
      'extend',
      'end-consultation',
      'draft-reply',
      ['draft-reply', { ...BODIES['draft-reply'], outcome: 'partially-disclosed' }],
      'approve-reply',
      'deliver',
    ]);
    expect(done.status).toBe('delivered');
    expect(done.outcome).toEqual({ outcome: 'partially-disclosed', reason: null });
    expect(run(done, ['archive']).status).toBe('archived');
  });

  test('every action names a permission and leaves from at least one status', () => {
    for (const action of APPLICATION_ACTIONS) {
      expect(ACTION_RULES[action].from.length).toBeGreaterThan(0);
      expect(['register', 'handle', 'approve', 'extend', 'deliver']).toContain(
        ACTION_RULES[action].permission
      );
    }
    expect(ACTION_RULES['approve-reply'].permission).toBe('approve');
    expect(ACTION_RULES.extend.permission).toBe('extend');
    expect(ACTION_RULES['draft-reply'].permission).toBe('handle');
  });

  test('a step that records without moving keeps the status', () => {
    const assigned = run(start(), ['confirm-receipt', 'assign']);
    expect(checkAction(assigned, 'joint-review', BODIES['joint-review']).to).toBe('assigned');
    expect(checkAction({ ...assigned, status: 'consulting' }, 'extend', BODIES.extend).to).toBe(
      'consulting'
    );
  });

  test('a correction received returns the case to be assigned; a fee paid returns it to work', () => {
    const corrected = run(start(), [
      'confirm-receipt',
      'assign',
      'request-correction',
      'receive-correction',
    ]);
    expect(corrected).toMatchObject({ status: 'registered', correctionRequested: true });
    const paid = run(corrected, ['assign', 'request-fee', 'record-payment']);
    expect(paid.status).toBe('assigned');
  });
});

describe('every table-3 row is reachable', () => {
  const pairs: Array<[Outcome, OutcomeReason | null]> = OUTCOMES.flatMap((outcome) => {
    const reasons = OUTCOME_REASONS[outcome] as readonly OutcomeReason[];
    return reasons.length === 0
      ? [[outcome, null] as [Outcome, null]]
      : reasons.map((reason) => [outcome, reason] as [Outcome, OutcomeReason]);
  });

  test.each(pairs)('%s / %s', (outcome, reason) => {
    let done: Case;
    if (reason === 'no-correction') {
      done = run(start(), ['confirm-receipt', 'request-correction', 'treat-as-withdrawn']);
    } else if (reason === 'fee-unpaid') {
      done = run(start(), ['confirm-receipt', 'assign', 'request-fee', 'close-unpaid']);
    } else {
      const before: ApplicationAction[] =
        reason === 'unclear-after-correction'
          ? ['confirm-receipt', 'request-correction', 'receive-correction', 'assign']
          : ['confirm-receipt', 'assign'];
      done = run(start(), [
        ...before,
        [
          'draft-reply',
          {
            outcome,
            ...(reason ? { reason } : {}),
            legalBasis: '条例第三十六条',
            redirectChannel: reason === 'petition-complaint' ? '信访' : undefined,
          },
        ],
        'approve-reply',
        'deliver',
      ]);
      expect(done.status).toBe('delivered');
    }
    expect(done.outcome).toEqual({ outcome, reason });
    expect(TABLE3_ROWS).toContain(outcomeRow(outcome, reason));
    expect(run(done, ['archive']).status).toBe('archived');
  });

  test('each pair has its own row, and every row has a pair and a label', () => {
    const rows = pairs.map(([outcome, reason]) => outcomeRow(outcome, reason));
    expect(new Set(rows).size).toBe(pairs.length);
    expect([...rows].sort()).toEqual([...TABLE3_ROWS].sort());
    expect(TABLE3_ROWS).toHaveLength(21);
    for (const row of TABLE3_ROWS) expect(TABLE3_ROW_LABELS[row]).toBeTruthy();
  });

  test('the national order and wording', () => {
    expect(TABLE3_ROWS.slice(0, 3)).toEqual([
      'disclosed',
      'partiallyDisclosed',
      'notDisclosed.stateSecret',
    ]);
    expect(TABLE3_ROWS[TABLE3_ROWS.length - 1]).toBe('other.other');
    expect(outcomeRow('unavailable', 'needs-creation')).toBe('unavailable.needsCreation');
    expect(TABLE3_ROW_LABELS['notDisclosed.stateSecret']).toBe('（三）不予公开 1.属于国家秘密');
    expect(TABLE3_ROW_LABELS['notProcessed.massRepeated']).toBe(
      '（五）不予处理 4.无正当理由大量反复申请'
    );
  });

  test('a pair that is no row is refused', () => {
    expectRefusal(() => outcomeRow('disclosed', 'state-secret'));
    expectRefusal(() => outcomeRow('not-disclosed', null));
    expectRefusal(() => outcomeRow('unavailable', 'repeated'));
  });
});

describe('refusals', () => {
  const assigned = run(start(), ['confirm-receipt', 'assign']);
  const draft = (more: Record<string, unknown>) =>
    checkAction(assigned, 'draft-reply', { legalBasis: '条例第三十六条', ...more });

  test('an action not allowed from the status', () => {
    expectRefusal(() => checkAction(start(), 'assign', BODIES.assign), 'status');
    expectRefusal(() => checkAction(assigned, 'deliver', BODIES.deliver), 'status');
    expectRefusal(() => checkAction(assigned, 'archive', {}), 'status');
    expectRefusal(() => checkAction({ ...assigned, status: 'approved' }, 'draft-reply', {}));
    expectRefusal(() => checkAction({ ...assigned, status: 'delivered' }, 'extend', BODIES.extend));
    expectRefusal(() => checkAction(assigned, 'treat-as-withdrawn', {}));
    expectRefusal(() => checkAction(assigned, 'close-unpaid', {}));
  });

  test('every status refuses the actions it does not list', () => {
    for (const status of APPLICATION_STATUSES) {
      for (const action of APPLICATION_ACTIONS) {
        if (ACTION_RULES[action].from.includes(status)) continue;
        expectRefusal(() => checkAction({ ...assigned, status }, action, BODIES[action]), 'status');
      }
    }
  });

  test('one extension, of 1 to 20 working days, with a reason', () => {
    const extended = run(assigned, ['extend']);
    expectRefusal(() => checkAction(extended, 'extend', BODIES.extend), 'workingDays');
    for (const workingDays of [0, 21, 2.5, '10']) {
      expectRefusal(
        () => checkAction(assigned, 'extend', { ...BODIES.extend, workingDays }),
        'workingDays'
      );
    }
    expect(checkAction(assigned, 'extend', { ...BODIES.extend, workingDays: 1 }).to).toBe(
      'assigned'
    );
    expectRefusal(
      () => checkAction(assigned, 'extend', { workingDays: 10, reason: ' ' }),
      'reason'
    );
  });

  test('one correction notice only (art. 30)', () => {
    const corrected = run(start(), ['confirm-receipt', 'request-correction', 'receive-correction']);
    expectRefusal(
      () => checkAction(corrected, 'request-correction', BODIES['request-correction']),
      'items'
    );
  });

  test('a reason is required where the outcome has reasons, and must belong to it', () => {
    expectRefusal(() => draft({ outcome: 'not-disclosed' }), 'reason');
    expectRefusal(() => draft({ outcome: 'not-disclosed', reason: 'not-held' }), 'reason');
    expectRefusal(() => draft({ outcome: 'disclosed', reason: 'state-secret' }), 'reason');
    expectRefusal(() => draft({ outcome: 'granted' }), 'outcome');
    expect(draft({ outcome: 'not-disclosed', reason: 'state-secret' }).outcome).toEqual({
      outcome: 'not-disclosed',
      reason: 'state-secret',
    });
  });

  test('the outcomes only the process sets cannot be drafted', () => {
    expectRefusal(() => draft({ outcome: 'other', reason: 'no-correction' }), 'reason');
    expectRefusal(() => draft({ outcome: 'other', reason: 'fee-unpaid' }), 'reason');
    expect(draft({ outcome: 'other', reason: 'other' }).to).toBe('drafted');
  });

  test('a petition or complaint names the channel it belongs to', () => {
    expectRefusal(
      () => draft({ outcome: 'not-processed', reason: 'petition-complaint' }),
      'redirectChannel'
    );
    expect(
      draft({ outcome: 'not-processed', reason: 'petition-complaint', redirectChannel: '12345' })
        .outcome
    ).toEqual({ outcome: 'not-processed', reason: 'petition-complaint' });
  });

  test('unclear after correction needs a correction; a reply needs its legal basis', () => {
    expectRefusal(
      () => draft({ outcome: 'unavailable', reason: 'unclear-after-correction' }),
      'reason'
    );
    expectRefusal(
      () => checkAction(assigned, 'draft-reply', { outcome: 'disclosed', legalBasis: '' }),
      'legalBasis'
    );
  });

  test('malformed dates and missing fields name the field', () => {
    expectRefusal(
      () => checkAction(start(), 'confirm-receipt', { receivedOn: '2026-3-2' }),
      'receivedOn'
    );
    expectRefusal(() => checkAction(assigned, 'assign', {}), 'responsibleOffice');
    expectRefusal(
      () => checkAction(assigned, 'request-fee', { basis: 'pages', paymentDueOn: '2026-04-20' }),
      'pages'
    );
    expectRefusal(
      () =>
        checkAction(assigned, 'start-consultation', { ...BODIES['start-consultation'], kind: 'x' }),
      'kind'
    );
  });
});

describe('allowed actions', () => {
  test('by permission and status, less the spent once-only steps', () => {
    const registered = run(start(), ['confirm-receipt']);
    expect(allowedActions(registered, ['register'])).toEqual(['request-correction', 'assign']);
    expect(allowedActions(registered, ['extend'])).toEqual(['extend']);
    expect(allowedActions({ ...registered, extensionWorkingDays: 5 }, ['extend'])).toEqual([]);
    expect(
      allowedActions({ ...registered, status: 'assigned', correctionRequested: true }, ['register'])
    ).toEqual(['assign', 'start-consultation', 'request-fee']);
    expect(allowedActions({ ...registered, status: 'drafted' }, ['handle', 'approve'])).toEqual([
      'draft-reply',
      'approve-reply',
    ]);
  });
});
