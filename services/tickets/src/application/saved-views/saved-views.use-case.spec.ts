import { SYSTEM_CALLER } from '../testing/test-callers';
import type { SavedView } from '../../domain/saved-view';
import { TicketErrorCode } from '../../domain/ticket-error';
import type { SavedViewStore } from '../ports/saved-view-store';
import { sequentialIds, steppingClock } from '../testing/in-memory-ticket-store';
import { SavedViewsUseCase } from './saved-views.use-case';

class InMemorySavedViews implements SavedViewStore {
  rows: SavedView[] = [];
  async insert(view: SavedView) {
    this.rows.push(view);
  }
  async update(view: SavedView, previousVersion: number) {
    const index = this.rows.findIndex(
      (row) => row.id === view.id && row.version === previousVersion,
    );
    if (index < 0) return false;
    this.rows[index] = view;
    return true;
  }
  async delete(id: string) {
    this.rows = this.rows.filter((row) => row.id !== id);
  }
  async find(id: string) {
    return this.rows.find((row) => row.id === id);
  }
  async visibleTo(ownerId: string) {
    return this.rows
      .filter((row) => row.ownerId === ownerId || row.shared)
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  async namesOf(ownerId: string) {
    return this.rows.filter((row) => row.ownerId === ownerId).map((row) => row.name);
  }
}

function setup() {
  const store = new InMemorySavedViews();
  const views = new SavedViewsUseCase(
    store,
    steppingClock(new Date('2026-11-27T09:00:00Z')),
    sequentialIds(),
  );
  return { store, views };
}

const myOpenCriticals = { status: 'TICKET_STATUS_IN_PROGRESS', priority: 'PRIORITY_CRITICAL' };

describe('saved views', () => {
  it('shows an agent their own views and the shared ones', async () => {
    const { views } = setup();
    await views.create(
      {
        ownerId: 'agent-1',
        name: 'My criticals',
        shared: false,
        query: myOpenCriticals,
      },
      SYSTEM_CALLER,
    );
    await views.create(
      { ownerId: 'lead-1', name: 'Network queue', shared: true, query: {} },
      SYSTEM_CALLER,
    );
    await views.create(
      { ownerId: 'lead-1', name: 'Lead only', shared: false, query: {} },
      SYSTEM_CALLER,
    );
    expect((await views.visibleTo('agent-1', SYSTEM_CALLER)).map((view) => view.name)).toEqual([
      'My criticals',
      'Network queue',
    ]);
  });

  it('refuses a second view of the same name for one owner', async () => {
    const { views } = setup();
    await views.create(
      { ownerId: 'agent-1', name: 'Mine', shared: false, query: {} },
      SYSTEM_CALLER,
    );
    await expect(
      views.create({ ownerId: 'agent-1', name: ' mine ', shared: false, query: {} }, SYSTEM_CALLER),
    ).rejects.toMatchObject({ code: TicketErrorCode.ValidationFailed });
    await expect(
      views.create({ ownerId: 'agent-2', name: 'Mine', shared: false, query: {} }, SYSTEM_CALLER),
    ).resolves.toMatchObject({ ownerId: 'agent-2' });
  });

  it('lets only the owner change a view, at the version they saw', async () => {
    const { views } = setup();
    const view = await views.create(
      { ownerId: 'lead-1', name: 'Queue', shared: true, query: {} },
      SYSTEM_CALLER,
    );
    const input = { ownerId: 'lead-1', name: 'Queue', shared: false, query: myOpenCriticals };
    await expect(
      views.update(view.id, { ...input, ownerId: 'agent-1' }, 1, SYSTEM_CALLER),
    ).rejects.toMatchObject({
      code: TicketErrorCode.NotPermitted,
    });
    const updated = await views.update(view.id, input, 1, SYSTEM_CALLER);
    expect(updated).toMatchObject({ shared: false, version: 2, query: myOpenCriticals });
    await expect(views.update(view.id, input, 1, SYSTEM_CALLER)).rejects.toMatchObject({
      code: TicketErrorCode.VersionConflict,
    });
    await expect(views.delete(view.id, 'agent-1', SYSTEM_CALLER)).rejects.toMatchObject({
      code: TicketErrorCode.NotPermitted,
    });
    await views.delete(view.id, 'lead-1', SYSTEM_CALLER);
    await expect(views.get(view.id, 'lead-1', SYSTEM_CALLER)).rejects.toMatchObject({
      code: TicketErrorCode.NotFound,
    });
  });

  it('finds a private view only for its owner', async () => {
    const { views } = setup();
    const mine = await views.create(
      { ownerId: 'agent-1', name: 'Mine', shared: false, query: {} },
      SYSTEM_CALLER,
    );
    await expect(views.get(mine.id, 'agent-1', SYSTEM_CALLER)).resolves.toMatchObject({
      name: 'Mine',
    });
    await expect(views.get(mine.id, 'agent-2', SYSTEM_CALLER)).rejects.toMatchObject({
      code: TicketErrorCode.NotFound,
    });
  });
});
