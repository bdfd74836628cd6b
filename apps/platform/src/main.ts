import { runService } from '@c360/runtime';
import { contextModules } from './context-modules';

/** The embedded default (`npm start`): every context, projector and relay in one process. */
runService({ name: 'Customer 360', modules: contextModules });
