import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the gRPC transport loads .proto files from: an explicit directory, the `proto/`
 * copied beside the bundle (images), or the repository's `proto/` (development, tests).
 */
export function resolveProtoRoot(explicit: string | undefined, from: string = __dirname): string {
  if (explicit) return resolve(explicit);
  let directory = resolve(from);
  for (;;) {
    const candidate = join(directory, 'proto');
    if (existsSync(join(candidate, 'itsm'))) return candidate;
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  throw new Error(`no proto/itsm directory found above ${from}; set PROTO_ROOT`);
}
