/**
 * A deterministic knowledge base of service-desk articles in Russian and English, and the
 * searches requesters type against it (word forms, typos, Cyrillic spellings of product names).
 */

/** mulberry32: small, fast and the same sequence for the same seed on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

interface Topic {
  key: string;
  ru: { subjects: string[]; problems: string[]; steps: string[] };
  en: { subjects: string[]; problems: string[]; steps: string[] };
}

export const TOPICS: readonly Topic[] = [
  {
    key: 'vpn',
    ru: {
      subjects: ['VPN', 'VPN-клиент', 'удалённый доступ', 'подключение VPN'],
      problems: [
        'не работает',
        'не подключается',
        'обрывается каждые полчаса',
        'просит пароль повторно',
      ],
      steps: [
        'Проверьте подключение к интернету и перезапустите клиент VPN.',
        'Убедитесь, что второй фактор приходит на телефон.',
        'Удалите старый профиль подключения и загрузите новый с портала.',
      ],
    },
    en: {
      subjects: ['VPN', 'VPN client', 'remote access', 'VPN connection'],
      problems: [
        'does not work',
        'cannot connect',
        'drops every half hour',
        'keeps asking for the password',
      ],
      steps: [
        'Check the internet connection and restart the VPN client.',
        'Make sure the second factor arrives on your phone.',
        'Remove the old connection profile and download a new one from the portal.',
      ],
    },
  },
  {
    key: 'mail',
    ru: {
      subjects: ['почта', 'Outlook', 'почтовый ящик', 'общий календарь'],
      problems: ['не синхронизируется', 'не отправляет письма', 'переполнен', 'не открывается'],
      steps: [
        'Закройте Outlook, удалите кэш профиля и запустите снова.',
        'Удалите старые письма или заархивируйте папку «Входящие».',
        'Проверьте, что вы вошли под рабочей учётной записью.',
      ],
    },
    en: {
      subjects: ['mail', 'Outlook', 'mailbox', 'shared calendar'],
      problems: ['is not syncing', 'does not send messages', 'is full', 'does not open'],
      steps: [
        'Close Outlook, clear the profile cache and start it again.',
        'Delete old messages or archive the Inbox folder.',
        'Check that you signed in with your work account.',
      ],
    },
  },
  {
    key: 'printer',
    ru: {
      subjects: ['принтер', 'МФУ', 'сканер', 'принтер на этаже'],
      problems: ['не печатает', 'печатает полосами', 'зажевал бумагу', 'не сканирует в почту'],
      steps: [
        'Очистите очередь печати и перезапустите службу печати.',
        'Замените картридж и откройте лоток, чтобы достать бумагу.',
        'Выберите принтер заново в списке устройств.',
      ],
    },
    en: {
      subjects: ['printer', 'multifunction printer', 'scanner', 'floor printer'],
      problems: ['does not print', 'prints streaks', 'jammed the paper', 'does not scan to mail'],
      steps: [
        'Clear the print queue and restart the print spooler.',
        'Replace the cartridge and open the tray to remove the paper.',
        'Select the printer again in the device list.',
      ],
    },
  },
  {
    key: 'password',
    ru: {
      subjects: ['пароль', 'учётная запись', 'вход в систему', 'доменный пароль'],
      problems: ['истёк', 'заблокирован', 'не подходит', 'нужно сбросить'],
      steps: [
        'Сбросьте пароль на портале самообслуживания.',
        'Подождите 15 минут: учётная запись разблокируется сама.',
        'Смените пароль на всех устройствах, где сохранён старый.',
      ],
    },
    en: {
      subjects: ['password', 'account', 'sign-in', 'domain password'],
      problems: ['has expired', 'is locked', 'is not accepted', 'needs a reset'],
      steps: [
        'Reset the password in the self-service portal.',
        'Wait 15 minutes: the account unlocks by itself.',
        'Change the password on every device that stored the old one.',
      ],
    },
  },
  {
    key: 'wifi',
    ru: {
      subjects: ['Wi-Fi', 'беспроводная сеть', 'гостевой Wi-Fi', 'сеть в переговорной'],
      problems: ['не подключается', 'работает медленно', 'пропадает', 'не видит сеть'],
      steps: [
        'Забудьте сеть и подключитесь заново с рабочей учётной записью.',
        'Отключите и включите адаптер беспроводной сети.',
        'Подключитесь к гостевой сети и откройте страницу входа.',
      ],
    },
    en: {
      subjects: ['Wi-Fi', 'wireless network', 'guest Wi-Fi', 'meeting room network'],
      problems: ['cannot connect', 'is slow', 'keeps dropping', 'does not show the network'],
      steps: [
        'Forget the network and connect again with your work account.',
        'Turn the wireless adapter off and on.',
        'Join the guest network and open the sign-in page.',
      ],
    },
  },
  {
    key: '1c',
    ru: {
      subjects: ['1С', '1С: Бухгалтерия', 'база 1С', 'отчёт в 1С'],
      problems: ['не запускается', 'выдаёт ошибку лицензии', 'работает медленно', 'нет доступа'],
      steps: [
        'Очистите кэш клиента 1С и перезапустите программу.',
        'Запросите доступ к базе через каталог услуг.',
        'Проверьте, что лицензия выдана на ваше рабочее место.',
      ],
    },
    en: {
      subjects: ['1C', '1C accounting', '1C database', '1C report'],
      problems: ['does not start', 'shows a licence error', 'is slow', 'denies access'],
      steps: [
        'Clear the 1C client cache and restart the program.',
        'Request access to the database in the service catalogue.',
        'Check that a licence is assigned to your workstation.',
      ],
    },
  },
  {
    key: 'laptop',
    ru: {
      subjects: ['ноутбук', 'монитор', 'док-станция', 'клавиатура'],
      problems: ['не включается', 'перегревается', 'не видит второй монитор', 'не заряжается'],
      steps: [
        'Подключите зарядное устройство напрямую и держите кнопку питания 20 секунд.',
        'Обновите драйвер видеокарты из центра программного обеспечения.',
        'Переподключите док-станцию и проверьте кабель.',
      ],
    },
    en: {
      subjects: ['laptop', 'monitor', 'docking station', 'keyboard'],
      problems: [
        'does not turn on',
        'overheats',
        'does not detect the second monitor',
        'does not charge',
      ],
      steps: [
        'Plug the charger in directly and hold the power button for 20 seconds.',
        'Update the graphics driver from the software centre.',
        'Reconnect the docking station and check the cable.',
      ],
    },
  },
  {
    key: 'teams',
    ru: {
      subjects: ['Teams', 'видеоконференция', 'микрофон', 'камера'],
      problems: ['не слышно собеседника', 'не работает камера', 'зависает', 'не входит в собрание'],
      steps: [
        'Выберите правильное устройство в настройках звука.',
        'Разрешите доступ к камере в параметрах конфиденциальности.',
        'Выйдите из Teams и очистите кэш приложения.',
      ],
    },
    en: {
      subjects: ['Teams', 'video conference', 'microphone', 'camera'],
      problems: ['has no sound', 'camera does not work', 'freezes', 'cannot join the meeting'],
      steps: [
        'Select the right device in the audio settings.',
        'Allow camera access in the privacy settings.',
        'Quit Teams and clear the application cache.',
      ],
    },
  },
];

const CONTEXTS = {
  ru: [
    'из дома',
    'после обновления',
    'в офисе',
    'на третьем этаже',
    'у новых сотрудников',
    'утром',
  ],
  en: [
    'from home',
    'after the update',
    'in the office',
    'on the third floor',
    'for new hires',
    'in the morning',
  ],
} as const;

const CLOSINGS = {
  ru: [
    'Если это не помогло, создайте обращение на портале и приложите снимок экрана.',
    'Код ошибки укажите в обращении: он ускорит решение.',
    'Инструкция проверена службой поддержки первой линии.',
  ],
  en: [
    'If this did not help, open a ticket in the portal and attach a screenshot.',
    'Quote the error code in the ticket: it speeds up the fix.',
    'The first line support team checked these steps.',
  ],
} as const;

export interface CorpusArticle {
  language: 'ru' | 'en';
  audience: 'public' | 'internal';
  topic: string;
  title: string;
  body: string;
  tags: string[];
  serviceIds: string[];
  /** Index into the category list of its topic. */
  categoryIndex: number;
}

