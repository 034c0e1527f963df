import { Module } from '@nestjs/common';
import { BoardAnnouncer } from './board-announcer';
import { BoardStore } from './board-store';
import { BoardsConsumer } from './boards.consumer';
import { BoardsController } from './boards.controller';
import { PublishBoardUseCase } from './publish-board.use-case';

@Module({
  controllers: [BoardsController],
  providers: [BoardStore, BoardsConsumer, BoardAnnouncer, PublishBoardUseCase],
})
export class BoardsModule {}
