import type { AttributeValue, CiRelationshipType, LocationKind } from '../gateway-api';
import { AGENTS_OF, type AssignmentGroupId } from './people.catalogue';
import { ROUTING_GROUPS } from './routing.catalogue';
import { SERVICES, type ServiceKey } from './service-catalog.catalogue';

// What the demo company's CMDB holds: where things are, the business services of the catalog
// and the applications, databases, virtual machines, hosts and network devices behind them, how
// they depend on each other, the laptops of the staff with their stock journal, and two software
// licences, one of them over-deployed. Attributes keep to the CMDB's default CI types (no others
// are created). The seeder finds items by type and external id (`demo-…`), locations by name
// and relationships by their two ends and type: changing an external id here adds a new item.

/** Every external id of the demo's items starts so; the seeder searches the CMDB for it. */
export const DEMO_EXTERNAL_ID_PREFIX = 'demo-';

export type LocationKey = 'office' | 'warehouse' | 'data-centre';

export interface LocationEntry {
  key: LocationKey;
  name: string;
  kind: LocationKind;
  address: string;
}

export const LOCATIONS: readonly LocationEntry[] = [
  {
    key: 'office',
    name: 'Москва, офис на Тверской / Moscow office',
    kind: 'office',
    address: 'Москва, ул. Тверская, 7 / 7 Tverskaya St, Moscow',
  },
  {
    key: 'warehouse',
    name: 'Склад ИТ / IT warehouse',
    kind: 'warehouse',
    address: 'Москва, ул. Тверская, 7, цокольный этаж / 7 Tverskaya St, Moscow, basement',
  },
  {
    key: 'data-centre',
    name: 'ЦОД Медведково / Data centre',
    kind: 'data_centre',
    address: 'Москва, ул. Полярная, 31 / 31 Polyarnaya St, Moscow',
  },
];

/** The CMDB's default types the demo's items are of. */
export type CiTypeKey =
  | 'business_service'
  | 'application'
  | 'database'
  | 'server'
  | 'virtual_machine'
  | 'network_device'
  | 'data_centre'
  | 'laptop'
  | 'software_licence';

export interface ConfigurationItemEntry {
  /** `demo-…`, unique across the catalogue (the CMDB needs it unique per type only). */
  externalId: string;
  type: CiTypeKey;
  name: string;
  /** Only what the type's attribute schema knows, in the formats it asks for. */
  attributes: Readonly<Record<string, AttributeValue>>;
  /** Who is accountable for it: the supervisor of the group that supports it. */
  ownerId: string;
  /** The group that fixes it; the seeder sends routing's id for it. */
  supportGroup: AssignmentGroupId;
  /** Where it stands; assets get theirs from their lifecycle instead. */
  location?: LocationKey;
}

/** Where the seeder takes a laptop once it is received at the warehouse. */
export type LaptopTarget =
  | { state: 'in_use'; holderId: string }
  | { state: 'in_stock' }
  | { state: 'in_repair'; reason: string };

export interface LaptopEntry extends ConfigurationItemEntry {
  type: 'laptop';
  /** Инвентарный номер: INV-000101 onwards. */
  inventoryNumber: string;
  serialNumber: string;
  /** YYYY-MM-DD. */
  warrantyEnd: string;
  target: LaptopTarget;
  /** The external ids of the licences the laptop takes a seat of. */
  licences: readonly string[];
}

export interface LicenceEntry extends ConfigurationItemEntry {
  type: 'software_licence';
  seats: number;
  /** YYYY-MM-DD; absent for a perpetual licence. */
  contractEnd?: string;
}

/** "source <type> target", both named by external id. */
export interface RelationshipEntry {
  source: string;
  type: CiRelationshipType;
  target: string;
}

/**
 * Open incidents about an application or device: those the search finds whose title says so.
 * The seeder names the item on up to `limit` of them that name no configuration item yet.
 */
export interface IncidentLinkEntry {
  /** The external id of the application or device. */
  item: string;
  /** Searched for one at a time (title or description, Russian and English word forms). */
  queries: readonly string[];
  /** The search also finds words in the description; only titles that match this count. */
  title: RegExp;
  limit: number;
}

