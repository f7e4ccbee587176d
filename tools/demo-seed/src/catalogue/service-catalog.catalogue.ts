import type { FormSchema, FormValues, Language, Level } from '../gateway-api';
import type { SeededRandom } from '../random';
import type { AssignmentGroupId } from './people.catalogue';

// The demo company's service catalog: the business services, the category tree tickets are
// filed under, and the items requesters order with a form. One catalog serves Russian and
// English writers, so names are bilingual ("Печать / Printing"), as the company's portal has them.
// The seeder finds entries by name and creates only the missing ones: renaming an entry here
// adds a new one next to the old.

export type ServiceKey = 'workplace' | 'mail' | 'erp' | 'access' | 'network' | 'printing';

export interface ServiceEntry {
  key: ServiceKey;
  name: string;
  description: string;
  ownerGroupId: AssignmentGroupId;
}

export const SERVICES: readonly ServiceEntry[] = [
  {
    key: 'workplace',
    name: 'Рабочее место / Workplace',
    description:
      'Ноутбуки, мониторы, периферия и программы на рабочем месте сотрудника. / Laptops, monitors, peripherals and software at the employee’s desk.',
    ownerGroupId: 'workplace',
  },
  {
    key: 'mail',
    name: 'Почта и календарь / Mail & calendar',
    description:
      'Корпоративная почта Exchange, календари, общие ящики и списки рассылки. / Exchange mail, calendars, shared mailboxes and distribution lists.',
    ownerGroupId: 'service-desk',
  },
  {
    key: 'erp',
    name: '1С и ERP / 1C & ERP',
    description:
      '1С: Бухгалтерия, ЗУП и Управление торговлей, SAP S/4HANA и их базы данных. / 1C Accounting, Payroll and Trade, SAP S/4HANA and their databases.',
    ownerGroupId: 'erp-support',
  },
  {
    key: 'access',
    name: 'Доступы и безопасность / Access & security',
    description:
      'Учётные записи, пароли и MFA, права на папки и системы, защита от угроз. / Accounts, passwords and MFA, permissions to folders and systems, threat protection.',
    ownerGroupId: 'security',
  },
  {
    key: 'network',
    name: 'Сеть и VPN / Network & VPN',
    description:
      'Офисная сеть, Wi-Fi, интернет, удалённый доступ по VPN и телефония. / Office network, Wi-Fi, internet, VPN remote access and telephony.',
    ownerGroupId: 'network',
  },
  {
    key: 'printing',
    name: 'Печать / Printing',
    description:
      'Принтеры и МФУ на этажах, сканирование в почту, картриджи и бумага. / Printers and multifunction devices on every floor, scan to email, cartridges and paper.',
    ownerGroupId: 'workplace',
  },
];

export type CategoryKey =
  | ServiceKey
  | 'workplace-hardware'
  | 'workplace-software'
  | 'mail-email'
  | 'mail-shared'
  | 'erp-1c'
  | 'erp-sap'
  | 'erp-databases'
  | 'access-accounts'
  | 'access-folders'
  | 'access-threats'
  | 'network-vpn'
  | 'network-wifi'
  | 'network-lan'
  | 'printing-devices'
  | 'printing-supplies';

/** The placeholder values of one ticket ({room}, {printer}, …), see incidents.catalogue.ts. */
export type PlaceholderValues = Readonly<Record<string, string>>;

/** A category's form, and how a ticket about the same room or printer fills it in. */
export interface CategoryForm {
  schema: FormSchema;
  fill(values: PlaceholderValues): FormValues;
}

/** A category of the tree: a root per service, its children one level down. */
export interface CategoryEntry {
  key: CategoryKey;
  /** The service tickets in this category are about. */
  service: ServiceKey;
  parent?: CategoryKey;
  name: string;
  form?: CategoryForm;
}

function placeholder(values: PlaceholderValues, name: string): string {
  const value = values[name];
  if (value === undefined) throw new Error(`the form needs the placeholder {${name}}`);
  return value;
}

const PRINTER_NAME = '^(PRN|MFU)-[0-9]-[0-9]{2}$';
const WORKSTATION = '^WS-[0-9]{4}$';

