// Functional escalation: a ticket moves from a group to the group its line escalates to. Targets
// must sit on a strictly higher line level, which also keeps escalation chains free of cycles.
import { type FieldViolation, RoutingError, RoutingErrorCode } from './routing-error';
import { type SupportGroup, type SupportLine } from './routing-model';

function failed(message: string, details: Record<string, unknown>): RoutingError {
  return new RoutingError(RoutingErrorCode.FailedPrecondition, message, [], details);
}

/** The group a ticket of `group` is escalated to; throws FailedPrecondition when there is none. */
export function nextLineGroup(
  group: SupportGroup,
  groups: ReadonlyMap<string, SupportGroup>,
  lines: ReadonlyMap<string, SupportLine>,
): SupportGroup {
  const target = group.escalationGroupId === null ? undefined : groups.get(group.escalationGroupId);
  if (!target) {
    // A target deleted since it was set reads the same as none to whoever asked to escalate.
    throw failed(`group ${group.id} has no next line to escalate to`, { groupId: group.id });
  }
  const from = lines.get(group.lineId);
  const to = lines.get(target.lineId);
  const details = { groupId: group.id, escalationGroupId: target.id };
  if (!from || !to) {
    throw failed(
      `group ${group.id} cannot escalate to group ${target.id}: line ${from ? target.lineId : group.lineId} does not exist`,
      details,
    );
  }
  if (to.level <= from.level) {
    throw failed(
      `group ${group.id} cannot escalate to group ${target.id}: its line level ${to.level} is not above ${from.level}`,
      details,
    );
  }
  return target;
}

/**
 * Checks the escalation target of a group being saved. `groups` holds the group as it will be
 * saved (or `lineId` names its line), so a new group and a group moving line are checked right.
 */
export function validateEscalationTarget(
  groupId: string,
  escalationGroupId: string | null,
  groups: ReadonlyMap<string, SupportGroup>,
  lines: ReadonlyMap<string, SupportLine>,
  lineId: string | undefined = groups.get(groupId)?.lineId,
): FieldViolation[] {
  if (escalationGroupId === null) return [];
  const field = 'escalationGroupId';
  if (escalationGroupId === groupId) {
    return [{ field, message: 'a group cannot escalate to itself' }];
  }
  const target = groups.get(escalationGroupId);
  if (!target) return [{ field, message: `group ${escalationGroupId} does not exist` }];
  const from = lineId === undefined ? undefined : lines.get(lineId);
  const to = lines.get(target.lineId);
  if (!from || !to) {
    return [{ field, message: 'the lines of both groups must exist to compare their levels' }];
  }
  if (to.level <= from.level) {
    return [
      {
        field,
        message: `group ${escalationGroupId} is on line level ${to.level}; escalation goes above level ${from.level}`,
      },
    ];
  }
  return [];
}

/** Whether an SLA warning moves a ticket of the group to the next line by itself. */
export function shouldEscalateOnWarning(group: SupportGroup): boolean {
  return group.escalateOnSlaWarning && group.escalationGroupId !== null;
}
