import { Controller, Get, Param } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { coversProvince, type Principal } from '@paritrana/contracts';
import { CurrentPrincipal, DomainError, isUuid } from '@paritrana/platform';
import { Repository } from 'typeorm';
import { ScoreEntity } from './score.entity';

@ApiTags('scores')
@ApiBearerAuth()
@Controller('v1/scores')
export class ScoresController {
  constructor(@InjectRepository(ScoreEntity) private readonly scores: Repository<ScoreEntity>) {}

  @Get(':nominationId')
  @ApiOperation({ summary: 'Explain a nomination’s score criterion by criterion' })
  @ApiParam({ name: 'nominationId', format: 'uuid', example: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  @ApiResponse({ status: 404, description: 'Not scored (yet), or no such nomination' })
  async get(@Param('nominationId') nominationId: string, @CurrentPrincipal() principal: Principal) {
    const score = isUuid(nominationId) ? await this.scores.findOneBy({ nominationId }) : null;
    if (!score) throw DomainError.notFound('SCORE_NOT_FOUND', `No score for nomination ${nominationId} yet`);
    if (score.tier === 'provincial' && !coversProvince(principal, score.province)) {
      throw DomainError.forbidden('PROVINCE_OUT_OF_SCOPE', `Your token does not cover province ${score.province}`);
    }
    const { status, total, rubricVersion, criteria, reasons } = score;
    return { nominationId, status, total, rubricVersion, criteria, reasons };
  }
}
