import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PROBLEM_ENTRIES } from './catalogue/problems.catalogue';
import { INCIDENT_TEMPLATES } from './catalogue/incidents.catalogue';
import { AGENTS_OF } from './catalogue/people.catalogue';
import { REQUEST_TEMPLATES } from './catalogue/requests.catalogue';
import {
  CATALOG_ITEMS,
  CATEGORIES,
  categoryOf,
  DESK_CLASSIFICATION,
  SERVICES,
} from './catalogue/service-catalog.catalogue';
import type {
  CreateTicketBody,
  FormSchema,
  TicketAction,
  TicketStatus,
  TicketType,
  TransitionBody,
} from './gateway-api';
import {
  buildSeedPlan,
  DEMO_MIX,
  fillPlaceholders,
  MAX_AGE_DAYS,
  mixOf,
  reportedAtOf,
  type TicketPlan,
  titleOf,
  withinReportWindow,
} from './seed-plan';

const NOW = new Date('2025-03-12T09:41:00Z');
/** The demo's anchor: when its catalog was set up, two days before this run. */
const ANCHOR = new Date('2025-03-10T07:15:00Z');
const DAY_MS = 86_400_000;
const plan = buildSeedPlan({ now: NOW, anchor: ANCHOR });

/** The request body of a ticket opened through the tickets API; fails for a catalog order. */
function bodyOf(ticket: TicketPlan): CreateTicketBody {
  if (ticket.opening.via !== 'tickets') throw new Error(`${ticket.idempotencyKey} is an order`);
  return ticket.opening.body;
}

function requesterOf(ticket: TicketPlan): string {
  return ticket.opening.body.requesterId;
}

