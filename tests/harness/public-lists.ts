import type { TestApp } from './strapi';

/**
 * A public GET answered twice: straight from the table (public-lists), and by Strapi's generic
 * pipeline with public-lists switched off; and whether the first was answered directly.
 */
export async function bothWays(app: TestApp, path: string) {
  const lists = app.strapi.plugin('disclosure').service('public-lists');
  const before = lists.stats().answered;
  const direct = await app.http().get(path);
  const answeredDirectly = lists.stats().answered > before;
  lists.setEnabled(false);
  try {
    const generic = await app.http().get(path);
    return { direct, generic, answeredDirectly };
  } finally {
    lists.setEnabled(true);
  }
}

/** The entries' field names, in order: equal bodies may still list their fields differently. */
export const fieldOrder = (answer: { body: any }) => JSON.stringify(answer.body.data.map(Object.keys));
