import type { Metadata } from '@grpc/grpc-js';
import { decodePrincipal, PRINCIPAL_METADATA_KEY, PrincipalMetadataError } from '@itsm/auth';
import { type TicketCaller, ticketCallerOf } from '../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../domain/ticket-error';

function unauthenticated(message: string): TicketError {
  return new TicketError(TicketErrorCode.Unauthenticated, message);
}

/**
 * The caller of a gRPC call: the principal the gateway (or a platform job) sends in metadata.
 * Every handler starts here, and every use case needs what it answers, so no call runs on
 * behalf of nobody. Without a principal, or with one that cannot be read (garbled, given twice,
 * not a principal), nobody is known to be asking: UNAUTHENTICATED.
 */
export function callerOf(metadata: Metadata): TicketCaller {
  const values = metadata.get(PRINCIPAL_METADATA_KEY);
  const [value] = values;
  if (value === undefined) throw unauthenticated('the caller is not identified');
  if (values.length > 1 || typeof value !== 'string') {
    throw unauthenticated(`the caller is not identified: ${PRINCIPAL_METADATA_KEY} is malformed`);
  }
  try {
    return ticketCallerOf(decodePrincipal(value));
  } catch (error) {
    if (!(error instanceof PrincipalMetadataError)) throw error;
    throw unauthenticated(`the caller is not identified: ${error.message}`);
  }
}
