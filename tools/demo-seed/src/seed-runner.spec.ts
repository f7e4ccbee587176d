import type {
  CommentBody,
  CreateTicketBody,
  TicketState,
  TransitionBody,
  VoteBody,
} from './gateway-api';
import { ApiProblemError, type DemoApi } from './gateway-client';
import type { SeedPlan, TicketPlan } from './seed-plan';
import { forEachLimited, formatSummary, runSeedPlan } from './seed-runner';

/** An in-memory API: remembers keys, bumps versions, checks If-Match like the gateway. */
class FakeApi implements DemoApi {
  readonly calls: string[] = [];
  private readonly byKey = new Map<string, TicketState>();
  private readonly tickets = new Map<string, TicketState>();
  failOn: string | undefined;

  async createTicket(
    key: string,
    body: CreateTicketBody,
  ): Promise<{ ticket: TicketState; replayed: boolean }> {
    this.calls.push(`create ${key}`);
    const earlier = this.byKey.get(key);
    if (earlier) return { ticket: { ...earlier }, replayed: true };
    const ticket: TicketState = {
      id: `id-${this.byKey.size + 1}`,
      number: `${body.type === 'incident' ? 'INC' : 'REQ'}-${this.byKey.size + 1}`,
      status: 'new',
      version: 1,
    };
    this.byKey.set(key, ticket);
    this.tickets.set(ticket.id, ticket);
    return { ticket: { ...ticket }, replayed: false };
  }

  async transition(id: string, version: number, body: TransitionBody): Promise<TicketState> {
    this.calls.push(`${body.action} ${id} if-match ${version}`);
    const ticket = this.ticket(id);
    if (this.failOn === body.action) {
      throw new ApiProblemError(409, '/problems/invalid-transition', `cannot ${body.action}`);
    }
    if (version !== ticket.version) throw new ApiProblemError(412, undefined, 'stale version');
    ticket.version += 1;
    ticket.status = body.action === 'assign' ? 'assigned' : 'in_progress';
    return { ...ticket };
  }

  async comment(
    id: string,
    key: string,
    body: CommentBody,
  ): Promise<{ version: number | undefined; replayed: boolean }> {
    this.calls.push(`comment ${id} ${key}`);
    const ticket = this.ticket(id);
    // An agent's first public reply is the first response: the version goes up.
    if (body.visibility === 'public' && body.authorId.startsWith('agent-')) ticket.version += 1;
    return { version: ticket.version, replayed: false };
  }

  async vote(id: string, body: VoteBody): Promise<TicketState> {
    this.calls.push(`vote ${id} ${body.decision}`);
    return { ...this.ticket(id) };
  }

  private ticket(id: string): TicketState {
    const ticket = this.tickets.get(id);
    if (!ticket) throw new Error(`no ticket ${id}`);
    return ticket;
  }
}

function ticketPlan(n: number, finalStatus: TicketPlan['finalStatus'] = 'in_progress'): TicketPlan {
  return {
    idempotencyKey: `demo-${n}`,
    language: 'en',
    create: {
      type: 'incident',
      title: `Ticket ${n}`,
      description: '',
      impact: 'low',
      urgency: 'low',
      channel: 'portal',
      requesterId: 'emp-1001',
    },
    steps: [
      {
        kind: 'transition',
        body: { action: 'assign', actorId: 'agent-01', assigneeId: 'agent-01' },
      },
      {
        kind: 'comment',
        idempotencyKey: `demo-${n}-c1`,
        body: { authorId: 'agent-01', visibility: 'public', body: 'On it.' },
      },
      { kind: 'transition', body: { action: 'start', actorId: 'agent-01' } },
    ],
    finalStatus,
  };
}

describe('runSeedPlan', () => {
  it('opens each ticket and takes its steps in order, sending the version it last saw', async () => {
    const api = new FakeApi();
    const summary = await runSeedPlan({ tickets: [ticketPlan(1)] }, api, { concurrency: 1 });
    expect(api.calls).toEqual([
      'create demo-1',
      'assign id-1 if-match 1',
      'comment id-1 demo-1-c1',
      'start id-1 if-match 3',
    ]);
    expect(summary).toMatchObject({
      tickets: 1,
      created: 1,
      alreadySeeded: 0,
      transitions: 2,
      comments: 1,
    });
    expect(summary.createdByType.incident).toBe(1);
  });

  it('leaves tickets seeded by an earlier run alone, so a second run changes nothing', async () => {
    const api = new FakeApi();
    const plan: SeedPlan = { tickets: [ticketPlan(1), ticketPlan(2)] };
    await runSeedPlan(plan, api, { concurrency: 2 });
    api.calls.length = 0;
    const again = await runSeedPlan(plan, api, { concurrency: 2 });
    expect(api.calls.sort()).toEqual(['create demo-1', 'create demo-2']);
    expect(again).toMatchObject({ created: 0, alreadySeeded: 2, transitions: 0, comments: 0 });
    expect(formatSummary(again, 1234)).toBe(
      'demo: 2 tickets (0 created, 2 already there); 0 comments, 0 transitions, 0 approval votes in 1.2 s',
    );
  });

  it('fails loudly with the ticket, the step and what the API said', async () => {
    const api = new FakeApi();
    api.failOn = 'start';
    await expect(
      runSeedPlan({ tickets: [ticketPlan(1)] }, api, { concurrency: 1 }),
    ).rejects.toThrow(
      'demo-1 (INC-1, assigned) step 3 of 3, transition start by agent-01: cannot start',
    );
  });

  it('fails when a ticket does not end where the plan says', async () => {
    await expect(
      runSeedPlan({ tickets: [ticketPlan(1, 'closed')] }, new FakeApi(), { concurrency: 1 }),
    ).rejects.toThrow('demo-1 (INC-1) ended in_progress; the plan says closed');
  });

  it('explains a reused key: the catalogue changed since the database was seeded', async () => {
    const api = new FakeApi();
    api.createTicket = () =>
      Promise.reject(new ApiProblemError(422, '/problems/idempotency-key-reused', 'key reused'));
    await expect(
      runSeedPlan({ tickets: [ticketPlan(1)] }, api, { concurrency: 1 }),
    ).rejects.toThrow(/demo-1: opening failed: key reused \(the demo catalogue changed/);
  });
});

describe('forEachLimited', () => {
  it('never runs more than the limit at once and does every item', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      done.push(item);
      running -= 1;
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts nothing new after a failure and throws the first one', async () => {
    const started: number[] = [];
    await expect(
      forEachLimited([1, 2, 3, 4, 5], 2, async (item) => {
        started.push(item);
        if (item === 2) throw new Error('boom');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }),
    ).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });
});
