import { fullFormats, type FormatName } from 'ajv-formats/dist/formats';

/** The check the event validator applies for a `format`, usable outside a schema. */
function formatCheck(name: FormatName): (value: string) => boolean {
  const format = fullFormats[name] as RegExp | ((value: string) => boolean) | { validate: RegExp | ((value: string) => boolean) };
  const check = typeof format === 'object' && 'validate' in format ? format.validate : format;
  return check instanceof RegExp ? (value) => check.test(value) : check;
}

const dateTime = formatCheck('date-time');
const email = formatCheck('email');

/*
 * The formats the event schemas are checked with, exported so the HTTP DTOs accept no string the
 * schemas would refuse.
 */

/** RFC 3339 date-time with a time zone (the schemas' `date-time`). */
export const isDateTime = (value: unknown): value is string => typeof value === 'string' && dateTime(value);

/** The schemas' `email`. */
export const isEmailAddress = (value: unknown): value is string => typeof value === 'string' && email(value);
