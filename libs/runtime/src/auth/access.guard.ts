import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS_METADATA, type RouteAccess } from './access.decorators';
import { Authenticator } from './authenticator';
import { setRequestActor } from './request-actor';

/** Set on each controller by ContextModule.register: a refusal's error code names the context (`loyalty.supervisor-required`). */
export const CONTEXT_NAME_METADATA = 'c360:context-name';

/** The route's declared access: on the handler, else on its controller. */
export function routeAccess(reflector: Reflector, context: ExecutionContext): RouteAccess | undefined {
  return reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
}

/**
 * The first gate of every route of every app, registered once by the runtime: public routes pass,
 * routes with a context's own credential pass to that credential's guard, every other route needs a
 * verified credential (401) whose role the route declares (403). A route that declares nothing is
 * refused: forgetting the table must never open a route (a spec also fails on it).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // GraphQL resolvers check the caller and the operation's roles themselves, then call a route that passes here.
    if (context.getType<string>() === 'graphql') return true;
    const access = routeAccess(this.reflector, context);
    if (access?.kind === 'public' || access?.kind === 'credential') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const actor = await this.authenticator.authenticate(request);
    setRequestActor(request, actor);
    const allowed = access?.kind === 'roles' ? access.roles : [];
    if ((allowed as readonly string[]).includes(actor.role)) return true;
    const prefix = this.reflector.get<string | undefined>(CONTEXT_NAME_METADATA, context.getClass()) ?? 'platform';
    // The same code the context's own rules use when they refuse (one code for clients to handle).
    const code = allowed.length === 1 ? `${prefix}.${allowed[0]}-required` : `${prefix}.role-required`;
    throw new ForbiddenException({
      statusCode: 403,
      error: code,
      message: allowed.length
        ? `This needs the role ${allowed.join(' or ')} (actor role is ${actor.role})`
        : 'This route declares no roles, so nobody may call it',
      details: { role: actor.role, allowed },
    });
  }
}
