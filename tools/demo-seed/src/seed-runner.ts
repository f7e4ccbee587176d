import { assertUnreachable } from '@itsm/lang';
import { type CatalogIds, type CatalogSync, idOf } from './catalog-sync';
import type { ViewEntry } from './catalogue/views.catalogue';
import type {
  CreateTicketBody,
  CreateViewBody,
  TicketState,
  TicketType,
  TransitionBody,
  ViewRecord,
} from './gateway-api';
import { ApiProblemError, type DemoApi, type Opened } from './gateway-client';
import { type GroupDirectory, isGroupKey } from './group-directory';
import type { KnowledgeCounts } from './knowledge-sync';
import {
  type PlannedTransition,
  type SeedPlan,
  type SeedStep,
  type TicketOpening,
  type TicketPlan,
  withinReportWindow,
} from './seed-plan';

export interface SeedSummary {
  tickets: number;
  /** Opened by this run. */
  created: number;
  /** Opened by an earlier run (the create was a replay): their steps were skipped. */
  alreadySeeded: number;
  createdByType: Record<TicketType, number>;
  /** Of the service requests this run opened, those ordered from a catalog item. */
  orderedFromCatalog: number;
  /** Opened without their reported time, which had fallen out of the API's window. */
  notBackdated: number;
  transitions: number;
  comments: number;
  votes: number;
  watchers: number;
  ratings: number;
  relations: number;
  /** `repaired`: views an earlier run saved with a group's key, now filtering on its id. */
  views: { total: number; created: number; repaired: number };
}

export interface RunOptions {
  /** Tickets worked on at once; the steps of one ticket always run in order. */
  concurrency: number;
  /** Where the demo's catalog entries are in the platform (syncCatalog). */
  catalog: CatalogIds;
  /** Routing's ids of the demo's groups (syncSupportGroups). */
  groups: GroupDirectory;
  /** When the run takes place: whether a reported time is still in the API's window. */
  now: Date;
}

const REUSED_KEY_TYPE = '/problems/idempotency-key-reused';
/** How often a transition refused for a stale version is tried again on the ticket as it is. */
const STALE_VERSION_RETRIES = 2;

/**
 * Runs `work` for every item with at most `limit` at once. After the first failure no new
 * item starts; the ones under way finish, then the first failure is thrown.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`bad concurrency ${limit}`);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}

function describeStep(step: SeedStep): string {
  switch (step.kind) {
    case 'transition':
      return `transition ${step.body.action} by ${step.body.actorId}`;
    case 'comment':
      return `${step.body.visibility} comment by ${step.body.authorId}`;
    case 'vote':
      return `vote ${step.body.decision} by ${step.body.approverId}`;
    case 'watch':
      return `watcher ${step.watcherId} added by ${step.actorId}`;
    case 'rate':
      return `rating ${step.body.rating} by ${step.body.requesterId}`;
    default:
      return assertUnreachable(step, 'step');
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The request body of a planned ticket, with the catalog's ids put in. */
export function ticketBody(
  opening: Extract<TicketOpening, { via: 'tickets' }>,
  catalog: CatalogIds,
): CreateTicketBody {
  return {
    ...opening.body,
    ...(opening.service === undefined
      ? {}
      : { serviceId: idOf(catalog.services, opening.service, 'service') }),
    ...(opening.category === undefined
      ? {}
      : { categoryId: idOf(catalog.categories, opening.category, 'category') }),
  };
}

/** The request body of a planned transition, with routing's id for its group. */
export function transitionBody(planned: PlannedTransition, groups: GroupDirectory): TransitionBody {
  const { assignmentGroupId, ...body } = planned;
  return assignmentGroupId === undefined
    ? body
    : { ...body, assignmentGroupId: groups.idOf(assignmentGroupId) };
}

/** The request body of a planned view, with routing's id for the group it filters on. */
export function viewBody(view: ViewEntry, groups: GroupDirectory): CreateViewBody {
  const { assignmentGroupId, ...filters } = view.filters;
  return {
    ...view,
    filters:
      assignmentGroupId === undefined
        ? filters
        : { ...filters, assignmentGroupId: groups.idOf(assignmentGroupId) },
  };
}

/**
 * Opens a ticket, or replays its opening. The reported time is the anchor's, the same on
 * every run; replays do not check it against the 30-day window, new tickets do. So when it
 * lies beyond the window (the demo was set up long ago) and the API refuses it, the ticket
 * is opened without it: a new ticket (400) then opens as of now, and one opened that way by
 * an earlier run (422: its first request had no reported time) is replayed.
 */
