import { randomUUID } from 'node:crypto';
import { SlaClockBreached } from '@itsm/contracts';
import { aTicketRequestBody, eventually, type ObservedMessage } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { platformSuite } from './support/platform-suite';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Moscow keeps UTC+3 all year (no DST since 2014), so its wall clock is a fixed shift. */
const MOSCOW_OFFSET_MS = 3 * HOUR_MS;
const FRIDAY = 5;

interface ClockBody {
  target: string;
  state: string;
  dueAt: string | null;
  dueAtLocal: string | null;
  timeZone: string;
  targetMs: number;
  elapsedMs: number;
  remainingMs: number;
  remaining: { overdue: boolean; hours: number; minutes: number; seconds: number };
  policyId: string;
  policyName: string | null;
  startedAt: string;
  breachedAt: string | null;
}

interface TicketSlaBody {
  ticketId: string;
  ticketNumber: string;
  clocks: ClockBody[];
}

interface ComplianceBody {
  rows: { key: string | null; label: string | null; met: number; breached: number }[];
  total: { met: number; breached: number };
}

/** The most recent Friday 17:30 Moscow time that has passed. */
function lastFridayEvening(now: number): Date {
  const wall = new Date(now + MOSCOW_OFFSET_MS);
  let midnight = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  for (;;) {
    const evening = midnight + 17.5 * HOUR_MS - MOSCOW_OFFSET_MS;
    if (new Date(midnight).getUTCDay() === FRIDAY && evening <= now) return new Date(evening);
    midnight -= DAY_MS;
  }
}

/** Body of a 24×7 or Monday-to-Friday 09:00–18:00 calendar in Moscow. */
function calendarBody(kind: 'always_on' | 'working_hours', name: string) {
  const nineToSix = [{ from: '09:00', to: '18:00' }];
  return {
    name,
    kind,
    timeZone: 'Europe/Moscow',
    ...(kind === 'working_hours'
      ? {
          workingHours: {
            monday: nineToSix,
            tuesday: nineToSix,
            wednesday: nineToSix,
            thursday: nineToSix,
            friday: nineToSix,
          },
        }
      : {}),
  };
}

