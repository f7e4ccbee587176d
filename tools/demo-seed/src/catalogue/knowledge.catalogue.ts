import type { ArticleAudience, Language } from '../gateway-api';

// The demo's knowledge base: answers to the incidents the desk sees most (see
// incidents.catalogue.ts), in both languages, and a few runbooks only agents read. Each topic
// is written once in each language; the second is published as a translation of the first.

export const KNOWLEDGE_CATEGORY_KEYS = [
  'network',
  'email',
  'workplace',
  'accounts',
  'runbooks',
] as const;
export type KnowledgeCategoryKey = (typeof KNOWLEDGE_CATEGORY_KEYS)[number];

/** Root categories; one name in both languages, as the desk's saved views are named. */
export const KNOWLEDGE_CATEGORIES: Readonly<Record<KnowledgeCategoryKey, string>> = {
  network: 'Сеть и удалённый доступ / Network & remote access',
  email: 'Почта / Email',
  workplace: 'Рабочее место / Workplace',
  accounts: 'Учётные записи и доступы / Accounts & access',
  runbooks: 'Инструкции для агентов / Agent runbooks',
};

/** Who creates the categories. */
export const KNOWLEDGE_EDITOR = 'agent-05';

/** Desk leads who review articles; never their own. */
export const KNOWLEDGE_REVIEWERS = ['agent-02', 'agent-03'] as const;

export interface ArticleText {
  title: string;
  /** Markdown. */
  body: string;
}

export interface KnowledgeTopic {
  /** Names the topic in the plan; kebab-case. */
  key: string;
  category: KnowledgeCategoryKey;
  audience: ArticleAudience;
  /** The engineer of the group that handles these incidents. */
  authorId: string;
  tags: readonly string[];
  /** Written first; the other language is its translation. */
  original: Language;
  text: Readonly<Record<Language, ArticleText>>;
}

