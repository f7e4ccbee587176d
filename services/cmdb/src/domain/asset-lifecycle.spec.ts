import {
  ASSET_ACTIONS,
  ASSET_STATES,
  type AssetAction,
  type AssetActionInput,
  type AssetActionResult,
  type AssetPosition,
  type AssetState,
  allowedAssetActions,
  applyAssetAction,
} from './asset-lifecycle';
import { CmdbError, CmdbErrorCode } from './cmdb-error';

// Where a laptop typically is in each state.
const positions: Record<AssetState, AssetPosition> = {
  ordered: { state: 'ordered', holderId: null, locationId: null },
  in_stock: { state: 'in_stock', holderId: null, locationId: 'loc-warehouse' },
  in_use: { state: 'in_use', holderId: 'usr-ivanov', locationId: 'loc-office-3' },
  in_repair: { state: 'in_repair', holderId: null, locationId: 'loc-service-centre' },
  retired: { state: 'retired', holderId: null, locationId: 'loc-warehouse' },
  disposed: { state: 'disposed', holderId: null, locationId: 'loc-warehouse' },
};
const everything: AssetActionInput = {
  holderId: 'usr-petrova',
  locationId: 'loc-warehouse-2',
  reason: 'screen broken beyond repair',
};

function refusal(run: () => unknown): CmdbError {
  try {
    run();
  } catch (error) {
    if (error instanceof CmdbError) return error;
    throw error;
  }
  throw new Error('expected a CmdbError');
}

const result = (
  state: AssetState,
  holderId: string | null,
  locationId: string | null,
  movementKind: AssetActionResult['movementKind'],
): AssetActionResult => ({ state, holderId, locationId, movementKind });

describe('the asset lifecycle, every state against every action', () => {
  // null: the state does not allow the action.
  const table: Record<AssetState, Record<AssetAction, AssetActionResult | null>> = {
    ordered: {
      receive: result('in_stock', null, 'loc-warehouse-2', 'received'),
      assign: null,
      return: null,
      move: null,
      send_to_repair: null,
      back_from_repair: null,
      retire: null,
      dispose: null,
    },
    in_stock: {
      receive: null,
      assign: result('in_use', 'usr-petrova', 'loc-warehouse-2', 'assigned'),
      return: null,
      move: result('in_stock', null, 'loc-warehouse-2', 'moved'),
      send_to_repair: result('in_repair', null, 'loc-warehouse-2', 'sent_to_repair'),
      back_from_repair: null,
      retire: result('retired', null, 'loc-warehouse', 'retired'),
      dispose: null,
    },
    in_use: {
      receive: null,
      assign: result('in_use', 'usr-petrova', 'loc-warehouse-2', 'assigned'),
      return: result('in_stock', null, 'loc-warehouse-2', 'returned'),
      move: result('in_use', 'usr-ivanov', 'loc-warehouse-2', 'moved'),
      send_to_repair: result('in_repair', null, 'loc-warehouse-2', 'sent_to_repair'),
      back_from_repair: null,
      retire: null,
      dispose: null,
    },
    in_repair: {
      receive: null,
      assign: null,
      return: null,
      move: null,
      send_to_repair: null,
      back_from_repair: result('in_stock', null, 'loc-warehouse-2', 'back_from_repair'),
      retire: result('retired', null, 'loc-service-centre', 'retired'),
      dispose: null,
    },
    retired: {
      receive: null,
      assign: null,
      return: null,
      move: null,
      send_to_repair: null,
      back_from_repair: null,
      retire: null,
      dispose: result('disposed', null, 'loc-warehouse', 'disposed'),
    },
    disposed: {
      receive: null,
      assign: null,
      return: null,
      move: null,
      send_to_repair: null,
      back_from_repair: null,
      retire: null,
      dispose: null,
    },
  };
  const pairs = ASSET_STATES.flatMap((state) =>
    ASSET_ACTIONS.map((action) => [state, action, table[state][action]] as const),
  );

  it('covers all 48 pairs', () => {
    expect(pairs).toHaveLength(ASSET_STATES.length * ASSET_ACTIONS.length);
  });

  it.each(pairs.filter(([, , expected]) => expected !== null))(
    '%s + %s is allowed',
    (state, action, expected) => {
      expect(applyAssetAction(positions[state], action, everything)).toEqual(expected);
      expect(allowedAssetActions(state)).toContain(action);
    },
  );

  it.each(pairs.filter(([, , expected]) => expected === null))(
    '%s + %s is refused, naming the allowed actions',
    (state, action) => {
      const error = refusal(() => applyAssetAction(positions[state], action, everything));
      expect(error.code).toBe(CmdbErrorCode.InvalidTransition);
      expect(error.details).toEqual({
        currentState: state,
        allowedActions: allowedAssetActions(state),
      });
      expect(allowedAssetActions(state)).not.toContain(action);
    },
  );
});

describe('the actions each state allows', () => {
  it.each<[AssetState, AssetAction[]]>([
    ['ordered', ['receive']],
    ['in_stock', ['assign', 'move', 'send_to_repair', 'retire']],
    ['in_use', ['assign', 'return', 'move', 'send_to_repair']],
    ['in_repair', ['back_from_repair', 'retire']],
    ['retired', ['dispose']],
    ['disposed', []],
  ])('%s allows %j', (state, expected) => {
    expect(allowedAssetActions(state)).toEqual(expected);
  });
});

