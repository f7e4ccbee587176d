import { TicketError, TicketErrorCode } from '../domain/ticket-error';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

/** The client's idempotency key, trimmed; null when none was sent. */
export function idempotencyKeyOf(raw: string): string | null {
  const key = raw.trim();
  if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw new TicketError(TicketErrorCode.ValidationFailed, 'the idempotency key is too long', [
      {
        field: 'idempotencyKey',
        message: `idempotencyKey must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`,
      },
    ]);
  }
  return key || null;
}
