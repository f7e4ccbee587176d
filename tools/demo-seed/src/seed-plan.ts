import {
  CHANGE_ENTRIES,
  type ChangeApprovalSetup,
  type ChangeEntry,
} from './catalogue/changes.catalogue';
import {
  ACKNOWLEDGEMENTS,
  CANCEL_NOTES,
  CHANGE_WAIT_NOTES,
  CHASERS,
  ESCALATION_NOTES,
  GROUP_NAMES,
  REOPEN_NOTES,
  RESOLUTION_NOTES_BY_CODE,
  RESOLUTION_TAILS,
  REQUEST_WORK_NOTES,
  VENDOR_RESUME_NOTES,
  CHANGE_RESUME_NOTES,
  EXPLANATION_TAILS,
  STILL_BROKEN,
  THANKS,
  VENDOR_NOTES,
  WITHDRAWALS,
  WORK_NOTES,
} from './catalogue/conversation.catalogue';
import { INCIDENT_TEMPLATES, PLACEHOLDERS } from './catalogue/incidents.catalogue';
import {
  AGENTS_OF,
  type AssignmentGroupId,
  CAB_GROUP,
  CHANGE_MANAGER,
  MONITORING_REQUESTER,
  PROBLEM_MANAGER,
  type Requester,
  requesters,
} from './catalogue/people.catalogue';
import { PROBLEM_ENTRIES, type ProblemEntry } from './catalogue/problems.catalogue';
import { REQUEST_TEMPLATES } from './catalogue/requests.catalogue';
import type {
  Channel,
  CommentBody,
  CreateTicketBody,
  Language,
  Level,
  PendingReason,
  TicketStatus,
  TicketType,
  TransitionBody,
  VoteBody,
} from './gateway-api';
import { SeededRandom, type Weighted } from './random';

/** The seed of every random choice: change it and the whole demo changes. */
export const DEMO_SEED = 20_240_611;

/** How many incidents and service requests; problems and changes come from their catalogues. */
export const DEMO_MIX = { incidents: 240, serviceRequests: 120 } as const;

export type SeedStep =
  | { kind: 'transition'; body: TransitionBody }
  | { kind: 'comment'; idempotencyKey: string; body: CommentBody }
  | { kind: 'vote'; body: VoteBody };

/** One demo ticket: how it is opened, what happens to it, and the state that leaves it in. */
export interface TicketPlan {
  /** `demo-<n>`, the Idempotency-Key of its creation; n follows the creation order. */
  idempotencyKey: string;
  language: Language;
  create: CreateTicketBody;
  steps: SeedStep[];
  finalStatus: TicketStatus;
}

export interface SeedPlan {
  tickets: TicketPlan[];
}

export interface SeedPlanOptions {
  /**
   * When the seeder runs: changes' planned windows are placed relative to it. Nothing that
   * creates a ticket depends on it, so a second run replays the same creations.
   */
  now: Date;
  seed?: number;
  incidents?: number;
  serviceRequests?: number;
}

type Step =
  | { kind: 'transition'; body: TransitionBody }
  | { kind: 'comment'; body: CommentBody }
  | { kind: 'vote'; body: VoteBody };

