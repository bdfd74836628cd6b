import type { ProgramSettings } from '@c360/loyalty-domain';
import { HandlesCommand, HandlesQuery, contextOf, type ICommandHandler, type IQueryHandler } from '@c360/runtime';
import { LoyaltyProgramService, type ProgramResult } from './loyalty-program.service';
import { ChangeProgram, GetProgram } from './program.commands';

@HandlesCommand(ChangeProgram)
export class ChangeProgramHandler implements ICommandHandler<ChangeProgram, ProgramResult> {
  constructor(private readonly program: LoyaltyProgramService) {}
  execute(command: ChangeProgram): Promise<ProgramResult> {
    return this.program.change(command.change, contextOf(command));
  }
}

@HandlesQuery(GetProgram)
export class GetProgramHandler implements IQueryHandler<GetProgram, { settings: ProgramSettings; revision: number }> {
  constructor(private readonly program: LoyaltyProgramService) {}
  execute(): Promise<{ settings: ProgramSettings; revision: number }> {
    return this.program.current();
  }
}

export const PROGRAM_HANDLERS = [ChangeProgramHandler, GetProgramHandler];
