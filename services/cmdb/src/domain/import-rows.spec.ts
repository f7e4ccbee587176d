import { AttributeValidator, type CiTypeDefinition, DEFAULT_CI_TYPES } from './ci-type';
import { CmdbError, CmdbErrorCode } from './cmdb-error';
import {
  type AssetDetails,
  diffItems,
  type ItemFields,
  validateItemFields,
} from './configuration-item';
import {
  coerceAttributes,
  type ImportRow,
  parseCsv,
  resolveRowType,
  rowsFromCsv,
  rowsFromJson,
  toCsv,
  toItemFields,
  toJson,
  unknownColumns,
  violationSentences,
} from './import-rows';

const types = new Map(DEFAULT_CI_TYPES.map((type) => [type.key, type]));
function typeOf(key: string): CiTypeDefinition {
  const type = types.get(key);
  if (!type) throw new Error(`no default type ${key}`);
  return type;
}

function contentError(run: () => unknown): CmdbError {
  try {
    run();
  } catch (error) {
    if (error instanceof CmdbError) return error;
    throw error;
  }
  throw new Error('expected a CmdbError');
}

const noAsset = {
  ownerId: null,
  supportGroupId: null,
  locationId: null,
  asset: null,
} satisfies Partial<ItemFields>;

const stock = (details: Partial<AssetDetails> = {}): AssetDetails => ({
  state: 'in_stock',
  inventoryNumber: null,
  serialNumber: null,
  holderId: null,
  locationId: null,
  warrantyEnd: null,
  contractEnd: null,
  seats: null,
  ...details,
});

describe('reading CSV', () => {
  it.each<[string, string, string[], string[][]]>([
    ['comma-delimited', 'type,name\nserver,srv-01\n', ['type', 'name'], [['server', 'srv-01']]],
    [
      'a 1C export: BOM, semicolons, CRLF',
      '\uFEFFТип;Name\r\nserver;Сервер 1С\r\n',
      ['тип', 'name'],
      [['server', 'Сервер 1С']],
    ],
    [
      'tab-delimited',
      'type\tname\r\nlaptop\tThinkPad, T14\r\n',
      ['type', 'name'],
      [['laptop', 'ThinkPad, T14']],
    ],
    [
      'quoted fields with the delimiter, doubled quotes and line breaks',
      'name;note\r\n"ООО ""Ромашка""; склад";"line one\r\nline two"\r\n',
      ['name', 'note'],
      [['ООО "Ромашка"; склад', 'line one\r\nline two']],
    ],
    ['a quoted empty field', 'a;b;c\n"";x;""\n', ['a', 'b', 'c'], [['', 'x', '']]],
    ['no line break at the end', 'a;b\n1;2', ['a', 'b'], [['1', '2']]],
    ['a delimiter at the end of a line', 'a;b\n1;\n', ['a', 'b'], [['1', '']]],
    [
      'empty lines and lines of empty cells are skipped',
      '\n\na;b\n\n1;2\n;;\n  \n3;4\n\n',
      ['a', 'b'],
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      'header names trimmed and lower-cased',
      ' Type ; NAME ;Attr.RAM_GB\n1;2;3\n',
      ['type', 'name', 'attr.ram_gb'],
      [['1', '2', '3']],
    ],
    [
      'the delimiter is the one of the header, quotes aside',
      '"a,b,c";d\n"1,5";2\n',
      ['a,b,c', 'd'],
      [['1,5', '2']],
    ],
    ['a single column', 'name\nИванов, Иван\n', ['name'], [['Иванов, Иван']]],
    ['nothing at all', '', [], []],
    ['only a BOM', '\uFEFF', [], []],
    [
      'ragged rows kept as they are',
      'a;b;c\n1\n1;2;3;4\n',
      ['a', 'b', 'c'],
      [['1'], ['1', '2', '3', '4']],
    ],
    [
      'a quote inside an unquoted field is text',
      'a;b\n12" monitor;x\n',
      ['a', 'b'],
      [['12" monitor', 'x']],
    ],
  ])('%s', (_name, text, header, rows) => {
    expect(parseCsv(text)).toEqual({ header, rows });
  });

  it.each<[string, string, string]>([
    ['in the header', '"type;name\nserver;x\n', 'line 1: unterminated quoted field'],
    ['in a row', 'type;name\nserver;"srv\n', 'line 2: unterminated quoted field'],
    [
      'after a multi-line field, counting its lines',
      'type;name\nserver;"two\nlines"\nserver;"open\n',
      'line 4: unterminated quoted field',
    ],
  ])('refuses an unterminated quote %s', (_name, text, message) => {
    const error = contentError(() => parseCsv(text));
    expect(error.code).toBe(CmdbErrorCode.ValidationFailed);
    expect(error.violations).toEqual([{ field: 'content', message }]);
  });

  it('names the columns it does not read', () => {
    expect(unknownColumns(['type', 'name', 'attr.ram_gb', 'colour', 'attr.', 'мол'])).toEqual([
      'colour',
      'attr.',
      'мол',
    ]);
  });
});