/** A ticket before it gets its place in the creation order. */
interface DraftTicket {
  language: Language;
  create: CreateTicketBody;
  steps: Step[];
  finalStatus: TicketStatus;
  /** How old the ticket would be in a real desk, in days: older tickets are created first. */
  ageDays: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const LEVELS: readonly Level[] = ['high', 'medium', 'low'];

const CHANNEL_WEIGHTS: Weighted<Channel> = [
  ['portal', 36],
  ['email', 26],
  ['phone', 16],
  ['chat', 14],
  ['web_form', 8],
];

/** Where a desk ticket (incident or service request) ends up. */
type DeskOutcome =
  'new' | 'assigned' | 'in_progress' | 'pending' | 'resolved' | 'closed' | 'cancelled' | 'reopened';

/** Most work of a service desk is done; the open tail is what the demo user sees moving. */
const DESK_OUTCOMES: Readonly<Record<'incident' | 'service_request', Weighted<DeskOutcome>>> = {
  incident: [
    ['closed', 92],
    ['resolved', 34],
    ['in_progress', 28],
    ['pending', 22],
    ['assigned', 22],
    ['new', 22],
    ['cancelled', 12],
    ['reopened', 8],
  ],
  service_request: [
    ['closed', 46],
    ['resolved', 16],
    ['in_progress', 14],
    ['pending', 16],
    ['assigned', 10],
    ['new', 12],
    ['cancelled', 6],
  ],
};

const PENDING_REASONS: Readonly<Record<'incident' | 'service_request', Weighted<PendingReason>>> = {
  incident: [
    ['awaiting_customer', 55],
    ['awaiting_vendor', 25],
    ['awaiting_change', 20],
  ],
  service_request: [
    ['awaiting_customer', 60],
    ['awaiting_vendor', 30],
    ['awaiting_change', 10],
  ],
};

type IncidentCode = 'fixed' | 'workaround' | 'user_error' | 'no_fault_found' | 'duplicate';
const INCIDENT_CODES: Weighted<IncidentCode> = [
  ['fixed', 62],
  ['workaround', 12],
  ['user_error', 10],
  ['no_fault_found', 9],
  ['duplicate', 7],
];

/** Replaces {name} with the ticket's value for it; unknown names stay as they are. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

/** One value per placeholder for one ticket, so its texts talk about the same room or printer. */
function placeholderValues(random: SeededRandom, language: Language): Record<string, string> {
  return Object.fromEntries(
    Object.entries(PLACEHOLDERS).map(([name, values]) => [name, random.pick(values[language])]),
  );
}

/** How many days old a ticket in this state usually is, for the creation order. */
function ageOf(status: TicketStatus, random: SeededRandom): number {
  switch (status) {
    case 'closed':
      return 20 + random.next() * 70;
    case 'cancelled':
    case 'rejected':
      return 5 + random.next() * 60;
    case 'resolved':
    case 'review':
      return 1 + random.next() * 6;
    case 'known_error':
    case 'investigating':
      return 3 + random.next() * 30;
    case 'in_progress':
    case 'pending':
    case 'implementing':
    case 'scheduled':
    case 'approval':
    case 'assessment':
      return 0.5 + random.next() * 10;
    case 'assigned':
    case 'draft':
      return 0.2 + random.next() * 3;
    case 'new':
      return random.next() * 0.5;
    default:
      return assertUnreachable(status);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unhandled value ${String(value)}`);
}

/** Collects a ticket's steps in order. */
class Script {
  readonly steps: Step[] = [];

  act(body: TransitionBody): this {
    this.steps.push({ kind: 'transition', body });
    return this;
  }

  say(authorId: string, body: string): this {
    this.steps.push({ kind: 'comment', body: { authorId, visibility: 'public', body } });
    return this;
  }

  note(authorId: string, body: string): this {
    this.steps.push({ kind: 'comment', body: { authorId, visibility: 'internal', body } });
    return this;
  }

  vote(body: VoteBody): this {
    this.steps.push({ kind: 'vote', body });
    return this;
  }
}

interface DeskContext {
  type: 'incident' | 'service_request';
  random: SeededRandom;
  language: Language;
  requesterId: string;
  /** A person who reads replies; monitoring is not, so nobody answers for it. */
  human: boolean;
  group: AssignmentGroupId;
  text: { question: string; answer: string; fix: string; rejection?: string };
}

/** The work of an incident or a service request from opening to its outcome. */
function deskSteps(context: DeskContext, outcome: DeskOutcome): Script {
  const { random, language, requesterId, human, group, text } = context;
  const script = new Script();
  const phrase = (pool: Readonly<Record<Language, readonly string[]>>): string =>
    random.pick(pool[language]);
  const dispatcher = random.pick(AGENTS_OF['service-desk']);
  const agent = random.pick(AGENTS_OF[group]);

  if (outcome === 'new') {
    if (human && random.chance(0.35)) script.say(requesterId, phrase(CHASERS));
    return script;
  }
  if (outcome === 'cancelled' && random.chance(0.5)) {
    // Withdrawn before anybody picked it up.
    if (human) script.say(requesterId, phrase(WITHDRAWALS));
    return script.act({ action: 'cancel', actorId: human ? requesterId : dispatcher });
  }

  // Assignment: some tickets wait in the group's queue, some go through the first line first.
  if (outcome === 'assigned' && random.chance(0.3)) {
    script.act({ action: 'assign', actorId: dispatcher, assignmentGroupId: group });
    if (human && random.chance(0.3)) script.say(requesterId, phrase(CHASERS));
    return script;
  }
  const escalated = group !== 'service-desk' && random.chance(0.3);
  if (escalated) {
    const firstLine = dispatcher;
    script
      .act({
        action: 'assign',
        actorId: firstLine,
        assignmentGroupId: 'service-desk',
        assigneeId: firstLine,
      })
      .act({ action: 'start', actorId: firstLine })
      .say(firstLine, phrase(ACKNOWLEDGEMENTS))
      .note(
        firstLine,
        fillPlaceholders(phrase(ESCALATION_NOTES), { group: GROUP_NAMES[language][group] }),
      );
  }
  script.act({
    action: 'assign',
    actorId: group === 'service-desk' ? agent : dispatcher,
    assignmentGroupId: group,
    assigneeId: agent,
  });

  if (outcome === 'assigned') {
    if (!escalated && random.chance(0.5)) script.say(agent, phrase(ACKNOWLEDGEMENTS));
    return script;
  }
  if (outcome === 'cancelled') {
    script.say(agent, text.question);
    if (human && random.chance(0.5)) {
      script.say(requesterId, phrase(WITHDRAWALS));
    } else {
      script.note(agent, phrase(CANCEL_NOTES));
    }
    return script.act({ action: 'cancel', actorId: agent });
  }

  // A quick fix goes from assigned straight to resolved.
  const quick = (outcome === 'resolved' || outcome === 'closed') && random.chance(0.2);
  // Only a person can be asked for something; monitoring waits for vendors and changes only.
  const reasonOf = (askable: boolean): PendingReason =>
    random.weighted(
      PENDING_REASONS[context.type].filter(
        ([reason]) => reason !== 'awaiting_customer' || (askable && human),
      ),
    );
  const pendingReason = outcome === 'pending' ? reasonOf(true) : undefined;
  let asked = false;
  if (!quick) {
    script.act({ action: 'start', actorId: agent });
    if (escalated || random.chance(0.6)) {
      if (!escalated) script.say(agent, phrase(ACKNOWLEDGEMENTS));
    } else {
      asked = true;
      askAndAnswer(script, context, agent, pendingReason !== 'awaiting_customer');
    }
    if (random.chance(0.4)) {
      script.note(agent, phrase(context.type === 'incident' ? WORK_NOTES : REQUEST_WORK_NOTES));
    }
  }

  /** Waits for the reason; `answered`: the wait is over and the work goes on. */
  const wait = (reason: PendingReason, answered: boolean): void => {
    switch (reason) {
      case 'awaiting_customer':
        if (!asked) script.say(agent, text.question);
        script.act({ action: 'pend', actorId: agent, pendingReason: reason });
        if (answered) script.say(requesterId, text.answer);
        break;
      case 'awaiting_vendor':
        script.note(agent, fillPlaceholders(phrase(VENDOR_NOTES), { case: vendorCase(random) }));
        script.act({ action: 'pend', actorId: agent, pendingReason: reason });
        if (answered) script.note(agent, phrase(VENDOR_RESUME_NOTES));
        break;
      case 'awaiting_change':
        script.note(agent, phrase(CHANGE_WAIT_NOTES));
        script.act({ action: 'pend', actorId: agent, pendingReason: reason });
        if (answered) script.note(agent, phrase(CHANGE_RESUME_NOTES));
        break;
      default:
        assertUnreachable(reason);
    }
  };

  switch (outcome) {
    case 'in_progress':
      return script;
    case 'pending':
      if (pendingReason) wait(pendingReason, false);
      return script;
    case 'resolved':
    case 'closed':
    case 'reopened':
      break;
    default:
      return assertUnreachable(outcome);
  }

  if (!quick && random.chance(0.3)) {
    // Waited once on the way: the question was answered already, so for something else.
    wait(reasonOf(!asked), true);
    script.act({ action: 'resume', actorId: agent });
  }
  const { code, notes, reply, fixed } = resolutionOf(context);
  script
    .say(agent, `${reply} ${phrase(fixed ? RESOLUTION_TAILS : EXPLANATION_TAILS)}`)
    .act({ action: 'resolve', actorId: agent, resolutionCode: code, resolutionNotes: notes });
  if (outcome === 'reopened') {
    return script
      .say(requesterId, phrase(STILL_BROKEN))
      .act({ action: 'reopen', actorId: requesterId })
      .note(agent, phrase(REOPEN_NOTES));
  }
  if (human && fixed && random.chance(0.45)) script.say(requesterId, phrase(THANKS));
  if (outcome === 'closed') script.act({ action: 'close', actorId: agent });
  return script;
}

/** The agent's question and, from a person, the answer; for monitoring both are notes. */
function askAndAnswer(
  script: Script,
  context: DeskContext,
  agent: string,
  answered: boolean,
): void {
  if (!context.human) {
    script.note(agent, context.text.question);
    if (answered) script.note(context.random.pick(AGENTS_OF.dba), context.text.answer);
    return;
  }
  script.say(agent, context.text.question);
  if (answered) script.say(context.requesterId, context.text.answer);
}

function vendorCase(random: SeededRandom): string {
  return `${random.pick(['CS', 'SR', 'TAC'])}-${random.int(100_000, 999_999)}`;
}

/** How the ticket is resolved; `fixed` when the requester got what they needed. */
function resolutionOf(context: DeskContext): {
  code: string;
  notes: string;
  reply: string;
  fixed: boolean;
} {
  const { random, language, text, type } = context;
  if (type === 'service_request') {
    if (text.rejection !== undefined && random.chance(0.15)) {
      return { code: 'rejected', notes: text.rejection, reply: text.rejection, fixed: false };
    }
    return { code: 'fulfilled', notes: text.fix, reply: text.fix, fixed: true };
  }
  const code = random.weighted(INCIDENT_CODES);
  switch (code) {
    case 'fixed':
    case 'workaround':
      return { code, notes: text.fix, reply: text.fix, fixed: true };
    case 'user_error':
    case 'no_fault_found':
    case 'duplicate': {
      const notes = RESOLUTION_NOTES_BY_CODE[code][language];
      return { code, notes, reply: notes, fixed: false };
    }
    default:
      return assertUnreachable(code);
  }
}

const FINAL_DESK_STATUS: Readonly<Record<DeskOutcome, TicketStatus>> = {
  new: 'new',
  assigned: 'assigned',
  in_progress: 'in_progress',
  pending: 'pending',
  resolved: 'resolved',
  closed: 'closed',
  cancelled: 'cancelled',
  reopened: 'in_progress',
};

function pickRequester(random: SeededRandom, people: readonly Requester[]): Requester {
  // A few people raise many tickets, most raise one or two. Requesters come in pairs of a
  // Russian and an English writer, so the skew does not tilt the languages.
  const pair = Math.floor((people.length / 2) * random.next() ** 1.6);
  const index = pair * 2 + (random.chance(0.5) ? 1 : 0);
  const requester = people[index];
  if (!requester) throw new Error(`no requester at ${index}`);
  return requester;
}

function levelNear(random: SeededRandom, typical: Level): Level {
  return random.chance(0.75) ? typical : random.pick(LEVELS);
}

/** What incident and request templates have in common. */
interface DeskTemplate {
  weight: number;
  group: AssignmentGroupId;
  impact: Level;
  urgency: Level;
  monitoring?: boolean;
  ru: DeskText;
  en: DeskText;
}

interface DeskText {
  title: string;
  description: string;
  question: string;
  answer: string;
  fix: string;
  rejection?: string;
}

const DESK_TEMPLATES: Readonly<Record<'incident' | 'service_request', readonly DeskTemplate[]>> = {
  incident: INCIDENT_TEMPLATES,
  service_request: REQUEST_TEMPLATES,
};

/**
 * An incident or a service request. What opens it, what happens to it and how old it is come
 * from three separate streams: rewording a conversation never changes a ticket's creation
 * (its idempotency key would then meet another request) nor the creation order.
 */
function deskDraft(
  type: 'incident' | 'service_request',
  seed: number,
  index: number,
  people: readonly Requester[],
): DraftTicket {
  const random = SeededRandom.stream(seed, `${type}:${index}`);
  const template = random.weighted(
    DESK_TEMPLATES[type].map((entry) => [entry, entry.weight] as const),
  );
  const monitoring = template.monitoring === true;
  const requester: Requester = monitoring
    ? {
        id: MONITORING_REQUESTER,
        organizationId: 'org-it',
        language: random.chance(0.5) ? 'ru' : 'en',
      }
    : pickRequester(random, people);
  const language = requester.language;
  const values = placeholderValues(random, language);
  const fill = (text: string): string => fillPlaceholders(text, values);
  const localized = template[language];
  const create: CreateTicketBody = {
    type,
    title: fill(localized.title),
    description: fill(localized.description),
    impact: levelNear(random, template.impact),
    urgency: levelNear(random, template.urgency),
    channel: monitoring ? 'api' : random.weighted(CHANNEL_WEIGHTS),
    requesterId: requester.id,
    organizationId: requester.organizationId,
  };
  let outcome = random.weighted(DESK_OUTCOMES[type]);
  if (monitoring && outcome === 'reopened') outcome = 'closed';
  const script = deskSteps(
    {
      type,
      random: SeededRandom.stream(seed, `${type}:${index}:work`),
      language,
      requesterId: requester.id,
      human: !monitoring,
      group: template.group,
      text: {
        question: fill(localized.question),
        answer: fill(localized.answer),
        fix: fill(localized.fix),
        ...(localized.rejection === undefined ? {} : { rejection: fill(localized.rejection) }),
      },
    },
    outcome,
  );
  const finalStatus = FINAL_DESK_STATUS[outcome];
  return {
    language,
    create,
    steps: script.steps,
    finalStatus,
    ageDays: ageOf(finalStatus, SeededRandom.stream(seed, `${type}:${index}:age`)),
  };
}

function problemDraft(seed: number, index: number, entry: ProblemEntry): DraftTicket {
  const random = SeededRandom.stream(seed, `problem:${index}`);
  const agent = random.pick(AGENTS_OF[entry.group]);
  const script = new Script();
  const [firstNote, ...laterNotes] = entry.notes;
  const reached = (status: 'known_error' | 'resolved' | 'closed'): boolean => {
    const order = ['known_error', 'resolved', 'closed'];
    return entry.reopened === true || order.indexOf(entry.status) >= order.indexOf(status);
  };
  switch (entry.status) {
    case 'new':
      break;
    case 'cancelled':
      script.act({
        action: 'assign',
        actorId: PROBLEM_MANAGER,
        assignmentGroupId: entry.group,
        assigneeId: agent,
      });
      for (const note of entry.notes) script.note(agent, note);
      script.act({ action: 'cancel', actorId: agent });
      break;
    case 'investigating':
    case 'known_error':
    case 'resolved':
    case 'closed': {
      script
        .act({
          action: 'assign',
          actorId: PROBLEM_MANAGER,
          assignmentGroupId: entry.group,
          assigneeId: agent,
        })
        .act({ action: 'investigate', actorId: agent });
      if (firstNote) script.note(agent, firstNote);
      const notesAfterReopen = entry.reopened ? laterNotes.slice(-1) : [];
      for (const note of entry.reopened ? laterNotes.slice(0, -1) : laterNotes) {
        script.note(agent, note);
      }
      if (reached('known_error') && entry.workaround) {
        script.act({
          action: 'record_known_error',
          actorId: agent,
          rootCause: entry.rootCause,
          workaround: entry.workaround,
        });
      }
      if (reached('resolved')) {
        script.act({
          action: 'resolve',
          actorId: agent,
          rootCause: entry.rootCause,
          resolutionCode: 'permanent_fix',
          resolutionNotes: entry.resolution,
        });
      }
      if (entry.reopened) {
        script.act({ action: 'reopen', actorId: PROBLEM_MANAGER });
        for (const note of notesAfterReopen) script.note(agent, note);
      } else if (entry.status === 'closed') {
        script.act({ action: 'close', actorId: PROBLEM_MANAGER });
      }
      break;
    }
    default:
      assertUnreachable(entry.status);
  }
  return {
    language: entry.language,
    create: {
      type: 'problem',
      title: entry.title,
      description: entry.description,
      impact: entry.impact,
      urgency: entry.urgency,
      channel: 'portal',
      requesterId: PROBLEM_MANAGER,
      organizationId: 'org-it',
    },
    steps: script.steps,
    finalStatus: entry.status,
    ageDays: ageOf(entry.status, SeededRandom.stream(seed, `problem:${index}:age`)),
  };
}

/** ISO instant of `ms` since the epoch, as the API takes it. */
function instant(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The change's planned window. Work that is under way or done runs around `now` (the API
 * takes only windows that have not ended); the rest is in the future at 22:00 Moscow time.
 */
export function plannedWindow(
  entry: ChangeEntry,
  now: Date,
): { plannedStart: string; plannedEnd: string } {
  const hourStart = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  if (entry.status === 'implementing' || entry.status === 'review' || entry.status === 'closed') {
    return {
      plannedStart: instant(hourStart - 2 * HOUR_MS),
      plannedEnd: instant(hourStart + entry.window.hours * HOUR_MS),
    };
  }
  const dayStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  let start = dayStart + entry.window.inDays * DAY_MS + 19 * HOUR_MS;
  while (start <= now.getTime() + HOUR_MS) start += DAY_MS;
  return {
    plannedStart: instant(start),
    plannedEnd: instant(start + entry.window.hours * HOUR_MS),
  };
}

function approvalRequest(
  setup: ChangeApprovalSetup,
): Pick<TransitionBody, 'approverIds' | 'cabGroupId' | 'quorum'> {
  return {
    approverIds: [...setup.approverIds],
    ...(setup.cab ? { cabGroupId: CAB_GROUP } : {}),
    quorum: setup.quorum,
  };
}

function changeDraft(seed: number, index: number, entry: ChangeEntry, now: Date): DraftTicket {
  const script = new Script();
  const owner = entry.ownerId;
  const window = plannedWindow(entry, now);
  const notes = (): void => {
    for (const note of entry.notes) script.note(owner, note);
  };
  const votes = (): void => {
    for (const vote of entry.votes ?? []) {
      script.vote({
        approverId: vote.approverId,
        decision: vote.decision,
        comment: vote.comment,
        ...(vote.asCab ? { cabGroupId: CAB_GROUP } : {}),
      });
    }
  };
  const submit: TransitionBody = {
    action: 'submit',
    actorId: owner,
    risk: entry.risk,
    impact: entry.impact,
    backoutPlan: entry.backoutPlan,
    ...window,
  };

  if (entry.status === 'draft' && !entry.revised) {
    notes();
  } else if (entry.kind === 'standard') {
    // Pre-approved: submit schedules it.
    script.act(submit);
  } else if (entry.status === 'assessment' || entry.status === 'cancelled') {
    script.act(submit);
  } else {
    const setup = entry.approval;
    if (!setup) throw new Error(`change "${entry.title}" needs an approval setup`);
    if (entry.kind === 'emergency') {
      script.act({ ...submit, ...approvalRequest(setup) });
    } else {
      script
        .act(submit)
        .act({ action: 'request_approval', actorId: CHANGE_MANAGER, ...approvalRequest(setup) });
    }
    votes();
    if (entry.revised) {
      script.act({ action: 'revise', actorId: owner });
      notes();
    } else if (entry.status !== 'approval' && entry.status !== 'rejected') {
      script.act({ action: 'schedule', actorId: CHANGE_MANAGER });
    }
  }

  switch (entry.status) {
    case 'implementing':
    case 'review':
    case 'closed':
      script.act({ action: 'start_implementation', actorId: owner });
      if (entry.status === 'implementing') {
        notes();
        break;
      }
      script.act({
        action: 'complete',
        actorId: owner,
        implementationOutcome: entry.outcome ?? 'successful',
        ...(entry.implementationNotes ? { implementationNotes: entry.implementationNotes } : {}),
      });
      notes();
      if (entry.status === 'closed') script.act({ action: 'close', actorId: CHANGE_MANAGER });
      break;
    case 'cancelled':
      notes();
      script.act({ action: 'cancel', actorId: CHANGE_MANAGER });
      break;
    case 'assessment':
    case 'approval':
    case 'scheduled':
      notes();
      break;
    case 'rejected':
    case 'draft':
      break;
    default:
      assertUnreachable(entry.status);
  }
  return {
    language: entry.language,
    create: {
      type: 'change',
      title: entry.title,
      description: entry.description,
      impact: entry.impact,
      urgency: entry.urgency,
      channel: 'portal',
      requesterId: owner,
      organizationId: 'org-it',
      changeKind: entry.kind,
      configurationItemIds: [...entry.configurationItemIds],
    },
    steps: script.steps,
    finalStatus: entry.status,
    ageDays: ageOf(entry.status, SeededRandom.stream(seed, `change:${index}:age`)),
  };
}

/**
 * The whole demo: which tickets are opened and what happens to each, the same on every run
 * (only changes' planned windows follow `now`). Tickets come in the order a real desk would
 * have opened them, oldest first, so the newest in the list are the open ones.
 */
export function buildSeedPlan(options: SeedPlanOptions): SeedPlan {
  const seed = options.seed ?? DEMO_SEED;
  const people = requesters(seed);
  const drafts: DraftTicket[] = [
    ...Array.from({ length: options.incidents ?? DEMO_MIX.incidents }, (_, index) =>
      deskDraft('incident', seed, index, people),
    ),
    ...Array.from({ length: options.serviceRequests ?? DEMO_MIX.serviceRequests }, (_, index) =>
      deskDraft('service_request', seed, index, people),
    ),
    ...PROBLEM_ENTRIES.map((entry, index) => problemDraft(seed, index, entry)),
    ...CHANGE_ENTRIES.map((entry, index) => changeDraft(seed, index, entry, options.now)),
  ];
  const ordered = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => b.draft.ageDays - a.draft.ageDays || a.index - b.index)
    .map(({ draft }) => draft);
  return {
    tickets: ordered.map((draft, index) => {
      const idempotencyKey = `demo-${index + 1}`;
      let comments = 0;
      return {
        idempotencyKey,
        language: draft.language,
        create: draft.create,
        steps: draft.steps.map((step): SeedStep =>
          step.kind === 'comment'
            ? { ...step, idempotencyKey: `${idempotencyKey}-c${++comments}` }
            : step,
        ),
        finalStatus: draft.finalStatus,
      };
    }),
  };
}

export type PlanMix = Record<TicketType, Partial<Record<TicketStatus, number>>>;

/** How many tickets of each type end in each state, and how many in each language. */
export function mixOf(plan: SeedPlan): {
  byType: PlanMix;
  byLanguage: Record<Language, number>;
  steps: Record<SeedStep['kind'], number>;
} {
  const byType: PlanMix = { incident: {}, service_request: {}, problem: {}, change: {} };
  const byLanguage: Record<Language, number> = { ru: 0, en: 0 };
  const steps: Record<SeedStep['kind'], number> = { transition: 0, comment: 0, vote: 0 };
  for (const ticket of plan.tickets) {
    const counts = byType[ticket.create.type];
    counts[ticket.finalStatus] = (counts[ticket.finalStatus] ?? 0) + 1;
    byLanguage[ticket.language] += 1;
    for (const step of ticket.steps) steps[step.kind] += 1;
  }
  return { byType, byLanguage, steps };
}
