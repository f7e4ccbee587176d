import { CiCreated, CiUpdated } from '@itsm/contracts';
import { CmdbErrorCode } from '../../domain/cmdb-error';
import { ExportItemsUseCase } from '../export-items/export-items.use-case';
import { cmdbPorts } from '../testing/cmdb-fixtures';
import { InMemoryCmdb } from '../testing/in-memory-cmdb-store';
import type { ImportItemsCommand } from './import-items.command';
import { IMPORT_CHUNK_ROWS, ImportItemsUseCase } from './import-items.use-case';

const WAREHOUSE = '30000000-0000-7000-8000-000000000001';

const CSV = [
  'type;name;external_id;attr.cpu_cores;attr.ram_gb',
  'server;db-01;1C-1;16;64',
  'server;app-01;1C-2;8;lots',
  'server;"web 01";1C-3;4;16,5',
].join('\r\n');

describe('ImportItemsUseCase', () => {
  let cmdb: InMemoryCmdb;
  let importer: ImportItemsUseCase;

  beforeEach(() => {
    cmdb = new InMemoryCmdb();
    cmdb.state.locations.push({
      id: WAREHOUSE,
      name: 'Склад №1',
      kind: 'warehouse',
      parentId: null,
      address: '',
      version: 1,
      createdAt: new Date(),
    });
    const { validator, ids, clock } = cmdbPorts();
    importer = new ImportItemsUseCase(cmdb, validator, ids, clock, 1_000);
  });

  const run = (overrides: Partial<ImportItemsCommand> = {}) =>
    importer.execute({
      format: 'csv',
      content: CSV,
      defaultTypeKey: null,
      actorId: 'importer',
      dryRun: false,
      ...overrides,
    });

  it('applies the good rows, reports the bad one whole, and leaves the same rows alone the second time', async () => {
    const first = await run();
    expect(first).toEqual({
      rows: 3,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: [
        { row: 2, externalId: '1C-2', errors: [expect.stringMatching(/^attr\.ram_gb: /)] },
      ],
    });
    expect(cmdb.state.items.map(({ name, attributes }) => [name, attributes])).toEqual([
      ['db-01', { cpu_cores: 16, ram_gb: 64 }],
      ['web 01', { cpu_cores: 4, ram_gb: 16.5 }],
    ]);
    expect(cmdb.state.history.map(({ action }) => action)).toEqual(['imported', 'imported']);
    expect(cmdb.events.map(({ type }) => type)).toEqual([CiCreated.type, CiCreated.type]);

    const second = await run();
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(cmdb.state.history).toHaveLength(2);

    const third = await run({ content: CSV.replace('8;lots', '8;32').replace('4;16,5', '4;24') });
    expect(third).toMatchObject({ created: 1, updated: 1, unchanged: 1, rejected: [] });
    expect(cmdb.events.map(({ type }) => type).slice(2)).toEqual([CiCreated.type, CiUpdated.type]);
  });

  it('writes nothing on a dry run, and counts a repeated row as the update it would be', async () => {
    const content = `${CSV}\r\nserver;db-01 renamed;1C-1;16;64`;
    const report = await run({ content, dryRun: true });
    expect(report).toMatchObject({ rows: 4, created: 2, updated: 1, unchanged: 0 });
    expect(cmdb.state.items).toEqual([]);
    expect(cmdb.events).toEqual([]);
  });

  it('takes locations by id or by name, and names a row whose location is unknown', async () => {
    const report = await run({
      content: [
        'type;name;external_id;location_id;inventory_number',
        `laptop;T14;L-1;${WAREHOUSE};INV-1`,
        'laptop;T15;L-2;склад №1;INV-2',
        'laptop;T16;L-3;Нет такого;INV-3',
        'laptop;T17;L-4;;inv-1',
      ].join('\n'),
    });
    expect(report.created).toBe(2);
    expect(report.rejected).toEqual([
      {
        row: 3,
        externalId: 'L-3',
        errors: ['location_id: "Нет такого" is not a location of the CMDB'],
      },
      {
        row: 4,
        externalId: 'L-4',
        errors: [expect.stringMatching(/^inventory_number: INV-1 belongs to T14/)],
      },
    ]);
    expect(cmdb.state.items.map(({ asset }) => asset?.locationId)).toEqual([WAREHOUSE, WAREHOUSE]);
  });

  it('refuses content it cannot read and imports over the limit before touching anything', async () => {
    await expect(
      run({ content: 'name;external_id;colour\nx;X;red', defaultTypeKey: 'application' }),
    ).rejects.toMatchObject({
      code: CmdbErrorCode.ValidationFailed,
    });
    await expect(run({ format: 'json', content: '{"name": "x"}' })).rejects.toMatchObject({
      code: CmdbErrorCode.ValidationFailed,
    });
    const { validator, ids, clock } = cmdbPorts();
    const small = new ImportItemsUseCase(cmdb, validator, ids, clock, 2);
    await expect(
      small.execute({
        format: 'csv',
        content: CSV,
        defaultTypeKey: null,
        actorId: 'x',
        dryRun: false,
      }),
    ).rejects.toMatchObject({
      code: CmdbErrorCode.ValidationFailed,
      details: { rows: 3, maxRows: 2 },
    });
    expect(cmdb.state.items).toEqual([]);
  });

  it('keeps the rows of earlier chunks when a later one fails', async () => {
    const rows = Array.from(
      { length: IMPORT_CHUNK_ROWS + 1 },
      (_, index) => `app-${index};A-${index}`,
    );
    const report = await run({
      content: ['name;external_id', ...rows].join('\n'),
      defaultTypeKey: 'application',
    });
    expect(report).toMatchObject({ rows: IMPORT_CHUNK_ROWS + 1, created: IMPORT_CHUNK_ROWS + 1 });
  });

  it('re-imports its own export unchanged, in both formats', async () => {
    await run({
      content: [
        'type;name;external_id;attr.os;attr.cpu_cores',
        'server;"Сервер; 1С";S-1;"Linux ""Astra""";8',
        'server;db-02;S-2;;',
      ].join('\n'),
    });
    const exporter = new ExportItemsUseCase(cmdb, 1_000);
    for (const format of ['csv', 'json'] as const) {
      const { content, items } = await exporter.execute('server', format);
      expect(items).toBe(2);
      expect(await run({ format, content })).toMatchObject({ rows: 2, unchanged: 2, rejected: [] });
    }
  });
});
