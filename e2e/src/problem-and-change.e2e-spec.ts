import { aTicketRequestBody } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { platformSuite } from './support/platform-suite';

interface ApprovalBody {
  id: string;
  changeId: string;
  outcome: string;
  quorum: string;
  cabGroupId: string | null;
  votes: { approverId: string; viaGroupId: string | null; decision: string; comment: string }[];
  decidedAt: string | null;
}

describe('problems and changes through the gateway', () => {
  const suite = platformSuite();

  async function create(body: Record<string, unknown>): Promise<TicketBody> {
    const response = await suite.postJson(suite.ticketsUrl, aTicketRequestBody(body));
    expect(response.status).toBe(201);
    return (await response.json()) as TicketBody;
  }

  /** Applies each step with If-Match, checking the state it leads to. */
  async function drive(
    ticket: TicketBody,
    steps: [Record<string, unknown>, string][],
  ): Promise<TicketBody> {
    let current = ticket;
    for (const [body, status] of steps) {
      const response = await suite.postJson(
        `${suite.ticketsUrl}/${current.id}/transitions`,
        { actorId: 'manager-1', ...body },
        { 'If-Match': `"${current.version}"` },
      );
      const answer = (await response.json()) as TicketBody & ProblemBody;
      expect({ action: body['action'], status: response.status, detail: answer.detail }).toEqual({
        action: body['action'],
        status: 200,
        detail: undefined,
      });
      expect(answer).toMatchObject({ status, version: current.version + 1 });
      current = answer;
    }
    return current;
  }

  function vote(change: TicketBody, body: Record<string, unknown>): Promise<Response> {
    return suite.postJson(`${suite.ticketsUrl}/${change.id}/approval/votes`, body);
  }

  async function eventTypes(ticketId: string, count: number): Promise<string[]> {
    await suite.probe.waitForKey(ticketId, { count });
    return suite.probe.messages
      .filter((message) => message.key === ticketId)
      .map((message) => String(message.headers['ce_type']).replace('itsm.tickets.v1.', ''));
  }

  it('drives a problem to a known error and closes it, one event per change', async () => {
    const problem = await create({
      type: 'problem',
      title: 'VPN drops every hour for the Kazan office',
    });
    expect(problem).toMatchObject({ status: 'new', changeKind: null });
    expect(problem.number).toMatch(/^PRB-\d{6}$/);

    const tooEarly = await suite.postJson(`${suite.ticketsUrl}/${problem.id}/transitions`, {
      actorId: 'manager-1',
      action: 'record_known_error',
    });
    expect(tooEarly.status).toBe(409);
    expect(await tooEarly.json()).toMatchObject({
      allowedActions: ['investigate', 'assign', 'cancel'],
    });

    const closed = await drive(problem, [
      [{ action: 'assign', assignmentGroupId: 'network' }, 'new'],
      [{ action: 'investigate' }, 'investigating'],
      [
        {
          action: 'record_known_error',
          rootCause: 'The firewall drops idle IPsec sessions after 60 minutes.',
          workaround: 'Reconnect; keep-alive every 5 minutes avoids it.',
        },
        'known_error',
      ],
      [{ action: 'resolve', resolutionCode: 'fixed' }, 'resolved'],
      [{ action: 'close' }, 'closed'],
    ]);
    expect(closed).toMatchObject({
      rootCause: 'The firewall drops idle IPsec sessions after 60 minutes.',
      assignmentGroupId: 'network',
    });
    expect(closed.knownErrorAt).not.toBeNull();
    expect(await eventTypes(problem.id, 6)).toEqual([
      'ticket.created',
      'ticket.assigned',
      'ticket.state_changed',
      'ticket.state_changed',
      'ticket.resolved',
      'ticket.closed',
    ]);
  });

  it('takes a normal change through CAB approval, scheduling, implementation and review', async () => {
    const change = await create({
      type: 'change',
      title: 'Upgrade PostgreSQL on db-01 to 17',
      changeKind: 'normal',
      configurationItemIds: ['ci-db-01', 'ci-app-02'],
    });
    expect(change).toMatchObject({
      status: 'draft',
      changeKind: 'normal',
      configurationItemIds: ['ci-db-01', 'ci-app-02'],
    });
    expect(change.number).toMatch(/^CHG-\d{6}$/);

    const inApproval = await drive(change, [
      [{ action: 'assign', assignmentGroupId: 'dba', assigneeId: 'dba-1' }, 'draft'],
      [
        {
          action: 'submit',
          risk: 'high',
          impact: 'high',
          backoutPlan: 'Restore the pre-upgrade snapshot and repoint the app.',
        },
        'assessment',
      ],
      [
        {
          action: 'request_approval',
          approverIds: ['cab-chair'],
          cabGroupId: 'cab-infrastructure',
          quorum: 'all',
        },
        'approval',
      ],
    ]);

    const early = await suite.postJson(`${suite.ticketsUrl}/${change.id}/transitions`, {
      actorId: 'manager-1',
      action: 'schedule',
      plannedStart: '2030-12-05T22:00:00+03:00',
      plannedEnd: '2030-12-06T01:00:00+03:00',
    });
    expect(early.status).toBe(409);
    expect(((await early.json()) as ProblemBody).detail).toContain('approval is pending');

    const stranger = await vote(inApproval, { approverId: 'intern-1', decision: 'approve' });
    expect(stranger.status).toBe(400);

    const chair = await vote(inApproval, { approverId: 'cab-chair', decision: 'approve' });
    expect(chair.status).toBe(200);
    expect(((await chair.json()) as { approval: ApprovalBody }).approval.outcome).toBe('pending');

    const member = await vote(inApproval, {
      approverId: 'dba-2',
      decision: 'approve',
      comment: 'Snapshot tested yesterday.',
      cabGroupId: 'cab-infrastructure',
    });
    expect(member.status).toBe(200);
    const decided = (await member.json()) as { approval: ApprovalBody; ticket: TicketBody };
    expect(decided.approval).toMatchObject({ outcome: 'approved', quorum: 'all' });
    expect(decided.approval.votes.map((entry) => [entry.approverId, entry.viaGroupId])).toEqual([
      ['cab-chair', null],
      ['dba-2', 'cab-infrastructure'],
    ]);
    expect(member.headers.get('etag')).toBe(`"${decided.ticket.version}"`);

    const read = await suite.fetch(`${suite.ticketsUrl}/${change.id}/approval`);
    expect(((await read.json()) as ApprovalBody).id).toBe(decided.approval.id);

    const closed = await drive(decided.ticket, [
      [
        {
          action: 'schedule',
          plannedStart: '2030-12-05T22:00:00+03:00',
          plannedEnd: '2030-12-06T01:00:00+03:00',
        },
        'scheduled',
      ],
      [{ action: 'start_implementation' }, 'implementing'],
      [{ action: 'complete', implementationOutcome: 'successful' }, 'review'],
      [{ action: 'close' }, 'closed'],
    ]);
    expect(closed).toMatchObject({
      plannedStart: '2030-12-05T19:00:00.000Z',
      implementationOutcome: 'successful',
      assignmentGroupId: 'dba',
    });
    expect(await eventTypes(change.id, 10)).toEqual([
      'ticket.created',
      'ticket.assigned',
      'ticket.state_changed',
      'ticket.state_changed',
      'change.approval_requested',
      'change.approved',
      'ticket.state_changed',
      'ticket.state_changed',
      'ticket.state_changed',
      'ticket.closed',
    ]);
  });

  it('rejects an emergency change with the first rejection and lets it be revised', async () => {
    const change = await create({
      type: 'change',
      title: 'Hotfix the payment gateway',
      changeKind: 'emergency',
    });
    const inApproval = await drive(change, [
      [
        {
          action: 'submit',
          risk: 'medium',
          impact: 'high',
          backoutPlan: 'Redeploy the previous release.',
          approverIds: ['cto', 'security-lead'],
          quorum: 'any',
        },
        'approval',
      ],
    ]);
    const noComment = await vote(inApproval, { approverId: 'security-lead', decision: 'reject' });
    expect(noComment.status).toBe(400);
    const rejected = await vote(inApproval, {
      approverId: 'security-lead',
      decision: 'reject',
      comment: 'The hotfix disables request signing.',
    });
    const result = (await rejected.json()) as { approval: ApprovalBody; ticket: TicketBody };
    expect(result.approval.outcome).toBe('rejected');
    expect(result.ticket.status).toBe('rejected');

    const retried = await vote(inApproval, {
      approverId: 'security-lead',
      decision: 'reject',
      comment: 'The hotfix disables request signing.',
    });
    expect(retried.status).toBe(200);
    const late = await vote(inApproval, { approverId: 'cto', decision: 'approve' });
    expect(late.status).toBe(409);

    await drive(result.ticket, [[{ action: 'revise' }, 'draft']]);
    expect(await eventTypes(change.id, 6)).toEqual([
      'ticket.created',
      'ticket.state_changed',
      'change.approval_requested',
      'ticket.state_changed',
      'change.rejected',
      'ticket.state_changed',
    ]);
  });

  it('refuses change fields on an incident and an incident action on a change', async () => {
    const incident = await suite.postJson(
      suite.ticketsUrl,
      aTicketRequestBody({ changeKind: 'standard', configurationItemIds: ['ci-1'] }),
    );
    expect(incident.status).toBe(400);
    const change = await create({ type: 'change', title: 'Rotate TLS certificates' });
    const refused = await suite.postJson(`${suite.ticketsUrl}/${change.id}/transitions`, {
      actorId: 'manager-1',
      action: 'start',
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      currentStatus: 'draft',
      allowedActions: ['assign', 'submit', 'cancel'],
    });
  });
});
