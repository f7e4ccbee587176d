import { escalationChanges } from './ticket-escalation';

describe('an escalation in the history', () => {
  it('keeps each fact of a functional escalation as a field that had no value', () => {
    expect(
      escalationChanges({
        escalationId: 'e-1',
        kind: 'functional',
        trigger: 'sla_warning',
        fromGroupId: 'g-1',
        toGroupId: 'g-2',
        supervisorId: undefined,
        reason: '75 % of the resolution time is used up',
      }),
    ).toEqual({
      escalationId: { from: null, to: 'e-1' },
      kind: { from: null, to: 'functional' },
      trigger: { from: null, to: 'sla_warning' },
      fromGroupId: { from: null, to: 'g-1' },
      toGroupId: { from: null, to: 'g-2' },
      reason: { from: null, to: '75 % of the resolution time is used up' },
    });
  });

  it('names the supervisor of a hierarchical one, and no next group', () => {
    const changes = escalationChanges({
      escalationId: 'e-2',
      kind: 'hierarchical',
      trigger: 'sla_breach',
      fromGroupId: 'g-1',
      toGroupId: undefined,
      supervisorId: 'boss-1',
      reason: 'resolution overdue',
    });
    expect(Object.keys(changes)).toEqual([
      'escalationId',
      'kind',
      'trigger',
      'fromGroupId',
      'supervisorId',
      'reason',
    ]);
    expect(changes['supervisorId']).toEqual({ from: null, to: 'boss-1' });
  });
});
