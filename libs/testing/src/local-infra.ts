import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspaceRoot } from './service-process';

const run = promisify(execFile);

/** Stops or starts a component of `deploy/local/infra.sh` (fault tests). */
export async function localInfra(
  action: 'up' | 'down',
  component: 'kafka' | 'opensearch',
): Promise<void> {
  try {
    await run('bash', [join(workspaceRoot, 'deploy/local/infra.sh'), action, component], {
      timeout: 120_000,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`infra.sh ${action} ${component} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}
