import { AttributeValidator, type CiTypeDefinition, DEFAULT_CI_TYPES } from './ci-type';
import {
  type AssetDetails,
  diffItems,
  isCalendarDate,
  type ItemFields,
  validateItemFields,
} from './configuration-item';

function defaultType(key: string): CiTypeDefinition {
  const type = DEFAULT_CI_TYPES.find((candidate) => candidate.key === key);
  if (!type) throw new Error(`no default type ${key}`);
  return type;
}

const server = defaultType('server');
const laptop = defaultType('laptop');
const licence = defaultType('software_licence');

const inStock: AssetDetails = {
  state: 'in_stock',
  inventoryNumber: 'ИНВ-000123',
  serialNumber: 'PF3ABC12',
  holderId: null,
  locationId: 'loc-warehouse',
  warrantyEnd: '2027-03-31',
  contractEnd: null,
  seats: null,
};

const dbServer: ItemFields = {
  typeKey: 'server',
  name: 'srv-1c-01',
  externalId: '000000451',
  attributes: { hostname: 'srv-1c-01.corp.local', ip: '10.0.12.5', cpu_cores: 16, ram_gb: 64 },
  status: 'active',
  ownerId: 'usr-sidorov',
  supportGroupId: 'grp-infra',
  locationId: 'loc-dc-1',
  asset: null,
};

const aLaptop: ItemFields = {
  typeKey: 'laptop',
  name: 'Ноутбук Lenovo ThinkPad T14',
  externalId: 'БП-00017',
  attributes: { model: 'ThinkPad T14 Gen 4', ram_gb: 32 },
  status: 'active',
  ownerId: null,
  supportGroupId: 'grp-desktop',
  locationId: null,
  asset: inStock,
};

const seatsOwned: AssetDetails = {
  ...inStock,
  inventoryNumber: null,
  serialNumber: null,
  warrantyEnd: null,
  contractEnd: '2026-12-31',
  seats: 250,
};

const officeLicence: ItemFields = {
  typeKey: 'software_licence',
  name: 'Microsoft 365 E3',
  externalId: 'LIC-365',
  attributes: { vendor: 'Microsoft', product: 'Microsoft 365 E3', licence_model: 'per_user' },
  status: 'active',
  ownerId: null,
  supportGroupId: null,
  locationId: null,
  asset: seatsOwned,
};

const sentences = (violations: { field: string; message: string }[]) =>
  violations.map(({ field, message }) => `${field}: ${message}`);

