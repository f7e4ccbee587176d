import type { AttributeValue } from '../gateway-api';
import {
  type CiTypeKey,
  type ConfigurationItemEntry,
  DEMO_CMDB,
  DEMO_EXTERNAL_ID_PREFIX,
  LOCATIONS,
} from './cmdb.catalogue';
import { INCIDENT_TEMPLATES, PLACEHOLDERS } from './incidents.catalogue';
import { MAJOR_INCIDENT, MAJOR_INCIDENT_CHILDREN } from './major-incident.catalogue';
import { AGENTS_OF, ASSIGNMENT_GROUPS, REQUESTER_COUNT } from './people.catalogue';
import { ROUTING_GROUPS } from './routing.catalogue';
import { SERVICES } from './service-catalog.catalogue';

type Check = (value: AttributeValue) => boolean;

const text =
  (maxLength: number): Check =>
  (value) =>
    typeof value === 'string' && value.trim().length > 0 && [...value].length <= maxLength;
const oneOf =
  (...values: string[]): Check =>
  (value) =>
    typeof value === 'string' && values.includes(value);
const integer =
  (minimum: number, maximum: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= minimum && (value as number) <= maximum;
const positive =
  (maximum: number): Check =>
  (value) =>
    typeof value === 'number' && value > 0 && value <= maximum;
// As ajv-formats checks them.
const ipv4: Check = (value) =>
  typeof value === 'string' &&
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(value);
const hostname: Check = (value) =>
  typeof value === 'string' &&
  value.length <= 253 &&
  /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i.test(
    value,
  );
const uri: Check = (value) => typeof value === 'string' && URL.canParse(value);

const computer = { model: text(200), cpu: text(200), ram_gb: positive(65536), os: text(100) };
const machine = {
  hostname,
  ip: ipv4,
  os: text(100),
  cpu_cores: integer(1, 1024),
  ram_gb: positive(65536),
};

/**
 * The attribute schemas of the CMDB's default types the demo uses (DEFAULT_CI_TYPES in
 * services/cmdb/src/domain/ci-type.ts), restated: tools do not import services. Each takes
 * only the attributes it names (additionalProperties: false).
 */
const SCHEMAS: Readonly<
  Record<CiTypeKey, { properties: Readonly<Record<string, Check>>; required?: string[] }>
> = {
  business_service: {
    properties: {
      criticality: oneOf('low', 'medium', 'high', 'critical'),
      service_hours: text(100),
      description: text(2000),
    },
  },
  application: { properties: { version: text(50), url: uri, vendor: text(200) } },
  database: {
    properties: {
      engine: oneOf('postgresql', 'oracle', 'mssql', 'mysql', 'clickhouse', 'other'),
      version: text(50),
      port: integer(1, 65535),
    },
  },
  server: { properties: machine },
  virtual_machine: {
    properties: { ...machine, hypervisor: oneOf('vmware', 'hyper_v', 'kvm', 'proxmox', 'other') },
  },
  network_device: {
    properties: {
      kind: oneOf('router', 'switch', 'firewall', 'access_point', 'load_balancer', 'other'),
      hostname,
      ip: ipv4,
      model: text(200),
      firmware: text(100),
    },
  },
  data_centre: {
    properties: { address: text(500), tier: integer(1, 4), operator: text(200) },
  },
  laptop: { properties: computer },
  software_licence: {
    properties: {
      vendor: text(200),
      product: text(200),
      licence_key: text(500),
      licence_model: oneOf('per_user', 'per_device', 'per_core', 'subscription', 'site'),
    },
    required: ['vendor', 'product'],
  },
};

/** What the CMDB would refuse of the item's attributes, as `<externalId>: attributes/<name>`. */
function attributeViolations(entry: ConfigurationItemEntry): string[] {
  const schema = SCHEMAS[entry.type];
  const violations = Object.entries(entry.attributes)
    .filter(([name, value]) => {
      const check = schema.properties[name];
      return check === undefined || !check(value);
    })
    .map(([name]) => `${entry.externalId}: attributes/${name}`);
  for (const name of schema.required ?? []) {
    if (entry.attributes[name] === undefined) {
      violations.push(`${entry.externalId}: attributes/${name} is required`);
    }
  }
  return violations;
}

/** YYYY-MM-DD and a day the calendar has. */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value);
}

const ITEMS: readonly ConfigurationItemEntry[] = [
  ...DEMO_CMDB.infrastructure,
  ...DEMO_CMDB.licences,
  ...DEMO_CMDB.laptops,
];
const typeOf = new Map(ITEMS.map((entry) => [entry.externalId, entry.type]));