describe('rows of a CSV file', () => {
  const csv = [
    'type;external_id;name;status;location_id;inventory_number;seats;attr.ram_gb;attr.os;colour',
    'Laptop; БП-00017 ;Ноутбук Иванова;active;loc-1;ИНВ-1;;16,5;;red',
    ';SRV-01;srv-01;;;;;;Astra Linux;',
    ';;;;;;;;;',
    'server;;no id;;;;;;;',
  ].join('\n');

  it('reads columns into fields, attributes and the raw row, numbering rows from 1', () => {
    const rows = rowsFromCsv(parseCsv(csv), 'server');
    expect(rows).toEqual<ImportRow[]>([
      {
        row: 1,
        externalId: 'БП-00017',
        typeKey: 'laptop',
        fields: {
          name: 'Ноутбук Иванова',
          status: 'active',
          locationId: 'loc-1',
          inventoryNumber: 'ИНВ-1',
          seats: '',
        },
        attributes: { ram_gb: '16,5', os: null },
        raw: {
          type: 'Laptop',
          external_id: ' БП-00017 ',
          name: 'Ноутбук Иванова',
          status: 'active',
          location_id: 'loc-1',
          inventory_number: 'ИНВ-1',
          seats: '',
          'attr.ram_gb': '16,5',
          'attr.os': '',
          colour: 'red',
        },
      },
      expect.objectContaining({
        row: 2,
        externalId: 'SRV-01',
        typeKey: 'server',
        attributes: { ram_gb: null, os: 'Astra Linux' },
      }) as ImportRow,
      expect.objectContaining({ row: 3, externalId: null, typeKey: 'server' }) as ImportRow,
    ]);
  });

  it('leaves the type open when there is neither a type column nor a default', () => {
    expect(rowsFromCsv(parseCsv('name\nsrv-01\n'), null)[0]?.typeKey).toBeNull();
  });

  it('keeps a column named __proto__ as data', () => {
    const [row] = rowsFromCsv(parseCsv('name;__proto__;attr.__proto__\nx;y;z\n'), 'server');
    expect(Object.keys(row?.raw ?? {})).toEqual(['name', '__proto__', 'attr.__proto__']);
    expect(Object.getPrototypeOf(row?.attributes)).toBe(Object.prototype);
    expect(Object.keys(row?.attributes ?? {})).toEqual(['__proto__']);
  });
});

describe('rows of a JSON file', () => {
  it('reads objects keyed like the CSV columns, attributes typed', () => {
    const json = JSON.stringify([
      {
        type: 'software_licence',
        external_id: 'LIC-365',
        name: 'Microsoft 365 E3',
        owner_id: null,
        seats: 250,
        attributes: { vendor: 'Microsoft', product: 'Microsoft 365 E3' },
        'attr.licence_model': 'per_user',
      },
    ]);
    expect(rowsFromJson(json, null)).toEqual<ImportRow[]>([
      {
        row: 1,
        externalId: 'LIC-365',
        typeKey: 'software_licence',
        fields: { name: 'Microsoft 365 E3', ownerId: '', seats: '250' },
        attributes: { vendor: 'Microsoft', product: 'Microsoft 365 E3', licence_model: 'per_user' },
        raw: {
          type: 'software_licence',
          external_id: 'LIC-365',
          name: 'Microsoft 365 E3',
          owner_id: '',
          seats: '250',
          attributes: '{"vendor":"Microsoft","product":"Microsoft 365 E3"}',
          'attr.licence_model': 'per_user',
        },
      },
    ]);
  });

  it('reports rows that are not objects, and attributes that are not an object', () => {
    const rows = rowsFromJson(
      '[42, {"external_id": "x", "name": "y", "attributes": [1]}]',
      'server',
    );
    expect(rows.map(({ row, problems }) => ({ row, problems }))).toEqual([
      { row: 1, problems: ['the row is not a JSON object'] },
      { row: 2, problems: ['attributes: must be a JSON object'] },
    ]);
    expect(rows.map((row) => toItemFields(row, typeOf('server'), null))).toEqual([
      { errors: ['the row is not a JSON object'] },
      { errors: ['attributes: must be a JSON object'] },
    ]);
  });

  it.each<[string, string, string]>([
    ['an object instead of an array', '{"items": []}', 'the content must be a JSON array of items'],
    ['not JSON at all', 'type;name', 'not JSON: '],
  ])('refuses %s on content', (_name, text, message) => {
    const error = contentError(() => rowsFromJson(text, null));
    expect(error.code).toBe(CmdbErrorCode.ValidationFailed);
    expect(error.violations).toEqual([
      { field: 'content', message: expect.stringContaining(message) as string },
    ]);
  });
});

