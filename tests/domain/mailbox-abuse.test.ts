import {
  MAX_LINKS,
  countLinks,
  honeypotFilled,
  messageFingerprint,
} from '../../src/plugins/disclosure/server/src/mailbox/rules/abuse';

describe('abuse rules', () => {
  test('links are counted in subject and content together', () => {
    expect(countLinks('路灯不亮', '人民路的路灯坏了一周。')).toBe(0);
    expect(countLinks('见 https://a.example.cn/x', '还有 http://b.example.cn 和 www.c.cn/y')).toBe(
      3
    );
    expect(countLinks('', '网址：HTTPS://EXAMPLE.CN')).toBe(1);
    expect(MAX_LINKS).toBe(2);
  });

  test('identical messages share a fingerprint whatever their spacing and punctuation', () => {
    const a = messageFingerprint('路灯不亮', '人民路的路灯坏了一周，请尽快维修。');
    expect(messageFingerprint(' 路灯不亮 ', '人民路的路灯坏了一周 请尽快维修')).toBe(a);
    expect(messageFingerprint('路灯不亮', '人民路的路灯坏了一周，请尽快维修！！')).toBe(a);
    expect(messageFingerprint('路灯不亮', '胜利路的路灯坏了一周，请尽快维修。')).not.toBe(a);
    // Subject and content are not run together: moving text from one to the other is another message.
    expect(messageFingerprint('路灯', '不亮')).not.toBe(messageFingerprint('路灯不', '亮'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the honeypot is filled by anything but nothing or blank', () => {
    expect(honeypotFilled(undefined)).toBe(false);
    expect(honeypotFilled(null)).toBe(false);
    expect(honeypotFilled('  ')).toBe(false);
    expect(honeypotFilled('http://spam.example')).toBe(true);
  });
});