describe('the demo CMDB', () => {
  it('names every item by a demo- external id of its own, across the catalogue', () => {
    const ids = ITEMS.map((entry) => entry.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !id.startsWith(DEMO_EXTERNAL_ID_PREFIX))).toEqual([]);
    expect(
      ITEMS.filter((entry) => entry.name.trim().length === 0 || entry.name.length > 200),
    ).toEqual([]);
  });

  it('gives every item attributes its default type takes', () => {
    expect(ITEMS.flatMap(attributeViolations)).toEqual([]);
  });

  it('checks attributes as the CMDB would', () => {
    const server: ConfigurationItemEntry = {
      externalId: 'demo-host-x',
      type: 'server',
      name: 'x',
      attributes: { ip: '10.10.1.256', hostname: 'esx_01', cpu_cores: 0, rack: 'A1' },
      ownerId: 'agent-07',
      supportGroup: 'network',
    };
    expect(attributeViolations(server)).toEqual([
      'demo-host-x: attributes/ip',
      'demo-host-x: attributes/hostname',
      'demo-host-x: attributes/cpu_cores',
      'demo-host-x: attributes/rack',
    ]);
    expect(
      attributeViolations({ ...server, type: 'software_licence', attributes: { vendor: '1С' } }),
    ).toEqual(['demo-host-x: attributes/product is required']);
  });

  it('has distinct addresses and host names on the network', () => {
    const machines = ITEMS.filter((entry) => entry.attributes['ip'] !== undefined);
    const ips = machines.map((entry) => entry.attributes['ip']);
    const hostnames = machines.map((entry) => entry.attributes['hostname']);
    expect(machines.length).toBeGreaterThanOrEqual(16);
    expect(new Set(ips).size).toBe(ips.length);
    expect(new Set(hostnames).size).toBe(hostnames.length);
  });

  it('has a business service for each service of the catalog, under its name', () => {
    const services = DEMO_CMDB.infrastructure.filter((entry) => entry.type === 'business_service');
    expect(services.map((entry) => entry.name)).toEqual(SERVICES.map((service) => service.name));
    expect(LOCATIONS.map((location) => location.kind)).toEqual([
      'office',
      'warehouse',
      'data_centre',
    ]);
  });

  it('has every item supported by a routing group and owned by its supervisor', () => {
    const groups = new Map(ROUTING_GROUPS.map((group) => [group.key, group.supervisorId]));
    const strays = ITEMS.filter((entry) => groups.get(entry.supportGroup) !== entry.ownerId);
    expect(strays.map((entry) => entry.externalId)).toEqual([]);
  });

  it('stands non-assets at known locations and leaves assets to their lifecycle', () => {
    const keys = new Set(LOCATIONS.map((location) => location.key));
    const placed = DEMO_CMDB.infrastructure.flatMap((entry) => entry.location ?? []);
    expect(placed.filter((key) => !keys.has(key))).toEqual([]);
    expect([...DEMO_CMDB.laptops, ...DEMO_CMDB.licences].filter((entry) => entry.location)).toEqual(
      [],
    );
    expect(keys.has(DEMO_CMDB.laptopStock) && keys.has(DEMO_CMDB.laptopDesk)).toBe(true);
  });

  it('relates only items it has, once each, as the CMDB allows', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const { source, type, target } of DEMO_CMDB.relationships) {
      const what = `${source} ${type} ${target}`;
      const sourceType = typeOf.get(source);
      const targetType = typeOf.get(target);
      if (sourceType === undefined || targetType === undefined) problems.push(`${what}: no item`);
      if (source === target) problems.push(`${what}: itself`);
      if (seen.has(what)) problems.push(`${what}: twice`);
      seen.add(what);
      const businessService =
        sourceType === 'business_service' || targetType === 'business_service';
      if (businessService && type !== 'depends_on') problems.push(`${what}: a business service`);
      if (type === 'uses_licence' && targetType !== 'software_licence') {
        problems.push(`${what}: not a licence`);
      }
      if (type === 'uses_licence' && sourceType === 'software_licence') {
        problems.push(`${what}: a licence using one`);
      }
      if (type === 'hosted_in' && targetType !== 'data_centre') {
        problems.push(`${what}: not in a data centre`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('puts every service on applications, each on a machine, each machine on a host in the data centre', () => {
    const targets = (source: string, type: string) =>
      DEMO_CMDB.relationships
        .filter((relationship) => relationship.source === source && relationship.type === type)
        .map((relationship) => relationship.target);
    const byType = (type: CiTypeKey) =>
      DEMO_CMDB.infrastructure.filter((entry) => entry.type === type).map((e) => e.externalId);
    for (const service of byType('business_service')) {
      expect({ service, on: targets(service, 'depends_on').length > 0 }).toEqual({
        service,
        on: true,
      });
    }
    for (const item of [...byType('application'), ...byType('database')]) {
      const machines = targets(item, 'runs_on');
      expect({ item, machines: machines.map((id) => typeOf.get(id)) }).toEqual({
        item,
        machines: ['virtual_machine'],
      });
    }
    for (const vm of byType('virtual_machine')) {
      expect({ vm, hosts: targets(vm, 'runs_on').map((id) => typeOf.get(id)) }).toEqual({
        vm,
        hosts: ['server'],
      });
    }
    for (const host of byType('server')) {
      expect({ host, in: targets(host, 'hosted_in') }).toEqual({
        host,
        in: ['demo-dc-medvedkovo'],
      });
    }
    const connected = DEMO_CMDB.relationships.filter((r) => r.type === 'connected_to');
    for (const host of byType('server')) {
      expect(
        connected.some((r) => r.target === host && typeOf.get(r.source) === 'network_device'),
      ).toBe(true);
    }
  });

  it('has 25 laptops: 20 with agents and requesters, 4 in stock, 1 in repair', () => {
    const { laptops } = DEMO_CMDB;
    expect(laptops).toHaveLength(25);
    expect(laptops.map((entry) => entry.inventoryNumber)).toEqual(
      Array.from({ length: 25 }, (_, index) => `INV-${String(101 + index).padStart(6, '0')}`),
    );
    const serials = laptops.map((entry) => entry.serialNumber);
    expect(new Set(serials).size).toBe(serials.length);
    expect(laptops.filter((entry) => !isCalendarDate(entry.warrantyEnd))).toEqual([]);
    const holders = laptops.flatMap((entry) =>
      entry.target.state === 'in_use' ? [entry.target.holderId] : [],
    );
    expect(holders).toHaveLength(20);
    expect(new Set(holders).size).toBe(20);
    const agents = new Set(ASSIGNMENT_GROUPS.flatMap((group) => AGENTS_OF[group]));
    const requester = (id: string) => {
      const number = /^emp-(\d{4})$/.exec(id)?.[1];
      return (
        number !== undefined && Number(number) > 1000 && Number(number) <= 1000 + REQUESTER_COUNT
      );
    };
    expect(holders.filter((id) => !agents.has(id) && !requester(id))).toEqual([]);
    expect(holders.some((id) => agents.has(id)) && holders.some(requester)).toBe(true);
    const states = laptops.map((entry) => entry.target.state);
    expect(states.filter((state) => state === 'in_stock')).toHaveLength(4);
    expect(states.filter((state) => state === 'in_repair')).toHaveLength(1);
    // Only a laptop somebody works on takes a licence seat.
    expect(
      laptops.filter((entry) => entry.target.state !== 'in_use' && entry.licences.length > 0),
    ).toEqual([]);
  });

  it('over-deploys exactly one of its two licences', () => {
    expect(DEMO_CMDB.licences).toHaveLength(2);
    const uses = (licence: string) =>
      DEMO_CMDB.relationships.filter(
        (relationship) => relationship.type === 'uses_licence' && relationship.target === licence,
      ).length;
    const over = DEMO_CMDB.licences.filter((licence) => uses(licence.externalId) > licence.seats);
    expect(over.map((licence) => licence.name)).toEqual([DEMO_CMDB.licences[1]?.name]);
    for (const licence of DEMO_CMDB.licences) {
      expect(Number.isInteger(licence.seats) && licence.seats >= 0).toBe(true);
      expect(licence.contractEnd === undefined || isCalendarDate(licence.contractEnd)).toBe(true);
      expect(uses(licence.externalId)).toBeGreaterThan(0);
    }
  });

  it('links incidents by titles the demo has, each to an application or device it has', () => {
    // As the tickets have them: "{printer}" stands for a printer's name.
    const filled = (title: string) =>
      title.replace(/\{(\w+)\}/g, (_, name: string) => PLACEHOLDERS[name]?.en[0] ?? name);
    const titles = [
      ...INCIDENT_TEMPLATES.flatMap((template) => [
        { id: template.id, title: filled(template.ru.title) },
        { id: template.id, title: filled(template.en.title) },
      ]),
      { id: 'major-incident', title: MAJOR_INCIDENT.title },
      ...MAJOR_INCIDENT_CHILDREN.map((child) => ({ id: 'outage-call', title: child.title })),
    ];
    const matched = Object.fromEntries(
      DEMO_CMDB.incidentLinks.map((link) => {
        expect(['application', 'network_device']).toContain(typeOf.get(link.item));
        expect(link.limit).toBeGreaterThan(0);
        // A global or sticky pattern would remember where it matched last.
        expect(link.title.global || link.title.sticky).toBe(false);
        const found = titles.filter(({ title }) => link.title.test(title));
        // The search is for words of the titles it is meant to find.
        for (const { title } of found.filter(({ id }) => id !== 'outage-call')) {
          const words = title.toLowerCase();
          expect({
            title,
            found: link.queries.some((q) => words.includes(q.toLowerCase())),
          }).toEqual({ title, found: true });
        }
        return [link.item, [...new Set(found.map(({ id }) => id))]];
      }),
    );
    expect(matched).toEqual({
      'demo-net-vpn-gw-01': ['major-incident'],
      'demo-app-vpn': ['vpn-home', 'vpn-drops', 'major-incident', 'outage-call'],
      'demo-app-1c-accounting': ['1c-slow', '1c-posting-error'],
      'demo-app-exchange': ['outlook-no-mail', 'outlook-hangs', 'shared-mailbox', 'mobile-mail'],
      'demo-app-print-server': ['printer-not-printing'],
    });
    expect(DEMO_CMDB.incidentLinks.reduce((sum, link) => sum + link.limit, 0)).toBe(6);
  });
});
