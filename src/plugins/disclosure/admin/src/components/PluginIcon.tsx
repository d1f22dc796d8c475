import { Clock } from '@strapi/icons';

export const PluginIcon = () => <Clock />;