export interface DemoCmdb {
  locations: readonly LocationEntry[];
  /** Business services, applications, databases, VMs, hosts, network devices, the data centre. */
  infrastructure: readonly ConfigurationItemEntry[];
  licences: readonly LicenceEntry[];
  laptops: readonly LaptopEntry[];
  relationships: readonly RelationshipEntry[];
  /** Where laptops are received, and where they go with the person who gets one. */
  laptopStock: LocationKey;
  laptopDesk: LocationKey;
  incidentLinks: readonly IncidentLinkEntry[];
  /** Who records it all: the workplace group's lead, who keeps the asset accounts. */
  actorId: string;
}

/** The routing group and its supervisor, as the CMDB's support group and owner. */
function supportedBy(
  group: AssignmentGroupId,
): Pick<ConfigurationItemEntry, 'ownerId' | 'supportGroup'> {
  const entry = ROUTING_GROUPS.find((candidate) => candidate.key === group);
  if (!entry) throw new Error(`group ${group} is not in the demo's organisation`);
  return { ownerId: entry.supervisorId, supportGroup: group };
}

const CRITICALITY: Readonly<Record<ServiceKey, 'low' | 'medium' | 'high' | 'critical'>> = {
  workplace: 'high',
  mail: 'critical',
  erp: 'critical',
  access: 'high',
  network: 'critical',
  printing: 'low',
};

/** The business services of the demo's catalog, under the same names. */
const BUSINESS_SERVICES: readonly ConfigurationItemEntry[] = SERVICES.map((service) => ({
  externalId: `demo-service-${service.key}`,
  type: 'business_service',
  name: service.name,
  attributes: {
    criticality: CRITICALITY[service.key],
    service_hours: service.key === 'printing' ? 'Пн–Пт 09:00–18:00 / Mon–Fri 09:00–18:00' : '24×7',
    description: service.description,
  },
  ...supportedBy(service.ownerGroupId),
}));

const application = (
  key: string,
  name: string,
  attributes: { vendor: string; version: string; url?: string },
  group: AssignmentGroupId,
): ConfigurationItemEntry => ({
  externalId: `demo-app-${key}`,
  type: 'application',
  name,
  attributes,
  ...supportedBy(group),
});

const APPLICATIONS: readonly ConfigurationItemEntry[] = [
  application(
    'exchange',
    'Microsoft Exchange (почта / mail)',
    { vendor: 'Microsoft', version: '2019 CU14', url: 'https://mail.corp.demo.local/owa' },
    'service-desk',
  ),
  application(
    '1c-accounting',
    '1С:Бухгалтерия / 1C Accounting',
    { vendor: '1С', version: '3.0.150' },
    'erp-support',
  ),
  application(
    '1c-payroll',
    '1С:ЗУП / 1C Payroll',
    { vendor: '1С', version: '3.1.28' },
    'erp-support',
  ),
  application(
    'sap-erp',
    'SAP ERP (S/4HANA)',
    { vendor: 'SAP', version: '2022 FPS02', url: 'https://sap.corp.demo.local/fiori' },
    'erp-support',
  ),
  application(
    'vpn',
    'Сервис удалённого доступа VPN / VPN gateway app',
    { vendor: 'Fortinet', version: 'FortiOS 7.2.8', url: 'https://vpn.corp.demo.local' },
    'network',
  ),
  application(
    'active-directory',
    'Active Directory (corp.demo.local)',
    { vendor: 'Microsoft', version: 'Windows Server 2022' },
    'security',
  ),
  application(
    'print-server',
    'Сервер печати / Print server',
    { vendor: 'PaperCut', version: 'MF 23.0' },
    'workplace',
  ),
];

const DATABASES: readonly ConfigurationItemEntry[] = [
  {
    externalId: 'demo-db-1c-postgresql',
    type: 'database',
    name: 'PostgreSQL для 1С / PostgreSQL for 1C',
    attributes: { engine: 'postgresql', version: '15.7', port: 5432 },
    ...supportedBy('dba'),
  },
  {
    externalId: 'demo-db-payroll-mssql',
    type: 'database',
    name: 'MS SQL для 1С:ЗУП / MS SQL for 1C Payroll',
    attributes: { engine: 'mssql', version: '2019 CU27', port: 1433 },
    ...supportedBy('dba'),
  },
  {
    externalId: 'demo-db-sap-hana',
    type: 'database',
    name: 'SAP HANA для SAP ERP / SAP HANA for SAP ERP',
    attributes: { engine: 'other', version: 'HANA 2.0 SPS07', port: 30015 },
    ...supportedBy('dba'),
  },
];