async function openTicket(
  ticket: TicketPlan,
  api: DemoApi,
  options: RunOptions,
): Promise<Opened & { backdated: boolean }> {
  const { opening, idempotencyKey } = ticket;
  if (opening.via === 'catalog') {
    const itemId = idOf(options.catalog.items, opening.item, 'catalog item');
    return {
      ...(await api.requestCatalogItem(itemId, idempotencyKey, opening.body)),
      backdated: false,
    };
  }
  const body = ticketBody(opening, options.catalog);
  const { reportedAt, ...undated } = body;
  try {
    return { ...(await api.createTicket(idempotencyKey, body)), backdated: true };
  } catch (error) {
    const outOfWindow = reportedAt !== undefined && !withinReportWindow(reportedAt, options.now);
    const refused =
      error instanceof ApiProblemError && (error.status === 400 || error.status === 422);
    if (!outOfWindow || !refused) throw error;
    return { ...(await api.createTicket(idempotencyKey, undated)), backdated: false };
  }
}

/**
 * Seeds the plan through the API: opens the tickets and takes their steps, relates them, and
 * saves the agents' views. A ticket whose creation is replayed was seeded by an earlier run
 * and is left as it is (somebody may have worked on it since), relations from it included.
 * Any error answer stops the run with what the API said; so does a ticket that does not end
 * where planned.
 */
export async function runSeedPlan(
  plan: SeedPlan,
  api: DemoApi,
  options: RunOptions,
): Promise<SeedSummary> {
  const summary: SeedSummary = {
    tickets: plan.tickets.length,
    created: 0,
    alreadySeeded: 0,
    createdByType: { incident: 0, service_request: 0, problem: 0, change: 0 },
    orderedFromCatalog: 0,
    notBackdated: 0,
    transitions: 0,
    comments: 0,
    votes: 0,
    watchers: 0,
    ratings: 0,
    relations: 0,
    views: { total: plan.views.length, created: 0, repaired: 0 },
  };
  /** Tickets by idempotency key: their ids, and whether this run opened them. */
  const opened = new Map<string, { id: string; created: boolean }>();

  const seedTicket = async (ticket: TicketPlan): Promise<void> => {
    let answer: Opened & { backdated: boolean };
    try {
      answer = await openTicket(ticket, api, options);
    } catch (error) {
      const hint =
        error instanceof ApiProblemError && error.problemType === REUSED_KEY_TYPE
          ? ' (the demo catalogue changed since this database was seeded: seed a fresh database)'
          : '';
      throw new Error(`${ticket.idempotencyKey}: opening failed: ${messageOf(error)}${hint}`);
    }
    opened.set(ticket.idempotencyKey, { id: answer.ticket.id, created: !answer.replayed });
    if (answer.replayed) {
      summary.alreadySeeded += 1;
      return;
    }
    summary.created += 1;
    summary.createdByType[ticket.type] += 1;
    if (ticket.opening.via === 'catalog') summary.orderedFromCatalog += 1;
    if (!answer.backdated && ticket.opening.via === 'tickets') summary.notBackdated += 1;

    let state: TicketState = answer.ticket;
    for (const [index, step] of ticket.steps.entries()) {
      try {
        state = await takeStep(state, step, api, summary, options.groups);
      } catch (error) {
        throw new Error(
          `${ticket.idempotencyKey} (${state.number}, ${state.status}) step ${index + 1} of ` +
            `${ticket.steps.length}, ${describeStep(step)}: ${messageOf(error)}`,
        );
      }
    }
    if (state.status !== ticket.finalStatus) {
      throw new Error(
        `${ticket.idempotencyKey} (${state.number}) ended ${state.status}; the plan says ${ticket.finalStatus}`,
      );
    }
  };
  await forEachLimited(plan.tickets, options.concurrency, seedTicket);

  // Both ends must be open first; a relation belongs to the run that opened its source.
  const relations = plan.relations.filter(
    (relation) => opened.get(relation.sourceKey)?.created === true,
  );
  await forEachLimited(relations, options.concurrency, async (relation) => {
    const source = opened.get(relation.sourceKey);
    const target = opened.get(relation.targetKey);
    if (!source || !target) {
      throw new Error(`${relation.sourceKey} ${relation.kind} ${relation.targetKey}: not opened`);
    }
    try {
      const { created } = await api.relate(source.id, {
        kind: relation.kind,
        targetId: target.id,
        actorId: relation.actorId,
      });
      if (created) summary.relations += 1;
    } catch (error) {
      throw new Error(
        `${relation.sourceKey} ${relation.kind} ${relation.targetKey}: ${messageOf(error)}`,
      );
    }
  });

  summary.views = await saveViews(plan, api, options.groups);
  return summary;
}

/**
 * Takes a transition. A request ordered from the catalog opens in its item's fulfilment group,
 * and routing, hearing of a new ticket in a group it manages, puts it in that group's queue as
 * the routing actor: when that lands before the seeder's next transition, the transition is
 * refused for the version it carries (412). It is then sent again with the ticket's version as
 * it is now; whether it may be taken from there is the API's to say, as with any transition.
 */
async function transition(
  state: TicketState,
  body: TransitionBody,
  api: DemoApi,
): Promise<TicketState> {
  let version = state.version;
  for (let retry = 0; ; retry += 1) {
    try {
      return await api.transition(state.id, version, body);
    } catch (error) {
      const stale = error instanceof ApiProblemError && error.status === 412;
      if (!stale || retry >= STALE_VERSION_RETRIES) throw error;
      version = (await api.getTicket(state.id)).version;
    }
  }
}

