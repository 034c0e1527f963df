import { Module, type DynamicModule } from '@nestjs/common';
import { AUDIT_SCHEMA, AuditLog } from './audit-log';
import { AuditController } from './audit.controller';

/** The audit trail of one service: `AuditLog` for its use cases, `GET /v1/audit` for the secretariat. */
@Module({})
export class AuditModule {
  static forSchema(schema: string): DynamicModule {
    return {
      module: AuditModule,
      global: true,
      controllers: [AuditController],
      providers: [{ provide: AUDIT_SCHEMA, useValue: schema }, AuditLog],
      exports: [AuditLog],
    };
  }
}
