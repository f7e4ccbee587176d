import { validateEscalationTarget } from '../../domain/escalation';
import type { FieldViolation } from '../../domain/routing-error';
import {
  ASSIGNMENT_STRATEGIES,
  AVAILABILITIES,
  type SupportGroup,
  type SupportLine,
} from '../../domain/routing-model';
import { validateWorkingShift } from '../../domain/working-shift';
import type { AgentDraft, GroupDraft, LineDraft } from '../ports/organisation-store';

export const SKILL_NAME = /^[a-z0-9а-яё][a-z0-9а-яё_.+#-]{0,49}$/;
export const MAX_SKILLS = 50;
export const MAX_CAPACITY = 1_000;

function textViolations(value: string, field: string, max: number): FieldViolation[] {
  if (value.trim().length === 0) return [{ field, message: 'must not be empty' }];
  if (value.length > max) return [{ field, message: `must be at most ${max} characters` }];
  return [];
}

export function lineViolations(draft: LineDraft): FieldViolation[] {
  return [
    ...textViolations(draft.name, 'name', 100),
    ...(Number.isInteger(draft.level) && draft.level >= 1 && draft.level <= 9
      ? []
      : [{ field: 'level', message: 'must be a whole number from 1 to 9' }]),
  ];
}

export function groupViolations(
  groupId: string,
  draft: GroupDraft,
  groups: ReadonlyMap<string, SupportGroup>,
  lines: ReadonlyMap<string, SupportLine>,
): FieldViolation[] {
  const violations = [...textViolations(draft.name, 'name', 100)];
  if (!lines.has(draft.lineId))
    violations.push({ field: 'lineId', message: `line ${draft.lineId} does not exist` });
  if (!ASSIGNMENT_STRATEGIES.includes(draft.strategy)) {
    violations.push({
      field: 'strategy',
      message: `must be one of ${ASSIGNMENT_STRATEGIES.join(', ')}`,
    });
  }
  if (draft.supervisorId !== null)
    violations.push(...textViolations(draft.supervisorId, 'supervisorId', 200));
  if (draft.escalateOnSlaWarning && !draft.escalationGroupId) {
    violations.push({
      field: 'escalationGroupId',
      message: 'is needed to escalate on SLA warnings',
    });
  }
  if (draft.escalationGroupId !== null && lines.has(draft.lineId)) {
    const withDraft = new Map(groups);
    withDraft.set(groupId, { id: groupId, ...draft });
    violations.push(
      ...validateEscalationTarget(groupId, draft.escalationGroupId, withDraft, lines),
    );
  }
  return violations;
}

export function agentViolations(
  draft: AgentDraft,
  groups: ReadonlyMap<string, SupportGroup>,
): FieldViolation[] {
  const violations = [
    ...textViolations(draft.userId, 'userId', 200),
    ...textViolations(draft.displayName, 'displayName', 200),
  ];
  draft.groupIds.forEach((groupId, index) => {
    if (!groups.has(groupId))
      violations.push({ field: `groupIds[${index}]`, message: `group ${groupId} does not exist` });
  });
  violations.push(...skillViolations(draft.skills, 'skills'));
  if (!Number.isInteger(draft.capacity) || draft.capacity < 0 || draft.capacity > MAX_CAPACITY) {
    violations.push({
      field: 'capacity',
      message: `must be a whole number from 0 to ${MAX_CAPACITY}`,
    });
  }
  if (!AVAILABILITIES.includes(draft.availability)) {
    violations.push({
      field: 'availability',
      message: `must be one of ${AVAILABILITIES.join(', ')}`,
    });
  }
  if (draft.shift) violations.push(...validateWorkingShift(draft.shift, 'shift'));
  return violations;
}

export function skillViolations(
  skills: Readonly<Record<string, number>>,
  field: string,
): FieldViolation[] {
  const entries = Object.entries(skills);
  const violations: FieldViolation[] = [];
  if (entries.length > MAX_SKILLS)
    violations.push({ field, message: `at most ${MAX_SKILLS} skills` });
  entries.forEach(([name, level], index) => {
    if (!SKILL_NAME.test(name)) {
      violations.push({
        field: `${field}[${index}].name`,
        message: 'lower-case letters, digits and _.+#- up to 50 characters',
      });
    }
    if (!Number.isInteger(level) || level < 1 || level > 5) {
      violations.push({
        field: `${field}[${index}].level`,
        message: 'must be a whole number from 1 to 5',
      });
    }
  });
  return violations;
}
