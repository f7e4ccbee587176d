import { openTicket, type Ticket, validateTicketRequest } from './ticket';
import { editTicket } from './ticket-edit';
import { TicketErrorCode } from './ticket-error';

const now = new Date('2026-11-27T12:00:00Z');

function aTicket(overrides: Partial<Ticket> = {}): Ticket {
  const ticket = openTicket(
    validateTicketRequest({
      type: 'incident',
      title: 'Slow network',
      description: '',
      impact: 'low',
      urgency: 'low',
      channel: undefined,
      requesterId: 'emp-1',
      organizationId: undefined,
    }),
    {
      id: '00000000-0000-7000-8000-000000000001',
      sequence: 1,
      now: new Date('2026-11-27T09:00:00Z'),
    },
  );
  return { ...ticket, status: 'assigned', ...overrides };
}

describe('editing a ticket', () => {
  it('recomputes the priority from the matrix when impact or urgency change', () => {
    const { ticket, changes } = editTicket(aTicket(), { impact: 'high', urgency: 'high' }, now);
    expect(ticket).toMatchObject({
      impact: 'high',
      urgency: 'high',
      priority: 'critical',
      version: 2,
      updatedAt: now,
    });
    expect(changes).toEqual({
      impact: { from: 'low', to: 'high' },
      urgency: { from: 'low', to: 'high' },
      priority: { from: 'planning', to: 'critical' },
    });
  });

  it('keeps a manual priority with its reason until it is cleared', () => {
    const overridden = editTicket(
      aTicket(),
      { priority: { value: 'high', reason: ' CEO laptop ' } },
      now,
    ).ticket;
    expect(overridden).toMatchObject({ priority: 'high', priorityReason: 'CEO laptop' });
    const stillManual = editTicket(overridden, { urgency: 'medium' }, now).ticket;
    expect(stillManual).toMatchObject({ priority: 'high', urgency: 'medium' });
    const cleared = editTicket(stillManual, { priority: null }, now).ticket;
    expect(cleared).toMatchObject({ priority: 'low', priorityReason: null });
  });

  it('sets a category, which must be a catalog id', () => {
    const categoryId = '00000000-0000-7000-8000-0000000000c1';
    const { ticket, changes } = editTicket(aTicket(), { categoryId }, now);
    expect(ticket).toMatchObject({ categoryId, version: 2 });
    expect(changes).toEqual({ categoryId: { from: null, to: categoryId } });
    expect(() => editTicket(aTicket(), { categoryId: 'printers' }, now)).toThrow(
      expect.objectContaining({
        code: TicketErrorCode.ValidationFailed,
        violations: [{ field: 'categoryId', message: 'categoryId must be a catalog id (UUID)' }],
      }),
    );
  });

  it('names the configuration items an incident is about, as distinct cmdb ids', () => {
    const host = '00000000-0000-7000-8000-00000000c001';
    const vm = '00000000-0000-7000-8000-00000000c002';
    const { ticket, changes } = editTicket(
      aTicket(),
      { configurationItemIds: [host, ` ${vm} `, host] },
      now,
    );
    expect(ticket).toMatchObject({ configurationItemIds: [host, vm], version: 2 });
    expect(changes).toEqual({ configurationItemIds: { from: '', to: `${host},${vm}` } });
    expect(() => editTicket(aTicket(), { configurationItemIds: ['db-primary'] }, now)).toThrow(
      expect.objectContaining({
        code: TicketErrorCode.ValidationFailed,
        violations: [
          {
            field: 'configurationItemIds',
            message: 'configuration item ids must be cmdb ids (UUIDs)',
          },
        ],
      }),
    );
  });

  it('changes nothing, not even the version, for an edit that changes nothing', () => {
    const ticket = aTicket();
    expect(editTicket(ticket, { title: ' Slow network ', impact: 'low' }, now)).toEqual({
      ticket,
      changes: {},
    });
  });

  it('reports every invalid field at once', () => {
    expect(() =>
      editTicket(aTicket(), { title: ' ', priority: { value: 'critical', reason: '' } }, now),
    ).toThrow(
      expect.objectContaining({
        code: TicketErrorCode.ValidationFailed,
        violations: [
          { field: 'title', message: 'title must not be empty' },
          { field: 'priorityReason', message: 'a manual priority needs a reason' },
        ],
      }),
    );
  });

  it.each(['closed', 'cancelled'] as const)('refuses to edit a %s ticket', (status) => {
    expect(() => editTicket(aTicket({ status }), { title: 'x' }, now)).toThrow(
      expect.objectContaining({ code: TicketErrorCode.InvalidTransition }),
    );
  });
});
