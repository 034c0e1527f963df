import { CommonEnv, loadEnv } from '@paritrana/platform';
import { IsInt, Max, Min } from 'class-validator';

export class ScoringEnv extends CommonEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3002;
}

/** The only reader of process.env in this service. */
export const loadScoringEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnv(ScoringEnv, source);
