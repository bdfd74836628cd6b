import type { Actor } from '@c360/kernel';
import type { FastifyRequest } from 'fastify';

/** Where the guard leaves the verified actor of a request; nothing else may set it. */
const ACTOR = Symbol('c360.actor');

type WithActor = FastifyRequest & { [ACTOR]?: Actor };

export function setRequestActor(request: FastifyRequest, actor: Actor): void {
  (request as WithActor)[ACTOR] = actor;
}

/** The actor a guard verified for this request, if any. */
export function requestActor(request: FastifyRequest): Actor | undefined {
  return (request as WithActor)[ACTOR];
}
