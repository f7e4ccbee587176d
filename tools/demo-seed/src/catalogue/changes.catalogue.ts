import type {
  ChangeKind,
  ChangeStatus,
  ImplementationOutcome,
  Language,
  Level,
} from '../gateway-api';
import { APPROVERS, CAB_MEMBERS } from './people.catalogue';

export interface ChangeVote {
  approverId: string;
  decision: 'approve' | 'reject';
  comment: string;
  /** Votes as a member of the CAB rather than as a named approver. */
  asCab?: boolean;
}

/** Who approves the change; the CAB is cab-infrastructure. */
export interface ChangeApprovalSetup {
  approverIds: readonly string[];
  cab: boolean;
  quorum: 'any' | 'all';
}

/**
 * A change, written once in its language. `status` is where the demo leaves it. Future
 * windows start `inDays` days after the run at 22:00 Moscow time; changes that are being or
 * have been implemented get a window around the run.
 */
export interface ChangeEntry {
  language: Language;
  status: ChangeStatus;
  kind: ChangeKind;
  /** Rejected once, then revised back to a draft. */
  revised?: boolean;
  title: string;
  description: string;
  /** Who raises and owns the change. */
  ownerId: string;
  impact: Level;
  urgency: Level;
  risk: Level;
  configurationItemIds: readonly string[];
  backoutPlan: string;
  window: { inDays: number; hours: number };
  approval?: ChangeApprovalSetup;
  votes?: readonly ChangeVote[];
  outcome?: ImplementationOutcome;
  implementationNotes?: string;
  /** Internal notes on the change. */
  notes: readonly string[];
}

const [cabNetwork, cabSecurity, cabDba] = CAB_MEMBERS;

