import { compileStrapi } from '@strapi/strapi';

/** Compile the TypeScript app once (to dist/, as `strapi build` does); every suite boots from it. */
export default async function globalSetup(): Promise<void> {
  await compileStrapi({ appDir: process.cwd() });
}
