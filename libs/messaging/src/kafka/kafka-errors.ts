/** The broker's MESSAGE_TOO_LARGE; kafkajs wraps it in a non-retriable error that keeps only its message. */
export function isTooLarge(error: unknown): boolean {
  const e = error as { type?: string; message?: string; cause?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  return e.type === 'MESSAGE_TOO_LARGE' || /larger than the max message size/.test(e.message ?? '') || isTooLarge(e.cause);
}
