import { CommonEnv, loadEnv } from '@paritrana/platform';
import { IsInt, Max, Min } from 'class-validator';

export class IntakeEnv extends CommonEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3001;
}

/** The only reader of process.env in this service. */
export const loadIntakeEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnv(IntakeEnv, source);
