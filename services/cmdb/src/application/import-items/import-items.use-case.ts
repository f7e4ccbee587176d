import type { AttributeValidator } from '../../domain/ci-type';
import { CmdbError, CmdbErrorCode } from '../../domain/cmdb-error';
import { diffItems, type ItemFields, validateItemFields } from '../../domain/configuration-item';
import {
  type ImportRow,
  parseCsv,
  rowsFromCsv,
  rowsFromJson,
  toItemFields,
  unknownColumns,
  violationSentences,
} from '../../domain/import-rows';
import { normaliseInventoryNumber } from '../../domain/inventory';
import { creationChanges, recordItemChange, withFields } from '../item-changes';
import type { Clock, IdGenerator } from '../ports/clock';
import type {
  CmdbStore,
  CmdbTransactions,
  StoredCiType,
  StoredItem,
  StoredLocation,
} from '../ports/cmdb-store';
import { actorOf, isUuid } from '../references';
import type { ImportItemsCommand, ImportReport, RejectedRow } from './import-items.command';

/** Rows per transaction: big enough to be quick, small enough to keep locks and undo short. */
export const IMPORT_CHUNK_ROWS = 500;

type RowOutcome =
  { kind: 'created' | 'updated' | 'unchanged' } | { kind: 'rejected'; errors: string[] };

function contentError(message: string): CmdbError {
  return new CmdbError(CmdbErrorCode.ValidationFailed, 'the import cannot be read', [
    { field: 'content', message },
  ]);
}

function rowKey(typeId: string, externalId: string): string {
  return `${typeId}\u0000${externalId}`;
}

/** What a refused write says, as sentences for the row's report. */
function sentencesOf(error: CmdbError): string[] {
  return error.violations.length > 0 ? violationSentences(error.violations) : [error.message];
}

/**
 * Locations by id, or by name when a file (a 1C export) names them so; a name is usable when
 * exactly one location has it.
 */
class LocationNames {
  private readonly ids: Set<string>;
  private readonly byName = new Map<string, string | null>();

  constructor(locations: readonly StoredLocation[]) {
    this.ids = new Set(locations.map(({ id }) => id));
    for (const { id, name } of locations) {
      const key = name.trim().toLowerCase();
      this.byName.set(key, this.byName.has(key) ? null : id);
    }
  }

  resolve(reference: string): string | undefined {
    if (isUuid(reference))
      return this.ids.has(reference.toLowerCase()) ? reference.toLowerCase() : undefined;
    return this.byName.get(reference.trim().toLowerCase()) ?? undefined;
  }
}

/**
 * Items from CSV or JSON, matched by type and external id: new ones are created, changed ones
 * updated, the same ones left alone (nothing written). A row is checked and applied whole: a bad
 * one is reported with every reason and the others still apply. Chunks of rows commit together,
 * each row inside a savepoint of its own.
 */
export class ImportItemsUseCase {
  constructor(
    private readonly transactions: CmdbTransactions,
    private readonly validator: AttributeValidator,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly maxRows: number,
  ) {}

  async execute(command: ImportItemsCommand): Promise<ImportReport> {
    const actorId = actorOf(command.actorId);
    const rows = this.rowsOf(command);
    if (rows.length > this.maxRows) {
      throw new CmdbError(
        CmdbErrorCode.ValidationFailed,
        `the import has ${rows.length} rows; at most ${this.maxRows} are taken at once`,
        [
          {
            field: 'content',
            message: `split the file into parts of at most ${this.maxRows} rows`,
          },
        ],
        { rows: rows.length, maxRows: this.maxRows },
      );
    }
    const reader = this.transactions.reader();
    const locations = new LocationNames(await reader.locations());
    const report: ImportReport = {
      rows: rows.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: [],
    };
    /** Rows a dry run would have written, so later rows of the same item see them. */
    const pending = new Map<string, ItemFields>();

    for (let start = 0; start < rows.length; start += IMPORT_CHUNK_ROWS) {
      const chunk = rows.slice(start, start + IMPORT_CHUNK_ROWS);
      const outcomes = await this.transactions.run(async (store) => {
        const types = new Map<string, StoredCiType | undefined>();
        const results: RowOutcome[] = [];
        for (const row of chunk) {
          results.push(
            await this.applyRow(store, row, {
              types,
              locations,
              pending,
              actorId,
              dryRun: command.dryRun,
            }),
          );
        }
        return results;
      });
      outcomes.forEach((outcome, index) => {
        const row = chunk[index];
        if (!row) return;
        if (outcome.kind === 'rejected') {
          const rejected: RejectedRow = {
            row: row.row,
            externalId: row.externalId,
            errors: outcome.errors,
          };
          report.rejected.push(rejected);
        } else {
          report[outcome.kind] += 1;
        }
      });
    }
    return report;
  }

