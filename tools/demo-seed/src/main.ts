import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { GatewayClient } from './gateway-client';
import { buildSeedPlan, mixOf } from './seed-plan';
import { formatSummary, runSeedPlan } from './seed-runner';

const USAGE = `Seeds the demo service desk through the gateway's REST API; a second run adds nothing.

usage: node dist/tools/demo-seed/main.js [--api-url URL] [--concurrency N] [--dry-run]

  --api-url      the gateway (default: $ITSM_API_URL, else http://127.0.0.1:3000)
  --concurrency  tickets seeded at once (default 8)
  --dry-run      print the planned mix (types, states, languages, steps) and exit`;

interface Options {
  apiUrl: string;
  concurrency: number;
  dryRun: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      'api-url': {
        type: 'string',
        default: process.env['ITSM_API_URL'] || 'http://127.0.0.1:3000',
      },
      concurrency: { type: 'string', default: '8' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new Error(`--concurrency must be an integer from 1 to 64\n${USAGE}`);
  }
  return { apiUrl: values['api-url'], concurrency, dryRun: values['dry-run'] };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const plan = buildSeedPlan({ now: new Date() });
  if (options.dryRun) {
    process.stdout.write(`${JSON.stringify(mixOf(plan), null, 2)}\n`);
    return;
  }
  const started = performance.now();
  const summary = await runSeedPlan(plan, new GatewayClient(options.apiUrl), {
    concurrency: options.concurrency,
  });
  process.stdout.write(`${formatSummary(summary, performance.now() - started)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `demo seeding failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
