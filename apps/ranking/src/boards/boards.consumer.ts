import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent, OnEvents } from '@paritrana/messaging';
import type { EntityManager } from 'typeorm';
import { RecordEditionUseCase } from '../editions/record-edition.use-case';
import { RecordScoresUseCase } from './record-scores.use-case';
import { RecordSubmissionsUseCase } from './record-submissions.use-case';
import { RecordWithdrawalUseCase } from './record-withdrawal.use-case';

/** Keeps ranking's projection current from editions, nominations and scores. */
@Injectable()
export class BoardsConsumer {
  constructor(
    private readonly recordEdition: RecordEditionUseCase,
    private readonly recordSubmissions: RecordSubmissionsUseCase,
    private readonly recordWithdrawal: RecordWithdrawalUseCase,
    private readonly recordScores: RecordScoresUseCase,
  ) {}

  @OnEvent(EventTypes.EditionDefined)
  async onEditionDefined(event: CloudEvent<typeof EventTypes.EditionDefined>, manager: EntityManager): Promise<void> {
    await this.recordEdition.execute(manager, { definition: event.data.definition });
  }

  @OnEvents(EventTypes.NominationSubmitted)
  async onNominationsSubmitted(events: CloudEvent<typeof EventTypes.NominationSubmitted>[], manager: EntityManager): Promise<void> {
    await this.recordSubmissions.execute(manager, { submissions: events.map((e) => e.data) });
  }

  @OnEvent(EventTypes.NominationWithdrawn)
  async onNominationWithdrawn(event: CloudEvent<typeof EventTypes.NominationWithdrawn>, manager: EntityManager): Promise<void> {
    await this.recordWithdrawal.execute(manager, { withdrawal: event.data });
  }

  @OnEvents(EventTypes.ScoreCalculated)
  async onScoresCalculated(events: CloudEvent<typeof EventTypes.ScoreCalculated>[], manager: EntityManager): Promise<void> {
    await this.recordScores.execute(manager, { scores: events.map((e) => e.data) });
  }
}
