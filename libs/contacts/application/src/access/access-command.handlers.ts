import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { ExportCustomer, type AccessExportStream } from './access.commands';
import { AccessExportService } from './access-export.service';

@HandlesCommand(ExportCustomer)
export class ExportCustomerHandler implements ICommandHandler<ExportCustomer, AccessExportStream> {
  constructor(private readonly exports: AccessExportService) {}

  execute(command: ExportCustomer): Promise<AccessExportStream> {
    return this.exports.start(command.customerId, contextOf(command));
  }
}

export const ACCESS_COMMAND_HANDLERS = [ExportCustomerHandler];
