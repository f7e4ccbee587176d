import { randomUUID } from 'node:crypto';
import { aTicketRequestBody, eventually } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { platformSuite } from './support/platform-suite';

interface ItemBody {
  id: string;
  type: string;
  name: string;
  externalId: string | null;
  status: string;
  version: number;
  attributes: Record<string, unknown>;
  asset: {
    state: string;
    inventoryNumber: string | null;
    holderId: string | null;
    locationId: string | null;
  } | null;
}

interface ImpactBody {
  items: {
    id: string;
    name: string;
    type: string;
    depth: number;
    path: string[];
    businessService: boolean;
  }[];
  businessServices: { id: string; name: string }[];
  truncated: boolean;
  maxDepth: number;
}

interface InventoryBody {
  id: string;
  status: string;
  expected: number;
  found: number;
  discrepancies: { kind: string; inventoryNumber: string; assetId: string | null }[];
}

describe('CMDB and assets through the gateway', () => {
  const suite = platformSuite({ cmdb: true });
  const cmdbUrl = () => `${suite.platform.gatewayUrl}/api/v1/cmdb`;
  const suffix = randomUUID().slice(0, 8).toUpperCase();

  async function created<T>(response: Response): Promise<T> {
    const body = (await response.json()) as T & ProblemBody;
    expect({ status: response.status, detail: body.detail, errors: body.errors }).toEqual({
      status: 201,
      detail: undefined,
      errors: undefined,
    });
    return body;
  }

  async function ok<T>(response: Response): Promise<T> {
    const body = (await response.json()) as T & ProblemBody;
    expect({ status: response.status, detail: body.detail }).toEqual({
      status: 200,
      detail: undefined,
    });
    return body;
  }

  async function item(body: Record<string, unknown>): Promise<ItemBody> {
    return created(await suite.postJson(`${cmdbUrl()}/items`, { actorId: 'admin-1', ...body }));
  }

  async function assetAction(asset: ItemBody, body: Record<string, unknown>): Promise<ItemBody> {
    const response = await suite.fetch(`${cmdbUrl()}/items/${asset.id}/asset-actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-match': `"${asset.version}"` },
      body: JSON.stringify({ actorId: 'storekeeper-1', ...body }),
    });
    return (await ok<{ item: ItemBody }>(response)).item;
  }

  it('imports laptops from a 1C-style CSV, assigns one, moves it and finds one missing at the inventory', async () => {
    const warehouse = await created<{ id: string }>(
      await suite.postJson(`${cmdbUrl()}/locations`, {
        name: `Склад ${suffix}`,
        kind: 'warehouse',
      }),
    );
    const office = await created<{ id: string }>(
      await suite.postJson(`${cmdbUrl()}/locations`, { name: `Office ${suffix}`, kind: 'office' }),
    );
    const csv = [
      '\uFEFFtype;external_id;name;inventory_number;serial_number;location_id;warranty_end;attr.model;attr.ram_gb',
      `laptop;1C-${suffix}-1;"Ноутбук ThinkPad T14; бухгалтерия";INV-${suffix}-1;SN1;${warehouse.id};31.12.2028;ThinkPad T14;16`,
      `laptop;1C-${suffix}-2;Ноутбук Latitude 5440;INV-${suffix}-2;SN2;${warehouse.id};2028-06-30;Latitude 5440;16`,
      `laptop;1C-${suffix}-3;MacBook Air;INV-${suffix}-3;SN3;${warehouse.id};2027-01-15;MacBook Air;8`,
      `laptop;1C-${suffix}-4;Broken row;INV-${suffix}-4;SN4;${warehouse.id};2027-13-45;X1;lots`,
    ].join('\r\n');
    const imported = await suite.fetch(`${cmdbUrl()}/imports?actorId=admin-1&type=laptop`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    const report = await ok<{
      rows: number;
      created: number;
      updated: number;
      unchanged: number;
      rejected: { row: number; externalId: string; errors: string[] }[];
    }>(imported);
    expect(report).toMatchObject({ rows: 4, created: 3, updated: 0, unchanged: 0 });
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]).toMatchObject({ row: 4, externalId: `1C-${suffix}-4` });
    expect(report.rejected[0]?.errors.join(' ')).toMatch(/warranty_end/);

    // Importing the same file again changes nothing.
    const again = await ok<{ created: number; unchanged: number }>(
      await suite.fetch(`${cmdbUrl()}/imports?actorId=admin-1&type=laptop`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: csv,
      }),
    );
    expect(again).toMatchObject({ created: 0, unchanged: 3 });

    const list = await ok<{ items: ItemBody[] }>(
      await suite.fetch(`${cmdbUrl()}/items?type=laptop&locationId=${warehouse.id}&limit=50`),
    );
    const laptops = new Map(list.items.map((laptop) => [laptop.asset?.inventoryNumber, laptop]));
    const thinkpad = laptops.get(`INV-${suffix}-1`);
    expect(thinkpad).toMatchObject({
      name: 'Ноутбук ThinkPad T14; бухгалтерия',
      asset: { state: 'in_stock', locationId: warehouse.id, holderId: null },
      attributes: { model: 'ThinkPad T14', ram_gb: 16 },
    });

    // Handed to an employee, then taken to the office.
    const assigned = await assetAction(thinkpad!, { action: 'assign', holderId: 'emp-1001' });
    expect(assigned.asset).toMatchObject({ state: 'in_use', holderId: 'emp-1001' });
    const moved = await assetAction(assigned, {
      action: 'move',
      locationId: office.id,
      reason: 'to the desk',
    });
    expect(moved.asset).toMatchObject({
      state: 'in_use',
      holderId: 'emp-1001',
      locationId: office.id,
    });
    const journal = await ok<{
      items: { kind: string; toHolderId: string | null; toLocationId: string | null }[];
    }>(await suite.fetch(`${cmdbUrl()}/items/${thinkpad!.id}/movements`));
    expect(journal.items.map(({ kind }) => kind)).toEqual(['moved', 'assigned']);

    // Retiring a laptop someone holds is refused with the actions that are allowed.
    const refused = await suite.fetch(`${cmdbUrl()}/items/${moved.id}/asset-actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'retire', reason: 'old', actorId: 'storekeeper-1' }),
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);

    // Inventory of the warehouse: two laptops expected, one scanned.
    const inventory = await created<InventoryBody>(
      await suite.postJson(`${cmdbUrl()}/inventories`, {
        name: `Годовая инвентаризация ${suffix}`,
        locationId: warehouse.id,
        actorId: 'storekeeper-1',
      }),
    );
    expect(inventory).toMatchObject({ status: 'open', expected: 2, found: 0 });
    await ok(
      await suite.postJson(`${cmdbUrl()}/inventories/${inventory.id}/scans`, {
        inventoryNumbers: [` inv-${suffix}-2 `, `INV-${suffix}-2`],
        actorId: 'storekeeper-1',
      }),
    );
    const closed = await ok<InventoryBody>(
      await suite.postJson(`${cmdbUrl()}/inventories/${inventory.id}/close`, {
        actorId: 'storekeeper-1',
      }),
    );
    expect(closed).toMatchObject({ status: 'closed', expected: 2, found: 1 });
    expect(closed.discrepancies).toEqual([
      expect.objectContaining({ kind: 'missing', inventoryNumber: `INV-${suffix}-3` }),
    ]);

    const exported = await suite.fetch(`${cmdbUrl()}/exports?type=laptop&format=csv`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await exported.text()).toContain(`INV-${suffix}-1`);
  });

  it('answers which business services a failing host takes down, and shows it on tickets', async () => {
    const payroll = await item({
      type: 'business_service',
      name: `Payroll ${suffix}`,
      status: 'active',
    });
    const app = await item({
      type: 'application',
      name: `1C:ZUP ${suffix}`,
      status: 'active',
      attributes: { version: '3.1.30' },
    });
    const vm = await item({ type: 'virtual_machine', name: `vm-zup-${suffix}`, status: 'active' });
    const host = await item({
      type: 'server',
      name: `esx-07-${suffix}`,
      status: 'active',
      attributes: { hostname: `esx-07-${suffix.toLowerCase()}`, ip: '10.0.7.17', cpu_cores: 64 },
    });
    const relate = async (sourceId: string, targetId: string, type: string) =>
      created(
        await suite.postJson(`${cmdbUrl()}/relationships`, {
          sourceId,
          targetId,
          type,
          actorId: 'admin-1',
        }),
      );
    await relate(payroll.id, app.id, 'depends_on');
    await relate(app.id, vm.id, 'runs_on');
    await relate(vm.id, host.id, 'runs_on');
    // A cycle does not make the analysis loop.
    await relate(host.id, vm.id, 'connected_to');

    const impact = await ok<ImpactBody>(
      await suite.fetch(`${cmdbUrl()}/items/${host.id}/impact?direction=upstream&depth=5`),
    );
    expect(impact.items.map(({ id, depth }) => [id, depth])).toEqual([
      [vm.id, 1],
      [app.id, 2],
      [payroll.id, 3],
    ]);
    expect(impact.items.find(({ id }) => id === payroll.id)?.path).toEqual([
      host.id,
      vm.id,
      app.id,
      payroll.id,
    ]);
    expect(impact.businessServices.map(({ id }) => id)).toEqual([payroll.id]);

    // Invalid attributes are refused field by field.
    const invalid = await suite.postJson(`${cmdbUrl()}/items`, {
      type: 'server',
      name: 'bad',
      attributes: { ip: 'not-an-ip', cpu_cores: 0 },
      actorId: 'admin-1',
    });
    expect(invalid.status).toBe(400);
    const problem = (await invalid.json()) as ProblemBody;
    expect(problem.errors?.map(({ field }) => field).sort()).toEqual([
      'attributes.cpu_cores',
      'attributes.ip',
    ]);

    // An incident about the host shows on the host; a change on it shows its impact before approval.
    const incident = await created<TicketBody>(
      await suite.postJson(
        suite.ticketsUrl,
        aTicketRequestBody({ title: `ESX host down ${suffix}`, configurationItemIds: [host.id] }),
      ),
    );
    const tickets = await eventually('the incident on the host', async () => {
      const body = await ok<{ items: { ticketId: string; open: boolean; type: string }[] }>(
        await suite.fetch(`${cmdbUrl()}/items/${host.id}/tickets?openOnly=true`),
      );
      return body.items.length > 0 ? body : undefined;
    });
    expect(tickets.items).toEqual([
      expect.objectContaining({ ticketId: incident.id, open: true, type: 'incident' }),
    ]);
    const change = await created<TicketBody>(
      await suite.postJson(
        suite.ticketsUrl,
        aTicketRequestBody({
          type: 'change',
          title: `Firmware update on esx-07 ${suffix}`,
          changeKind: 'normal',
          configurationItemIds: [host.id],
        }),
      ),
    );
    const changeImpact = await ok<ImpactBody & { configurationItemIds: string[] }>(
      await suite.fetch(`${suite.ticketsUrl}/${change.id}/impact`),
    );
    expect(changeImpact.configurationItemIds).toEqual([host.id]);
    expect(changeImpact.businessServices.map(({ id }) => id)).toEqual([payroll.id]);
  });
});
