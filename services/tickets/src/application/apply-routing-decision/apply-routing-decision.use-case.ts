import type { Ticket } from '../../domain/ticket';
import { editTicket, type TicketEdit } from '../../domain/ticket-edit';
import { TicketError } from '../../domain/ticket-error';
import { transitionTicket } from '../../domain/ticket-lifecycle';
import {
  hasPriorityFromAgent,
  isPriority,
  needsAssignment,
  ROUTING_ACTOR,
  ROUTING_CALLER,
  ROUTING_PRIORITY_REASON,
  type RoutingRefusal,
  routingRefusal,
} from '../../domain/ticket-routing';
import { withAddedTags } from '../../domain/ticket-tags';
import { isUuid } from '../../domain/identifiers';
import type { CatalogReferences } from '../catalog/catalog-references';
import type { Clock } from '../ports/clock';
import type { TicketStore, TicketTransaction } from '../ports/ticket-store';
import { recordEdit } from '../record-edit';
import {
  recordTransition,
  type TransitionSettings,
} from '../transition-ticket/transition-ticket.use-case';
import type { ApplyRoutingDecisionCommand } from './apply-routing-decision.command';

/** A part of a decision left out while the rest was applied. */
export interface IgnoredPart {
  field: 'priority' | 'categoryId' | 'tags';
  value: string;
  why: string;
}

export type RoutingOutcome =
  | { applied: true; ticket: Ticket; ignored: IgnoredPart[] }
  | { applied: false; reason: RoutingRefusal; ticket: Ticket }
  | { applied: false; reason: 'unknown_ticket' };

/**
 * Applies a routing decision as an agent's assignment and edit would be applied, under the
 * routing actor: the `assign` action of the ticket's lifecycle (so the status moves as with any
 * assignment, with its history entry and `ticket.assigned` event), then the rule's priority,
 * tags and category as one edit (`ticket.updated`). Everything is decided before anything is
 * written, so a decision is applied whole or, when the ticket moved on, not at all; parts the
 * ticket cannot take (a category gone from the catalog, say) are left out and reported.
 */
export class ApplyRoutingDecisionUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
    private readonly catalog: CatalogReferences,
    private readonly settings: TransitionSettings,
  ) {}

  execute(command: ApplyRoutingDecisionCommand): Promise<RoutingOutcome> {
    return this.tickets.transaction((transaction) => this.within(transaction, command));
  }

  /** The decision inside a transaction the caller holds (the consumer's, with its inbox row). */
  async within(
    transaction: TicketTransaction,
    command: ApplyRoutingDecisionCommand,
  ): Promise<RoutingOutcome> {
    const current = isUuid(command.ticketId)
      ? await transaction.findForUpdate(command.ticketId, ROUTING_CALLER.access)
      : undefined;
    if (!current) return { applied: false, reason: 'unknown_ticket' };
    const refusal = routingRefusal(current, command.trigger);
    if (refusal) return { applied: false, reason: refusal, ticket: current };

    const now = this.clock.now();
    const matrix = await transaction.priorityMatrix();
    const assigneeId = command.assigneeId || null;
    const assignment = needsAssignment(current, command.groupId, assigneeId)
      ? transitionTicket(
          current,
          {
            action: 'assign',
            actorId: ROUTING_ACTOR,
            assignmentGroupId: command.groupId,
            assigneeId: assigneeId ?? undefined,
          },
          { now, reopenWindowMs: this.settings.reopenWindowMs, matrix },
        )
      : undefined;
    const assigned = assignment?.ticket ?? current;
    const { edit, ignored } = await this.editOf(assigned, command);
    const edited = editTicket(assigned, edit, now, matrix);

    if (assignment) {
      await recordTransition(
        transaction,
        current,
        assignment,
        { action: 'assign', actorId: ROUTING_ACTOR },
        now,
      );
    }
    const ticket = await recordEdit(
      transaction,
      assigned,
      edited,
      { actorId: ROUTING_ACTOR, action: 'update' },
      now,
    );
    return { applied: true, ticket, ignored };
  }

  /** The rule's priority, tags and category, less what this ticket cannot or should not take. */
  private async editOf(
    ticket: Ticket,
    command: ApplyRoutingDecisionCommand,
  ): Promise<{ edit: TicketEdit; ignored: IgnoredPart[] }> {
    const edit: TicketEdit = {};
    const ignored: IgnoredPart[] = [];
    const { priority, categoryId } = command;
    if (priority) {
      if (!isPriority(priority)) {
        ignored.push({ field: 'priority', value: priority, why: 'not a priority' });
      } else if (hasPriorityFromAgent(ticket)) {
        ignored.push({
          field: 'priority',
          value: priority,
          why: 'an agent set the priority by hand',
        });
      } else {
        edit.priority = { value: priority, reason: ROUTING_PRIORITY_REASON };
      }
    }
    const { tags, dropped } = withAddedTags(ticket.tags, command.addTags);
    if (tags.length > ticket.tags.length) edit.tags = tags;
    for (const tag of dropped) {
      ignored.push({ field: 'tags', value: tag, why: 'malformed, or one tag too many' });
    }
    // The classifier proposes categories it learned from older tickets; one since removed from
    // the catalog, or whose form this ticket does not fill in, is left out.
    if (categoryId && ticket.categoryId === null) {
      const why = await this.categoryProblem(ticket, categoryId);
      if (why) ignored.push({ field: 'categoryId', value: categoryId, why });
      else edit.categoryId = categoryId;
    }
    return { edit, ignored };
  }

  private async categoryProblem(ticket: Ticket, categoryId: string): Promise<string | undefined> {
    if (!isUuid(categoryId)) return 'not a catalog id';
    try {
      await this.catalog.check({
        categoryId,
        catalogItemId: ticket.catalogItemId ?? undefined,
        customFields: ticket.customFields,
      });
      return undefined;
    } catch (error) {
      if (!(error instanceof TicketError)) throw error;
      return [error.message, ...error.violations.map(({ message }) => message)].join('; ');
    }
  }
}
