import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, EventTypes, RegionDirectory, type EditionDefinition, type Principal } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { AuditLog, DomainError } from '@paritrana/platform';
import { DataSource } from 'typeorm';
import { EditionEntity } from './edition.entity';
import { checkEditionRules } from './edition-rules';

@Injectable()
export class DefineEditionUseCase {
  private readonly regions = RegionDirectory.official();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  async execute(definition: EditionDefinition, by: Principal): Promise<EditionDefinition> {
    const problems = checkEditionRules(definition, this.regions);
    if (problems.length > 0) throw DomainError.invalid('EDITION_INVALID', 'The edition definition has problems', problems);
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(EditionEntity)
        .values({ code: definition.code, definition, definedBy: by.sub })
        .orIgnore()
        .returning(['code'])
        .execute();
      if (inserted.raw.length === 0) throw DomainError.conflict('EDITION_EXISTS', `Edition ${definition.code} already exists`);
      const event = createEvent(
        EventTypes.EditionDefined,
        definition.code,
        { definition, definedAt: new Date().toISOString(), definedBy: by.sub },
        { service: 'nomination-intake' },
      );
      await this.events.publish(manager, [event]);
      await this.audit.record(manager, by, [{ action: 'edition.defined', details: { code: definition.code } }]);
      return definition;
    });
  }
}
