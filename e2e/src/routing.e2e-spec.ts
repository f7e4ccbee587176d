import { randomUUID } from 'node:crypto';
import { aTicketRequestBody, eventually } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { platformSuite } from './support/platform-suite';

interface StepBody {
  kind: string;
  groupId?: string;
  source?: string;
  ruleName?: string;
  strategy?: string;
  chosenAgentId?: string | null;
  candidates?: {
    agentId: string;
    userId: string;
    eligible: boolean;
    exclusions: string[];
    openTickets: number;
  }[];
  summary: { en: string; ru: string };
}

interface DecisionBody {
  id: string;
  trigger: string;
  groupId: string | null;
  assigneeId: string | null;
  queued: boolean;
  addTags: string[];
  steps: StepBody[];
  durationUs: number;
}

interface EscalationBody {
  kind: string;
  trigger: string;
  fromGroupId: string | null;
  toGroupId: string | null;
  supervisorId: string | null;
  reason: string;
}

interface TicketRoutingBody {
  ticketId: string;
  currentGroupId: string | null;
  queued: boolean;
  decisions: DecisionBody[];
  escalations: EscalationBody[];
}

interface HistoryBody {
  items: {
    actorId: string;
    action?: string;
    kind?: string;
    note?: string | null;
    changes?: unknown[];
  }[];
}

const ALL_WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