describe('SLA clocks through the gateway', () => {
  const suite = platformSuite({ sla: true });
  const slaUrl = () => `${suite.platform.gatewayUrl}/api/v1/sla`;
  const startedAt = new Date();

  async function created<T>(response: Response): Promise<T> {
    const body = (await response.json()) as T & ProblemBody;
    expect({ status: response.status, detail: body.detail, errors: body.errors }).toEqual({
      status: 201,
      detail: undefined,
      errors: undefined,
    });
    return body;
  }

  async function calendar(kind: 'always_on' | 'working_hours'): Promise<string> {
    const body = await created<{ id: string }>(
      await suite.postJson(`${slaUrl()}/calendars`, calendarBody(kind, `${kind} ${randomUUID()}`)),
    );
    return body.id;
  }

  /** A first-in-order policy for tickets of one organisation of the test's own. */
  async function policyFor(
    organizationId: string,
    calendarId: string,
    targetMs: number,
  ): Promise<{ id: string; name: string }> {
    return created(
      await suite.postJson(`${slaUrl()}/policies`, {
        name: `e2e ${organizationId}`,
        order: 1,
        conditions: { organizationIds: [organizationId] },
        targets: [{ target: 'resolution', targetMs, calendarId }],
        pauseRules: [{ status: 'pending', reasons: ['awaiting_customer'] }],
      }),
    );
  }

  async function openTicket(body: Record<string, unknown>): Promise<TicketBody> {
    return created(await suite.postJson(suite.ticketsUrl, aTicketRequestBody(body)));
  }

  async function act(ticket: TicketBody, body: Record<string, unknown>): Promise<TicketBody> {
    const response = await suite.postJson(`${suite.ticketsUrl}/${ticket.id}/transitions`, {
      actorId: 'agent-7',
      ...body,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as TicketBody;
  }

  /** The ticket's resolution clock once it satisfies `ready`. */
  function resolutionClock(ticketId: string, ready: (clock: ClockBody) => boolean = () => true) {
    return eventually(`the resolution clock of ${ticketId}`, async () => {
      const response = await suite.fetch(`${suite.ticketsUrl}/${ticketId}/sla`);
      expect(response.status).toBe(200);
      const sla = (await response.json()) as TicketSlaBody;
      const clock = sla.clocks.find(({ target }) => target === 'resolution');
      return clock && ready(clock) ? clock : undefined;
    });
  }

  function breachEventOf(ticketId: string): Promise<ObservedMessage> {
    return eventually(`the breach event of ${ticketId}`, () =>
      suite.slaProbe?.messages.find(
        (message) => message.key === ticketId && message.headers.ce_type === SlaClockBreached.type,
      ),
    );
  }

  it('keeps calendars: created and read back with an ETag, refused field by field and when stale', async () => {
    const body = calendarBody('working_hours', `Moscow ${randomUUID()}`);
    const response = await suite.postJson(`${slaUrl()}/calendars`, body);
    const calendarCreated = await created<{ id: string; workingHours: Record<string, unknown> }>(
      response,
    );
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/api/v1/sla/calendars/${calendarCreated.id}`);
    expect(calendarCreated.workingHours).toMatchObject({
      saturday: [],
      friday: [{ from: '09:00', to: '18:00' }],
    });

    const invalid = await suite.postJson(`${slaUrl()}/calendars`, {
      ...body,
      timeZone: 'Europe/Atlantis',
      workingHours: { monday: [{ from: '18:00', to: '09:00' }] },
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as ProblemBody).errors).toEqual([
      { field: 'timeZone', message: '"Europe/Atlantis" is not an IANA time zone' },
      { field: 'workingHours.monday[0]', message: '18:00–09:00 ends before it starts' },
    ]);

    const update = (ifMatch: string) =>
      suite.fetch(`${slaUrl()}/calendars/${calendarCreated.id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-match': ifMatch },
        body: JSON.stringify({ ...body, holidays: ['2026-12-31'] }),
      });
    const updated = await update('"1"');
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    const stale = await update('"1"');
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({
      type: '/problems/version-conflict',
      currentVersion: 2,
    });
  });

  it('names holidays: a name comes back trimmed, and one for a day that is not a holiday is refused', async () => {
    const body = {
      ...calendarBody('working_hours', `Moscow ${randomUUID()}`),
      holidays: ['2027-01-01', '2027-01-07'],
      holidayNames: { '2027-01-07': '  Рождество Христово ' },
    };
    const calendarCreated = await created<{ id: string }>(
      await suite.postJson(`${slaUrl()}/calendars`, body),
    );
    const read = await suite.fetch(`${slaUrl()}/calendars/${calendarCreated.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      holidays: ['2027-01-01', '2027-01-07'],
      holidayNames: { '2027-01-07': 'Рождество Христово' },
    });

    const refused = await suite.postJson(`${slaUrl()}/calendars`, {
      ...body,
      holidayNames: { '2027-02-23': 'Defender of the Fatherland Day' },
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await refused.json()) as ProblemBody).errors).toEqual([
      { field: 'holidayNames.2027-02-23', message: '2027-02-23 is not one of the holidays' },
    ]);
  });

  it('(a) a ticket reported on Friday 17:30 with 4 business hours is due Monday 12:30 Moscow time', async () => {
    const organizationId = `org-${randomUUID()}`;
    const policy = await policyFor(organizationId, await calendar('working_hours'), 4 * HOUR_MS);
    const friday = lastFridayEvening(Date.now());
    const monday = new Date(friday.getTime() + 3 * DAY_MS - 5 * HOUR_MS);
    const ticket = await openTicket({ organizationId, reportedAt: friday.toISOString() });

    const clock = await resolutionClock(ticket.id);
    expect(clock).toMatchObject({
      policyId: policy.id,
      policyName: policy.name,
      timeZone: 'Europe/Moscow',
      targetMs: 4 * HOUR_MS,
      startedAt: friday.toISOString(),
      dueAt: monday.toISOString(),
      dueAtLocal: `${monday.toISOString().slice(0, 10)}T12:30:00+03:00`,
    });

    // Monday may already have passed (the ticket is logged after it was due): then the clock
    // was breached the moment it started, and the breach event was published for it.
    const overdue = monday.getTime() <= Date.now();
    expect(clock).toMatchObject({
      state: 'running',
      breachedAt: overdue ? monday.toISOString() : null,
      remaining: expect.objectContaining({ overdue }),
    });
    const breach = overdue ? await breachEventOf(ticket.id) : undefined;
    const { ticketId, target, policyId, dueAt, reachedAt } = (breach?.value ?? {}) as Record<
      string,
      unknown
    >;
    expect({ ticketId, target, policyId, dueAt, reachedAt }).toEqual(
      overdue
        ? {
            ticketId: ticket.id,
            target: 'SLA_TARGET_RESOLUTION',
            policyId: policy.id,
            dueAt: monday.toISOString(),
            reachedAt: monday.toISOString(),
          }
        : {},
    );
  });

  it('(b) a pause while awaiting the customer moves the due time by the pause', async () => {
    const organizationId = `org-${randomUUID()}`;
    await policyFor(organizationId, await calendar('always_on'), 8_000);
    const opened = await openTicket({ organizationId });
    const before = await resolutionClock(opened.id);
    const dueBefore = Date.parse(before.dueAt ?? '');

    const started = await act(
      await act(opened, { action: 'assign', assigneeId: 'agent-7', assignmentGroupId: 'desk' }),
      { action: 'start' },
    );
    const pauseSent = Date.now();
    const pended = await act(started, { action: 'pend', pendingReason: 'awaiting_customer' });
    const pausedAt = (pauseSent + Date.now()) / 2;
    const paused = await resolutionClock(opened.id, ({ state }) => state === 'paused');
    expect(paused.dueAt).toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 2_000 - (Date.now() - pausedAt)));
    const resumeSent = Date.now();
    const resumed = await act(pended, { action: 'resume' });
    const pauseMs = (resumeSent + Date.now()) / 2 - pausedAt;
    const after = await resolutionClock(opened.id, ({ state }) => state === 'running');
    const moved = Date.parse(after.dueAt ?? '') - dueBefore;

    expect(Math.abs(moved - pauseMs)).toBeLessThanOrEqual(200);
    // Exactly the pause the tickets service recorded, which is what the clock counts by.
    expect(moved).toBe(Date.parse(resumed.updatedAt) - Date.parse(pended.updatedAt));
  });

  let breachedPolicyId = '';

  it('(c) the breach event is on Kafka once the due instant has passed, never before', async () => {
    const organizationId = `org-${randomUUID()}`;
    const policy = await policyFor(organizationId, await calendar('always_on'), 3_000);
    breachedPolicyId = policy.id;
    const ticket = await openTicket({ organizationId });
    const clock = await resolutionClock(ticket.id);
    const dueAt = Date.parse(clock.dueAt ?? '');
    expect(dueAt).toBeGreaterThan(Date.now());

    const breach = await breachEventOf(ticket.id);
    const lagMs = breach.receivedAt.getTime() - dueAt;
    // Never before the due instant; how soon after it is measured by bench/sla.
    expect(lagMs).toBeGreaterThanOrEqual(0);
    expect(breach.value).toMatchObject({ ticketId: ticket.id, dueAt: clock.dueAt });

    const breached = await resolutionClock(ticket.id, ({ breachedAt }) => breachedAt !== null);
    expect(breached).toMatchObject({ state: 'running', breachedAt: clock.dueAt });
    expect(breached.remaining.overdue).toBe(true);
  });

  it('(d) the compliance report counts the breach against its policy', async () => {
    expect(breachedPolicyId).not.toBe('');
    const query = new URLSearchParams({
      groupBy: 'policy',
      from: new Date(startedAt.getTime() - 60_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    });
    const response = await suite.fetch(`${slaUrl()}/reports/compliance?${query.toString()}`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as ComplianceBody;
    expect(report.rows.find(({ key }) => key === breachedPolicyId)).toEqual({
      key: breachedPolicyId,
      label: expect.stringMatching(/^e2e org-/),
      met: 0,
      breached: 1,
      compliancePercent: 0,
    });
    expect(report.total.breached).toBeGreaterThanOrEqual(1);
  });
});