describe('validating an item against its type', () => {
  const validator = new AttributeValidator();

  it.each<[string, ItemFields, CiTypeDefinition, string[]]>([
    ['a server', dbServer, server, []],
    ['a laptop in stock', aLaptop, laptop, []],
    [
      'a laptop in use by someone',
      { ...aLaptop, asset: { ...inStock, state: 'in_use', holderId: 'usr-ivanov' } },
      laptop,
      [],
    ],
    ['a licence with its seats', officeLicence, licence, []],
    [
      'a licence with no seats left to own',
      { ...officeLicence, asset: { ...seatsOwned, seats: 0 } },
      licence,
      [],
    ],
    ['a blank name', { ...dbServer, name: '   ' }, server, ['name: name is required']],
    ['a name of 200 characters', { ...dbServer, name: 'с'.repeat(200) }, server, []],
    [
      'a name of 201 characters',
      { ...dbServer, name: 'с'.repeat(201) },
      server,
      ['name: name must be at most 200 characters'],
    ],
    [
      'an external id of 201 characters',
      { ...dbServer, externalId: '0'.repeat(201) },
      server,
      ['externalId: externalId must be at most 200 characters'],
    ],
    [
      'an empty external id instead of null',
      { ...dbServer, externalId: '' },
      server,
      ['externalId: externalId must be text, or null when there is none'],
    ],
    [
      'an unknown status',
      { ...dbServer, status: 'broken' as never },
      server,
      ['status: "broken" is not a status: planned, active, maintenance, retired'],
    ],
    [
      'an item of another type',
      dbServer,
      defaultType('virtual_machine'),
      ['typeKey: the item is of type "server", not "virtual_machine"'],
    ],
    [
      'a laptop without asset details',
      { ...aLaptop, asset: null },
      laptop,
      ['asset: items of type laptop are assets and need asset details'],
    ],
    [
      'a licence without asset details',
      { ...officeLicence, asset: null },
      licence,
      ['asset: items of type software_licence are licences and need asset details'],
    ],
    [
      'a server with asset details',
      { ...dbServer, asset: inStock },
      server,
      ['asset: items of type server are not assets and have no asset details'],
    ],
    [
      'a licence without seats',
      { ...officeLicence, asset: { ...seatsOwned, seats: null } },
      licence,
      ['asset.seats: a licence needs its seats as a whole number from 0, got null'],
    ],
    [
      'a licence with negative seats',
      { ...officeLicence, asset: { ...seatsOwned, seats: -1 } },
      licence,
      ['asset.seats: a licence needs its seats as a whole number from 0, got -1'],
    ],
    [
      'a licence with half a seat',
      { ...officeLicence, asset: { ...seatsOwned, seats: 2.5 } },
      licence,
      ['asset.seats: a licence needs its seats as a whole number from 0, got 2.5'],
    ],
    [
      'a laptop with seats',
      { ...aLaptop, asset: { ...inStock, seats: 3 } },
      laptop,
      ['asset.seats: only licences have seats'],
    ],
    [
      'dates that are not calendar days',
      { ...aLaptop, asset: { ...inStock, warrantyEnd: '2026-02-29', contractEnd: '31.12.2026' } },
      laptop,
      [
        'asset.warrantyEnd: 2026-02-29 is not a date (YYYY-MM-DD)',
        'asset.contractEnd: 31.12.2026 is not a date (YYYY-MM-DD)',
      ],
    ],
    [
      'an inventory number of 101 characters',
      { ...aLaptop, asset: { ...inStock, inventoryNumber: 'N'.repeat(101) } },
      laptop,
      ['asset.inventoryNumber: asset.inventoryNumber must be at most 100 characters'],
    ],
    [
      'an unknown asset state',
      { ...aLaptop, asset: { ...inStock, state: 'lost' as never } },
      laptop,
      ['asset.state: "lost" is not an asset state'],
    ],
    [
      'a laptop in use by nobody',
      { ...aLaptop, asset: { ...inStock, state: 'in_use' } },
      laptop,
      ['asset.holderId: an asset in use needs a holder'],
    ],
    [
      'a laptop in repair that someone holds',
      { ...aLaptop, asset: { ...inStock, state: 'in_repair', holderId: 'usr-ivanov' } },
      laptop,
      ['asset.holderId: only an asset in use has a holder; this one is in_repair'],
    ],
    [
      'attributes the schema refuses',
      { ...dbServer, attributes: { ip: 'localhost', cpu_cores: '16', rack: 'A3' } },
      server,
      [
        'attributes/rack: is not an attribute this type knows',
        'attributes/ip: must match format "ipv4"',
        'attributes/cpu_cores: must be integer',
      ],
    ],
    [
      'attributes that are not an object',
      { ...dbServer, attributes: null as never },
      server,
      ['attributes: attributes must be a JSON object'],
    ],
    [
      'everything wrong at once',
      {
        ...aLaptop,
        name: '',
        status: 'lost' as never,
        ownerId: 'u'.repeat(201),
        attributes: { ram_gb: 0 },
        asset: null,
      },
      laptop,
      [
        'name: name is required',
        'status: "lost" is not a status: planned, active, maintenance, retired',
        'ownerId: ownerId must be at most 200 characters',
        'asset: items of type laptop are assets and need asset details',
        'attributes/ram_gb: must be > 0',
      ],
    ],
  ])('%s', (_name, fields, type, expected) => {
    expect(sentences(validateItemFields(fields, type, validator))).toEqual(expected);
  });

  it('checks against the schema of the version it is given', () => {
    const v1 = { ...server, version: 1 };
    const v2 = {
      ...server,
      version: 2,
      attributeSchema: { ...server.attributeSchema, required: ['hostname'] },
    };
    const withoutHostname = { ...dbServer, attributes: { ip: '10.0.12.5' } };
    expect(validateItemFields(withoutHostname, v1, validator)).toEqual([]);
    expect(sentences(validateItemFields(withoutHostname, v2, validator))).toEqual([
      'attributes/hostname: is required',
    ]);
  });
});

