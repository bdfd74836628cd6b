import { GatewayModule, runService } from '@c360/runtime';
import { platformContexts, platformModules } from './platform-contexts';

/** The embedded default (`npm start`): every context, projector and relay in one process, and the GraphQL gateway in-process. */
runService({
  name: 'Customer 360',
  modules: [...platformModules(), GatewayModule.forRoot({ contexts: platformContexts, services: 'in-process' })],
  // Each context validates its own settings before anything opens (a bad one names its variable).
  settings: () => platformContexts.flatMap((context) => context.settings?.() ?? []).join(', ') || undefined,
});
