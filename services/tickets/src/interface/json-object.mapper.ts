import { TicketError, TicketErrorCode } from '../domain/ticket-error';

/**
 * A JSON object carried as text in a contract field (form schemas, form values). Empty text
 * is `undefined`; anything but an object is refused, naming the field.
 */
export function parseJsonObject(field: string, text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TicketError(TicketErrorCode.ValidationFailed, `${field} is not valid JSON`, [
      { field, message: `${field} is not valid JSON: ${(error as Error).message}` },
    ]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TicketError(TicketErrorCode.ValidationFailed, `${field} must be a JSON object`, [
      { field, message: `${field} must be a JSON object` },
    ]);
  }
  return value as Record<string, unknown>;
}