describe('calendar dates', () => {
  it.each<[string, boolean]>([
    ['2026-12-31', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-5', false],
    ['2026-01-05T00:00:00Z', false],
    ['31.12.2026', false],
    ['', false],
  ])('%s is a date: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});

describe('what changed in an item', () => {
  it.each<[string, ItemFields, Array<[string, string, string]>]>([
    ['nothing', { ...aLaptop, attributes: { ram_gb: 32, model: 'ThinkPad T14 Gen 4' } }, []],
    [
      'the name',
      { ...aLaptop, name: 'Ноутбук Иванова' },
      [['name', '"Ноутбук Lenovo ThinkPad T14"', '"Ноутбук Иванова"']],
    ],
    ['a reference set', { ...aLaptop, ownerId: 'usr-ivanov' }, [['ownerId', '', '"usr-ivanov"']]],
    [
      'a reference cleared',
      { ...aLaptop, supportGroupId: null },
      [['supportGroupId', '"grp-desktop"', '']],
    ],
    [
      'the status',
      { ...aLaptop, status: 'maintenance' },
      [['status', '"active"', '"maintenance"']],
    ],
    [
      'attributes one key at a time',
      { ...aLaptop, attributes: { model: 'ThinkPad T14 Gen 4', ram_gb: 64, os: 'Windows 11' } },
      [
        ['attributes.os', '', '"Windows 11"'],
        ['attributes.ram_gb', '32', '64'],
      ],
    ],
    [
      'an attribute removed',
      { ...aLaptop, attributes: { ram_gb: 32 } },
      [['attributes.model', '"ThinkPad T14 Gen 4"', '']],
    ],
    [
      'an attribute set to null is the same as absent',
      { ...aLaptop, attributes: { ...aLaptop.attributes, cpu: null } },
      [],
    ],
    [
      'asset details one field at a time',
      {
        ...aLaptop,
        asset: { ...inStock, state: 'in_use', holderId: 'usr-ivanov', locationId: 'loc-office-3' },
      },
      [
        ['asset.state', '"in_stock"', '"in_use"'],
        ['asset.holderId', '', '"usr-ivanov"'],
        ['asset.locationId', '"loc-warehouse"', '"loc-office-3"'],
      ],
    ],
    [
      'asset details gone',
      { ...aLaptop, asset: null },
      [
        ['asset.state', '"in_stock"', ''],
        ['asset.inventoryNumber', '"ИНВ-000123"', ''],
        ['asset.serialNumber', '"PF3ABC12"', ''],
        ['asset.locationId', '"loc-warehouse"', ''],
        ['asset.warrantyEnd', '"2027-03-31"', ''],
      ],
    ],
  ])('%s', (_name, after, expected) => {
    expect(diffItems(aLaptop, after)).toEqual(
      expected.map(([field, oldValue, newValue]) => ({ field, oldValue, newValue })),
    );
  });

  it('compares nested attribute objects regardless of key order', () => {
    const before = { ...dbServer, attributes: { disks: [{ size_gb: 500, kind: 'ssd' }] } };
    const reordered = { ...dbServer, attributes: { disks: [{ kind: 'ssd', size_gb: 500 }] } };
    const grown = { ...dbServer, attributes: { disks: [{ kind: 'ssd', size_gb: 1000 }] } };
    expect(diffItems(before, reordered)).toEqual([]);
    expect(diffItems(before, grown)).toEqual([
      {
        field: 'attributes.disks',
        oldValue: '[{"kind":"ssd","size_gb":500}]',
        newValue: '[{"kind":"ssd","size_gb":1000}]',
      },
    ]);
  });

  it('lists common fields, then attributes, then asset details', () => {
    const after: ItemFields = {
      ...aLaptop,
      name: 'Ноутбук Иванова',
      attributes: { ...aLaptop.attributes, os: 'Windows 11' },
      asset: { ...inStock, serialNumber: 'PF3ABC13' },
    };
    expect(diffItems(aLaptop, after).map(({ field }) => field)).toEqual([
      'name',
      'attributes.os',
      'asset.serialNumber',
    ]);
  });
});
