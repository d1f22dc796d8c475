import {
  generateSecret,
  sign,
  signedHeaders,
  verify,
} from '../../src/plugins/disclosure/server/src/syndication/rules/webhook-signature';

// The Standard Webhooks reference example (standardwebhooks.com, libraries' test vector).
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const BODY = '{"test": 2432232314}';

describe('Standard Webhooks signatures', () => {
  test('match the reference example', () => {
    expect(sign(SECRET, ID, TIMESTAMP, BODY)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='
    );
  });

  test('a signed message verifies within the 5-minute window, with either secret during rotation', () => {
    const next = generateSecret();
    const headers = signedHeaders([SECRET, next], ID, BODY, TIMESTAMP);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verify(headers, BODY, [SECRET], TIMESTAMP + 299)).toEqual({
      ok: true,
      id: ID,
      timestamp: TIMESTAMP,
    });
    expect(verify(headers, BODY, [next], TIMESTAMP - 299)).toMatchObject({ ok: true });
  });

  test.each([
    [
      'a flipped body byte',
      (h: any) => [h, BODY.replace('2', '3'), [SECRET], TIMESTAMP],
      'bad-signature',
    ],
    ['another secret', (h: any) => [h, BODY, [generateSecret()], TIMESTAMP], 'bad-signature'],
    ['an old timestamp', (h: any) => [h, BODY, [SECRET], TIMESTAMP + 301], 'timestamp-too-old'],
    ['a future timestamp', (h: any) => [h, BODY, [SECRET], TIMESTAMP - 301], 'timestamp-too-new'],
    [
      'no signature',
      (h: any) => [{ ...h, 'webhook-signature': undefined }, BODY, [SECRET], TIMESTAMP],
      'missing-headers',
    ],
    [
      'a timestamp that is not a number',
      (h: any) => [{ ...h, 'webhook-timestamp': '1e9' }, BODY, [SECRET], TIMESTAMP],
      'bad-timestamp',
    ],
    [
      'a signature of another version',
      (h: any) => [
        { ...h, 'webhook-signature': h['webhook-signature'].replace('v1,', 'v2,') },
        BODY,
        [SECRET],
        TIMESTAMP,
      ],
      'bad-signature',
    ],
  ])('%s is refused', (_what, arrange, reason) => {
    const [headers, body, secrets, now] = arrange(signedHeaders([SECRET], ID, BODY, TIMESTAMP)) as [
      any,
      string,
      string[],
      number,
    ];
    expect(verify(headers, body, secrets, now)).toEqual({ ok: false, reason });
  });

  test('secrets are whsec_ and 24 random bytes', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(generateSecret()).not.toBe(secret);
  });
});
