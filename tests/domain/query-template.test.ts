import {
  bindingsOf,
  numberStandIn,
  templateOf,
  textStandIn,
} from '../../src/plugins/disclosure/server/src/public-reads/rules/query-template';

const standIns = [textStandIn(0), textStandIn(1), numberStandIn(0)];

test('each request’s values are bound where the stand-ins were, the shape’s own bindings kept', () => {
  const compiled = {
    sql: 'select * from t where a = ? and b = ? and c = ? limit ?',
    bindings: [standIns[0], 'proactive', standIns[1], standIns[2]],
  };
  const template = templateOf(compiled, standIns);
  expect(template).not.toBeNull();
  expect(template!.sql).toBe(compiled.sql);
  expect(bindingsOf(template!, ['service', 'zh-Hant', 25])).toEqual([
    'service',
    'proactive',
    'zh-Hant',
    25,
  ]);
  expect(bindingsOf(template!, ['decision', 'zh-Hans', 2])).toEqual([
    'decision',
    'proactive',
    'zh-Hans',
    2,
  ]);
});

test('no template when a stand-in is missing, bound twice, changed or written into the text', () => {
  // Missing (a value the query builder turned into something else).
  expect(
    templateOf(
      { sql: 'a = ? and b = ? limit ?', bindings: ['SERVICE', standIns[1], standIns[2]] },
      standIns
    )
  ).toBeNull();
  // Twice: one value in two places may not stay one value in every request.
  expect(
    templateOf(
      {
        sql: 'a = ? or a = ? and b = ? limit ?',
        bindings: [standIns[0], standIns[0], standIns[1], standIns[2]],
      },
      standIns
    )
  ).toBeNull();
  // Written into the SQL itself.
  expect(
    templateOf(
      { sql: `a = ? and b = ? limit ${numberStandIn(0)}`, bindings: [standIns[0], standIns[1]] },
      standIns
    )
  ).toBeNull();
});

test('stand-ins are distinct and no request value equals them', () => {
  expect(new Set([textStandIn(0), textStandIn(1), textStandIn(2)]).size).toBe(3);
  expect(numberStandIn(0)).not.toBe(numberStandIn(1));
  // eslint-disable-next-line no-control-regex -- the stand-in starts with NUL, which no stored text holds
  expect(textStandIn(0)).toMatch(/^\u0000/);
  expect(Number.isInteger(numberStandIn(1)) && numberStandIn(1) > 1_000_000).toBe(true);
});
