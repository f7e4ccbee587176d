import type { Role } from '@itsm/auth';
import type { Language } from '../gateway-api';
import { AGENTS_OF, APPROVERS } from './people.catalogue';
import { DEMO_ROUTING } from './routing.catalogue';

// The people one signs in as to see the demo from every side: an employee and a customer who
// file tickets, the 1st and 2nd line, a supervisor and the service desk manager. Each keeps the
// id the demo's tickets and routing already use for them, so an employee finds their own
// tickets and an agent the ones assigned to them. The seeder finds accounts by email: an
// account that exists is left as it is, its password too.

/** The password of every demo account unless ITSM_DEMO_PASSWORD says otherwise. */
export const DEFAULT_DEMO_PASSWORD = 'demo-password-2026';

/** The customer organisation whose contact files tickets from outside the company. */
export const DEMO_CUSTOMER_ORGANIZATION = 'ООО «Ромашка» / Romashka LLC';

export interface DemoAccountEntry {
  /** The id the demo's tickets, approvals and routing agents name this person by. */
  id: string;
  email: string;
  displayName: string;
  roles: readonly Role[];
  language: Language;
  /** IANA time zone. */
  timeZone: string;
  /** A contact of DEMO_CUSTOMER_ORGANIZATION; else an employee or staff (no organisation). */
  customer: boolean;
  /** Who this is in the demo, for the list the start script prints. */
  persona: string;
}

function agentName(userId: string): string {
  const agent = DEMO_ROUTING.agents.find((candidate) => candidate.userId === userId);
  if (!agent) throw new Error(`${userId} is no agent of the demo's routing`);
  return agent.displayName;
}

function firstAgentOf(group: keyof typeof AGENTS_OF): string {
  const [first] = AGENTS_OF[group];
  if (first === undefined) throw new Error(`the ${group} group has no agents`);
  return first;
}

const FIRST_LINE_AGENT = firstAgentOf('service-desk');
const NETWORK_SPECIALIST = 'agent-08';
const WORKPLACE_SUPERVISOR = 'agent-10';

export const DEMO_ACCOUNTS: readonly DemoAccountEntry[] = [
  {
    // The requester with the most tickets, in every state.
    id: 'emp-1001',
    email: 'svetlana.ivanova@itsm.local',
    displayName: 'Светлана Иванова / Svetlana Ivanova',
    roles: ['requester'],
    language: 'ru',
    timeZone: 'Europe/Moscow',
    customer: false,
    persona: 'employee, follows her own tickets',
  },
  {
    id: 'cust-romashka-01',
    email: 'ivan.sidorov@romashka.example',
    displayName: 'Иван Сидоров / Ivan Sidorov',
    roles: ['requester'],
    language: 'ru',
    timeZone: 'Asia/Yekaterinburg',
    customer: true,
    persona: `customer, ${DEMO_CUSTOMER_ORGANIZATION}`,
  },
  {
    id: FIRST_LINE_AGENT,
    email: 'anna.petrova@itsm.local',
    displayName: agentName(FIRST_LINE_AGENT),
    roles: ['agent'],
    language: 'ru',
    timeZone: 'Europe/Moscow',
    customer: false,
    persona: '1st line, service desk',
  },
  {
    id: NETWORK_SPECIALIST,
    email: 'maria.lebedeva@itsm.local',
    displayName: agentName(NETWORK_SPECIALIST),
    roles: ['specialist'],
    language: 'en',
    timeZone: 'Europe/Moscow',
    customer: false,
    persona: '2nd line, network',
  },
  {
    id: WORKPLACE_SUPERVISOR,
    email: 'pavel.kozlov@itsm.local',
    displayName: agentName(WORKPLACE_SUPERVISOR),
    roles: ['supervisor'],
    language: 'ru',
    timeZone: 'Europe/Moscow',
    customer: false,
    persona: 'supervisor of the workplace group',
  },
  {
    id: APPROVERS.headOfIt,
    email: 'viktor.andreev@itsm.local',
    displayName: 'Виктор Андреев / Viktor Andreev',
    roles: ['service_desk_manager'],
    language: 'en',
    timeZone: 'Europe/Moscow',
    customer: false,
    persona: 'head of IT, service desk manager, approves changes',
  },
];

/**
 * The accounts as the start script prints them:
 *   svetlana.ivanova@itsm.local    requester             employee, follows her own tickets
 */
export function formatDemoAccounts(
  accounts: readonly DemoAccountEntry[],
  password: string,
): string {
  const width = Math.max(...accounts.map((account) => account.email.length));
  const roleWidth = Math.max(...accounts.map((account) => account.roles.join(', ').length));
  const lines = accounts.map(
    (account) =>
      `${account.email.padEnd(width)}  ${account.roles.join(', ').padEnd(roleWidth)}  ${account.persona}`,
  );
  return [...lines, `password of every demo account: ${password}`].join('\n');
}
