import { checkOwnership, checkView, type SavedView, type ViewInput } from '../../domain/saved-view';
import { actorIdOf, requirePermission, type TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { SavedViewStore } from '../ports/saved-view-store';

/** The caller as a view's owner or viewer, once they may use views at all. */
function viewerOf(caller: TicketCaller, requestedId: string): string {
  requirePermission(caller, 'views.use', 'use saved views');
  return actorIdOf(caller, requestedId);
}

/**
 * Saved views (queues) of agents: each names a list query; the owner keeps it to themself or
 * shares it with every agent. Only the owner changes or deletes it. The caller is the owner
 * (an integration names one), and only who may use views (`views.use`) does; the tickets of a
 * view are listed like any list, within the caller's scope.
 */
export class SavedViewsUseCase {
  constructor(
    private readonly views: SavedViewStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(asked: ViewInput<unknown>, caller: TicketCaller): Promise<SavedView> {
    const input = { ...asked, ownerId: viewerOf(caller, asked.ownerId) };
    const name = checkView(input, await this.views.namesOf(input.ownerId));
    const now = this.clock.now();
    const view: SavedView = {
      id: this.ids.newId(),
      ownerId: input.ownerId,
      name,
      shared: input.shared,
      query: input.query,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.views.insert(view);
    return view;
  }

  visibleTo(ownerId: string, caller: TicketCaller): Promise<SavedView[]> {
    return this.views.visibleTo(viewerOf(caller, ownerId));
  }

  /** A view its viewer may see: shared, or their own (others' private views are not found). */
  async get(id: string, requestedViewerId: string, caller: TicketCaller): Promise<SavedView> {
    const viewerId = viewerOf(caller, requestedViewerId);
    const view = await this.find(id);
    if (!view.shared && view.ownerId !== viewerId) {
      throw new TicketError(TicketErrorCode.NotFound, `view ${id} does not exist`);
    }
    return view;
  }

  private async find(id: string): Promise<SavedView> {
    const view = await this.views.find(id);
    if (!view) throw new TicketError(TicketErrorCode.NotFound, `view ${id} does not exist`);
    return view;
  }

  async update(
    id: string,
    asked: ViewInput<unknown>,
    expectedVersion: number | undefined,
    caller: TicketCaller,
  ): Promise<SavedView> {
    const input = { ...asked, ownerId: viewerOf(caller, asked.ownerId) };
    const current = await this.find(id);
    checkOwnership(current, input.ownerId, expectedVersion);
    const others = (await this.views.namesOf(input.ownerId)).filter(
      (name) => name !== current.name,
    );
    const name = checkView(input, others);
    const view: SavedView = {
      ...current,
      name,
      shared: input.shared,
      query: input.query,
      updatedAt: this.clock.now(),
      version: current.version + 1,
    };
    if (!(await this.views.update(view, current.version))) {
      throw new TicketError(
        TicketErrorCode.VersionConflict,
        `view ${current.name} changed while it was being saved`,
      );
    }
    return view;
  }

  async delete(id: string, requestedOwnerId: string, caller: TicketCaller): Promise<void> {
    const ownerId = viewerOf(caller, requestedOwnerId);
    const view = await this.find(id);
    checkOwnership(view, ownerId, undefined);
    await this.views.delete(id);
  }
}
