import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { syncCatalog } from './catalog-sync';
import { DEMO_CMDB } from './catalogue/cmdb.catalogue';
import { KNOWLEDGE_TOPICS } from './catalogue/knowledge.catalogue';
import { DEMO_ROUTING } from './catalogue/routing.catalogue';
import { DEMO_CATALOG } from './catalogue/service-catalog.catalogue';
import { SYSTEM_CLOCK, trainOnSettledHistory } from './classifier-training';
import { formatCmdbSummary, syncCmdb } from './cmdb-sync';
import { GatewayClient } from './gateway-client';
import { buildKnowledgePlan } from './knowledge-plan';
import { syncKnowledge } from './knowledge-sync';
import { formatRoutingSummary, syncRouting } from './routing-sync';
import { buildSeedPlan, mixOf } from './seed-plan';
import { formatSummary, runSeedPlan } from './seed-runner';

const USAGE = `Seeds the demo service desk through the gateway's REST API: the service catalog,
tickets of every type, their relations, the agents' saved views, the knowledge base's
published articles and the support organisation routing works with (lines, groups, agents,
rules), and trains routing's classifier on the tickets. Then the CMDB: locations, the services'
applications, databases, machines and network, laptops and licences, and a few open incidents
linked to their application or device. A second run adds nothing; it only trains the classifier again,
on the same history.

usage: node dist/tools/demo-seed/main.js [--api-url URL] [--concurrency N] [--dry-run]

  --api-url      the gateway (default: $ITSM_API_URL, else http://127.0.0.1:3000)
  --concurrency  tickets seeded at once (default 8)
  --dry-run      print the planned mix (types, states, languages, steps, relations, views)
                 as of now, without calling the API, and exit`;

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
  const now = new Date();
  if (options.dryRun) {
    const plan = buildSeedPlan({ now, anchor: now });
    process.stdout.write(`${JSON.stringify(mixOf(plan), null, 2)}\n`);
    return;
  }
  const started = performance.now();
  const api = new GatewayClient(options.apiUrl);
  // The catalog comes first: tickets are filed under it, and it keeps the demo's anchor.
  const catalog = await syncCatalog(DEMO_CATALOG, api);
  const plan = buildSeedPlan({ now, anchor: catalog.anchor });
  const summary = await runSeedPlan(plan, api, {
    concurrency: options.concurrency,
    catalog: catalog.ids,
    now,
  });
  const knowledge = await syncKnowledge(buildKnowledgePlan(KNOWLEDGE_TOPICS), api);
  // Routing is set up last, so it never decides on the demo's tickets while they are being
  // backdated and assigned; it learns from their events instead, and the classifier from that.
  const routing = await syncRouting(DEMO_ROUTING, catalog.ids, api);
  const classifier =
    routing.status === 'synced'
      ? await trainOnSettledHistory(api, {
          actorId: DEMO_ROUTING.adminId,
          intervalMs: 2_000,
          timeoutMs: 90_000,
          clock: SYSTEM_CLOCK,
        })
      : undefined;
  // The CMDB comes after the classifier has learned from the tickets: linking incidents to
  // configuration items edits some of them.
  const cmdb = await syncCmdb(DEMO_CMDB, api);
  process.stdout.write(
    `${formatSummary(catalog.counts, summary, knowledge, performance.now() - started)}\n` +
      `${formatRoutingSummary(routing, classifier)}\n` +
      `${formatCmdbSummary(cmdb)}\n`,
  );
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
