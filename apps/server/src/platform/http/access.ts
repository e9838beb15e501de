import type { Permission } from '@enlace/access';

/**
 * What a route requires, declared on every route (`config: { access }`). Routes without it are refused at
 * start-up: default deny.
 * - 'public': no session (health, metrics, OpenAPI, login, web assets);
 * - 'session': any signed-in user (own profile, logout);
 * - a Permission: the role must hold it (record-level checks follow in the use-case, same function).
 */
export type RouteAccess = 'public' | 'session' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
