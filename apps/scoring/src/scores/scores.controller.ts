import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { canReadNomination, coversProvince, NATIONAL_ROLES, parseBoardId, type Principal } from '@paritrana/contracts';
import { CurrentPrincipal, DomainError, isUuid, nominationOutOfScope, Roles } from '@paritrana/platform';
import { DataSource } from 'typeorm';
import { scoresCsv } from './scores-csv';
import { ScoringStore } from './scoring-store';

@ApiTags('scores')
@ApiBearerAuth()
@Controller('v1/scores')
export class ScoresController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ScoringStore,
  ) {}

  @Get('export')
  @Roles('secretariat', 'admin', 'panel-chair')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'A board’s scores as CSV, with every assessor’s scores' })
  @ApiQuery({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiProduces('text/csv')
  async export(@Query('boardId') boardId: string | undefined, @CurrentPrincipal() principal: Principal): Promise<string> {
    const key = boardId ? parseBoardId(boardId) : undefined;
    if (!key)
      throw DomainError.invalid('BOARD_ID_INVALID', 'Give a board: ?boardId=2024:provincial:15:regency', [
        { path: 'boardId', message: 'must be edition:tier:scope:category' },
      ]);
    let provinces: string[] | undefined;
    if (key.tier === 'provincial') {
      if (!coversProvince(principal, key.scope))
        throw DomainError.forbidden('PROVINCE_OUT_OF_SCOPE', `Your token does not cover province ${key.scope}`);
      provinces = [key.scope];
    } else {
      if (!NATIONAL_ROLES.has(principal.role) && (principal.provinces ?? []).length > 0) {
        throw DomainError.forbidden('BOARD_OUT_OF_SCOPE', 'Only the national committee exports national boards');
      }
      if (key.scope !== 'national') {
        const edition = await this.store.edition(this.dataSource.manager, key.edition).catch(() => undefined);
        provinces = edition?.zones.find((z) => z.code === key.scope)?.provinces ?? [];
      }
    }
    const nominations = await this.store.byProvinces(this.dataSource.manager, key.edition, key.tier, key.category, provinces);
    const assessments = await this.store.currentAssessments(
      this.dataSource.manager,
      nominations.map((n) => n.nominationId),
    );
    return scoresCsv(nominations, assessments);
  }

  @Get(':nominationId')
  @ApiOperation({ summary: 'Explain a nomination’s score criterion by criterion; secretariat and admin also see each assessor’s scores' })
  @ApiParam({ name: 'nominationId', format: 'uuid', example: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  @ApiResponse({ status: 404, description: 'Not scored (yet), no such nomination, or not one you may see' })
  async get(@Param('nominationId') nominationId: string, @CurrentPrincipal() principal: Principal) {
    const score = isUuid(nominationId) ? await this.store.nomination(this.dataSource.manager, nominationId) : undefined;
    if (!score || score.rubricVersion === 0) throw DomainError.notFound('SCORE_NOT_FOUND', `No score for nomination ${nominationId} yet`);
    if (!canReadNomination(principal, score)) throw nominationOutOfScope(score);
    const { status, total, rubricVersion, criteria, reasons, calculatedAt } = score;
    const explained = { nominationId, status, total, rubricVersion, criteria, reasons, calculatedAt };
    if (!NATIONAL_ROLES.has(principal.role)) return explained;
    const assessments = await this.store.history(this.dataSource.manager, [nominationId]);
    return { ...explained, assessments: assessments.map(({ nominationId: _n, ...a }) => ({ ...a, current: a.supersededAt === null })) };
  }
}