/** One step of a ticket; answers the ticket as it is after the step. */
async function takeStep(
  state: TicketState,
  step: SeedStep,
  api: DemoApi,
  summary: SeedSummary,
  groups: GroupDirectory,
): Promise<TicketState> {
  switch (step.kind) {
    case 'transition': {
      const next = await transition(state, transitionBody(step.body, groups), api);
      summary.transitions += 1;
      return next;
    }
    case 'comment': {
      const answer = await api.comment(state.id, step.idempotencyKey, step.body);
      if (!answer.replayed) summary.comments += 1;
      return answer.version === undefined ? state : { ...state, version: answer.version };
    }
    case 'vote': {
      const next = await api.vote(state.id, step.body);
      summary.votes += 1;
      return next;
    }
    case 'watch': {
      const next = await api.watch(state.id, step.watcherId, step.actorId);
      summary.watchers += 1;
      return next;
    }
    case 'rate': {
      const next = await api.rate(state.id, step.body);
      summary.ratings += 1;
      return next;
    }
    default:
      return assertUnreachable(step, 'step');
  }
}

/**
 * Saves the views no agent has yet: an owner's names are unique whatever the case, so a view
 * the owner keeps under the name already is left as it is, but for one thing: a view an earlier
 * run saved filtering on a group's key, which matches no ticket, is made to filter on the
 * group's id. Answers how many views were created and repaired.
 */
async function saveViews(
  plan: SeedPlan,
  api: DemoApi,
  groups: GroupDirectory,
): Promise<SeedSummary['views']> {
  const counts = { total: plan.views.length, created: 0, repaired: 0 };
  const owners = [...new Set(plan.views.map((view) => view.ownerId))];
  for (const ownerId of owners) {
    const existing = (await api.listViews(ownerId)).filter((view) => view.ownerId === ownerId);
    for (const view of plan.views.filter((candidate) => candidate.ownerId === ownerId)) {
      const name = view.name.trim().toLowerCase();
      const known = existing.find((candidate) => candidate.name.trim().toLowerCase() === name);
      try {
        if (known === undefined) {
          await api.createView(viewBody(view, groups));
          counts.created += 1;
        } else if (await repairView(known, api, groups)) {
          counts.repaired += 1;
        }
      } catch (error) {
        throw new Error(`view "${view.name}" of ${ownerId}: ${messageOf(error)}`);
      }
    }
  }
  return counts;
}

/** Puts the group's id into a view that filters on its key; answers whether it did. */
async function repairView(
  view: ViewRecord,
  api: DemoApi,
  groups: GroupDirectory,
): Promise<boolean> {
  const key = view.filters.assignmentGroupId;
  if (!isGroupKey(key)) return false;
  await api.updateView(view.id, view.version, {
    ownerId: view.ownerId,
    name: view.name,
    shared: view.shared,
    filters: { ...view.filters, assignmentGroupId: groups.idOf(key) },
  });
  return true;
}

type CatalogCounts = CatalogSync['counts'];

/**
 * "demo: catalog 6 services, 21 categories, 13 items (40 new); 400 tickets (400 created, 0
 * already there) — …; 5 views (5 new); knowledge 5 categories (5 new), 18 articles (18
 * created, 18 published) in 12.3 s"
 */
export function formatSummary(
  catalog: CatalogCounts,
  summary: SeedSummary,
  knowledge: KnowledgeCounts,
  elapsedMs: number,
): string {
  const catalogNew = catalog.services.created + catalog.categories.created + catalog.items.created;
  const byType = summary.createdByType;
  const created =
    summary.created === 0
      ? ''
      : ` — ${byType.incident} incidents, ${byType.service_request} service requests ` +
        `(${summary.orderedFromCatalog} ordered from the catalog), ` +
        `${byType.problem} problems, ${byType.change} changes`;
  const undated =
    summary.notBackdated === 0
      ? ''
      : `, ${summary.notBackdated} opened as of now (too old to backdate)`;
  return (
    `demo: catalog ${catalog.services.total} services, ${catalog.categories.total} categories, ` +
    `${catalog.items.total} items (${catalogNew} new); ` +
    `${summary.tickets} tickets (${summary.created} created, ${summary.alreadySeeded} already there)` +
    `${created}${undated}; ${summary.comments} comments, ${summary.transitions} transitions, ` +
    `${summary.votes} approval votes, ${summary.watchers} watchers, ${summary.ratings} ratings, ` +
    `${summary.relations} relations; ${summary.views.total} views (${summary.views.created} new` +
    `${summary.views.repaired === 0 ? '' : `, ${summary.views.repaired} repaired`}); ` +
    `knowledge ${knowledge.categories.total} categories (${knowledge.categories.created} new), ` +
    `${knowledge.articles.total} articles (${knowledge.articles.created} created, ` +
    `${knowledge.articles.published} published) in ${(elapsedMs / 1000).toFixed(1)} s`
  );
}
