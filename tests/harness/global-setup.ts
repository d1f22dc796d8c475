import { compileStrapi } from '@strapi/strapi';

/**
 * Compile the TypeScript app once (to dist/, as `strapi build` does); every suite boots from it.
 * CI compiles before starting the SQLite and PostgreSQL runs side by side (DISCLOSURE_TESTS_COMPILED=1),
 * so that two runs do not write the same dist/ files at once.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DISCLOSURE_TESTS_COMPILED === '1') return;
  await compileStrapi({ appDir: process.cwd() });
}
