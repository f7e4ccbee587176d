import type { estypes } from '@elastic/elasticsearch';
import type { SearchClient } from './search-client';
import { requestFailed, SearchError, SearchErrorCode } from './search.error';

/**
 * A search index as code. Services read and write through `name` (an alias); the physical index
 * carries the version, so a mapping change is a new index that the alias is moved to, never an
 * in-place edit that the engine would refuse.
 */
export interface IndexDefinition {
  /** The alias services use, e.g. `knowledge-articles`. */
  name: string;
  /** Bump when settings or mappings change. */
  version: number;
  settings: estypes.IndicesIndexSettings;
  mappings: estypes.MappingTypeMapping;
}

export interface EnsureIndexResult {
  /** The physical index the alias now points at. */
  index: string;
  /** Whether this call created the physical index. */
  created: boolean;
  /** Physical indices the alias was taken away from (the older versions). */
  detachedFrom: string[];
}

// The engine's own rules for index names, narrowed to what we want in aliases.
const ALIAS_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

export function physicalIndexName(definition: Pick<IndexDefinition, 'name' | 'version'>): string {
  if (!ALIAS_PATTERN.test(definition.name)) {
    throw new SearchError(
      SearchErrorCode.InvalidIndexDefinition,
      `Index alias ${JSON.stringify(definition.name)} must be lowercase letters, digits, '-' or '_' and start with a letter or digit`,
    );
  }
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new SearchError(
      SearchErrorCode.InvalidIndexDefinition,
      `Index version of ${definition.name} must be a positive integer, got ${definition.version}`,
    );
  }
  return `${definition.name}-v${definition.version}`;
}

/**
 * Creates the versioned index if it is missing and points the alias at it, in one atomic alias
 * swap so readers never see the alias on zero or two indices. Safe to call on every start of
 * every replica: a concurrent create is tolerated and a correct alias is left alone.
 *
 * Moving the alias to a new, empty version is deliberate: the caller reindexes after a bump.
 */
export async function ensureIndex(
  client: SearchClient,
  definition: IndexDefinition,
): Promise<EnsureIndexResult> {
  const index = physicalIndexName(definition);
  const alias = definition.name;

  // A rebuild of this version (see startRebuild) that holds the alias is as good as the index.
  const current = await indicesHoldingAlias(client, alias);
  const [only] = current;
  if (current.length === 1 && only !== undefined && isIndexOfVersion(definition, only)) {
    return { index: only, created: false, detachedFrom: [] };
  }

  const created = await createIfMissing(client, index, definition);
  const detachedFrom = current.filter((holder) => holder !== index);
  const actions: estypes.IndicesUpdateAliasesAction[] = [
    ...detachedFrom.map((holder) => ({ remove: { index: holder, alias } })),
    { add: { index, alias } },
  ];
  try {
    await client.indices.updateAliases({ actions });
  } catch (cause) {
    throw requestFailed(`Pointing alias ${alias} at ${index}`, cause);
  }
  return { index, created, detachedFrom };
}

/** Whether `index` is the definition's physical index or one of its rebuilds. */
export function isIndexOfVersion(
  definition: Pick<IndexDefinition, 'name' | 'version'>,
  index: string,
): boolean {
  const base = physicalIndexName(definition);
  return index === base || new RegExp(`^${escapeRegExp(base)}-r\\d+$`).test(index);
}

/** A physical index being filled by a rebuild, not yet behind the alias. */
export interface IndexRebuild {
  /** The new physical index: `<alias>-v<version>-r<n>`. */
  index: string;
  alias: string;
}

export interface CompletedRebuild {
  index: string;
  /** The indices the alias was taken away from. */
  detachedFrom: string[];
  /** Of those, the ones deleted afterwards. */
  deleted: string[];
}

/**
 * Creates a fresh physical index for a rebuild of the definition's version, tuned for bulk
 * loading (no refreshes, no replicas). Readers keep using the alias, which still points at the
 * old index; the caller bulk-loads the new one and then calls {@link completeRebuild}.
 */
