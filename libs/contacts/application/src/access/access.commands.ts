import { ContextCommand } from '@c360/runtime';
import type { CommandContext } from '@c360/kernel';

/** The export document, as JSON text in chunks, written to the reply as it is produced. */
export interface AccessExportStream {
  readonly customerId: string;
  readonly exportId: string;
  readonly chunks: AsyncIterable<string>;
}

/**
 * Right of access: everything every context holds about the customer, in one document. A command, not
 * a query: each export is recorded (`contacts.access-exported`, who asked and when).
 */
export class ExportCustomer extends ContextCommand<AccessExportStream> {
  constructor(
    readonly customerId: string,
    context: CommandContext,
  ) {
    super(context);
  }
}
