// An inventory campaign (инвентаризация) at a location: what the CMDB expects there against the
// inventory numbers people scanned.

export type InventoryDiscrepancyKind = 'missing' | 'unexpected' | 'unknown';

export interface InventoryDiscrepancy {
  /** missing: expected, not scanned; unexpected: scanned, recorded elsewhere; unknown: not in the CMDB. */
  kind: InventoryDiscrepancyKind;
  assetId: string | null;
  inventoryNumber: string;
  /** Where the CMDB has an unexpected asset; null for the other kinds. */
  recordedLocationId: string | null;
}

export interface InventoryReconciliation {
  /** Expected assets that were scanned, each once. */
  found: number;
  /** By kind, then inventory number. */
  discrepancies: InventoryDiscrepancy[];
}

/** The form inventory numbers are compared in: scanners and people differ in case and spaces. */
export function normaliseInventoryNumber(text: string): string {
  return text.trim().toUpperCase();
}

function byKindThenNumber(a: InventoryDiscrepancy, b: InventoryDiscrepancy): number {
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  // By code point, not locale: the same order on every server (Latin before Cyrillic).
  const left = normaliseInventoryNumber(a.inventoryNumber);
  const right = normaliseInventoryNumber(b.inventoryNumber);
  if (left !== right) return left < right ? -1 : 1;
  const leftId = a.assetId ?? '';
  const rightId = b.assetId ?? '';
  return leftId < rightId ? -1 : leftId > rightId ? 1 : 0;
}

/**
 * Compares the assets the CMDB has at a location with the numbers scanned there. A number
 * scanned twice counts once; `knownElsewhere` holds the assets the CMDB has at other locations
 * (keyed by inventory number, any case) for the scanned numbers that were not expected.
 */
export function reconcileInventory(
  expected: ReadonlyArray<{ assetId: string; inventoryNumber: string }>,
  scanned: readonly string[],
  knownElsewhere: ReadonlyMap<string, { assetId: string; locationId: string | null }>,
): InventoryReconciliation {
  const scans = new Set<string>();
  for (const text of scanned) {
    const number = normaliseInventoryNumber(text);
    if (number.length > 0) scans.add(number);
  }
  const expectedNumbers = new Set<string>();
  const discrepancies: InventoryDiscrepancy[] = [];
  let found = 0;
  for (const asset of expected) {
    const number = normaliseInventoryNumber(asset.inventoryNumber);
    expectedNumbers.add(number);
    if (scans.has(number)) found += 1;
    else {
      discrepancies.push({
        kind: 'missing',
        assetId: asset.assetId,
        inventoryNumber: asset.inventoryNumber,
        recordedLocationId: null,
      });
    }
  }
  const elsewhere = new Map<string, { assetId: string; locationId: string | null }>();
  for (const [number, asset] of knownElsewhere) {
    elsewhere.set(normaliseInventoryNumber(number), asset);
  }
  for (const number of scans) {
    if (expectedNumbers.has(number)) continue;
    const recorded = elsewhere.get(number);
    discrepancies.push(
      recorded
        ? {
            kind: 'unexpected',
            assetId: recorded.assetId,
            inventoryNumber: number,
            recordedLocationId: recorded.locationId,
          }
        : { kind: 'unknown', assetId: null, inventoryNumber: number, recordedLocationId: null },
    );
  }
  return { found, discrepancies: discrepancies.sort(byKindThenNumber) };
}
