import { DEMO_CMDB, type DemoCmdb } from './catalogue/cmdb.catalogue';
import { formatCmdbSummary, syncCmdb } from './cmdb-sync';
import type {
  AssetActionBody,
  AssetRecord,
  AssetState,
  ConfigurationItemFilter,
  ConfigurationItemRecord,
  CreateConfigurationItemBody,
  CreateLocationBody,
  CreateRelationshipBody,
  LicenceComplianceRecord,
  LocationRecord,
  TicketFilter,
  TicketRecord,
  TicketStatus,
  UpdateTicketBody,
} from './gateway-api';
import { ApiProblemError, type CmdbApi, type TicketEditApi } from './gateway-client';
import { expectRoutingGroups, GROUP_IDS, GROUPS } from './testing/groups.fixture';

function problem(status: number, what = 'refused'): ApiProblemError {
  return new ApiProblemError(status, undefined, `${status}: ${what}`);
}

interface StoredItem extends ConfigurationItemRecord {
  body: CreateConfigurationItemBody;
}

interface StoredTicket extends TicketRecord {
  /** What the search looks in besides the title. */
  description: string;
}

/**
 * The CMDB's and the tickets' endpoints in memory, refusing as they do: taken location names and
 * external ids (409), stale versions (412), asset actions the state does not allow (409). A
 * support group named by anything but routing's id is refused too: the CMDB would keep it, and it
 * would name no group an agent is in.
 */
class FakeApi implements CmdbApi, TicketEditApi {
  readonly calls: string[] = [];
  readonly locations: (LocationRecord & CreateLocationBody)[] = [];
  readonly items: StoredItem[] = [];
  readonly idempotencyKeys = new Map<string, StoredItem>();
  readonly relationships: CreateRelationshipBody[] = [];
  readonly actions: (AssetActionBody & { externalId: string | null })[] = [];
  readonly tickets: StoredTicket[] = [];
  readonly edits: (UpdateTicketBody & { number: string })[] = [];
  /** Answers every call with this status, as a gateway without the CMDB does. */
  unavailable: number | undefined;
  /** Answers calls whose description starts so with 503. */
  downFrom: string | undefined;

  private answer(call: string): void {
    this.calls.push(call);
    if (this.unavailable !== undefined) throw problem(this.unavailable);
    if (this.downFrom !== undefined && call.startsWith(this.downFrom)) throw problem(503);
  }

  private externalIdOf(id: string): string {
    const item = this.items.find((candidate) => candidate.id === id);
    if (!item) throw problem(404, `no item ${id}`);
    return item.externalId ?? id;
  }

  /** An item somebody recorded before the seeder ran, in the given asset state. */
  recorded(
    body: CreateConfigurationItemBody,
    asset?: Partial<AssetRecord> & { state: AssetState },
  ): StoredItem {
    const item: StoredItem = {
      id: `ci-${this.items.length + 1}`,
      type: body.type,
      name: body.name,
      externalId: body.externalId ?? null,
      asset: asset ? { holderId: null, locationId: null, ...asset } : null,
      version: 1,
      body,
    };
    this.items.push(item);
    return item;
  }

  ticket(
    number: string,
    title: string,
    status: TicketStatus,
    extra: { description?: string; configurationItemIds?: string[] } = {},
  ): void {
    this.tickets.push({
      id: `t-${number}`,
      number,
      type: 'incident',
      title,
      status,
      version: 3,
      configurationItemIds: extra.configurationItemIds ?? [],
      description: extra.description ?? '',
    });
  }

  async listLocations(): Promise<LocationRecord[]> {
    this.answer('list locations');
    return this.locations.map(({ id, name, kind }) => ({ id, name, kind }));
  }

  async createLocation(body: CreateLocationBody): Promise<LocationRecord> {
    this.answer(`location ${body.name}`);
    if (this.locations.some((known) => known.name.toLowerCase() === body.name.toLowerCase())) {
      throw problem(409);
    }
    const location = { id: `loc-${this.locations.length + 1}`, ...body };
    this.locations.push(location);
    return { id: location.id, name: location.name, kind: location.kind };
  }

