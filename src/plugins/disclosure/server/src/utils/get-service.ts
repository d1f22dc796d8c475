import type { Core } from '@strapi/strapi';
import type { Merged } from '../capabilities';

type ServiceFactories = Merged<'services'>;
export type ServiceName = keyof ServiceFactories & string;
/** Each service as its factory builds it, so calls through getService are typed. */
export type Services = {
  [K in ServiceName]: ServiceFactories[K] extends (...args: never[]) => infer Built ? Built : never;
};

/**
 * The plugin's service by name. Look it up where it is used and call the method on the object:
 * tests and the bench replace methods on service objects at run time (clock.now, syndication.recordChange).
 */
export const getService = <K extends ServiceName>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('disclosure').service(name) as Services[K];
