import { Body, Controller, Get, Headers, HttpCode, Param, ParseBoolPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@paritrana/contracts';
import { ApiProblems, ConcurrencyLimit, CurrentPrincipal, fieldProblems, Roles } from '@paritrana/platform';
import { ChangeNominationUseCase } from './change-nomination.use-case';
import { AmendNominationDto, ListNominationsQuery, SubmitNominationDto, WithdrawNominationDto } from './nomination.dto';
import {
  BatchItemResponse,
  BatchResponse,
  NominationAcceptedResponse,
  NominationPageResponse,
  NominationResponse,
} from './nomination.response';
import { NominationsQuery, toView } from './nominations.query';
import { MAX_BATCH, SubmitBatchUseCase, type BatchItemOutcome } from './submit-batch.use-case';
import { SubmitNominationUseCase } from './submit-nomination.use-case';

const WRITERS = ['regional-office', 'secretariat', 'admin'] as const;

/** Batches worked on at once: more would only queue for the same cores while each holds its nominations in memory. */
const CONCURRENT_BATCHES = 2;

const STATUS_OF_OUTCOME = { accepted: 201, 'out-of-scope': 403, duplicate: 409, invalid: 422 } as const;

const toBatchItemResult = (item: BatchItemOutcome): BatchItemResponse => {
  if (item.outcome === 'accepted') return { index: item.index, status: 201, id: item.id, submittedAt: item.submittedAt };
  if (item.outcome === 'acceptable') return { index: item.index, status: 200 };
  return { index: item.index, status: STATUS_OF_OUTCOME[item.outcome], ...fieldProblems(item.errors) };
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
  @ApiOperation({ operationId: 'submitNomination', summary: 'Nominate a province, regency, village or employer' })
  @ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'A retried POST with the same key and body returns the first response',
  })
  @ApiResponse({
    status: 201,
    type: NominationAcceptedResponse,
    description: 'Accepted; flows to scoring as paritrana.nomination.submitted.v1',
  })
  @ApiProblems({
    403: 'The province is outside the token (PROVINCE_OUT_OF_SCOPE), or the role may not nominate',
    409: 'The nominee is already nominated in this edition, tier and category (NOMINATION_DUPLICATE)',
    422: 'Every invalid field with its path; or an Idempotency-Key reused with another body (IDEMPOTENCY_KEY_REUSED)',
  })
  submit(
    @Body() body: SubmitNominationDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<NominationAcceptedResponse> {
    return this.submitNomination.execute({ nomination: body, by: principal, idempotencyKey });
  }

  @Post('batch')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({
    operationId: 'submitNominationBatch',
    summary: `Nominate up to ${MAX_BATCH} at once; every item is answered (201, 403, 409 or 422)`,
  })
  @ApiBody({ type: [SubmitNominationDto] })
  @ApiQuery({
    name: 'dryRun',
    required: false,
    type: Boolean,
    description: 'Check every item and store nothing: 200 for each that would be accepted, the others as a submission answers them',
  })
  @ApiOkResponse({ type: BatchResponse, description: 'The accepted items are stored in one transaction; the others are not' })
  @ApiProblems({
    413: `The body is over the size limit (BODY_TOO_LARGE)`,
    422: `Not an array (BATCH_INVALID), more than ${MAX_BATCH} items (BATCH_TOO_LARGE), or dryRun not a boolean`,
  })
  async batch(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Query('dryRun', new ParseBoolPipe({ optional: true })) dryRun?: boolean,
  ): Promise<BatchResponse> {
    const outcomes = await this.batches.run(() => this.submitBatch.execute({ items: body, by: principal, dryRun }));
    return { ...(dryRun ? { dryRun: true as const } : {}), results: outcomes.map(toBatchItemResult) };
  }

  @Get()
  @ApiOperation({ operationId: 'listNominations', summary: 'Nominations you may see, filtered and paged (oldest first)' })
  @ApiOkResponse({ type: NominationPageResponse })
  @ApiProblems({
    403: 'A province outside the token (PROVINCE_OUT_OF_SCOPE)',
    422: 'Invalid filters or paging',
  })
  list(@Query() query: ListNominationsQuery, @CurrentPrincipal() principal: Principal): Promise<NominationPageResponse> {
    return this.nominations.list(query, principal);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getNomination', summary: 'Read a nomination you may see' })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  @ApiOkResponse({ type: NominationResponse })
  @ApiProblems({
    403: 'A nomination outside the token’s scope (NOMINATION_OUT_OF_SCOPE)',
    404: 'No such nomination (NOMINATION_NOT_FOUND)',
  })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<NominationResponse> {
    return this.nominations.get(id, principal);
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOperation({
    operationId: 'amendNomination',
    summary: 'Amend contact, indicators or documents while the submission window is open',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  @ApiOkResponse({ type: NominationResponse, description: 'The nomination as amended, one version up' })
  @ApiProblems({
    403: 'A nomination outside the token’s scope, or one it may read but not change',
    404: 'No such nomination (NOMINATION_NOT_FOUND)',
    409: 'The nomination was withdrawn (NOMINATION_WITHDRAWN)',
    422: 'Invalid fields, nothing to amend, or the window is closed',
  })
  async amend(
    @Param('id') id: string,
    @Body() body: AmendNominationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NominationResponse> {
    return toView(await this.changeNomination.amend({ id, changes: body, by: principal }));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ operationId: 'withdrawNomination', summary: 'Withdraw a nomination; it leaves the rankings' })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  @ApiOkResponse({ type: NominationResponse, description: 'The nomination as withdrawn' })
  @ApiProblems({
    403: 'A nomination outside the token’s scope, or one it may read but not change',
    404: 'No such nomination (NOMINATION_NOT_FOUND)',
    409: 'Already withdrawn (NOMINATION_WITHDRAWN)',
    422: 'Invalid reason',
  })
  async withdraw(
    @Param('id') id: string,
    @Body() body: WithdrawNominationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NominationResponse> {
    return toView(await this.changeNomination.withdraw({ id, by: principal, reason: body?.reason }));
  }
}