  async listConfigurationItems(
    filter: ConfigurationItemFilter,
  ): Promise<ConfigurationItemRecord[]> {
    this.answer(`list items ${filter.type} ~${filter.q ?? ''}`);
    const q = filter.q?.toLowerCase() ?? '';
    return this.items
      .filter(
        (item) =>
          item.type === filter.type &&
          `${item.name} ${item.externalId ?? ''}`.toLowerCase().includes(q),
      )
      .map(({ body: _body, asset, ...item }) => ({ ...item, asset: asset && { ...asset } }));
  }

  async createConfigurationItem(
    idempotencyKey: string,
    body: CreateConfigurationItemBody,
  ): Promise<ConfigurationItemRecord> {
    this.answer(`item ${body.externalId}`);
    expectRoutingGroups(body);
    const earlier = this.idempotencyKeys.get(idempotencyKey);
    if (earlier) return { ...earlier };
    const taken = (item: StoredItem) =>
      (item.type === body.type && item.externalId === body.externalId) ||
      (body.asset?.inventoryNumber !== undefined &&
        item.body.asset?.inventoryNumber === body.asset.inventoryNumber);
    if (this.items.some(taken)) throw problem(409);
    const asset = body.asset && {
      state: body.asset.state ?? 'in_stock',
      locationId: body.asset.locationId ?? null,
    };
    const item = this.recorded(body, asset);
    this.idempotencyKeys.set(idempotencyKey, item);
    return { ...item };
  }

  async changeAsset(
    itemId: string,
    version: number,
    body: AssetActionBody,
  ): Promise<ConfigurationItemRecord> {
    this.answer(`${body.action} ${this.externalIdOf(itemId)} if-match ${version}`);
    const item = this.items.find((candidate) => candidate.id === itemId);
    if (!item?.asset) throw problem(404);
    if (version !== item.version) throw problem(412);
    const state = item.asset.state;
    const allowed = (...states: AssetState[]) => {
      if (!states.includes(state)) throw problem(409, `cannot ${body.action} an asset ${state}`);
    };
    switch (body.action) {
      case 'receive':
        allowed('ordered');
        if (!body.locationId) throw problem(400, 'receive needs a location');
        item.asset = { state: 'in_stock', holderId: null, locationId: body.locationId };
        break;
      case 'assign':
        allowed('in_stock', 'in_use');
        if (!body.holderId) throw problem(400, 'assign needs a holder');
        item.asset = {
          state: 'in_use',
          holderId: body.holderId,
          locationId: body.locationId ?? item.asset.locationId,
        };
        break;
      case 'send_to_repair':
        allowed('in_stock', 'in_use');
        item.asset = { ...item.asset, state: 'in_repair', holderId: null };
        break;
      case 'return':
      case 'move':
      case 'back_from_repair':
      case 'retire':
      case 'dispose':
        throw new Error(`the sync does not ${body.action}`);
    }
    item.version += 1;
    this.actions.push({ ...body, externalId: item.externalId });
    const { body: _body, ...record } = item;
    return { ...record, asset: { ...item.asset } };
  }

  async relateItems(body: CreateRelationshipBody): Promise<{ created: boolean }> {
    const source = this.externalIdOf(body.sourceId);
    const target = this.externalIdOf(body.targetId);
    this.answer(`relate ${source} ${body.type} ${target}`);
    const same = (known: CreateRelationshipBody) =>
      known.sourceId === body.sourceId &&
      known.targetId === body.targetId &&
      known.type === body.type;
    if (this.relationships.some(same)) return { created: false };
    this.relationships.push(body);
    return { created: true };
  }

  async licenceCompliance(): Promise<LicenceComplianceRecord[]> {
    this.answer('licence compliance');
    return this.items
      .filter((item) => item.type === 'software_licence')
      .map((licence) => {
        const seats = licence.body.asset?.seats ?? 0;
        const assigned = this.relationships.filter(
          (relationship) =>
            relationship.type === 'uses_licence' && relationship.targetId === licence.id,
        ).length;
        return {
          licenceId: licence.id,
          name: licence.name,
          seats,
          assigned,
          compliant: assigned <= seats,
        };
      });
  }

