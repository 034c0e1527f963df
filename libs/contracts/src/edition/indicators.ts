import { Type, type TSchema } from '@sinclair/typebox';
import { StringEnum } from './edition-definition';

export * from './indicator-paths';
import { BPJS_PROGRAMS, EMPLOYER_COUNT_INDICATORS, GOVERNMENT_COUNT_INDICATORS, REGULATION_LEVELS } from './indicator-paths';

export type Indicators = Record<string, unknown>;

const Count = () => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

/** A closed object of optional groups, from dotted paths to the schema of each leaf. */
function nested(leaves: Record<string, TSchema>): TSchema {
  const children = new Map<string, Record<string, TSchema>>();
  const own: Record<string, TSchema> = {};
  for (const [path, schema] of Object.entries(leaves)) {
    const [head, ...rest] = path.split('.');
    if (rest.length === 0) own[head] = Type.Optional(schema);
    else children.set(head, { ...children.get(head), [rest.join('.')]: schema });
  }
  for (const [head, group] of children) own[head] = Type.Optional(nested(group));
  return Type.Object(own, { additionalProperties: false });
}

/** Known indicators only, each of its type; that a part never exceeds its whole is checked by the intake. */
export const GovernmentIndicatorsSchema = nested({
  ...Object.fromEntries(GOVERNMENT_COUNT_INDICATORS.map((path) => [path, Count()])),
  'regulation.level': StringEnum(REGULATION_LEVELS),
});

export const EmployerIndicatorsSchema = nested({
  ...Object.fromEntries(EMPLOYER_COUNT_INDICATORS.map((path) => [path, Count()])),
  programs: Type.Array(StringEnum(BPJS_PROGRAMS), { uniqueItems: true }),
  'pds.workers': Type.Boolean(),
  'pds.wages': Type.Boolean(),
  'pds.programs': Type.Boolean(),
});

/** Indicators by group; which ones, by the nominee's kind, is said by the event that carries them. */
export const IndicatorsSchema = Type.Unsafe<Indicators>({ type: 'object' });