const DOMAIN = 'corp.demo.local';

interface Machine {
  name: string;
  ip: string;
  os: string;
  cores: number;
  ramGb: number;
  group: AssignmentGroupId;
}

const machineAttributes = (machine: Machine) => ({
  hostname: `${machine.name}.${DOMAIN}`,
  ip: machine.ip,
  os: machine.os,
  cpu_cores: machine.cores,
  ram_gb: machine.ramGb,
});

const host = (machine: Machine): ConfigurationItemEntry => ({
  externalId: `demo-host-${machine.name}`,
  type: 'server',
  name: machine.name,
  attributes: machineAttributes(machine),
  ...supportedBy(machine.group),
  location: 'data-centre',
});

const virtualMachine = (machine: Machine): ConfigurationItemEntry => ({
  externalId: `demo-vm-${machine.name}`,
  type: 'virtual_machine',
  name: machine.name,
  attributes: { ...machineAttributes(machine), hypervisor: 'vmware' },
  ...supportedBy(machine.group),
  location: 'data-centre',
});

const ESXI = 'VMware ESXi 8.0 U2';

/** The virtualisation cluster in the data centre; the infrastructure engineers sit in network. */
const HOST_MACHINES: readonly Machine[] = [
  { name: 'esx-01', ip: '10.10.1.11', os: ESXI, cores: 48, ramGb: 768, group: 'network' },
  { name: 'esx-02', ip: '10.10.1.12', os: ESXI, cores: 48, ramGb: 768, group: 'network' },
  { name: 'esx-03', ip: '10.10.1.13', os: ESXI, cores: 48, ramGb: 768, group: 'network' },
  { name: 'esx-04', ip: '10.10.1.14', os: ESXI, cores: 64, ramGb: 1536, group: 'network' },
];
const HOSTS: readonly ConfigurationItemEntry[] = HOST_MACHINES.map(host);

const WINDOWS = 'Windows Server 2022';

/** The hosts of the demo's monitoring incidents (srv-1c-sql-01) are among them. */
const GUESTS: readonly Machine[] = [
  {
    name: 'srv-exch-01',
    ip: '10.10.2.21',
    os: WINDOWS,
    cores: 8,
    ramGb: 64,
    group: 'service-desk',
  },
  { name: 'srv-dc-01', ip: '10.10.2.11', os: WINDOWS, cores: 4, ramGb: 16, group: 'security' },
  { name: 'srv-print-01', ip: '10.10.2.31', os: WINDOWS, cores: 2, ramGb: 8, group: 'workplace' },
  {
    name: 'srv-1c-app-01',
    ip: '10.10.2.41',
    os: 'Windows Server 2019',
    cores: 16,
    ramGb: 64,
    group: 'erp-support',
  },
  {
    name: 'srv-1c-sql-01',
    ip: '10.10.2.42',
    os: 'Ubuntu 22.04 LTS',
    cores: 16,
    ramGb: 128,
    group: 'dba',
  },
  {
    name: 'srv-mssql-01',
    ip: '10.10.2.43',
    os: 'Windows Server 2019',
    cores: 8,
    ramGb: 64,
    group: 'dba',
  },
  {
    name: 'srv-sap-app-01',
    ip: '10.10.2.51',
    os: 'SUSE Linux Enterprise Server 15 SP5',
    cores: 16,
    ramGb: 128,
    group: 'erp-support',
  },
  {
    name: 'srv-sap-db-01',
    ip: '10.10.2.52',
    os: 'SUSE Linux Enterprise Server for SAP 15 SP5',
    cores: 32,
    ramGb: 512,
    group: 'dba',
  },
  {
    name: 'srv-vpn-01',
    ip: '10.10.2.61',
    os: 'FortiOS 7.2.8',
    cores: 4,
    ramGb: 8,
    group: 'network',
  },
];
const VIRTUAL_MACHINES: readonly ConfigurationItemEntry[] = GUESTS.map(virtualMachine);