  async listTickets(filter: TicketFilter): Promise<TicketRecord[]> {
    this.answer(`tickets ${filter.type ?? ''} ${filter.q ?? ''}`);
    const q = filter.q?.toLowerCase() ?? '';
    return this.tickets
      .filter(
        (ticket) =>
          (filter.type === undefined || ticket.type === filter.type) &&
          (filter.status === undefined || ticket.status === filter.status) &&
          `${ticket.title} ${ticket.description}`.toLowerCase().includes(q),
      )
      .sort((a, b) => b.number.localeCompare(a.number))
      .map(({ description: _description, configurationItemIds, ...ticket }) => ({
        ...ticket,
        configurationItemIds: [...configurationItemIds],
      }));
  }

  async updateTicket(
    ticketId: string,
    version: number,
    body: UpdateTicketBody,
  ): Promise<TicketRecord> {
    const ticket = this.tickets.find((candidate) => candidate.id === ticketId);
    if (!ticket) throw problem(404);
    this.answer(`link ${ticket.number} if-match ${version}`);
    if (version !== ticket.version) throw problem(412);
    ticket.configurationItemIds = body.configurationItemIds ?? ticket.configurationItemIds;
    ticket.version += 1;
    this.edits.push({ ...body, number: ticket.number });
    const { description: _description, ...record } = ticket;
    return { ...record };
  }

  idOf(externalId: string): string {
    const item = this.items.find((candidate) => candidate.externalId === externalId);
    if (!item) throw new Error(`no item ${externalId}`);
    return item.id;
  }

  assetOf(externalId: string): AssetRecord | null {
    return this.items.find((candidate) => candidate.externalId === externalId)?.asset ?? null;
  }
}

const desk = { ownerId: 'agent-01', supportGroup: 'service-desk' as const };
const workplace = { ownerId: 'agent-10', supportGroup: 'workplace' as const };

/** Two locations, a service on its application, one licence of one seat and three laptops. */
const SMALL: DemoCmdb = {
  locations: [
    { key: 'warehouse', name: 'IT warehouse', kind: 'warehouse', address: 'basement' },
    { key: 'office', name: 'Moscow office', kind: 'office', address: '7 Tverskaya St' },
  ],
  infrastructure: [
    {
      externalId: 'demo-service-mail',
      type: 'business_service',
      name: 'Mail & calendar',
      attributes: { criticality: 'critical' },
      ...desk,
    },
    {
      externalId: 'demo-app-exchange',
      type: 'application',
      name: 'Exchange',
      attributes: { vendor: 'Microsoft', version: '2019' },
      ...desk,
      location: 'office',
    },
  ],
  licences: [
    {
      externalId: 'demo-licence-m365',
      type: 'software_licence',
      name: 'Microsoft 365 E3',
      attributes: { vendor: 'Microsoft', product: 'Microsoft 365 E3' },
      seats: 1,
      contractEnd: '2026-12-31',
      ...desk,
    },
  ],
  laptops: [
    {
      externalId: 'demo-laptop-101',
      type: 'laptop',
      name: 'MSK-LT-101',
      attributes: { model: 'ThinkPad T14' },
      ...workplace,
      inventoryNumber: 'INV-000101',
      serialNumber: 'PF4T000101',
      warrantyEnd: '2027-03-31',
      target: { state: 'in_use', holderId: 'emp-1001' },
      licences: ['demo-licence-m365'],
    },
    {
      externalId: 'demo-laptop-102',
      type: 'laptop',
      name: 'MSK-LT-102',
      attributes: { model: 'ThinkPad T14' },
      ...workplace,
      inventoryNumber: 'INV-000102',
      serialNumber: 'PF4T000102',
      warrantyEnd: '2027-03-31',
      target: { state: 'in_stock' },
      licences: ['demo-licence-m365'],
    },
    {
      externalId: 'demo-laptop-103',
      type: 'laptop',
      name: 'MSK-LT-103',
      attributes: { model: 'ThinkPad T14' },
      ...workplace,
      inventoryNumber: 'INV-000103',
      serialNumber: 'PF4T000103',
      warrantyEnd: '2027-03-31',
      target: { state: 'in_repair', reason: 'spilled tea' },
      licences: [],
    },
  ],
  relationships: [
    { source: 'demo-service-mail', type: 'depends_on', target: 'demo-app-exchange' },
    // Two laptops on one seat: over-deployed.
    { source: 'demo-laptop-101', type: 'uses_licence', target: 'demo-licence-m365' },
    { source: 'demo-laptop-102', type: 'uses_licence', target: 'demo-licence-m365' },
  ],
  laptopStock: 'warehouse',
  laptopDesk: 'office',
  incidentLinks: [
    { item: 'demo-app-exchange', queries: ['Outlook', 'почта'], title: /outlook|почта/i, limit: 1 },
  ],
  actorId: 'agent-10',
};

