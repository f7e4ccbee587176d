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

  const created = await createIfMissing(client, index, definition);
  const holders = await indicesHoldingAlias(client, alias);
  const detachedFrom = holders.filter((holder) => holder !== index);
  if (holders.includes(index) && detachedFrom.length === 0) {
    return { index, created, detachedFrom };
  }

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