describe('attributes read as text', () => {
  const schema = {
    type: 'object',
    properties: {
      hostname: { type: 'string' },
      cpu_cores: { type: 'integer' },
      ram_gb: { type: 'number' },
      price: { type: ['number', 'null'] },
      colour: { type: 'boolean' },
      disks: { type: 'array' },
      serialNumber: { type: 'string' },
    },
  };

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['an integer', { cpu_cores: '16' }, { cpu_cores: 16 }],
    ['a decimal point', { ram_gb: '16.5' }, { ram_gb: 16.5 }],
    ['a decimal comma (1C)', { ram_gb: '16,5' }, { ram_gb: 16.5 }],
    [
      'digit groups with spaces and no-break spaces',
      { price: '1 024 000,50', ram_gb: '1\u00a0024' },
      { price: 1024000.5, ram_gb: 1024 },
    ],
    ['an exponent', { ram_gb: '1e3' }, { ram_gb: 1000 }],
    [
      'a decimal where an integer goes (the schema will say so)',
      { cpu_cores: '2.5' },
      { cpu_cores: 2.5 },
    ],
    [
      'text where a number goes stays text',
      { cpu_cores: 'шестнадцать', ram_gb: '16 GB' },
      { cpu_cores: 'шестнадцать', ram_gb: '16 GB' },
    ],
    ['digits where text goes stay text', { hostname: '007' }, { hostname: '007' }],
    ['booleans in English and Russian', { colour: 'Да' }, { colour: true }],
    ['false', { colour: 'false' }, { colour: false }],
    ['JSON of an array', { disks: '[{"size_gb":500}]' }, { disks: [{ size_gb: 500 }] }],
    ['broken JSON stays text', { disks: '[{' }, { disks: '[{' }],
    ['an attribute the schema does not know', { rack: '12' }, { rack: '12' }],
    [
      'values that are already typed',
      { cpu_cores: 8, colour: true },
      { cpu_cores: 8, colour: true },
    ],
    ['removals (null) pass through', { ram_gb: null }, { ram_gb: null }],
    [
      'names from a lower-cased header find their property',
      { serialnumber: 'SN-1' },
      { serialNumber: 'SN-1' },
    ],
  ])('%s', (_name, attributes, expected) => {
    expect(coerceAttributes(attributes, schema)).toEqual(expected);
  });
});