describe('what an action needs', () => {
  it.each<[string, AssetState, AssetAction, AssetActionInput, string, string]>([
    [
      'receive without a location',
      'ordered',
      'receive',
      {},
      'locationId',
      'locationId is required: receive needs the location it arrives at',
    ],
    [
      'assign without a holder',
      'in_stock',
      'assign',
      { locationId: 'loc-office-3' },
      'holderId',
      'holderId is required: assign needs the person who gets it',
    ],
    [
      'assign with a blank holder (proto3 empty string)',
      'in_stock',
      'assign',
      { holderId: '  ' },
      'holderId',
      'holderId is required: assign needs the person who gets it',
    ],
    [
      'return without a location',
      'in_use',
      'return',
      { reason: 'leaving' },
      'locationId',
      'locationId is required: return needs the stock it goes back to',
    ],
    [
      'move without a location',
      'in_stock',
      'move',
      {},
      'locationId',
      'locationId is required: move needs where it goes',
    ],
    [
      'move to where it already is',
      'in_stock',
      'move',
      { locationId: 'loc-warehouse' },
      'locationId',
      'the asset is already at loc-warehouse',
    ],
    [
      'assign to its holder again, nothing else changing',
      'in_use',
      'assign',
      { holderId: 'usr-ivanov' },
      'holderId',
      'the asset is already held by usr-ivanov',
    ],
    [
      'back from repair without a location',
      'in_repair',
      'back_from_repair',
      {},
      'locationId',
      'locationId is required: back_from_repair needs the stock it comes back to',
    ],
    [
      'retire without a reason',
      'in_stock',
      'retire',
      {},
      'reason',
      'reason is required: say why you retire the asset',
    ],
    [
      'dispose with a blank reason',
      'retired',
      'dispose',
      { reason: ' ' },
      'reason',
      'reason is required: say why you dispose the asset',
    ],
    [
      'a reason that is too long',
      'retired',
      'dispose',
      { reason: 'x'.repeat(1001) },
      'reason',
      'reason must be at most 1000 characters',
    ],
    [
      'a holder id that is too long',
      'in_stock',
      'assign',
      { holderId: 'u'.repeat(201) },
      'holderId',
      'holderId must be at most 200 characters',
    ],
  ])('%s', (_name, state, action, input, field, message) => {
    const error = refusal(() => applyAssetAction(positions[state], action, input));
    expect(error.code).toBe(CmdbErrorCode.ValidationFailed);
    expect(error.violations).toEqual([{ field, message }]);
  });

  it.each<[string, AssetState, AssetAction, AssetActionInput, AssetActionResult]>([
    [
      'assign keeps the location when none is given',
      'in_stock',
      'assign',
      { holderId: 'usr-petrova' },
      result('in_use', 'usr-petrova', 'loc-warehouse', 'assigned'),
    ],
    [
      'assign hands a held asset to someone else',
      'in_use',
      'assign',
      { holderId: 'usr-petrova' },
      result('in_use', 'usr-petrova', 'loc-office-3', 'assigned'),
    ],
    [
      'assign to the same holder at a new desk',
      'in_use',
      'assign',
      { holderId: 'usr-ivanov', locationId: 'loc-office-5' },
      result('in_use', 'usr-ivanov', 'loc-office-5', 'assigned'),
    ],
    [
      'send to repair stays where it is without a repair shop',
      'in_use',
      'send_to_repair',
      {},
      result('in_repair', null, 'loc-office-3', 'sent_to_repair'),
    ],
    [
      'ids are trimmed',
      'ordered',
      'receive',
      { locationId: ' loc-warehouse ' },
      result('in_stock', null, 'loc-warehouse', 'received'),
    ],
  ])('%s', (_name, state, action, input, expected) => {
    expect(applyAssetAction(positions[state], action, input)).toEqual(expected);
  });

  it('checks the state before the input, so a wrong state is never reported as a missing field', () => {
    expect(refusal(() => applyAssetAction(positions.disposed, 'receive', {})).code).toBe(
      CmdbErrorCode.InvalidTransition,
    );
  });

  it('tells to return an asset in use before retiring it', () => {
    const error = refusal(() => applyAssetAction(positions.in_use, 'retire', everything));
    expect(error.message).toBe(
      'cannot retire an asset that is in_use (return it from its holder first); allowed: assign, return, move, send_to_repair',
    );
  });

  it('says a disposed asset allows nothing', () => {
    const error = refusal(() => applyAssetAction(positions.disposed, 'dispose', everything));
    expect(error.message).toBe('cannot dispose an asset that is disposed; allowed: none');
  });

  it('refuses an action it does not know', () => {
    const error = refusal(() =>
      applyAssetAction(positions.in_stock, 'steal' as AssetAction, everything),
    );
    expect(error.code).toBe(CmdbErrorCode.ValidationFailed);
    expect(error.violations[0]?.field).toBe('action');
  });
});
