import serverConfig from '../../config/server';
import { assertProductionSecrets, insecureSecrets } from '../../src/security/production-secrets';

const strong = {
  APP_KEYS: 'k2Jf8s0aQn1r7Yw3Lp9Z==,Mq4vT6xB2nR8cE1uH5==',
  API_TOKEN_SALT: 'Z8c1vB4nM7qW2eR5tY9u==',
  ADMIN_JWT_SECRET: 'P0oI9uY8tR7eW6qA5sD4==',
  TRANSFER_TOKEN_SALT: 'L1kJ2hG3fD4sA5zX6cV7==',
  JWT_SECRET: 'Q9wE8rT7yU6iO5pA4sD3==',
  ENCRYPTION_KEY: 'M1nB2vC3xZ4lK5jH6gF7==',
};

describe('secrets in production', () => {
  test('strong secrets from the environment pass', () => {
    expect(insecureSecrets(strong)).toEqual([]);
    expect(() => assertProductionSecrets({ ...strong, NODE_ENV: 'production' })).not.toThrow();
  });

  test('missing, placeholder, short and development secrets are each named', () => {
    const problems = insecureSecrets({
      ...strong,
      APP_KEYS: 'toBeModified1,toBeModified2',
      JWT_SECRET: 'short',
      ENCRYPTION_KEY: undefined,
      SECRETS_FOR: 'development',
    });
    expect(problems).toEqual([
      'SECRETS_FOR=development: the secrets were generated for a development checkout',
      'APP_KEYS is a placeholder value',
      'JWT_SECRET is shorter than 16 characters',
      'ENCRYPTION_KEY is not set',
    ]);
  });

  test('the server configuration refuses to load in production with unsafe secrets', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, {
        ...strong,
        NODE_ENV: 'production',
        ADMIN_JWT_SECRET: 'tobemodified',
      });
      const env: any = (name: string, fallback?: unknown) => process.env[name] ?? fallback;
      env.int = (name: string, fallback?: number) => Number(process.env[name] ?? fallback);
      env.bool = (_name: string, fallback?: boolean) => fallback;
      env.array = (name: string) => (process.env[name] ?? '').split(',');
      expect(() => serverConfig({ env })).toThrow(
        /^生产环境拒绝启动：密钥不安全 .*ADMIN_JWT_SECRET is a placeholder value/
      );
      process.env.NODE_ENV = 'test';
      expect(() => serverConfig({ env })).not.toThrow();
    } finally {
      process.env = saved;
    }
  });
});
