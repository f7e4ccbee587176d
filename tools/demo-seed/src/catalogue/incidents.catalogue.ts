import type { Level } from '../gateway-api';
import type { AssignmentGroupId } from './people.catalogue';

/**
 * One kind of incident, as requesters describe it and agents answer it. Texts may hold
 * placeholders filled per ticket: {room} {floor} {printer} {share} {mailbox} {ws} {host}.
 */
export interface IncidentText {
  title: string;
  description: string;
  /** What the agent asks the requester (public reply, often before waiting for the answer). */
  question: string;
  /** The requester's answer to the question. */
  answer: string;
  /** What fixed it: the resolution notes and the agent's closing reply. */
  fix: string;
}

export interface IncidentTemplate {
  id: string;
  /** How often it comes up relative to the others. */
  weight: number;
  group: AssignmentGroupId;
  impact: Level;
  urgency: Level;
  /** Raised by monitoring through the API, not by a person. */
  monitoring?: boolean;
  ru: IncidentText;
  en: IncidentText;
}

export const INCIDENT_TEMPLATES: readonly IncidentTemplate[] = [
  {
    id: 'vpn-home',
    weight: 10,
    group: 'network',
    impact: 'medium',
    urgency: 'high',
    ru: {
      title: 'Не подключается VPN из дома',
      description:
        'Со вчерашнего вечера не могу подключиться к VPN. После ввода кода из приложения клиент долго думает и пишет «Превышено время ожидания». Интернет дома работает, перезагрузка не помогла.',
      question:
        'Подскажите, пожалуйста, какая версия клиента FortiClient у вас установлена и пробовали ли вы подключиться через мобильный интернет?',
      answer: 'Версия 7.0.7. С телефона через раздачу тоже не подключается, та же ошибка.',
      fix: 'Сертификат пользователя на VPN-шлюзе истёк — перевыпустили сертификат и обновили профиль клиента. Подключение проверили вместе с пользователем.',
    },
    en: {
      title: 'VPN does not connect from home',
      description:
        'Since last night I cannot connect to the VPN. After I enter the code from the authenticator app the client spins for a while and then says "Connection timed out". My home internet works fine and a reboot did not help.',
      question:
        'Could you tell me which FortiClient version you have, and whether it connects over your phone hotspot?',
      answer: 'It is 7.0.7. Over the hotspot it fails the same way.',
      fix: "The user's certificate on the VPN gateway had expired. Reissued it and refreshed the client profile; connection tested together with the user.",
    },
  },
  {
    id: 'vpn-drops',
    weight: 6,
    group: 'network',
    impact: 'medium',
    urgency: 'medium',
    ru: {
      title: 'VPN отключается каждые 10–15 минут',
      description:
        'Работаю удалённо, VPN постоянно отваливается, приходится переподключаться по несколько раз в час. Из-за этого рвутся сессии в 1С и RDP.',
      question:
        'Вы подключаетесь по Wi-Fi или по кабелю? Пришлите, пожалуйста, время последних обрывов — посмотрим логи шлюза.',
      answer: 'По Wi-Fi. Сегодня обрывы были в 10:12, 10:27 и 11:05.',
      fix: 'На шлюзе для пользователя был включён устаревший профиль с коротким таймаутом DPD. Перевели на стандартный профиль, обрывов за день не было.',
    },
    en: {
      title: 'VPN drops every 10-15 minutes',
      description:
        'I work remotely and the VPN keeps disconnecting, several times an hour. Every drop kills my RDP session and I lose unsaved work in 1C.',
      question:
        'Are you on Wi-Fi or cable? Please send the times of the last few drops so we can match them in the gateway logs.',
      answer: 'Wi-Fi. Today it dropped at 10:12, 10:27 and 11:05.',
      fix: 'The user was still on a legacy VPN profile with a short dead-peer-detection timeout. Moved them to the standard profile; no drops since.',
    },
  },
  {
    id: 'outlook-no-mail',
    weight: 9,
    group: 'service-desk',
    impact: 'medium',
    urgency: 'high',
    ru: {
      title: 'Не приходит почта в Outlook',
      description:
        'С утра в Outlook не появляются новые письма, хотя коллеги говорят, что отправляли. В веб-версии почты письма есть. Внизу окна пишет «Отключено».',
      question:
        'Попробуйте, пожалуйста, закрыть Outlook и открыть его снова. Если не поможет — пришлите скриншот окна «Состояние подключения» (Ctrl + правый клик по значку Outlook в трее).',
      answer: 'Перезапуск не помог, скриншот приложил к письму.',
      fix: 'Повреждён файл кэша OST. Пересоздали профиль Outlook, почта синхронизировалась, пользователь подтвердил получение писем.',
    },
    en: {
      title: 'Outlook does not receive new emails',
      description:
        'Since this morning no new emails show up in Outlook although colleagues say they sent me some. They are there in Outlook on the web. The status bar says "Disconnected".',
      question:
        'Please close and reopen Outlook. If it is still disconnected, send a screenshot of the Connection Status window (Ctrl + right-click the Outlook icon in the tray).',
      answer: 'Restarting did not help, screenshot attached.',
      fix: 'The OST cache file was corrupt. Recreated the Outlook profile, the mailbox synced and the user confirmed new mail arrives.',
    },
  },
  {
    id: 'outlook-hangs',
    weight: 5,
    group: 'workplace',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Outlook зависает при запуске',
      description:
        'Outlook открывается минут пять и висит на «Загрузка профиля». Иногда падает с ошибкой. Началось после обновления Windows на прошлой неделе.',
      question:
        'Сколько примерно весит ваш почтовый ящик и подключены ли к Outlook архивные PST-файлы?',
      answer: 'Подключены два архива за прошлые годы, каждый по 20 ГБ.',
      fix: 'Отключили надстройку, конфликтующую с обновлением, и перенесли архивы PST в онлайн-архив Exchange. Outlook запускается за 15 секунд.',
    },
    en: {
      title: 'Outlook hangs on start-up',
      description:
        'Outlook takes about five minutes to open and sits on "Loading profile". Sometimes it crashes instead. It started after last week\'s Windows update.',
      question:
        'Roughly how big is your mailbox, and do you have PST archive files attached in Outlook?',
      answer: 'Two PST archives from previous years, about 20 GB each.',
      fix: 'Disabled an add-in that conflicts with the update and moved the PST archives into the Exchange online archive. Outlook now starts in 15 seconds.',
    },
  },
  {
    id: 'shared-mailbox',
    weight: 4,
    group: 'service-desk',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Пропал общий ящик {mailbox} в Outlook',
      description:
        'Вчера ещё был, сегодня общий ящик {mailbox} исчез из списка папок. Через него мы отвечаем клиентам, очень нужно.',
      question: 'Ящик пропал только у вас или у коллег по отделу тоже?',
      answer: 'У коллеги тоже пропал, у руководителя есть.',
      fix: 'После миграции ящика слетели права FullAccess для группы отдела. Права восстановили, ящик появился после перезапуска Outlook.',
    },
    en: {
      title: 'Shared mailbox {mailbox} disappeared from Outlook',
      description:
        'Yesterday it was there, today the shared mailbox {mailbox} is gone from my folder list. We answer customers from it, so this is urgent for us.',
      question: 'Is it gone only for you or for your teammates as well?',
      answer: 'One teammate lost it too, our manager still has it.',
      fix: "The mailbox migration dropped the department group's FullAccess permission. Restored it; the mailbox is back after an Outlook restart.",
    },
  },
  {
    id: '1c-slow',
    weight: 7,
    group: 'erp-support',
    impact: 'high',
    urgency: 'medium',
    ru: {
      title: 'Очень медленно работает 1С: Бухгалтерия',
      description:
        'Открытие любого документа занимает по минуте, проведение — ещё дольше. У всего отдела так с обеда. Закрываем месяц, сроки горят.',
      question: 'Подскажите, в какой базе вы работаете и какие операции тормозят сильнее всего?',
      answer: 'База «Бухгалтерия ООО Альфа», сильнее всего тормозит проведение реализаций.',
      fix: 'На сервере 1С зависла фоновая обработка пересчёта итогов и держала блокировки. Обработку завершили, перенесли регламентное задание на ночь. Скорость восстановилась.',
    },
    en: {
      title: '1C Accounting is extremely slow',
      description:
        'Opening any document takes about a minute, posting takes even longer. The whole department has this since lunch. We are closing the month, so deadlines are tight.',
      question: 'Which database are you working in, and which operations are slowest?',
      answer: 'The "Alfa LLC Accounting" base; posting sales invoices is the worst.',
      fix: 'A background totals-recalculation job hung on the 1C server and held locks. Stopped it and moved the scheduled job to the night; performance is back to normal.',
    },
  },
  {
    id: '1c-posting-error',
    weight: 5,
    group: 'erp-support',
    impact: 'medium',
    urgency: 'medium',
    ru: {
      title: 'Ошибка при проведении документа в 1С',
      description:
        'При проведении поступления товаров выходит ошибка «Недостаточно прав для изменения данных. Таблица: Регистр накопления». Раньше проводила без проблем.',
      question: 'Пришлите, пожалуйста, номер документа и полный текст ошибки (кнопка «Подробнее»).',
      answer: 'Документ ПТ-000482, текст ошибки приложила скриншотом.',
      fix: 'После обновления конфигурации у роли «Кладовщик» пропали права на регистр «Товары на складах». Права вернули, документ проведён.',
    },
    en: {
      title: 'Error when posting a document in 1C',
      description:
        'Posting a goods receipt fails with "Insufficient rights to change data. Table: Accumulation register". I could post these without problems until yesterday.',
      question: 'Please send the document number and the full error text (the "Details" button).',
      answer: 'Document GR-000482, screenshot of the error attached.',
      fix: 'The configuration update removed the "Warehouse clerk" role\'s rights on the stock register. Restored them; the document is posted.',
    },
  },
  {
    id: 'printer-not-printing',
    weight: 8,
    group: 'workplace',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Не печатает принтер {printer} на {floor} этаже',
      description:
        'Документы уходят в очередь и висят там со статусом «Ошибка». На самом принтере мигает оранжевый индикатор. Печатать нужно договоры на подпись.',
      question:
        'На дисплее принтера есть какое-нибудь сообщение? Если несложно — сфотографируйте, пожалуйста.',
      answer: 'Пишет «Замятие в лотке 2», но бумаги там не видно.',
      fix: 'Извлекли обрывок бумаги из узла термозакрепления, очистили очередь печати на принт-сервере. Принтер печатает.',
    },
    en: {
      title: 'Printer {printer} on floor {floor} is not printing',
      description:
        'Print jobs go to the queue and stay there with status "Error". The printer itself blinks orange. I need to print contracts for signing today.',
      question: 'Does the printer display show a message? A photo would help.',
      answer: 'It says "Paper jam in tray 2" but there is no paper to be seen.',
      fix: 'Removed a torn scrap of paper from the fuser unit and cleared the queue on the print server. The printer works again.',
    },
  },
  {
    id: 'scan-to-email',
    weight: 4,
    group: 'workplace',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Не работает сканирование в почту на МФУ {printer}',
      description:
        'При сканировании в почту МФУ пишет «Ошибка отправки». Сканирование на флешку работает. Нужно отсканировать пачку первичных документов.',
      question: 'С какого адреса вы сканируете и до какого размера документы?',
      answer: 'На свою почту, документы по 20–30 страниц.',
      fix: 'После смены пароля сервисной учётной записи МФУ не мог авторизоваться на почтовом сервере. Обновили пароль в настройках SMTP на устройстве.',
    },
    en: {
      title: 'Scan to email does not work on {printer}',
      description:
        'When I scan to email the device says "Send failed". Scanning to a USB stick works. I have a stack of invoices to scan.',
      question: 'Which address do you scan to, and how large are the documents?',
      answer: 'To my own mailbox, 20-30 pages each.',
      fix: "The device's service account password was rotated and SMTP sign-in failed. Updated the password in the device's SMTP settings.",
    },
  },
  {
    id: 'laptop-no-boot',
    weight: 5,
    group: 'workplace',
    impact: 'medium',
    urgency: 'high',
    ru: {
      title: 'Ноутбук не загружается после обновления',
      description:
        'Утром ноутбук установил обновления и теперь при включении показывает синий экран и уходит в перезагрузку. Работать не на чем, в 14:00 встреча с клиентом.',
      question:
        'Можете подойти с ноутбуком на 2 этаж в кабинет 2.08? Если вы удалённо — скажите, организуем замену.',
      answer: 'Подойду через 15 минут.',
      fix: 'Откатили проблемное обновление драйвера через среду восстановления, данные пользователя не пострадали. На время проверки выдавали подменный ноутбук.',
    },
    en: {
      title: 'Laptop does not boot after an update',
      description:
        'This morning my laptop installed updates and now it shows a blue screen on start-up and reboots. I cannot work and have a customer meeting at 2 pm.',
      question:
        'Can you bring the laptop to room 2.08 on the second floor? If you are remote, tell us and we will arrange a replacement.',
      answer: 'I will be there in 15 minutes.',
      fix: 'Rolled back the faulty driver update from the recovery environment; no user data was lost. A loaner laptop was issued while we checked it.',
    },
  },
  {
    id: 'laptop-keyboard',
    weight: 3,
    group: 'workplace',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Залила клавиатуру ноутбука, не работают клавиши',
      description:
        'Пролила чай на ноутбук, сразу выключила. Теперь не работают несколько клавиш (Ф, Ы, В) и тачпад.',
      question:
        'Ноутбук сейчас выключен? Не включайте его, пожалуйста, до осмотра — подскажите, где вы сидите?',
      answer: 'Выключен, сижу на 4 этаже у окна, место 4.21.',
      fix: 'Ноутбук передан в сервис по гарантии, пользователю выдан подменный с перенесёнными данными.',
    },
    en: {
      title: 'Spilled tea on the laptop, keys do not work',
      description:
        'I spilled tea on my laptop and switched it off right away. Now several keys and the touchpad do not respond.',
      question:
        'Is the laptop switched off now? Please keep it off until we look at it. Where do you sit?',
      answer: 'It is off. I sit on the 4th floor by the window, desk 4.21.',
      fix: "Sent the laptop for warranty repair and issued a replacement with the user's data moved over.",
    },
  },
  {
    id: 'second-monitor',
    weight: 4,
    group: 'workplace',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Не определяется второй монитор',
      description:
        'Второй монитор через док-станцию перестал показывать изображение, пишет «Нет сигнала». Кабель переподключала.',
      question: 'Какая у вас модель док-станции? Горит ли на ней индикатор питания?',
      answer: 'Dell WD19, индикатор горит белым.',
      fix: 'Обновили прошивку док-станции и драйвер DisplayLink, монитор определяется.',
    },
    en: {
      title: 'Second monitor not detected',
      description:
        'My second monitor on the docking station shows "No signal". I have reconnected the cable.',
      question: 'Which docking station model is it, and is its power light on?',
      answer: 'Dell WD19, the light is white.',
      fix: 'Updated the dock firmware and the DisplayLink driver; the monitor is detected again.',
    },
  },
  {
    id: 'wifi-meeting-room',
    weight: 6,
    group: 'network',
    impact: 'medium',
    urgency: 'medium',
    ru: {
      title: 'Не работает Wi-Fi в переговорной {room}',
      description:
        'В переговорной {room} ноутбуки видят сеть Corp, но не подключаются или сразу отваливаются. В коридоре всё работает. Через час там встреча с партнёрами.',
      question: 'Проблема у всех устройств или только у ноутбуков? Гостевая сеть подключается?',
      answer: 'У всех, гостевая тоже не работает.',
      fix: 'Точка доступа в переговорной зависла после обновления контроллера. Перезагрузили её и закрепили версию прошивки; сеть проверена с трёх устройств.',
    },
    en: {
      title: 'Wi-Fi not working in meeting room {room}',
      description:
        'In meeting room {room} laptops see the Corp network but fail to join or drop right away. In the corridor it works. We have a partner meeting there in an hour.',
      question: 'Is it all devices or only laptops? Does the guest network work?',
      answer: 'All devices, the guest network does not work either.',
      fix: 'The access point in the room hung after the controller upgrade. Rebooted it and pinned its firmware version; checked with three devices.',
    },
  },
  {
    id: 'video-conference',
    weight: 4,
    group: 'workplace',
    impact: 'medium',
    urgency: 'high',
    ru: {
      title: 'Не работает видеосвязь в переговорной {room}',
      description:
        'Комплект видеоконференцсвязи в переговорной {room} не видит камеру, собеседники нас не видят. Звук есть.',
      question: 'Подскажите, вы подключаетесь через панель в переговорной или со своего ноутбука?',
      answer: 'Через панель на столе.',
      fix: 'Отошёл USB-кабель камеры в кабель-канале стола. Переподключили и закрепили, провели тестовый звонок.',
    },
    en: {
      title: 'Video conferencing not working in {room}',
      description:
        'The video conferencing kit in {room} does not see the camera, the other side cannot see us. Audio works.',
      question: 'Do you join through the room panel or from your own laptop?',
      answer: 'Through the panel on the table.',
      fix: "The camera's USB cable had come loose in the table's cable tray. Reconnected and secured it, then made a test call.",
    },
  },
  {
    id: 'account-locked',
    weight: 9,
    group: 'service-desk',
    impact: 'low',
    urgency: 'high',
    ru: {
      title: 'Заблокирована учётная запись',
      description:
        'При входе в Windows пишет «Учётная запись заблокирована». Пароль меняла на прошлой неделе, вводила правильно.',
      question:
        'На телефоне у вас настроена корпоративная почта? Часто блокировку вызывает старый пароль в телефоне.',
      answer: 'Да, почта на телефоне есть, пароль там не меняла.',
      fix: 'Разблокировали учётную запись, старый пароль на мобильном устройстве заменён вместе с пользователем. Повторных блокировок нет.',
    },
    en: {
      title: 'Account locked out',
      description:
        'When I sign in to Windows it says "The referenced account is currently locked out". I changed my password last week and I am typing it correctly.',
      question:
        'Do you have company email on your phone? An old password saved on a phone is the usual cause.',
      answer: 'Yes, my phone still has the old password.',
      fix: 'Unlocked the account and updated the password on the mobile device together with the user. No new lock-outs since.',
    },
  },
  {
    id: 'password-expired',
    weight: 8,
    group: 'service-desk',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Истёк пароль, не могу войти удалённо',
      description:
        'Нахожусь в командировке, пароль истёк, а сменить его через VPN не получается — VPN не пускает со старым паролем.',
      question:
        'Для проверки личности назовите, пожалуйста, табельный номер и номер мобильного телефона из профиля.',
      answer: 'Табельный 10452, телефон заканчивается на 47.',
      fix: 'Личность подтверждена, выдан временный пароль с обязательной сменой при входе. Пароль сменён через портал самообслуживания.',
    },
    en: {
      title: 'Password expired, cannot sign in remotely',
      description:
        'I am travelling, my password has expired and I cannot change it over the VPN because the VPN does not accept the old one.',
      question:
        'To verify your identity, please tell us your employee number and the mobile number in your profile.',
      answer: 'Employee number 10452, the phone ends in 47.',
      fix: 'Identity verified, issued a temporary password that must be changed at sign-in. The user changed it through the self-service portal.',
    },
  },
  {
    id: 'sap-login',
    weight: 5,
    group: 'erp-support',
    impact: 'medium',
    urgency: 'high',
    ru: {
      title: 'SAP: не могу войти, ошибка авторизации',
      description:
        'При входе в SAP GUI (система PRD, мандант 100) получаю «Имя или пароль неверны». Пароль от SAP не меняла. Нужно срочно провести платёжки.',
      question: 'Под каким логином вы входите? Пробовали ли сбросить пароль SAP через портал?',
      answer:
        'Логин IVANOVA_E, через портал сброс не работает — пишет, что пользователь заблокирован.',
      fix: 'Пользователь был заблокирован после пяти неудачных попыток входа. Сняли блокировку в SU01, выдали начальный пароль.',
    },
    en: {
      title: 'SAP: cannot log in, authorization error',
      description:
        'Logging on to SAP GUI (system PRD, client 100) fails with "Name or password is incorrect". I have not changed my SAP password. I need to release payments today.',
      question:
        'Which user name do you log in with? Did you try resetting the SAP password on the portal?',
      answer: 'User SMITH_J. The portal reset says the user is locked.',
      fix: 'The user was locked after five failed log-ons. Unlocked it in SU01 and issued an initial password.',
    },
  },
  {
    id: 'sap-report-slow',
    weight: 3,
    group: 'erp-support',
    impact: 'medium',
    urgency: 'low',
    ru: {
      title: 'SAP: отчёт по дебиторке выполняется больше часа',
      description:
        'Отчёт ZFI_AR_AGING за квартал раньше строился за пару минут, теперь больше часа и часто падает по таймауту.',
      question: 'С какими параметрами вы запускаете отчёт? Можно скопировать вариант?',
      answer: 'Вариант Q3_ALL, все балансовые единицы.',
      fix: 'После обновления статистики на таблицах БД отчёт снова использует индекс. Время выполнения — около трёх минут; рекомендовали запускать в фоне.',
    },
    en: {
      title: 'SAP: receivables ageing report takes over an hour',
      description:
        'The quarterly ZFI_AR_AGING report used to take a couple of minutes, now it runs for over an hour and often times out.',
      question: 'Which selection do you run it with? Could you share the variant name?',
      answer: 'Variant Q3_ALL, all company codes.',
      fix: 'After refreshing database statistics the report uses the index again; it runs in about three minutes. Advised to run it in the background.',
    },
  },
  {
    id: 'jira-slow',
    weight: 4,
    group: 'service-desk',
    impact: 'medium',
    urgency: 'medium',
    ru: {
      title: 'Jira открывается очень медленно',
      description:
        'Доски в Jira грузятся по 30–40 секунд, иногда выдают ошибку 504. Мешает всей команде разработки на стендапах.',
      question: 'Тормозят все доски или какая-то конкретная? Пришлите ссылку на самую медленную.',
      answer: 'Сильнее всего доска проекта CRM, ссылку приложил.',
      fix: 'Фильтр доски CRM перебирал все проекты из-за ошибки в JQL. Исправили фильтр и перезапустили индексацию; доска открывается за 2 секунды.',
    },
    en: {
      title: 'Jira is very slow to open',
      description:
        'Jira boards take 30-40 seconds to load and sometimes return 504. It slows down the whole dev team at stand-ups.',
      question: 'Is it every board or a particular one? Please send a link to the slowest.',
      answer: 'The CRM project board is the worst, link attached.',
      fix: "The CRM board's filter scanned every project because of a JQL mistake. Fixed the filter and re-indexed; the board opens in 2 seconds.",
    },
  },
  {
    id: 'shared-drive',
    weight: 6,
    group: 'service-desk',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Нет доступа к сетевой папке {share}',
      description:
        'При открытии {share} пишет «Нет доступа. Обратитесь к администратору». Вчера открывалась, там отчёты отдела.',
      question: 'Вы недавно переходили в другой отдел или меняли должность?',
      answer: 'Да, с понедельника я в другом отделе.',
      fix: 'При переводе пользователя удалили из группы доступа старого отдела, а новую не добавили. Добавили в группу по согласованию с владельцем ресурса.',
    },
    en: {
      title: 'No access to network share {share}',
      description:
        'Opening {share} says "Access denied. Contact your administrator". It opened yesterday, our department reports are there.',
      question: 'Have you recently moved to another department or changed role?',
      answer: 'Yes, I moved teams on Monday.',
      fix: "The transfer removed the user from the old access group but did not add the new one. Added them with the data owner's approval.",
    },
  },
  {
    id: 'phishing',
    weight: 4,
    group: 'security',
    impact: 'medium',
    urgency: 'high',
    ru: {
      title: 'Подозрительное письмо с вложением',
      description:
        'Пришло письмо якобы от «Бухгалтерии» с архивом «Акт сверки.zip» и просьбой срочно открыть. Отправитель с внешнего домена. Архив не открывала.',
      question:
        'Спасибо, что сообщили! Перешлите, пожалуйста, письмо как вложение на security@ и не удаляйте его пока.',
      answer: 'Переслала.',
      fix: 'Письмо — фишинговая рассылка. Отправитель заблокирован на шлюзе, письма удалены из всех ящиков, индикаторы добавлены в антивирус.',
    },
    en: {
      title: 'Suspicious email with an attachment',
      description:
        'I got an email supposedly from "Accounts" with an archive "Reconciliation.zip" asking me to open it urgently. The sender is an external domain. I did not open it.',
      question:
        'Thanks for reporting! Please forward the email as an attachment to security@ and keep the original for now.',
      answer: 'Forwarded.',
      fix: 'Confirmed phishing campaign. Blocked the sender at the mail gateway, purged the message from all mailboxes and added the indicators to the endpoint protection.',
    },
  },
  {
    id: 'teams-audio',
    weight: 5,
    group: 'workplace',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Нет звука в Teams на звонках',
      description:
        'На звонках в Teams меня не слышат, хотя микрофон гарнитуры работает в других программах.',
      question:
        'Какое устройство выбрано в настройках звука Teams? Пробовали выбрать гарнитуру вручную?',
      answer: 'Стоит «По умолчанию», вручную выбрать не получается — список пустой.',
      fix: 'Сбросили кэш Teams и переустановили драйвер гарнитуры; устройство появилось в списке, тестовый звонок прошёл.',
    },
    en: {
      title: 'No audio in Teams calls',
      description:
        'In Teams calls nobody can hear me, although the headset microphone works in other apps.',
      question:
        'Which device is selected in the Teams audio settings? Can you pick the headset manually?',
      answer: 'It says "Default" and the list is empty.',
      fix: 'Cleared the Teams cache and reinstalled the headset driver; the device shows up and a test call worked.',
    },
  },
  {
    id: 'portal-500',
    weight: 3,
    group: 'service-desk',
    impact: 'high',
    urgency: 'medium',
    ru: {
      title: 'Корпоративный портал выдаёт ошибку 500',
      description:
        'При открытии раздела «Документы» на портале выходит «500 Internal Server Error». Главная страница открывается.',
      question: 'Ошибка у вас в любом браузере? Во сколько примерно появилась?',
      answer: 'В Chrome и Edge одинаково, примерно с 9:30.',
      fix: 'После ночного обновления портала закончилось место на диске сервера приложений. Очистили логи, настроили ротацию; раздел работает.',
    },
    en: {
      title: 'Intranet portal returns error 500',
      description:
        'Opening the "Documents" section of the intranet shows "500 Internal Server Error". The home page opens fine.',
      question: 'Does it happen in every browser? Roughly since when?',
      answer: 'Chrome and Edge both, since about 9:30.',
      fix: 'After the nightly portal update the application server ran out of disk space. Cleaned up the logs and set up rotation; the section works.',
    },
  },
  {
    id: 'mobile-mail',
    weight: 3,
    group: 'workplace',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Не синхронизируется почта на телефоне',
      description:
        'На корпоративном телефоне перестала обновляться почта в Outlook, последние письма от вчерашнего дня.',
      question: 'Телефон недавно меняли или обновляли? Приложение Authenticator на нём стоит?',
      answer: 'Обновила iOS на выходных.',
      fix: 'После обновления ОС слетела регистрация устройства в MDM. Переподключили телефон к MDM, почта синхронизируется.',
    },
    en: {
      title: 'Email not syncing on the phone',
      description:
        'Outlook on my company phone stopped updating, the newest email is from yesterday.',
      question: 'Did you replace or update the phone recently? Is the Authenticator app on it?',
      answer: 'I updated iOS over the weekend.',
      fix: "The OS update dropped the device's MDM enrolment. Re-enrolled it and mail syncs again.",
    },
  },
  {
    id: 'office-internet',
    weight: 4,
    group: 'network',
    impact: 'high',
    urgency: 'high',
    ru: {
      title: 'Медленный интернет в офисе на {floor} этаже',
      description:
        'На {floor} этаже у всех очень медленно открываются сайты и облачные сервисы, видеозвонки рассыпаются. Внутренние системы работают нормально.',
      question:
        'Можете запустить speedtest и прислать результат? Проводное подключение тоже тормозит?',
      answer: 'Скорость 3 Мбит/с, по проводу так же.',
      fix: 'Основной канал провайдера деградировал, трафик автоматически не переключился на резервный. Переключили вручную, с провайдером открыт инцидент; скорость в норме.',
    },
    en: {
      title: 'Slow internet in the office on floor {floor}',
      description:
        'On floor {floor} websites and cloud services are very slow for everyone, video calls break up. Internal systems are fine.',
      question: 'Could you run a speed test and send the result? Is a wired connection slow too?',
      answer: '3 Mbit/s, the same over cable.',
      fix: 'The primary ISP link degraded and traffic did not fail over. Switched to the backup link by hand and opened a ticket with the ISP; speed is back to normal.',
    },
  },
  {
    id: 'desk-phone',
    weight: 3,
    group: 'network',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Не работает стационарный телефон на рабочем месте',
      description: 'IP-телефон показывает «Регистрация…» и не звонит. Номер 2417, место {ws}.',
      question:
        'Телефон подключён в ту же розетку, что и раньше? Мебель или место не переставляли?',
      answer: 'Переставляли столы в пятницу.',
      fix: 'После перестановки телефон подключили в порт без голосового VLAN. Перенастроили порт коммутатора, телефон зарегистрировался.',
    },
    en: {
      title: 'Desk phone not working',
      description:
        'My IP phone shows "Registering…" and cannot make calls. Extension 2417, desk {ws}.',
      question: 'Is the phone plugged into the same wall socket as before? Were desks moved?',
      answer: 'Desks were moved on Friday.',
      fix: 'After the move the phone ended up on a switch port without the voice VLAN. Reconfigured the port; the phone registered.',
    },
  },
  {
    id: 'mfa-push',
    weight: 4,
    group: 'security',
    impact: 'low',
    urgency: 'high',
    ru: {
      title: 'Не приходят push-уведомления для входа (MFA)',
      description:
        'При входе в почту и VPN не приходит запрос в Authenticator, вход не проходит. Телефон новый, приложение перенесла со старого.',
      question: 'Старый телефон у вас ещё на руках? Нужно будет заново привязать приложение.',
      answer: 'Старый сдала, остался только новый.',
      fix: 'Сбросили регистрацию MFA после проверки личности по видеосвязи, пользователь заново привязал Authenticator на новом телефоне.',
    },
    en: {
      title: 'MFA push notifications not arriving',
      description:
        'When I sign in to email or the VPN, no prompt arrives in Authenticator, so I cannot get in. I have a new phone and moved the app over from the old one.',
      question: 'Do you still have the old phone? The app needs to be registered again.',
      answer: 'I handed the old one in, only the new one left.',
      fix: 'Reset the MFA registration after verifying the user over a video call; they registered Authenticator on the new phone.',
    },
  },
  {
    id: 'excel-macros',
    weight: 3,
    group: 'workplace',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Excel закрывается при запуске макроса',
      description:
        'Файл бюджета с макросами при нажатии кнопки «Пересчитать» закрывает Excel без ошибки. У коллеги на старом ноутбуке работает.',
      question: 'Пришлите, пожалуйста, файл или путь к нему на сетевом диске.',
      answer: 'Лежит в \\\\fs01\\finance\\budget\\2025_budget_v7.xlsm.',
      fix: 'Макрос использовал 32-битный компонент, не совместимый с 64-битным Office. Установили 32-битную версию Office по согласованию с пользователем.',
    },
    en: {
      title: 'Excel closes when running a macro',
      description:
        'The budget workbook with macros closes Excel without any error when I click "Recalculate". It works on a colleague\'s older laptop.',
      question: 'Please send the file or its path on the network drive.',
      answer: 'It is \\\\fs01\\finance\\budget\\2025_budget_v7.xlsm.',
      fix: 'The macro uses a 32-bit component that does not work with 64-bit Office. Installed 32-bit Office as agreed with the user.',
    },
  },
  {
    id: 'antivirus-block',
    weight: 2,
    group: 'security',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Антивирус удаляет файл выгрузки из банк-клиента',
      description:
        'При выгрузке платёжек из банк-клиента антивирус сразу помещает файл в карантин как «Trojan.Generic». Файл нужен для загрузки в 1С.',
      question: 'Подскажите точное имя файла и папку, куда идёт выгрузка.',
      answer: 'C:\\BankExport\\pay_export.exe — выгрузка создаёт исполняемый файл.',
      fix: 'Ложное срабатывание эвристики на самораспаковывающийся архив банка. Файл проверен в песочнице, добавлено исключение по хешу, обращение в поддержку антивируса отправлено.',
    },
    en: {
      title: 'Antivirus deletes the banking export file',
      description:
        'When I export payments from the bank client the antivirus immediately quarantines the file as "Trojan.Generic". I need the file to import into 1C.',
      question: 'What is the exact file name and the folder the export goes to?',
      answer: 'C:\\BankExport\\pay_export.exe, the export produces an executable.',
      fix: "False positive on the bank's self-extracting archive. Checked the file in the sandbox, added a hash exclusion and reported it to the antivirus vendor.",
    },
  },
  {
    id: 'monitoring-disk',
    weight: 3,
    group: 'dba',
    impact: 'high',
    urgency: 'high',
    monitoring: true,
    ru: {
      title: 'Мониторинг: на {host} свободно менее 10% диска /var/lib/postgresql',
      description:
        'Сработал триггер «Free disk space is less than 10% on volume /var/lib/postgresql» на {host}. Значение: 7,8%. Рост за сутки: 4%.',
      question: 'Коллеги из разработки, вы вчера запускали массовую загрузку данных?',
      answer: 'Да, вчера вечером грузили архив заказов за 2019 год.',
      fix: 'Место заняли WAL-файлы из-за отставшего слота репликации. Удалили неиспользуемый слот, диск освобождён до 41%, настроен алерт на отставание слотов.',
    },
    en: {
      title: 'Monitoring: less than 10% free on /var/lib/postgresql at {host}',
      description:
        'Trigger "Free disk space is less than 10% on volume /var/lib/postgresql" fired on {host}. Value: 7.8%. Growth in the last 24 h: 4%.',
      question: 'Dev team, did you run a bulk data load yesterday?',
      answer: 'Yes, we loaded the 2019 orders archive last night.',
      fix: 'WAL files piled up behind a stale replication slot. Dropped the unused slot, the volume is back to 41% used, and added an alert on slot lag.',
    },
  },
  {
    id: 'monitoring-replication',
    weight: 2,
    group: 'dba',
    impact: 'medium',
    urgency: 'high',
    monitoring: true,
    ru: {
      title: 'Мониторинг: отставание реплики {host} больше 5 минут',
      description:
        'Сработал триггер «Replication lag > 300 s» на {host}. Отчёты, которые читают с реплики, показывают устаревшие данные.',
      question:
        'Аналитики, на реплике сейчас запущены тяжёлые запросы? Подскажите, пожалуйста, какие.',
      answer: 'Запускали пересчёт витрины продаж, сейчас остановили.',
      fix: 'Долгий аналитический запрос на реплике блокировал применение WAL. Запрос отменён, для реплики включён hot_standby_feedback и ограничено время запросов.',
    },
    en: {
      title: 'Monitoring: replica {host} lagging more than 5 minutes',
      description:
        'Trigger "Replication lag > 300 s" fired on {host}. Reports reading from the replica show stale data.',
      question: 'Analytics team, are heavy queries running on the replica right now? Which ones?',
      answer: 'We were rebuilding the sales mart; stopped it now.',
      fix: 'A long analytical query on the replica held back WAL replay. Cancelled it, enabled hot_standby_feedback and capped statement time on the replica.',
    },
  },
];

