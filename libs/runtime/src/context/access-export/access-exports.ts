import { Injectable } from '@nestjs/common';
import type { AccessExportPart } from './access-export-part';

/**
 * The parts of every context running in this process (one per context that declares `accessExport`),
 * by section name: the order modules are built in is Nest's business, the document's must not move.
 * Provided once, by the infrastructure module; each
 * context module registers its part when it is built.
 */
@Injectable()
export class AccessExports {
  private readonly registered: AccessExportPart[] = [];

  register(part: AccessExportPart): void {
    if (this.registered.some((other) => other.section === part.section)) {
      throw new Error(`Two access-export parts write the section "${part.section}"`);
    }
    this.registered.push(part);
  }

  parts(): readonly AccessExportPart[] {
    return [...this.registered].sort((a, b) => a.section.localeCompare(b.section));
  }
}
