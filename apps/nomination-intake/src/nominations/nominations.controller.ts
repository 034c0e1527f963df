import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@paritrana/contracts';
import { CurrentPrincipal, Roles } from '@paritrana/platform';
import { NominationAcceptedDto, SubmitNominationDto } from './nomination.dto';
import type { NominationEntity } from './nomination.entity';
import { NominationsQuery } from './nominations.query';
import { SubmitNominationUseCase } from './submit-nomination.use-case';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('v1/nominations')
export class NominationsController {
  constructor(
    private readonly submitNomination: SubmitNominationUseCase,
    private readonly nominations: NominationsQuery,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('regional-office', 'secretariat', 'admin')
  @ApiOperation({ summary: 'Nominate a province, regency, village or employer' })
  @ApiResponse({ status: 201, type: NominationAcceptedDto })
  @ApiResponse({ status: 403, description: 'The province is outside the token' })
  @ApiResponse({ status: 409, description: 'The nominee is already nominated in this edition, tier and category' })
  @ApiResponse({ status: 422, description: 'Every invalid field with its path' })
  submit(@Body() body: SubmitNominationDto, @CurrentPrincipal() principal: Principal): Promise<NominationAcceptedDto> {
    return this.submitNomination.execute(body, principal);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a nomination within your provinces' })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<NominationEntity> {
    return this.nominations.get(id, principal);
  }
}
