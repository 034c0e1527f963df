import { Body, Controller, Get, Headers, HttpCode, Param, ParseBoolPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@paritrana/contracts';
import { ConcurrencyLimit, CurrentPrincipal, type FieldError, Roles } from '@paritrana/platform';
import { ChangeNominationUseCase } from './change-nomination.use-case';
import {
  AmendNominationDto,
  ListNominationsQuery,
  NominationAcceptedDto,
  SubmitNominationDto,
  WithdrawNominationDto,
} from './nomination.dto';
import { NominationsQuery, toView } from './nominations.query';
import { MAX_BATCH, SubmitBatchUseCase, type BatchItemOutcome } from './submit-batch.use-case';
import { SubmitNominationUseCase } from './submit-nomination.use-case';

const WRITERS = ['regional-office', 'secretariat', 'admin'] as const;

/** Batches worked on at once: more would only queue for the same cores while each holds its nominations in memory. */
const CONCURRENT_BATCHES = 2;

export interface BatchItemResult {
  index: number;
  /** 200: would be accepted (a dry run). */
  status: 200 | 201 | 403 | 409 | 422;
  id?: string;
  submittedAt?: string;
  errors?: FieldError[];
}

const STATUS_OF_OUTCOME = { accepted: 201, 'out-of-scope': 403, duplicate: 409, invalid: 422 } as const;

const toBatchItemResult = (item: BatchItemOutcome): BatchItemResult => {
  if (item.outcome === 'accepted') return { index: item.index, status: 201, id: item.id, submittedAt: item.submittedAt };
  if (item.outcome === 'acceptable') return { index: item.index, status: 200 };
  return { index: item.index, status: STATUS_OF_OUTCOME[item.outcome], errors: item.errors };
};

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('v1/nominations')
export class NominationsController {
  private readonly batches = new ConcurrencyLimit(CONCURRENT_BATCHES);

  constructor(
    private readonly submitNomination: SubmitNominationUseCase,
    private readonly submitBatch: SubmitBatchUseCase,
    private readonly changeNomination: ChangeNominationUseCase,
    private readonly nominations: NominationsQuery,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Nominate a province, regency, village or employer' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried POST with the same key and body returns the first response',
  })
  @ApiResponse({ status: 201, type: NominationAcceptedDto })
  @ApiResponse({ status: 403, description: 'The province is outside the token' })
  @ApiResponse({ status: 409, description: 'The nominee is already nominated in this edition, tier and category' })
  @ApiResponse({ status: 422, description: 'Every invalid field with its path; or an Idempotency-Key reused with another body' })
  submit(
    @Body() body: SubmitNominationDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<NominationAcceptedDto> {
    return this.submitNomination.execute({ nomination: body, by: principal, idempotencyKey });
  }

  @Post('batch')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: `Nominate up to ${MAX_BATCH} at once; every item is answered (201, 403, 409 or 422)` })
  @ApiBody({ type: [SubmitNominationDto] })
  @ApiQuery({
    name: 'dryRun',
    required: false,
    type: Boolean,
    description: 'Check every item and store nothing: 200 for each that would be accepted, the others as a submission answers them',
  })
  async batch(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Query('dryRun', new ParseBoolPipe({ optional: true })) dryRun?: boolean,
  ): Promise<{ dryRun?: true; results: BatchItemResult[] }> {
    const outcomes = await this.batches.run(() => this.submitBatch.execute({ items: body, by: principal, dryRun }));
    return { ...(dryRun ? { dryRun: true as const } : {}), results: outcomes.map(toBatchItemResult) };
  }

  @Get()
  @ApiOperation({ summary: 'Nominations you may see, filtered and paged (oldest first)' })
  list(@Query() query: ListNominationsQuery, @CurrentPrincipal() principal: Principal) {
    return this.nominations.list(query, principal);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a nomination you may see' })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  @ApiResponse({ status: 404, description: 'No such nomination, or not one you may see' })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.nominations.get(id, principal);
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Amend contact, indicators or documents while the submission window is open' })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  @ApiResponse({ status: 409, description: 'The nomination was withdrawn' })
  @ApiResponse({ status: 422, description: 'Invalid fields, or the window is closed' })
  async amend(@Param('id') id: string, @Body() body: AmendNominationDto, @CurrentPrincipal() principal: Principal) {
    return toView(await this.changeNomination.amend({ id, changes: body, by: principal }));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Withdraw a nomination; it leaves the rankings' })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  @ApiResponse({ status: 409, description: 'Already withdrawn' })
  async withdraw(@Param('id') id: string, @Body() body: WithdrawNominationDto, @CurrentPrincipal() principal: Principal) {
    return toView(await this.changeNomination.withdraw({ id, by: principal, reason: body?.reason }));
  }
}
