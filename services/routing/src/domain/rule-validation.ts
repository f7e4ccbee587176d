// What an administrator may save as a routing rule. Every problem is reported at once, with a
// path to the field (`conditions[2].values`), so a form can mark them all.
import { type FieldViolation } from './routing-error';
import {
  RULE_FIELDS,
  RULE_OPERATORS,
  type RuleActions,
  type RuleCondition,
  type RuleField,
  type RuleOperator,
  TICKET_KINDS,
  TICKET_PRIORITIES,
} from './routing-model';

export const MAX_RULE_NAME_LENGTH = 200;
export const MAX_CONDITION_VALUES = 500;
export const MAX_RULE_TAGS = 20;
export const TAG_PATTERN = /^[a-z0-9а-яё][a-z0-9а-яё_.-]{0,49}$/;

export interface RuleDraft {
  name: string;
  order: number;
  enabled: boolean;
  conditions: readonly RuleCondition[];
  actions: RuleActions;
  stopProcessing: boolean;
}

const NEEDS_VALUES: ReadonlySet<RuleOperator> = new Set(['in', 'not_in', 'contains_any']);
const NO_EMPTINESS: ReadonlySet<RuleField> = new Set(['type', 'priority', 'channel', 'keywords']);
const KINDS: ReadonlySet<string> = new Set(TICKET_KINDS);
const PRIORITIES: ReadonlySet<string> = new Set(TICKET_PRIORITIES);
const FIELDS: ReadonlySet<string> = new Set(RULE_FIELDS);
const OPERATORS: ReadonlySet<string> = new Set(RULE_OPERATORS);

function operatorViolation(field: RuleField, operator: RuleOperator): string | null {
  if (field === 'keywords' && operator !== 'contains_any') {
    return 'keywords are matched with contains_any only';
  }
  if (operator === 'contains_any' && field !== 'keywords') {
    return 'contains_any applies to keywords only';
  }
  if ((operator === 'is_empty' || operator === 'is_not_empty') && NO_EMPTINESS.has(field)) {
    return `${field} is never empty`;
  }
  return null;
}

function validateValues(condition: RuleCondition, at: string, violations: FieldViolation[]): void {
  const values: unknown = condition.values;
  if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) {
    violations.push({ field: `${at}.values`, message: 'values must be a list of strings' });
    return;
  }
  const texts = values as readonly string[];
  if (!NEEDS_VALUES.has(condition.operator)) {
    if (texts.length > 0) {
      violations.push({ field: `${at}.values`, message: `${condition.operator} takes no values` });
    }
    return;
  }
  if (texts.length === 0) {
    violations.push({ field: `${at}.values`, message: 'at least one value is required' });
    return;
  }
  if (texts.length > MAX_CONDITION_VALUES) {
    violations.push({
      field: `${at}.values`,
      message: `at most ${MAX_CONDITION_VALUES} values, got ${texts.length}`,
    });
  }
  texts.forEach((value, index) => {
    if (value.trim().length === 0) {
      violations.push({ field: `${at}.values[${index}]`, message: 'a value must not be empty' });
    } else if (condition.field === 'type' && !KINDS.has(value)) {
      violations.push({
        field: `${at}.values[${index}]`,
        message: `"${value}" is not a ticket type`,
      });
    } else if (condition.field === 'priority' && !PRIORITIES.has(value)) {
      violations.push({ field: `${at}.values[${index}]`, message: `"${value}" is not a priority` });
    }
  });
}

function validateCondition(
  condition: RuleCondition,
  at: string,
  violations: FieldViolation[],
): void {
  const fieldOk = FIELDS.has(condition.field);
  const operatorOk = OPERATORS.has(condition.operator);
  if (!fieldOk) {
    violations.push({ field: `${at}.field`, message: `"${condition.field}" is not a rule field` });
  }
  if (!operatorOk) {
    violations.push({
      field: `${at}.operator`,
      message: `"${condition.operator}" is not a rule operator`,
    });
  }
  if (!fieldOk || !operatorOk) return;
  const misuse = operatorViolation(condition.field, condition.operator);
  if (misuse) violations.push({ field: `${at}.operator`, message: misuse });
  if (condition.field === 'custom_field' && !condition.customField?.trim()) {
    violations.push({
      field: `${at}.customField`,
      message: 'a custom_field condition names the custom field',
    });
  }
  validateValues(condition, at, violations);
}

function validateActions(
  actions: RuleActions,
  known: { groupIds: ReadonlySet<string> },
  violations: FieldViolation[],
): void {
  const { setGroupId, setPriority, setCategoryId, addTags } = actions;
  const hasAction =
    setGroupId !== undefined ||
    setPriority !== undefined ||
    setCategoryId !== undefined ||
    (addTags !== undefined && addTags.length > 0);
  if (!hasAction) {
    violations.push({ field: 'actions', message: 'a rule needs at least one action' });
  }
  if (setGroupId !== undefined && !known.groupIds.has(setGroupId)) {
    violations.push({ field: 'actions.setGroupId', message: `group ${setGroupId} does not exist` });
  }
  if (setPriority !== undefined && !PRIORITIES.has(setPriority)) {
    violations.push({
      field: 'actions.setPriority',
      message: `"${String(setPriority)}" is not a priority`,
    });
  }
  if (setCategoryId !== undefined && setCategoryId.trim().length === 0) {
    violations.push({ field: 'actions.setCategoryId', message: 'a category id must not be empty' });
  }
  if (addTags === undefined) return;
  if (addTags.length > MAX_RULE_TAGS) {
    violations.push({
      field: 'actions.addTags',
      message: `at most ${MAX_RULE_TAGS} tags, got ${addTags.length}`,
    });
  }
  addTags.forEach((tag, index) => {
    if (!TAG_PATTERN.test(tag)) {
      violations.push({
        field: `actions.addTags[${index}]`,
        message: `"${tag}" is not a tag: lower-case letters, digits, "_", "." and "-", up to 50`,
      });
    }
  });
}

/**
 * Checks a rule as an administrator wrote it and reports every problem at once.
 * `known.groupIds` are the groups a rule may send tickets to.
 */
export function validateRule(
  draft: RuleDraft,
  known: { groupIds: ReadonlySet<string> },
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const name = draft.name.trim();
  if (name.length === 0) {
    violations.push({ field: 'name', message: 'name is required' });
  } else if (name.length > MAX_RULE_NAME_LENGTH) {
    violations.push({
      field: 'name',
      message: `name is longer than ${MAX_RULE_NAME_LENGTH} characters`,
    });
  }
  if (!Number.isInteger(draft.order) || draft.order < 0) {
    violations.push({ field: 'order', message: 'order is a whole number from 0' });
  }
  draft.conditions.forEach((condition, index) => {
    validateCondition(condition, `conditions[${index}]`, violations);
  });
  validateActions(draft.actions, known, violations);
  return violations;
}
