/**
 * The public REST API spells contract enums in lower snake case without their prefix:
 * `TICKET_TYPE_SERVICE_REQUEST` ⇄ `service_request`. Deriving the spellings from the
 * generated enums keeps the API in step with the proto files.
 */
export type RestSpelling<V extends string, P extends string> = V extends `${P}${infer Rest}`
  ? Rest extends 'UNSPECIFIED'
    ? never
    : Lowercase<Rest>
  : never;

/** Every REST spelling of an enum, UNSPECIFIED and UNRECOGNIZED left out. */
export function restSpellings<V extends string, P extends string>(
  enumObject: Record<string, V>,
  prefix: P,
): RestSpelling<`${V}`, P>[] {
  return Object.values(enumObject)
    .filter((value) => value.startsWith(prefix) && value !== `${prefix}UNSPECIFIED`)
    .map((value) => value.slice(prefix.length).toLowerCase() as RestSpelling<`${V}`, P>);
}

/** A contract value as the REST API spells it; throws on a value the API does not know. */
export function toRestSpelling<R extends string>(
  prefix: string,
  value: string,
  allowed: readonly R[],
): R {
  const name = value.startsWith(prefix) ? value.slice(prefix.length).toLowerCase() : '';
  if (!(allowed as readonly string[]).includes(name)) {
    throw new Error(`unexpected ${prefix}* value ${value} from a service`);
  }
  return name as R;
}

/** A REST spelling as the contract value; absent → the UNSPECIFIED value. */
export function fromRestSpelling<V extends string>(
  prefix: string,
  name: string | undefined,
  unspecified: V,
): V {
  return (name ? `${prefix}${name.toUpperCase()}` : unspecified) as V;
}