  private rowsOf(command: ImportItemsCommand): ImportRow[] {
    const defaultTypeKey = command.defaultTypeKey?.trim() || null;
    if (command.content.trim().length === 0) throw contentError('the content is empty');
    if (command.format === 'json') return rowsFromJson(command.content, defaultTypeKey);
    const parsed = parseCsv(command.content);
    const unknown = unknownColumns(parsed.header);
    if (unknown.length > 0) {
      throw contentError(
        `unknown columns: ${unknown.join(', ')}; attributes go in attr.<name> columns`,
      );
    }
    if (!parsed.header.includes('name') && !parsed.header.includes('external_id')) {
      throw contentError('the first line must be a header naming the columns');
    }
    return rowsFromCsv(parsed, defaultTypeKey);
  }

  private async applyRow(
    store: CmdbStore,
    row: ImportRow,
    context: {
      types: Map<string, StoredCiType | undefined>;
      locations: LocationNames;
      pending: Map<string, ItemFields>;
      actorId: string;
      dryRun: boolean;
    },
  ): Promise<RowOutcome> {
    if (row.typeKey === null) {
      return {
        kind: 'rejected',
        errors: [
          ...(row.problems ?? []),
          'type: required, the row names no type and the import has no default type',
        ],
      };
    }
    if (!context.types.has(row.typeKey)) {
      // Shared lock: the schema cannot change while this chunk is checked against it.
      context.types.set(row.typeKey, await store.typeByKey(row.typeKey, 'share'));
    }
    const type = context.types.get(row.typeKey);
    if (!type) {
      return {
        kind: 'rejected',
        errors: [...(row.problems ?? []), `type: "${row.typeKey}" is not a CI type`],
      };
    }
    const key = row.externalId === null ? null : rowKey(type.id, row.externalId);
    const stored =
      row.externalId === null
        ? undefined
        : await store.itemByExternalId(type.id, row.externalId, 'update');
    const existing: ItemFields | null =
      (key === null ? undefined : context.pending.get(key)) ?? stored ?? null;

    const read = toItemFields(row, type, existing);
    if ('errors' in read) return { kind: 'rejected', errors: read.errors };
    const errors: string[] = [];
    const fields = this.withLocations(read.fields, existing, context.locations, errors);
    errors.push(...violationSentences(validateItemFields(fields, type, this.validator)));
    const number = fields.asset?.inventoryNumber ?? null;
    if (number !== null && number !== (existing?.asset?.inventoryNumber ?? null)) {
      const holder = await store.itemByInventoryNumber(number);
      if (holder && holder.id !== stored?.id) {
        errors.push(
          `inventory_number: ${normaliseInventoryNumber(number)} belongs to ${holder.name} (${holder.id})`,
        );
      }
    }
    if (errors.length > 0) return { kind: 'rejected', errors };

    const changes = existing ? diffItems(existing, fields) : creationChanges(fields);
    if (existing && changes.length === 0) return { kind: 'unchanged' };
    if (context.dryRun) {
      if (key) context.pending.set(key, fields);
      return { kind: existing ? 'updated' : 'created' };
    }
    try {
      await store.savepoint(() =>
        this.write(store, type, stored ?? null, fields, changes, context.actorId),
      );
    } catch (error) {
      if (error instanceof CmdbError) return { kind: 'rejected', errors: sentencesOf(error) };
      throw error;
    }
    return { kind: stored ? 'updated' : 'created' };
  }

  /** Location columns name locations by id or, from 1C files, by name. */
  private withLocations(
    fields: ItemFields,
    existing: ItemFields | null,
    locations: LocationNames,
    errors: string[],
  ): ItemFields {
    const resolve = (reference: string | null, kept: string | null): string | null => {
      if (reference === null || reference === kept) return reference;
      const id = locations.resolve(reference);
      if (id === undefined)
        errors.push(`location_id: "${reference}" is not a location of the CMDB`);
      return id ?? reference;
    };
    const locationId = resolve(fields.locationId, existing?.locationId ?? null);
    if (!fields.asset) return { ...fields, locationId };
    const assetLocationId =
      fields.asset.locationId === fields.locationId
        ? locationId
        : resolve(fields.asset.locationId, existing?.asset?.locationId ?? null);
    return { ...fields, locationId, asset: { ...fields.asset, locationId: assetLocationId } };
  }

  private async write(
    store: CmdbStore,
    type: StoredCiType,
    stored: StoredItem | null,
    fields: ItemFields,
    changes: ReturnType<typeof diffItems>,
    actorId: string,
  ): Promise<void> {
    const at = this.clock.now();
    if (stored) {
      const next = withFields(stored, fields, at);
      await store.updateItem(next);
      await recordItemChange(store, {
        before: stored,
        after: next,
        action: 'imported',
        actorId,
        changes,
        at,
      });
      return;
    }
    const item: StoredItem = {
      ...fields,
      id: this.ids.newId(),
      typeId: type.id,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await store.insertItem(item, null);
    await recordItemChange(store, {
      before: null,
      after: item,
      action: 'imported',
      actorId,
      changes,
      at,
    });
  }
}
