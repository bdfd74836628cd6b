import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_METADATA, type RouteAccess } from './access.decorators';

/** One route of an app, as its controller declares it. */
export interface RouteEntry {
  readonly method: string;
  /** Fastify's form: `/loyalty/accounts/:customerId`. */
  readonly path: string;
  /** Undefined when neither the handler nor its controller declares who may call it. */
  readonly access: RouteAccess | undefined;
  readonly controller: Type<unknown>;
  readonly handler: string;
}

/**
 * Every controller route of a running app with its declared access: the role table as the app really
 * has it (specs compare it with the router, the docs list it). Reads the same metadata the AccessGuard reads.
 */
export function routeTable(app: INestApplication): RouteEntry[] {
  const controllers = new Set<Type<unknown>>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) if (wrapper.metatype) controllers.add(wrapper.metatype as Type<unknown>);
  }
  return [...controllers].flatMap((controller) => routesOf(controller));
}

function routesOf(controller: Type<unknown>): RouteEntry[] {
  const base = pathOf(Reflect.getMetadata(PATH_METADATA, controller));
  const prototype = controller.prototype as Record<string, unknown>;
  const classAccess = Reflect.getMetadata(ACCESS_METADATA, controller) as RouteAccess | undefined;
  return Object.getOwnPropertyNames(prototype).flatMap((handler) => {
    const fn = handler === 'constructor' ? undefined : prototype[handler];
    if (typeof fn !== 'function') return [];
    const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
    const paths = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
    if (method === undefined || paths === undefined) return [];
    const access = (Reflect.getMetadata(ACCESS_METADATA, fn) as RouteAccess | undefined) ?? classAccess;
    return (Array.isArray(paths) ? paths : [paths]).map((path) => ({
      method: RequestMethod[method],
      path: `/${[base, pathOf(path)].filter(Boolean).join('/')}`,
      access,
      controller,
      handler,
    }));
  });
}

function pathOf(value: unknown): string {
  return (typeof value === 'string' ? value : '').replace(/^\/+|\/+$/g, '');
}