export const KNOWLEDGE_TOPICS: readonly KnowledgeTopic[] = [
  {
    key: 'vpn-does-not-connect',
    category: 'network',
    audience: 'public',
    authorId: 'agent-07',
    tags: ['vpn', 'впн', 'remote-access'],
    original: 'ru',
    text: {
      ru: {
        title: 'Не подключается VPN',
        body: `Если не работает VPN (ВПН) из дома или из командировки, проверьте по порядку:

1. **Интернет есть?** Откройте любой сайт без VPN. Если сайты не открываются, перезагрузите роутер.
2. **Время на компьютере верное?** Из-за неверного времени сертификат считается недействительным.
3. **Перезапустите VPN-клиент**: правый щелчок по значку в трее → «Выход», затем запустите заново.
4. **Подтвердите вход в приложении MFA** на телефоне: запрос живёт 60 секунд.
5. **Гостиничный или публичный Wi-Fi**: сначала пройдите страницу авторизации сети в браузере.

Не помогло? Оформите обращение в портале и приложите снимок экрана с текстом ошибки клиента.`,
      },
      en: {
        title: 'VPN does not connect',
        body: `If the VPN does not work from home or on a trip, check in this order:

1. **Is the internet up?** Open any website with the VPN off. If nothing opens, restart your router.
2. **Is the clock right?** A wrong date or time makes the certificate look invalid.
3. **Restart the VPN client**: right-click its tray icon → *Exit*, then start it again.
4. **Approve the sign-in in the MFA app** on your phone: the prompt expires after 60 seconds.
5. **Hotel or public Wi-Fi**: open a browser first and accept the network's sign-in page.

Still stuck? Raise a ticket in the portal with a screenshot of the client's error.`,
      },
    },
  },
  {
    key: 'outlook-no-mail',
    category: 'email',
    audience: 'public',
    authorId: 'agent-01',
    tags: ['outlook', 'email', 'почта'],
    original: 'ru',
    text: {
      ru: {
        title: 'Не приходит почта в Outlook',
        body: `1. Посмотрите строку состояния внизу Outlook: «Автономная работа» или «Отключено» — нажмите **Отправка и получение → Автономная работа**, чтобы выключить режим.
2. Проверьте папки **Нежелательная почта** и **Другие** — письмо могло попасть туда.
3. Откройте почту в браузере (Outlook Web). Если письмо там есть, а в Outlook нет — закройте Outlook и запустите заново.
4. Ящик переполнен? **Файл → Сведения** покажет размер; удалите старые письма с вложениями и очистите «Удалённые».
5. Письма от внешних отправителей задерживаются до 15 минут: они проходят проверку на вирусы.

Если почты нет и в браузере — оформите обращение и укажите адрес отправителя и примерное время письма.`,
      },
      en: {
        title: 'Outlook does not receive mail',
        body: `1. Look at the status bar at the bottom of Outlook: if it says *Working Offline* or *Disconnected*, click **Send / Receive → Work Offline** to turn it off.
2. Check the **Junk Email** and **Other** folders: the message may have landed there.
3. Open your mailbox in the browser (Outlook on the web). If the message is there but not in Outlook, close Outlook and start it again.
4. Is the mailbox full? **File → Info** shows its size; delete old messages with attachments and empty *Deleted Items*.
5. Mail from outside the company can take up to 15 minutes: it is scanned for viruses first.

If the mail is missing in the browser too, raise a ticket with the sender's address and roughly when it was sent.`,
      },
    },
  },
  {
    key: 'printer-jams',
    category: 'workplace',
    audience: 'public',
    authorId: 'agent-10',
    tags: ['printer', 'принтер', 'paper-jam'],
    original: 'ru',
    text: {
      ru: {
        title: 'Принтер зажёвывает бумагу',
        body: `1. Выключите принтер и подождите минуту: внутри горячий узел закрепления.
2. Откройте все крышки и лотки и **аккуратно вытяните лист по ходу движения бумаги** двумя руками. Не тяните рывком — обрывки остаются внутри.
3. Проверьте, не осталось ли клочков бумаги, скрепок или стикеров.
4. Переложите пачку: распушите листы, выровняйте стопку и поставьте направляющие лотка по ширине бумаги.
5. Не используйте мятую, влажную или уже печатанную с одной стороны бумагу.

Если принтер жуёт бумагу снова, наклейте на него записку «Не работает» и оформите обращение, указав инвентарный номер принтера.`,
      },
      en: {
        title: 'The printer jams paper',
        body: `1. Switch the printer off and wait a minute: the fuser inside is hot.
2. Open every cover and tray and **gently pull the sheet out in the direction the paper travels**, with both hands. Do not yank it: torn bits stay inside.
3. Check that no scraps of paper, staples or sticky notes are left.
4. Reload the tray: fan the sheets, square the stack and slide the tray guides up to the paper.
5. Do not use creased, damp or already printed paper.

If it jams again, put an "Out of order" note on it and raise a ticket with the printer's asset tag.`,
      },
    },
  },
  {
    key: 'password-reset',
    category: 'accounts',
    audience: 'public',
    authorId: 'agent-01',
    tags: ['password', 'пароль', 'account'],
    original: 'en',
    text: {
      ru: {
        title: 'Сброс пароля',
        body: `Пароль можно сбросить самостоятельно, без звонка на линию поддержки:

1. Откройте **портал самообслуживания** → «Забыли пароль?».
2. Введите логин (как в адресе почты, до @) и подтвердите вход кодом из SMS или приложения MFA.
3. Придумайте новый пароль: не короче 12 символов, не совпадает с тремя предыдущими.
4. На рабочем компьютере в офисе нажмите Ctrl+Alt+Del → «Заблокировать» и войдите с новым паролем. Вне офиса сначала подключите VPN.
5. Обновите пароль в почте на телефоне — иначе учётная запись снова заблокируется через несколько минут.

Учётная запись заблокирована или телефон не привязан? Позвоните на линию поддержки: сотрудник проверит вашу личность и сбросит пароль.`,
      },
      en: {
        title: 'Resetting your password',
        body: `You can reset your password yourself, without calling the service desk:

1. Open the **self-service portal** → *Forgot password?*.
2. Enter your login (your email address before the @) and confirm with the code from the SMS or the MFA app.
3. Choose a new password: at least 12 characters, not one of your last three.
4. On an office computer press Ctrl+Alt+Del → *Lock* and sign in with the new password. Away from the office, connect the VPN first.
5. Update the password in the mail app on your phone, or the account locks again within minutes.

Account locked, or no phone registered? Call the service desk: an agent checks who you are and resets it.`,
      },
    },
  },
  {
    key: 'meeting-room-wifi',
    category: 'network',
    audience: 'public',
    authorId: 'agent-08',
    tags: ['wi-fi', 'wifi', 'meeting-room', 'переговорная'],
    original: 'en',
    text: {
      ru: {
        title: 'Wi-Fi в переговорных',
        body: `В переговорных две сети:

- **Corp** — для сотрудников: вход с рабочей учётной записью, доступны внутренние системы.
- **Guest** — для гостей: пароль дня написан на табличке у экрана, только интернет.

Если Wi-Fi не подключается или постоянно отваливается:

1. Забудьте сеть на устройстве и подключитесь заново.
2. Проверьте, что выбрали **Corp**, а не Guest: во внутренних системах Guest не работает.
3. В больших переговорных сеть перегружена во время совещаний — подключите ноутбук кабелем к порту в столе.
4. Не помогло — сообщите номер переговорной и время в обращении, мы проверим точку доступа.`,
      },
      en: {
        title: 'Wi-Fi in meeting rooms',
        body: `Meeting rooms have two networks:

- **Corp**, for staff: sign in with your work account; internal systems are reachable.
- **Guest**, for visitors: the password of the day is on the card by the screen; internet only.

If the Wi-Fi does not connect or keeps dropping:

1. Forget the network on your device and join it again.
2. Make sure you chose **Corp**, not Guest: internal systems do not work on Guest.
3. In large rooms the network is crowded during meetings: plug the laptop into the port in the table.
4. Still failing? Raise a ticket with the room number and the time, and we will check the access point.`,
      },
    },
  },
  {
    key: '1c-access',
    category: 'accounts',
    audience: 'public',
    authorId: 'agent-14',
    tags: ['1c', '1с', 'access', 'erp'],
    original: 'ru',
    text: {
      ru: {
        title: 'Как запросить доступ к 1С',
        body: `Доступ к 1С выдаётся по заявке, согласованной руководителем:

1. В портале откройте каталог услуг → **«Доступ к 1С»**.
2. Выберите базу (Бухгалтерия, Зарплата и кадры, Управление торговлей) и нужную роль. Не знаете роль — укажите, чью работу вы выполняете, коллеги подскажут.
3. Укажите срок, если доступ временный.
4. Заявка уйдёт руководителю на согласование; после согласования доступ настроят в течение рабочего дня.
5. Базу добавьте в список в окне запуска 1С по ссылке из письма о выполнении заявки.

Для доступа к финансовым базам нужно ещё согласование финансового директора — это займёт на день больше.`,
      },
      en: {
        title: 'How to request access to 1C',
        body: `Access to 1C is granted on a request your manager approves:

1. In the portal, open the service catalog → **1C access**.
2. Pick the database (Accounting, Payroll & HR, Trade management) and the role. Not sure which role? Say whose work you take over and the team will suggest one.
3. Give an end date if the access is temporary.
4. The request goes to your manager for approval; once approved, access is set up within a working day.
5. Add the database to the 1C launcher with the link in the email that closes the request.

Finance databases also need the CFO's approval, which takes a day longer.`,
      },
    },
  },
  {
    key: 'new-laptop-setup',
    category: 'workplace',
    audience: 'public',
    authorId: 'agent-11',
    tags: ['laptop', 'ноутбук', 'onboarding'],
    original: 'en',
    text: {
      ru: {
        title: 'Настройка нового ноутбука',
        body: `Ноутбук выдаётся уже с системой и основными программами. В первый день:

1. Включите ноутбук **в офисе**, подключённым к сети Corp или кабелем, и войдите с рабочей учётной записью.
2. Дождитесь, пока установятся обновления и программы (до 30 минут), затем перезагрузите.
3. Настройте MFA: приложение на телефоне и вход по отпечатку или PIN.
4. Откройте Outlook и Teams — они настроятся сами. Файлы со старого компьютера возьмите из OneDrive.
5. Недостающие программы закажите в каталоге услуг → «Установка ПО».

Старый ноутбук верните на стойку поддержки в течение двух недель.`,
      },
      en: {
        title: 'Setting up a new laptop',
        body: `Laptops come with the system and the standard apps installed. On your first day:

1. Switch the laptop on **in the office**, on the Corp network or a cable, and sign in with your work account.
2. Wait for updates and apps to install (up to 30 minutes), then restart.
3. Set up MFA: the app on your phone and sign-in with a fingerprint or PIN.
4. Open Outlook and Teams: they configure themselves. Your files from the old computer are in OneDrive.
5. Order any missing software in the service catalog → *Software installation*.

Return the old laptop to the service desk counter within two weeks.`,
      },
    },
  },
  {
    key: 'restart-vpn-gateway',
    category: 'runbooks',
    audience: 'internal',
    authorId: 'agent-09',
    tags: ['vpn', 'впн', 'runbook', 'gateway'],
    original: 'en',
    text: {
      ru: {
        title: 'Перезапуск VPN-шлюза',
        body: `Только для группы «Сеть». Перезапуск разрывает все VPN-сессии: днём — только по согласованному экстренному изменению.

1. Убедитесь, что проблема в шлюзе: в мониторинге растут ошибки IKE или загрузка CPU выше 90 % дольше 10 минут.
2. Переведите трафик на резервный узел: \`vpn-gw-2\` → **Make active** в консоли кластера; подождите, пока сессии переподключатся (около 2 минут).
3. Перезапустите службу на \`vpn-gw-1\`: \`systemctl restart strongswan\`, затем проверьте \`ipsec statusall\`.
4. Проверьте подключение тестовой учётной записью \`svc-vpn-probe\`.
5. Верните активную роль на \`vpn-gw-1\` и запишите время и причину в родительский инцидент.`,
      },
      en: {
        title: 'Restarting the VPN gateway',
        body: `Network team only. A restart drops every VPN session: during the day, only under an approved emergency change.

1. Make sure the gateway is at fault: monitoring shows rising IKE errors or CPU above 90 % for more than 10 minutes.
2. Fail over to the standby node: \`vpn-gw-2\` → **Make active** in the cluster console; wait for sessions to reconnect (about 2 minutes).
3. Restart the service on \`vpn-gw-1\`: \`systemctl restart strongswan\`, then check \`ipsec statusall\`.
4. Test a connection with the probe account \`svc-vpn-probe\`.
5. Move the active role back to \`vpn-gw-1\` and note the time and the cause in the parent incident.`,
      },
    },
  },
  {
    key: 'mail-gateway-certificate',
    category: 'runbooks',
    audience: 'internal',
    authorId: 'agent-17',
    tags: ['email', 'почта', 'certificate', 'сертификат', 'runbook'],
    original: 'ru',
    text: {
      ru: {
        title: 'Как перевыпустить сертификат почтового шлюза',
        body: `Для группы «Безопасность». Сертификат \`mail.example.com\` продлевается за 30 дней до окончания; мониторинг предупреждает за 45.

1. Сформируйте запрос на шлюзе: **Администрирование → Сертификаты → Создать CSR** (RSA 3072, те же SAN, что у текущего).
2. Отправьте CSR в удостоверяющий центр через портал PKI, шаблон *Web Server*.
3. Импортируйте выданный сертификат вместе с цепочкой промежуточных сертификатов.
4. Назначьте его службам SMTP и HTTPS в окно обслуживания; старый не удаляйте до проверки.
5. Проверьте: \`openssl s_client -starttls smtp -connect mail.example.com:25\` показывает новый срок действия, тестовое письмо извне доходит.
6. Через неделю удалите старый сертификат и закройте изменение.`,
      },
      en: {
        title: 'Renewing the mail gateway certificate',
        body: `Security team. The \`mail.example.com\` certificate is renewed 30 days before it expires; monitoring warns at 45.

1. Create the request on the gateway: **Administration → Certificates → Create CSR** (RSA 3072, the same SANs as the current one).
2. Submit the CSR to the certificate authority in the PKI portal, template *Web Server*.
3. Import the issued certificate together with the intermediate chain.
4. Bind it to the SMTP and HTTPS services in a maintenance window; keep the old one until it is checked.
5. Check: \`openssl s_client -starttls smtp -connect mail.example.com:25\` shows the new expiry, and a test message from outside arrives.
6. A week later remove the old certificate and close the change.`,
      },
    },
  },
];
