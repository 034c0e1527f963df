import type { TFunction } from 'i18next';
import type { FieldProblem } from '../api/problem';
import { formatDate, formatNumber, type Language } from './format';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A rule's figure as the person reads it: numbers and dates in the language's form, codes by their names. */
function readable(name: string, value: string | number, t: TFunction, language: Language): string {
  if (typeof value === 'number') return formatNumber(value, language);
  if (ISO_DATE.test(value)) return formatDate(value, language);
  if (name === 'whole') return t(`indicator.${value}`);
  if (name === 'level' || name === 'needed') return t(`field.level.${value}`);
  if (name === 'kind') return t(`nomineeKind.${value}`);
  if (name === 'tier') return t(`tier.${value}`);
  return value;
}

/** What a service's field problem says, in the console's language when the console knows its rule, else as the service said it. */
export function fieldMessage(problem: FieldProblem, t: TFunction, language: Language): string {
  if (!problem.code) return problem.message;
  const params = Object.fromEntries(Object.entries(problem.params ?? {}).map(([k, v]) => [k, readable(k, v, t, language)]));
  return t(`field.${problem.code}`, { ...params, defaultValue: problem.message });
}
