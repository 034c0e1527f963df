import { fullFormats } from 'ajv-formats/dist/formats';

const dateTime = fullFormats['date-time'] as { validate: (value: string) => boolean };

/**
 * RFC 3339 date-time with a time zone: the `date-time` format the event schemas are checked with,
 * exported so the HTTP DTOs accept exactly the same strings.
 */
export const isDateTime = (value: unknown): value is string => typeof value === 'string' && dateTime.validate(value);
