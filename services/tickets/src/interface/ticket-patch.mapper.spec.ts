import { Impact, Priority, type TicketPatch, Urgency } from '@itsm/contracts';
import { TicketErrorCode } from '../domain/ticket-error';
import { toTicketEdit } from './ticket-patch.mapper';

const patch: TicketPatch = {
  title: 'New title',
  description: '',
  impact: Impact.IMPACT_HIGH,
  urgency: Urgency.URGENCY_UNSPECIFIED,
  priority: Priority.PRIORITY_UNSPECIFIED,
  priorityReason: '',
  tags: [],
  configurationItemIds: ['0194a000-0000-7000-8000-00000000c001'],
};

describe('update paths → ticket edit', () => {
  it('applies only the named fields', () => {
    expect(toTicketEdit(patch, ['title', 'impact'])).toEqual({
      title: 'New title',
      impact: 'high',
    });
  });

  it('takes the whole new set of configuration items', () => {
    expect(toTicketEdit(patch, ['configuration_item_ids'])).toEqual({
      configurationItemIds: ['0194a000-0000-7000-8000-00000000c001'],
    });
  });

  it('reads an unspecified priority as handing it back to the matrix', () => {
    expect(toTicketEdit(patch, ['priority'])).toEqual({ priority: null });
    expect(
      toTicketEdit({ ...patch, priority: Priority.PRIORITY_HIGH, priorityReason: 'VIP' }, [
        'priority',
      ]),
    ).toEqual({
      priority: { value: 'high', reason: 'VIP' },
    });
  });

  it('refuses unknown paths, a missing urgency and an empty list', () => {
    expect(() => toTicketEdit(patch, ['status', 'urgency'])).toThrow(
      expect.objectContaining({
        code: TicketErrorCode.ValidationFailed,
        violations: [
          {
            field: 'status',
            message:
              'status cannot be edited; editable: title, description, impact, urgency, priority, tags, configuration_item_ids',
          },
          { field: 'urgency', message: 'urgency must be high, medium or low' },
        ],
      }),
    );
    expect(() => toTicketEdit(patch, [])).toThrow(
      expect.objectContaining({ code: TicketErrorCode.ValidationFailed }),
    );
  });
});
