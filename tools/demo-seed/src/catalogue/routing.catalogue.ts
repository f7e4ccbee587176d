import type {
  AgentAvailability,
  AssignmentStrategy,
  SkillLevel,
  WorkingShift,
} from '../gateway-api';
import {
  AGENTS_OF,
  APPROVERS,
  ASSIGNMENT_GROUPS,
  type AssignmentGroupId,
} from './people.catalogue';
import type { CategoryKey } from './service-catalog.catalogue';

// How the demo company's support is organised for routing: three lines of support, the
// assignment groups of people.catalogue.ts within them and where each escalates, the agents with
// their skills, capacity and shifts, the skills some categories need, the rules that send each
// part of the catalog to its group, and the settings. It follows how the demo's own tickets were
// worked (see DESK_CLASSIFICATION and the templates' groups), so routing continues that practice.
// The seeder finds lines, groups and rules by name and agents by user id: renaming an entry here
// adds a new one next to the old.

export type SupportLineKey = 'first' | 'second' | 'third';

export interface SupportLineEntry {
  key: SupportLineKey;
  name: string;
  level: number;
}

export const SUPPORT_LINES: readonly SupportLineEntry[] = [
  { key: 'first', name: '1-я линия / 1st line', level: 1 },
  { key: 'second', name: '2-я линия / 2nd line', level: 2 },
  { key: 'third', name: '3-я линия / 3rd line', level: 3 },
];

export interface RoutingGroupEntry {
  key: AssignmentGroupId;
  name: string;
  line: SupportLineKey;
  strategy: AssignmentStrategy;
  /** Told when a ticket of the group breaches its SLA. */
  supervisorId: string;
  /** The group of the next line functional escalations go to; absent: the group is the last. */
  escalatesTo?: AssignmentGroupId;
  /** false: tickets wait in the group's queue until an agent takes them. */
  autoAssign: boolean;
}

export const ROUTING_GROUPS: readonly RoutingGroupEntry[] = [
  {
    key: 'service-desk',
    name: 'Служба поддержки / Service desk',
    line: 'first',
    strategy: 'least_loaded',
    supervisorId: APPROVERS.headOfIt,
    // What the desk cannot fix at the first call goes to desk-side support; the specialist
    // groups get their tickets straight from the rules.
    escalatesTo: 'workplace',
    autoAssign: true,
  },
  {
    key: 'network',
    name: 'Сеть / Network',
    line: 'second',
    strategy: 'least_loaded',
    supervisorId: 'agent-07',
    autoAssign: true,
  },
  {
    key: 'workplace',
    name: 'Рабочие места / Workplace',
    line: 'second',
    // Desk-side visits are spread evenly across the engineers on the floor.
    strategy: 'round_robin',
    supervisorId: 'agent-10',
    autoAssign: true,
  },
  {
    key: 'erp-support',
    name: 'Поддержка ERP / ERP support',
    line: 'second',
    // 1C and SAP need different people: the category's skills pick them.
    strategy: 'skills_match',
    supervisorId: 'agent-14',
    escalatesTo: 'dba',
    autoAssign: true,
  },
  {
    key: 'security',
    name: 'Информационная безопасность / Security',
    line: 'second',
    strategy: 'least_loaded',
    supervisorId: APPROVERS.securityOfficer,
    autoAssign: true,
  },
  {
    key: 'dba',
    name: 'Администраторы БД / DBA',
    line: 'third',
    strategy: 'skills_match',
    supervisorId: 'agent-19',
    // Two experts take database work from their queue themselves.
    autoAssign: false,
  },
];

export interface RoutingAgentEntry {
  userId: string;
  displayName: string;
  groups: readonly AssignmentGroupId[];
  skills: readonly SkillLevel[];
  /** Most open tickets at once. */
  capacity: number;
  availability: AgentAvailability;
  /** Absent: always on shift. */
  shift?: WorkingShift;
}

/** Office hours in Moscow: Monday to Friday, 09:00 to 18:00. */
export const OFFICE_HOURS: WorkingShift = {
  timeZone: 'Europe/Moscow',
  windows: (['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const).map((weekday) => ({
    weekday,
    start: '09:00',
    end: '18:00',
  })),
};

type Profile = Omit<RoutingAgentEntry, 'userId' | 'groups' | 'availability'>;

