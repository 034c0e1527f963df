import { Injectable } from '@nestjs/common';
import { createEvent, EventTypes, RegionDirectory, type EditionDefinition, type Principal } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { AuditLog, DomainError, Transactions } from '@paritrana/platform';
import { checkEditionRules } from './edition-rules';
import { EditionStore } from './edition.store';

export interface DefineEditionCommand {
  definition: EditionDefinition;
  by: Principal;
  now?: Date;
}

@Injectable()
export class DefineEditionUseCase {
  private readonly regions = RegionDirectory.official();

  constructor(
    private readonly transactions: Transactions,
    private readonly editions: EditionStore,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  /** The edition as defined; refused with EDITION_INVALID (every problem) or EDITION_EXISTS. */
  async execute({ definition, by, now = new Date() }: DefineEditionCommand): Promise<EditionDefinition> {
    const problems = checkEditionRules(definition, this.regions);
    if (problems.length > 0) throw DomainError.invalid('EDITION_INVALID', 'The edition definition has problems', problems);
    return this.transactions.run(async (tx) => {
      if (!(await this.editions.insert(tx, definition, by.sub))) {
        throw DomainError.conflict('EDITION_EXISTS', `Edition ${definition.code} already exists`);
      }
      const event = createEvent(
        EventTypes.EditionDefined,
        definition.code,
        { definition, definedAt: now.toISOString(), definedBy: by.sub },
        { service: 'nomination-intake' },
      );
      await this.events.publish(tx, [event]);
      await this.audit.record(tx, by, [{ action: 'edition.defined', details: { code: definition.code } }]);
      return definition;
    });
  }
}
