import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // The disclosure rules every office is audited on (same-day publication, deadlines, gate, 转载, 繁體).
  disclosure: {
    enabled: true,
    resolve: './src/plugins/disclosure',
    config: {},
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
});

export default config;
