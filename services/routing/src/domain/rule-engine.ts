// Routing rules, compiled once when the rule set changes and then evaluated for every ticket.
// Evaluation runs on the hot path of ticket intake, so everything that can be decided ahead of
// time (order, value sets, lower-cased keywords, the keyword automaton) is.
import { buildKeywordIndex, findKeywords, type KeywordIndex } from './keyword-index';
import {
  RULE_OPERATORS,
  type RoutingRule,
  type RuleActions,
  type RuleCondition,
  type RuleOperator,
  type TicketFacts,
  type TicketPriority,
} from './routing-model';
import { normalizeText } from './text-normalization';

// Saving a rule is checked beside the engine that runs it; both are imported from here.
export {
  MAX_CONDITION_VALUES,
  MAX_RULE_NAME_LENGTH,
  MAX_RULE_TAGS,
  type RuleDraft,
  TAG_PATTERN,
  validateRule,
} from './rule-validation';

export interface RuleMatch {
  ruleId: string;
  ruleName: string;
  ruleVersion: number;
  /** Only what this rule decided: fields an earlier rule had already set are left out. */
  applied: RuleActions;
}

export interface RuleOutcome {
  groupId: string | null;
  priority: TicketPriority | null;
  categoryId: string | null;
  /** Tags to add, in the order rules named them, without repeats or tags the ticket already has. */
  addTags: string[];
  matched: RuleMatch[];
}

/**
 * A condition as data rather than a closure: one `switch` over a few shapes stays fast where
 * thousands of distinct closures would make every call site megamorphic.
 */
type CompiledCondition =
  | {
      readonly kind: 'field';
      readonly slot: FieldSlot;
      readonly operator: ValueOperator;
      readonly values: ReadonlySet<string>;
    }
  | {
      readonly kind: 'custom_field';
      readonly key: string;
      readonly operator: ValueOperator;
      readonly values: ReadonlySet<string>;
    }
  | { readonly kind: 'keywords'; readonly ids: readonly number[] }
  | { readonly kind: 'never' };

type ValueOperator = Exclude<RuleOperator, 'contains_any'>;

/** Where a ticket field is kept in `TicketView.slots`, read once per evaluation. */
const SLOTS = {
  type: 0,
  category: 1,
  service: 2,
  organization: 3,
  priority: 4,
  channel: 5,
} as const;
type FieldSlot = (typeof SLOTS)[keyof typeof SLOTS];

interface CompiledRule {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly actions: RuleActions;
  readonly stopProcessing: boolean;
  readonly conditions: readonly CompiledCondition[];
}

/** Enabled rules in evaluation order, ready to run; build with `compileRules`. */
export interface CompiledRuleSet {
  readonly rules: readonly CompiledRule[];
  /** Every keyword of every rule, searched for in one pass over a ticket's text. */
  readonly keywords: KeywordIndex;
}

const OPERATORS: ReadonlySet<string> = new Set(RULE_OPERATORS);

// ---------------------------------------------------------------------------------------------
// Compilation

const NEVER: CompiledCondition = { kind: 'never' };

// Bound once: under Jest's VM context every global looked up per call costs more than the
// comparison it serves, and this runs for every rule of every ticket.
const asText = String;
const hasOwn = Object.hasOwn;

function customFieldText(fields: Readonly<Record<string, unknown>>, key: string): string | null {
  if (!hasOwn(fields, key)) return null;
  const value = fields[key];
  if (value === undefined || value === null) return null;
  return asText(value) || null;
}

/** Gives each distinct keyword of a rule set one id. */
type KeywordIds = Map<string, number>;

function compileKeywords(condition: RuleCondition, keywordIds: KeywordIds): CompiledCondition {
  if (condition.operator !== 'contains_any') return NEVER;
  const ids = new Set<number>();
  for (const value of condition.values) {
    const keyword = normalizeText(value.trim());
    if (keyword.length === 0) continue;
    let id = keywordIds.get(keyword);
    if (id === undefined) {
      id = keywordIds.size;
      keywordIds.set(keyword, id);
    }
    ids.add(id);
  }
  return ids.size === 0 ? NEVER : { kind: 'keywords', ids: [...ids] };
}

/**
 * A condition that validation would refuse (it can only come from data written around it)
 * never matches, so a broken rule cannot pull tickets to its group by accident.
 */
function compileCondition(condition: RuleCondition, keywordIds: KeywordIds): CompiledCondition {
  const { field, operator } = condition;
  if (field === 'keywords') return compileKeywords(condition, keywordIds);
  if (operator === 'contains_any' || !OPERATORS.has(operator)) return NEVER;
  // Channels arrive from several intakes ("Email", "email"); they are names, not ids.
  const values = new Set(
    field === 'channel' ? condition.values.map((value) => value.toLowerCase()) : condition.values,
  );
  if (field === 'custom_field') {
    return { kind: 'custom_field', key: condition.customField ?? '', operator, values };
  }
  if (!hasOwn(SLOTS, field)) return NEVER;
  return { kind: 'field', slot: SLOTS[field], operator, values };
}

