import type { TicketVisibility } from '@itsm/auth';
import {
  namedBind,
  positionalBind,
  visibleTicketCondition,
  visibleTicketExists,
} from './ticket-visibility.sql';

const squeeze = (sql: string | undefined) => sql?.replace(/\s+/g, ' ');

describe('the SQL condition of a ticket visibility', () => {
  it.each<[string, TicketVisibility, string | undefined, unknown[]]>([
    ['every ticket: no condition at all', { kind: 'all' }, undefined, [1]],
    [
      'an agent: their groups, theirs, what they filed, the triage queue',
      { kind: 'groups', userId: 'ag-1', groupIds: ['g-net', 'g-mail'] },
      '(t.requester_id = $2 OR t.assignee_id = $2 OR t.assignment_group_id IS NULL OR t.assignment_group_id = ANY($3))',
      [1, 'ag-1', ['g-net', 'g-mail']],
    ],
    [
      'an agent in no group: still what they filed or hold, and the triage queue',
      { kind: 'groups', userId: 'ag-2', groupIds: [] },
      '(t.requester_id = $2 OR t.assignee_id = $2 OR t.assignment_group_id IS NULL OR t.assignment_group_id = ANY($3))',
      [1, 'ag-2', []],
    ],
    [
      'a requester: their own tickets',
      { kind: 'requester', userId: 'emp-1', organizationId: 'org-a', organizationWide: false },
      '(t.requester_id = $2)',
      [1, 'emp-1'],
    ],
    [
      'an organisation-wide requester: their organisation’s too',
      { kind: 'requester', userId: 'emp-2', organizationId: 'org-a', organizationWide: true },
      '(t.requester_id = $2 OR t.organization_id = $3)',
      [1, 'emp-2', 'org-a'],
    ],
    [
      'an organisation-wide requester without an organisation: their own only',
      { kind: 'requester', userId: 'emp-3', organizationId: null, organizationWide: true },
      '(t.requester_id = $2)',
      [1, 'emp-3'],
    ],
  ])('%s', (_case, visibility, sql, values) => {
    const bound: unknown[] = [1];
    expect(squeeze(visibleTicketCondition(visibility, 't', positionalBind(bound)))).toBe(sql);
    expect(bound).toEqual(values);
  });

  it('binds named parameters that cannot clash with a query’s own', () => {
    const parameters: Record<string, unknown> = {};
    const sql = visibleTicketCondition(
      { kind: 'requester', userId: 'emp-2', organizationId: 'org-a', organizationWide: true },
      'ticket',
      namedBind(parameters),
    );
    expect(sql).toBe('(ticket.requester_id = :scope0 OR ticket.organization_id = :scope1)');
    expect(parameters).toEqual({ scope0: 'emp-2', scope1: 'org-a' });
  });

  it('asks for a visible ticket behind the rows that hang off one', () => {
    const bound: unknown[] = ['ticket-id'];
    const requester: TicketVisibility = {
      kind: 'requester',
      userId: 'emp-1',
      organizationId: null,
      organizationWide: false,
    };
    expect(visibleTicketExists(requester, 'comment.ticket_id', positionalBind(bound))).toBe(
      'EXISTS (SELECT 1 FROM tickets scoped WHERE scoped.id = comment.ticket_id AND (scoped.requester_id = $2))',
    );
    expect(visibleTicketExists({ kind: 'all' }, 'comment.ticket_id', positionalBind(bound))).toBe(
      undefined,
    );
  });
});
