import { platformContexts } from '@c360/platform';
import { GatewayModule, loadServiceTimeoutMs, loadServiceUrls, runService } from '@c360/runtime';

/**
 * The GraphQL gateway on its own, in front of services that run apart: every operation goes over HTTP
 * to the context that owns it (`C360_SERVICE_URL_<CONTEXT>`), with the caller's own token.
 */
runService({
  name: 'GraphQL gateway',
  modules: () => [
    GatewayModule.forRoot({
      contexts: platformContexts,
      services: loadServiceUrls(platformContexts.filter((context) => context.graphql?.length).map((context) => context.name)),
      serviceTimeoutMs: loadServiceTimeoutMs(),
    }),
  ],
});
