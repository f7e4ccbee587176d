import { randomUUID } from 'node:crypto';
import { aTicketRequestBody } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { createUser, type TestUser } from './support/api-session';
import {
  fetchOpenApiDocument,
  type OpenApiDocument,
  ResponseConformance,
} from './support/openapi-document';
import { platformSuite } from './support/platform-suite';

interface Duration {
  count: number;
  meanMinutes: number | null;
  medianMinutes: number | null;
}

interface Figures {
  created: number;
  resolved: number;
  firstResponse: Duration;
  resolution: Duration;
  satisfaction: {
    ratings: number;
    average: number | null;
    satisfied: number;
    satisfiedPercent: number | null;
  };
}

interface ServiceDeskReport {
  from: string;
  to: string;
  timeZone: string;
  groupId: string | null;
  type: string | null;
  days: (Figures & { date: string })[];
  total: Figures;
}

const REPORT_PATH = '/api/v1/reports/service-desk';
const TIME_ZONE = 'Asia/Vladivostok';

/** Today's date (YYYY-MM-DD) in a time zone. */
const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(new Date());

describe('the service desk report through the gateway', () => {
  const suite = platformSuite();
  const suffix = randomUUID().slice(0, 8);
  const groupId = `first-line-${suffix}`;
  let supervisor: TestUser;
  let requester: TestUser;
  let document: OpenApiDocument;

  const reportUrl = (query = '') => `${suite.platform.gatewayUrl}${REPORT_PATH}${query}`;

  async function ticketOf(body: Record<string, unknown>): Promise<TicketBody> {
    const response = await suite.postJson(suite.ticketsUrl, body);
    expect(response.status).toBe(201);
    return (await response.json()) as TicketBody;
  }

  async function transition(ticket: TicketBody, step: Record<string, unknown>): Promise<void> {
    const response = await suite.postJson(`${suite.ticketsUrl}/${ticket.id}/transitions`, {
      actorId: 'agent-1',
      ...step,
    });
    expect(response.status).toBe(200);
  }

  /** Answered by an agent, resolved and rated by its requester. */
  async function workedTicket(rating: number, assignmentGroupId?: string): Promise<TicketBody> {
    const body = aTicketRequestBody({ title: `Printer jams ${suffix}` });
    const ticket = await ticketOf(body);
    await transition(ticket, { action: 'assign', assigneeId: 'agent-1', assignmentGroupId });
    const reply = await suite.postJson(`${suite.ticketsUrl}/${ticket.id}/comments`, {
      authorId: 'agent-1',
      body: 'Could you send a photo of the error?',
    });
    expect(reply.status).toBe(201);
    await transition(ticket, { action: 'resolve', resolutionCode: 'fixed' });
    const rated = await suite.postJson(`${suite.ticketsUrl}/${ticket.id}/satisfaction`, {
      requesterId: body['requesterId'],
      rating,
      comment: '',
    });
    expect(rated.status).toBe(200);
    return ticket;
  }

  beforeAll(async () => {
    const gateway = suite.platform.gatewayUrl;
    supervisor = await createUser(gateway, suite.admin, {
      email: `supervisor-${suffix}@report.test`,
      displayName: 'Report supervisor',
      roles: ['supervisor'],
      timeZone: TIME_ZONE,
    });
    requester = await createUser(gateway, suite.admin, {
      email: `requester-${suffix}@report.test`,
      displayName: 'Report requester',
      roles: ['requester'],
    });
    document = await fetchOpenApiDocument(gateway, suite.fetch);

    await workedTicket(5, groupId);
    await workedTicket(2);
    await ticketOf(aTicketRequestBody({ title: `Still open ${suffix}` }));
  });

  it('counts today’s tickets, MTTA, MTTR and CSAT in the supervisor’s time zone', async () => {
    const response = await supervisor.fetch(reportUrl());
    expect(response.status).toBe(200);
    const conformance = new ResponseConformance(document, { closed: true });
    expect(await conformance.errorsOf(response.clone(), 'get', REPORT_PATH)).toEqual([]);
    const report = (await response.json()) as ServiceDeskReport;

    expect(report.timeZone).toBe(TIME_ZONE);
    expect(new Date(report.to).getTime() - new Date(report.from).getTime()).toBe(30 * 86_400_000);
    // The 30 days up to now touch 31 local dates (30 when now is exactly midnight).
    expect(report.days.length).toBeGreaterThanOrEqual(30);
    const today = report.days.find((day) => day.date === todayIn(TIME_ZONE));
    expect(report.days[report.days.length - 1]).toBe(today);
    for (const figures of [today, report.total]) {
      expect(figures).toMatchObject({
        created: 3,
        resolved: 2,
        firstResponse: { count: 2 },
        resolution: { count: 2 },
        satisfaction: { ratings: 2, average: 3.5, satisfied: 1, satisfiedPercent: 50 },
      });
      expect(figures?.firstResponse.meanMinutes).toBeGreaterThan(0);
      expect(figures?.firstResponse.medianMinutes).toBeGreaterThan(0);
      expect(figures?.resolution.meanMinutes).toBeGreaterThan(0);
      expect(figures?.resolution.meanMinutes).toBeGreaterThanOrEqual(
        figures?.firstResponse.meanMinutes ?? Infinity,
      );
    }
    const quietDays = report.days.filter((day) => day !== today);
    expect(quietDays.every((day) => day.created === 0 && day.satisfaction.average === null)).toBe(
      true,
    );
  });

  it('narrows to an assignment group and a ticket type', async () => {
    const ofGroup = (await (
      await supervisor.fetch(reportUrl(`?groupId=${groupId}`))
    ).json()) as ServiceDeskReport;
    expect(ofGroup.groupId).toBe(groupId);
    expect(ofGroup.total).toMatchObject({
      created: 1,
      resolved: 1,
      satisfaction: { ratings: 1, average: 5, satisfiedPercent: 100 },
    });

    const changes = (await (
      await supervisor.fetch(reportUrl('?type=change&timeZone=UTC'))
    ).json()) as ServiceDeskReport;
    expect(changes).toMatchObject({ timeZone: 'UTC', type: 'change' });
    expect(changes.total).toMatchObject({ created: 0, resolved: 0, satisfaction: { ratings: 0 } });
    expect(changes.total.resolution.meanMinutes).toBeNull();
  });

  it('refuses a requester with 403 problem+json naming the permission', async () => {
    const response = await requester.fetch(reportUrl());
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as ProblemBody;
    expect(problem.status).toBe(403);
    expect(problem.detail).toContain('tickets.report');
  });

  it.each<[string, string, string]>([
    [
      'a period that ends before it starts',
      '?from=2026-11-10T00:00:00Z&to=2026-11-01T00:00:00Z',
      'to',
    ],
    ['a period longer than 92 days', '?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z', 'to'],
    ['an unknown time zone', '?timeZone=Europe/Atlantis', 'timeZone'],
    ['a start that is not an instant', '?from=yesterday', 'from'],
    ['an unknown ticket type', '?type=outage', 'type'],
  ])('answers %s with 400 problem+json naming the field', async (_case, query, field) => {
    const response = await supervisor.fetch(reportUrl(query));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as ProblemBody;
    expect(problem.errors?.map((error) => error.field)).toEqual([field]);
  });
});