/** Forms are checked as the tickets service checks them: ajv, JSON Schema 2020-12, strict. */
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const compiled = new Map<FormSchema, ValidateFunction>();
function validatorOf(schema: FormSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** The form problems of one filled-in form, as "field: message". */
function formErrors(schema: FormSchema, values: unknown): string[] {
  const validate = validatorOf(schema);
  return validate(values)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

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
const CHANGE: Partial<Record<TicketAction, { from: TicketStatus[]; to?: TicketStatus }>> = {
  assign: { from: ['draft', 'assessment', 'approval', 'scheduled', 'implementing', 'review'] },
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
  const { type } = ticket;
  const changeKind = ticket.opening.via === 'tickets' ? ticket.opening.body.changeKind : undefined;
  let status: TicketStatus = type === 'change' ? 'draft' : 'new';
  let round: Round | undefined;
  let rated = false;
  const faults: string[] = [];
  for (const step of ticket.steps) {
    if (step.kind === 'watch') continue;
    if (step.kind === 'rate') {
      if (status !== 'resolved' && status !== 'closed') faults.push(`rating when ${status}`);
      if (step.body.requesterId !== requesterOf(ticket)) faults.push('rating by another');
      if (rated) faults.push('rated twice');
      rated = true;
      continue;
    }
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
  it('is the same on every run: same tickets, keys, steps, relations and views', () => {
    expect(buildSeedPlan({ now: NOW, anchor: ANCHOR })).toEqual(plan);
  });

  it('opens the same tickets at any later time; only the planned windows of changes move', () => {
    const later = buildSeedPlan({
      now: new Date(NOW.getTime() + 40 * DAY_MS + 7_777),
      anchor: ANCHOR,
    });
    expect(later.tickets.map((ticket) => [ticket.idempotencyKey, ticket.opening])).toEqual(
      plan.tickets.map((ticket) => [ticket.idempotencyKey, ticket.opening]),
    );
    const withoutDates = (tickets: TicketPlan[]): unknown =>
      JSON.parse(
        JSON.stringify(tickets, (key, value: unknown) =>
          key.startsWith('planned') ? undefined : value,
        ),
      );
    expect(withoutDates(later.tickets)).toEqual(withoutDates(plan.tickets));
    expect(later.relations).toEqual(plan.relations);
  });

  it('has the mix of a mid-size desk: 240 incidents, 120 requests, 20 problems, 20 changes', () => {
    const count = (type: TicketType): number =>
      plan.tickets.filter((ticket) => ticket.type === type).length;
    expect(count('incident')).toBe(DEMO_MIX.incidents);
    expect(count('service_request')).toBe(DEMO_MIX.serviceRequests);
    expect(count('problem')).toBe(20);
    expect(count('change')).toBe(20);
    const mistyped = plan.tickets.filter(
      (ticket) => ticket.opening.via === 'tickets' && ticket.opening.body.type !== ticket.type,
    );
    expect(mistyped).toEqual([]);
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
        plan.tickets.filter((ticket) => ticket.type === type).map((ticket) => ticket.language),
      );
      expect([...languages].sort()).toEqual(['en', 'ru']);
    }
    for (const ticket of plan.tickets) {
      expect({ key: ticket.idempotencyKey, russian: CYRILLIC.test(titleOf(ticket)) }).toEqual({
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
      type: 'incident',
      steps: [
        { kind: 'transition', body: { action: 'close', actorId: 'agent-01' } },
        { kind: 'rate', body: { requesterId: 'emp-9999', rating: 5 } },
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
      faults: [
        'cannot close when new',
        'rating when new',
        'rating by another',
        'assign needs assigneeId',
        'comment when cancelled',
      ],
    });
  });

  it('lets people talk: public replies, internal notes and requester answers on many tickets', () => {
    const commented = plan.tickets.filter((ticket) =>
      ticket.steps.some((step) => step.kind === 'comment'),
    );
    expect(commented.length / plan.tickets.length).toBeGreaterThan(0.6);
    const comments = plan.tickets.flatMap((ticket) =>
      ticket.steps.flatMap((step) =>
        step.kind === 'comment' ? [{ ...step.body, requester: requesterOf(ticket) }] : [],
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
      (ticket) => ticket.type === 'incident' || ticket.type === 'service_request',
    );
    const opened = desk.flatMap((ticket) =>
      ticket.opening.via === 'tickets' ? [bodyOf(ticket)] : [],
    );
    expect(distinct(desk.map(requesterOf))).toBeGreaterThan(45);
    expect(
      distinct(desk.map((ticket) => ticket.opening.body.organizationId)),
    ).toBeGreaterThanOrEqual(8);
    expect(distinct(desk.map((ticket) => ticket.opening.body.channel))).toBe(6);
    expect(distinct(opened.map((body) => `${body.impact}/${body.urgency}`))).toBe(9);
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
      expect(titleOf(ticket).length).toBeLessThanOrEqual(200);
      expect((ticket.opening.body.description ?? '').length).toBeLessThanOrEqual(20_000);
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

  it('backdates what it opens over the three weeks before the anchor, oldest first', () => {
    const reported = plan.tickets.flatMap((ticket) =>
      ticket.opening.via === 'tickets' ? [Date.parse(bodyOf(ticket).reportedAt ?? '')] : [],
    );
    // Catalog orders cannot be backdated: the API takes no reportedAt for them.
    expect(reported.length).toBe(plan.tickets.filter((t) => t.opening.via === 'tickets').length);
    expect(reported.filter((time) => Number.isNaN(time))).toEqual([]);
    expect(Math.max(...reported)).toBeLessThanOrEqual(ANCHOR.getTime());
    expect(Math.min(...reported)).toBeGreaterThanOrEqual(ANCHOR.getTime() - MAX_AGE_DAYS * DAY_MS);
    expect(Math.min(...reported)).toBeLessThan(ANCHOR.getTime() - 14 * DAY_MS);
    expect(reported).toEqual([...reported].sort((a, b) => a - b));
    // A run up to nine days after the anchor can still open every one of them.
    const nineDaysOn = new Date(ANCHOR.getTime() + 9 * DAY_MS - 3_600_000);
    const stale = plan.tickets.filter(
      (ticket) =>
        ticket.opening.via === 'tickets' &&
        !withinReportWindow(bodyOf(ticket).reportedAt ?? '', nineDaysOn),
    );
    expect(stale).toEqual([]);
  });

  it('files incidents and requests under a service and a category, filling in its form', () => {
    const problems: string[] = [];
    for (const ticket of plan.tickets) {
      if (ticket.opening.via !== 'tickets') continue;
      const { service, category, body } = ticket.opening;
      if (ticket.type === 'incident' || ticket.type === 'service_request') {
        if (!service || !category) problems.push(`${ticket.idempotencyKey} is not filed`);
      }
      if (!category) continue;
      const entry = categoryOf(category);
      if (entry.service !== service) problems.push(`${ticket.idempotencyKey}: service of category`);
      if (!entry.form) {
        if (body.customFields) problems.push(`${ticket.idempotencyKey}: fields without a form`);
        continue;
      }
      problems.push(
        ...formErrors(entry.form.schema, body.customFields ?? {}).map(
          (error) => `${ticket.idempotencyKey} ${category}: ${error}`,
        ),
      );
    }
    expect(problems).toEqual([]);
    const withFields = plan.tickets.filter(
      (ticket) => ticket.opening.via === 'tickets' && ticket.opening.body.customFields,
    );
    expect(withFields.length).toBeGreaterThan(20);
  });

  it('orders about half the service requests from catalog items, with valid forms', () => {
    const orders = plan.tickets.flatMap((ticket) =>
      ticket.opening.via === 'catalog' ? [{ key: ticket.idempotencyKey, ...ticket.opening }] : [],
    );
    expect(orders.length).toBe(mixOf(plan).orderedFromCatalog);
    expect(orders.length).toBeGreaterThanOrEqual(45);
    expect(orders.length).toBeLessThanOrEqual(75);
    expect(new Set(orders.map((order) => order.item)).size).toBeGreaterThanOrEqual(10);
    const problems = orders.flatMap((order) => {
      const item = CATALOG_ITEMS.find((candidate) => candidate.key === order.item);
      if (!item) return [`${order.key}: no item ${order.item}`];
      return formErrors(item.formSchema, order.body.fields).map(
        (error) => `${order.key} ${order.item}: ${error}`,
      );
    });
    expect(problems).toEqual([]);
  });

  it('tags tickets in lower case, within the API limits, the VIPs among them', () => {
    const tags = plan.tickets.flatMap((ticket) =>
      ticket.opening.via === 'tickets' ? (ticket.opening.body.tags ?? []) : [],
    );
    expect(tags.filter((tag) => tag !== tag.trim().toLowerCase() || tag.includes(','))).toEqual([]);
    expect(tags.filter((tag) => tag.length < 1 || tag.length > 50)).toEqual([]);
    for (const ticket of plan.tickets) {
      if (ticket.opening.via !== 'tickets') continue;
      const ticketTags = ticket.opening.body.tags ?? [];
      expect(ticketTags.length).toBeLessThanOrEqual(20);
      expect(new Set(ticketTags).size).toBe(ticketTags.length);
    }
    for (const tag of ['vpn', 'vip', 'outage', 'printer']) {
      expect(tags.filter((candidate) => candidate === tag).length).toBeGreaterThan(3);
    }
  });

  it('has requesters rate many finished tickets, mostly well, explaining poor ratings', () => {
    const ratings = plan.tickets.flatMap((ticket) =>
      ticket.steps.flatMap((step) => (step.kind === 'rate' ? [step.body] : [])),
    );
    const finished = plan.tickets.filter(
      (ticket) =>
        (ticket.type === 'incident' || ticket.type === 'service_request') &&
        (ticket.finalStatus === 'resolved' || ticket.finalStatus === 'closed'),
    );
    expect(ratings.length / finished.length).toBeGreaterThan(0.5);
    expect(ratings.filter((body) => body.rating >= 4).length / ratings.length).toBeGreaterThan(0.6);
    expect(ratings.filter((body) => body.rating <= 3).length).toBeGreaterThan(5);
    expect(ratings.filter((body) => body.rating <= 3 && !body.comment)).toEqual([]);
  });

  it('adds watchers to some tickets: the head of IT on VIP tickets, colleagues on others', () => {
    const watches = plan.tickets.flatMap((ticket) =>
      ticket.steps.flatMap((step) => (step.kind === 'watch' ? [{ ticket, ...step }] : [])),
    );
    expect(watches.length).toBeGreaterThan(20);
    const vip = plan.tickets.filter(
      (ticket) => ticket.opening.via === 'tickets' && bodyOf(ticket).tags?.includes('vip'),
    );
    expect(vip.length).toBeGreaterThan(3);
    for (const ticket of vip) {
      expect(
        ticket.steps.some((step) => step.kind === 'watch' && step.watcherId === 'mgr-it-01'),
      ).toBe(true);
    }
    expect(watches.some(({ watcherId }) => watcherId.startsWith('emp-'))).toBe(true);
    expect(watches.filter(({ ticket, watcherId }) => watcherId === requesterOf(ticket))).toEqual(
      [],
    );
  });

  it('links incidents to the problems that cause them, and callers to the major incident', () => {
    const byKey = new Map(plan.tickets.map((ticket) => [ticket.idempotencyKey, ticket]));
    const ends = plan.relations.map((relation) => ({
      kind: relation.kind,
      source: byKey.get(relation.sourceKey),
      target: byKey.get(relation.targetKey),
    }));
    expect(ends.filter(({ source, target }) => !source || !target)).toEqual([]);
    const causedBy = ends.filter(({ kind }) => kind === 'caused_by');
    expect(causedBy.length).toBeGreaterThan(10);
    expect(
      causedBy.filter(
        ({ source, target }) => source?.type !== 'incident' || target?.type !== 'problem',
      ),
    ).toEqual([]);
    const children = ends.filter(({ kind }) => kind === 'child_of');
    expect(children.length).toBeGreaterThanOrEqual(5);
    const parents = new Set(children.map(({ target }) => target?.idempotencyKey));
    expect(parents.size).toBe(1);
    const major = children[0]?.target;
    expect(major && bodyOf(major)).toMatchObject({ impact: 'high', urgency: 'high' });
    expect(major?.finalStatus).toBe('in_progress');
    expect(children.filter(({ source }) => source?.type !== 'incident')).toEqual([]);
    const pairs = plan.relations.map((r) => `${r.sourceKey} ${r.kind} ${r.targetKey}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it("assigns every change to its owner's group before anything else", () => {
    for (const ticket of plan.tickets.filter((candidate) => candidate.type === 'change')) {
      const [first] = ticket.steps;
      const owner = requesterOf(ticket);
      expect(first).toMatchObject({
        kind: 'transition',
        body: { action: 'assign', assigneeId: owner },
      });
      const group = first?.kind === 'transition' ? first.body.assignmentGroupId : undefined;
      expect(group && AGENTS_OF[group as keyof typeof AGENTS_OF]).toContain(owner);
    }
  });

  it('saves shared queues and a private one for agent-01, each name once per owner', () => {
    const names = plan.views.map((view) => `${view.ownerId}/${view.name.toLowerCase()}`);
    expect(new Set(names).size).toBe(names.length);
    expect(mixOf(plan).views.shared).toBeGreaterThanOrEqual(3);
    expect(plan.views.filter((view) => !view.shared && view.ownerId === 'agent-01')).toHaveLength(
      1,
    );
  });
});

describe('the demo catalog', () => {
  it('has bilingual, unique services, a two-level category tree, items in its services', () => {
    const unique = (values: string[]): boolean =>
      new Set(values.map((value) => value.toLowerCase())).size === values.length;
    expect(SERVICES.length).toBe(6);
    expect(unique(SERVICES.map((service) => service.name))).toBe(true);
    expect(SERVICES.filter((service) => !/ \/ /.test(service.name))).toEqual([]);
    expect(unique(CATEGORIES.map((category) => category.key))).toBe(true);
    // Parents come first, are roots (two levels), and belong to their children's service.
    const misplaced = CATEGORIES.flatMap((category, index) => {
      if (category.parent === undefined) return [];
      const parentIndex = CATEGORIES.findIndex((candidate) => candidate.key === category.parent);
      const parent = CATEGORIES[parentIndex];
      return parentIndex < index &&
        parent?.parent === undefined &&
        parent?.service === category.service
        ? []
        : [category.key];
    });
    expect(misplaced).toEqual([]);
    for (const parent of [undefined, ...CATEGORIES.map((category) => category.key)]) {
      const siblings = CATEGORIES.filter((category) => category.parent === parent);
      expect(unique(siblings.map((category) => category.name))).toBe(true);
    }
    const leaves = CATEGORIES.filter((category) => category.parent !== undefined);
    expect(leaves.length).toBeGreaterThanOrEqual(12);
    expect(CATEGORIES.filter((category) => category.form).length).toBeGreaterThanOrEqual(3);
    expect(CATALOG_ITEMS.length).toBeGreaterThanOrEqual(12);
    expect(unique(CATALOG_ITEMS.map((item) => item.name))).toBe(true);
    for (const item of CATALOG_ITEMS) {
      expect({ item: item.key, service: categoryOf(item.defaultCategory).service }).toEqual({
        item: item.key,
        service: item.service,
      });
    }
  });

  it('keeps forms the tickets service accepts: JSON Schema objects that compile strictly', () => {
    const schemas = [
      ...CATEGORIES.flatMap((category) => (category.form ? [category.form.schema] : [])),
      ...CATALOG_ITEMS.map((item) => item.formSchema),
    ];
    for (const schema of schemas) {
      expect(schema['type']).toBe('object');
      expect(() => validatorOf(schema)).not.toThrow();
    }
    const item = CATALOG_ITEMS.find((candidate) => candidate.key === 'access-1c');
    expect(item && formErrors(item.formSchema, { database: 'SAP', role: 'root' })).toEqual([
      " must have required property 'justification'",
      '/database must be equal to one of the allowed values',
      '/role must be equal to constant',
      '/role must be equal to constant',
      '/role must be equal to constant',
      '/role must be equal to constant',
      '/role must match exactly one schema in oneOf',
    ]);
  });

  it('files every incident and request template, and sends orders to their template group', () => {
    const templates = [...INCIDENT_TEMPLATES, ...REQUEST_TEMPLATES];
    expect(templates.filter((template) => !DESK_CLASSIFICATION[template.id])).toEqual([]);
    for (const item of CATALOG_ITEMS) {
      const template = REQUEST_TEMPLATES.find((candidate) => candidate.id === item.template);
      expect({ item: item.key, group: template?.group }).toEqual({
        item: item.key,
        group: item.fulfilmentGroup,
      });
    }
    const incidentIds = new Set(INCIDENT_TEMPLATES.map((template) => template.id));
    expect(
      PROBLEM_ENTRIES.filter(
        (entry) => entry.causes !== undefined && !incidentIds.has(entry.causes),
      ),
    ).toEqual([]);
  });
});

describe('reportedAtOf and withinReportWindow', () => {
  it('counts whole minutes back from the anchor', () => {
    expect(reportedAtOf(new Date('2025-03-10T07:15:42.500Z'), 1.5)).toBe(
      '2025-03-08T19:15:00.000Z',
    );
    expect(reportedAtOf(ANCHOR, 0)).toBe(ANCHOR.toISOString());
  });

  it('takes the last thirty days, short of a margin at the far edge, and nothing ahead', () => {
    const at = (ms: number): string => new Date(NOW.getTime() - ms).toISOString();
    expect(withinReportWindow(at(0), NOW)).toBe(true);
    expect(withinReportWindow(at(29 * DAY_MS), NOW)).toBe(true);
    expect(withinReportWindow(at(30 * DAY_MS - 60_000), NOW)).toBe(false);
    expect(withinReportWindow(at(31 * DAY_MS), NOW)).toBe(false);
    expect(withinReportWindow(at(-60_000), NOW)).toBe(false);
  });
});

describe('fillPlaceholders', () => {
  it('fills known names and leaves unknown ones', () => {
    expect(
      fillPlaceholders('Printer {printer} on {floor}, {other}', { printer: 'PRN-1', floor: '2' }),
    ).toBe('Printer PRN-1 on 2, {other}');
  });
});