export const CATEGORIES: readonly CategoryEntry[] = [
  { key: 'workplace', service: 'workplace', name: 'Рабочее место / Workplace' },
  {
    key: 'workplace-hardware',
    service: 'workplace',
    parent: 'workplace',
    name: 'Компьютеры и периферия / Computers & peripherals',
  },
  {
    key: 'workplace-software',
    service: 'workplace',
    parent: 'workplace',
    name: 'Программы / Software',
  },
  { key: 'mail', service: 'mail', name: 'Почта и календарь / Mail & calendar' },
  { key: 'mail-email', service: 'mail', parent: 'mail', name: 'Почта и Outlook / Email & Outlook' },
  {
    key: 'mail-shared',
    service: 'mail',
    parent: 'mail',
    name: 'Общие ящики / Shared mailboxes',
    form: {
      schema: {
        type: 'object',
        required: ['mailbox'],
        properties: {
          mailbox: {
            type: 'string',
            title: 'Общий ящик / Shared mailbox',
            minLength: 2,
            maxLength: 100,
          },
        },
        additionalProperties: false,
      },
      fill: (values) => ({ mailbox: placeholder(values, 'mailbox') }),
    },
  },
  { key: 'erp', service: 'erp', name: '1С и ERP / 1C & ERP' },
  { key: 'erp-1c', service: 'erp', parent: 'erp', name: '1С / 1C' },
  { key: 'erp-sap', service: 'erp', parent: 'erp', name: 'SAP' },
  { key: 'erp-databases', service: 'erp', parent: 'erp', name: 'Базы данных / Databases' },
  { key: 'access', service: 'access', name: 'Доступы и безопасность / Access & security' },
  {
    key: 'access-accounts',
    service: 'access',
    parent: 'access',
    name: 'Учётные записи и MFA / Accounts & MFA',
  },
  {
    key: 'access-folders',
    service: 'access',
    parent: 'access',
    name: 'Сетевые папки / Network folders',
    form: {
      schema: {
        type: 'object',
        required: ['path'],
        properties: {
          path: {
            type: 'string',
            title: 'Путь к папке / Folder path',
            pattern: '^\\\\\\\\[A-Za-z0-9.-]+\\\\',
            maxLength: 260,
          },
        },
        additionalProperties: false,
      },
      fill: (values) => ({ path: placeholder(values, 'share') }),
    },
  },
  {
    key: 'access-threats',
    service: 'access',
    parent: 'access',
    name: 'Угрозы и антивирус / Threats & antivirus',
  },
  { key: 'network', service: 'network', name: 'Сеть и VPN / Network & VPN' },
  { key: 'network-vpn', service: 'network', parent: 'network', name: 'VPN' },
  {
    key: 'network-wifi',
    service: 'network',
    parent: 'network',
    name: 'Wi-Fi',
    form: {
      schema: {
        type: 'object',
        required: ['location'],
        properties: {
          location: {
            type: 'string',
            title: 'Где / Location',
            description: 'Переговорная или этаж / Meeting room or floor',
            minLength: 1,
            maxLength: 100,
          },
        },
        additionalProperties: false,
      },
      fill: (values) => ({ location: placeholder(values, 'room') }),
    },
  },
  {
    key: 'network-lan',
    service: 'network',
    parent: 'network',
    name: 'Интернет, ЛВС и телефония / Internet, LAN & phones',
  },
  { key: 'printing', service: 'printing', name: 'Печать / Printing' },
  {
    key: 'printing-devices',
    service: 'printing',
    parent: 'printing',
    name: 'Принтеры и МФУ / Printers & MFPs',
    form: {
      schema: {
        type: 'object',
        required: ['printer'],
        properties: {
          printer: {
            type: 'string',
            title: 'Принтер / Printer',
            description:
              'Имя на наклейке, например PRN-3-05 / The name on its label, e.g. PRN-3-05',
            pattern: PRINTER_NAME,
          },
          floor: { type: 'integer', title: 'Этаж / Floor', minimum: 1, maximum: 30 },
        },
        additionalProperties: false,
      },
      fill: (values) => ({
        printer: placeholder(values, 'printer'),
        floor: Number(placeholder(values, 'floor')),
      }),
    },
  },
  {
    key: 'printing-supplies',
    service: 'printing',
    parent: 'printing',
    name: 'Картриджи и бумага / Cartridges & paper',
  },
];

