/**
 * Secrets come from the environment only. In production the server refuses to start when one is
 * missing, short, a well-known placeholder, or from the development .env that `npm run develop`
 * writes on a fresh clone (marked SECRETS_FOR=development).
 */
export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

export const MIN_SECRET_LENGTH = 16;

/** Values from Strapi's templates and documentation examples, and other obvious stand-ins. */
const PLACEHOLDERS = new Set([
  'tobemodified',
  'tobemodified1',
  'tobemodified2',
  'example-token',
  'example-salt',
  'example-key',
  'changeme',
  'secret',
  'password',
]);

export function insecureSecrets(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.SECRETS_FOR === 'development') {
    problems.push('SECRETS_FOR=development: the secrets were generated for a development checkout');
  }
  for (const name of REQUIRED_SECRETS) {
    const value = env[name];
    if (!value) {
      problems.push(`${name} is not set`);
      continue;
    }
    const parts = name === 'APP_KEYS' ? value.split(',') : [value];
    if (parts.some((part) => PLACEHOLDERS.has(part.trim().toLowerCase())))
      problems.push(`${name} is a placeholder value`);
    else if (parts.some((part) => part.trim().length < MIN_SECRET_LENGTH)) {
      problems.push(`${name} is shorter than ${MIN_SECRET_LENGTH} characters`);
    }
  }
  return problems;
}

/** Throws, stopping the start, when production would run on unsafe secrets. */
export function assertProductionSecrets(
  env: Record<string, string | undefined> = process.env
): void {
  if (env.NODE_ENV !== 'production') return;
  const problems = insecureSecrets(env);
  if (problems.length) {
    throw new Error(
      `生产环境拒绝启动：密钥不安全 (refusing to start in production with unsafe secrets): ${problems.join('; ')}. ` +
        'Set each from a secret store, e.g. `openssl rand -base64 32`.'
    );
  }
}
