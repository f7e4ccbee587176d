import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts file under a directory, specs left out. */
function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the OpenAPI schemas', () => {
  // Swagger names a schema after its class: two DTO classes of one name would silently
  // document one module's body with the other's.
  it('come from DTO classes whose names are unique across the gateway', () => {
    const names = sources(join(__dirname, '..')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^export class (\w+Dto)\b/gm)].map(
        (match) => `${match[1]} (${file.split('/src/')[1]})`,
      ),
    );
    const byName = new Map<string, string[]>();
    for (const entry of names) {
      const name = entry.split(' ')[0] ?? entry;
      byName.set(name, [...(byName.get(name) ?? []), entry]);
    }
    expect([...byName.values()].filter((entries) => entries.length > 1)).toEqual([]);
    expect(names.length).toBeGreaterThan(50);
  });
});
