import { randomUUID } from 'node:crypto';
import { aTicketRequestBody, eventually } from '@itsm/testing';
import { createUser, type TestUser } from './support/api-session';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { EventStreamSubscription } from './support/event-stream';
import { platformSuite } from './support/platform-suite';

interface ListedClockBody {
  ticketId: string;
  ticketNumber: string;
  target: string;
  state: string;
  dueAt: string;
  breachedAt: string | null;
  warningIssuedAt: string | null;
  policyId: string;
  policyName: string | null;
  groupId: string | null;
}

/** The `data` of an `sla` server-sent event. */
interface SlaClockChangeData {
  id: string;
  type: string;
  ticketId: string;
  number: string;
  target: string;
  dueAt: string | null;
  occurredAt: string;
}

interface ClockListBody {
  condition: string;
  since: string;
  until: string | null;
  counts: { atRisk: number; breached: number };
  items: ListedClockBody[];
  nextPageToken: string | null;
}

/**
 * The supervisor's lists of clocks at risk and breached today: short targets with an early
 * warning make a clock warn within seconds, and a few seconds more make another one breach.
 */
describe('SLA clocks at risk and breached today through the gateway', () => {
  const suite = platformSuite({ sla: true });
  const run = randomUUID().slice(0, 8);
  const group = `desk-${run}`;
  const clocksUrl = () => `${suite.platform.gatewayUrl}/api/v1/sla/clocks`;

  async function created<T>(response: Response): Promise<T> {
    const body = (await response.json()) as T & ProblemBody;
    expect({ status: response.status, detail: body.detail }).toEqual({
      status: 201,
      detail: undefined,
    });
    return body;
  }

  /** A first-in-order 24×7 policy for the tickets of one organisation of the test's own. */
  async function policyFor(
    organizationId: string,
    targetMs: number,
    warningThresholds: number[],
  ): Promise<{ id: string; name: string }> {
    const calendar = await created<{ id: string }>(
      await suite.postJson(`${suite.platform.gatewayUrl}/api/v1/sla/calendars`, {
        name: `24×7 ${organizationId}`,
        kind: 'always_on',
        timeZone: 'Europe/Moscow',
      }),
    );
    return created(
      await suite.postJson(`${suite.platform.gatewayUrl}/api/v1/sla/policies`, {
        name: `Risk ${organizationId}`,
        order: 1,
        conditions: { organizationIds: [organizationId] },
        targets: [{ target: 'resolution', targetMs, calendarId: calendar.id }],
        warningThresholds,
      }),
    );
  }

  /** A ticket of a fresh organisation under its own policy, assigned to the test's group. */
  async function ticketUnder(targetMs: number, warningThresholds: number[]) {
    const organizationId = `org-${randomUUID()}`;
    const policy = await policyFor(organizationId, targetMs, warningThresholds);
    const ticket = await created<TicketBody>(
      await suite.postJson(suite.ticketsUrl, aTicketRequestBody({ organizationId })),
    );
    const assigned = await suite.postJson(`${suite.ticketsUrl}/${ticket.id}/transitions`, {
      action: 'assign',
      actorId: 'agent-7',
      assigneeId: 'agent-7',
      assignmentGroupId: group,
    });
    expect(assigned.status).toBe(200);
    return { ticket, policy };
  }

  async function list(query: Record<string, string>): Promise<ClockListBody> {
    const response = await suite.fetch(`${clocksUrl()}?${new URLSearchParams(query).toString()}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ClockListBody;
  }

  const listed = (body: ClockListBody, ticketId: string) =>
    body.items.find((clock) => clock.ticketId === ticketId);

  let atRisk: { ticket: TicketBody; policy: { id: string; name: string } };
  let breached: { ticket: TicketBody; policy: { id: string; name: string } };
  let atRiskLater: { ticket: TicketBody; policy: { id: string; name: string } };
  const streams: EventStreamSubscription[] = [];
  let supervisorStream: EventStreamSubscription;
  let agentStream: EventStreamSubscription;

  async function liveStreamOf(user: TestUser, name: string): Promise<EventStreamSubscription> {
    const stream = await EventStreamSubscription.live(name, suite.platform.gatewayUrl, user.auth);
    streams.push(stream);
    return stream;
  }

  beforeAll(async () => {
    // Listening before any clock starts, so the live stream's warnings and breaches are seen.
    const person = (name: string, roles: string[]) =>
      createUser(suite.platform.gatewayUrl, suite.admin, {
        email: `${name}-${run}@sla-clocks.test`,
        displayName: name,
        roles,
      });
    supervisorStream = await liveStreamOf(await person('supervisor', ['supervisor']), 'supervisor');
    agentStream = await liveStreamOf(await person('agent', ['agent']), 'agent');
    // Warn after 3.6 s and breach after two and three minutes; the other warns at 2 s and
    // breaches at 4 s.
    [atRisk, breached, atRiskLater] = await Promise.all([
      ticketUnder(120_000, [0.03]),
      ticketUnder(4_000, [0.5]),
      ticketUnder(180_000, [0.02]),
    ]);
  });

  it('lists a clock that has warned under at_risk, with its due time and policy', async () => {
    const body = await eventually('the warned clock at risk', async () => {
      const page = await list({ condition: 'at_risk', groupId: group, timeZone: 'Europe/Moscow' });
      return listed(page, atRisk.ticket.id) ? page : undefined;
    });
    const clock = listed(body, atRisk.ticket.id);
    expect(clock).toMatchObject({
      ticketNumber: atRisk.ticket.number,
      target: 'resolution',
      state: 'running',
      breachedAt: null,
      policyId: atRisk.policy.id,
      policyName: atRisk.policy.name,
      groupId: group,
    });
    expect(Date.parse(clock?.dueAt ?? '')).toBeGreaterThan(Date.now());
    expect(Date.parse(clock?.warningIssuedAt ?? '')).toBeLessThanOrEqual(Date.now());
    expect(body.counts.atRisk).toBe(body.items.length);
    expect(body.condition).toBe('at_risk');
  });

  it('lists a breached clock under breached today, and no longer under at_risk', async () => {
    const body = await eventually('the breached clock among today’s breaches', async () => {
      const page = await list({ condition: 'breached', groupId: group, timeZone: 'Europe/Moscow' });
      return listed(page, breached.ticket.id) ? page : undefined;
    });
    const clock = listed(body, breached.ticket.id);
    expect(clock).toMatchObject({
      ticketNumber: breached.ticket.number,
      state: 'running',
      policyName: breached.policy.name,
    });
    expect(clock?.breachedAt).toBe(clock?.dueAt);
    expect(listed(body, atRisk.ticket.id)).toBeUndefined();
    expect(body.counts.breached).toBe(body.items.length);
    // Today in Moscow: since its last midnight there (UTC+3 all year), with no end.
    expect(body.since).toMatch(/T21:00:00\.000Z$/);
    expect(body.until).toBeNull();

    const stillAtRisk = await list({ condition: 'at_risk', groupId: group });
    expect(listed(stillAtRisk, breached.ticket.id)).toBeUndefined();
    expect(listed(stillAtRisk, atRisk.ticket.id)).toBeDefined();
    expect(stillAtRisk.counts.breached).toBe(1);

    const beforeTheBreach = await list({
      condition: 'breached',
      groupId: group,
      since: new Date(Date.parse(breached.ticket.createdAt) - 3_600_000).toISOString(),
      until: breached.ticket.createdAt,
    });
    expect(beforeTheBreach.items).toEqual([]);
  });

  afterAll(async () => {
    await Promise.all(streams.map((stream) => stream.close()));
  });

  it('tells a supervisor’s live stream of the warning and the breach as they happen', async () => {
    const forTicket = (ticketId: string) => (change: SlaClockChangeData) =>
      change.ticketId === ticketId;
    const warning = await supervisorStream.next<SlaClockChangeData>(
      'the warning',
      'sla',
      forTicket(atRisk.ticket.id),
    );
    expect(warning).toMatchObject({
      type: 'clock.warning',
      number: atRisk.ticket.number,
      target: 'resolution',
    });
    expect(Date.parse(warning.dueAt ?? '')).toBeGreaterThan(Date.parse(warning.occurredAt));
    const breach = await supervisorStream.next<SlaClockChangeData>(
      'the breach',
      'sla',
      (change) => change.ticketId === breached.ticket.id && change.type === 'clock.breached',
    );
    expect(breach).toMatchObject({ number: breached.ticket.number, target: 'resolution' });
    // An agent, who does not oversee every clock, is not told: the same feed reached both.
    expect(agentStream.dataOf('sla')).toEqual([]);
  });

  it('pages through a list by its token, earliest due first', async () => {
    const other = await list({ condition: 'at_risk', groupId: `${group}-other` });
    expect(other).toMatchObject({ items: [], nextPageToken: null, counts: { atRisk: 0 } });
    const first = await eventually('both warned clocks at risk', async () => {
      const page = await list({ condition: 'at_risk', groupId: group, pageSize: '1' });
      return page.counts.atRisk === 2 ? page : undefined;
    });
    expect(first.items.map(({ ticketId }) => ticketId)).toEqual([atRisk.ticket.id]);
    const second = await list({
      condition: 'at_risk',
      groupId: group,
      pageSize: '1',
      pageToken: first.nextPageToken ?? 'missing',
    });
    expect(second.items.map(({ ticketId }) => ticketId)).toEqual([atRiskLater.ticket.id]);
    expect(second.nextPageToken).toBeNull();
  });

  it('is for those who may read the SLA compliance report: a requester is refused', async () => {
    const requester = await createUser(suite.platform.gatewayUrl, suite.admin, {
      email: `requester-${run}@sla-clocks.test`,
      displayName: 'Olga Smirnova',
      roles: ['requester'],
    });
    const response = await requester.fetch(`${clocksUrl()}?condition=at_risk`);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it.each([
    ['an unknown condition', { condition: 'late' }, 'condition'],
    ['no condition', {}, 'condition'],
    ['a page of 101', { condition: 'at_risk', pageSize: '101' }, 'pageSize'],
    ['an unknown time zone', { condition: 'breached', timeZone: 'Europe/Atlantis' }, 'timeZone'],
    [
      'a period that ends before it starts',
      { condition: 'breached', since: '2026-11-02T00:00:00Z', until: '2026-11-01T00:00:00Z' },
      'until',
    ],
    ['a foreign page token', { condition: 'at_risk', pageToken: 'abc' }, 'pageToken'],
  ])('refuses %s with a problem naming the field', async (_label, query, field) => {
    const response = await suite.fetch(
      `${clocksUrl()}?${new URLSearchParams(query as Record<string, string>).toString()}`,
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as ProblemBody;
    expect(problem.errors?.map((error) => error.field)).toContain(field);
  });
});