const NETWORK_DEVICES: readonly ConfigurationItemEntry[] = [
  {
    externalId: 'demo-net-sw-core-01',
    type: 'network_device',
    name: 'Коммутатор ядра / Core switch (sw-core-01)',
    attributes: {
      kind: 'switch',
      hostname: `sw-core-01.${DOMAIN}`,
      ip: '10.10.0.1',
      model: 'Cisco Catalyst 9500-48Y4C',
      firmware: 'IOS XE 17.9.4',
    },
    ...supportedBy('network'),
    location: 'data-centre',
  },
  {
    externalId: 'demo-net-vpn-gw-01',
    type: 'network_device',
    name: 'VPN-концентратор / VPN concentrator (ci-vpn-gw-01)',
    attributes: {
      kind: 'firewall',
      hostname: `ci-vpn-gw-01.${DOMAIN}`,
      ip: '10.10.0.2',
      model: 'FortiGate 200F',
      firmware: 'FortiOS 7.2.8',
    },
    ...supportedBy('network'),
    location: 'data-centre',
  },
  {
    externalId: 'demo-net-wlc-01',
    type: 'network_device',
    name: 'Контроллер Wi-Fi / Wi-Fi controller (wlc-01)',
    attributes: {
      kind: 'other',
      hostname: `wlc-01.${DOMAIN}`,
      ip: '10.10.0.3',
      model: 'Cisco Catalyst 9800-L',
      firmware: 'IOS XE 17.9.5',
    },
    ...supportedBy('network'),
    location: 'office',
  },
];

const DATA_CENTRE: ConfigurationItemEntry = {
  externalId: 'demo-dc-medvedkovo',
  type: 'data_centre',
  name: 'ЦОД Медведково / Medvedkovo data centre',
  attributes: {
    address: 'Москва, ул. Полярная, 31 / 31 Polyarnaya St, Moscow',
    tier: 3,
    operator: 'ООО «ЦОД Север» / TsOD Sever LLC',
  },
  ...supportedBy('network'),
  location: 'data-centre',
};

const M365 = 'demo-licence-m365-e3';
const ONE_C_CLIENT = 'demo-licence-1c-client';

/** 1С has more users than seats: licence compliance shows it over-deployed. */
const LICENCES: readonly LicenceEntry[] = [
  {
    externalId: M365,
    type: 'software_licence',
    name: 'Microsoft 365 E3',
    attributes: {
      vendor: 'Microsoft',
      product: 'Microsoft 365 E3',
      licence_model: 'subscription',
    },
    seats: 25,
    contractEnd: '2026-12-31',
    ...supportedBy('service-desk'),
  },
  {
    externalId: ONE_C_CLIENT,
    type: 'software_licence',
    name: '1С:Предприятие 8, клиентская лицензия / 1C:Enterprise 8 client licence',
    attributes: {
      vendor: '1С',
      product: '1С:Предприятие 8. Клиентская лицензия на 1 рабочее место',
      licence_model: 'per_user',
    },
    seats: 5,
    ...supportedBy('erp-support'),
  },
];

type LaptopModel = 't14' | 'x1' | 'mac';

const LAPTOP_MODELS: Readonly<
  Record<LaptopModel, { attributes: Readonly<Record<string, AttributeValue>>; serial: string }>
> = {
  t14: {
    attributes: {
      model: 'Lenovo ThinkPad T14 Gen 4',
      cpu: 'Intel Core i5-1345U',
      ram_gb: 16,
      os: 'Windows 11 Pro',
    },
    serial: 'PF4T',
  },
  x1: {
    attributes: {
      model: 'Lenovo ThinkPad X1 Carbon Gen 11',
      cpu: 'Intel Core i7-1365U',
      ram_gb: 32,
      os: 'Windows 11 Pro',
    },
    serial: 'PF4X',
  },
  mac: {
    attributes: {
      model: 'Apple MacBook Pro 14 (M3 Pro)',
      cpu: 'Apple M3 Pro',
      ram_gb: 18,
      os: 'macOS 14 Sonoma',
    },
    serial: 'C02M',
  },
};

/** The two deliveries the laptops came in, and how long the vendor's warranty runs for each. */
const WARRANTY_END = { earlier: '2027-03-31', later: '2029-09-30' } as const;

const laptop = (
  number: number,
  model: LaptopModel,
  delivery: keyof typeof WARRANTY_END,
  target: LaptopTarget,
  licences: readonly string[] = [],
): LaptopEntry => ({
  externalId: `demo-laptop-${number}`,
  type: 'laptop',
  name: `MSK-LT-${number}`,
  attributes: LAPTOP_MODELS[model].attributes,
  ...supportedBy('workplace'),
  inventoryNumber: `INV-${String(number).padStart(6, '0')}`,
  serialNumber: `${LAPTOP_MODELS[model].serial}${String(number * 7919).padStart(6, '0')}`,
  warrantyEnd: WARRANTY_END[delivery],
  target,
  licences,
});

