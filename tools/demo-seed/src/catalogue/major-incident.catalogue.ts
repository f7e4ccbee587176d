import type { Language } from '../gateway-api';
import type { CategoryKey } from './service-catalog.catalogue';

// The outage going on while the demo is shown: the VPN gateway refuses sign-ins, the network
// team works on it, and the calls of remote workers are linked to it as its children.

export interface MajorIncidentEntry {
  language: Language;
  title: string;
  description: string;
  category: CategoryKey;
  tags: readonly string[];
  /** How long before the demo's anchor it was reported. */
  hoursAgo: number;
  /** Who is kept informed: the head of IT and the service desk lead. */
  watcherIds: readonly string[];
  /** The network engineer's internal notes while working on it. */
  notes: readonly string[];
}

export const MAJOR_INCIDENT: MajorIncidentEntry = {
  language: 'ru',
  title: 'Массовый сбой: VPN-шлюз ci-vpn-gw-01 не пропускает удалённых сотрудников',
  description:
    'С 08:40 мониторинг фиксирует отказы аутентификации на ci-vpn-gw-01: удалённые сотрудники не могут подключиться к VPN (около 180 человек). Офисная сеть и Wi-Fi работают. Обращения пользователей привязываем к этому инциденту.',
  category: 'network-vpn',
  tags: ['major-incident', 'outage', 'vpn'],
  hoursAgo: 1.5,
  watcherIds: ['mgr-it-01', 'agent-01'],
  notes: [
    'Шлюз отвечает, IKE-согласование проходит, отказ на этапе RADIUS-аутентификации.',
    'На RADIUS-сервере сегодня в 08:37 истёк сертификат. Выпускаем новый, ETA 30 минут.',
  ],
};

/** A remote worker's call about the outage, linked to the major incident as its child. */
export interface MajorIncidentChild {
  language: Language;
  title: string;
  description: string;
  hoursAgo: number;
  /** Picked up by the desk (assigned to the network team, with a reply) or still new. */
  acknowledged: boolean;
  urgent?: boolean;
}

export const MAJOR_INCIDENT_CHILDREN: readonly MajorIncidentChild[] = [
  {
    language: 'ru',
    title: 'Не могу подключиться к VPN',
    description:
      'С утра VPN не подключается, пишет «Ошибка аутентификации». Вчера всё работало, пароль не менял.',
    hoursAgo: 1.4,
    acknowledged: true,
  },
  {
    language: 'en',
    title: 'VPN will not connect this morning',
    description:
      'Since this morning the VPN client says "Authentication failed". It worked fine yesterday and my password works on the portal.',
    hoursAgo: 1.3,
    acknowledged: true,
  },
  {
    language: 'ru',
    title: 'Срочно: нет доступа к 1С из дома',
    description:
      'Не подключается VPN, а через час закрытие платёжного дня — не могу провести платежи в 1С. Помогите!',
    hoursAgo: 1.1,
    acknowledged: true,
    urgent: true,
  },
  {
    language: 'en',
    title: 'VPN down for the whole sales team?',
    description:
      'None of us working from home can connect to the VPN since about 8:45. Is something wrong on your side?',
    hoursAgo: 0.9,
    acknowledged: true,
  },
  {
    language: 'ru',
    title: 'VPN: ошибка аутентификации',
    description:
      'Работаю из дома, VPN выдаёт ошибку аутентификации, хотя пароль точно верный. У коллег то же самое.',
    hoursAgo: 0.6,
    acknowledged: false,
  },
  {
    language: 'en',
    title: 'Cannot reach anything over VPN',
    description:
      'I am at a customer site and the VPN rejects my sign-in, so I cannot open the CRM for the meeting.',
    hoursAgo: 0.3,
    acknowledged: false,
    urgent: true,
  },
];

/** The desk's reply to a child: it is the known outage. */
export const KNOWN_OUTAGE_REPLIES: Readonly<Record<Language, string>> = {
  ru: 'Здравствуйте! Это массовый сбой VPN-шлюза, инженеры уже работают над ним. Ваше обращение привязано к основному инциденту — сообщим, как только доступ восстановится.',
  en: 'Hello, this is a known outage of the VPN gateway and engineers are working on it. Your ticket is linked to the main incident; we will let you know as soon as access is back.',
};
