import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';

export class PreviewWinnerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'nominationId must be a UUID' })
  nominationId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  @IsInt()
  @Min(1)
  rank!: number;

  @ApiProperty({ example: 'Terbaik I' })
  @Matches(/^Terbaik [IVX0-9]{1,4}$/, { message: 'title must be a winner’s title, e.g. Terbaik I' })
  title!: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 87.25 })
  @IsNumber()
  @Min(0)
  @Max(100)
  total!: number;
}

/** The winners of a board as it stands now (from ranking's GET /v1/boards/:boardId): their emails are rendered, not sent. */
export class PreviewBoardDto {
  @ApiProperty({ example: '2024:provincial:15:regency' })
  @Matches(/^[^:\s]+:(provincial|national):[^:\s]+:[^:\s]+$/, { message: 'boardId must be edition:tier:scope:category' })
  boardId!: string;

  @ApiProperty({ type: [PreviewWinnerDto], maxItems: 10, description: 'The standings with a title' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PreviewWinnerDto)
  winners!: PreviewWinnerDto[];
}
