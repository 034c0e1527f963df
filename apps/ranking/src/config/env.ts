import { CommonEnv, loadEnv } from '@paritrana/platform';
import { IsInt, Max, Min } from 'class-validator';

export class RankingEnv extends CommonEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3003;
}

/** The only reader of process.env in this service. */
export const loadRankingEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnv(RankingEnv, source);
