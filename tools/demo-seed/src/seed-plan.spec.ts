import type { TicketAction, TicketStatus, TicketType, TransitionBody } from './gateway-api';
import { buildSeedPlan, DEMO_MIX, fillPlaceholders, mixOf, type TicketPlan } from './seed-plan';

const NOW = new Date('2025-03-12T09:41:00Z');
const plan = buildSeedPlan({ now: NOW });

/** The lifecycles the API documents (TransitionTicketDto.action), as from → to per action. */
const DESK: Partial<Record<TicketAction, { from: TicketStatus[]; to: TicketStatus }>> = {
  assign: { from: ['new', 'assigned', 'in_progress'], to: 'assigned' },
  start: { from: ['assigned'], to: 'in_progress' },
  pend: { from: ['in_progress'], to: 'pending' },
  resume: { from: ['pending'], to: 'in_progress' },
  resolve: { from: ['assigned', 'in_progress', 'pending'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved'], to: 'in_progress' },
  cancel: { from: ['new', 'assigned', 'in_progress', 'pending'], to: 'cancelled' },
};
const PROBLEM: Partial<Record<TicketAction, { from: TicketStatus[]; to?: TicketStatus }>> = {
  investigate: { from: ['new'], to: 'investigating' },
  assign: { from: ['new', 'investigating', 'known_error'] },
  record_known_error: { from: ['investigating'], to: 'known_error' },
  resolve: { from: ['investigating', 'known_error'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved'], to: 'investigating' },
  cancel: { from: ['new', 'investigating', 'known_error'], to: 'cancelled' },
};
const CHANGE: Partial<Record<TicketAction, { from: TicketStatus[]; to: TicketStatus }>> = {
  submit: { from: ['draft'], to: 'assessment' },
  request_approval: { from: ['assessment'], to: 'approval' },
  schedule: { from: ['approval'], to: 'scheduled' },
  revise: { from: ['rejected'], to: 'draft' },
  start_implementation: { from: ['scheduled'], to: 'implementing' },
  complete: { from: ['implementing'], to: 'review' },
  close: { from: ['review'], to: 'closed' },
  cancel: { from: ['draft', 'assessment', 'approval', 'scheduled'], to: 'cancelled' },
};

interface Round {
  named: string[];
  cab: boolean;
  quorum: 'any' | 'all';
  votes: { approverId: string; decision: string; viaCab: boolean }[];
}

function outcomeOf(round: Round): 'pending' | 'approved' | 'rejected' {
  if (round.votes.some((vote) => vote.decision === 'reject')) return 'rejected';
  const approvals = round.votes.filter((vote) => vote.decision === 'approve');
  if (round.quorum === 'any') return approvals.length > 0 ? 'approved' : 'pending';
  const named = round.named.every((id) => approvals.some((vote) => vote.approverId === id));
  const cab = !round.cab || approvals.some((vote) => vote.viaCab);
  return named && cab ? 'approved' : 'pending';
}

/** What each action needs besides the state, as the API refuses it otherwise. */
function missingFields(type: TicketType, body: TransitionBody, kind: string | undefined): string[] {
  const need = (fields: (keyof TransitionBody)[]): string[] =>
    fields.filter((field) => body[field] === undefined || body[field] === '');
  switch (body.action) {
    case 'assign':
      return body.assigneeId || body.assignmentGroupId ? [] : ['assigneeId'];
    case 'pend':
      return need(['pendingReason']);
    case 'resolve':
      return need(type === 'problem' ? ['resolutionCode', 'rootCause'] : ['resolutionCode']);
    case 'record_known_error':
      return need(['rootCause', 'workaround']);
    case 'submit':
      return need(
        kind === 'standard'
          ? ['risk', 'impact', 'backoutPlan', 'plannedStart', 'plannedEnd']
          : ['risk', 'impact', 'backoutPlan'],
      );
    case 'request_approval':
      return need(['quorum']);
    case 'complete':
      return body.implementationOutcome === 'successful'
        ? []
        : need(['implementationOutcome', 'implementationNotes']);
    case 'start':
    case 'resume':
    case 'close':
    case 'reopen':
    case 'cancel':
    case 'investigate':
    case 'schedule':
    case 'reject':
    case 'revise':
    case 'start_implementation':
      return [];
    default:
      throw new Error(`unhandled action ${String(body.action satisfies never)}`);
  }
}

/** Plays a ticket's steps on the documented lifecycle; returns the end state or the first fault. */
function play(ticket: TicketPlan): { status: TicketStatus; faults: string[] } {
  const { type, changeKind } = ticket.create;
  let status: TicketStatus = type === 'change' ? 'draft' : 'new';
  let round: Round | undefined;
  const faults: string[] = [];
  for (const step of ticket.steps) {
    if (step.kind === 'comment') {
      if (status === 'closed' || status === 'cancelled') faults.push(`comment when ${status}`);
      continue;
    }
    if (step.kind === 'vote') {
      if (status !== 'approval' || !round) {
        faults.push(`vote when ${status}`);
        continue;
      }
      const viaCab = step.body.cabGroupId !== undefined;
      if (!viaCab && !round.named.includes(step.body.approverId)) faults.push('vote by outsider');
      if (step.body.decision === 'reject' && !step.body.comment)
        faults.push('reject without comment');
      round.votes.push({ approverId: step.body.approverId, decision: step.body.decision, viaCab });
      if (outcomeOf(round) === 'rejected') status = 'rejected';
      continue;
    }
    const { action } = step.body;
    faults.push(
      ...missingFields(type, step.body, changeKind).map((field) => `${action} needs ${field}`),
    );
    const table = type === 'problem' ? PROBLEM : type === 'change' ? CHANGE : DESK;
    const rule = table[action];
    if (!rule || !rule.from.includes(status)) {
      faults.push(`cannot ${action} when ${status}`);
      continue;
    }
    if (type === 'change' && action === 'schedule' && (!round || outcomeOf(round) !== 'approved')) {
      faults.push('schedule before approval');
    }
    let next: TicketStatus = rule.to ?? status;
    if (type === 'change' && action === 'submit') {
      const opensRound = changeKind === 'emergency' && step.body.quorum !== undefined;
      if (changeKind === 'standard') next = 'scheduled';
      else if (opensRound) next = 'approval';
    }
    if (action === 'request_approval' || (action === 'submit' && next === 'approval')) {
      round = {
        named: step.body.approverIds ?? [],
        cab: step.body.cabGroupId !== undefined,
        quorum: step.body.quorum ?? 'all',
        votes: [],
      };
    }
    if (action === 'revise') round = undefined;
    status = next;
  }
  return { status, faults };
}

const CYRILLIC = /[а-яё]/i;

describe('buildSeedPlan', () => {
  it('is the same on every run: same tickets, keys and steps', () => {
    expect(buildSeedPlan({ now: NOW })).toEqual(plan);
  });

  it('opens the same tickets at any time; only the planned windows of changes move', () => {
    const later = buildSeedPlan({ now: new Date(NOW.getTime() + 3 * 86_400_000 + 7_777) });
    expect(later.tickets.map((ticket) => [ticket.idempotencyKey, ticket.create])).toEqual(
      plan.tickets.map((ticket) => [ticket.idempotencyKey, ticket.create]),
    );
    const withoutDates = (tickets: TicketPlan[]): unknown =>
      JSON.parse(
        JSON.stringify(tickets, (key, value: unknown) =>
          key.startsWith('planned') ? undefined : value,
        ),
      );
    expect(withoutDates(later.tickets)).toEqual(withoutDates(plan.tickets));
  });

  it('has the mix of a mid-size desk: 240 incidents, 120 requests, 20 problems, 20 changes', () => {
    const count = (type: TicketType): number =>
      plan.tickets.filter((ticket) => ticket.create.type === type).length;
    expect(count('incident')).toBe(DEMO_MIX.incidents);
    expect(count('service_request')).toBe(DEMO_MIX.serviceRequests);
    expect(count('problem')).toBe(20);
    expect(count('change')).toBe(20);
  });

  it('leaves every type in many states, mostly done for incidents and requests', () => {
    const { byType } = mixOf(plan);
    const desk = ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled'];
    expect(Object.keys(byType.incident).sort()).toEqual([...desk].sort());
    expect(Object.keys(byType.service_request).sort()).toEqual([...desk].sort());
    for (const counts of [byType.incident, byType.service_request]) {
      const total = Object.values(counts).reduce((sum, value) => sum + value, 0);
      expect(((counts.closed ?? 0) + (counts.resolved ?? 0)) / total).toBeGreaterThan(0.4);
      expect(counts.new ?? 0).toBeGreaterThan(5);
      expect(counts.pending ?? 0).toBeGreaterThan(5);
    }
    expect(Object.keys(byType.problem).sort()).toEqual(
      ['cancelled', 'closed', 'investigating', 'known_error', 'new', 'resolved'].sort(),
    );
    expect(Object.keys(byType.change).sort()).toEqual(
      [
        'approval',
        'assessment',
        'cancelled',
        'closed',
        'draft',
        'implementing',
        'rejected',
        'review',
        'scheduled',
      ].sort(),
    );
  });

  it('writes about half the tickets in Russian and half in English, each type in both', () => {
    const { byLanguage } = mixOf(plan);
    expect(byLanguage.ru / plan.tickets.length).toBeGreaterThan(0.4);
    expect(byLanguage.en / plan.tickets.length).toBeGreaterThan(0.4);
    for (const type of ['incident', 'service_request', 'problem', 'change'] as const) {
      const languages = new Set(
        plan.tickets
          .filter((ticket) => ticket.create.type === type)
          .map((ticket) => ticket.language),
      );
      expect([...languages].sort()).toEqual(['en', 'ru']);
    }
    for (const ticket of plan.tickets) {
      expect({ key: ticket.idempotencyKey, russian: CYRILLIC.test(ticket.create.title) }).toEqual({
        key: ticket.idempotencyKey,
        russian: ticket.language === 'ru',
      });
    }
  });

  it('gives every ticket and every comment its own idempotency key', () => {
    const keys = plan.tickets.map((ticket) => ticket.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe('demo-1');
    expect(keys.at(-1)).toBe(`demo-${keys.length}`);
    const commentKeys = plan.tickets.flatMap((ticket) =>
      ticket.steps.flatMap((step) => (step.kind === 'comment' ? [step.idempotencyKey] : [])),
    );
    expect(new Set(commentKeys).size).toBe(commentKeys.length);
  });

  it('only takes steps the lifecycle of the type allows, ending in the planned state', () => {
    const faulty = plan.tickets
      .map((ticket) => ({
        key: ticket.idempotencyKey,
        planned: ticket.finalStatus,
        ...play(ticket),
      }))
      .filter((result) => result.faults.length > 0 || result.status !== result.planned);
    expect(faulty).toEqual([]);
  });

  it('would notice a step out of order, a comment on a closed ticket or a missing field', () => {
    const [first] = plan.tickets;
    if (!first) throw new Error('empty plan');
    const broken: TicketPlan = {
      ...first,
      create: { ...first.create, type: 'incident' },
      steps: [
        { kind: 'transition', body: { action: 'close', actorId: 'agent-01' } },
        { kind: 'transition', body: { action: 'assign', actorId: 'agent-01' } },
        { kind: 'transition', body: { action: 'cancel', actorId: 'agent-01' } },
        {
          kind: 'comment',
          idempotencyKey: 'x',
          body: { authorId: 'agent-01', visibility: 'public', body: 'late' },
        },
      ],
    };
    expect(play(broken)).toEqual({
      status: 'cancelled',
      faults: ['cannot close when new', 'assign needs assigneeId', 'comment when cancelled'],
    });
  });

  it('lets people talk: public replies, internal notes and requester answers on many tickets', () => {
    const commented = plan.tickets.filter((ticket) =>
      ticket.steps.some((step) => step.kind === 'comment'),
    );
    expect(commented.length / plan.tickets.length).toBeGreaterThan(0.6);
    const comments = plan.tickets.flatMap((ticket) =>
      ticket.steps.flatMap((step) =>
        step.kind === 'comment' ? [{ ...step.body, requester: ticket.create.requesterId }] : [],
      ),
    );
    expect(comments.some((c) => c.visibility === 'internal')).toBe(true);
    expect(comments.some((c) => c.visibility === 'public' && c.authorId.startsWith('agent-'))).toBe(
      true,
    );
    expect(comments.some((c) => c.authorId === c.requester)).toBe(true);
    const pendingReasons = new Set(
      plan.tickets.flatMap((ticket) =>
        ticket.steps.flatMap((step) =>
          step.kind === 'transition' && step.body.pendingReason ? [step.body.pendingReason] : [],
        ),
      ),
    );
    expect([...pendingReasons].sort()).toEqual([
      'awaiting_change',
      'awaiting_customer',
      'awaiting_vendor',
    ]);
  });

  it('spreads requesters, organisations, groups, channels and priorities', () => {
    const distinct = (values: (string | undefined)[]): number => new Set(values).size;
    const desk = plan.tickets.filter(
      (ticket) => ticket.create.type !== 'change' && ticket.create.type !== 'problem',
    );
    expect(distinct(desk.map((ticket) => ticket.create.requesterId))).toBeGreaterThan(45);
    expect(distinct(desk.map((ticket) => ticket.create.organizationId))).toBeGreaterThanOrEqual(8);
    expect(distinct(desk.map((ticket) => ticket.create.channel))).toBe(6);
    expect(distinct(desk.map((ticket) => `${ticket.create.impact}/${ticket.create.urgency}`))).toBe(
      9,
    );
    const groups = plan.tickets.flatMap((ticket) =>
      ticket.steps.flatMap((step) =>
        step.kind === 'transition' && step.body.assignmentGroupId
          ? [step.body.assignmentGroupId]
          : [],
      ),
    );
    expect(distinct(groups)).toBe(6);
  });

  it('keeps within the API limits and fills every placeholder', () => {
    for (const ticket of plan.tickets) {
      expect(ticket.create.title.length).toBeLessThanOrEqual(200);
      expect(ticket.create.description.length).toBeLessThanOrEqual(20_000);
      expect(JSON.stringify(ticket)).not.toMatch(/\{[a-z]+\}/);
    }
  });

  it('plans change windows ahead, and around now for work under way or done', () => {
    const windows = plan.tickets.flatMap((ticket) =>
      ticket.steps.flatMap((step) =>
        step.kind === 'transition' && step.body.plannedStart && step.body.plannedEnd
          ? [
              {
                ahead: ['draft', 'assessment', 'approval', 'scheduled', 'cancelled'].includes(
                  ticket.finalStatus,
                ),
                start: Date.parse(step.body.plannedStart),
                end: Date.parse(step.body.plannedEnd),
              },
            ]
          : [],
      ),
    );
    expect(windows.length).toBeGreaterThan(15);
    expect(windows.filter(({ start, end }) => !(start < end && end > NOW.getTime()))).toEqual([]);
    expect(windows.filter(({ ahead, start }) => ahead && start <= NOW.getTime())).toEqual([]);
    expect(windows.filter(({ ahead, start }) => !ahead && start < NOW.getTime())).not.toEqual([]);
  });

  it('opens old, finished work first, so the newest tickets are the open ones', () => {
    const meanPosition = (status: TicketStatus): number => {
      const positions = plan.tickets.flatMap((ticket, index) =>
        ticket.finalStatus === status ? [index] : [],
      );
      return positions.reduce((sum, index) => sum + index, 0) / positions.length;
    };
    expect(meanPosition('closed')).toBeLessThan(meanPosition('in_progress'));
    expect(meanPosition('in_progress')).toBeLessThan(meanPosition('new'));
  });
});

describe('fillPlaceholders', () => {
  it('fills known names and leaves unknown ones', () => {
    expect(
      fillPlaceholders('Printer {printer} on {floor}, {other}', { printer: 'PRN-1', floor: '2' }),
    ).toBe('Printer PRN-1 on 2, {other}');
  });
});