describe('an import row as an item', () => {
  const server = typeOf('server');
  const laptop = typeOf('laptop');
  const licence = typeOf('software_licence');
  const row = (
    typeKey: string,
    fields: ImportRow['fields'],
    attributes: Record<string, unknown> = {},
    externalId: string | null = 'EXT-1',
  ): ImportRow => ({
    row: 7,
    externalId,
    typeKey,
    fields,
    attributes,
    raw: {},
  });

  const heldLaptop = stock({
    state: 'in_use',
    holderId: 'usr-ivanov',
    locationId: 'loc-office-3',
    inventoryNumber: 'ИНВ-1',
  });
  const existingLaptop: ItemFields = {
    typeKey: 'laptop',
    name: 'Ноутбук Иванова',
    externalId: 'EXT-1',
    attributes: { model: 'ThinkPad T14', ram_gb: 16 },
    status: 'active',
    ownerId: 'usr-it',
    supportGroupId: 'grp-desktop',
    locationId: 'loc-office',
    asset: heldLaptop,
  };

  it.each<[string, ImportRow, CiTypeDefinition, ItemFields | null, ItemFields]>([
    [
      'a new server, status active by default',
      row(
        'server',
        { name: ' srv-01 ', locationId: 'loc-dc' },
        { cpu_cores: '8', os: 'Astra Linux' },
      ),
      server,
      null,
      {
        typeKey: 'server',
        name: 'srv-01',
        externalId: 'EXT-1',
        attributes: { cpu_cores: 8, os: 'Astra Linux' },
        status: 'active',
        ...noAsset,
        locationId: 'loc-dc',
      },
    ],
    [
      'a new laptop goes in stock, where the location column says',
      row('laptop', {
        name: 'Ноутбук',
        locationId: 'loc-wh',
        inventoryNumber: 'ИНВ-2',
        warrantyEnd: '31.03.2027 0:00:00',
      }),
      laptop,
      null,
      {
        typeKey: 'laptop',
        name: 'Ноутбук',
        externalId: 'EXT-1',
        attributes: {},
        status: 'active',
        ...noAsset,
        locationId: 'loc-wh',
        asset: stock({ locationId: 'loc-wh', inventoryNumber: 'ИНВ-2', warrantyEnd: '2027-03-31' }),
      },
    ],
    [
      'a new laptop in use by someone',
      row('laptop', { name: 'Ноутбук', assetState: 'IN_USE', holderId: 'usr-ivanov' }),
      laptop,
      null,
      {
        typeKey: 'laptop',
        name: 'Ноутбук',
        externalId: 'EXT-1',
        attributes: {},
        status: 'active',
        ...noAsset,
        asset: stock({ state: 'in_use', holderId: 'usr-ivanov' }),
      },
    ],
    [
      'a new licence with its seats',
      row(
        'software_licence',
        { name: 'Kaspersky Endpoint Security', seats: '1 500', contractEnd: '2026-12-31' },
        { vendor: 'Kaspersky', product: 'KES' },
      ),
      licence,
      null,
      {
        typeKey: 'software_licence',
        name: 'Kaspersky Endpoint Security',
        externalId: 'EXT-1',
        attributes: { vendor: 'Kaspersky', product: 'KES' },
        status: 'active',
        ...noAsset,
        asset: stock({ seats: 1500, contractEnd: '2026-12-31' }),
      },
    ],
    [
      'absent columns keep what the item had',
      row('laptop', { serialNumber: 'PF3ABC' }),
      laptop,
      existingLaptop,
      { ...existingLaptop, asset: { ...heldLaptop, serialNumber: 'PF3ABC' } },
    ],
    [
      'empty cells clear',
      row('laptop', { ownerId: '', inventoryNumber: '' }, { model: null }),
      laptop,
      existingLaptop,
      {
        ...existingLaptop,
        ownerId: null,
        attributes: { ram_gb: 16 },
        asset: { ...heldLaptop, inventoryNumber: null },
      },
    ],
    [
      'the state of an existing asset is never changed by an import',
      row('laptop', { assetState: 'retired', status: 'Retired' }),
      laptop,
      existingLaptop,
      { ...existingLaptop, status: 'retired' },
    ],
    [
      'the location column moves an existing asset, not the item',
      row('laptop', { locationId: 'loc-office-5' }),
      laptop,
      existingLaptop,
      { ...existingLaptop, asset: { ...heldLaptop, locationId: 'loc-office-5' } },
    ],
  ])('%s', (_name, importRow, type, existing, expected) => {
    expect(toItemFields(importRow, type, existing)).toEqual({ fields: expected });
  });

  it.each<[string, ImportRow, CiTypeDefinition, ItemFields | null, string[]]>([
    [
      'no external id',
      row('server', { name: 'srv-01' }, {}, null),
      server,
      null,
      ['external_id: required, it identifies the item from one import to the next'],
    ],
    ['no name for a new item', row('server', {}), server, null, ['name: required']],
    [
      'an empty name for an existing one',
      row('laptop', { name: ' ' }),
      laptop,
      existingLaptop,
      ['name: required'],
    ],
    [
      'an unknown status',
      row('server', { name: 'srv-01', status: 'broken' }),
      server,
      null,
      ['status: "broken" is not a status: planned, active, maintenance, retired'],
    ],
    [
      'a month 13',
      row('laptop', { name: 'x', warrantyEnd: '2026-13-01' }),
      laptop,
      null,
      ['warranty_end: 2026-13-01 is not a date (YYYY-MM-DD)'],
    ],
    [
      'a 31st of February',
      row('laptop', { name: 'x', contractEnd: '31.02.2026' }),
      laptop,
      null,
      ['contract_end: 31.02.2026 is not a date (YYYY-MM-DD)'],
    ],
    [
      'an unknown asset state for a new asset',
      row('laptop', { name: 'x', assetState: 'lost' }),
      laptop,
      null,
      [
        'asset_state: "lost" is not an asset state: ordered, in_stock, in_use, in_repair, retired, disposed',
      ],
    ],
    [
      'half a seat',
      row('software_licence', { name: 'x', seats: '2,5' }),
      licence,
      null,
      ['seats: 2,5 is not a whole number of seats'],
    ],
    [
      'seats of a laptop',
      row('laptop', { name: 'x', seats: '5' }),
      laptop,
      null,
      ['seats: only licences have seats'],
    ],
    [
      'asset columns for a server',
      row('server', { name: 'srv-01', inventoryNumber: 'ИНВ-9', assetState: 'in_stock' }),
      server,
      null,
      [
        'inventory_number: server is not an asset type; leave the column empty',
        'asset_state: server is not an asset type; leave the column empty',
      ],
    ],
    [
      'everything at once',
      row('laptop', { status: 'x', warrantyEnd: 'soon' }, {}, null),
      laptop,
      null,
      [
        'external_id: required, it identifies the item from one import to the next',
        'name: required',
        'status: "x" is not a status: planned, active, maintenance, retired',
        'warranty_end: soon is not a date (YYYY-MM-DD)',
      ],
    ],
  ])('refuses %s', (_name, importRow, type, existing, errors) => {
    expect(toItemFields(importRow, type, existing)).toEqual({ errors });
  });

  it.each<[string, string | null, { type: CiTypeDefinition } | { errors: string[] }]>([
    ['a known type', 'laptop', { type: laptop }],
    [
      'no type and no default',
      null,
      { errors: ['type: required, the row names no type and the import has no default type'] },
    ],
    ['an unknown type', 'toaster', { errors: ['type: "toaster" is not a CI type'] }],
  ])('resolves the type of a row: %s', (_name, typeKey, expected) => {
    expect(resolveRowType({ ...row('', {}), typeKey }, types)).toEqual(expected);
  });

  it('turns validation violations into sentences naming the columns', () => {
    expect(
      violationSentences([
        { field: 'name', message: 'name is required' },
        { field: 'asset.holderId', message: 'an asset in use needs a holder' },
        { field: 'asset.locationId', message: 'asset.locationId must be at most 200 characters' },
        { field: 'asset.seats', message: 'only licences have seats' },
        { field: 'attributes/ram_gb', message: 'must be number' },
        { field: 'attributes/disks/0/size_gb', message: 'must be integer' },
        { field: 'attributes', message: 'must be object' },
        { field: 'asset', message: 'items of type laptop are assets and need asset details' },
      ]),
    ).toEqual([
      'name: name is required',
      'holder_id: an asset in use needs a holder',
      'location_id: asset.locationId must be at most 200 characters',
      'seats: only licences have seats',
      'attr.ram_gb: must be number',
      'attr.disks/0/size_gb: must be integer',
      'attributes: must be object',
      'asset: items of type laptop are assets and need asset details',
    ]);
  });
});

