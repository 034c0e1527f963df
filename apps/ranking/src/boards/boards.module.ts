import { Module, type DynamicModule } from '@nestjs/common';
import { EditionStore } from '../editions/edition-store';
import { PostgresEditionStore } from '../editions/postgres-edition-store';
import { RecordEditionUseCase } from '../editions/record-edition.use-case';
import { EntryStore } from '../entries/entry-store';
import { PostgresEntryStore } from '../entries/postgres-entry-store';
import { ANNOUNCEMENT_SETTINGS, type AnnouncementSettings } from './announcement-settings';
import { BoardAnnouncer } from './board-announcer';
import { BoardPlacement } from './board-placement';
import { BoardProgressController } from './board-progress.controller';
import { BoardProgressUseCase } from './board-progress.use-case';
import { BoardStore } from './board-store';
import { BoardViews } from './board-views';
import { BoardsConsumer } from './boards.consumer';
import { BoardsController } from './boards.controller';
import { GetBoardUseCase } from './get-board.use-case';
import { ListBoardsUseCase } from './list-boards.use-case';
import { PostgresBoardStore } from './postgres-board-store';
import { PublishBoardUseCase } from './publish-board.use-case';
import { RecordScoresUseCase } from './record-scores.use-case';
import { RecordSubmissionsUseCase } from './record-submissions.use-case';
import { RecordWithdrawalUseCase } from './record-withdrawal.use-case';

@Module({
  controllers: [BoardsController, BoardProgressController],
  providers: [
    { provide: BoardStore, useClass: PostgresBoardStore },
    { provide: EditionStore, useClass: PostgresEditionStore },
    { provide: EntryStore, useClass: PostgresEntryStore },
    BoardViews,
    BoardPlacement,
    BoardsConsumer,
    BoardAnnouncer,
    RecordEditionUseCase,
    RecordSubmissionsUseCase,
    RecordWithdrawalUseCase,
    RecordScoresUseCase,
    ListBoardsUseCase,
    BoardProgressUseCase,
    GetBoardUseCase,
    PublishBoardUseCase,
  ],
  exports: [BoardStore, EditionStore],
})
export class BoardsModule {
  /** Global: the results read the same boards. */
  static forRoot(settings: AnnouncementSettings): DynamicModule {
    return { module: BoardsModule, global: true, providers: [{ provide: ANNOUNCEMENT_SETTINGS, useValue: settings }] };
  }
}
