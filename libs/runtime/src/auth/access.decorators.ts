import { SetMetadata, UseGuards, applyDecorators, type CanActivate, type Type } from '@nestjs/common';
import type { Role } from './roles';

export const ACCESS_METADATA = 'c360:access';

/**
 * Who may call a route — the role table, declared beside each route (or once on its controller):
 * - `roles`: a verified bearer token or API key whose role is in the list;
 * - `public`: no credential (health, the API description);
 * - `credential`: a context's own credential (the partner key), checked by the guard it names.
 */
export type RouteAccess =
  | { readonly kind: 'roles'; readonly roles: readonly Role[] }
  | { readonly kind: 'public' }
  | { readonly kind: 'credential'; readonly credential: string; readonly guard: Type<CanActivate> };

/** `@Roles('agent', 'supervisor')` or `@Roles(...ACCESS.work)`: these roles may call the route; others get 403. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata<string, RouteAccess>(ACCESS_METADATA, { kind: 'roles', roles });

/** No credential needed: health and the API description only. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata<string, RouteAccess>(ACCESS_METADATA, { kind: 'public' });

/**
 * The route authenticates with a context's own credential, verified by `guard` (which must set the
 * request's actor). Declaring the credential and its guard together means one cannot be forgotten.
 */
export const CredentialOf = (credential: string, guard: Type<CanActivate>) =>
  applyDecorators(SetMetadata<string, RouteAccess>(ACCESS_METADATA, { kind: 'credential', credential, guard }), UseGuards(guard));