/** The demo's open and settled incidents about VPN, 1С, mail and printers, and one about none. */
function demoIncidents(api: FakeApi): void {
  api.ticket('INC-000010', 'Не подключается VPN из дома', 'new');
  api.ticket('INC-000011', 'VPN drops every 10-15 minutes', 'in_progress');
  api.ticket('INC-000012', 'VPN does not connect from home', 'resolved');
  api.ticket('INC-000013', 'Не подключается VPN из дома', 'pending', {
    configurationItemIds: ['ci-somebody-named'],
  });
  api.ticket('INC-000014', 'VPN отключается каждые 10–15 минут', 'assigned');
  api.ticket('INC-000020', 'Ошибка при проведении документа в 1С', 'new');
  api.ticket('INC-000021', '1C Accounting is extremely slow', 'assigned');
  api.ticket('INC-000022', 'Очень медленно работает 1С: Бухгалтерия', 'closed');
  api.ticket('INC-000023', 'Срочно: нет доступа к 1С из дома', 'new');
  api.ticket('INC-000030', 'Не работает сканирование в почту на МФУ PRN-2-01', 'new', {
    description: 'Сканы не приходят, хотя почта у остальных работает.',
  });
  api.ticket('INC-000031', 'Outlook hangs on start-up', 'in_progress');
  api.ticket('INC-000032', 'Suspicious email with an attachment', 'new');
  api.ticket('INC-000040', 'Printer PRN-3-05 on floor 3 is not printing', 'new');
  api.ticket('INC-000050', 'Account locked out', 'new', { description: 'after the VPN prompt' });
  api.ticket(
    'INC-000060',
    'Массовый сбой: VPN-шлюз ci-vpn-gw-01 не пропускает удалённых сотрудников',
    'in_progress',
  );
}

const isWrite = (call: string) => !/^(list |licence compliance|tickets )/.test(call);

