import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Declared first so its roles exist when the disclosure plugin sets the Public role's permissions.
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  // The disclosure rules every office is audited on (same-day publication, deadlines, gate, 转载, 繁體).
  disclosure: {
    enabled: true,
    resolve: './src/plugins/disclosure',
    config: {},
  },
});

export default config;
