import type { TestApp } from './strapi';

/**
 * A public GET answered twice: straight from the table (public-lists), and by Strapi's generic
 * pipeline with public-lists switched off; whether the first was answered directly, and whether
 * its rows were read with SQL written once for the query's shape (domain/query-template).
 */
export async function bothWays(app: TestApp, path: string) {
  const lists = app.strapi.plugin('disclosure').service('public-lists');
  const before = lists.stats();
  const direct = await app.http().get(path);
  const answeredDirectly = lists.stats().answered > before.answered;
  const readByTemplate = lists.stats().readByTemplate > before.readByTemplate;
  lists.setEnabled(false);
  try {
    const generic = await app.http().get(path);
    return { direct, generic, answeredDirectly, readByTemplate };
  } finally {
    lists.setEnabled(true);
  }
}

/** The entries' field names, in order: equal bodies may still list their fields differently. */
export const fieldOrder = (answer: { body: any }) =>
  JSON.stringify(answer.body.data.map(Object.keys));