function byOrderThenId(a: RoutingRule, b: RoutingRule): number {
  if (a.order !== b.order) return a.order - b.order;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Drops disabled rules, fixes the order (by `order`, then id) and prepares every condition. */
export function compileRules(rules: readonly RoutingRule[]): CompiledRuleSet {
  const keywordIds: KeywordIds = new Map();
  const compiled = rules
    .filter((rule) => rule.enabled)
    .sort(byOrderThenId)
    .map((rule): CompiledRule => ({
      id: rule.id,
      name: rule.name,
      version: rule.version,
      actions: rule.actions,
      stopProcessing: rule.stopProcessing,
      conditions: rule.conditions.map((condition) => compileCondition(condition, keywordIds)),
    }));
  return { rules: compiled, keywords: buildKeywordIndex([...keywordIds.keys()]) };
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** A ticket as conditions read it: fields once, text searched only if a keyword asks. */
class TicketView {
  /** By `SLOTS`; `|| null` because an empty id is no id. */
  readonly slots: readonly (string | null)[];
  private found: Uint8Array | null = null;

  constructor(
    private readonly ruleSet: CompiledRuleSet,
    readonly ticket: TicketFacts,
  ) {
    this.slots = [
      ticket.type,
      ticket.categoryId || null,
      ticket.serviceId || null,
      ticket.organizationId || null,
      ticket.priority,
      ticket.channel.toLowerCase() || null,
    ];
  }

  /** Flags by keyword id (see `CompiledRuleSet.keywords`): 1 when the text contains it. */
  keywordsFound(): Uint8Array {
    // Substrings, not words: "принтер" then also finds "принтера", "принтеру".
    this.found ??= findKeywords(
      this.ruleSet.keywords,
      normalizeText(`${this.ticket.title}\n${this.ticket.description}`),
    );
    return this.found;
  }
}

function compare(
  operator: ValueOperator,
  value: string | null,
  values: ReadonlySet<string>,
): boolean {
  switch (operator) {
    case 'in':
      return value !== null && values.has(value);
    case 'not_in':
      return value === null || !values.has(value);
    case 'is_empty':
      return value === null;
    case 'is_not_empty':
      return value !== null;
  }
}

function holds(condition: CompiledCondition, view: TicketView): boolean {
  switch (condition.kind) {
    case 'field':
      return compare(condition.operator, view.slots[condition.slot] ?? null, condition.values);
    case 'custom_field':
      return compare(
        condition.operator,
        customFieldText(view.ticket.customFields, condition.key),
        condition.values,
      );
    case 'keywords': {
      const found = view.keywordsFound();
      for (const id of condition.ids) if (found[id] === 1) return true;
      return false;
    }
    case 'never':
      return false;
  }
}

function allHold(conditions: readonly CompiledCondition[], view: TicketView): boolean {
  for (const condition of conditions) if (!holds(condition, view)) return false;
  return true;
}

/**
 * Runs the rules in order. Every matching rule contributes, but the first rule to set a field
 * wins it; tags add up. A rule with `stopProcessing` ends the run once it matched. A matching
 * rule whose every action was already decided is still listed, with nothing applied, so the
 * explanation shows it was seen.
 */
export function evaluateRules(ruleSet: CompiledRuleSet, ticket: TicketFacts): RuleOutcome {
  const outcome: RuleOutcome = {
    groupId: null,
    priority: null,
    categoryId: null,
    addTags: [],
    matched: [],
  };
  const view = new TicketView(ruleSet, ticket);
  const tags = new Set<string>(ticket.tags);
  for (const rule of ruleSet.rules) {
    if (!allHold(rule.conditions, view)) continue;
    const { actions } = rule;
    const applied: RuleActions = {};
    if (actions.setGroupId !== undefined && outcome.groupId === null) {
      outcome.groupId = applied.setGroupId = actions.setGroupId;
    }
    if (actions.setPriority !== undefined && outcome.priority === null) {
      outcome.priority = applied.setPriority = actions.setPriority;
    }
    if (actions.setCategoryId !== undefined && outcome.categoryId === null) {
      outcome.categoryId = applied.setCategoryId = actions.setCategoryId;
    }
    const added: string[] = [];
    for (const tag of actions.addTags ?? []) {
      if (tags.has(tag)) continue;
      tags.add(tag);
      added.push(tag);
    }
    if (added.length > 0) {
      outcome.addTags.push(...added);
      applied.addTags = added;
    }
    outcome.matched.push({
      ruleId: rule.id,
      ruleName: rule.name,
      ruleVersion: rule.version,
      applied,
    });
    if (rule.stopProcessing) break;
  }
  return outcome;
}