/** What the import use case does with each row, without the database: check, then compare. */
function plan(rows: ImportRow[], existing: ReadonlyMap<string, ItemFields>) {
  const validator = new AttributeValidator();
  return rows.map((row) => {
    const resolved = resolveRowType(row, types);
    if ('errors' in resolved)
      return { row: row.row, externalId: row.externalId, errors: resolved.errors };
    const before = existing.get(`${resolved.type.key}/${row.externalId ?? ''}`) ?? null;
    const read = toItemFields(row, resolved.type, before);
    if ('errors' in read) return { row: row.row, externalId: row.externalId, errors: read.errors };
    const violations = validateItemFields(read.fields, resolved.type, validator);
    if (violations.length > 0) {
      return { row: row.row, externalId: row.externalId, errors: violationSentences(violations) };
    }
    const outcome =
      before === null
        ? 'created'
        : diffItems(before, read.fields).length > 0
          ? 'updated'
          : 'unchanged';
    return { row: row.row, externalId: row.externalId, outcome, fields: read.fields };
  });
}

describe('export and import again', () => {
  const payroll: ItemFields = {
    typeKey: 'business_service',
    name: 'Бухгалтерия; расчёт зарплаты',
    externalId: 'BS-1',
    attributes: { criticality: 'high', description: 'Расчёт "зарплаты"\nи отпусков' },
    status: 'active',
    ownerId: 'usr-glavbukh',
    supportGroupId: 'grp-1c',
    locationId: null,
    asset: null,
  };
  const dbServer: ItemFields = {
    typeKey: 'server',
    name: 'srv-1c-01',
    externalId: '000000451',
    attributes: {
      hostname: 'srv-1c-01.corp.local',
      ip: '10.0.12.5',
      cpu_cores: 16,
      ram_gb: 64.5,
      os: '8',
    },
    status: 'maintenance',
    ownerId: null,
    supportGroupId: 'grp-infra',
    locationId: 'loc-dc-1',
    asset: null,
  };
  const laptop: ItemFields = {
    typeKey: 'laptop',
    name: 'Ноутбук Иванова',
    externalId: 'БП-00017',
    attributes: { model: 'ThinkPad T14', ram_gb: 16 },
    status: 'active',
    ownerId: null,
    supportGroupId: 'grp-desktop',
    locationId: 'loc-office',
    asset: stock({
      state: 'in_use',
      holderId: 'usr-ivanov',
      locationId: 'loc-office-3',
      inventoryNumber: 'ИНВ-000123',
      serialNumber: 'PF3ABC12',
      warrantyEnd: '2027-03-31',
    }),
  };
  const printer: ItemFields = {
    typeKey: 'printer',
    name: 'Kyocera, 2-й этаж',
    externalId: 'PRN-7',
    attributes: { model: 'Kyocera M2040dn', colour: false, ip: '10.0.30.7' },
    status: 'active',
    ownerId: null,
    supportGroupId: null,
    locationId: null,
    asset: stock({ locationId: 'loc-office-2' }),
  };
  const licence: ItemFields = {
    typeKey: 'software_licence',
    name: 'Microsoft 365 E3',
    externalId: 'LIC-365',
    attributes: { vendor: 'Microsoft', product: 'Microsoft 365 E3', licence_model: 'per_user' },
    status: 'active',
    ownerId: null,
    supportGroupId: null,
    locationId: null,
    asset: stock({ seats: 250, contractEnd: '2026-12-31' }),
  };
  const items = [payroll, dbServer, laptop, printer, licence];
  const existing = new Map(items.map((item) => [`${item.typeKey}/${item.externalId ?? ''}`, item]));
  const attributeNames = [...new Set(items.flatMap((item) => Object.keys(item.attributes)))].sort();

  it('every exported item is valid to begin with', () => {
    const validator = new AttributeValidator();
    expect(
      items.flatMap((item) => validateItemFields(item, typeOf(item.typeKey), validator)),
    ).toEqual([]);
  });

  it('changes nothing when a CSV export is imported again', () => {
    const csv = toCsv(
      items.map((fields) => ({ fields })),
      attributeNames,
    );
    const outcomes = plan(rowsFromCsv(parseCsv(csv), null), existing);
    expect(outcomes.map(({ externalId, outcome }) => [externalId, outcome])).toEqual(
      items.map((item) => [item.externalId, 'unchanged']),
    );
  });

  it('changes nothing when a JSON export is imported again', () => {
    const json = toJson(items.map((fields) => ({ fields })));
    const outcomes = plan(rowsFromJson(json, null), existing);
    expect(outcomes.map(({ externalId, outcome }) => [externalId, outcome])).toEqual(
      items.map((item) => [item.externalId, 'unchanged']),
    );
  });

  it('writes a ;-delimited file with the import header, quoting only where needed', () => {
    const csv = toCsv(
      [{ fields: payroll }, { fields: licence }],
      ['criticality', 'description', 'vendor'],
    );
    expect(csv).toBe(
      [
        'type;name;external_id;status;owner_id;support_group_id;location_id;inventory_number;serial_number;holder_id;warranty_end;contract_end;seats;asset_state;attr.criticality;attr.description;attr.vendor',
        'business_service;"Бухгалтерия; расчёт зарплаты";BS-1;active;usr-glavbukh;grp-1c;;;;;;;;;high;"Расчёт ""зарплаты""\nи отпусков";',
        'software_licence;Microsoft 365 E3;LIC-365;active;;;;;;;;2026-12-31;250;in_stock;;;Microsoft',
        '',
      ].join('\r\n'),
    );
  });

  it('writes JSON that names the columns and keeps attributes typed', () => {
    expect(JSON.parse(toJson([{ fields: printer }]))).toEqual([
      {
        type: 'printer',
        name: 'Kyocera, 2-й этаж',
        external_id: 'PRN-7',
        status: 'active',
        owner_id: null,
        support_group_id: null,
        location_id: 'loc-office-2',
        inventory_number: null,
        serial_number: null,
        holder_id: null,
        warranty_end: null,
        contract_end: null,
        seats: null,
        asset_state: 'in_stock',
        attributes: { model: 'Kyocera M2040dn', colour: false, ip: '10.0.30.7' },
      },
    ]);
  });

  it('sees a changed cell as an update', () => {
    const csv = toCsv(
      items.map((fields) => ({ fields })),
      attributeNames,
    ).replace('srv-1c-01.corp.local', 'srv-1c-02.corp.local');
    const outcomes = plan(rowsFromCsv(parseCsv(csv), null), existing);
    expect(
      outcomes.filter(({ outcome }) => outcome === 'updated').map(({ externalId }) => externalId),
    ).toEqual(['000000451']);
  });
});