describe('syncCmdb', () => {
  it('records the whole configuration on an empty CMDB, each laptop through its lifecycle', async () => {
    const api = new FakeApi();
    api.ticket('INC-000031', 'Outlook hangs on start-up', 'in_progress');
    const sync = await syncCmdb(SMALL, GROUPS, api);
    expect(api.calls).toEqual([
      'list locations',
      'location IT warehouse',
      'location Moscow office',
      'list items business_service ~demo-',
      'list items application ~demo-',
      'list items software_licence ~demo-',
      'list items laptop ~demo-',
      'item demo-service-mail',
      'item demo-app-exchange',
      'item demo-licence-m365',
      'item demo-laptop-101',
      'receive demo-laptop-101 if-match 1',
      'assign demo-laptop-101 if-match 2',
      'item demo-laptop-102',
      'receive demo-laptop-102 if-match 1',
      'item demo-laptop-103',
      'receive demo-laptop-103 if-match 1',
      'send_to_repair demo-laptop-103 if-match 2',
      'relate demo-service-mail depends_on demo-app-exchange',
      'relate demo-laptop-101 uses_licence demo-licence-m365',
      'relate demo-laptop-102 uses_licence demo-licence-m365',
      'licence compliance',
      'tickets incident Outlook',
      'tickets incident почта',
      'link INC-000031 if-match 3',
    ]);
    expect(api.items.map((item) => item.body)).toEqual([
      {
        type: 'business_service',
        name: 'Mail & calendar',
        externalId: 'demo-service-mail',
        attributes: { criticality: 'critical' },
        ownerId: 'agent-01',
        supportGroupId: GROUP_IDS['service-desk'],
        actorId: 'agent-10',
      },
      expect.objectContaining({ externalId: 'demo-app-exchange', locationId: 'loc-2' }),
      expect.objectContaining({
        externalId: 'demo-licence-m365',
        asset: { seats: 1, contractEnd: '2026-12-31' },
      }),
      expect.objectContaining({
        externalId: 'demo-laptop-101',
        asset: {
          state: 'ordered',
          inventoryNumber: 'INV-000101',
          serialNumber: 'PF4T000101',
          warrantyEnd: '2027-03-31',
        },
      }),
      expect.objectContaining({ externalId: 'demo-laptop-102' }),
      expect.objectContaining({ externalId: 'demo-laptop-103' }),
    ]);
    expect(api.actions.slice(0, 2)).toEqual([
      {
        externalId: 'demo-laptop-101',
        action: 'receive',
        locationId: 'loc-1',
        reason: expect.any(String),
        actorId: 'agent-10',
      },
      {
        externalId: 'demo-laptop-101',
        action: 'assign',
        holderId: 'emp-1001',
        locationId: 'loc-2',
        reason: expect.any(String),
        actorId: 'agent-10',
      },
    ]);
    expect(api.assetOf('demo-laptop-101')).toEqual({
      state: 'in_use',
      holderId: 'emp-1001',
      locationId: 'loc-2',
    });
    expect(api.assetOf('demo-laptop-102')).toEqual({
      state: 'in_stock',
      holderId: null,
      locationId: 'loc-1',
    });
    expect(api.assetOf('demo-laptop-103')?.state).toBe('in_repair');
    expect(api.edits).toEqual([
      {
        number: 'INC-000031',
        configurationItemIds: [api.idOf('demo-app-exchange')],
        actorId: 'agent-10',
      },
    ]);
    expect(sync).toEqual({
      status: 'synced',
      counts: {
        locations: { total: 2, created: 2 },
        items: { total: 6, created: 6 },
        relationships: { total: 3, created: 3 },
        laptops: { total: 3, assigned: 1, lifecycleSteps: 5 },
        licences: { total: 1, overDeployed: 1 },
        incidents: { linked: 1, created: 1 },
      },
    });
  });

  it('creates nothing the second time, the demo CMDB included', async () => {
    const api = new FakeApi();
    demoIncidents(api);
    const first = await syncCmdb(DEMO_CMDB, GROUPS, api);
    expect(first).toEqual({
      status: 'synced',
      counts: {
        locations: { total: 3, created: 3 },
        items: { total: 60, created: 60 },
        relationships: { total: 73, created: 73 },
        laptops: { total: 25, assigned: 20, lifecycleSteps: 46 },
        licences: { total: 2, overDeployed: 1 },
        incidents: { linked: 6, created: 6 },
      },
    });
    expect(api.edits.map((edit) => edit.number)).toEqual([
      'INC-000060',
      'INC-000014',
      'INC-000011',
      'INC-000021',
      'INC-000031',
      'INC-000040',
    ]);

    api.calls.length = 0;
    const again = await syncCmdb(DEMO_CMDB, GROUPS, api);
    expect(api.calls.filter(isWrite).filter((call) => !call.startsWith('relate '))).toEqual([]);
    expect(api.relationships).toHaveLength(73);
    expect(api.items).toHaveLength(60);
    expect(again).toEqual({
      status: 'synced',
      counts: {
        locations: { total: 3, created: 0 },
        items: { total: 60, created: 0 },
        relationships: { total: 73, created: 0 },
        laptops: { total: 25, assigned: 20, lifecycleSteps: 0 },
        licences: { total: 2, overDeployed: 1 },
        incidents: { linked: 6, created: 0 },
      },
    });
  });

  it('takes items and locations it finds as they are, whatever the case of a name', async () => {
    const api = new FakeApi();
    api.locations.push({ id: 'loc-9', name: ' it WAREHOUSE ', kind: 'warehouse' });
    api.recorded({
      type: 'application',
      name: 'Exchange, renamed in the product',
      externalId: 'demo-app-exchange',
      actorId: 'agent-01',
    });
    // The same external id of another type is another item.
    api.recorded({
      type: 'database',
      name: 'A database',
      externalId: 'demo-service-mail',
      actorId: 'agent-01',
    });
    const sync = await syncCmdb(SMALL, GROUPS, api);
    expect(
      api.calls.filter((call) => call.startsWith('location ') || call.startsWith('item ')),
    ).toEqual([
      'location Moscow office',
      'item demo-service-mail',
      'item demo-licence-m365',
      'item demo-laptop-101',
      'item demo-laptop-102',
      'item demo-laptop-103',
    ]);
    expect(api.actions[0]).toMatchObject({ action: 'receive', locationId: 'loc-9' });
    expect(api.items.find((item) => item.externalId === 'demo-app-exchange')?.name).toBe(
      'Exchange, renamed in the product',
    );
    expect(sync.status === 'synced' && sync.counts.items).toEqual({ total: 6, created: 5 });
  });

  it('takes a laptop only as far as it is not yet, and leaves one somebody moved on', async () => {
    const api = new FakeApi();
    const laptop = (number: number) => {
      const entry = DEMO_CMDB.laptops.find((candidate) => candidate.name.endsWith(`${number}`));
      if (!entry) throw new Error(`no laptop ${number}`);
      return { type: 'laptop', name: entry.name, externalId: entry.externalId, actorId: 'x' };
    };
    // Received already; held by somebody else; still ordered; meant for repair but in use.
    api.recorded(laptop(101), { state: 'in_stock', locationId: 'loc-elsewhere' });
    api.recorded(laptop(102), { state: 'in_use', holderId: 'emp-1050' });
    api.recorded(laptop(103), { state: 'ordered' });
    api.recorded(laptop(125), { state: 'in_use', holderId: 'agent-11' });
    await syncCmdb(DEMO_CMDB, GROUPS, api);
    const steps = (externalId: string) =>
      api.actions.filter((action) => action.externalId === externalId).map((a) => a.action);
    expect(steps('demo-laptop-101')).toEqual(['assign']);
    expect(steps('demo-laptop-102')).toEqual([]);
    expect(steps('demo-laptop-103')).toEqual(['receive', 'assign']);
    expect(steps('demo-laptop-125')).toEqual([]);
    expect(steps('demo-laptop-104')).toEqual(['receive', 'assign']);
    expect(api.assetOf('demo-laptop-101')).toEqual({
      state: 'in_use',
      holderId: 'agent-01',
      locationId: api.locations.find((location) => location.kind === 'office')?.id,
    });
    expect(api.assetOf('demo-laptop-102')?.holderId).toBe('emp-1050');
    expect(api.assetOf('demo-laptop-125')?.holderId).toBe('agent-11');
  });

  it('links open incidents whose title names the application, only those naming none yet', async () => {
    const api = new FakeApi();
    demoIncidents(api);
    await syncCmdb(DEMO_CMDB, GROUPS, api);
    const vpn = api.idOf('demo-app-vpn');
    const linked = (number: string) =>
      api.tickets.find((ticket) => ticket.number === number)?.configurationItemIds;
    // The outage names the gateway that fails; the VPN calls, newest first up to the limit of
    // two, the VPN service; the one naming another item is left as it is.
    expect(linked('INC-000060')).toEqual([api.idOf('demo-net-vpn-gw-01')]);
    expect(linked('INC-000014')).toEqual([vpn]);
    expect(linked('INC-000011')).toEqual([vpn]);
    expect(linked('INC-000010')).toEqual([]);
    expect(linked('INC-000013')).toEqual(['ci-somebody-named']);
    // Settled incidents, 1С out of reach over the VPN, a scan to email, a suspicious email and
    // an unrelated title are not; nor the older 1С incident, past the limit of one.
    const unlinked = ['INC-000012', 'INC-000020', 'INC-000022', 'INC-000023', 'INC-000030'];
    for (const number of [...unlinked, 'INC-000032', 'INC-000050']) {
      expect({ number, ids: linked(number) }).toEqual({ number, ids: [] });
    }
    expect(linked('INC-000021')).toEqual([api.idOf('demo-app-1c-accounting')]);
    expect(linked('INC-000031')).toEqual([api.idOf('demo-app-exchange')]);
    expect(linked('INC-000040')).toEqual([api.idOf('demo-app-print-server')]);

    // Incidents that name the application count toward the limit; a settled one stops counting.
    api.ticket('INC-000015', 'VPN does not connect from home', 'new');
    await syncCmdb(DEMO_CMDB, GROUPS, api);
    expect(linked('INC-000015')).toEqual([]);
    const settled = api.tickets.find((ticket) => ticket.number === 'INC-000014');
    if (settled) settled.status = 'resolved';
    const third = await syncCmdb(DEMO_CMDB, GROUPS, api);
    expect(linked('INC-000015')).toEqual([vpn]);
    expect(third.status === 'synced' && third.counts.incidents).toEqual({ linked: 6, created: 1 });
  });

  it('leaves an incident changed since it was read for a later run', async () => {
    const api = new FakeApi();
    demoIncidents(api);
    const listTickets = api.listTickets.bind(api);
    api.listTickets = async (filter) => {
      const before = await listTickets(filter);
      const busy = api.tickets.find((ticket) => ticket.number === 'INC-000014');
      if (busy) busy.version += 1;
      return before;
    };
    const sync = await syncCmdb(DEMO_CMDB, GROUPS, api);
    expect(api.calls.filter((call) => call.startsWith('link INC-000014'))).toHaveLength(1);
    expect(api.tickets.find((ticket) => ticket.number === 'INC-000014')).toMatchObject({
      configurationItemIds: [],
    });
    expect(api.edits.map((edit) => edit.number).slice(0, 3)).toEqual([
      'INC-000060',
      'INC-000011',
      'INC-000010',
    ]);
    expect(sync.status === 'synced' && sync.counts.incidents).toEqual({ linked: 6, created: 6 });
  });

  it.each([
    [404, 'the CMDB is not running (404: refused)'],
    [503, 'the CMDB is not running (503: refused)'],
  ])('skips the CMDB when the gateway answers %i', async (status, note) => {
    const api = new FakeApi();
    api.unavailable = status;
    await expect(syncCmdb(SMALL, GROUPS, api)).resolves.toEqual({ status: 'skipped', note });
    expect(api.calls).toEqual(['list locations']);
  });

  it('skips the rest when the CMDB goes down part way, and a rerun completes it', async () => {
    const api = new FakeApi();
    api.downFrom = 'assign demo-laptop-101';
    await expect(syncCmdb(SMALL, GROUPS, api)).resolves.toEqual({
      status: 'skipped',
      note: 'the CMDB became unavailable part way; a rerun completes it (503: refused)',
    });
    expect(api.edits).toEqual([]);
    api.downFrom = undefined;
    const rerun = await syncCmdb(SMALL, GROUPS, api);
    expect(api.assetOf('demo-laptop-101')?.state).toBe('in_use');
    expect(rerun.status === 'synced' && rerun.counts).toMatchObject({
      items: { total: 6, created: 2 },
      laptops: { total: 3, assigned: 1, lifecycleSteps: 4 },
    });
  });

  it('fails on any other answer, naming the entry', async () => {
    const api = new FakeApi();
    api.createConfigurationItem = async () => {
      throw problem(400, 'attributes/ip: must match format "ipv4"');
    };
    await expect(syncCmdb(SMALL, GROUPS, api)).rejects.toThrow(
      'item demo-service-mail: 400: attributes/ip: must match format "ipv4"',
    );
    const taken = new FakeApi();
    taken.recorded({
      type: 'workstation',
      name: 'Somebody else’s',
      asset: { inventoryNumber: 'INV-000102' },
      actorId: 'x',
    });
    await expect(syncCmdb(SMALL, GROUPS, taken)).rejects.toThrow(
      'item demo-laptop-102: 409: refused',
    );
    const tickets = new FakeApi();
    tickets.ticket('INC-000031', 'Outlook hangs on start-up', 'new');
    tickets.updateTicket = async () => {
      throw problem(400, 'configurationItemIds: must be UUIDs');
    };
    await expect(syncCmdb(SMALL, GROUPS, tickets)).rejects.toThrow(
      'incident INC-000031: 400: configurationItemIds: must be UUIDs',
    );
  });
});

describe('formatCmdbSummary', () => {
  it('counts the configuration, or says why the CMDB was skipped', () => {
    const counts = {
      locations: { total: 3, created: 3 },
      items: { total: 60, created: 58 },
      relationships: { total: 73, created: 73 },
      laptops: { total: 25, assigned: 20, lifecycleSteps: 46 },
      licences: { total: 2, overDeployed: 1 },
      incidents: { linked: 6, created: 6 },
    };
    expect(formatCmdbSummary({ status: 'synced', counts })).toBe(
      'cmdb: 3 locations (3 new), 60 items (58 new), 73 relationships (73 new), ' +
        '25 laptops (20 assigned, 46 lifecycle steps), 2 licences (1 over-deployed), ' +
        '6 incidents linked (6 new)',
    );
    expect(formatCmdbSummary({ status: 'skipped', note: 'the CMDB is not running (404)' })).toBe(
      'cmdb: skipped, the CMDB is not running (404)',
    );
  });
});