export const CHANGE_ENTRIES: readonly ChangeEntry[] = [
  {
    language: 'ru',
    status: 'draft',
    kind: 'normal',
    title: 'Миграция почтовых ящиков отдела продаж в Exchange Online',
    description:
      'Перенос 140 почтовых ящиков отдела продаж с ci-mail-01 в Exchange Online пакетами по 20 ящиков. Черновик: ждём оценку объёма архивов.',
    ownerId: 'agent-03',
    impact: 'medium',
    urgency: 'low',
    risk: 'medium',
    configurationItemIds: ['ci-mail-01'],
    backoutPlan:
      'Вернуть ящики пакета на локальный сервер через обратную миграцию; MX-записи не меняются до последнего пакета.',
    window: { inDays: 21, hours: 6 },
    notes: ['Нужен список ящиков с архивами больше 50 ГБ — запросил у отдела продаж.'],
  },
  {
    language: 'en',
    status: 'draft',
    kind: 'normal',
    revised: true,
    title: 'Enable TLS 1.3 and retire TLS 1.0/1.1 on the external firewall',
    description:
      'Switch the public listeners on ci-fw-01 to TLS 1.2+ with TLS 1.3 preferred, and remove legacy cipher suites flagged by the last penetration test.',
    ownerId: 'agent-17',
    impact: 'high',
    urgency: 'medium',
    risk: 'high',
    configurationItemIds: ['ci-fw-01', 'ci-portal-01'],
    backoutPlan: 'Restore the saved SSL profile on ci-fw-01 (one command, under a minute).',
    window: { inDays: 12, hours: 2 },
    approval: { approverIds: [APPROVERS.securityOfficer], cab: true, quorum: 'all' },
    votes: [
      {
        approverId: APPROVERS.securityOfficer,
        decision: 'reject',
        comment:
          'Two partner integrations still connect with TLS 1.0. Please list them and agree a cut-over date with the partners first.',
      },
    ],
    notes: [
      'Revised after rejection: collecting the list of partner integrations from the API gateway logs.',
    ],
  },
  {
    language: 'ru',
    status: 'assessment',
    kind: 'normal',
    title: 'Обновление платформы 1С:Предприятие до 8.3.25',
    description:
      'Обновление сервера приложений ci-1c-app-01 и клиентов до платформы 8.3.25: исправления производительности и поддержка новой версии ЗУП.',
    ownerId: 'agent-14',
    impact: 'high',
    urgency: 'medium',
    risk: 'medium',
    configurationItemIds: ['ci-1c-app-01', 'ci-db-01'],
    backoutPlan:
      'Переключить сервер на ранее установленную платформу 8.3.23 (оставляем в соседнем каталоге), восстановить кластерные настройки из резервной копии.',
    window: { inDays: 9, hours: 4 },
    notes: [
      'Протестировано на копии базы: регламентные задания работают, время проведения не изменилось.',
    ],
  },
  {
    language: 'en',
    status: 'assessment',
    kind: 'normal',
    title: 'Replace core switch in the server room',
    description:
      'Replace the end-of-support core switch ci-core-sw-01 with the new stack; all server and floor uplinks move to the new chassis.',
    ownerId: 'agent-08',
    impact: 'high',
    urgency: 'low',
    risk: 'high',
    configurationItemIds: ['ci-core-sw-01', 'ci-fw-01'],
    backoutPlan:
      'Move the uplinks back to the old switch, which stays racked and powered until the next day.',
    window: { inDays: 18, hours: 6 },
    notes: ['Cabling plan reviewed with the data centre provider; labels printed.'],
  },
  {
    language: 'ru',
    status: 'approval',
    kind: 'normal',
    title: 'Расширение дискового пространства сервера СУБД ci-db-01',
    description:
      'Добавление 2 ТБ к тому с данными PostgreSQL на ci-db-01: за квартал свободное место сократилось до 18%.',
    ownerId: 'agent-19',
    impact: 'medium',
    urgency: 'medium',
    risk: 'low',
    configurationItemIds: ['ci-db-01', 'ci-san-01'],
    backoutPlan:
      'Расширение тома обратимо только восстановлением; перед работами — снимок тома и проверка резервной копии.',
    window: { inDays: 5, hours: 2 },
    approval: { approverIds: [APPROVERS.headOfIt], cab: true, quorum: 'all' },
    votes: [
      {
        approverId: cabNetwork,
        decision: 'approve',
        comment: 'По сети вопросов нет.',
        asCab: true,
      },
    ],
    notes: ['Снимок тома запланирован на начало окна.'],
  },
  {
    language: 'en',
    status: 'approval',
    kind: 'normal',
    title: 'Upgrade Jira to the latest long-term support release',
    description:
      'Upgrade ci-jira-01 to the current LTS release: security fixes and faster boards. Requires a reindex after the upgrade.',
    ownerId: 'agent-04',
    impact: 'medium',
    urgency: 'low',
    risk: 'medium',
    configurationItemIds: ['ci-jira-01', 'ci-db-02'],
    backoutPlan:
      'Restore the VM snapshot and the database backup taken at the start of the window.',
    window: { inDays: 7, hours: 4 },
    approval: { approverIds: [], cab: true, quorum: 'any' },
    notes: ['Upgrade rehearsed on staging: 35 minutes plus 20 minutes of reindexing.'],
  },
  {
    language: 'ru',
    status: 'approval',
    kind: 'emergency',
    title: 'Срочное исправление уязвимости на VPN-шлюзе',
    description:
      'Производитель опубликовал критическую уязвимость (CVSS 9.8) в SSL VPN, эксплуатируется в интернете. Нужно установить исправленную прошивку на ci-vpn-gw-01 сегодня ночью.',
    ownerId: 'agent-07',
    impact: 'high',
    urgency: 'high',
    risk: 'high',
    configurationItemIds: ['ci-vpn-gw-01'],
    backoutPlan:
      'Загрузка с предыдущего образа прошивки (второй раздел), конфигурация сохраняется.',
    window: { inDays: 1, hours: 2 },
    approval: {
      approverIds: [APPROVERS.headOfIt, APPROVERS.securityOfficer],
      cab: false,
      quorum: 'any',
    },
    notes: ['Уведомление пользователям о перерыве VPN с 22:00 до 00:00 отправлено.'],
  },
  {
    language: 'en',
    status: 'approval',
    kind: 'normal',
    title: 'Move the SAP payment run to the new bank connector',
    description:
      "Switch SAP PRD payment files from the legacy SFTP upload to the bank's host-to-host connector on ci-sap-prd-01.",
    ownerId: 'agent-15',
    impact: 'high',
    urgency: 'medium',
    risk: 'medium',
    configurationItemIds: ['ci-sap-prd-01'],
    backoutPlan:
      'Re-enable the SFTP output in the payment medium workbench; both channels stay configured for a month.',
    window: { inDays: 10, hours: 3 },
    approval: {
      approverIds: [APPROVERS.finance, APPROVERS.securityOfficer],
      cab: false,
      quorum: 'all',
    },
    votes: [
      {
        approverId: APPROVERS.finance,
        decision: 'approve',
        comment: 'Approved. Please avoid the last three business days of the month.',
      },
    ],
    notes: ['Test payments with the bank succeeded on Tuesday.'],
  },
  {
    language: 'ru',
    status: 'scheduled',
    kind: 'standard',
    title: 'Плановая установка обновлений Windows на серверы печати',
    description:
      'Ежемесячная установка накопительных обновлений на ci-prn-srv-01 по стандартной процедуре.',
    ownerId: 'agent-11',
    impact: 'low',
    urgency: 'low',
    risk: 'low',
    configurationItemIds: ['ci-prn-srv-01'],
    backoutPlan:
      'Удалить установленные обновления и перезагрузить сервер; после перезагрузки перезапустить службу печати.',
    window: { inDays: 3, hours: 2 },
    notes: [],
  },
  {
    language: 'en',
    status: 'scheduled',
    kind: 'standard',
    title: 'Renew the TLS certificate of the mail server',
    description:
      'Yearly renewal of the public certificate on ci-mail-01 (expires in 20 days), standard procedure.',
    ownerId: 'agent-02',
    impact: 'low',
    urgency: 'medium',
    risk: 'low',
    configurationItemIds: ['ci-mail-01'],
    backoutPlan: 'Re-bind the previous certificate, which stays in the store until it expires.',
    window: { inDays: 4, hours: 1 },
    notes: [],
  },
  {
    language: 'ru',
    status: 'scheduled',
    kind: 'normal',
    title: 'Замена контроллера беспроводной сети',
    description:
      'Перевод точек доступа на новый контроллер ci-wifi-ctrl-02 с включением 802.11r. Должно устранить обрывы при переходе между переговорными.',
    ownerId: 'agent-09',
    impact: 'medium',
    urgency: 'medium',
    risk: 'medium',
    configurationItemIds: ['ci-wifi-ctrl-01', 'ci-wifi-ctrl-02'],
    backoutPlan:
      'Вернуть точки доступа на старый контроллер сменой DHCP-опции 43; старый контроллер остаётся включённым.',
    window: { inDays: 6, hours: 4 },
    approval: { approverIds: [APPROVERS.headOfIt], cab: true, quorum: 'all' },
    votes: [
      { approverId: cabSecurity, decision: 'approve', comment: 'Согласовано CAB.', asCab: true },
      { approverId: APPROVERS.headOfIt, decision: 'approve', comment: 'Согласую.' },
    ],
    notes: ['Связано с проблемой об обрывах Wi-Fi при переходе между переговорными.'],
  },
  {
    language: 'en',
    status: 'scheduled',
    kind: 'emergency',
    title: 'Emergency: free up space on the orders database replica',
    description:
      'Replication slots on ci-db-02 keep WAL for a decommissioned consumer; the volume is at 92% and grows 4% a day. Drop the slot and vacuum tonight.',
    ownerId: 'agent-20',
    impact: 'high',
    urgency: 'high',
    risk: 'medium',
    configurationItemIds: ['ci-db-02'],
    backoutPlan:
      'Recreate the replication slot from the saved definition; the consumer is already switched off.',
    window: { inDays: 1, hours: 1 },
    approval: { approverIds: [APPROVERS.headOfIt], cab: true, quorum: 'any' },
    votes: [{ approverId: cabDba, decision: 'approve', comment: 'Go ahead tonight.', asCab: true }],
    notes: [],
  },
  {
    language: 'ru',
    status: 'implementing',
    kind: 'standard',
    title: 'Добавление VLAN для нового отдела на 5 этаже',
    description:
      'Создание VLAN 150 для отдела маркетинга на коммутаторах 5 этажа по стандартной процедуре.',
    ownerId: 'agent-08',
    impact: 'low',
    urgency: 'medium',
    risk: 'low',
    configurationItemIds: ['ci-core-sw-01', 'ci-floor5-sw-01'],
    backoutPlan: 'Удалить VLAN 150 и вернуть порты в VLAN 100.',
    window: { inDays: 0, hours: 3 },
    notes: ['Порты 5.01–5.24 перенастроены, проверяю DHCP.'],
  },
  {
    language: 'en',
    status: 'implementing',
    kind: 'normal',
    title: 'Migrate file shares from fs02 to the new file server',
    description:
      'Move the HR and legal shares from the old ci-fs-02 to ci-fs-03 with DFS namespace redirection; users keep the same paths.',
    ownerId: 'agent-12',
    impact: 'medium',
    urgency: 'low',
    risk: 'medium',
    configurationItemIds: ['ci-fs-02', 'ci-fs-03'],
    backoutPlan:
      'Point the DFS targets back to ci-fs-02; the old server stays read-write until sign-off.',
    window: { inDays: 0, hours: 4 },
    approval: { approverIds: [APPROVERS.headOfIt], cab: true, quorum: 'all' },
    votes: [
      {
        approverId: cabSecurity,
        decision: 'approve',
        comment: 'Permissions mapping checked.',
        asCab: true,
      },
      { approverId: APPROVERS.headOfIt, decision: 'approve', comment: 'Approved.' },
    ],
    notes: ['Final robocopy pass running, about 40 minutes left.'],
  },
  {
    language: 'ru',
    status: 'review',
    kind: 'normal',
    title: 'Перенос резервного копирования на новое хранилище',
    description:
      'Переключение заданий резервного копирования серверов на новое хранилище ci-backup-02 с дедупликацией.',
    ownerId: 'agent-19',
    impact: 'medium',
    urgency: 'low',
    risk: 'medium',
    configurationItemIds: ['ci-backup-01', 'ci-backup-02'],
    backoutPlan:
      'Вернуть задания на ci-backup-01, старое хранилище работает в режиме только чтения ещё 90 дней.',
    window: { inDays: 0, hours: 5 },
    approval: { approverIds: [APPROVERS.headOfIt], cab: true, quorum: 'all' },
    votes: [
      { approverId: cabDba, decision: 'approve', comment: 'Согласовано.', asCab: true },
      { approverId: APPROVERS.headOfIt, decision: 'approve', comment: 'Да.' },
    ],
    outcome: 'successful',
    implementationNotes: 'Все 46 заданий переключены, первая ночная копия прошла без ошибок.',
    notes: [],
  },
  {
    language: 'en',
    status: 'review',
    kind: 'normal',
    title: 'Roll out the new VPN client version to all laptops',
    description:
      'Push FortiClient 7.2 to all 620 laptops through Software Center; removes the disconnects caused by the old client with the new gateway firmware.',
    ownerId: 'agent-10',
    impact: 'medium',
    urgency: 'medium',
    risk: 'low',
    configurationItemIds: ['ci-vpn-gw-01', 'ci-sccm-01'],
    backoutPlan: 'Redeploy the 7.0.7 package as a superseding deployment.',
    window: { inDays: 0, hours: 6 },
    approval: { approverIds: [], cab: true, quorum: 'any' },
    votes: [
      { approverId: cabNetwork, decision: 'approve', comment: 'Approved by CAB.', asCab: true },
    ],
    outcome: 'partially_successful',
    implementationNotes:
      '571 of 620 laptops upgraded. 49 were offline during the window; they get the update at next sign-in, tracked in the review.',
    notes: [],
  },
  {
    language: 'en',
    status: 'closed',
    kind: 'standard',
    title: 'Monthly patching of domain controllers',
    description:
      'Install the monthly cumulative updates on ci-ad-dc-01 and ci-ad-dc-02, one at a time.',
    ownerId: 'agent-18',
    impact: 'low',
    urgency: 'low',
    risk: 'low',
    configurationItemIds: ['ci-ad-dc-01', 'ci-ad-dc-02'],
    backoutPlan: 'Uninstall the update on the affected controller; the other one keeps serving.',
    window: { inDays: 0, hours: 3 },
    outcome: 'successful',
    notes: [],
  },
  {
    language: 'ru',
    status: 'closed',
    kind: 'emergency',
    title: 'Экстренно: блокировка фишинговой рассылки на почтовом шлюзе',
    description:
      'Массовая фишинговая рассылка от имени бухгалтерии. Нужно срочно добавить правило блокировки на шлюзе ci-mail-gw-01 и удалить письма из ящиков.',
    ownerId: 'agent-17',
    impact: 'high',
    urgency: 'high',
    risk: 'low',
    configurationItemIds: ['ci-mail-gw-01', 'ci-mail-01'],
    backoutPlan:
      'Отключить правило на шлюзе; удалённые письма восстанавливаются из папки Recoverable Items.',
    window: { inDays: 0, hours: 1 },
    approval: { approverIds: [APPROVERS.securityOfficer], cab: false, quorum: 'any' },
    votes: [
      { approverId: APPROVERS.securityOfficer, decision: 'approve', comment: 'Согласую, срочно.' },
    ],
    outcome: 'successful',
    implementationNotes: 'Правило включено, из 212 ящиков удалено 230 писем.',
    notes: ['Инциденты пользователей по этой рассылке закрываются ссылкой на изменение.'],
  },
  {
    language: 'en',
    status: 'rejected',
    kind: 'normal',
    title: 'Open RDP from the internet for the external accounting firm',
    description:
      'The external accounting firm asks for direct RDP to the 1C terminal server during the annual audit.',
    ownerId: 'agent-16',
    impact: 'medium',
    urgency: 'medium',
    risk: 'high',
    configurationItemIds: ['ci-fw-01', 'ci-1c-term-01'],
    backoutPlan: 'Remove the NAT rule from ci-fw-01.',
    window: { inDays: 8, hours: 1 },
    approval: { approverIds: [APPROVERS.securityOfficer], cab: true, quorum: 'all' },
    votes: [
      {
        approverId: cabNetwork,
        decision: 'approve',
        comment: 'Technically feasible.',
        asCab: true,
      },
      {
        approverId: APPROVERS.securityOfficer,
        decision: 'reject',
        comment:
          'RDP exposed to the internet is not acceptable. Give the auditors VPN accounts with MFA instead.',
      },
    ],
    notes: [],
  },
  {
    language: 'ru',
    status: 'cancelled',
    kind: 'normal',
    title: 'Перезагрузка кластера SAP для применения параметров памяти',
    description: 'Применение новых параметров памяти экземпляров SAP PRD, требующих перезапуска.',
    ownerId: 'agent-15',
    impact: 'high',
    urgency: 'low',
    risk: 'medium',
    configurationItemIds: ['ci-sap-prd-01'],
    backoutPlan: 'Вернуть профили экземпляров из резервной копии и перезапустить.',
    window: { inDays: 14, hours: 2 },
    notes: ['Отменено: параметры войдут в плановое обновление ядра SAP в следующем месяце.'],
  },
];