/** Values for the placeholders of the texts, by language. */
export const PLACEHOLDERS: Readonly<
  Record<string, { ru: readonly string[]; en: readonly string[] }>
> = {
  room: {
    ru: ['«Байкал»', '«Ладога»', '«Эльбрус»', '«Онега»', '3.14', '5.02'],
    en: ['Baikal', 'Ladoga', 'Elbrus', 'Onega', '3.14', '5.02'],
  },
  floor: { ru: ['2', '3', '4', '5'], en: ['2', '3', '4', '5'] },
  printer: {
    ru: ['PRN-2-01', 'PRN-3-05', 'PRN-4-02', 'MFU-5-01'],
    en: ['PRN-2-01', 'PRN-3-05', 'PRN-4-02', 'MFU-5-01'],
  },
  share: {
    ru: ['\\\\fs01\\finance', '\\\\fs01\\sales\\reports', '\\\\fs02\\hr', '\\\\fs01\\logistics'],
    en: ['\\\\fs01\\finance', '\\\\fs01\\sales\\reports', '\\\\fs02\\hr', '\\\\fs01\\logistics'],
  },
  mailbox: {
    ru: ['sales@', 'info@', 'zakupki@', 'hr@'],
    en: ['sales@', 'info@', 'procurement@', 'hr@'],
  },
  ws: {
    ru: ['WS-0312', 'WS-0423', 'WS-0518', 'WS-0207', 'WS-0455'],
    en: ['WS-0312', 'WS-0423', 'WS-0518', 'WS-0207', 'WS-0455'],
  },
  host: {
    ru: ['srv-db-01', 'srv-db-02', 'srv-1c-sql-01'],
    en: ['srv-db-01', 'srv-db-02', 'srv-1c-sql-01'],
  },
};
