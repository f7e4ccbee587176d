import type { TicketVisibility } from '@itsm/auth';
import { assertUnreachable } from '@itsm/lang';

/** Adds a value to a query's parameters and answers its placeholder (`$3`, or `:scope0`). */
export type Bind = (value: unknown) => string;

/**
 * The SQL condition under which the ticket row `alias` is visible, as `canSeeTicket` decides
 * it in memory; undefined when every ticket is (no condition, so the plans of unrestricted
 * lists stay as they were). Each branch is served by an index: requester, organisation,
 * assignee and assignment group all lead one.
 */
export function visibleTicketCondition(
  visibility: TicketVisibility,
  alias: string,
  bind: Bind,
): string | undefined {
  switch (visibility.kind) {
    case 'all':
      return undefined;
    case 'groups': {
      const user = bind(visibility.userId);
      return `(${alias}.requester_id = ${user} OR ${alias}.assignee_id = ${user}
        OR ${alias}.assignment_group_id IS NULL
        OR ${alias}.assignment_group_id = ANY(${bind([...visibility.groupIds])}))`;
    }
    case 'requester': {
      const own = `${alias}.requester_id = ${bind(visibility.userId)}`;
      return visibility.organizationWide && visibility.organizationId !== null
        ? `(${own} OR ${alias}.organization_id = ${bind(visibility.organizationId)})`
        : `(${own})`;
    }
    default:
      return assertUnreachable(visibility, 'ticket visibility');
  }
}

/** Binds values as `$1`, `$2`, … after the ones a raw query already has. */
export function positionalBind(values: unknown[]): Bind {
  return (value) => {
    values.push(value);
    return `$${values.length}`;
  };
}

/** Binds values as named parameters of a TypeORM query builder. */
export function namedBind(parameters: Record<string, unknown>, prefix = 'scope'): Bind {
  return (value) => {
    const name = `${prefix}${Object.keys(parameters).length}`;
    parameters[name] = value;
    return `:${name}`;
  };
}

/**
 * `EXISTS (…)` when the ticket whose id is `ticketIdSql` is visible, for the rows that hang off
 * a ticket (history, comments, relations, attachments, approvals); undefined when every ticket is.
 */
export function visibleTicketExists(
  visibility: TicketVisibility,
  ticketIdSql: string,
  bind: Bind,
): string | undefined {
  const condition = visibleTicketCondition(visibility, 'scoped', bind);
  return condition
    ? `EXISTS (SELECT 1 FROM tickets scoped WHERE scoped.id = ${ticketIdSql} AND ${condition})`
    : undefined;
}
