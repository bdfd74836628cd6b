import { CommandHandler, streamName, type Clock, type CommandContext } from '@c360/kernel';
import { DEFAULT_PROGRAM_ID, loyaltyProgram, type ProgramCommand, type ProgramSettings } from '@c360/loyalty-domain';
import { CLOCK } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';

export const PROGRAM_STREAM = streamName('loyalty', 'program', DEFAULT_PROGRAM_ID);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type ProgramChange = DistributiveOmit<ProgramCommand, 'actor' | 'changedAt'>;

/** The programme after a change: its stream version (If-Match), its own version, and whether anything changed. */
export interface ProgramResult {
  readonly version: number;
  readonly programVersion: number;
  /** False when the settings were already so, or the request was a repeat. */
  readonly changed: boolean;
  readonly settings: ProgramSettings;
}

/**
 * How stale the programme's rules may be when a command reads them. Every loyalty command reads them, and
 * checking the stream each time was a read per command (8 % of the HTTP thread under adjust + redeem). A
 * change made through this process applies at once; one made by another host (the processor thread, a
 * service in distributed mode) within this time, which is shorter than the reactions' own lag under load.
 */
export const PROGRAM_MAX_AGE_MS = 1_000;

/** The club's rules: read as a cached aggregate (cheap), changed by supervisors as versioned events. */
@Injectable()
export class LoyaltyProgramService {
  constructor(
    private readonly commands: CommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The programme as it is now, with the stream version to send back as If-Match. */
  async current(): Promise<{ settings: ProgramSettings; revision: number }> {
    const loaded = await this.commands.load(loyaltyProgram, PROGRAM_STREAM);
    return { settings: loaded.state, revision: loaded.revision };
  }

  /** The rules a command applies: at most PROGRAM_MAX_AGE_MS old (`current()` is always checked: it answers If-Match). */
  async settings(): Promise<ProgramSettings> {
    return (await this.commands.load(loyaltyProgram, PROGRAM_STREAM, { maxAgeMs: PROGRAM_MAX_AGE_MS })).state;
  }

  async change(change: ProgramChange, context: CommandContext): Promise<ProgramResult> {
    const command = { ...change, actor: context.actor, changedAt: this.clock.now().toISOString() } as ProgramCommand;
    const result = await this.commands.handle(loyaltyProgram, PROGRAM_STREAM, command, context);
    return {
      version: result.revision,
      programVersion: result.state.version,
      changed: result.events.length > 0 && !result.duplicate,
      settings: result.state,
    };
  }
}
