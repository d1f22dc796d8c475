import {
  findBodyProblem,
  MAX_BODY_DEPTH,
} from '../../src/plugins/disclosure/server/src/security/rules/body-keys';

describe('request body and query keys and values', () => {
  test.each(['__proto__', 'constructor', 'valueOf', 'toString', 'hasOwnProperty', 'prototype'])(
    '%s is refused at any depth',
    (key) => {
      const body = JSON.parse(`{"data":{"confidentialityReview":{"${key}":{}}}}`);
      expect(findBodyProblem(body)).toEqual({
        kind: 'forbidden-key',
        key,
        path: `data.confidentialityReview.${key}`,
      });
    }
  );

  test('ordinary bodies, blocks included, pass', () => {
    const blocks = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '正文', bold: true },
          { type: 'link', url: 'https://www.gov.cn', children: [] },
        ],
      },
    ];
    expect(
      findBodyProblem({ data: { title: '通知', body: blocks, value: 1, values: [1, 2] } })
    ).toBeNull();
  });

  test('NUL in a value or a key is refused, named by where it is', () => {
    expect(findBodyProblem({ data: { title: 'a\u0000b' } })).toEqual({
      kind: 'nul-character',
      path: 'data.title',
    });
    expect(findBodyProblem({ sort: ['title', 'issueDate\u0000'] })).toEqual({
      kind: 'nul-character',
      path: 'sort.1',
    });
    expect(findBodyProblem({ filters: { ['ti\u0000tle']: 'x' } })).toEqual({
      kind: 'nul-character',
      path: 'filters.ti\\0tle',
    });
    expect(findBodyProblem('plain text\u0000')).toEqual({ kind: 'nul-character', path: '' });
    expect(findBodyProblem({ data: { title: '通知', count: 0, flag: null } })).toBeNull();
  });

  test('absurd nesting is refused', () => {
    let deep: unknown = 'x';
    for (let i = 0; i <= MAX_BODY_DEPTH; i += 1) deep = [deep];
    expect(findBodyProblem({ data: deep })).toMatchObject({ kind: 'too-deep' });
  });
});
