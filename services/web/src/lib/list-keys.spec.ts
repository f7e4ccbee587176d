import { listCommand, openCount } from './list-keys';

describe('listCommand', () => {
  it.each([
    ['j', -1, 3, { kind: 'move', index: 0 }],
    ['j', 2, 3, { kind: 'move', index: 2 }],
    ['ArrowDown', 0, 3, { kind: 'move', index: 1 }],
    ['k', 2, 3, { kind: 'move', index: 1 }],
    ['k', 0, 3, { kind: 'move', index: 0 }],
    ['j', -1, 0, null],
    ['Enter', 1, 3, { kind: 'open' }],
    ['Enter', -1, 3, null],
    ['/', -1, 0, { kind: 'search' }],
    ['x', 0, 3, null],
  ])('%s at %d of %d → %j', (key, selected, length, expected) => {
    expect(listCommand(key, selected, length)).toEqual(expected);
  });
});

describe('openCount', () => {
  it('counts what is still to do', () => {
    expect(
      openCount({ new: 2, in_progress: 3, pending: 1, resolved: 4, closed: 9, cancelled: 1 }),
    ).toBe(6);
  });
});
