import { spawnSync } from 'child_process';
import fs from 'fs';
import type { AddressInfo } from 'net';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApp, type StartOptions, type TestApp } from './strapi';

/**
 * Browser tests: the compiled app with its built admin panel on a loopback port, and Debian's
 * Chromium driven by playwright-core (which never downloads a browser of its own).
 */
const ROOT = path.join(__dirname, '..', '..');
const ADMIN_INDEX = path.join(ROOT, 'dist', 'build', 'index.html');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');

export interface BrowserApp extends TestApp {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
}

/**
 * CI builds the admin (`npm run build`) before the tests; a plain `npm test` on a fresh clone has no
 * build yet, so it is made here once rather than failing or skipping the browser tests.
 */
export function ensureAdminBuild(): void {
  if (fs.existsSync(ADMIN_INDEX)) return;
  console.log(
    `browser tests: no admin build at ${path.relative(ROOT, ADMIN_INDEX)}, running \`strapi build\` once (a few minutes)…`
  );
  // The package's exports do not list its bin script, so it is found by path: the project's own strapi.
  const strapiBin = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
  // As `npm run build` runs it: jest's NODE_ENV=test stays out, and production is not claimed either,
  // since loading the configuration in production demands the operator's secrets.
  const { NODE_ENV: _testEnv, ...env } = process.env;
  const result = spawnSync(process.execPath, [strapiBin, 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  if (result.status !== 0 || !fs.existsSync(ADMIN_INDEX)) {
    throw new Error(
      `\`strapi build\` failed (exit ${result.status}); the browser tests need the admin panel in dist/build`
    );
  }
}

/** The app serving its admin panel, listening on a free loopback port. */
export async function startBrowserApp(
  options: Omit<StartOptions, 'serveAdminPanel'> = {}
): Promise<BrowserApp> {
  ensureAdminBuild();
  const app = await startApp({ ...options, serveAdminPanel: true });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return Object.assign(app, { baseUrl: `http://127.0.0.1:${port}` });
}

/**
 * Debian's Chromium, headless. The flags are those that work on a machine without outside network:
 * without the background-networking ones Chromium keeps trying Google's hosts.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: the browser tests need it. Install it with ` +
        '`apt-get install chromium` (Debian), or point CHROMIUM_PATH at a Chromium binary.'
    );
  }
  // chromium.launch gives every launch a fresh, empty profile directory of its own (and removes it).
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser context (its own cookies and storage: one person at one desk) whose pages read the
 * same time as the server. setClock pins the server's Date; the page's must agree, or the admin,
 * which schedules token renewal from the access token's `exp`, and whose date picker and panels
 * start from "today", works in another day than the server. Chromium's cookie jar keeps the
 * machine's real clock, which is harmless: the admin's cookies are session cookies (no `Expires`)
 * unless "remember me" is ticked, which these tests never do.
 */
export async function newDesk(
  browser: Browser,
  app: BrowserApp
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 1000 },
  });
  // Playwright's clock (in this process) stamps the install with this process's Date.now(), which
  // setClock has pinned as well, and the page then adds the real time elapsed since that stamp. The
  // start is shifted by the pinned clock's distance from the real one so that the page lands on the
  // server's time; checked below, so a change in Playwright fails loudly rather than silently.
  const serverNow = Date.now();
  const realNow = typeof jest !== 'undefined' ? jest.getRealSystemTime() : serverNow;
  await context.clock.install({ time: serverNow - (realNow - serverNow) });
  // The offices work in Simplified Chinese (src/admin/app.tsx); the login page, before any user is
  // known, takes the admin's language from the browser's storage.
  await context.addInitScript(() => {
    // about:blank, where every page starts, has no storage of its own to set.
    if (window.location.protocol !== 'http:') return;
    if (!window.localStorage.getItem('strapi-admin-language'))
      window.localStorage.setItem('strapi-admin-language', 'zh-Hans');
  });
  // Generous, because the admin panel's first paint on a busy 2-core machine running Strapi, its
  // database and Chromium at once has been seen to take over 20 s.
  context.setDefaultTimeout(40_000);
  context.setDefaultNavigationTimeout(60_000);
  watch(context);
  const page = await context.newPage();
  await page.goto('/admin/auth/login');
  const pageNow = await page.evaluate(() => Date.now());
  if (Math.abs(pageNow - Date.now()) > 10_000) {
    throw new Error(
      `the page's clock (${new Date(pageNow).toISOString()}) does not follow the server's (${new Date().toISOString()})`
    );
  }
  return { context, page };
}

/** What each open desk saw go wrong (answers of 400 and above, errors thrown in the page), newest last. */
const openDesks = new Map<BrowserContext, string[]>();
const TROUBLE_KEPT = 15;

function watch(context: BrowserContext): void {
  const trouble: string[] = [];
  const note = (line: string) => trouble.push(line) > TROUBLE_KEPT && trouble.shift();
  openDesks.set(context, trouble);
  context.on('close', () => openDesks.delete(context));
  context.on('response', (response) => {
    if (response.status() >= 400)
      note(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  context.on('weberror', (error) => note(`page error: ${error.error().message}`));
}

/** Each open desk's page as the failing step left it: address, problems seen, visible text and a screenshot. */
async function describeDesks(testName: string): Promise<string> {
  const descriptions: string[] = [];
  let desk = 0;
  for (const [context, trouble] of openDesks) {
    for (const page of context.pages()) {
      desk += 1;
      const name = `failed-${testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${desk}`;
      const shot = await screenshot(page, name).catch(
        (error: Error) => `(no screenshot: ${error.message})`
      );
      const text = await page.innerText('body', { timeout: 2_000 }).catch(() => '(no text)');
      descriptions.push(
        [
          `desk ${desk} at ${page.url()}`,
          `  screenshot: ${shot}`,
          ...trouble.map((line) => `  ${line}`),
          `  text: ${text.replace(/\s+/g, ' ').slice(0, 600)}`,
        ].join('\n')
      );
    }
  }
  return descriptions.join('\n');
}

/**
 * A browser test whose failure says what the desks were showing: a timeout waiting for a button
 * alone does not tell a slow page from an error page or a signed-out one.
 */
export function deskTest(name: string, fn: () => Promise<void>, timeout?: number): void {
  test(
    name,
    async () => {
      try {
        await fn();
      } catch (error) {
        const desks = await describeDesks(name);
        if (error instanceof Error && desks) {
          const message = `${error.message}\n\nWhat the desks showed:\n${desks}`;
          // Jest prints the stack, which holds the message as it was when the error was made.
          error.stack = error.stack?.replace(error.message, message);
          error.message = message;
        }
        throw error;
      }
    },
    timeout
  );
}

/** Signs in through the admin's login page, as a person would; waits for the signed-in home page. */
export async function signInThroughLoginPage(
  page: Page,
  email: string,
  password: string
): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/admin/auth/login'))
    await page.goto('/admin/auth/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth/'), { timeout: 30_000 });
}

/** A full-page screenshot at tests/artifacts/<name>.png (git-ignored), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