export async function startRebuild(
  client: SearchClient,
  definition: IndexDefinition,
): Promise<IndexRebuild> {
  const base = physicalIndexName(definition);
  const pattern = new RegExp(`^${escapeRegExp(base)}-r(\\d+)$`);
  let existing: string[];
  try {
    const body = await client.indices.get(
      { index: `${base}-r*`, allow_no_indices: true, ignore_unavailable: true },
      { ignore: [404] },
    );
    existing = Object.keys(body);
  } catch (cause) {
    throw requestFailed(`Listing rebuilds of ${base}`, cause);
  }
  const generation = Math.max(0, ...existing.map((name) => Number(pattern.exec(name)?.[1] ?? 0)));
  const index = `${base}-r${generation + 1}`;
  try {
    await client.indices.create({
      index,
      settings: { ...definition.settings, refresh_interval: '-1', number_of_replicas: 0 },
      mappings: definition.mappings,
    });
  } catch (cause) {
    throw requestFailed(`Creating index ${index}`, cause);
  }
  return { index, alias: definition.name };
}

/**
 * Restores the definition's refresh and replica settings on a loaded rebuild, refreshes it and
 * moves the alias onto it in one atomic request, so searches never see a half-built index. The
 * indices that held the alias are deleted unless `keepPrevious`.
 */
export async function completeRebuild(
  client: SearchClient,
  definition: IndexDefinition,
  rebuild: IndexRebuild,
  { keepPrevious = false }: { keepPrevious?: boolean } = {},
): Promise<CompletedRebuild> {
  const { index, alias } = rebuild;
  try {
    await client.indices.putSettings({
      index,
      settings: {
        // The engine's defaults when the definition leaves them open.
        refresh_interval: definition.settings.refresh_interval ?? '1s',
        number_of_replicas: definition.settings.number_of_replicas ?? 1,
      },
    });
    await client.indices.refresh({ index });
  } catch (cause) {
    throw requestFailed(`Finishing rebuild ${index}`, cause);
  }
  const detachedFrom = (await indicesHoldingAlias(client, alias)).filter(
    (holder) => holder !== index,
  );
  try {
    await client.indices.updateAliases({
      actions: [
        ...detachedFrom.map((holder) => ({ remove: { index: holder, alias } })),
        { add: { index, alias } },
      ],
    });
  } catch (cause) {
    throw requestFailed(`Pointing alias ${alias} at ${index}`, cause);
  }
  const deleted = keepPrevious ? [] : detachedFrom;
  if (deleted.length > 0) {
    try {
      await client.indices.delete({ index: deleted }, { ignore: [404] });
    } catch (cause) {
      throw requestFailed(`Deleting ${deleted.join(', ')}`, cause);
    }
  }
  return { index, detachedFrom, deleted };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function createIfMissing(
  client: SearchClient,
  index: string,
  definition: IndexDefinition,
): Promise<boolean> {
  try {
    if (await client.indices.exists({ index })) {
      return false;
    }
    await client.indices.create({
      index,
      settings: definition.settings,
      mappings: definition.mappings,
    });
    return true;
  } catch (cause) {
    // Another replica created it between our check and our create.
    if (errorType(cause) === 'resource_already_exists_exception') {
      return false;
    }
    throw requestFailed(`Creating index ${index}`, cause);
  }
}

async function indicesHoldingAlias(client: SearchClient, alias: string): Promise<string[]> {
  try {
    // 404 means no index holds the alias yet, which is an answer, not a failure.
    const body = await client.indices.getAlias({ name: alias }, { ignore: [404] });
    return Object.entries(body)
      .filter(
        ([, entry]) => isRecord(entry) && isRecord(entry['aliases']) && alias in entry['aliases'],
      )
      .map(([holder]) => holder);
  } catch (cause) {
    throw requestFailed(`Reading alias ${alias}`, cause);
  }
}

function errorType(cause: unknown): string | undefined {
  if (!isRecord(cause) || !isRecord(cause['meta']) || !isRecord(cause['meta']['body'])) {
    return undefined;
  }
  const error = cause['meta']['body']['error'];
  return isRecord(error) && typeof error['type'] === 'string' ? error['type'] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
