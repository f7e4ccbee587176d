import { principalOf, type PrincipalClaims, systemPrincipal } from '@itsm/auth';
import { type TicketCaller, ticketCallerOf } from '../../domain/ticket-caller';

/** The platform itself: sees every ticket, may do everything, keeps the actor a command names. */
export const SYSTEM_CALLER: TicketCaller = ticketCallerOf(systemPrincipal('test'));

/** A person calling, with the roles, organisation and groups a test gives them. */
export function userCaller(
  claims: Pick<PrincipalClaims, 'id' | 'roles'> & Partial<PrincipalClaims>,
): TicketCaller {
  return ticketCallerOf(
    principalOf({
      kind: 'user',
      name: claims.id,
      scopes: [],
      organizationId: null,
      organizationWide: false,
      groupIds: [],
      ...claims,
    }),
  );
}