const held = (holderId: string): LaptopTarget => ({ state: 'in_use', holderId });
const OFFICE_SUITE = [M365];
const WITH_1C = [M365, ONE_C_CLIENT];

/**
 * Twenty laptops with agents and requesters (seven of them 1С users, for five 1С seats), four in
 * stock and one in repair.
 */
const LAPTOPS: readonly LaptopEntry[] = [
  ...AGENTS_OF['service-desk'].map((agent, index) =>
    laptop(101 + index, 't14', 'earlier', held(agent), OFFICE_SUITE),
  ),
  laptop(107, 'x1', 'earlier', held('agent-07'), OFFICE_SUITE),
  laptop(108, 'x1', 'earlier', held('agent-10'), OFFICE_SUITE),
  laptop(109, 't14', 'earlier', held('agent-14'), WITH_1C),
  laptop(110, 't14', 'earlier', held('agent-15'), WITH_1C),
  laptop(111, 'x1', 'earlier', held('agent-17'), OFFICE_SUITE),
  laptop(112, 'x1', 'earlier', held('agent-19'), OFFICE_SUITE),
  laptop(113, 't14', 'later', held('emp-1001'), WITH_1C),
  laptop(114, 't14', 'later', held('emp-1002'), WITH_1C),
  laptop(115, 't14', 'later', held('emp-1003'), WITH_1C),
  laptop(116, 't14', 'later', held('emp-1004'), WITH_1C),
  laptop(117, 't14', 'later', held('emp-1005'), WITH_1C),
  laptop(118, 'mac', 'later', held('emp-1006'), OFFICE_SUITE),
  laptop(119, 'mac', 'later', held('emp-1007'), OFFICE_SUITE),
  laptop(120, 't14', 'later', held('emp-1008'), OFFICE_SUITE),
  laptop(121, 't14', 'later', { state: 'in_stock' }),
  laptop(122, 't14', 'later', { state: 'in_stock' }),
  laptop(123, 'x1', 'later', { state: 'in_stock' }),
  laptop(124, 'mac', 'later', { state: 'in_stock' }),
  laptop(125, 't14', 'earlier', {
    state: 'in_repair',
    reason: 'Залита клавиатура, не работают клавиши / spilled tea, keys do not work',
  }),
];

const depends = (source: string, ...targets: string[]): RelationshipEntry[] =>
  targets.map((target) => ({ source, type: 'depends_on', target }));
const runsOn = (source: string, target: string): RelationshipEntry => ({
  source,
  type: 'runs_on',
  target,
});

