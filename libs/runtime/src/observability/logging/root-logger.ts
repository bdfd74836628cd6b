import pino, { type DestinationStream, type Logger } from 'pino';
import { ConfigError } from '../../config/config-error';
import type { PlatformConfig } from '../../config/platform-config';

/** LOG_LEVEL keeps Nest's names; pino calls `log` `info`. */
const PINO_LEVELS: Record<PlatformConfig['logLevel'], pino.Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

/**
 * The one pino logger of an app: JSON lines on stdout (or `destination`, which specs use to capture
 * lines), or pino-pretty's human-readable lines under LOG_FORMAT=pretty. Serializers are narrow on
 * purpose: nothing here ever logs a request or response body, headers or event data — personal data
 * must not reach the logs (a spec greps them after the privacy journey).
 */
export function createRootLogger(
  config: Pick<PlatformConfig, 'logLevel' | 'logFormat' | 'tracing'>,
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: PINO_LEVELS[config.logLevel],
    base: { service: config.tracing.serviceName, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: errorSummary },
  };
  if (destination) return pino(options, destination);
  if (config.logFormat === 'json') return pino(options);
  return pino({
    ...options,
    transport: { target: prettyTarget(), options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,service', singleLine: true } },
  });
}

/** pino-pretty is a development dependency: say so, naming the variable, when it is not installed. */
function prettyTarget(): string {
  try {
    return require.resolve('pino-pretty');
  } catch {
    throw new ConfigError(['LOG_FORMAT="pretty" needs the pino-pretty package (a development dependency); use LOG_FORMAT=json']);
  }
}

/**
 * An error's name, its stable code when it has one and where it was thrown — not its message, which
 * can quote what a customer wrote (a rule refusing an e-mail address names it).
 */
function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, ...(typeof code === 'string' ? { code } : {}), stack: error.stack?.split('\n').slice(1, 6).join('\n') };
}