describe('routing and escalation through the gateway', () => {
  const suite = platformSuite({ sla: true, routing: true });
  const routingUrl = () => `${suite.platform.gatewayUrl}/api/v1/routing`;
  const suffix = randomUUID().slice(0, 8);

  async function created<T>(response: Response): Promise<T> {
    const body = (await response.json()) as T & ProblemBody;
    expect({ status: response.status, detail: body.detail, errors: body.errors }).toEqual({
      status: 201,
      detail: undefined,
      errors: undefined,
    });
    return body;
  }

  async function agent(body: Record<string, unknown>): Promise<{ id: string; userId: string }> {
    return created(
      await suite.postJson(`${routingUrl()}/agents`, {
        capacity: 10,
        availability: 'online',
        ...body,
      }),
    );
  }

  async function routingOf(ticketId: string, ready: (routing: TicketRoutingBody) => boolean) {
    return eventually(`the routing of ${ticketId}`, async () => {
      const response = await suite.fetch(`${suite.ticketsUrl}/${ticketId}/routing`);
      if (response.status === 404) return undefined;
      expect(response.status).toBe(200);
      const routing = (await response.json()) as TicketRoutingBody;
      return ready(routing) ? routing : undefined;
    });
  }

  async function ticketWhen(ticketId: string, ready: (ticket: TicketBody) => boolean) {
    return eventually(`ticket ${ticketId}`, async () => {
      const ticket = (await (
        await suite.fetch(`${suite.ticketsUrl}/${ticketId}`)
      ).json()) as TicketBody;
      return ready(ticket) ? ticket : undefined;
    });
  }

  it('routes a Network incident to the 1st line, to the least loaded agent on shift with the skill, and escalates it on the SLA warning', async () => {
    const gateway = suite.platform.gatewayUrl;
    const category = await created<{ id: string }>(
      await suite.postJson(`${gateway}/api/v1/catalog/categories`, { name: `Network ${suffix}` }),
    );
    const firstLine = await created<{ id: string }>(
      await suite.postJson(`${routingUrl()}/lines`, { name: `1st line ${suffix}`, level: 1 }),
    );
    const secondLine = await created<{ id: string }>(
      await suite.postJson(`${routingUrl()}/lines`, { name: `2nd line ${suffix}`, level: 2 }),
    );
    const networkExperts = await created<{ id: string }>(
      await suite.postJson(`${routingUrl()}/groups`, {
        name: `Network experts ${suffix}`,
        lineId: secondLine.id,
        strategy: 'least_loaded',
        supervisorId: `head-of-network-${suffix}`,
      }),
    );
    const networkDesk = await created<{ id: string }>(
      await suite.postJson(`${routingUrl()}/groups`, {
        name: `Network desk ${suffix}`,
        lineId: firstLine.id,
        strategy: 'least_loaded',
        supervisorId: `desk-supervisor-${suffix}`,
        escalationGroupId: networkExperts.id,
        escalateOnSlaWarning: true,
      }),
    );
    const network = [{ name: 'network', level: 3 }];
    const busy = await agent({
      userId: `busy-${suffix}`,
      displayName: 'Busy Agent',
      groupIds: [networkDesk.id],
      skills: network,
    });
    const free = await agent({
      userId: `free-${suffix}`,
      displayName: 'Free Agent',
      groupIds: [networkDesk.id],
      skills: network,
    });
    const unskilled = await agent({
      userId: `unskilled-${suffix}`,
      displayName: 'Unskilled Agent',
      groupIds: [networkDesk.id],
      skills: [{ name: 'printers', level: 4 }],
    });
    // On shift only in a one-minute window a day that is never now (12 hours away).
    const offHour = String((new Date().getUTCHours() + 12) % 24).padStart(2, '0');
    const offShift = await agent({
      userId: `night-${suffix}`,
      displayName: 'Night Agent',
      groupIds: [networkDesk.id],
      skills: [{ name: 'network', level: 5 }],
      shift: {
        timeZone: 'UTC',
        windows: ALL_WEEK.map((weekday) => ({
          weekday,
          start: `${offHour}:00`,
          end: `${offHour}:01`,
        })),
      },
    });
    const expert = await agent({
      userId: `expert-${suffix}`,
      displayName: 'Network Expert',
      groupIds: [networkExperts.id],
      skills: [{ name: 'network', level: 5 }],
    });
    const skills = await suite.fetch(`${routingUrl()}/category-skills/${category.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ skills: [{ name: 'network', level: 2 }] }),
    });
    expect(skills.status).toBe(200);
    const rule = await created<{ id: string; version: number }>(
      await suite.postJson(`${routingUrl()}/rules`, {
        name: `Network to the network desk ${suffix}`,
        conditions: [{ field: 'category', operator: 'in', values: [category.id] }],
        actions: { setGroupId: networkDesk.id, addTags: ['network'] },
        actorId: 'admin-1',
      }),
    );
    expect(rule.version).toBe(1);

    // The busy agent holds an open ticket: routing counts it from the ticket events.
    const holding = await created<TicketBody>(
      await suite.postJson(suite.ticketsUrl, aTicketRequestBody({ title: `Other work ${suffix}` })),
    );
    const assigned = await suite.postJson(`${suite.ticketsUrl}/${holding.id}/transitions`, {
      actorId: 'dispatcher',
      action: 'assign',
      assigneeId: busy.userId,
      assignmentGroupId: networkDesk.id,
    });
    expect(assigned.status).toBe(200);
    await eventually('the busy agent to carry one open ticket', async () => {
      const body = (await (await suite.fetch(`${routingUrl()}/agents/${busy.id}`)).json()) as {
        openTickets: number;
      };
      return body.openTickets === 1 ? body : undefined;
    });

    // An SLA whose warning comes 3 seconds after the incident is opened.
    const calendar = await created<{ id: string }>(
      await suite.postJson(`${gateway}/api/v1/sla/calendars`, {
        name: `24x7 ${suffix}`,
        kind: 'always_on',
        timeZone: 'Europe/Moscow',
      }),
    );
    const organizationId = `org-${suffix}`;
    await created(
      await suite.postJson(`${gateway}/api/v1/sla/policies`, {
        name: `Network ${suffix}`,
        order: 1,
        conditions: { organizationIds: [organizationId] },
        targets: [{ target: 'resolution', targetMs: 6_000, calendarId: calendar.id }],
        warningThresholds: [0.5],
      }),
    );

    const incident = await created<TicketBody>(
      await suite.postJson(
        suite.ticketsUrl,
        aTicketRequestBody({
          title: `VPN drops every few minutes ${suffix}`,
          categoryId: category.id,
          organizationId,
        }),
      ),
    );

    // Routed: the 1st line network desk, the free agent with the skill.
    const routed = await routingOf(incident.id, ({ decisions }) => decisions.length >= 1);
    const first = routed.decisions[0]!;
    expect(first).toMatchObject({
      trigger: 'created',
      groupId: networkDesk.id,
      assigneeId: free.userId,
      queued: false,
      addTags: ['network'],
    });
    expect(first.durationUs).toBeGreaterThan(0);
    expect(first.steps.map(({ kind }) => kind)).toEqual([
      'rule_matched',
      'group_selected',
      'agent_selected',
    ]);
    const [matched, group, selected] = first.steps;
    expect(matched?.ruleName).toBe(`Network to the network desk ${suffix}`);
    expect(group).toMatchObject({ groupId: networkDesk.id, source: 'rule' });
    expect(selected).toMatchObject({ strategy: 'least_loaded', chosenAgentId: free.id });
    const candidates = new Map(
      selected?.candidates?.map((candidate) => [candidate.agentId, candidate]),
    );
    expect(candidates.get(free.id)).toMatchObject({ eligible: true, openTickets: 0 });
    expect(candidates.get(busy.id)).toMatchObject({ eligible: true, openTickets: 1 });
    expect(candidates.get(unskilled.id)).toMatchObject({
      eligible: false,
      exclusions: ['missing_skills'],
    });
    expect(candidates.get(offShift.id)).toMatchObject({
      eligible: false,
      exclusions: ['off_shift'],
    });
    expect(candidates.has(expert.id)).toBe(false);
    for (const step of first.steps) {
      expect(step.summary.en.length).toBeGreaterThan(0);
      expect(step.summary.ru.length).toBeGreaterThan(0);
    }

    // The tickets service applied the decision: group, assignee, tag.
    const onDesk = await ticketWhen(incident.id, (ticket) => ticket.assigneeId === free.userId);
    expect(onDesk).toMatchObject({ assignmentGroupId: networkDesk.id, status: 'assigned' });
    expect((onDesk as TicketBody & { tags: string[] }).tags).toContain('network');

    // The SLA warning moves it to the 2nd line; the breach tells the experts' supervisor.
    const escalated = await routingOf(
      incident.id,
      ({ decisions, escalations }) =>
        decisions.some(({ trigger }) => trigger === 'escalation') &&
        escalations.some(({ kind }) => kind === 'hierarchical'),
    );
    expect(escalated.currentGroupId).toBe(networkExperts.id);
    const functional = escalated.escalations.find(({ kind }) => kind === 'functional');
    expect(functional).toMatchObject({
      trigger: 'sla_warning',
      fromGroupId: networkDesk.id,
      toGroupId: networkExperts.id,
    });
    expect(functional?.reason).toMatch(/SLA warning: 50 % of the resolution target/);
    expect(escalated.escalations.find(({ kind }) => kind === 'hierarchical')).toMatchObject({
      trigger: 'sla_breach',
      fromGroupId: networkExperts.id,
      supervisorId: `head-of-network-${suffix}`,
    });
    const escalation = escalated.decisions.find(({ trigger }) => trigger === 'escalation');
    expect(escalation).toMatchObject({ groupId: networkExperts.id, assigneeId: expert.userId });
    expect(escalation?.steps.find(({ kind }) => kind === 'group_selected')).toMatchObject({
      source: 'escalation',
    });

    const withExperts = await ticketWhen(
      incident.id,
      (ticket) => ticket.assigneeId === expert.userId,
    );
    expect(withExperts.assignmentGroupId).toBe(networkExperts.id);

    // The ticket's history names routing and both escalations with their reasons.
    const history = await eventually('the escalations in the ticket history', async () => {
      const body = (await (
        await suite.fetch(`${suite.ticketsUrl}/${incident.id}/history`)
      ).json()) as HistoryBody;
      const text = JSON.stringify(body.items);
      return text.includes('SLA warning') && text.includes('SLA breached') ? body : undefined;
    });
    expect(history.items.some(({ actorId }) => actorId === 'system:routing')).toBe(true);
  });

  it('keeps a ticket in the group queue while nobody can take it, and hands it to the agent who comes online', async () => {
    const line = await created<{ id: string }>(
      await suite.postJson(`${routingUrl()}/lines`, { name: `Printers line ${suffix}`, level: 1 }),
    );
    const printers = await created<{ id: string }>(
      await suite.postJson(`${routingUrl()}/groups`, {
        name: `Printers ${suffix}`,
        lineId: line.id,
        strategy: 'round_robin',
      }),
    );
    const away = await agent({
      userId: `printer-tech-${suffix}`,
      displayName: 'Printer Tech',
      groupIds: [printers.id],
      availability: 'away',
    });
    await created(
      await suite.postJson(`${routingUrl()}/rules`, {
        name: `Printers by keyword ${suffix}`,
        conditions: [
          { field: 'keywords', operator: 'contains_any', values: [`принтер-${suffix}`] },
        ],
        actions: { setGroupId: printers.id },
        actorId: 'admin-1',
      }),
    );
    const ticket = await created<TicketBody>(
      await suite.postJson(
        suite.ticketsUrl,
        aTicketRequestBody({
          title: `Не печатает принтер-${suffix.toLowerCase()} на третьем этаже`,
        }),
      ),
    );
    const queued = await routingOf(ticket.id, ({ queued: waiting }) => waiting);
    expect(queued.decisions[0]).toMatchObject({
      groupId: printers.id,
      assigneeId: null,
      queued: true,
    });
    expect(queued.decisions[0]?.steps.map(({ kind }) => kind)).toEqual([
      'rule_matched',
      'group_selected',
      'agent_selected',
      'queued',
    ]);
    const waiting = await ticketWhen(ticket.id, (body) => body.assignmentGroupId === printers.id);
    expect(waiting.assigneeId).toBeNull();

    const online = await suite.fetch(`${routingUrl()}/agents/${away.id}/availability`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ availability: 'online' }),
    });
    expect(online.status).toBe(200);
    expect(((await online.json()) as { assignedFromQueue: number }).assignedFromQueue).toBe(1);
    const fromQueue = await routingOf(ticket.id, ({ decisions }) => decisions.length === 2);
    expect(fromQueue.queued).toBe(false);
    expect(fromQueue.decisions[1]).toMatchObject({
      trigger: 'queue',
      groupId: printers.id,
      assigneeId: away.userId,
    });
    await ticketWhen(ticket.id, (body) => body.assigneeId === away.userId);
  });

  it('follows tickets of groups it does not manage, and says when it found no group', async () => {
    const ticket = await created<TicketBody>(
      await suite.postJson(
        suite.ticketsUrl,
        aTicketRequestBody({ title: `Legacy queue ${suffix}` }),
      ),
    );
    const assigned = await suite.postJson(`${suite.ticketsUrl}/${ticket.id}/transitions`, {
      actorId: 'dispatcher',
      action: 'assign',
      assigneeId: 'legacy-agent',
      assignmentGroupId: 'legacy-desk',
    });
    expect(assigned.status).toBe(200);
    const routing = await routingOf(
      ticket.id,
      ({ currentGroupId }) => currentGroupId === 'legacy-desk',
    );
    expect(routing.decisions.map(({ steps }) => steps.map(({ kind }) => kind))).toEqual([
      ['no_group'],
    ]);
    expect(routing.decisions[0]?.groupId).toBeNull();
  });

  it('refuses a rule that names a group that does not exist, naming the field', async () => {
    const response = await suite.postJson(`${routingUrl()}/rules`, {
      name: 'Broken rule',
      conditions: [{ field: 'priority', operator: 'in', values: ['critical'] }],
      actions: { setGroupId: randomUUID() },
      actorId: 'admin-1',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = (await response.json()) as ProblemBody;
    expect(problem.errors?.map(({ field }) => field)).toContain('actions.setGroupId');
  });

  it('answers 404 problem+json for the routing of a ticket it never saw', async () => {
    const response = await suite.fetch(`${suite.ticketsUrl}/${randomUUID()}/routing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
