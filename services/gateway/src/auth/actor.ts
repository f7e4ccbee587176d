import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { can, type Permission, type Principal } from '@itsm/auth';
import { forbidden } from './auth.guard';

/**
 * Who acts in a request: the signed-in caller. A body (or query) may still name someone, for
 * integrations and agents who work for others (a mail gateway files tickets for their senders,
 * an agent logs a phone call); naming anyone but yourself needs `onBehalf`.
 */
export function actorFor(
  principal: Principal,
  claimed: string | undefined,
  onBehalf: Permission,
): string {
  if (!claimed || claimed === principal.id) return principal.id;
  if (can(principal, onBehalf)) return claimed;
  throw forbidden(
    `you may only act as yourself: naming ${claimed} needs ${onBehalf}; leave the field out to act as ${principal.id}`,
  );
}

/** Who a new ticket is for, and the customer organisation it belongs to. */
export interface TicketRequester {
  requesterId: string;
  /** '' when nobody names one: the ticket then belongs to no organisation. */
  organizationId: string;
}

/**
 * The requester of a new ticket (or catalog request) and its organisation. Filing for yourself,
 * the organisation is yours unless you may file for others: otherwise a requester could file
 * into another organisation and be read by its organisation-wide requesters.
 */
export function requesterFor(
  principal: Principal,
  claimed: { requesterId?: string; organizationId?: string },
): TicketRequester {
  const onBehalf: Permission = 'tickets.create_on_behalf';
  const requesterId = actorFor(principal, claimed.requesterId, onBehalf);
  const own = principal.organizationId ?? undefined;
  const organizationId = claimed.organizationId || (requesterId === principal.id ? own : undefined);
  if (organizationId !== undefined && organizationId !== own && !can(principal, onBehalf))
    throw forbidden(
      `you may only file tickets for your own organisation: naming ${organizationId} needs ${onBehalf}`,
    );
  return { requesterId, organizationId: organizationId ?? '' };
}

/** What a client reads about an actor field: it names the caller unless given. */
export function claimedActorDescription(
  who: string,
  onBehalf: Permission = 'tickets.act_on_behalf',
): string {
  return (
    `${who} Defaults to the caller (the signed-in user or API key); naming someone else ` +
    `needs the \`${onBehalf}\` permission (else 403).`
  );
}

export interface ClaimedActorOptions {
  /** The sentence that says who this is, e.g. 'Who escalates.' */
  who: string;
  example?: string;
  onBehalf?: Permission;
}

/** An optional actor field of a body or query; `actorFor` decides who acts. */
export function ClaimedActor({
  who,
  example = 'agent-17',
  onBehalf = 'tickets.act_on_behalf',
}: ClaimedActorOptions): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      minLength: 1,
      maxLength: 200,
      example,
      description: claimedActorDescription(who, onBehalf),
    }),
    IsOptional(),
    IsString(),
    MinLength(1),
    MaxLength(200),
  );
}