/**
 * Where the tickets of each incident and request template are filed, and the tags agents put
 * on them. A category with a form fills it from the ticket's placeholders.
 */
export const DESK_CLASSIFICATION: Readonly<
  Record<string, { category: CategoryKey; tags: readonly string[] }>
> = {
  // Incidents.
  'vpn-home': { category: 'network-vpn', tags: ['vpn'] },
  'vpn-drops': { category: 'network-vpn', tags: ['vpn'] },
  'outlook-no-mail': { category: 'mail-email', tags: ['outlook'] },
  'outlook-hangs': { category: 'mail-email', tags: ['outlook'] },
  'shared-mailbox': { category: 'mail-shared', tags: ['outlook'] },
  '1c-slow': { category: 'erp-1c', tags: ['1c', 'performance'] },
  '1c-posting-error': { category: 'erp-1c', tags: ['1c'] },
  'printer-not-printing': { category: 'printing-devices', tags: ['printer'] },
  'scan-to-email': { category: 'printing-devices', tags: ['printer', 'scan'] },
  'laptop-no-boot': { category: 'workplace-hardware', tags: ['laptop'] },
  'laptop-keyboard': { category: 'workplace-hardware', tags: ['laptop', 'repair'] },
  'second-monitor': { category: 'workplace-hardware', tags: ['monitor'] },
  'wifi-meeting-room': { category: 'network-wifi', tags: ['wifi', 'meeting-room'] },
  'video-conference': { category: 'workplace-hardware', tags: ['meeting-room'] },
  'account-locked': { category: 'access-accounts', tags: ['account'] },
  'password-expired': { category: 'access-accounts', tags: ['account', 'password'] },
  'sap-login': { category: 'erp-sap', tags: ['sap'] },
  'sap-report-slow': { category: 'erp-sap', tags: ['sap', 'performance'] },
  'jira-slow': { category: 'workplace-software', tags: ['jira', 'performance'] },
  'shared-drive': { category: 'access-folders', tags: ['file-share'] },
  phishing: { category: 'access-threats', tags: ['phishing', 'security'] },
  'teams-audio': { category: 'workplace-software', tags: ['teams'] },
  'portal-500': { category: 'workplace-software', tags: ['intranet', 'outage'] },
  'mobile-mail': { category: 'mail-email', tags: ['mobile'] },
  'office-internet': { category: 'network-lan', tags: ['internet', 'outage'] },
  'desk-phone': { category: 'network-lan', tags: ['telephony'] },
  'mfa-push': { category: 'access-accounts', tags: ['mfa'] },
  'excel-macros': { category: 'workplace-software', tags: ['excel'] },
  'antivirus-block': { category: 'access-threats', tags: ['antivirus', 'security'] },
  'monitoring-disk': { category: 'erp-databases', tags: ['monitoring', 'postgresql'] },
  'monitoring-replication': { category: 'erp-databases', tags: ['monitoring', 'postgresql'] },
  // Service requests.
  'new-hire-laptop': { category: 'workplace-hardware', tags: ['onboarding'] },
  '1c-access': { category: 'erp-1c', tags: ['1c', 'access'] },
  'sap-role': { category: 'erp-sap', tags: ['sap', 'access'] },
  'jira-project': { category: 'workplace-software', tags: ['jira'] },
  'share-access': { category: 'access-folders', tags: ['access', 'file-share'] },
  'vpn-access': { category: 'network-vpn', tags: ['vpn', 'access'] },
  'install-software': { category: 'workplace-software', tags: ['software'] },
  'power-bi': { category: 'workplace-software', tags: ['power-bi', 'access'] },
  'onboarding-account': { category: 'access-accounts', tags: ['onboarding'] },
  offboarding: { category: 'access-accounts', tags: ['offboarding'] },
  'dock-monitor': { category: 'workplace-hardware', tags: ['monitor'] },
  headset: { category: 'workplace-hardware', tags: ['headset'] },
  'guest-wifi': { category: 'network-wifi', tags: ['wifi', 'guest'] },
  'mailbox-quota': { category: 'mail-email', tags: ['mailbox'] },
  'corporate-phone': { category: 'workplace-hardware', tags: ['mobile'] },
  'restore-file': { category: 'access-folders', tags: ['backup'] },
  'db-read-access': { category: 'erp-databases', tags: ['access', 'postgresql'] },
  'password-reset-1c': { category: 'erp-1c', tags: ['1c', 'password'] },
  'distribution-list': { category: 'mail', tags: ['distribution-list'] },
  'printer-cartridge': { category: 'printing-supplies', tags: ['printer'] },
};

