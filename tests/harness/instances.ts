import { fork, type ChildProcess } from 'child_process';
import net from 'net';
import path from 'path';
import { freshSecrets } from '../../scripts/fresh-secrets';
import request from 'supertest';
import { createThrowawayDatabase, type ThrowawayDatabase } from './database';

/**
 * Whole instances in child processes, listening on loopback ports: a province and a county portal
 * talking real HTTP to each other, each on its own throwaway database, each killable and restartable.
 */
export interface Instance {
  name: string;
  url: string;
  http: () => request.Agent;
  /** The admin's bearer token (the instance's first super admin) */
  adminToken: string;
  /** A full-access API token, as a trusted system would use the REST API */
  apiToken: string;
  /** Where its database is, for another instance to share it */
  databaseEnv: Record<string, string>;
  /** SIGKILL: no shutdown, no cleanup, as a crash */
  kill(): Promise<void>;
  /** SIGSTOP and SIGCONT: a process that stops answering anyone (swapped out, stuck) and comes back */
  freeze(): void;
  thaw(): void;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const PROCESS = path.join(__dirname, 'instance-process.js');
const ADMIN = { email: 'admin@example.gov.cn', password: 'Disclosure-2026' };
const BOOT_TIMEOUT_MS = 90_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function spawn(name: string, env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // The instance logs warnings and errors only (instance-process.js); shown, so a failure in a child says why.
    const child = fork(PROCESS, [], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${BOOT_TIMEOUT_MS / 1000} s`));
    }, BOOT_TIMEOUT_MS);
    child.once('message', (message: any) => {
      if (!message?.ready) return;
      clearTimeout(timer);
      resolve(child);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} while starting`));
    });
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** `sharing`: run on that instance's database (several instances behind one load balancer). */
export async function startInstance(
  name: string,
  env: Record<string, string> = {},
  options: { sharing?: Instance } = {}
): Promise<Instance> {
  const database: Pick<ThrowawayDatabase, 'env' | 'drop'> = options.sharing
    ? { env: options.sharing.databaseEnv, drop: async () => undefined }
    : await createThrowawayDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const environment = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    ...freshSecrets(),
    SEED_DEMO: 'false',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'false',
    ...database.env,
    ...env,
  };
  let child = await spawn(name, environment);
  const http = () => request.agent(url);

  const login = await http().post('/admin/login').send(ADMIN);
  if (login.status !== 200)
    throw new Error(`${name}: admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const adminToken = login.body.data.token ?? login.body.data.accessToken;
  const token = await http()
    .post('/admin/api-tokens')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ name: `${name}-system`, type: 'full-access', lifespan: null, description: 'tests' });
  if (token.status !== 201)
    throw new Error(`${name}: API token refused: ${token.status} ${JSON.stringify(token.body)}`);

  return {
    name,
    url,
    http,
    adminToken,
    apiToken: token.body.data.accessKey,
    databaseEnv: database.env,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    freeze() {
      child.kill('SIGSTOP');
    },
    thaw() {
      child.kill('SIGCONT');
    },
    async restart() {
      child = await spawn(name, environment);
    },
    async stop() {
      child.kill('SIGTERM');
      let grace: NodeJS.Timeout | undefined;
      const stopped = await Promise.race([
        exited(child).then(() => true),
        new Promise((resolve) => (grace = setTimeout(() => resolve(false), 10_000))),
      ]);
      // A pending grace timer would keep the test run alive for its 10 s.
      clearTimeout(grace);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited(child);
      }
      await database.drop();
    },
  };
}

/** Waits until `check` returns something truthy, trying every `everyMs`; fails naming `what`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
  everyMs = 250
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result) return result;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${String(last)}` : ''}`
      );
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
