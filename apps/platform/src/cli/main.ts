import 'reflect-metadata';
import { platformContexts, platformModules } from '../platform-contexts';
import { runCli } from './program';

/** `npm run c360 -- <command>` and the `c360` bin: the replay and audit tool over the platform's contexts. */
runCli(process.argv.slice(2), { contexts: platformContexts, modules: () => platformModules() }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
