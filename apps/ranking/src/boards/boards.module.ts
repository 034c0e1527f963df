import { Module } from '@nestjs/common';
import { BoardStore } from './board-store';
import { BoardsConsumer } from './boards.consumer';
import { BoardsController } from './boards.controller';
import { PublishBoardUseCase } from './publish-board.use-case';

@Module({
  controllers: [BoardsController],
  providers: [BoardStore, BoardsConsumer, PublishBoardUseCase],
})
export class BoardsModule {}