describe('a 1C export', () => {
  const file =
    '\uFEFF' +
    [
      'Тип;External_ID;Name;Status;Location_ID;Inventory_Number;Serial_Number;Warranty_End;ATTR.Model;ATTR.RAM_GB',
      ';00-000017;"Ноутбук; бухгалтерия";active;loc-spb;ИНВ-000017;PF3ABC12;31.03.2027;ThinkPad T14;16',
      ';00-000018;"Ноутбук ""главного""\r\nбухгалтера";;loc-spb;ИНВ-000018;;;MacBook Pro 14;"32,0"',
      '',
      ';00-000019;Ноутбук без гарантии;списан;loc-spb;ИНВ-000019;;2026-13-01;;много',
      ';;Ноутбук без кода;;loc-spb;;;;;',
      ';00-000021;Ноутбук склада;;loc-spb;ИНВ-000021;;;ThinkPad X1;abc',
    ].join('\r\n') +
    '\r\n';

  it('reads the rows with the default type, Cyrillic, quoted names and decimal commas', () => {
    const outcomes = plan(rowsFromCsv(parseCsv(file), 'laptop'), new Map());
    expect(outcomes.slice(0, 2)).toEqual([
      {
        row: 1,
        externalId: '00-000017',
        outcome: 'created',
        fields: {
          typeKey: 'laptop',
          name: 'Ноутбук; бухгалтерия',
          externalId: '00-000017',
          attributes: { model: 'ThinkPad T14', ram_gb: 16 },
          status: 'active',
          ownerId: null,
          supportGroupId: null,
          locationId: 'loc-spb',
          asset: stock({
            locationId: 'loc-spb',
            inventoryNumber: 'ИНВ-000017',
            serialNumber: 'PF3ABC12',
            warrantyEnd: '2027-03-31',
          }),
        },
      },
      expect.objectContaining({
        row: 2,
        outcome: 'created',
        fields: expect.objectContaining({
          name: 'Ноутбук "главного"\r\nбухгалтера',
          attributes: { model: 'MacBook Pro 14', ram_gb: 32 },
        }) as unknown,
      }),
    ]);
  });

  it('reports the bad rows by number, with every problem, and lets the others through', () => {
    const outcomes = plan(rowsFromCsv(parseCsv(file), 'laptop'), new Map());
    expect(outcomes.filter((outcome) => 'errors' in outcome)).toEqual([
      {
        row: 3,
        externalId: '00-000019',
        errors: [
          'status: "списан" is not a status: planned, active, maintenance, retired',
          'warranty_end: 2026-13-01 is not a date (YYYY-MM-DD)',
        ],
      },
      {
        row: 4,
        externalId: null,
        errors: ['external_id: required, it identifies the item from one import to the next'],
      },
      { row: 5, externalId: '00-000021', errors: ['attr.ram_gb: must be number'] },
    ]);
    expect(outcomes.filter((outcome) => 'outcome' in outcome).map(({ row }) => row)).toEqual([
      1, 2,
    ]);
  });
});
