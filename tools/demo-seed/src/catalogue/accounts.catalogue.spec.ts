import { ROLES } from '@itsm/auth';
import { buildSeedPlan } from '../seed-plan';
import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_ACCOUNTS,
  type DemoAccountEntry,
  formatDemoAccounts,
} from './accounts.catalogue';
import { AGENTS_OF, APPROVERS } from './people.catalogue';
import { DEMO_ROUTING, ROUTING_GROUPS } from './routing.catalogue';

const NOW = new Date('2025-03-12T09:41:00Z');
const plan = buildSeedPlan({ now: NOW, anchor: NOW });

function accountWith(role: DemoAccountEntry['roles'][number]): DemoAccountEntry {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.roles.includes(role));
  if (!account) throw new Error(`no demo account is a ${role}`);
  return account;
}

function agentOf(userId: string) {
  return DEMO_ROUTING.agents.find((agent) => agent.userId === userId);
}

describe('the demo accounts', () => {
  it('are one of each: employee and customer requesters, agent, specialist, supervisor, manager', () => {
    expect(DEMO_ACCOUNTS.map((account) => [account.roles, account.customer])).toEqual([
      [['requester'], false],
      [['requester'], true],
      [['agent'], false],
      [['specialist'], false],
      [['supervisor'], false],
      [['service_desk_manager'], false],
    ]);
  });

  it('have unique ids and lower-case emails, roles the platform knows, and real time zones', () => {
    expect(new Set(DEMO_ACCOUNTS.map((account) => account.id)).size).toBe(DEMO_ACCOUNTS.length);
    expect(new Set(DEMO_ACCOUNTS.map((account) => account.email)).size).toBe(DEMO_ACCOUNTS.length);
    for (const account of DEMO_ACCOUNTS) {
      expect(account.id).toMatch(/^[A-Za-z0-9._:@-]{1,100}$/);
      expect(account.email).toMatch(/^[a-z.]+@[a-z.]+\.[a-z]+$/);
      expect(ROLES).toEqual(expect.arrayContaining([...account.roles]));
      expect(() => new Intl.DateTimeFormat('en', { timeZone: account.timeZone })).not.toThrow();
      expect(account.displayName).toMatch(/^[А-ЯЁа-яё ]+ \/ [A-Za-z ]+$/);
    }
    expect(new Set(DEMO_ACCOUNTS.map((account) => account.language))).toEqual(
      new Set(['ru', 'en']),
    );
  });

  it('give the employee the id the demo files tickets for, in every state', () => {
    const employee = DEMO_ACCOUNTS.find(
      (account) => account.roles.includes('requester') && !account.customer,
    );
    const theirs = plan.tickets.filter(
      (ticket) => ticket.opening.body.requesterId === employee?.id,
    );
    expect(theirs.length).toBeGreaterThanOrEqual(20);
    expect(new Set(theirs.map((ticket) => ticket.finalStatus)).size).toBeGreaterThanOrEqual(5);
  });

  it('give the agents the user ids of routing agents in their line, who have tickets assigned', () => {
    const assignees = new Set(
      plan.tickets.flatMap((ticket) =>
        ticket.steps.flatMap((step) =>
          step.kind === 'transition' && step.body.assigneeId ? [step.body.assigneeId] : [],
        ),
      ),
    );
    const lineOf = (userId: string) =>
      agentOf(userId)?.groups.map(
        (group) => ROUTING_GROUPS.find((entry) => entry.key === group)?.line,
      );

    const agent = accountWith('agent');
    expect(AGENTS_OF['service-desk']).toContain(agent.id);
    expect(lineOf(agent.id)).toEqual(['first']);
    const specialist = accountWith('specialist');
    expect(lineOf(specialist.id)).toEqual(['second']);
    const supervisor = accountWith('supervisor');
    expect(ROUTING_GROUPS.map((group) => group.supervisorId)).toContain(supervisor.id);
    for (const staff of [agent, specialist, supervisor]) {
      expect(assignees).toContain(staff.id);
      expect(staff.displayName).toBe(agentOf(staff.id)?.displayName);
    }
  });

  it('make the head of IT, who runs routing and approves changes, the service desk manager', () => {
    const manager = accountWith('service_desk_manager');
    expect(manager.id).toBe(APPROVERS.headOfIt);
    expect(DEMO_ROUTING.adminId).toBe(manager.id);
  });

  it('share a default password the gateway accepts', () => {
    expect([...DEFAULT_DEMO_PASSWORD].length).toBeGreaterThanOrEqual(12);
  });

  it('are listed for the start script in aligned columns, with the password last', () => {
    const lines = formatDemoAccounts(DEMO_ACCOUNTS.slice(0, 3), 'a-demo-password').split('\n');
    expect(lines).toEqual([
      'svetlana.ivanova@itsm.local    requester  employee, follows her own tickets',
      'ivan.sidorov@romashka.example  requester  customer, ООО «Ромашка» / Romashka LLC',
      'anna.petrova@itsm.local        agent      1st line, service desk',
      'password of every demo account: a-demo-password',
    ]);
  });
});
