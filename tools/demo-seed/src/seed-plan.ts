import { assertUnreachable } from '@itsm/lang';
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
  COMPLAINTS,
  ESCALATION_NOTES,
  GROUP_NAMES,
  REOPEN_NOTES,
  RESOLUTION_NOTES_BY_CODE,
  RESOLUTION_TAILS,
  REQUEST_WORK_NOTES,
  VENDOR_RESUME_NOTES,
  CHANGE_RESUME_NOTES,
  EXPLANATION_TAILS,
  PRAISE,
  STILL_BROKEN,
  THANKS,
  VENDOR_NOTES,
  WITHDRAWALS,
  WORK_NOTES,
} from './catalogue/conversation.catalogue';
import { INCIDENT_TEMPLATES, PLACEHOLDERS } from './catalogue/incidents.catalogue';
import {
  KNOWN_OUTAGE_REPLIES,
  MAJOR_INCIDENT,
  MAJOR_INCIDENT_CHILDREN,
} from './catalogue/major-incident.catalogue';
import {
  AGENTS_OF,
  ASSIGNMENT_GROUPS,
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
import {
  type CatalogItemKey,
  type CategoryKey,
  catalogItemOfTemplate,
  categoryOf,
  DESK_CLASSIFICATION,
  type ServiceKey,
} from './catalogue/service-catalog.catalogue';
import { SAVED_VIEWS, type ViewEntry } from './catalogue/views.catalogue';
import type {
  Channel,
  CommentBody,
  CreateTicketBody,
  FormValues,
  Language,
  Level,
  PendingReason,
  RateBody,
  RelationKind,
  RequestCatalogItemBody,
  TicketStatus,
  TicketType,
  TransitionBody,
  VoteBody,
} from './gateway-api';
import { SeededRandom, type Weighted } from './random';

/** The seed of every random choice: change it and the whole demo changes. */
export const DEMO_SEED = 20_240_611;

/**
 * How many incidents (the major incident and its children among them) and service requests;
 * problems and changes come from their catalogues.
 */
export const DEMO_MIX = { incidents: 240, serviceRequests: 120 } as const;

/** How many requests for a catalog item are ordered through it; the others are logged by hand. */
export const CATALOG_ORDER_SHARE = 0.75;

/**
 * A transition as planned: its assignment group is named by key, as everything in the plan is;
 * the runner sends routing's id for it.
 */
export type PlannedTransition = Omit<TransitionBody, 'assignmentGroupId'> & {
  assignmentGroupId?: AssignmentGroupId;
};

export type SeedStep =
  | { kind: 'transition'; body: PlannedTransition }
  | { kind: 'comment'; idempotencyKey: string; body: CommentBody }
  | { kind: 'vote'; body: VoteBody }
  | { kind: 'watch'; watcherId: string; actorId: string }
  | { kind: 'rate'; body: RateBody };

/**
 * How a ticket opens: through the tickets API, filed under a service and category of the
 * catalog, or ordered from a catalog item. Catalog entries are named by their keys; the
 * runner puts in the ids the platform gave them.
 */
export type TicketOpening =
  | { via: 'tickets'; body: CreateTicketBody; service?: ServiceKey; category?: CategoryKey }
  | { via: 'catalog'; item: CatalogItemKey; body: RequestCatalogItemBody };

/** One demo ticket: how it is opened, what happens to it, and the state that leaves it in. */
export interface TicketPlan {
  /** `demo-<n>`, the Idempotency-Key of its creation; n follows the creation order. */
  idempotencyKey: string;
  type: TicketType;
  language: Language;
  opening: TicketOpening;
  steps: SeedStep[];
  finalStatus: TicketStatus;
}

/** "source <kind> target", by the tickets' idempotency keys. */
export interface RelationPlan {
  sourceKey: string;
  kind: RelationKind;
  targetKey: string;
  actorId: string;
}

export interface SeedPlan {
  tickets: TicketPlan[];
  /** Related once both tickets are open, by whoever took the source's steps. */
  relations: RelationPlan[];
  views: readonly ViewEntry[];
}

export interface SeedPlanOptions {
  /**
   * When the seeder runs: changes' planned windows are placed relative to it. Nothing that
   * opens a ticket depends on it, so a second run replays the same creations.
   */
  now: Date;
  /**
   * The demo's "present", which the platform keeps (the seeder reads it back on every run):
   * tickets were reported some days before it, and forms' dates follow. The same anchor
   * gives the same creations, however much later the seeder runs again.
   */
  anchor: Date;
  seed?: number;
  incidents?: number;
  serviceRequests?: number;
}

type Step =
  | { kind: 'transition'; body: PlannedTransition }
  | { kind: 'comment'; body: CommentBody }
  | { kind: 'vote'; body: VoteBody }
  | { kind: 'watch'; watcherId: string; actorId: string }
  | { kind: 'rate'; body: RateBody };

/** A ticket before it gets its place in the creation order. */
interface DraftTicket {
  /** Names the draft in relations until it has its idempotency key. */
  ref: string;
  type: TicketType;
  language: Language;
  opening: TicketOpening;
  steps: Step[];
  finalStatus: TicketStatus;
  /** How long before the anchor it was reported, in days: older tickets are created first. */
  ageDays: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How far back the API takes a reported time (reportedAt). */
export const REPORT_WINDOW_MS = 30 * DAY_MS;
/** Keeps clear of the window's edge, for clocks that differ and runs that take a while. */
const REPORT_WINDOW_MARGIN_MS = 10 * MINUTE_MS;

/** When a ticket `ageDays` old at the anchor was reported: whole minutes, as a person says it. */
export function reportedAtOf(anchor: Date, ageDays: number): string {
  const anchorMinute = Math.floor(anchor.getTime() / MINUTE_MS) * MINUTE_MS;
  return new Date(anchorMinute - Math.round(ageDays * 24 * 60) * MINUTE_MS).toISOString();
}

/** Whether the API takes this reported time for a ticket opened `now`. */
export function withinReportWindow(reportedAt: string, now: Date): boolean {
  const ago = now.getTime() - Date.parse(reportedAt);
  return ago >= 0 && ago <= REPORT_WINDOW_MS - REPORT_WINDOW_MARGIN_MS;
}

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

/** The oldest a demo ticket gets: it must still open when the seeder runs days after the anchor. */
export const MAX_AGE_DAYS = 21;

/**
 * How many days before the anchor a ticket in this state was reported: the demo covers the
 * last three weeks, finished work being the oldest (see MAX_AGE_DAYS).
 */
function ageOf(status: TicketStatus, random: SeededRandom): number {
  switch (status) {
    case 'closed':
      return 7 + random.next() * 14;
    case 'cancelled':
    case 'rejected':
      return 2 + random.next() * 18;
    case 'resolved':
    case 'review':
      return 0.5 + random.next() * 4;
    case 'known_error':
    case 'investigating':
      return 3 + random.next() * 17;
    case 'in_progress':
    case 'pending':
    case 'implementing':
    case 'scheduled':
    case 'approval':
    case 'assessment':
      return 0.3 + random.next() * 8;
    case 'assigned':
    case 'draft':
      return 0.1 + random.next() * 2.5;
    case 'new':
      return random.next() * 0.5;
    default:
      return assertUnreachable(status);
  }
}

/** Collects a ticket's steps in order. */
class Script {
  readonly steps: Step[] = [];

  act(body: PlannedTransition): this {
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

  watch(watcherId: string, actorId: string): this {
    this.steps.push({ kind: 'watch', watcherId, actorId });
    return this;
  }

  rate(body: RateBody): this {
    this.steps.push({ kind: 'rate', body });
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
  if (human && random.chance(RATED_SHARE))
    script.rate(ratingOf(random, language, requesterId, fixed));
  if (outcome === 'closed') script.act({ action: 'close', actorId: agent });
  return script;
}

/** How many requesters rate a resolved ticket (the survey link comes with the resolution). */
const RATED_SHARE = 0.65;

type Rating = RateBody['rating'];

/** Mostly happy when they got what they needed; unhappy ones always say why. */
const RATINGS: Readonly<Record<'fixed' | 'notFixed', Weighted<Rating>>> = {
  fixed: [
    [5, 58],
    [4, 27],
    [3, 8],
    [2, 4],
    [1, 3],
  ],
  notFixed: [
    [5, 12],
    [4, 22],
    [3, 28],
    [2, 20],
    [1, 18],
  ],
};

function ratingOf(
  random: SeededRandom,
  language: Language,
  requesterId: string,
  fixed: boolean,
): RateBody {
  const rating = random.weighted(RATINGS[fixed ? 'fixed' : 'notFixed']);
  if (rating <= 3) return { requesterId, rating, comment: random.pick(COMPLAINTS[language]) };
  return random.chance(0.35)
    ? { requesterId, rating, comment: random.pick(PRAISE[language]) }
    : { requesterId, rating };
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
  id: string;
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

/** Whose tickets the head of IT watches, tagged so the desk sees them. */
const VIP_ORGANIZATION = 'org-management';
const HEAD_OF_IT = 'mgr-it-01';
/** How often a requester copies in a colleague from their department. */
const COLLEAGUE_WATCH_SHARE = 0.12;

/** The service and category a ticket is filed under, and the form values the category asks for. */
function filing(
  category: CategoryKey,
  values: Readonly<Record<string, string>>,
): { service: ServiceKey; category: CategoryKey; customFields?: FormValues } {
  const entry = categoryOf(category);
  return {
    service: entry.service,
    category,
    ...(entry.form ? { customFields: entry.form.fill(values) } : {}),
  };
}

/**
 * An incident or a service request. What opens it, what happens to it and how old it is come
 * from separate streams: rewording a conversation never changes a ticket's creation (its
 * idempotency key would then meet another request) nor the creation order.
 */
function deskDraft(
  type: 'incident' | 'service_request',
  seed: number,
  index: number,
  people: readonly Requester[],
  anchor: Date,
): DraftTicket & { template: string } {
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
  const impact = levelNear(random, template.impact);
  const urgency = levelNear(random, template.urgency);
  const channel = monitoring ? 'api' : random.weighted(CHANNEL_WEIGHTS);
  let outcome = random.weighted(DESK_OUTCOMES[type]);
  if (monitoring && outcome === 'reopened') outcome = 'closed';
  const finalStatus = FINAL_DESK_STATUS[outcome];
  const ageDays = ageOf(finalStatus, SeededRandom.stream(seed, `${type}:${index}:age`));
  const reportedAt = reportedAtOf(anchor, ageDays);

  // Catalog, tags and watchers draw from a stream of their own.
  const extras = SeededRandom.stream(seed, `${type}:${index}:extras`);
  const classification = DESK_CLASSIFICATION[template.id];
  if (!classification) throw new Error(`template ${template.id} is not filed under a category`);
  const vip = requester.organizationId === VIP_ORGANIZATION;
  const item = type === 'service_request' ? catalogItemOfTemplate(template.id) : undefined;
  const title = fill(localized.title);
  const description = fill(localized.description);
  let opening: TicketOpening;
  if (item && extras.chance(CATALOG_ORDER_SHARE)) {
    opening = {
      via: 'catalog',
      item: item.key,
      body: {
        requesterId: requester.id,
        organizationId: requester.organizationId,
        fields: item.fields({
          random: extras,
          language,
          values,
          reportedAt: new Date(reportedAt),
        }),
        title,
        description,
        channel: 'portal',
      },
    };
  } else {
    const { service, category, customFields } = filing(classification.category, values);
    opening = {
      via: 'tickets',
      service,
      category,
      body: {
        type,
        title,
        description,
        impact,
        urgency,
        channel,
        requesterId: requester.id,
        organizationId: requester.organizationId,
        reportedAt,
        tags: vip ? [...classification.tags, 'vip'] : [...classification.tags],
        ...(customFields ? { customFields } : {}),
      },
    };
  }

  const watchers = new Script();
  if (vip) watchers.watch(HEAD_OF_IT, extras.pick(AGENTS_OF['service-desk']));
  if (!monitoring && extras.chance(COLLEAGUE_WATCH_SHARE)) {
    const colleagues = people.filter(
      (person) => person.organizationId === requester.organizationId && person.id !== requester.id,
    );
    if (colleagues.length > 0) watchers.watch(extras.pick(colleagues).id, requester.id);
  }

  const script = deskSteps(
    {
      type,
      random: SeededRandom.stream(seed, `${type}:${index}:work`),
      language,
      requesterId: requester.id,
      human: !monitoring,
      // An ordered item's fulfilment group is its template's (the spec holds them together).
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
  return {
    ref: `${type}:${index}`,
    template: template.id,
    type,
    language,
    opening,
    steps: [...watchers.steps, ...script.steps],
    finalStatus,
    ageDays,
  };
}

/**
 * The outage under way: a major incident the network team works on, and remote workers'
 * calls about it, young and open, to be linked to it as children.
 */
function majorIncidentDrafts(
  seed: number,
  people: readonly Requester[],
  anchor: Date,
): { major: DraftTicket; children: DraftTicket[] } {
  const random = SeededRandom.stream(seed, 'major-incident');
  const dispatcher = random.pick(AGENTS_OF['service-desk']);
  const engineer = random.pick(AGENTS_OF.network);
  const { service, category } = filing(MAJOR_INCIDENT.category, {});
  const script = new Script();
  for (const watcherId of MAJOR_INCIDENT.watcherIds) script.watch(watcherId, dispatcher);
  script
    .act({
      action: 'assign',
      actorId: dispatcher,
      assignmentGroupId: 'network',
      assigneeId: engineer,
    })
    .act({ action: 'start', actorId: engineer });
  for (const note of MAJOR_INCIDENT.notes) script.note(engineer, note);
  const major: DraftTicket = {
    ref: 'major',
    type: 'incident',
    language: MAJOR_INCIDENT.language,
    opening: {
      via: 'tickets',
      service,
      category,
      body: {
        type: 'incident',
        title: MAJOR_INCIDENT.title,
        description: MAJOR_INCIDENT.description,
        impact: 'high',
        urgency: 'high',
        channel: 'api',
        requesterId: MONITORING_REQUESTER,
        organizationId: 'org-it',
        reportedAt: reportedAtOf(anchor, MAJOR_INCIDENT.hoursAgo / 24),
        tags: [...MAJOR_INCIDENT.tags],
      },
    },
    steps: script.steps,
    finalStatus: 'in_progress',
    ageDays: MAJOR_INCIDENT.hoursAgo / 24,
  };
  const children = MAJOR_INCIDENT_CHILDREN.map((child, index): DraftTicket => {
    const speakers = people.filter((person) => person.language === child.language);
    const requester = random.pick(speakers);
    const steps = new Script();
    if (child.acknowledged) {
      steps
        .act({ action: 'assign', actorId: dispatcher, assignmentGroupId: 'network' })
        .say(dispatcher, KNOWN_OUTAGE_REPLIES[child.language]);
    }
    return {
      ref: `major-child:${index}`,
      type: 'incident',
      language: child.language,
      opening: {
        via: 'tickets',
        service,
        category,
        body: {
          type: 'incident',
          title: child.title,
          description: child.description,
          impact: 'medium',
          urgency: child.urgent ? 'high' : 'medium',
          channel: random.weighted(CHANNEL_WEIGHTS),
          requesterId: requester.id,
          organizationId: requester.organizationId,
          reportedAt: reportedAtOf(anchor, child.hoursAgo / 24),
          tags: ['vpn', 'outage'],
        },
      },
      steps: steps.steps,
      finalStatus: child.acknowledged ? 'assigned' : 'new',
      ageDays: child.hoursAgo / 24,
    };
  });
  return { major, children };
}

function problemDraft(seed: number, index: number, entry: ProblemEntry, anchor: Date): DraftTicket {
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
  const ageDays = ageOf(entry.status, SeededRandom.stream(seed, `problem:${index}:age`));
  // A problem is about the service of the incidents it causes; its category's form is theirs.
  const classification = entry.causes === undefined ? undefined : DESK_CLASSIFICATION[entry.causes];
  return {
    ref: `problem:${index}`,
    type: 'problem',
    language: entry.language,
    opening: {
      via: 'tickets',
      ...(classification ? { service: categoryOf(classification.category).service } : {}),
      body: {
        type: 'problem',
        title: entry.title,
        description: entry.description,
        impact: entry.impact,
        urgency: entry.urgency,
        channel: 'portal',
        requesterId: PROBLEM_MANAGER,
        organizationId: 'org-it',
        reportedAt: reportedAtOf(anchor, ageDays),
      },
    },
    steps: script.steps,
    finalStatus: entry.status,
    ageDays,
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

/** The assignment group an agent works in. */
export function groupOf(agentId: string): AssignmentGroupId {
  const group = ASSIGNMENT_GROUPS.find((candidate) => AGENTS_OF[candidate].includes(agentId));
  if (!group) throw new Error(`${agentId} is in no assignment group`);
  return group;
}

function changeDraft(
  seed: number,
  index: number,
  entry: ChangeEntry,
  now: Date,
  anchor: Date,
): DraftTicket {
  const script = new Script();
  const owner = entry.ownerId;
  // The change manager puts the change in its owner's group queue while it is a draft.
  script.act({
    action: 'assign',
    actorId: CHANGE_MANAGER,
    assignmentGroupId: groupOf(owner),
    assigneeId: owner,
  });
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
  const submit: PlannedTransition = {
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
  const ageDays = ageOf(entry.status, SeededRandom.stream(seed, `change:${index}:age`));
  return {
    ref: `change:${index}`,
    type: 'change',
    language: entry.language,
    opening: {
      via: 'tickets',
      body: {
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
        reportedAt: reportedAtOf(anchor, ageDays),
      },
    },
    steps: script.steps,
    finalStatus: entry.status,
    ageDays,
  };
}

/** How many incidents of each template a problem is linked to as their cause. */
const CAUSED_PER_PROBLEM = 2;

/**
 * Incidents caused by problems: the first incidents (in draft order) of the template a
 * problem causes, not withdrawn ones; the problem manager links them.
 */
function causedByRelations(
  incidents: readonly (DraftTicket & { template: string })[],
  problems: readonly DraftTicket[],
): { source: string; kind: RelationKind; target: string; actorId: string }[] {
  return PROBLEM_ENTRIES.flatMap((entry, index) => {
    const problem = problems[index];
    if (!problem || entry.causes === undefined || entry.status === 'cancelled') return [];
    return incidents
      .filter(
        (incident) => incident.template === entry.causes && incident.finalStatus !== 'cancelled',
      )
      .slice(0, CAUSED_PER_PROBLEM)
      .map((incident) => ({
        source: incident.ref,
        kind: 'caused_by' as const,
        target: problem.ref,
        actorId: PROBLEM_MANAGER,
      }));
  });
}

/**
 * The whole demo: which tickets are opened and what happens to each, how they relate, and the
 * agents' saved views. Given the same anchor it is the same on every run (only changes'
 * planned windows follow `now`). Tickets come in the order a real desk would have opened
 * them, oldest first, so the newest in the list are the open ones.
 */
export function buildSeedPlan(options: SeedPlanOptions): SeedPlan {
  const seed = options.seed ?? DEMO_SEED;
  const { anchor } = options;
  const people = requesters(seed);
  const outage = majorIncidentDrafts(seed, people, anchor);
  const outageSize = 1 + outage.children.length;
  const incidentCount = (options.incidents ?? DEMO_MIX.incidents) - outageSize;
  if (incidentCount < 0) throw new RangeError(`at least ${outageSize} incidents, for the outage`);
  const incidents = Array.from({ length: incidentCount }, (_, index) =>
    deskDraft('incident', seed, index, people, anchor),
  );
  const problems = PROBLEM_ENTRIES.map((entry, index) => problemDraft(seed, index, entry, anchor));
  const drafts: DraftTicket[] = [
    ...incidents,
    outage.major,
    ...outage.children,
    ...Array.from({ length: options.serviceRequests ?? DEMO_MIX.serviceRequests }, (_, index) =>
      deskDraft('service_request', seed, index, people, anchor),
    ),
    ...problems,
    ...CHANGE_ENTRIES.map((entry, index) => changeDraft(seed, index, entry, options.now, anchor)),
  ];
  const ordered = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => b.draft.ageDays - a.draft.ageDays || a.index - b.index)
    .map(({ draft }) => draft);
  const keyOf = new Map(ordered.map((draft, index) => [draft.ref, `demo-${index + 1}`]));
  const key = (ref: string): string => {
    const found = keyOf.get(ref);
    if (!found) throw new Error(`no ticket ${ref}`);
    return found;
  };
  const relations = [
    ...causedByRelations(incidents, problems),
    ...outage.children.map((child) => ({
      source: child.ref,
      kind: 'child_of' as const,
      target: outage.major.ref,
      actorId: 'agent-01',
    })),
  ];
  return {
    tickets: ordered.map((draft) => {
      const idempotencyKey = key(draft.ref);
      let comments = 0;
      return {
        idempotencyKey,
        type: draft.type,
        language: draft.language,
        opening: draft.opening,
        steps: draft.steps.map((step): SeedStep =>
          step.kind === 'comment'
            ? { ...step, idempotencyKey: `${idempotencyKey}-c${++comments}` }
            : step,
        ),
        finalStatus: draft.finalStatus,
      };
    }),
    relations: relations.map(({ source, kind, target, actorId }) => ({
      sourceKey: key(source),
      kind,
      targetKey: key(target),
      actorId,
    })),
    views: SAVED_VIEWS,
  };
}

/** The title a ticket opens with, however it opens. */
export function titleOf(ticket: TicketPlan): string {
  return ticket.opening.body.title ?? '';
}

export type PlanMix = Record<TicketType, Partial<Record<TicketStatus, number>>>;

/** How many tickets of each type end in each state, how they open, and what else is planned. */
export function mixOf(plan: SeedPlan): {
  byType: PlanMix;
  byLanguage: Record<Language, number>;
  orderedFromCatalog: number;
  steps: Record<SeedStep['kind'], number>;
  relations: Partial<Record<RelationKind, number>>;
  views: { shared: number; private: number };
} {
  const byType: PlanMix = { incident: {}, service_request: {}, problem: {}, change: {} };
  const byLanguage: Record<Language, number> = { ru: 0, en: 0 };
  const steps: Record<SeedStep['kind'], number> = {
    transition: 0,
    comment: 0,
    vote: 0,
    watch: 0,
    rate: 0,
  };
  let orderedFromCatalog = 0;
  for (const ticket of plan.tickets) {
    const counts = byType[ticket.type];
    counts[ticket.finalStatus] = (counts[ticket.finalStatus] ?? 0) + 1;
    byLanguage[ticket.language] += 1;
    if (ticket.opening.via === 'catalog') orderedFromCatalog += 1;
    for (const step of ticket.steps) steps[step.kind] += 1;
  }
  const relations: Partial<Record<RelationKind, number>> = {};
  for (const relation of plan.relations) {
    relations[relation.kind] = (relations[relation.kind] ?? 0) + 1;
  }
  const shared = plan.views.filter((view) => view.shared).length;
  return {
    byType,
    byLanguage,
    orderedFromCatalog,
    steps,
    relations,
    views: { shared, private: plan.views.length - shared },
  };
}
