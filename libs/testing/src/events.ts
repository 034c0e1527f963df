import { InvalidEventError, type CloudEvent, type EventValidator } from '@paritrana/contracts';

/**
 * A test's own consumer reads topics other suites poison on purpose: it skips what is not a valid
 * event of the catalogue, as the secretariat's consumers do, instead of retrying it forever.
 */
export function parseOrSkip(validator: EventValidator, value: Buffer | null): CloudEvent | undefined {
  try {
    return validator.parse(value);
  } catch (error) {
    if (error instanceof InvalidEventError) return undefined;
    throw error;
  }
}
