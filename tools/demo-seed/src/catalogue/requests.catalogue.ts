import type { Level } from '../gateway-api';
import type { AssignmentGroupId } from './people.catalogue';

/** One kind of service request. Placeholders as in incidents.catalogue.ts. */
export interface RequestText {
  title: string;
  description: string;
  /** What the agent needs from the requester (often a manager's approval). */
  question: string;
  answer: string;
  /** How it was fulfilled: the resolution notes and the closing reply. */
  fix: string;
  /** Why it was refused, when it is. */
  rejection: string;
}

export interface RequestTemplate {
  id: string;
  weight: number;
  group: AssignmentGroupId;
  impact: Level;
  urgency: Level;
  ru: RequestText;
  en: RequestText;
}

export const REQUEST_TEMPLATES: readonly RequestTemplate[] = [
  {
    id: 'new-hire-laptop',
    weight: 8,
    group: 'workplace',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Ноутбук и рабочее место для нового сотрудника',
      description:
        'В понедельник выходит новый менеджер по продажам. Нужен ноутбук со стандартным набором ПО, гарнитура и док-станция. Место {ws}.',
      question:
        'Подскажите ФИО и табельный номер сотрудника — нужно для выдачи оборудования под подпись.',
      answer: 'Петров Алексей Сергеевич, табельный 10877.',
      fix: 'Ноутбук подготовлен по стандартному образу, гарнитура и док-станция установлены на место {ws}. Акт выдачи подписан.',
      rejection:
        'Для нового сотрудника не создана заявка на приём от HR — без неё оборудование не выдаём.',
    },
    en: {
      title: 'Laptop and desk set-up for a new hire',
      description:
        'A new sales manager starts on Monday. Please prepare a laptop with the standard software, a headset and a docking station at desk {ws}.',
      question:
        "What is the new employee's full name and employee number? We need it for the hand-over form.",
      answer: 'Alex Petrov, employee number 10877.',
      fix: 'Laptop prepared from the standard image, headset and dock installed at desk {ws}. Hand-over form signed.',
      rejection:
        'There is no onboarding request from HR for this person yet; we only issue equipment against one.',
    },
  },
  {
    id: '1c-access',
    weight: 8,
    group: 'erp-support',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Доступ к 1С: Бухгалтерия',
      description:
        'Прошу предоставить доступ к базе 1С: Бухгалтерия (ООО «Альфа») с правами на чтение для нового сотрудника отдела.',
      question:
        'Нужно согласование руководителя отдела — перешлите, пожалуйста, его подтверждение ответом на эту заявку.',
      answer: 'Согласование от Смирновой О.В. пересылаю.',
      fix: 'Пользователь добавлен в базу с ролью «Только просмотр», ярлык опубликован на рабочем столе. Доступ проверен.',
      rejection:
        'Руководитель отдела не согласовал доступ: сотруднику достаточно отчётов на портале.',
    },
    en: {
      title: 'Access to 1C Accounting',
      description:
        'Please grant read-only access to the 1C Accounting base (Alfa LLC) for a new member of our team.',
      question:
        'We need your head of department to approve — please forward their confirmation in reply to this request.',
      answer: 'Forwarding the approval from Olga Smirnova.',
      fix: 'User added to the base with the "Read only" role and the shortcut published. Access verified.',
      rejection:
        'The head of department did not approve the access: the reports on the portal are enough for this role.',
    },
  },
  {
    id: 'sap-role',
    weight: 5,
    group: 'erp-support',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'SAP: добавить роль для проведения платежей',
      description:
        'Прошу добавить мне роль Z_FI_PAYMENT_RUN в системе PRD. С первого числа я замещаю казначея на время отпуска.',
      question:
        'Роль критичная, нужно согласование финансового директора и отдела безопасности. Приложите, пожалуйста, служебную записку.',
      answer: 'Служебную записку с подписью финдиректора приложил.',
      fix: 'Роль Z_FI_PAYMENT_RUN выдана на срок замещения с автоматическим отзывом по окончании. Конфликт полномочий проверен в GRC.',
      rejection:
        'Роль конфликтует с уже выданной ролью создания поставщиков (SoD). Согласуйте, пожалуйста, временный отзыв одной из ролей.',
    },
    en: {
      title: 'SAP: add the payment run role',
      description:
        'Please add role Z_FI_PAYMENT_RUN for me in PRD. From the 1st I cover for the treasurer during their holiday.',
      question:
        "This is a critical role; it needs the CFO's and security's approval. Please attach the signed memo.",
      answer: 'Signed memo from the CFO attached.',
      fix: 'Role Z_FI_PAYMENT_RUN granted for the cover period with automatic removal at the end. Segregation of duties checked in GRC.',
      rejection:
        'The role conflicts with the vendor-creation role you already hold (SoD). Please agree which one to suspend meanwhile.',
    },
  },
  {
    id: 'jira-project',
    weight: 4,
    group: 'service-desk',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Создать проект в Jira для команды маркетинга',
      description:
        'Нужен проект в Jira с канбан-доской для команды маркетинга (6 человек), ключ MKT. Список участников приложу.',
      question: 'Пришлите, пожалуйста, список участников и кто будет администратором проекта.',
      answer: 'Список во вложении, администратор — я.',
      fix: 'Проект MKT создан по шаблону «Kanban», участники добавлены, заявитель назначен администратором проекта.',
      rejection:
        'Для маркетинга уже есть проект MARK — предлагаем добавить в него отдельную доску.',
    },
    en: {
      title: 'Create a Jira project for the marketing team',
      description:
        'We need a Jira project with a Kanban board for the marketing team (6 people), key MKT. I will send the member list.',
      question: 'Please send the member list and who should administer the project.',
      answer: 'List attached, I will be the admin.',
      fix: 'Project MKT created from the Kanban template, members added, the requester is project admin.',
      rejection:
        'Marketing already has project MARK; we suggest adding a separate board there instead.',
    },
  },
  {
    id: 'share-access',
    weight: 7,
    group: 'service-desk',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Доступ к папке {share}',
      description:
        'Прошу дать доступ на чтение и запись к папке {share} — буду готовить там квартальные отчёты.',
      question:
        'Доступ выдаётся с согласия владельца папки. Уточните, пожалуйста, кто ваш руководитель — отправим ему запрос.',
      answer: 'Руководитель — Кузнецов Д.А.',
      fix: 'Пользователь добавлен в группу доступа папки {share} (чтение и запись) с согласия владельца. Доступ появится после повторного входа в систему.',
      rejection:
        'Владелец папки отказал в доступе на запись; на чтение доступ можно запросить отдельно.',
    },
    en: {
      title: 'Access to folder {share}',
      description:
        'Please give me read and write access to {share}; I will prepare the quarterly reports there.',
      question:
        "Access needs the folder owner's consent. Who is your line manager? We will send them the request.",
      answer: 'My manager is Dmitry Kuznetsov.',
      fix: "Added the user to the access group of {share} (read and write) with the owner's consent. Access applies after signing in again.",
      rejection: 'The folder owner declined write access; read access can be requested separately.',
    },
  },
  {
    id: 'vpn-access',
    weight: 5,
    group: 'network',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Предоставить удалённый доступ (VPN)',
      description:
        'Прошу выдать доступ к VPN: согласован гибридный график, два дня в неделю работаю из дома.',
      question: 'Приложите, пожалуйста, согласование руководителя на удалённую работу.',
      answer: 'Согласование приложила.',
      fix: 'Пользователь добавлен в группу VPN-Users, выдан сертификат, инструкция по настройке FortiClient отправлена на почту.',
      rejection: 'Удалённая работа для вашей должности не согласована отделом кадров.',
    },
    en: {
      title: 'Remote access (VPN) for hybrid work',
      description:
        'Please grant VPN access: I have an agreed hybrid schedule and work from home two days a week.',
      question: "Please attach your manager's approval for remote work.",
      answer: 'Approval attached.',
      fix: 'Added the user to VPN-Users, issued a certificate and emailed the FortiClient set-up guide.',
      rejection: 'HR has not approved remote work for this position.',
    },
  },
  {
    id: 'install-software',
    weight: 7,
    group: 'workplace',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Установить Microsoft Visio',
      description:
        'Для работы со схемами бизнес-процессов нужен Microsoft Visio на мой ноутбук {ws}.',
      question:
        'Свободных лицензий Visio сейчас нет — подойдёт ли вам веб-версия draw.io, или оформляем закупку лицензии?',
      answer: 'Нужен именно Visio, схемы приходят от аудиторов в формате vsdx.',
      fix: 'Лицензия Visio выделена из пула, программа установлена через Software Center, активация проверена.',
      rejection:
        'Закупка лицензии не согласована бюджетом отдела; для просмотра vsdx установлен бесплатный Visio Viewer.',
    },
    en: {
      title: 'Install Microsoft Visio',
      description: 'I need Microsoft Visio on my laptop {ws} to work on business process diagrams.',
      question:
        'There are no free Visio licences right now. Would draw.io on the web do, or shall we order a licence?',
      answer: 'It has to be Visio, the auditors send diagrams as vsdx.',
      fix: 'Assigned a Visio licence from the pool, installed it via Software Center and checked the activation.',
      rejection:
        'The department budget did not approve a new licence; installed the free Visio Viewer to open vsdx files.',
    },
  },
  {
    id: 'power-bi',
    weight: 4,
    group: 'erp-support',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Доступ к отчёту Power BI «Продажи по регионам»',
      description:
        'Прошу доступ к отчёту Power BI «Продажи по регионам» для планирования бюджета на следующий квартал.',
      question: 'Отчёт содержит данные по выручке — нужно подтверждение руководителя продаж.',
      answer: 'Переслал подтверждение от директора по продажам.',
      fix: 'Пользователь добавлен в рабочую область «Sales Analytics» с ролью «Читатель». Ссылка на отчёт отправлена.',
      rejection:
        'Директор по продажам согласовал только агрегированный отчёт без детализации по клиентам; доступ к нему выдан отдельной заявкой.',
    },
    en: {
      title: 'Access to the Power BI report "Sales by region"',
      description:
        'Please give me access to the Power BI report "Sales by region" for next quarter\'s budget planning.',
      question: "The report shows revenue, so we need the sales director's confirmation.",
      answer: 'Forwarded the confirmation from the sales director.',
      fix: 'Added the user to the "Sales Analytics" workspace as a Viewer and sent the report link.',
      rejection:
        'The sales director only approved the aggregated report without customer detail; access to that one is handled separately.',
    },
  },
  {
    id: 'onboarding-account',
    weight: 6,
    group: 'service-desk',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Учётная запись и почта для нового сотрудника',
      description:
        'С 1 числа выходит новый бухгалтер. Нужны учётная запись, почта, доступ к 1С и к папке отдела. Приказ о приёме во вложении.',
      question:
        'Уточните, пожалуйста, должность по штатному расписанию — от неё зависит набор ролей.',
      answer: 'Бухгалтер по расчётам с поставщиками.',
      fix: 'Создана учётная запись, почтовый ящик и доступы по профилю должности. Данные для первого входа переданы руководителю в конверте.',
      rejection:
        'Приказ о приёме не найден в кадровой системе; заявка будет создана автоматически после его регистрации.',
    },
    en: {
      title: 'Account and mailbox for a new employee',
      description:
        'A new accountant starts on the 1st. They need an account, a mailbox, 1C access and access to the department folder. Hiring order attached.',
      question: 'What is the job title in the staffing table? The set of roles depends on it.',
      answer: 'Accounts payable accountant.',
      fix: 'Created the account, mailbox and the role-based access for the position. First sign-in details handed to the manager in a sealed envelope.',
      rejection:
        'The hiring order is not in the HR system yet; the request will be raised automatically once it is registered.',
    },
  },
  {
    id: 'offboarding',
    weight: 4,
    group: 'security',
    impact: 'medium',
    urgency: 'medium',
    ru: {
      title: 'Заблокировать учётные записи увольняющегося сотрудника',
      description:
        'Сотрудник отдела логистики увольняется в пятницу. Прошу заблокировать доступы в 18:00 и передать почтовый ящик руководителю.',
      question: 'Подтвердите, пожалуйста, кому передать доступ к ящику и файлам сотрудника.',
      answer: 'Руководителю отдела, Волкову И.П.',
      fix: 'Учётные записи AD, VPN, 1С и SAP заблокированы в 18:00, ящик переведён в общий с доступом руководителя, ноутбук принят по акту.',
      rejection: 'Увольнение перенесено, заявка не актуальна.',
    },
    en: {
      title: 'Disable accounts of a leaving employee',
      description:
        'A logistics employee leaves on Friday. Please disable their access at 6 pm and give their mailbox to the line manager.',
      question: 'Please confirm who should get access to the mailbox and files.',
      answer: 'The head of department, Igor Volkov.',
      fix: "AD, VPN, 1C and SAP accounts disabled at 6 pm, the mailbox converted to shared with the manager's access, laptop returned against signature.",
      rejection: 'The leaving date was postponed; this request is no longer needed.',
    },
  },
  {
    id: 'dock-monitor',
    weight: 5,
    group: 'workplace',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Второй монитор и док-станция',
      description:
        'Прошу выдать второй монитор и док-станцию — работаю с большими таблицами, одного экрана не хватает.',
      question: 'Какой у вас ноутбук? Подберём совместимую док-станцию.',
      answer: 'Lenovo ThinkPad T14 gen 3.',
      fix: 'Выданы монитор 27" и док-станция ThinkPad USB-C, установлены на рабочем месте {ws}.',
      rejection:
        'Мониторы 27" закончились, поставка ожидается в следующем квартале; заявка будет создана заново после поставки.',
    },
    en: {
      title: 'Second monitor and docking station',
      description:
        'Please provide a second monitor and a docking station; I work with large spreadsheets and one screen is not enough.',
      question: 'Which laptop do you have? We will pick a compatible dock.',
      answer: 'Lenovo ThinkPad T14 gen 3.',
      fix: 'Issued a 27" monitor and a ThinkPad USB-C dock, installed at desk {ws}.',
      rejection:
        '27" monitors are out of stock until next quarter; please raise the request again after the delivery.',
    },
  },
  {
    id: 'headset',
    weight: 5,
    group: 'workplace',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Замена гарнитуры',
      description: 'Сломалось крепление на гарнитуре, микрофон отваливается. Прошу заменить.',
      question: 'Можете занести старую гарнитуру в кабинет 2.08? Выдадим новую сразу.',
      answer: 'Занесу после обеда.',
      fix: 'Выдана новая гарнитура Jabra Evolve2 40, старая списана.',
      rejection: 'Гарнитура на гарантии — передана в сервис, замену выдадим после ремонта.',
    },
    en: {
      title: 'Replace a headset',
      description:
        'The headband of my headset broke and the microphone keeps falling off. Please replace it.',
      question: 'Could you drop the old headset in room 2.08? You will get a new one on the spot.',
      answer: 'I will drop by after lunch.',
      fix: 'Issued a new Jabra Evolve2 40 headset; the old one written off.',
      rejection:
        'The headset is under warranty; it went for repair and will be returned afterwards.',
    },
  },
  {
    id: 'guest-wifi',
    weight: 3,
    group: 'network',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Гостевой Wi-Fi для участников семинара',
      description:
        'В четверг в переговорной {room} семинар для 25 партнёров. Нужен гостевой доступ к Wi-Fi на весь день.',
      question: 'Во сколько начало и окончание семинара? Сделаем ваучеры на это время.',
      answer: 'С 10:00 до 18:00.',
      fix: 'Созданы 30 ваучеров гостевой сети на четверг 9:30–18:30, распечатаны и переданы организатору.',
      rejection: 'Семинар перенесён в арендуемый зал, доступ не требуется.',
    },
    en: {
      title: 'Guest Wi-Fi for seminar attendees',
      description:
        'On Thursday we host a seminar for 25 partners in {room}. We need guest Wi-Fi access for the whole day.',
      question: 'What time does it start and end? We will create vouchers for that window.',
      answer: 'From 10 am to 6 pm.',
      fix: 'Created 30 guest vouchers valid on Thursday 9:30 am-6:30 pm, printed and handed to the organiser.',
      rejection: 'The seminar moved to a rented venue; no access is needed.',
    },
  },
  {
    id: 'mailbox-quota',
    weight: 4,
    group: 'service-desk',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Увеличить размер почтового ящика',
      description:
        'Outlook пишет, что ящик почти заполнен (49 из 50 ГБ). Удалять переписку с клиентами нельзя.',
      question:
        'Предлагаем включить онлайн-архив: старые письма переедут туда автоматически. Подходит?',
      answer: 'Да, подходит.',
      fix: 'Включён онлайн-архив с политикой переноса писем старше двух лет. Занято 18 ГБ из 50.',
      rejection: 'Квота уже максимальная для вашего типа лицензии; предлагаем архивирование.',
    },
    en: {
      title: 'Increase mailbox size',
      description:
        'Outlook says my mailbox is almost full (49 of 50 GB). I cannot delete customer correspondence.',
      question:
        'We suggest enabling the online archive; older mail moves there automatically. Is that fine?',
      answer: 'Yes, that works.',
      fix: 'Enabled the online archive with a policy moving mail older than two years. 18 of 50 GB used now.',
      rejection: 'The quota is already the maximum for your licence type; archiving is the option.',
    },
  },
  {
    id: 'corporate-phone',
    weight: 3,
    group: 'workplace',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Корпоративный телефон и SIM-карта',
      description:
        'Перевели на должность с разъездным характером работы, прошу выдать корпоративный смартфон и SIM-карту.',
      question: 'Нужно согласование руководителя и лимит на связь. Укажите, пожалуйста, лимит.',
      answer: 'Лимит 1500 ₽ в месяц, согласование приложил.',
      fix: 'Выдан смартфон, зарегистрирован в MDM, SIM-карта с тарифом на 1500 ₽ активирована.',
      rejection:
        'Должность не входит в перечень для выдачи корпоративной связи; компенсация — по заявлению в бухгалтерию.',
    },
    en: {
      title: 'Company phone and SIM card',
      description:
        'I moved to a role with a lot of travel; please issue a company smartphone and a SIM card.',
      question: "We need your manager's approval and a monthly limit. What limit was agreed?",
      answer: 'A monthly limit of 20 EUR, approval attached.',
      fix: 'Issued a smartphone enrolled in MDM and activated a SIM card on the agreed plan.',
      rejection:
        'The position is not on the list for company phones; expenses are reimbursed through accounting.',
    },
  },
  {
    id: 'restore-file',
    weight: 4,
    group: 'service-desk',
    impact: 'low',
    urgency: 'high',
    ru: {
      title: 'Восстановить удалённый файл из резервной копии',
      description:
        'Случайно удалила файл {share}\\План_закупок_2025.xlsx, в корзине его нет. Последняя правка была вчера около 17:00.',
      question: 'Подойдёт версия на вчерашние 20:00 (ночная копия)?',
      answer: 'Да, подойдёт.',
      fix: 'Файл восстановлен из ночной резервной копии в исходную папку с пометкой _restored.',
      rejection: 'Файл старше срока хранения резервных копий (90 дней), восстановить невозможно.',
    },
    en: {
      title: 'Restore a deleted file from backup',
      description:
        'I accidentally deleted {share}\\Procurement_plan_2025.xlsx and it is not in the recycle bin. The last edit was yesterday around 5 pm.',
      question: "Will yesterday's 8 pm version (the nightly backup) do?",
      answer: 'Yes, that is fine.',
      fix: 'Restored the file from the nightly backup to its folder with a _restored suffix.',
      rejection: 'The file is older than the backup retention (90 days) and cannot be restored.',
    },
  },
  {
    id: 'db-read-access',
    weight: 3,
    group: 'dba',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Доступ на чтение к реплике базы заказов',
      description:
        'Для аналитики продаж нужен доступ на чтение к реплике базы заказов (ci-db-02) через DBeaver.',
      question: 'Доступ выдаём только к реплике и только к схеме reporting. Этого достаточно?',
      answer: 'Да, достаточно.',
      fix: 'Создана персональная роль с правами SELECT на схему reporting на реплике ci-db-02, параметры подключения отправлены.',
      rejection:
        'Данные заказов содержат персональные данные; доступ возможен только к обезличенной витрине в Power BI.',
    },
    en: {
      title: 'Read access to the orders database replica',
      description:
        'For sales analytics I need read access to the orders database replica (ci-db-02) through DBeaver.',
      question: 'We grant access to the replica and the reporting schema only. Is that enough?',
      answer: 'Yes, that is enough.',
      fix: 'Created a personal role with SELECT on the reporting schema of replica ci-db-02 and sent the connection details.',
      rejection:
        'The orders data holds personal data; access is only possible to the anonymised Power BI mart.',
    },
  },
  {
    id: 'password-reset-1c',
    weight: 5,
    group: 'erp-support',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Сбросить пароль в 1С: Зарплата и управление персоналом',
      description: 'Не помню пароль от базы ЗУП после отпуска. Прошу сбросить.',
      question: 'Подтвердите, пожалуйста, ваш логин в 1С — он указан в окне входа.',
      answer: 'Логин — Соколова М.',
      fix: 'Пароль сброшен, при первом входе 1С попросит задать новый. Пользователь вошёл успешно.',
      rejection:
        'Учётная запись в ЗУП отключена по заявке отдела кадров; обратитесь к руководителю.',
    },
    en: {
      title: 'Reset my password in 1C Payroll',
      description:
        'I do not remember my password for the 1C Payroll base after my holiday. Please reset it.',
      question: 'Please confirm your 1C user name, as shown in the sign-in window.',
      answer: 'User name: Sokolova M.',
      fix: 'Password reset; 1C asks for a new one at first sign-in. The user signed in successfully.',
      rejection: "The Payroll account was disabled at HR's request; please talk to your manager.",
    },
  },
  {
    id: 'distribution-list',
    weight: 3,
    group: 'service-desk',
    impact: 'low',
    urgency: 'low',
    ru: {
      title: 'Создать список рассылки для проектной команды',
      description:
        'Нужен адрес рассылки project-phoenix@ для 12 участников проекта, включая двух внешних подрядчиков.',
      question: 'Внешним адресатам можно отправлять письма на этот список, или только внутренним?',
      answer: 'Только внутренним, подрядчики должны получать письма, но не писать.',
      fix: 'Создан список рассылки project-phoenix@ с 12 участниками, отправка разрешена только сотрудникам компании.',
      rejection:
        'Добавление внешних адресов в рассылки запрещено политикой ИБ; используйте общий канал в Teams.',
    },
    en: {
      title: 'Create a distribution list for the project team',
      description:
        'We need a list project-phoenix@ for 12 project members, including two external contractors.',
      question: 'May external senders post to the list, or internal ones only?',
      answer: 'Internal only; the contractors should receive but not send.',
      fix: 'Created distribution list project-phoenix@ with 12 members; only employees may send to it.',
      rejection:
        'Security policy does not allow external addresses in distribution lists; please use a shared Teams channel.',
    },
  },
  {
    id: 'printer-cartridge',
    weight: 4,
    group: 'workplace',
    impact: 'low',
    urgency: 'medium',
    ru: {
      title: 'Закончился картридж в {printer}',
      description:
        'Принтер {printer} на {floor} этаже печатает бледными полосами и пишет «Тонер заканчивается». Прошу заменить картридж.',
      question: 'Подскажите, какой цвет заканчивается — на экране МФУ видно уровень тонера?',
      answer: 'Чёрный, осталось около 3%.',
      fix: 'Картридж в {printer} заменён, пробная страница напечатана без полос.',
      rejection:
        'Картриджи для {printer} сняты с поставки — принтер заменят по плану обновления в этом месяце.',
    },
    en: {
      title: 'Cartridge empty in {printer}',
      description:
        'Printer {printer} on floor {floor} prints faint stripes and says "Toner low". Please replace the cartridge.',
      question: 'Which colour is running out? The level is shown on the device screen.',
      answer: 'Black, about 3% left.',
      fix: 'Replaced the cartridge in {printer}; the test page prints without stripes.',
      rejection:
        'Cartridges for {printer} are no longer supplied; the printer is replaced under this month’s refresh plan.',
    },
  },
];
