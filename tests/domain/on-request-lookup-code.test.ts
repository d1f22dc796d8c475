import { createHash } from 'node:crypto';
import {
  LOOKUP_CODE_ALPHABET,
  codesMatch,
  hashLookupCode,
  newLookupCode,
} from '../../src/plugins/disclosure/server/src/on-request/rules/lookup-code';

describe('lookup codes', () => {
  test('20 characters of an unambiguous alphabet: 100 bits', () => {
    expect(LOOKUP_CODE_ALPHABET).toHaveLength(32);
    expect(LOOKUP_CODE_ALPHABET).not.toMatch(/[ILOU]/);
    const codes = Array.from({ length: 200 }, () => newLookupCode());
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('every character of the alphabet turns up', () => {
    const seen = new Set(Array.from({ length: 100 }, () => newLookupCode()).join(''));
    expect(seen.size).toBe(32);
  });

  test('stored as its SHA-256 in hex', () => {
    const code = 'ABCDEFGHJK0123456789';
    expect(hashLookupCode(code)).toBe(createHash('sha256').update(code).digest('hex'));
    expect(hashLookupCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });

  test('matches the code as typed, forgiving case, dashes, spaces and O/I/L', () => {
    const code = '0K1M2N3P4Q5R6S7T8V9W';
    const hash = hashLookupCode(code);
    expect(codesMatch(code, hash)).toBe(true);
    expect(codesMatch('ok1m2-n3p4q 5r6s7t8v9w', hash)).toBe(true);
    expect(codesMatch('0KLM2N3P4Q5R6S7T8V9W', hash)).toBe(true);
    expect(codesMatch('0K1M2N3P4Q5R6S7T8V9X', hash)).toBe(false);
    expect(codesMatch('', hash)).toBe(false);
  });

  test('a malformed stored hash never matches', () => {
    const code = newLookupCode();
    expect(codesMatch(code, '')).toBe(false);
    expect(codesMatch(code, hashLookupCode(code).slice(0, 63))).toBe(false);
    expect(codesMatch(code, `${hashLookupCode(code)}00`)).toBe(false);
    expect(codesMatch(code, hashLookupCode(code).toUpperCase())).toBe(true);
  });
});
