import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    // Required: production-secrets refuses to start without it (Strapi's type has no room for undefined).
    secret: env('ADMIN_JWT_SECRET')!,
    // The admin's session cookies go with every request to this site, not only /admin: the media
    // library's thumbnails and the editor's previews load /uploads/… as plain <img> and <a> URLs, and
    // the upload gate lets a signed-in admin read a draft's files by its refresh cookie (httpOnly,
    // SameSite=Lax).
    cookie: { path: '/' },
    sessions: {
      // An idle admin session ends after 30 minutes (MLPS 2.0); none outlives a working day.
      accessTokenLifespan: 15 * 60,
      idleSessionLifespan: env.int('ADMIN_IDLE_SESSION_SECONDS', 30 * 60),
      idleRefreshTokenLifespan: env.int('ADMIN_IDLE_SESSION_SECONDS', 30 * 60),
      maxSessionLifespan: 10 * 60 * 60,
      maxRefreshTokenLifespan: 10 * 60 * 60,
    },
  },
  // Replaced by the disclosure plugin's login guard, which limits per address and per account
  // separately and locks an account after 5 failures (Strapi's own keys on e-mail and address together).
  rateLimit: {
    enabled: false,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT')!,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
  },
});

export default config;
