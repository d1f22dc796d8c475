import { APPLICATION_CHANNELS } from '../../src/plugins/disclosure/shared/contracts/on-request';
import { OnRequestRuleError } from '../../src/plugins/disclosure/server/src/on-request/rules/errors';
import {
  CONFIRMED_CHANNELS,
  receivedOnFor,
} from '../../src/plugins/disclosure/server/src/on-request/rules/received-date';

const evidence = {
  handedInOn: '2026-03-02',
  signedForOn: '2026-03-03',
  confirmedOn: '2026-03-04',
};

describe('the received date (art. 31)', () => {
  test('each channel takes its own evidence', () => {
    expect(receivedOnFor('in-person', evidence)).toBe('2026-03-02');
    expect(receivedOnFor('registered-post', evidence)).toBe('2026-03-03');
    expect(receivedOnFor('ordinary-letter', evidence)).toBe('2026-03-04');
    expect(receivedOnFor('online', evidence)).toBe('2026-03-04');
    expect(receivedOnFor('fax', evidence)).toBe('2026-03-04');
  });

  test('the confirmed channels are the ones dated by confirmation', () => {
    expect([...CONFIRMED_CHANNELS].sort()).toEqual(['fax', 'online', 'ordinary-letter']);
    for (const channel of APPLICATION_CHANNELS) {
      expect(receivedOnFor(channel, { confirmedOn: '2026-05-06', ...pick(channel) })).toBe(
        CONFIRMED_CHANNELS.includes(channel) ? '2026-05-06' : '2026-05-07'
      );
    }
  });

  test('missing or malformed evidence is refused, naming the field, in Chinese and English', () => {
    const cases: Array<[Parameters<typeof receivedOnFor>, string]> = [
      [['in-person', { confirmedOn: '2026-03-04' }], 'handedInOn'],
      [['registered-post', { signedForOn: '2026-02-30' }], 'signedForOn'],
      [['online', { confirmedOn: '2026/03/04' }], 'confirmedOn'],
      [['fax', {}], 'confirmedOn'],
    ];
    for (const [args, field] of cases) {
      let error: unknown;
      try {
        receivedOnFor(...args);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(OnRequestRuleError);
      const ruleError = error as OnRequestRuleError;
      expect(ruleError.field).toBe(field);
      expect(ruleError.messageZh).toMatch(/第三十一条/);
      expect(ruleError.message).toMatch(field);
    }
  });
});

function pick(channel: string) {
  if (channel === 'in-person') return { handedInOn: '2026-05-07' };
  if (channel === 'registered-post') return { signedForOn: '2026-05-07' };
  return {};
}
