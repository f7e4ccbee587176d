// The life of an asset in the stock journal: ordered → in stock → in use (held by a person) →
// in repair → retired → disposed. Every action is one line of the movement journal.
import { assertUnreachable } from '@itsm/lang';
import { CmdbError, CmdbErrorCode } from './cmdb-error';

export const ASSET_STATES = [
  'ordered',
  'in_stock',
  'in_use',
  'in_repair',
  'retired',
  'disposed',
] as const;
export type AssetState = (typeof ASSET_STATES)[number];

export const ASSET_ACTIONS = [
  'receive',
  'assign',
  'return',
  'move',
  'send_to_repair',
  'back_from_repair',
  'retire',
  'dispose',
] as const;
export type AssetAction = (typeof ASSET_ACTIONS)[number];

/** The kind of a movement journal line, one per action. */
export type AssetMovementKind =
  | 'received'
  | 'assigned'
  | 'returned'
  | 'moved'
  | 'sent_to_repair'
  | 'back_from_repair'
  | 'retired'
  | 'disposed';

/** Where an asset is in its life: its state, who holds it and where it is. */
export interface AssetPosition {
  state: AssetState;
  holderId: string | null;
  locationId: string | null;
}

/** What the person recording the action gave; empty strings count as not given (proto3). */
export interface AssetActionInput {
  holderId?: string;
  locationId?: string;
  reason?: string;
}

export interface AssetActionResult extends AssetPosition {
  movementKind: AssetMovementKind;
}

export const ASSET_REFERENCE_MAX_LENGTH = 200;
export const ASSET_REASON_MAX_LENGTH = 1000;

interface Rule {
  from: readonly AssetState[];
  movementKind: AssetMovementKind;
}

const RULES: Readonly<Record<AssetAction, Rule>> = {
  receive: { from: ['ordered'], movementKind: 'received' },
  assign: { from: ['in_stock', 'in_use'], movementKind: 'assigned' },
  return: { from: ['in_use'], movementKind: 'returned' },
  move: { from: ['in_stock', 'in_use'], movementKind: 'moved' },
  send_to_repair: { from: ['in_stock', 'in_use'], movementKind: 'sent_to_repair' },
  back_from_repair: { from: ['in_repair'], movementKind: 'back_from_repair' },
  // Not while someone holds it: the holder returns it first, so the journal shows where it went.
  retire: { from: ['in_stock', 'in_repair'], movementKind: 'retired' },
  dispose: { from: ['retired'], movementKind: 'disposed' },
};

const STATES: ReadonlySet<string> = new Set(ASSET_STATES);
const ACTIONS: ReadonlySet<string> = new Set(ASSET_ACTIONS);

export function isAssetState(value: unknown): value is AssetState {
  return typeof value === 'string' && STATES.has(value);
}

export function isAssetAction(value: unknown): value is AssetAction {
  return typeof value === 'string' && ACTIONS.has(value);
}

/** The actions the state allows, in the order of ASSET_ACTIONS; none once disposed. */
export function allowedAssetActions(state: AssetState): AssetAction[] {
  return ASSET_ACTIONS.filter((action) => RULES[action].from.includes(state));
}

function invalid(field: string, message: string): never {
  throw new CmdbError(CmdbErrorCode.ValidationFailed, message, [{ field, message }]);
}

function refuse(current: AssetPosition, action: AssetAction): never {
  const allowed = allowedAssetActions(current.state);
  const hint =
    action === 'retire' && current.state === 'in_use' ? ' (return it from its holder first)' : '';
  throw new CmdbError(
    CmdbErrorCode.InvalidTransition,
    `cannot ${action} an asset that is ${current.state}${hint}; allowed: ${allowed.join(', ') || 'none'}`,
    [],
    { currentState: current.state, allowedActions: allowed },
  );
}

function given(value: string | undefined | null): string | null {
  const text = value?.trim() ?? '';
  return text.length > 0 ? text : null;
}

function reference(
  field: 'holderId' | 'locationId',
  value: string | undefined,
  action: AssetAction,
  why: string,
): string {
  const id = given(value);
  if (id === null) invalid(field, `${field} is required: ${action} needs ${why}`);
  if (id.length > ASSET_REFERENCE_MAX_LENGTH) {
    invalid(field, `${field} must be at most ${ASSET_REFERENCE_MAX_LENGTH} characters`);
  }
  return id;
}

function optionalReference(field: 'holderId' | 'locationId', value: string | undefined) {
  const id = given(value);
  if (id !== null && id.length > ASSET_REFERENCE_MAX_LENGTH) {
    invalid(field, `${field} must be at most ${ASSET_REFERENCE_MAX_LENGTH} characters`);
  }
  return id;
}

function requireReason(input: AssetActionInput, action: AssetAction): void {
  const reason = given(input.reason);
  if (reason === null) invalid('reason', `reason is required: say why you ${action} the asset`);
  if (reason.length > ASSET_REASON_MAX_LENGTH) {
    invalid('reason', `reason must be at most ${ASSET_REASON_MAX_LENGTH} characters`);
  }
}

function positionAfter(
  current: AssetPosition,
  action: AssetAction,
  input: AssetActionInput,
): AssetPosition {
  switch (action) {
    case 'receive':
      return {
        state: 'in_stock',
        holderId: null,
        locationId: reference('locationId', input.locationId, action, 'the location it arrives at'),
      };
    case 'assign': {
      const holderId = reference('holderId', input.holderId, action, 'the person who gets it');
      const locationId = optionalReference('locationId', input.locationId) ?? current.locationId;
      if (holderId === current.holderId && locationId === current.locationId) {
        invalid('holderId', `the asset is already held by ${holderId}`);
      }
      return { state: 'in_use', holderId, locationId };
    }
    case 'return':
      return {
        state: 'in_stock',
        holderId: null,
        locationId: reference('locationId', input.locationId, action, 'the stock it goes back to'),
      };
    case 'move': {
      const locationId = reference('locationId', input.locationId, action, 'where it goes');
      if (locationId === current.locationId) {
        invalid('locationId', `the asset is already at ${locationId}`);
      }
      return { state: current.state, holderId: current.holderId, locationId };
    }
    case 'send_to_repair':
      return {
        state: 'in_repair',
        holderId: null,
        // The repair shop, when it is a location of its own.
        locationId: optionalReference('locationId', input.locationId) ?? current.locationId,
      };
    case 'back_from_repair':
      return {
        state: 'in_stock',
        holderId: null,
        locationId: reference('locationId', input.locationId, action, 'the stock it comes back to'),
      };
    case 'retire':
      requireReason(input, action);
      return { state: 'retired', holderId: null, locationId: current.locationId };
    case 'dispose':
      requireReason(input, action);
      return { state: 'disposed', holderId: null, locationId: current.locationId };
    default:
      return assertUnreachable(action, 'asset action');
  }
}

/**
 * The asset's position after `action`, and the kind of journal line it makes. Throws
 * INVALID_TRANSITION (details: currentState, allowedActions) when the state does not allow the
 * action, and VALIDATION_FAILED naming the field the action needs but did not get.
 */
export function applyAssetAction(
  current: AssetPosition,
  action: AssetAction,
  input: AssetActionInput,
): AssetActionResult {
  if (!isAssetAction(action)) {
    invalid('action', `"${String(action)}" is not an asset action: ${ASSET_ACTIONS.join(', ')}`);
  }
  if (!RULES[action].from.includes(current.state)) refuse(current, action);
  return { ...positionAfter(current, action, input), movementKind: RULES[action].movementKind };
}
