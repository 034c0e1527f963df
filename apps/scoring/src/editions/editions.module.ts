import { Module } from '@nestjs/common';

import { EditionsConsumer } from './editions.consumer';

@Module({
  providers: [EditionsConsumer],
})
export class EditionsModule {}