const INFRASTRUCTURE_RELATIONSHIPS: readonly RelationshipEntry[] = [
  // What people use, on what it needs.
  ...depends('demo-service-workplace', 'demo-app-active-directory'),
  ...depends('demo-service-mail', 'demo-app-exchange'),
  ...depends(
    'demo-service-erp',
    'demo-app-1c-accounting',
    'demo-app-1c-payroll',
    'demo-app-sap-erp',
  ),
  ...depends('demo-service-access', 'demo-app-active-directory'),
  ...depends('demo-service-network', 'demo-app-vpn', 'demo-net-sw-core-01', 'demo-net-wlc-01'),
  ...depends('demo-service-printing', 'demo-app-print-server'),
  // Applications on their machines and databases; mail and VPN sign people in through AD.
  runsOn('demo-app-exchange', 'demo-vm-srv-exch-01'),
  runsOn('demo-app-active-directory', 'demo-vm-srv-dc-01'),
  runsOn('demo-app-print-server', 'demo-vm-srv-print-01'),
  runsOn('demo-app-1c-accounting', 'demo-vm-srv-1c-app-01'),
  runsOn('demo-app-1c-payroll', 'demo-vm-srv-1c-app-01'),
  runsOn('demo-app-sap-erp', 'demo-vm-srv-sap-app-01'),
  runsOn('demo-app-vpn', 'demo-vm-srv-vpn-01'),
  ...depends('demo-app-1c-accounting', 'demo-db-1c-postgresql'),
  ...depends('demo-app-1c-payroll', 'demo-db-payroll-mssql'),
  ...depends('demo-app-sap-erp', 'demo-db-sap-hana'),
  ...depends('demo-app-exchange', 'demo-app-active-directory'),
  ...depends('demo-app-vpn', 'demo-app-active-directory'),
  runsOn('demo-db-1c-postgresql', 'demo-vm-srv-1c-sql-01'),
  runsOn('demo-db-payroll-mssql', 'demo-vm-srv-mssql-01'),
  runsOn('demo-db-sap-hana', 'demo-vm-srv-sap-db-01'),
  // Machines on hosts, hosts in the data centre.
  runsOn('demo-vm-srv-exch-01', 'demo-host-esx-01'),
  runsOn('demo-vm-srv-dc-01', 'demo-host-esx-01'),
  runsOn('demo-vm-srv-print-01', 'demo-host-esx-01'),
  runsOn('demo-vm-srv-1c-app-01', 'demo-host-esx-02'),
  runsOn('demo-vm-srv-1c-sql-01', 'demo-host-esx-02'),
  runsOn('demo-vm-srv-mssql-01', 'demo-host-esx-03'),
  runsOn('demo-vm-srv-sap-app-01', 'demo-host-esx-03'),
  runsOn('demo-vm-srv-sap-db-01', 'demo-host-esx-04'),
  runsOn('demo-vm-srv-vpn-01', 'demo-host-esx-04'),
  ...HOSTS.map((entry) => ({
    source: entry.externalId,
    type: 'hosted_in' as const,
    target: DATA_CENTRE.externalId,
  })),
  { source: 'demo-net-sw-core-01', type: 'hosted_in', target: DATA_CENTRE.externalId },
  { source: 'demo-net-vpn-gw-01', type: 'hosted_in', target: DATA_CENTRE.externalId },
  // The network: every host on the core switch, the VPN concentrator and Wi-Fi behind it.
  ...HOSTS.map((entry) => ({
    source: 'demo-net-sw-core-01',
    type: 'connected_to' as const,
    target: entry.externalId,
  })),
  { source: 'demo-net-vpn-gw-01', type: 'connected_to', target: 'demo-net-sw-core-01' },
  { source: 'demo-net-wlc-01', type: 'connected_to', target: 'demo-net-sw-core-01' },
];

/** Each laptop takes a seat of its licences. */
const LICENCE_USES: readonly RelationshipEntry[] = LAPTOPS.flatMap((entry) =>
  entry.licences.map((licence) => ({
    source: entry.externalId,
    type: 'uses_licence' as const,
    target: licence,
  })),
);

/**
 * The demo's incidents about VPN, 1С, mail and printers, on the applications behind them; the
 * outage's major incident names the gateway that fails, and its remote workers' calls the VPN.
 */
const INCIDENT_LINKS: readonly IncidentLinkEntry[] = [
  { item: 'demo-net-vpn-gw-01', queries: ['VPN'], title: /ci-vpn-gw-01/i, limit: 1 },
  { item: 'demo-app-vpn', queries: ['VPN'], title: /vpn/i, limit: 2 },
  // Requesters write 1С with a Cyrillic and a Latin C; "no 1С from home" is about the VPN.
  {
    item: 'demo-app-1c-accounting',
    queries: ['1С', '1C'],
    title: /бухгалтери|accounting|проведении документа|posting a document/i,
    limit: 1,
  },
  // "Scan to email" and a suspicious email are not about the mail service.
  {
    item: 'demo-app-exchange',
    queries: ['Outlook', 'почта', 'email'],
    title: /outlook|почта|^e-?mail/i,
    limit: 1,
  },
  {
    item: 'demo-app-print-server',
    queries: ['принтер', 'printer'],
    title: /принтер|printer/i,
    limit: 1,
  },
];

export const DEMO_CMDB: DemoCmdb = {
  locations: LOCATIONS,
  infrastructure: [
    ...BUSINESS_SERVICES,
    ...APPLICATIONS,
    ...DATABASES,
    ...VIRTUAL_MACHINES,
    ...HOSTS,
    ...NETWORK_DEVICES,
    DATA_CENTRE,
  ],
  licences: LICENCES,
  laptops: LAPTOPS,
  relationships: [...INFRASTRUCTURE_RELATIONSHIPS, ...LICENCE_USES],
  laptopStock: 'warehouse',
  laptopDesk: 'office',
  incidentLinks: INCIDENT_LINKS,
  actorId: 'agent-10',
};
