import { Module } from '@nestjs/common';
import { RegionDirectory } from '@paritrana/contracts';
import { RegionsController } from './regions.controller';
import { SearchRegionsUseCase } from './search-regions.use-case';

@Module({
  controllers: [RegionsController],
  providers: [{ provide: RegionDirectory, useFactory: () => RegionDirectory.official() }, SearchRegionsUseCase],
})
export class RegionsModule {}
