import { Module } from '@nestjs/common';
import { ProcessorAdminController } from './processor-admin.controller';

/** `/admin/processors`: list, restart, skip (needs the admin role once authentication lands). */
@Module({ controllers: [ProcessorAdminController] })
export class ProcessorAdminModule {}
