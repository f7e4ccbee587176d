import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatAccountsSummary, syncDemoAccounts } from './accounts-sync';
import { syncCatalog } from './catalog-sync';
import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_ACCOUNTS,
  DEMO_CUSTOMER_ORGANIZATION,
  formatDemoAccounts,
} from './catalogue/accounts.catalogue';
import { DEMO_CMDB } from './catalogue/cmdb.catalogue';
import { KNOWLEDGE_TOPICS } from './catalogue/knowledge.catalogue';
import { DEMO_ROUTING } from './catalogue/routing.catalogue';
import { DEMO_CATALOG } from './catalogue/service-catalog.catalogue';
import { SYSTEM_CLOCK, trainOnSettledHistory } from './classifier-training';
import { formatCmdbSummary, syncCmdb } from './cmdb-sync';
import { GatewayClient } from './gateway-client';
import { buildKnowledgePlan } from './knowledge-plan';
import { syncKnowledge } from './knowledge-sync';
import { formatRoutingSummary, syncRouting, syncSupportGroups } from './routing-sync';
import { formatRunKey, withRunKey } from './run-key';
import { buildSeedPlan, mixOf } from './seed-plan';
import { formatSummary, runSeedPlan } from './seed-runner';

const USAGE = `Seeds the demo service desk through the gateway's REST API: the demo's accounts
(an employee, a customer, the 1st and 2nd line, a supervisor, the service desk manager) and
their customer organisation, the service catalog, tickets of every type, their relations, the
agents' saved views, the knowledge base's published articles and the support organisation
routing works with (lines, groups, agents, rules), and trains routing's classifier on the
tickets. Then the CMDB: locations, the services' applications, databases, machines and network,
laptops and licences, and a few open incidents linked to their application or device. A second
run adds nothing; it only trains the classifier again, on the same history.

It signs in as the administrator, gives the service account "demo-seed" a fresh API key with
every integration scope, seeds with that key and revokes it at the end. Routing must be running:
the catalog, the tickets, the views and the CMDB name support groups by the ids routing gives
them, the ids agents' tokens carry.

usage: node dist/tools/demo-seed/main.js [--api-url URL] [--admin-email EMAIL]
         [--admin-password-file FILE] [--concurrency N] [--dry-run] [--accounts]

  --api-url              the gateway (default: $ITSM_API_URL, else http://127.0.0.1:3000)
  --admin-email          the administrator to sign in as (default: $ITSM_ADMIN_EMAIL, else
                         admin@itsm.local)
  --admin-password-file  a file holding the administrator's password (default: the password
                         in $ITSM_ADMIN_PASSWORD)
  --concurrency          tickets seeded at once (default 8)
  --dry-run              print the planned mix (types, states, languages, steps, relations,
                         views) as of now, without calling the API, and exit
  --accounts             print the demo accounts (email, roles, who they are) and their
                         password, and exit

The demo accounts' password is $ITSM_DEMO_PASSWORD, else ${DEFAULT_DEMO_PASSWORD}; accounts
that exist keep the password they have.`;

/** The service account whose keys the seeder uses. */
const SERVICE_ACCOUNT = 'demo-seed';
/** A run's key expires by itself after this, should the run be killed before revoking it. */
const KEY_VALID_FOR_MS = 6 * 60 * 60 * 1000;

