import type { Language, Level, ProblemStatus } from '../gateway-api';
import type { AssignmentGroupId } from './people.catalogue';

/**
 * A problem behind recurring incidents, written once in its language. `status` is where the
 * demo leaves it; `reopened` sends a resolved problem back to investigating.
 */
export interface ProblemEntry {
  language: Language;
  status: ProblemStatus;
  reopened?: boolean;
  title: string;
  description: string;
  group: AssignmentGroupId;
  impact: Level;
  urgency: Level;
  /** Internal notes while investigating. */
  notes: readonly string[];
  rootCause: string;
  workaround: string;
  /** How the root cause was removed. */
  resolution: string;
  /** The incident template (incidents.catalogue.ts) whose tickets it causes, if the demo has one. */
  causes?: string;
}

export const PROBLEM_ENTRIES: readonly ProblemEntry[] = [
  {
    language: 'ru',
    status: 'known_error',
    title: 'Массовые обрывы VPN после обновления прошивки шлюза',
    causes: 'vpn-drops',
    description:
      'После обновления прошивки ci-vpn-gw-01 до 7.2.4 выросло число обращений об обрывах VPN (за неделю 17 инцидентов). Обрывы у пользователей с клиентом 7.0.x.',
    group: 'network',
    impact: 'high',
    urgency: 'medium',
    notes: [
      'Собрали дампы с шлюза во время обрыва: сессии рвутся по DPD-таймауту.',
      'У пользователей с клиентом 7.2 обрывов нет.',
    ],
    rootCause:
      'В прошивке 7.2.4 изменено поведение DPD: клиенты FortiClient 7.0.x не отвечают на новые keepalive-пакеты, и шлюз считает их отключёнными.',
    workaround:
      'Обновить FortiClient до 7.2 через Software Center; для тех, кто не может обновиться, — профиль VPN-Legacy с увеличенным таймаутом.',
    resolution: '',
  },
  {
    language: 'en',
    status: 'known_error',
    title: 'Outlook crashes for users with large PST archives after the July update',
    causes: 'outlook-hangs',
    description:
      'Since the July Office update, 12 incidents report Outlook hanging or crashing at start-up. All affected users have PST files over 10 GB attached.',
    group: 'workplace',
    impact: 'medium',
    urgency: 'medium',
    notes: [
      'Reproduced on a test machine with a 15 GB PST; no crash with 5 GB.',
      'Microsoft lists it as a known issue, fix expected in the next monthly channel release.',
    ],
    rootCause:
      'A regression in the July Office build makes Outlook index attached PST files synchronously at start-up; large files block the UI thread until Windows kills it.',
    workaround:
      'Detach PST files larger than 10 GB and move their content to the Exchange online archive; the service desk has a script for it.',
    resolution: '',
  },
  {
    language: 'ru',
    status: 'closed',
    title: 'Замедление 1С в конце месяца из-за блокировок',
    causes: '1c-slow',
    description:
      'Каждое закрытие месяца 1С: Бухгалтерия работает в разы медленнее, за последние три месяца 23 инцидента. Совпадает с запуском регламентных заданий.',
    group: 'erp-support',
    impact: 'high',
    urgency: 'high',
    notes: [
      'Сопоставили время инцидентов с журналом регламентных заданий — совпадение по пересчёту итогов.',
      'Согласовали с бухгалтерией перенос задания на ночь.',
    ],
    rootCause:
      'Регламентное задание пересчёта итогов запускалось в 13:00 и держало табличные блокировки регистров накопления до двух часов.',
    workaround:
      'Не проводить документы задним числом во время пересчёта; при зависании — завершить задание вручную.',
    resolution:
      'Задание перенесено на 02:00, пересчёт переведён на управляемые блокировки. В последнее закрытие месяца инцидентов не было.',
  },
  {
    language: 'en',
    status: 'investigating',
    title: 'Wi-Fi drops when moving between meeting rooms',
    causes: 'wifi-meeting-room',
    description:
      'Users report that calls drop when they walk from one meeting room to another on floors 3 and 5. Nine incidents in two weeks, all on the new access points.',
    group: 'network',
    impact: 'medium',
    urgency: 'medium',
    notes: [
      'Roaming logs show clients doing a full re-authentication instead of fast roaming.',
      'Checking whether 802.11r was disabled during the controller upgrade.',
    ],
    rootCause: '',
    workaround: '',
    resolution: '',
  },
  {
    language: 'ru',
    status: 'known_error',
    title: 'Принтеры теряют очередь печати после перезагрузки принт-сервера',
    causes: 'printer-not-printing',
    description:
      'После еженедельной перезагрузки prn-srv-01 задания зависают со статусом «Ошибка» на всех принтерах офиса. Восемь инцидентов за месяц, каждый понедельник.',
    group: 'workplace',
    impact: 'medium',
    urgency: 'low',
    notes: ['Проблема воспроизводится, если служба печати стартует раньше сетевой карты.'],
    rootCause:
      'Служба диспетчера печати на prn-srv-01 стартует до инициализации сетевого адаптера и не может открыть порты принтеров.',
    workaround:
      'После перезагрузки принт-сервера перезапустить службу «Диспетчер печати» (скрипт в базе знаний KB-0142).',
    resolution: '',
  },
  {
    language: 'en',
    status: 'resolved',
    title: 'Account lock-outs caused by old passwords on mobile devices',
    causes: 'account-locked',
    description:
      'Password changes are followed by repeated account lock-outs; 31 incidents last month. Most users have company mail on their phones.',
    group: 'security',
    impact: 'medium',
    urgency: 'medium',
    notes: [
      'Lock-out source in the domain controller logs is the ActiveSync endpoint in almost every case.',
      'Modern authentication on mobile would remove stored passwords altogether.',
    ],
    rootCause:
      'Mobile mail clients using basic authentication keep retrying with the old password after a change and trip the lock-out threshold.',
    workaround:
      'Update the password on the phone right after changing it, or remove and re-add the mail account.',
    resolution:
      'Basic authentication for ActiveSync switched off; all phones moved to Outlook mobile with modern authentication through MDM.',
  },
  {
    language: 'ru',
    status: 'investigating',
    reopened: true,
    title: 'Сбои синхронизации почты на iOS после обновлений',
    causes: 'mobile-mail',
    description:
      'После каждого крупного обновления iOS часть телефонов перестаёт синхронизировать почту. Проблема считалась решённой, но после iOS 18.1 повторилась.',
    group: 'workplace',
    impact: 'low',
    urgency: 'medium',
    notes: [
      'Решение с автоматической перерегистрацией в MDM сработало не на всех моделях.',
      'Переоткрыто: после 18.1 снова 6 обращений.',
    ],
    rootCause:
      'При обновлении iOS сбрасывается профиль управления MDM, и приложение Outlook теряет доступ к почте по политике условного доступа.',
    workaround: 'Переподключить телефон к MDM через приложение Company Portal.',
    resolution: 'Включена автоматическая перерегистрация устройств в MDM после обновления ОС.',
  },
  {
    language: 'en',
    status: 'known_error',
    title: 'SAP GUI sessions time out during long payment runs',
    description:
      'Treasury reports that SAP GUI disconnects during payment runs longer than 30 minutes; 5 incidents, each needing the run to be restarted.',
    group: 'erp-support',
    impact: 'high',
    urgency: 'medium',
    notes: [
      'The load balancer in front of the SAP message server closes idle connections after 30 minutes.',
    ],
    rootCause:
      'The load balancer idle timeout (1800 s) is shorter than the payment run; SAP GUI sends no keepalives while waiting for the run.',
    workaround:
      'Start payment runs as background jobs (F110 "Schedule proposal") instead of in the dialog session.',
    resolution: '',
  },
  {
    language: 'ru',
    status: 'new',
    title: 'Периодическая ошибка 504 в Jira по утрам',
    causes: 'jira-slow',
    description:
      'С 9:00 до 9:30 Jira отдаёт 504 примерно на каждый пятый запрос. Обращения от разработки приходят почти каждый день, единичные инциденты решаются сами.',
    group: 'service-desk',
    impact: 'medium',
    urgency: 'low',
    notes: [],
    rootCause: '',
    workaround: '',
    resolution: '',
  },
  {
    language: 'en',
    status: 'closed',
    title: 'Replica lag on the orders database during analytics loads',
    causes: 'monitoring-replication',
    description:
      'The orders replica ci-db-02 falls behind by minutes several times a week, reports show stale data. Seven monitoring incidents this month.',
    group: 'dba',
    impact: 'medium',
    urgency: 'high',
    notes: [
      'Lag spikes line up with the sales mart rebuild queries.',
      'Agreed with analytics to move the mart to its own replica.',
    ],
    rootCause:
      'Long analytical queries on the replica conflicted with WAL replay and held it back until they finished.',
    workaround: 'Cancel the long-running query on the replica; reports recover within minutes.',
    resolution:
      'Added a dedicated analytics replica (ci-db-03); statement timeout of 10 minutes on the reporting replica.',
  },
  {
    language: 'ru',
    status: 'known_error',
    title: 'Антивирус блокирует выгрузки из банк-клиента',
    causes: 'antivirus-block',
    description:
      'Каждая выгрузка платёжек из банк-клиента попадает в карантин как троян. Бухгалтерия не может загрузить выписки в 1С, 9 инцидентов.',
    group: 'security',
    impact: 'medium',
    urgency: 'high',
    notes: ['Файл — самораспаковывающийся архив без цифровой подписи. Банк уведомлён.'],
    rootCause:
      'Банк-клиент упаковывает выгрузку в неподписанный самораспаковывающийся архив, который эвристика антивируса считает вредоносным.',
    workaround:
      'Выгружать в формате 1CClientBankExchange (txt) вместо exe — настройка в банк-клиенте описана в KB-0155.',
    resolution: '',
  },
  {
    language: 'en',
    status: 'investigating',
    title: 'Docking stations lose external monitors after sleep',
    causes: 'second-monitor',
    description:
      'Laptops on WD19 docks come back from sleep without their external monitors; 14 incidents since the new laptop batch.',
    group: 'workplace',
    impact: 'low',
    urgency: 'low',
    notes: ['Only laptops of the 2024 batch are affected; older ones on the same docks are fine.'],
    rootCause: '',
    workaround: '',
    resolution: '',
  },
  {
    language: 'ru',
    status: 'resolved',
    title: 'Истекающие сертификаты VPN без уведомления пользователей',
    causes: 'vpn-home',
    description:
      'Пользователи узнают об истечении сертификата VPN, только когда перестают подключаться. 11 инцидентов за квартал, в основном у удалённых сотрудников.',
    group: 'network',
    impact: 'medium',
    urgency: 'medium',
    notes: ['Уведомления о сроке действия сертификатов не настроены ни в PKI, ни в MDM.'],
    rootCause: 'Сертификаты VPN выпускались на год вручную, мониторинга сроков действия не было.',
    workaround: 'Перевыпуск сертификата через первую линию по обращению пользователя.',
    resolution:
      'Настроено автопродление сертификатов через MDM за 30 дней до истечения и напоминание пользователю за 14 дней.',
  },
  {
    language: 'en',
    status: 'known_error',
    title: 'Teams loses the headset after Windows updates',
    causes: 'teams-audio',
    description:
      'After cumulative Windows updates Teams shows an empty audio device list for some headsets; 10 incidents in the last two patch cycles.',
    group: 'workplace',
    impact: 'low',
    urgency: 'medium',
    notes: ['Affects Jabra Evolve2 headsets with firmware older than 1.19.'],
    rootCause:
      'Old headset firmware is not recognised by the updated Windows audio stack until the driver is reinstalled.',
    workaround:
      'Clear the Teams cache and reinstall the headset driver (KB-0171), or use the headset through Bluetooth.',
    resolution: '',
  },
  {
    language: 'ru',
    status: 'new',
    title: 'Повторяющиеся ошибки «Недостаточно прав» в 1С после обновлений конфигурации',
    causes: '1c-posting-error',
    description:
      'После каждого обновления конфигурации 1С у части ролей пропадают права, за два обновления — 8 инцидентов. Нужно выяснить, почему не переносятся права ролей.',
    group: 'erp-support',
    impact: 'medium',
    urgency: 'medium',
    notes: [],
    rootCause: '',
    workaround: '',
    resolution: '',
  },
  {
    language: 'en',
    status: 'closed',
    title: 'Intranet portal runs out of disk after nightly updates',
    causes: 'portal-500',
    description:
      'Three times this quarter the intranet returned 500 errors in the morning after an update; each time the application server disk was full.',
    group: 'service-desk',
    impact: 'high',
    urgency: 'medium',
    notes: ['Debug logging stays on after each update and fills the disk overnight.'],
    rootCause:
      'The update script enabled debug logging for migrations and never switched it back; logs had no rotation.',
    workaround: 'Delete the debug logs in /var/log/portal and restart the application pool.',
    resolution:
      'Update script fixed to restore the log level; logrotate configured with a 2 GB cap.',
  },
  {
    language: 'ru',
    status: 'investigating',
    title: 'Медленный интернет в офисе при отказе основного канала',
    causes: 'office-internet',
    description:
      'Дважды за месяц основной канал провайдера деградировал, но трафик не переключился на резервный. Весь офис работал с интернетом на 3 Мбит/с.',
    group: 'network',
    impact: 'high',
    urgency: 'high',
    notes: [
      'SLA-мониторинг на маршрутизаторе проверяет только доступность шлюза провайдера, а не качество канала.',
      'Запросили у провайдера данные о деградации за оба случая.',
    ],
    rootCause: '',
    workaround: '',
    resolution: '',
  },
  {
    language: 'en',
    status: 'known_error',
    title: 'Scan to email fails after service account password rotation',
    causes: 'scan-to-email',
    description:
      'Every 90 days, when the scanner service account password rotates, scan to email stops working on all multifunction printers; 6 incidents each time.',
    group: 'workplace',
    impact: 'low',
    urgency: 'low',
    notes: [
      'Password rotation is automatic, but the devices keep the password in their own settings.',
    ],
    rootCause:
      'The MFPs authenticate to SMTP with a static password that is rotated by policy without updating the devices.',
    workaround:
      'Update the SMTP password on each device through its web console right after the rotation (checklist KB-0163).',
    resolution: '',
  },
  {
    language: 'ru',
    status: 'cancelled',
    title: 'Ошибки печати из SAP на складе',
    description: 'Заведена по обращениям склада о сбоях печати этикеток из SAP.',
    group: 'erp-support',
    impact: 'low',
    urgency: 'low',
    notes: ['Дубль проблемы о потере очереди печати на принт-сервере — причина та же. Отменяю.'],
    rootCause: '',
    workaround: '',
    resolution: '',
  },
  {
    language: 'en',
    status: 'resolved',
    title: 'MFA prompts not delivered after phone replacement',
    causes: 'mfa-push',
    description:
      'Users who replace their phone lose MFA until the service desk resets their registration; 15 incidents in the last phone refresh.',
    group: 'security',
    impact: 'medium',
    urgency: 'high',
    notes: [
      'Authenticator backup is off by policy, so the registration cannot move with the phone.',
    ],
    rootCause:
      'MFA registration is tied to the device, and phone hand-in happened before users registered the new device.',
    workaround: 'Service desk resets the MFA registration after identity verification over video.',
    resolution:
      'Phone refresh procedure changed: new phone registered for MFA at hand-out, before the old one is collected. Temporary access pass enabled for the service desk.',
  },
];