const skills = (levels: Readonly<Record<string, number>>): SkillLevel[] =>
  Object.entries(levels).map(([name, level]) => ({ name, level }));

/**
 * Who each agent of AGENTS_OF is. The desk, network, security and the DBAs cover the whole
 * week; desk-side and ERP support work office hours. The change and problem managers take fewer
 * tickets.
 */
const PROFILES: Readonly<Record<string, Profile>> = {
  'agent-01': {
    displayName: 'Анна Петрова / Anna Petrova',
    skills: skills({ mail: 3, accounts: 3, windows: 3 }),
    capacity: 15,
  },
  'agent-02': {
    displayName: 'Дмитрий Соколов / Dmitry Sokolov',
    skills: skills({ mail: 3, accounts: 3, printers: 2 }),
    capacity: 15,
  },
  'agent-03': {
    displayName: 'Екатерина Волкова / Ekaterina Volkova',
    skills: skills({ mail: 4, accounts: 2, windows: 2 }),
    capacity: 15,
  },
  'agent-04': {
    displayName: 'Игорь Морозов / Igor Morozov',
    skills: skills({ accounts: 4, windows: 3, vpn: 1 }),
    capacity: 15,
  },
  'agent-05': {
    displayName: 'Ольга Кузнецова / Olga Kuznetsova',
    skills: skills({ mail: 3, accounts: 3 }),
    capacity: 8,
  },
  'agent-06': {
    displayName: 'Сергей Новиков / Sergey Novikov',
    skills: skills({ windows: 4, mail: 2 }),
    capacity: 8,
  },
  'agent-07': {
    displayName: 'Алексей Смирнов / Alexey Smirnov',
    skills: skills({ network: 5, vpn: 4, telephony: 3 }),
    capacity: 10,
  },
  'agent-08': {
    displayName: 'Мария Лебедева / Maria Lebedeva',
    skills: skills({ network: 4, vpn: 3, wifi: 4 }),
    capacity: 10,
  },
  'agent-09': {
    // Below the VPN requirement: routing's explanations show why VPN tickets pass them by.
    displayName: 'Никита Павлов / Nikita Pavlov',
    skills: skills({ network: 3, wifi: 3, telephony: 3, vpn: 1 }),
    capacity: 10,
  },
  'agent-10': {
    displayName: 'Павел Козлов / Pavel Kozlov',
    skills: skills({ hardware: 4, windows: 4, software: 3 }),
    capacity: 12,
    shift: OFFICE_HOURS,
  },
  'agent-11': {
    displayName: 'Юлия Орлова / Yulia Orlova',
    skills: skills({ hardware: 3, software: 4, printers: 3 }),
    capacity: 12,
    shift: OFFICE_HOURS,
  },
  'agent-12': {
    displayName: 'Артём Васильев / Artyom Vasiliev',
    skills: skills({ hardware: 4, printers: 4 }),
    capacity: 12,
    shift: OFFICE_HOURS,
  },
  'agent-13': {
    displayName: 'Татьяна Фёдорова / Tatiana Fedorova',
    skills: skills({ software: 4, windows: 3, mail: 2 }),
    capacity: 12,
    shift: OFFICE_HOURS,
  },
  'agent-14': {
    displayName: 'Владимир Попов / Vladimir Popov',
    skills: skills({ '1c': 5, sap: 2 }),
    capacity: 10,
    shift: OFFICE_HOURS,
  },
  'agent-15': {
    displayName: 'Елена Михайлова / Elena Mikhailova',
    skills: skills({ '1c': 3, sap: 4 }),
    capacity: 10,
    shift: OFFICE_HOURS,
  },
  'agent-16': {
    displayName: 'Максим Егоров / Maxim Egorov',
    skills: skills({ '1c': 4, sap: 1 }),
    capacity: 10,
    shift: OFFICE_HOURS,
  },
  'agent-17': {
    displayName: 'Наталья Соловьёва / Natalia Solovyova',
    skills: skills({ security: 5, accounts: 4, antivirus: 4 }),
    capacity: 8,
  },
  'agent-18': {
    displayName: 'Андрей Зайцев / Andrey Zaitsev',
    skills: skills({ security: 4, accounts: 3, antivirus: 3 }),
    capacity: 8,
  },
  'agent-19': {
    displayName: 'Ирина Белова / Irina Belova',
    skills: skills({ postgresql: 5, mssql: 3, '1c': 3 }),
    capacity: 8,
  },
  'agent-20': {
    displayName: 'Роман Григорьев / Roman Grigoriev',
    skills: skills({ postgresql: 4, mssql: 4 }),
    capacity: 8,
  },
};

