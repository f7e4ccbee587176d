import { randomBytes, randomUUID } from 'node:crypto';
import type { ServiceError } from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import type { INestApplication } from '@nestjs/common';
import {
  AssetMoved,
  AssetState,
  CiCreated,
  CiStatus,
  CmdbGrpcPackage,
  type ConfigurationItem,
  DataFormat,
  ErrorMetadata,
  type EventType,
  ImpactDirection,
  InventoryClosed,
  RelationshipType,
  Ticket,
  TicketCreated,
  TicketResolved,
  TicketStateChanged,
  TicketStatus,
  TicketType,
  TicketUpdated,
  Topics,
  toTimestamp,
  TicketAction,
} from '@itsm/contracts';
import { cloudEventHeaders, createKafka, KafkaEventPublisher } from '@itsm/messaging';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { runService } from '@itsm/platform';
import {
  createTestDatabase,
  eventually,
  freePort,
  KafkaProbe,
  type TestDatabase,
  testEnvironment,
  testKafka,
} from '@itsm/testing';
import { AppModule, cmdbDataSourceSettings } from './app.module';
import { type CmdbConfig, cmdbConfigSchema } from './config/cmdb.config';
import { type CmdbGrpcClient, cmdbGrpcClient } from './testing/cmdb-grpc.client';

const ACTOR = 'cmdb-admin';

const quietLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/** What a refused call carried: its status, its service code and its field violations. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => {
      throw new Error('the call was expected to fail');
    },
    (caught: unknown) => caught as ServiceError,
  );
  const violations = error.metadata.get(ErrorMetadata.violations)[0];
  return {
    code: error.code,
    errorCode: String(error.metadata.get(ErrorMetadata.code)[0] ?? ''),
    message: error.details,
    violations: violations
      ? (JSON.parse(violations.toString()) as Array<{ field: string; message: string }>)
      : [],
  };
}

describe('the cmdb service on real PostgreSQL and Kafka', () => {
  let database: TestDatabase;
  let ticketTopic: string;
  let app: INestApplication;
  let cmdb: CmdbGrpcClient;
  let cmdbEvents: KafkaProbe;
  let publisher: KafkaEventPublisher;

  beforeAll(async () => {
    database = await createTestDatabase('itsm_cmdb');
    // A topic of the test's own, so its consumer group, reading from the start, reads only these events.
    ticketTopic = `${Topics.tickets}.test-${randomBytes(6).toString('hex')}`;
    const admin = testKafka().admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic: ticketTopic, numPartitions: 3 }],
      });
    } finally {
      await admin.disconnect();
    }
    const [httpPort, grpcPort] = await Promise.all([freePort(), freePort()]);
    const config: CmdbConfig = cmdbConfigSchema.parse({
      LOG_LEVEL: 'warn',
      HTTP_PORT: String(httpPort),
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(grpcPort),
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '5',
      KAFKA_BROKERS: testEnvironment().KAFKA_BROKERS,
      CMDB_TICKET_EVENTS_TOPIC: ticketTopic,
      CMDB_CONSUMER_GROUP: `itsm-cmdb-test-${database.name}`,
      CMDB_IMPORT_MAX_ROWS: '100',
    });
    await runMigrations(createDataSource(cmdbDataSourceSettings(config)));
    app = await runService({
      module: AppModule.register(config),
      http: { host: '127.0.0.1', port: httpPort },
      grpc: { host: '127.0.0.1', port: grpcPort, packages: [CmdbGrpcPackage] },
      shutdownDrainMs: 0,
      telemetry: { shutdown: async () => undefined },
    });
    cmdb = cmdbGrpcClient(`127.0.0.1:${grpcPort}`);
    cmdbEvents = await KafkaProbe.start(Topics.cmdb);
    publisher = new KafkaEventPublisher(
      createKafka(
        { brokers: testEnvironment().kafkaBrokers, clientId: 'itsm-cmdb-tests' },
        quietLogger,
      ),
    );
  });

  afterAll(async () => {
    cmdb?.close();
    await publisher?.close();
    await cmdbEvents?.stop();
    await app?.close();
    await database?.drop();
    if (database) {
      // The consumer group of this run's own topic is of no use to any later one.
      const kafkaAdmin = testKafka().admin();
      await kafkaAdmin.connect();
      await kafkaAdmin
        .deleteGroups([`itsm-cmdb-test-${database.name}`])
        .catch(() => undefined)
        .finally(() => kafkaAdmin.disconnect());
    }
    if (ticketTopic) {
      const admin = testKafka().admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [ticketTopic] }).finally(() => admin.disconnect());
    }
  });

  let serial = 0;
  /** Names unique to this run, so nothing collides with another test's items. */
  const unique = (name: string) => `${name}-${++serial}-${randomBytes(3).toString('hex')}`;

  async function createItem(
    typeKey: string,
    name: string,
    extra: Partial<{
      attributes: Record<string, unknown>;
      asset: Partial<ConfigurationItem['asset'] & object>;
      status: CiStatus;
      externalId: string;
    }> = {},
  ): Promise<ConfigurationItem> {
    const { item } = await cmdb.createItem({
      actorId: ACTOR,
      item: {
        typeKey,
        name,
        externalId: extra.externalId ?? '',
        attributesJson: JSON.stringify(extra.attributes ?? {}),
        status: extra.status ?? CiStatus.CI_STATUS_ACTIVE,
        ownerId: '',
        supportGroupId: 'infra',
        locationId: '',
        asset: extra.asset
          ? {
              state: AssetState.ASSET_STATE_UNSPECIFIED,
              inventoryNumber: '',
              serialNumber: '',
              holderId: '',
              locationId: '',
              warrantyEnd: '',
              contractEnd: '',
              seats: 0,
              ...extra.asset,
            }
          : undefined,
      },
    });
    if (!item) throw new Error('CreateItem answered no item');
    return item;
  }

  const relate = (sourceId: string, targetId: string, type: RelationshipType) =>
    cmdb.createRelationship({ sourceId, targetId, type, actorId: ACTOR });

  async function createLocation(name: string, kind = 'warehouse') {
    const { location } = await cmdb.createLocation({ name, kind, address: 'Москва' });
    if (!location) throw new Error('CreateLocation answered no location');
    return location;
  }

  describe('types and items', () => {
    it('starts with the default types and keeps a new one, refusing a taken key', async () => {
      const { types } = await cmdb.listCiTypes({});
      expect(types.map(({ key }) => key)).toEqual(
        expect.arrayContaining(['business_service', 'application', 'virtual_machine', 'server']),
      );
      const schema = {
        type: 'object',
        properties: { outlets: { type: 'integer', minimum: 1 } },
        additionalProperties: false,
      };
      const { type } = await cmdb.createCiType({
        type: {
          key: 'rack_pdu',
          nameEn: 'Rack PDU',
          nameRu: 'Блок розеток',
          attributeSchemaJson: JSON.stringify(schema),
          asset: false,
          businessService: false,
          licence: false,
        },
      });
      expect(type).toMatchObject({ key: 'rack_pdu', version: 1 });
      expect(JSON.parse(type?.attributeSchemaJson ?? '')).toEqual(schema);

      const taken = await refusal(
        cmdb.createCiType({
          type: {
            key: 'rack_pdu',
            nameEn: 'PDU',
            nameRu: 'PDU',
            attributeSchemaJson: '',
            asset: false,
            businessService: false,
            licence: false,
          },
        }),
      );
      expect(taken).toMatchObject({ code: status.ALREADY_EXISTS, errorCode: 'ALREADY_EXISTS' });

      const notSchema = await refusal(
        cmdb.createCiType({
          type: {
            key: 'broken',
            nameEn: 'Broken',
            nameRu: 'Сломанный',
            attributeSchemaJson: JSON.stringify({
              type: 'object',
              properties: { a: { type: 'nonsense' } },
            }),
            asset: false,
            businessService: false,
            licence: false,
          },
        }),
      );
      expect(notSchema.code).toBe(status.INVALID_ARGUMENT);
      expect(notSchema.violations[0]?.field).toBe('attributeSchema');
    });

    it('refuses a schema change that existing items break, naming them', async () => {
      const { type } = await cmdb.createCiType({
        type: {
          key: 'ups',
          nameEn: 'UPS',
          nameRu: 'ИБП',
          attributeSchemaJson: JSON.stringify({
            type: 'object',
            properties: { kva: { type: 'number' } },
          }),
          asset: false,
          businessService: false,
          licence: false,
        },
      });
      const big = await createItem('ups', unique('UPS big'), { attributes: { kva: 10 } });
      const stricter = {
        type: 'object',
        properties: { kva: { type: 'number', maximum: 5 } },
      };
      const refused = await refusal(
        cmdb.updateCiType({
          id: type?.id ?? '',
          expectedVersion: 1,
          type: {
            key: 'ups',
            nameEn: 'UPS',
            nameRu: 'ИБП',
            attributeSchemaJson: JSON.stringify(stricter),
            asset: false,
            businessService: false,
            licence: false,
          },
        }),
      );
      expect(refused.code).toBe(status.FAILED_PRECONDITION);
      expect(refused.violations).toEqual([
        { field: `items/${big.id}`, message: expect.stringContaining('attributes/kva') },
      ]);
      const { types } = await cmdb.listCiTypes({});
      expect(types.find(({ key }) => key === 'ups')?.version).toBe(1);
    });

    it('checks attributes, answers a retried create with the first item, and versions updates', async () => {
      const invalid = await refusal(
        cmdb.createItem({
          actorId: ACTOR,
          item: {
            typeKey: 'server',
            name: 'bad server',
            attributesJson: JSON.stringify({ ram_gb: 'lots', colour: 'red' }),
          },
        }),
      );
      expect(invalid.code).toBe(status.INVALID_ARGUMENT);
      expect(invalid.violations.map(({ field }) => field).sort()).toEqual([
        'attributes/colour',
        'attributes/ram_gb',
      ]);

      const key = randomUUID();
      const request = {
        actorId: ACTOR,
        idempotencyKey: key,
        item: { typeKey: 'server', name: unique('srv'), attributesJson: '{"cpu_cores": 8}' },
      };
      const first = await cmdb.createItem(request);
      const again = await cmdb.createItem(request);
      expect(again.item?.id).toBe(first.item?.id);
      const id = first.item?.id ?? '';
      expect(first.item).toMatchObject({ status: CiStatus.CI_STATUS_ACTIVE, version: 1 });

      const { item: updated } = await cmdb.updateItem({
        id,
        expectedVersion: 1,
        actorId: 'engineer-2',
        item: {
          name: first.item?.name ?? '',
          attributesJson: '{"cpu_cores": 16}',
          status: CiStatus.CI_STATUS_MAINTENANCE,
        },
      });
      expect(updated).toMatchObject({ version: 2, status: CiStatus.CI_STATUS_MAINTENANCE });
      const stale = await refusal(
        cmdb.updateItem({ id, expectedVersion: 1, actorId: ACTOR, item: { name: 'x' } }),
      );
      expect(stale).toMatchObject({ code: status.ABORTED, errorCode: 'VERSION_CONFLICT' });

      const { entries } = await cmdb.listItemHistory({ id });
      expect(entries.map(({ action, version, actorId }) => [action, version, actorId])).toEqual([
        ['updated', 2, 'engineer-2'],
        ['created', 1, ACTOR],
      ]);
      expect(entries[0]?.changes).toEqual(
        expect.arrayContaining([
          { field: 'attributes.cpu_cores', oldValue: '8', newValue: '16' },
          { field: 'status', oldValue: '"active"', newValue: '"maintenance"' },
        ]),
      );

      const created = await cmdbEvents.waitForKey(id, { count: 2 });
      expect(created[0]?.headers['ce_type']).toBe(CiCreated.type);

      for (const notAnId of ['42', "1' OR '1'='1", '']) {
        expect((await refusal(cmdb.getItem({ id: notAnId }))).code).toBe(status.NOT_FOUND);
      }
      expect((await refusal(cmdb.getItem({ id: randomUUID() }))).code).toBe(status.NOT_FOUND);
    });

    it('lists items by name a page at a time, filtered', async () => {
      const prefix = unique('paged');
      for (const name of ['c', 'a', 'B', 'd', 'e']) {
        await createItem('application', `${prefix}-${name}`);
      }
      const names: string[] = [];
      let pageToken = '';
      do {
        const page = await cmdb.listItems({ query: prefix, pageSize: 2, pageToken });
        names.push(...page.items.map(({ name }) => name));
        pageToken = page.nextPageToken;
      } while (pageToken);
      expect(names).toEqual(['a', 'B', 'c', 'd', 'e'].map((name) => `${prefix}-${name}`));
      const servers = await cmdb.listItems({ typeKey: 'server', query: prefix });
      expect(servers.items).toEqual([]);
    });
  });

  describe('relationships and impact', () => {
    it('reports everything that fails with a host, each at its depth, and the business service', async () => {
      const service = await createItem('business_service', unique('Online banking'));
      const application = await createItem('application', unique('Banking API'));
      const vm = await createItem('virtual_machine', unique('vm-bank-01'));
      const host = await createItem('server', unique('esx-07'));
      await relate(service.id, application.id, RelationshipType.RELATIONSHIP_TYPE_DEPENDS_ON);
      await relate(application.id, vm.id, RelationshipType.RELATIONSHIP_TYPE_RUNS_ON);
      const { created, relationship } = await relate(
        vm.id,
        host.id,
        RelationshipType.RELATIONSHIP_TYPE_RUNS_ON,
      );
      expect(created).toBe(true);
      const again = await relate(vm.id, host.id, RelationshipType.RELATIONSHIP_TYPE_RUNS_ON);
      expect(again).toMatchObject({ created: false, relationship: { id: relationship?.id } });

      const upstream = await cmdb.analyzeImpact({
        itemIds: [host.id],
        direction: ImpactDirection.IMPACT_DIRECTION_UPSTREAM,
      });
      expect(upstream.items.map(({ id, depth, path }) => ({ id, depth, path }))).toEqual([
        { id: vm.id, depth: 1, path: [host.id, vm.id] },
        { id: application.id, depth: 2, path: [host.id, vm.id, application.id] },
        { id: service.id, depth: 3, path: [host.id, vm.id, application.id, service.id] },
      ]);
      expect(upstream.businessServices.map(({ id }) => id)).toEqual([service.id]);
      expect(upstream).toMatchObject({ truncated: false, maxDepth: 5 });

      const shallow = await cmdb.analyzeImpact({ itemIds: [host.id], maxDepth: 2 });
      expect(shallow.items.map(({ id }) => id)).toEqual([vm.id, application.id]);
      const limited = await cmdb.analyzeImpact({ itemIds: [host.id], limit: 1 });
      expect(limited).toMatchObject({ truncated: true, items: [{ id: vm.id }] });

      const downstream = await cmdb.analyzeImpact({
        itemIds: [service.id],
        direction: ImpactDirection.IMPACT_DIRECTION_DOWNSTREAM,
      });
      expect(downstream.items.map(({ id, depth }) => [id, depth])).toEqual([
        [application.id, 1],
        [vm.id, 2],
        [host.id, 3],
      ]);

      const sourceHistory = await cmdb.listItemHistory({ id: vm.id });
      expect(sourceHistory.entries.map(({ action }) => action)).toEqual([
        'related',
        'related',
        'created',
      ]);
    });

    it('walks a cycle once and stops', async () => {
      const ring = [];
      for (let index = 0; index < 4; index++) {
        ring.push(await createItem('network_device', unique(`switch-${index}`)));
      }
      // a — b — c — d — a, network links failing both ends.
      for (let index = 0; index < ring.length; index++) {
        const next = ring[(index + 1) % ring.length];
        await relate(
          ring[index]?.id ?? '',
          next?.id ?? '',
          RelationshipType.RELATIONSHIP_TYPE_CONNECTED_TO,
        );
      }
      const [a, b, c, d] = ring.map(({ id }) => id);
      const { items } = await cmdb.analyzeImpact({ itemIds: [a ?? ''], maxDepth: 10 });
      expect(items.map(({ id, depth }) => [id, depth]).sort()).toEqual(
        [
          [b, 1],
          [d, 1],
          [c, 2],
        ].sort(),
      );
    });

    it('refuses relationships the types do not allow, and ids that are not items', async () => {
      const service = await createItem('business_service', unique('Mail'));
      const host = await createItem('server', unique('mx-01'));
      const refused = await refusal(
        relate(service.id, host.id, RelationshipType.RELATIONSHIP_TYPE_RUNS_ON),
      );
      expect(refused.code).toBe(status.INVALID_ARGUMENT);
      expect(
        (await refusal(relate('not-an-id', host.id, RelationshipType.RELATIONSHIP_TYPE_DEPENDS_ON)))
          .code,
      ).toBe(status.NOT_FOUND);
      expect((await refusal(cmdb.deleteRelationship({ id: 'nope', actorId: ACTOR }))).code).toBe(
        status.NOT_FOUND,
      );
    });
  });

  describe('assets', () => {
    it('writes the stock journal as an asset is received, assigned and moved', async () => {
      const warehouse = await createLocation(unique('Склад №1'));
      const office = await createLocation(unique('Офис Тверская'), 'office');
      const laptop = await createItem('laptop', unique('ThinkPad T14'), {
        attributes: { model: 'T14 Gen 4' },
        asset: { state: AssetState.ASSET_STATE_ORDERED, inventoryNumber: unique('INV') },
      });
      expect(laptop.asset?.state).toBe(AssetState.ASSET_STATE_ORDERED);

      const change = (action: string, fields: Record<string, string> = {}) =>
        cmdb.changeAsset({ assetId: laptop.id, action, actorId: 'storekeeper', ...fields });
      await change('receive', { locationId: warehouse.id });
      await change('assign', { holderId: 'emp-1001' });
      const moved = await change('move', { locationId: office.id });
      expect(moved.item).toMatchObject({
        version: 4,
        asset: {
          state: AssetState.ASSET_STATE_IN_USE,
          holderId: 'emp-1001',
          locationId: office.id,
        },
      });

      const refused = await refusal(change('dispose', { reason: 'broken' }));
      expect(refused).toMatchObject({
        code: status.FAILED_PRECONDITION,
        errorCode: 'INVALID_TRANSITION',
        message: expect.stringContaining('allowed: assign, return, move, send_to_repair'),
      });
      expect((await refusal(change('move', { locationId: randomUUID() }))).code).toBe(
        status.NOT_FOUND,
      );

      const { movements } = await cmdb.listMovements({ assetId: laptop.id });
      expect(
        movements.map(({ kind, fromState, toState, toLocationId, toHolderId, actorId }) => ({
          kind,
          fromState,
          toState,
          toLocationId,
          toHolderId,
          actorId,
        })),
      ).toEqual([
        {
          kind: 'moved',
          fromState: AssetState.ASSET_STATE_IN_USE,
          toState: AssetState.ASSET_STATE_IN_USE,
          toLocationId: office.id,
          toHolderId: 'emp-1001',
          actorId: 'storekeeper',
        },
        {
          kind: 'assigned',
          fromState: AssetState.ASSET_STATE_IN_STOCK,
          toState: AssetState.ASSET_STATE_IN_USE,
          toLocationId: warehouse.id,
          toHolderId: 'emp-1001',
          actorId: 'storekeeper',
        },
        {
          kind: 'received',
          fromState: AssetState.ASSET_STATE_ORDERED,
          toState: AssetState.ASSET_STATE_IN_STOCK,
          toLocationId: warehouse.id,
          toHolderId: '',
          actorId: 'storekeeper',
        },
      ]);
      const atWarehouse = await cmdb.listMovements({ locationId: warehouse.id });
      expect(atWarehouse.movements.map(({ kind }) => kind)).toEqual([
        'moved',
        'assigned',
        'received',
      ]);
      const history = await cmdb.listItemHistory({ id: laptop.id });
      expect(history.entries.map(({ action }) => action)).toEqual([
        'moved',
        'assigned',
        'state_changed',
        'created',
      ]);
      const events = await cmdbEvents.waitForKey(laptop.id, { count: 4 });
      expect(events.filter(({ headers }) => headers['ce_type'] === AssetMoved.type)).toHaveLength(
        3,
      );
    });

    it('finds what an inventory misses, and freezes it on closing', async () => {
      const store = await createLocation(unique('Склад инвентаризации'));
      const numbers = [unique('INV-A'), unique('INV-B')];
      for (const inventoryNumber of numbers) {
        await createItem('monitor', unique('Dell P2422H'), {
          asset: { state: AssetState.ASSET_STATE_IN_STOCK, inventoryNumber, locationId: store.id },
        });
      }
      const { campaign } = await cmdb.openInventory({
        name: 'Q4 count',
        locationId: store.id,
        actorId: 'auditor',
      });
      expect(campaign).toMatchObject({ expected: 2, found: 0 });
      const campaignId = campaign?.id ?? '';

      const stranger = 'NOT-IN-CMDB-1';
      await cmdb.recordInventoryScan({
        campaignId,
        inventoryNumbers: [numbers[0]?.toLowerCase() ?? '', numbers[0] ?? '', stranger],
        actorId: 'auditor',
      });
      const { campaign: live } = await cmdb.getInventory({ campaignId });
      expect(live).toMatchObject({ found: 1 });
      expect(
        live?.discrepancies.map(({ kind, inventoryNumber }) => [kind, inventoryNumber]),
      ).toEqual([
        ['missing', numbers[1]],
        ['unknown', stranger],
      ]);

      const { campaign: closed } = await cmdb.closeInventory({ campaignId, actorId: 'auditor' });
      expect(closed).toMatchObject({ found: 1, discrepancies: live?.discrepancies });
      expect(
        (
          await refusal(
            cmdb.recordInventoryScan({
              campaignId,
              inventoryNumbers: [numbers[1] ?? ''],
              actorId: 'auditor',
            }),
          )
        ).code,
      ).toBe(status.FAILED_PRECONDITION);
      const [event] = await cmdbEvents.waitForKey(campaignId);
      expect(event?.headers['ce_type']).toBe(InventoryClosed.type);
    });

    it('counts licence seats against the items that use them', async () => {
      const licence = await createItem('software_licence', unique('Office 2024'), {
        attributes: { vendor: 'Microsoft', product: 'Office' },
        asset: { seats: 1, contractEnd: '2027-12-31' },
      });
      for (const name of ['ws-1', 'ws-2']) {
        const workstation = await createItem('workstation', unique(name), {
          asset: { state: AssetState.ASSET_STATE_IN_STOCK },
        });
        await relate(workstation.id, licence.id, RelationshipType.RELATIONSHIP_TYPE_USES_LICENCE);
      }
      const { licences } = await cmdb.licenceCompliance({ onlyNonCompliant: true });
      expect(licences.find(({ licenceId }) => licenceId === licence.id)).toEqual({
        licenceId: licence.id,
        name: licence.name,
        seats: 1,
        assigned: 2,
        available: -1,
        compliant: false,
        contractEnd: '2027-12-31',
      });
    });
  });

  describe('import and export', () => {
    it('applies the good rows of a CSV file, names the bad one, and changes nothing the second time', async () => {
      const batch = randomBytes(3).toString('hex');
      const csv = [
        'type;name;external_id;status;attr.cpu_cores;attr.ram_gb;attr.os',
        `server;srv-db-${batch};1C-${batch}-1;active;16;"64";Linux`,
        `server;srv-app-${batch};1C-${batch}-2;active;8;lots;Linux`,
        `server;"srv-web ${batch}";1C-${batch}-3;maintenance;4;16,5;Windows Server`,
      ].join('\r\n');

      const dry = await cmdb.importItems({
        format: DataFormat.DATA_FORMAT_CSV,
        content: csv,
        actorId: ACTOR,
        dryRun: true,
      });
      expect(dry).toMatchObject({ rows: 3, created: 2, updated: 0, unchanged: 0 });
      expect((await cmdb.listItems({ query: batch })).items).toEqual([]);

      const first = await cmdb.importItems({
        format: DataFormat.DATA_FORMAT_CSV,
        content: csv,
        actorId: ACTOR,
      });
      expect(first).toMatchObject({ rows: 3, created: 2, updated: 0, unchanged: 0 });
      expect(first.rejected).toEqual([
        { row: 2, externalId: `1C-${batch}-2`, errors: [expect.stringMatching(/^attr\.ram_gb: /)] },
      ]);
      const { items } = await cmdb.listItems({ query: batch });
      expect(items.map(({ name, externalId }) => [name, externalId])).toEqual([
        [`srv-db-${batch}`, `1C-${batch}-1`],
        [`srv-web ${batch}`, `1C-${batch}-3`],
      ]);
      expect(JSON.parse(items[1]?.attributesJson ?? '')).toEqual({
        cpu_cores: 4,
        ram_gb: 16.5,
        os: 'Windows Server',
      });

      const second = await cmdb.importItems({ content: csv, actorId: ACTOR });
      expect(second).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 2 });
      expect(second.rejected.map(({ row }) => row)).toEqual([2]);

      const changed = csv.replace(`;8;lots;`, ';8;32;').replace(';4;16,5;', ';4;24;');
      const third = await cmdb.importItems({ content: changed, actorId: ACTOR });
      expect(third).toMatchObject({ created: 1, updated: 1, unchanged: 1, rejected: [] });
      const history = await cmdb.listItemHistory({ id: items[1]?.id ?? '' });
      expect(history.entries.map(({ action, version }) => [action, version])).toEqual([
        ['imported', 2],
        ['imported', 1],
      ]);
    });

    it('exports a type in the import format, so importing the export changes nothing', async () => {
      await cmdb.createCiType({
        type: {
          key: 'export_probe',
          nameEn: 'Export probe',
          nameRu: 'Проба выгрузки',
          attributeSchemaJson: JSON.stringify({
            type: 'object',
            properties: { note: { type: 'string' }, size: { type: 'integer' } },
          }),
          asset: false,
          businessService: false,
          licence: false,
        },
      });
      await createItem('export_probe', 'Первый; с точкой с запятой', {
        externalId: 'E-1',
        attributes: { note: 'строка "в кавычках"', size: 3 },
      });
      await createItem('export_probe', 'Second', { externalId: 'E-2', attributes: {} });

      for (const format of [DataFormat.DATA_FORMAT_CSV, DataFormat.DATA_FORMAT_JSON]) {
        const exported = await cmdb.exportItems({ typeKey: 'export_probe', format });
        expect(exported.items).toBe(2);
        const reimported = await cmdb.importItems({
          format,
          content: exported.content,
          actorId: ACTOR,
        });
        expect(reimported).toMatchObject({
          rows: 2,
          created: 0,
          updated: 0,
          unchanged: 2,
          rejected: [],
        });
      }
    });

    it('refuses an import larger than the limit, and columns it does not know', async () => {
      const rows = Array.from({ length: 101 }, (_, index) => `x${index};X-${index}`);
      const tooMany = await refusal(
        cmdb.importItems({
          content: ['name;external_id', ...rows].join('\n'),
          defaultTypeKey: 'application',
          actorId: ACTOR,
        }),
      );
      expect(tooMany.code).toBe(status.INVALID_ARGUMENT);
      const unknown = await refusal(
        cmdb.importItems({
          content: 'name;external_id;colour\nx;X-1;red',
          defaultTypeKey: 'application',
          actorId: ACTOR,
        }),
      );
      expect(unknown.violations).toEqual([
        { field: 'content', message: expect.stringContaining('unknown columns: colour') },
      ]);
    });
  });

  describe('tickets that name items', () => {
    function ticketOf(overrides: Partial<Ticket>): Ticket {
      const now = toTimestamp(new Date());
      return {
        ...Ticket.fromJSON({}),
        id: randomUUID(),
        number: `INC-${String(++serial).padStart(6, '0')}`,
        type: TicketType.TICKET_TYPE_INCIDENT,
        title: 'Banking is down',
        status: TicketStatus.TICKET_STATUS_NEW,
        createdAt: now,
        updatedAt: now,
        version: 1,
        ...overrides,
      };
    }

    async function publish<T>(eventType: EventType<T>, payload: T, key: string): Promise<string> {
      const id = randomUUID();
      await publisher.publish([
        {
          topic: ticketTopic,
          key,
          value: JSON.stringify(eventType.toJson(payload)),
          headers: cloudEventHeaders(
            { id, type: eventType.type, source: '/itsm/tickets', time: new Date() },
            {},
          ),
        },
      ]);
      return id;
    }

    const applied = (eventId: string) =>
      eventually(`ticket event ${eventId} in the inbox`, async () => {
        const rows = await database.query('SELECT 1 FROM inbox_events WHERE event_id = $1', [
          eventId,
        ]);
        return rows.length === 1 ? rows : undefined;
      });

    it('keeps the tickets of an item as their events arrive', async () => {
      const host = await createItem('server', unique('esx-tickets'));
      const other = await createItem('server', unique('esx-other'));
      const ticket = ticketOf({ configurationItemIds: [host.id, other.id, 'not-a-cmdb-id'] });
      await applied(await publish(TicketCreated, { ticket }, ticket.id));
      expect((await cmdb.listItemTickets({ itemId: host.id })).tickets).toEqual([
        expect.objectContaining({
          ticketId: ticket.id,
          number: ticket.number,
          type: 'incident',
          status: 'new',
          open: true,
        }),
      ]);

      const resolved = { ...ticket, status: TicketStatus.TICKET_STATUS_RESOLVED, version: 2 };
      await applied(
        await publish(
          TicketResolved,
          {
            ticket: resolved,
            fromStatus: TicketStatus.TICKET_STATUS_NEW,
            action: TicketAction.TICKET_ACTION_RESOLVE,
            actorId: 'agent-1',
            changes: [],
          },
          ticket.id,
        ),
      );
      expect((await cmdb.listItemTickets({ itemId: host.id })).tickets[0]).toMatchObject({
        status: 'resolved',
        open: false,
      });
      expect((await cmdb.listItemTickets({ itemId: host.id, openOnly: true })).tickets).toEqual([]);

      // The ticket no longer names the other server.
      const narrowed = { ...resolved, configurationItemIds: [host.id], version: 3 };
      await applied(
        await publish(
          TicketUpdated,
          {
            ticket: narrowed,
            actorId: 'agent-1',
            changes: [{ field: 'configurationItemIds', oldValue: '', newValue: '' }],
          },
          ticket.id,
        ),
      );
      expect((await cmdb.listItemTickets({ itemId: other.id })).tickets).toEqual([]);
      expect((await cmdb.listItemTickets({ itemId: host.id })).tickets).toHaveLength(1);

      // An event from further back changes nothing.
      await applied(
        await publish(
          TicketStateChanged,
          {
            ticket: { ...ticket, status: TicketStatus.TICKET_STATUS_IN_PROGRESS },
            fromStatus: TicketStatus.TICKET_STATUS_NEW,
            action: TicketAction.TICKET_ACTION_START,
            actorId: 'agent-1',
            changes: [],
          },
          ticket.id,
        ),
      );
      expect((await cmdb.listItemTickets({ itemId: host.id })).tickets[0]).toMatchObject({
        status: 'resolved',
      });
    });
  });
});