export type CatalogItemKey =
  | 'new-laptop'
  | 'access-1c'
  | 'vpn-access'
  | 'new-hire-account'
  | 'shared-mailbox'
  | 'printer-cartridge'
  | 'software-install'
  | 'monitor-dock'
  | 'folder-access'
  | 'company-phone'
  | 'guest-wifi'
  | 'restore-file'
  | 'leaver';

/** What one order fills in: drawn from the request's own stream and texts. */
export interface OrderContext {
  random: SeededRandom;
  language: Language;
  values: PlaceholderValues;
  /** When the requester asked; dates on the form follow it. */
  reportedAt: Date;
}

export interface CatalogItemEntry {
  key: CatalogItemKey;
  service: ServiceKey;
  name: string;
  description: string;
  formSchema: FormSchema;
  defaultCategory: CategoryKey;
  defaultImpact: Level;
  defaultUrgency: Level;
  fulfilmentGroup: AssignmentGroupId;
  /** The request template (requests.catalogue.ts) whose requests are ordered through the item. */
  template: string;
  /** The form as the requester of one request fills it in; valid against formSchema. */
  fields(order: OrderContext): FormValues;
}

/** The calendar day `days` after `from`, as a JSON Schema `date`. */
export function dayAfter(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A choice with a bilingual label: the value is what the form stores. */
function choice(value: string, title: string): { const: string; title: string } {
  return { const: value, title };
}

const EMPLOYEE_NAMES: Readonly<Record<Language, readonly string[]>> = {
  ru: ['Петров Алексей', 'Смирнова Ольга', 'Кузнецов Дмитрий', 'Волкова Анна', 'Соколов Игорь'],
  en: ['Alex Petrov', 'Olga Smirnova', 'Dmitry Kuznetsov', 'Anna Volkova', 'Igor Sokolov'],
};

function byLanguage(language: Language, ru: string, en: string): string {
  return language === 'ru' ? ru : en;
}

export const CATALOG_ITEMS: readonly CatalogItemEntry[] = [
  {
    key: 'new-laptop',
    service: 'workplace',
    name: 'Новый ноутбук / New laptop',
    description:
      'Ноутбук со стандартным образом для нового или вернувшегося сотрудника. / A laptop with the standard image for a new or returning employee.',
    formSchema: {
      type: 'object',
      required: ['model', 'startDate', 'employeeName'],
      properties: {
        model: {
          type: 'string',
          title: 'Модель / Model',
          enum: ['ThinkPad T14 Gen 4', 'ThinkPad X1 Carbon Gen 11', 'MacBook Air 13 M3'],
        },
        startDate: { type: 'string', format: 'date', title: 'Первый рабочий день / Start date' },
        employeeName: {
          type: 'string',
          title: 'Сотрудник / Employee',
          minLength: 3,
          maxLength: 200,
        },
        workstation: { type: 'string', title: 'Рабочее место / Desk', pattern: WORKSTATION },
        accessories: {
          type: 'array',
          title: 'Дополнительно / Accessories',
          items: { type: 'string', enum: ['headset', 'dock', 'monitor'] },
          uniqueItems: true,
        },
      },
      additionalProperties: false,
    },
    defaultCategory: 'workplace-hardware',
    defaultImpact: 'low',
    defaultUrgency: 'medium',
    fulfilmentGroup: 'workplace',
    template: 'new-hire-laptop',
    fields: ({ random, language, values, reportedAt }) => ({
      model: random.weighted([
        ['ThinkPad T14 Gen 4', 6],
        ['ThinkPad X1 Carbon Gen 11', 2],
        ['MacBook Air 13 M3', 1],
      ]),
      startDate: dayAfter(reportedAt, random.int(3, 10)),
      employeeName: random.pick(EMPLOYEE_NAMES[language]),
      workstation: placeholder(values, 'ws'),
      accessories: ['headset', 'dock'],
    }),
  },
  {
    key: 'access-1c',
    service: 'erp',
    name: 'Доступ к 1С / Access to 1C',
    description:
      'Права в базе 1С по согласованию руководителя. / Permissions in a 1C base, approved by the line manager.',
    formSchema: {
      type: 'object',
      required: ['database', 'role', 'justification'],
      properties: {
        database: {
          type: 'string',
          title: 'База / Database',
          enum: [
            '1С:Бухгалтерия (ООО «Альфа»)',
            '1С:Бухгалтерия (ООО «Бета»)',
            '1С:Зарплата и управление персоналом',
            '1С:Управление торговлей',
          ],
        },
        role: {
          type: 'string',
          title: 'Роль / Role',
          oneOf: [
            choice('read_only', 'Только просмотр / Read only'),
            choice('accountant', 'Бухгалтер / Accountant'),
            choice('sales_manager', 'Менеджер по продажам / Sales manager'),
            choice('warehouse', 'Кладовщик / Warehouse clerk'),
          ],
        },
        justification: {
          type: 'string',
          title: 'Зачем нужен доступ / Why the access is needed',
          minLength: 10,
          maxLength: 2000,
        },
      },
      additionalProperties: false,
    },
    defaultCategory: 'erp-1c',
    defaultImpact: 'low',
    defaultUrgency: 'medium',
    fulfilmentGroup: 'erp-support',
    template: '1c-access',
    fields: ({ random, language }) => ({
      database: '1С:Бухгалтерия (ООО «Альфа»)',
      role: random.weighted([
        ['read_only', 3],
        ['accountant', 2],
      ]),
      justification: byLanguage(
        language,
        'Новый сотрудник отдела, будет готовить сверки с контрагентами.',
        'A new team member who will prepare reconciliations with counterparties.',
      ),
    }),
  },
  {
    key: 'vpn-access',
    service: 'network',
    name: 'Удалённый доступ (VPN) / Remote access (VPN)',
    description:
      'VPN-доступ к корпоративной сети с входом по MFA. / VPN access to the corporate network with MFA sign-in.',
    formSchema: {
      type: 'object',
      required: ['reason', 'mfaDevice'],
      properties: {
        reason: {
          type: 'string',
          title: 'Причина / Reason',
          oneOf: [
            choice('hybrid', 'Гибридный график / Hybrid schedule'),
            choice('travel', 'Командировки / Business travel'),
            choice('on_call', 'Дежурства / On-call duty'),
          ],
        },
        mfaDevice: {
          type: 'string',
          title: 'Второй фактор / Second factor',
          oneOf: [
            choice('smartphone', 'Приложение на смартфоне / Smartphone app'),
            choice('token', 'Аппаратный токен / Hardware token'),
          ],
        },
        accessUntil: { type: 'string', format: 'date', title: 'Доступ до / Access until' },
      },
      additionalProperties: false,
    },
    defaultCategory: 'network-vpn',
    defaultImpact: 'low',
    defaultUrgency: 'medium',
    fulfilmentGroup: 'network',
    template: 'vpn-access',
    fields: ({ random, reportedAt }) => ({
      reason: 'hybrid',
      mfaDevice: random.chance(0.85) ? 'smartphone' : 'token',
      ...(random.chance(0.4) ? { accessUntil: dayAfter(reportedAt, 180) } : {}),
    }),
  },
  {
    key: 'new-hire-account',
    service: 'access',
    name: 'Учётная запись и почта для нового сотрудника / Account and mailbox for a new hire',
    description:
      'Учётная запись, почтовый ящик и базовые доступы по приказу о приёме. / An account, a mailbox and the basic permissions, against the hiring order.',
    formSchema: {
      type: 'object',
      required: ['employeeName', 'position', 'startDate'],
      properties: {
        employeeName: {
          type: 'string',
          title: 'Сотрудник / Employee',
          minLength: 3,
          maxLength: 200,
        },
        position: { type: 'string', title: 'Должность / Job title', minLength: 2, maxLength: 200 },
        startDate: { type: 'string', format: 'date', title: 'Первый рабочий день / Start date' },
        needs1c: { type: 'boolean', title: 'Нужен доступ к 1С / Needs 1C access' },
      },
      additionalProperties: false,
    },
    defaultCategory: 'access-accounts',
    defaultImpact: 'low',
    defaultUrgency: 'medium',
    fulfilmentGroup: 'service-desk',
    template: 'onboarding-account',
    fields: ({ random, language, reportedAt }) => ({
      employeeName: random.pick(EMPLOYEE_NAMES[language]),
      position: byLanguage(language, 'Бухгалтер по расчётам', 'Accounts payable accountant'),
      startDate: dayAfter(reportedAt, random.int(4, 12)),
      needs1c: true,
    }),
  },
  {
    key: 'shared-mailbox',
    service: 'mail',
    name: 'Общий ящик или список рассылки / Shared mailbox or distribution list',
    description:
      'Новый общий ящик или список рассылки для команды или проекта. / A new shared mailbox or distribution list for a team or project.',
    formSchema: {
      type: 'object',
      required: ['kind', 'address', 'members'],
      properties: {
        kind: {
          type: 'string',
          title: 'Что создать / What to create',
          oneOf: [
            choice('shared_mailbox', 'Общий ящик / Shared mailbox'),
            choice('distribution_list', 'Список рассылки / Distribution list'),
          ],
        },
        address: {
          type: 'string',
          title: 'Адрес (до @) / Address (before the @)',
          pattern: '^[a-z0-9][a-z0-9.-]{1,63}$',
        },
        members: { type: 'integer', title: 'Участников / Members', minimum: 1, maximum: 500 },
        externalSenders: {
          type: 'boolean',
          title: 'Письма от внешних отправителей / Mail from outside senders',
        },
      },
      additionalProperties: false,
    },
    defaultCategory: 'mail-shared',
    defaultImpact: 'low',
    defaultUrgency: 'low',
    fulfilmentGroup: 'service-desk',
    template: 'distribution-list',
    fields: () => ({
      kind: 'distribution_list',
      address: 'project-phoenix',
      members: 12,
      externalSenders: false,
    }),
  },
  {
    key: 'printer-cartridge',
    service: 'printing',
    name: 'Картридж для принтера / Printer cartridge',
    description:
      'Замена картриджа или тонера в принтере или МФУ на этаже. / A new cartridge or toner for a printer or multifunction device on your floor.',
    formSchema: {
      type: 'object',
      required: ['printer', 'colour'],
      properties: {
        printer: { type: 'string', title: 'Принтер / Printer', pattern: PRINTER_NAME },
        colour: {
          type: 'string',
          title: 'Цвет / Colour',
          oneOf: [
            choice('black', 'Чёрный / Black'),
            choice('cyan', 'Голубой / Cyan'),
            choice('magenta', 'Пурпурный / Magenta'),
            choice('yellow', 'Жёлтый / Yellow'),
          ],
        },
        quantity: { type: 'integer', title: 'Сколько / Quantity', minimum: 1, maximum: 5 },
      },
      additionalProperties: false,
    },
    defaultCategory: 'printing-supplies',
    defaultImpact: 'low',
    defaultUrgency: 'medium',
    fulfilmentGroup: 'workplace',
    template: 'printer-cartridge',
    fields: ({ random, values }) => ({
      printer: placeholder(values, 'printer'),
      colour: random.weighted([
        ['black', 6],
        ['cyan', 1],
        ['magenta', 1],
        ['yellow', 1],
      ]),
      quantity: random.chance(0.8) ? 1 : 2,
    }),
  },
  {
    key: 'software-install',
    service: 'workplace',
    name: 'Установка программы / Software installation',
    description:
      'Программа из каталога ПО или по отдельной лицензии. / Software from the approved list or under a licence of its own.',
    formSchema: {
      type: 'object',
      required: ['software', 'licence', 'workstation'],
      properties: {
        software: {
          type: 'string',
          title: 'Программа / Software',
          minLength: 2,
          maxLength: 200,
        },
        licence: {
          type: 'string',
          title: 'Лицензия / Licence',
          oneOf: [
            choice('company', 'Купить за счёт отдела / Bought by the department'),
            choice('existing', 'Есть свободная / A spare one exists'),
            choice('free', 'Бесплатная / Free'),
          ],
        },
        workstation: { type: 'string', title: 'Рабочее место / Desk', pattern: WORKSTATION },
      },
      additionalProperties: false,
    },
    defaultCategory: 'workplace-software',
    defaultImpact: 'low',
    defaultUrgency: 'low',
    fulfilmentGroup: 'workplace',
    template: 'install-software',
    fields: ({ random, values }) => ({
      software: 'Microsoft Visio Plan 2',
      licence: random.chance(0.6) ? 'company' : 'existing',
      workstation: placeholder(values, 'ws'),
    }),
  },
  {
    key: 'monitor-dock',
    service: 'workplace',
    name: 'Монитор и док-станция / Monitor and docking station',
    description:
      'Второй монитор 27" и док-станция USB-C к ноутбуку. / A second 27" monitor and a USB-C dock for your laptop.',
    formSchema: {
      type: 'object',
      required: ['equipment', 'workstation'],
      properties: {
        equipment: {
          type: 'array',
          title: 'Что нужно / What you need',
          items: { type: 'string', enum: ['monitor-27', 'dock-usb-c', 'keyboard-mouse'] },
          minItems: 1,
          uniqueItems: true,
        },
        laptopModel: { type: 'string', title: 'Ваш ноутбук / Your laptop', maxLength: 200 },
        workstation: { type: 'string', title: 'Рабочее место / Desk', pattern: WORKSTATION },
      },
      additionalProperties: false,
    },
    defaultCategory: 'workplace-hardware',
    defaultImpact: 'low',
    defaultUrgency: 'low',
    fulfilmentGroup: 'workplace',
    template: 'dock-monitor',
    fields: ({ values }) => ({
      equipment: ['monitor-27', 'dock-usb-c'],
      laptopModel: 'ThinkPad T14 Gen 3',
      workstation: placeholder(values, 'ws'),
    }),
  },
  {
    key: 'folder-access',
    service: 'access',
    name: 'Доступ к сетевой папке / Network folder access',
    description:
      'Права на папку файлового сервера по согласованию её владельца. / Permissions to a file server folder, approved by its owner.',
    formSchema: {
      type: 'object',
      required: ['path', 'access', 'approver'],
      properties: {
        path: {
          type: 'string',
          title: 'Путь к папке / Folder path',
          pattern: '^\\\\\\\\[A-Za-z0-9.-]+\\\\',
          maxLength: 260,
        },
        access: {
          type: 'string',
          title: 'Доступ / Access',
          oneOf: [
            choice('read', 'Чтение / Read'),
            choice('modify', 'Чтение и запись / Read and write'),
          ],
        },
        approver: {
          type: 'string',
          title: 'Кто согласует / Approver',
          minLength: 3,
          maxLength: 200,
        },
      },
      additionalProperties: false,
    },
    defaultCategory: 'access-folders',
    defaultImpact: 'low',
    defaultUrgency: 'medium',
    fulfilmentGroup: 'service-desk',
    template: 'share-access',
    fields: ({ language, values }) => ({
      path: placeholder(values, 'share'),
      access: 'modify',
      approver: byLanguage(language, 'Кузнецов Дмитрий', 'Dmitry Kuznetsov'),
    }),
  },
  {
    key: 'company-phone',
    service: 'workplace',
    name: 'Корпоративный телефон / Company phone',
    description:
      'Смартфон и SIM-карта с лимитом по согласованию руководителя. / A smartphone and a SIM card with a monthly limit approved by the line manager.',
    formSchema: {
      type: 'object',
      required: ['model', 'monthlyLimit'],
      properties: {
        model: {
          type: 'string',
          title: 'Модель / Model',
          enum: ['iPhone 15', 'Samsung Galaxy A55', 'SIM only'],
        },
        monthlyLimit: {
          type: 'integer',
          title: 'Лимит в месяц, € / Monthly limit, €',
          minimum: 10,
          maximum: 200,
        },
      },
      additionalProperties: false,
    },
    defaultCategory: 'workplace-hardware',
    defaultImpact: 'low',
    defaultUrgency: 'low',
    fulfilmentGroup: 'workplace',
    template: 'corporate-phone',
    fields: ({ random }) => ({
      model: random.chance(0.5) ? 'Samsung Galaxy A55' : 'iPhone 15',
      monthlyLimit: 20,
    }),
  },
  {
    key: 'guest-wifi',
    service: 'network',
    name: 'Гостевой Wi-Fi / Guest Wi-Fi',
    description:
      'Гостевые доступы к Wi-Fi для участников мероприятия. / Guest Wi-Fi access for the attendees of an event.',
    formSchema: {
      type: 'object',
      required: ['location', 'eventDate', 'guests'],
      properties: {
        location: { type: 'string', title: 'Где / Location', minLength: 1, maxLength: 100 },
        eventDate: { type: 'string', format: 'date', title: 'Дата / Date' },
        guests: { type: 'integer', title: 'Гостей / Guests', minimum: 1, maximum: 200 },
      },
      additionalProperties: false,
    },
    defaultCategory: 'network-wifi',
    defaultImpact: 'low',
    defaultUrgency: 'medium',
    fulfilmentGroup: 'network',
    template: 'guest-wifi',
    fields: ({ random, values, reportedAt }) => ({
      location: placeholder(values, 'room'),
      eventDate: dayAfter(reportedAt, random.int(2, 6)),
      guests: 25,
    }),
  },
  {
    key: 'restore-file',
    service: 'access',
    name: 'Восстановление из резервной копии / Restore from backup',
    description:
      'Восстановление удалённого или испорченного файла из ночной копии. / A deleted or damaged file restored from the nightly backup.',
    formSchema: {
      type: 'object',
      required: ['path', 'lostOn'],
      properties: {
        path: {
          type: 'string',
          title: 'Файл или папка / File or folder',
          minLength: 3,
          maxLength: 260,
        },
        lostOn: { type: 'string', format: 'date', title: 'Когда удалён / Deleted on' },
      },
      additionalProperties: false,
    },
    defaultCategory: 'access-folders',
    defaultImpact: 'low',
    defaultUrgency: 'medium',
    fulfilmentGroup: 'service-desk',
    template: 'restore-file',
    fields: ({ values, reportedAt }) => ({
      path: `${placeholder(values, 'share')}\\Procurement_plan_2025.xlsx`,
      lostOn: dayAfter(reportedAt, -1),
    }),
  },
  {
    key: 'leaver',
    service: 'access',
    name: 'Увольнение сотрудника: блокировка доступов / Leaver: disable access',
    description:
      'Блокировка учётных записей и передача почты в последний рабочий день. / Accounts disabled and mail handed over on the last working day.',
    formSchema: {
      type: 'object',
      required: ['employeeName', 'lastDay', 'mailboxTo'],
      properties: {
        employeeName: {
          type: 'string',
          title: 'Сотрудник / Employee',
          minLength: 3,
          maxLength: 200,
        },
        lastDay: { type: 'string', format: 'date', title: 'Последний день / Last day' },
        mailboxTo: {
          type: 'string',
          title: 'Кому передать почту / Hand the mailbox to',
          minLength: 3,
          maxLength: 200,
        },
      },
      additionalProperties: false,
    },
    defaultCategory: 'access-accounts',
    defaultImpact: 'medium',
    defaultUrgency: 'medium',
    fulfilmentGroup: 'security',
    template: 'offboarding',
    fields: ({ random, language, reportedAt }) => ({
      employeeName: random.pick(EMPLOYEE_NAMES[language]),
      lastDay: dayAfter(reportedAt, random.int(2, 5)),
      mailboxTo: byLanguage(language, 'Волков Игорь', 'Igor Volkov'),
    }),
  },
];

/** The whole catalog the seeder keeps in the platform. */
export interface DemoCatalog {
  services: readonly ServiceEntry[];
  categories: readonly CategoryEntry[];
  items: readonly CatalogItemEntry[];
}

export const DEMO_CATALOG: DemoCatalog = {
  services: SERVICES,
  categories: CATEGORIES,
  items: CATALOG_ITEMS,
};

export function categoryOf(key: CategoryKey): CategoryEntry {
  const category = CATEGORIES.find((entry) => entry.key === key);
  if (!category) throw new Error(`no category ${key}`);
  return category;
}

/** The item requests of this template are ordered through, if any. */
export function catalogItemOfTemplate(templateId: string): CatalogItemEntry | undefined {
  return CATALOG_ITEMS.find((item) => item.template === templateId);
}
