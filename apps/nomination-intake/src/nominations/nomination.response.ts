import { ApiProperty } from '@nestjs/swagger';
import {
  EMPLOYER_SECTORS,
  EMPLOYER_SIZES,
  NOMINEE_KINDS,
  TIERS,
  type Assert,
  type Contact,
  type Mirrors,
  type Nominee,
  type NominationDocument,
} from '@paritrana/contracts';
import { FieldErrorResponse, FieldRuleResponse } from '@paritrana/platform';
import { ContactDto, DocumentDto, INDICATORS_SCHEMA } from './nomination.dto';
import { NOMINATION_STATUSES, type NominationStatus } from './nomination.entity';
import type { NominationView } from './nominations.query';

export class NomineeResponse implements Nominee {
  @ApiProperty({ enum: NOMINEE_KINDS, example: 'regency' })
  kind!: (typeof NOMINEE_KINDS)[number];

  @ApiProperty({ example: 'Kabupaten Bungo', description: 'Governments: the official name; employers: as submitted' })
  name!: string;

  @ApiProperty({ example: '15.08' })
  regionCode!: string;

  @ApiProperty({ required: false, example: '12345678', description: 'Employers only' })
  npp?: string;

  @ApiProperty({ required: false, enum: EMPLOYER_SECTORS, description: 'Employers only' })
  sector?: (typeof EMPLOYER_SECTORS)[number];

  @ApiProperty({ required: false, enum: EMPLOYER_SIZES, description: 'Employers only' })
  size?: (typeof EMPLOYER_SIZES)[number];
}

export class AdvancedFromResponse {
  @ApiProperty({ format: 'uuid', description: 'The provincial nomination that won its way to the national round' })
  nominationId!: string;

  @ApiProperty({ example: '2024:provincial:15:regency' })
  boardId!: string;

  @ApiProperty({ type: 'integer', example: 1 })
  rank!: number;
}

export class NominationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2024' })
  edition!: string;

  @ApiProperty({ enum: TIERS, example: 'provincial' })
  tier!: (typeof TIERS)[number];

  @ApiProperty({ example: '15' })
  province!: string;

  @ApiProperty({ example: 'regency' })
  category!: string;

  @ApiProperty({ type: NomineeResponse })
  nominee!: NomineeResponse;

  @ApiProperty({ type: ContactDto })
  contact!: Contact;

  @ApiProperty(INDICATORS_SCHEMA)
  indicators!: Record<string, unknown>;

  @ApiProperty({ type: [DocumentDto] })
  documents!: NominationDocument[];

  @ApiProperty({ enum: NOMINATION_STATUSES, example: 'submitted' })
  status!: NominationStatus;

  @ApiProperty({ type: 'integer', example: 1, description: '1 at submission, one more with each amendment' })
  version!: number;

  @ApiProperty({ example: 'kanwil-sumbagsel', description: 'The submitter’s account (the token’s subject)' })
  submittedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  withdrawnAt!: Date | null;

  @ApiProperty({ type: AdvancedFromResponse, nullable: true, description: 'Set on national-round nominations created by advancement' })
  advancedFrom!: AdvancedFromResponse | null;
}

export class NominationPageResponse {
  @ApiProperty({ type: [NominationResponse] })
  items!: NominationResponse[];

  @ApiProperty({ type: 'integer', example: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', example: 50 })
  pageSize!: number;

  @ApiProperty({ type: 'integer', example: 120, description: 'Nominations matching the filters, on all pages' })
  total!: number;
}

export class NominationAcceptedResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: NOMINATION_STATUSES, example: 'submitted' })
  status!: NominationStatus;

  @ApiProperty({ format: 'date-time', example: '2025-03-01T08:00:00.000Z' })
  submittedAt!: string;
}

export const BATCH_ITEM_STATUSES = [200, 201, 403, 409, 422] as const;

export class BatchItemResponse {
  @ApiProperty({ type: 'integer', example: 0, description: 'The item’s position in the request, from 0' })
  index!: number;

  @ApiProperty({
    type: 'integer',
    enum: BATCH_ITEM_STATUSES,
    example: 201,
    description: '201 accepted; 200 would be accepted (dry run); 403 out of scope; 409 duplicate; 422 invalid',
  })
  status!: (typeof BATCH_ITEM_STATUSES)[number];

  @ApiProperty({ required: false, format: 'uuid', description: 'Accepted items' })
  id?: string;

  @ApiProperty({ required: false, format: 'date-time', description: 'Accepted items' })
  submittedAt?: string;

  @ApiProperty({ required: false, type: [FieldErrorResponse], description: 'Refused items: why' })
  errors?: FieldErrorResponse[];

  @ApiProperty({
    required: false,
    type: [FieldRuleResponse],
    description: 'Refused items: the rule of each entry of `errors`, in its order',
  })
  rules?: FieldRuleResponse[];
}

export class BatchResponse {
  @ApiProperty({ required: false, enum: [true], description: 'Present on a dry run: nothing was stored' })
  dryRun?: true;

  @ApiProperty({ type: [BatchItemResponse], description: 'One per item of the request, in its order' })
  results!: BatchItemResponse[];
}

/** Fails to compile when what the nomination reads return drifts from the documented response. */
export type NominationResponsesMirrorTheCode = [
  Assert<Mirrors<NominationResponse, NominationView>>,
  Assert<Mirrors<NomineeResponse, Nominee>>,
  Assert<Mirrors<AdvancedFromResponse, NonNullable<NominationView['advancedFrom']>>>,
];
