import { ApiProperty } from '@nestjs/swagger';
import { REGION_LEVELS, type RegionLevel } from '@paritrana/contracts';

export class RegionResponse {
  @ApiProperty({ example: '15.08' })
  code!: string;

  @ApiProperty({ example: 'Kabupaten Bungo' })
  name!: string;

  @ApiProperty({ enum: REGION_LEVELS, example: 'regency' })
  level!: RegionLevel;

  @ApiProperty({ required: false, example: '15', description: 'Every region but a province' })
  parentCode?: string;

  @ApiProperty({
    required: false,
    example: 'Kecamatan Kumpeh Ulu, Kabupaten Muaro Jambi',
    description: 'The district and regency a village or district lies in, to tell namesakes apart',
  })
  within?: string;
}

export class RegionsResponse {
  @ApiProperty({ type: [RegionResponse], description: 'The best matches first, then in code order' })
  regions!: RegionResponse[];
}
