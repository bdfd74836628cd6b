import type { CommandContext } from '@c360/kernel';
import type { ProgramSettings } from '@c360/loyalty-domain';
import { ContextCommand, ContextQuery } from '@c360/runtime';
import type { ProgramChange, ProgramResult } from './loyalty-program.service';

/** A supervisor's change of the club's rules (spend rule, engagement rules, tiers, points, transfers, fraud). */
export class ChangeProgram extends ContextCommand<ProgramResult> {
  constructor(
    readonly change: ProgramChange,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** The rules in force and the programme stream's version. */
export class GetProgram extends ContextQuery<{ settings: ProgramSettings; revision: number }> {}
