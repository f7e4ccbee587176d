import { type InventoryDiscrepancy, reconcileInventory } from './inventory';

// The second floor of the Moscow office: three laptops and a monitor on record.
const expected = [
  { assetId: 'ci-laptop-1', inventoryNumber: 'ИНВ-0001' },
  { assetId: 'ci-laptop-2', inventoryNumber: 'ИНВ-0002' },
  { assetId: 'ci-laptop-3', inventoryNumber: 'ИНВ-0003' },
  { assetId: 'ci-monitor-1', inventoryNumber: 'inv-0100' },
];
// What the CMDB has elsewhere, for the scanned numbers it did not expect here.
const elsewhere = new Map([
  ['ИНВ-0007', { assetId: 'ci-laptop-7', locationId: 'loc-warehouse' }],
  ['inv-0200', { assetId: 'ci-printer-1', locationId: null }],
]);

const missing = (assetId: string, inventoryNumber: string): InventoryDiscrepancy => ({
  kind: 'missing',
  assetId,
  inventoryNumber,
  recordedLocationId: null,
});

describe('reconciling an inventory', () => {
  it.each<[string, string[], number, InventoryDiscrepancy[]]>([
    // By code point: Latin before Cyrillic, whatever the case.
    [
      'nothing scanned yet',
      [],
      0,
      [
        missing('ci-monitor-1', 'inv-0100'),
        missing('ci-laptop-1', 'ИНВ-0001'),
        missing('ci-laptop-2', 'ИНВ-0002'),
        missing('ci-laptop-3', 'ИНВ-0003'),
      ],
    ],
    [
      'everything found, in any case and with stray spaces',
      ['инв-0001', ' ИНВ-0002', 'ИНВ-0003\t', 'INV-0100'],
      4,
      [],
    ],
    [
      'a number scanned twice counts once',
      ['ИНВ-0001', 'ИНВ-0001', 'инв-0001'],
      1,
      [
        missing('ci-monitor-1', 'inv-0100'),
        missing('ci-laptop-2', 'ИНВ-0002'),
        missing('ci-laptop-3', 'ИНВ-0003'),
      ],
    ],
    ['empty scans are ignored', ['ИНВ-0001', 'ИНВ-0002', 'ИНВ-0003', 'INV-0100', '', '   '], 4, []],
    [
      'found where the CMDB has it elsewhere, or not at all',
      ['ИНВ-0001', 'ИНВ-0002', 'ИНВ-0003', 'INV-0100', 'ИНВ-0007', 'inv-0200', 'x-999', 'A-1'],
      4,
      [
        {
          kind: 'unexpected',
          assetId: 'ci-printer-1',
          inventoryNumber: 'INV-0200',
          recordedLocationId: null,
        },
        {
          kind: 'unexpected',
          assetId: 'ci-laptop-7',
          inventoryNumber: 'ИНВ-0007',
          recordedLocationId: 'loc-warehouse',
        },
        { kind: 'unknown', assetId: null, inventoryNumber: 'A-1', recordedLocationId: null },
        { kind: 'unknown', assetId: null, inventoryNumber: 'X-999', recordedLocationId: null },
      ],
    ],
    [
      'missing first, then unexpected, then unknown',
      ['x-999', 'ИНВ-0007', 'ИНВ-0003', 'ИНВ-0002', 'INV-0100'],
      3,
      [
        missing('ci-laptop-1', 'ИНВ-0001'),
        {
          kind: 'unexpected',
          assetId: 'ci-laptop-7',
          inventoryNumber: 'ИНВ-0007',
          recordedLocationId: 'loc-warehouse',
        },
        { kind: 'unknown', assetId: null, inventoryNumber: 'X-999', recordedLocationId: null },
      ],
    ],
  ])('%s', (_name, scanned, found, discrepancies) => {
    expect(reconcileInventory(expected, scanned, elsewhere)).toEqual({ found, discrepancies });
  });

  it('gives the same answer whatever order the scans came in', () => {
    const scans = ['x-999', 'ИНВ-0007', 'ИНВ-0003', 'inv-0200', 'A-1'];
    const forwards = reconcileInventory(expected, scans, elsewhere);
    const backwards = reconcileInventory([...expected].reverse(), [...scans].reverse(), elsewhere);
    expect(backwards).toEqual(forwards);
  });

  it('treats an empty location as nothing expected', () => {
    expect(reconcileInventory([], ['ИНВ-0007'], elsewhere)).toEqual({
      found: 0,
      discrepancies: [
        {
          kind: 'unexpected',
          assetId: 'ci-laptop-7',
          inventoryNumber: 'ИНВ-0007',
          recordedLocationId: 'loc-warehouse',
        },
      ],
    });
  });
});