/** Article `index` of the corpus: the same index gives the same article on every run. */
export function corpusArticle(index: number, seed = 7): CorpusArticle {
  const next = random(seed * 1_000_003 + index);
  const topic = pick(next, TOPICS);
  const language = next() < 0.7 ? 'ru' : 'en';
  const words = topic[language];
  const subject = pick(next, words.subjects);
  const problem = pick(next, words.problems);
  const context = pick(next, CONTEXTS[language]);
  const title = `${capitalize(subject)} ${problem} ${context}`;
  const code = `0x${(Math.floor(next() * 0xffffff) + index).toString(16)}`;
  const steps = [...words.steps].sort(() => next() - 0.5).slice(0, 2 + Math.floor(next() * 2));
  const body = [
    language === 'ru'
      ? `## Что случилось\n\n${capitalize(subject)} ${problem} ${context}; код ошибки ${code}.`
      : `## What happened\n\n${capitalize(subject)} ${problem} ${context}; error code ${code}.`,
    language === 'ru' ? '## Что сделать' : '## What to do',
    steps.map((step, position) => `${position + 1}. ${step}`).join('\n'),
    pick(next, CLOSINGS[language]),
  ].join('\n\n');
  return {
    language,
    audience: next() < 0.8 ? 'public' : 'internal',
    topic: topic.key,
    title,
    body,
    tags: [topic.key, ...(next() < 0.3 ? [language === 'ru' ? 'инструкция' : 'how-to'] : [])],
    serviceIds: [`svc-${topic.key}`],
    categoryIndex: Math.floor(next() * 4),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export interface SearchCase {
  label: string;
  params: Record<string, string>;
}

/**
 * What requesters type: word forms other than the articles', typos, Cyrillic spellings of
 * product names, English queries, and filters. Every case runs as the requester view.
 */
export const SEARCH_CASES: readonly SearchCase[] = [
  { label: 'ru typo', params: { q: 'не работет впн' } },
  { label: 'ru word form', params: { q: 'подключения к vpn из дома' } },
  { label: 'ru typo', params: { q: 'принтр не печатает' } },
  { label: 'ru phrase', params: { q: 'печатает полосами' } },
  { label: 'ru word form', params: { q: 'сброс пароля' } },
  { label: 'ru typo', params: { q: 'аутлук не синхронизирутся' } },
  { label: 'ru synonym', params: { q: 'вайфай пропадает' } },
  { label: 'ru word form', params: { q: 'ошибка лицензии 1с' } },
  { label: 'ru word form', params: { q: 'ноутбук не заряжается' } },
  { label: 'ru typo', params: { q: 'камира в тимс' } },
  { label: 'en word form', params: { q: 'vpn connections dropping' } },
  { label: 'en typo', params: { q: 'pasword expired' } },
  { label: 'en phrase', params: { q: 'print queue' } },
  { label: 'en word form', params: { q: 'outlook not syncing' } },
  { label: 'filtered', params: { q: 'не подключается', language: 'ru', tags: 'wifi' } },
  { label: 'filtered', params: { q: 'монитор', service: 'svc-laptop' } },
  { label: 'paged', params: { q: 'не работает', page: '3' } },
  { label: 'browse', params: { tags: 'инструкция', language: 'ru' } },
];