interface Options {
  apiUrl: string;
  concurrency: number;
  dryRun: boolean;
  listAccounts: boolean;
  adminEmail: string;
  /** Read only when seeding: a dry run and the account list need no administrator. */
  adminPassword: () => string;
  demoPassword: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      'api-url': {
        type: 'string',
        default: process.env['ITSM_API_URL'] || 'http://127.0.0.1:3000',
      },
      'admin-email': {
        type: 'string',
        default: process.env['ITSM_ADMIN_EMAIL'] || 'admin@itsm.local',
      },
      'admin-password-file': { type: 'string' },
      concurrency: { type: 'string', default: '8' },
      'dry-run': { type: 'boolean', default: false },
      accounts: { type: 'boolean', default: false },
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
  const passwordFile = values['admin-password-file'];
  const environmentPassword = process.env['ITSM_ADMIN_PASSWORD'];
  return {
    apiUrl: values['api-url'],
    concurrency,
    dryRun: values['dry-run'],
    listAccounts: values.accounts,
    adminEmail: values['admin-email'],
    adminPassword: () => {
      const password =
        passwordFile === undefined
          ? environmentPassword
          : readFileSync(passwordFile, 'utf8').trim();
      if (!password) {
        throw new Error(
          "the administrator's password is missing: set ITSM_ADMIN_PASSWORD or pass " +
            '--admin-password-file (scripts/seed-demo.sh reads $ITSM_STATE_DIR/admin-password)',
        );
      }
      return password;
    },
    demoPassword: process.env['ITSM_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const now = new Date();
  if (options.dryRun) {
    const plan = buildSeedPlan({ now, anchor: now });
    process.stdout.write(`${JSON.stringify(mixOf(plan), null, 2)}\n`);
    return;
  }
  if (options.listAccounts) {
    process.stdout.write(`${formatDemoAccounts(DEMO_ACCOUNTS, options.demoPassword)}\n`);
    return;
  }
  const started = performance.now();
  const gateway = new GatewayClient(options.apiUrl);
  const { result: summary, key } = await withRunKey(
    {
      signIn: (body) => gateway.signIn(body),
      asAdministrator: (accessToken) => gateway.as({ kind: 'bearer', accessToken }),
      asKey: (secret) => gateway.as({ kind: 'api-key', key: secret }),
    },
    {
      administrator: { email: options.adminEmail, password: options.adminPassword() },
      serviceAccount: SERVICE_ACCOUNT,
      now,
      validForMs: KEY_VALID_FOR_MS,
    },
    (api) => seed(api, options, now, started),
  );
  process.stdout.write(`${summary}\n${formatRunKey(SERVICE_ACCOUNT, key)}\n`);
}

/** Everything the demo holds, through the API as the run's key; answers the summary. */
async function seed(
  api: GatewayClient,
  options: Options,
  now: Date,
  started: number,
): Promise<string> {
  // The accounts come first: whoever looks at the demo can sign in while the rest fills up.
  const accountsPlan = {
    organization: DEMO_CUSTOMER_ORGANIZATION,
    accounts: DEMO_ACCOUNTS,
    password: options.demoPassword,
  };
  const accounts = await syncDemoAccounts(accountsPlan, api);
  // Routing's lines and groups come next: the catalog, the tickets, the views and the CMDB name
  // groups by the ids routing gives them, which agents' tokens carry.
  const groups = await syncSupportGroups(DEMO_ROUTING, api);
  // Then the catalog: tickets are filed under it, and it keeps the demo's anchor.
  const catalog = await syncCatalog(DEMO_CATALOG, groups.directory, api);
  const plan = buildSeedPlan({ now, anchor: catalog.anchor });
  const summary = await runSeedPlan(plan, api, {
    concurrency: options.concurrency,
    catalog: catalog.ids,
    groups: groups.directory,
    now,
  });
  const knowledge = await syncKnowledge(buildKnowledgePlan(KNOWLEDGE_TOPICS), api);
  // Routing's agents, rules and default group come last: until then all routing can do with a
  // ticket is queue it in the group it opened in, so nobody is assigned behind the plan's back
  // while the tickets are backdated and worked on. It learns from their events instead, and the
  // classifier from that.
  const routing = await syncRouting(DEMO_ROUTING, catalog.ids, groups, api);
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
  const cmdb = await syncCmdb(DEMO_CMDB, groups.directory, api);
  return (
    `${formatAccountsSummary(accountsPlan, accounts)}\n` +
    `${formatSummary(catalog.counts, summary, knowledge, performance.now() - started)}\n` +
    `${formatRoutingSummary(routing, classifier)}\n` +
    formatCmdbSummary(cmdb)
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
