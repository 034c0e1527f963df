import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent, OnEvents } from '@paritrana/messaging';
import type { Tx } from '@paritrana/platform';
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
  async onEditionDefined(event: CloudEvent<typeof EventTypes.EditionDefined>, tx: Tx): Promise<void> {
    await this.recordEdition.execute({ definition: event.data.definition }, tx);
  }

  @OnEvents(EventTypes.NominationSubmitted)
  async onNominationsSubmitted(events: CloudEvent<typeof EventTypes.NominationSubmitted>[], tx: Tx): Promise<void> {
    await this.recordSubmissions.execute({ submissions: events.map((e) => e.data) }, tx);
  }

  @OnEvent(EventTypes.NominationWithdrawn)
  async onNominationWithdrawn(event: CloudEvent<typeof EventTypes.NominationWithdrawn>, tx: Tx): Promise<void> {
    await this.recordWithdrawal.execute({ withdrawal: event.data }, tx);
  }

  @OnEvents(EventTypes.ScoreCalculated)
  async onScoresCalculated(events: CloudEvent<typeof EventTypes.ScoreCalculated>[], tx: Tx): Promise<void> {
    await this.recordScores.execute({ scores: events.map((e) => e.data) }, tx);
  }
}