/** Every agent of AGENTS_OF, in their group, online. */
export function routingAgents(): RoutingAgentEntry[] {
  return ASSIGNMENT_GROUPS.flatMap((group) =>
    AGENTS_OF[group].map((userId) => {
      const profile = PROFILES[userId];
      if (!profile) throw new Error(`agent ${userId} of ${group} has no routing profile`);
      return { userId, groups: [group], availability: 'online' as const, ...profile };
    }),
  );
}

export interface CategorySkillsEntry {
  category: CategoryKey;
  skills: readonly SkillLevel[];
}

/** What tickets of these categories need of the agent who takes them, in any group. */
export const CATEGORY_SKILLS: readonly CategorySkillsEntry[] = [
  { category: 'network-vpn', skills: skills({ vpn: 2 }) },
  { category: 'erp-1c', skills: skills({ '1c': 2 }) },
  { category: 'erp-sap', skills: skills({ sap: 2 }) },
  { category: 'erp-databases', skills: skills({ postgresql: 3 }) },
];

export interface RoutingRuleEntry {
  name: string;
  /** The rule matches tickets filed under any of these. */
  categories: readonly CategoryKey[];
  group: AssignmentGroupId;
  tags: readonly string[];
}

/** Each category of the catalog to the group that worked its tickets. */
export const ROUTING_RULES: readonly RoutingRuleEntry[] = [
  {
    name: 'Сеть и VPN → Сеть / Network & VPN → Network',
    categories: ['network', 'network-vpn', 'network-wifi', 'network-lan'],
    group: 'network',
    tags: ['network'],
  },
  {
    name: 'Печать → Рабочие места / Printing → Workplace',
    categories: ['printing', 'printing-devices', 'printing-supplies'],
    group: 'workplace',
    tags: ['printing'],
  },
  {
    name: 'Рабочее место → Рабочие места / Workplace → Workplace',
    categories: ['workplace', 'workplace-hardware', 'workplace-software'],
    group: 'workplace',
    tags: ['workplace'],
  },
  {
    name: 'Почта → Служба поддержки / Mail → Service desk',
    categories: ['mail', 'mail-email', 'mail-shared'],
    group: 'service-desk',
    tags: ['mail'],
  },
  {
    name: '1С и SAP → Поддержка ERP / 1C & SAP → ERP support',
    categories: ['erp', 'erp-1c', 'erp-sap'],
    group: 'erp-support',
    tags: ['erp'],
  },
  {
    name: 'Базы данных → DBA / Databases → DBA',
    categories: ['erp-databases'],
    group: 'dba',
    tags: ['database'],
  },
  {
    // Accounts, passwords and folder permissions are the desk's everyday work.
    name: 'Доступы → Служба поддержки / Access → Service desk',
    categories: ['access', 'access-accounts', 'access-folders'],
    group: 'service-desk',
    tags: ['access'],
  },
  {
    name: 'Угрозы → Безопасность / Threats → Security',
    categories: ['access-threats'],
    group: 'security',
    tags: ['security'],
  },
];

export interface RoutingOrganisation {
  lines: readonly SupportLineEntry[];
  groups: readonly RoutingGroupEntry[];
  agents: readonly RoutingAgentEntry[];
  categorySkills: readonly CategorySkillsEntry[];
  rules: readonly RoutingRuleEntry[];
  settings: {
    /** The classifier's proposals apply from this confidence on. */
    classificationThreshold: number;
    /** Where tickets go that no rule and no proposal sends anywhere. */
    defaultGroup: AssignmentGroupId;
  };
  /** Who saves the rules and trains the classifier. */
  adminId: string;
}

export const DEMO_ROUTING: RoutingOrganisation = {
  lines: SUPPORT_LINES,
  groups: ROUTING_GROUPS,
  agents: routingAgents(),
  categorySkills: CATEGORY_SKILLS,
  rules: ROUTING_RULES,
  settings: { classificationThreshold: 0.6, defaultGroup: 'service-desk' },
  adminId: APPROVERS.headOfIt,
};
