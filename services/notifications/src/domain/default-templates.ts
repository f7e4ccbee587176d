import { type Locale } from './locale';
import { type NotificationTemplate, type TemplateVariable } from './template';

// The templates a platform starts with. Text and HTML bodies are built from the same blocks so
// that the two parts of a message never say different things.

type Block =
  | { kind: 'paragraph'; text: string; when?: TemplateVariable }
  | { kind: 'facts'; rows: readonly Fact[] }
  | { kind: 'section'; label: string; value: TemplateVariable }
  | { kind: 'comment'; byline: string }
  | { kind: 'link'; label: string; url: TemplateVariable }
  | { kind: 'note'; text: string };

interface Fact {
  label: string;
  value: TemplateVariable;
  /** Left out when the value is empty, rather than shown as a label with nothing after it. */
  optional?: boolean;
}

interface Content {
  subject: string;
  heading: string;
  blocks: readonly Block[];
}

const STYLE = {
  body: 'margin:0;padding:16px 0;background-color:#f4f5f7;',
  card: 'max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;',
  heading: 'margin:0 0 16px;font-size:20px;line-height:1.3;color:#1f2328;',
  subheading: 'margin:0 0 8px;font-size:16px;line-height:1.5;color:#1f2328;',
  paragraph: 'margin:0 0 16px;',
  table: 'border-collapse:collapse;margin:0 0 16px;',
  label:
    'padding:4px 16px 4px 0;text-align:left;vertical-align:top;font-weight:bold;color:#424a53;',
  value: 'padding:4px 0;vertical-align:top;',
  byline: 'margin:0 0 8px;font-weight:bold;',
  quote:
    'margin:0 0 16px;padding:12px 16px;border-left:4px solid #8c959f;background-color:#f6f8fa;color:#1f2328;',
  button:
    'display:inline-block;padding:12px 20px;background-color:#0b57d0;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;',
  note: 'margin:24px 0 0;padding-top:16px;border-top:1px solid #d0d7de;font-size:13px;color:#57606a;',
} as const;

const GREETING: Record<Locale, string> = {
  ru: '{{#if recipient.name}}Здравствуйте, {{recipient.name}}!{{else}}Здравствуйте!{{/if}}',
  en: '{{#if recipient.name}}Hello {{recipient.name}},{{else}}Hello,{{/if}}',
};

const SIGNATURE: Record<Locale, string> = {
  ru: 'С уважением,\nСлужба поддержки',
  en: 'Kind regards,\nService desk',
};

const AUTOMATIC: Record<Locale, string> = {
  ru: 'Это письмо отправлено автоматически.',
  en: 'This is an automatic notification.',
};

/** Requesters and watchers may answer by email; their reply becomes a comment on the ticket. */
const REPLY_BY_EMAIL: Record<Locale, string> = {
  ru: `${AUTOMATIC.ru} Отвечая на него, пожалуйста, не меняйте тему — так Ваш ответ попадёт в нужное обращение.`,
  en: `${AUTOMATIC.en} When replying, please keep the subject unchanged so that your reply reaches the right ticket.`,
};

/** Agents answer in the application, where they choose between a public reply and a note. */
const ANSWER_IN_APP: Record<Locale, string> = {
  ru: `${AUTOMATIC.ru} Отвечайте, пожалуйста, в карточке обращения.`,
  en: `${AUTOMATIC.en} Please respond from the ticket itself.`,
};

const OPEN_TICKET: Record<Locale, Block> = {
  ru: { kind: 'link', label: 'Открыть обращение', url: 'ticket.url' },
  en: { kind: 'link', label: 'Open the ticket', url: 'ticket.url' },
};

const TICKET_FACTS: Record<Locale, Block> = {
  ru: {
    kind: 'facts',
    rows: [
      { label: 'Номер', value: 'ticket.number' },
      { label: 'Тема', value: 'ticket.title' },
      { label: 'Тип', value: 'ticket.type', optional: true },
      { label: 'Приоритет', value: 'ticket.priority', optional: true },
      { label: 'Статус', value: 'ticket.status', optional: true },
    ],
  },
  en: {
    kind: 'facts',
    rows: [
      { label: 'Number', value: 'ticket.number' },
      { label: 'Title', value: 'ticket.title' },
      { label: 'Type', value: 'ticket.type', optional: true },
      { label: 'Priority', value: 'ticket.priority', optional: true },
      { label: 'Status', value: 'ticket.status', optional: true },
    ],
  },
};

const SLA_FACTS: Record<Locale, Block> = {
  ru: {
    kind: 'facts',
    rows: [
      { label: 'Показатель', value: 'sla.target', optional: true },
      { label: 'Срок', value: 'sla.dueAt', optional: true },
      { label: 'Израсходовано времени', value: 'sla.threshold', optional: true },
      { label: 'Приоритет', value: 'ticket.priority', optional: true },
      { label: 'Статус', value: 'ticket.status', optional: true },
    ],
  },
  en: {
    kind: 'facts',
    rows: [
      { label: 'Target', value: 'sla.target', optional: true },
      { label: 'Due', value: 'sla.dueAt', optional: true },
      { label: 'Time used', value: 'sla.threshold', optional: true },
      { label: 'Priority', value: 'ticket.priority', optional: true },
      { label: 'Status', value: 'ticket.status', optional: true },
    ],
  },
};

const greeting = (locale: Locale): Block => ({ kind: 'paragraph', text: GREETING[locale] });
const signature = (locale: Locale): Block => ({ kind: 'paragraph', text: SIGNATURE[locale] });

const CONTENT: Record<string, Record<Locale, Content>> = {
  'ticket-created-requester': {
    ru: {
      subject: '[{{ticket.number}}] Ваше обращение зарегистрировано: {{ticket.title}}',
      heading: 'Ваше обращение {{ticket.number}} зарегистрировано',
      blocks: [
        greeting('ru'),
        {
          kind: 'paragraph',
          text: 'Ваше обращение «{{ticket.title}}» зарегистрировано под номером {{ticket.number}}. Специалист службы поддержки рассмотрит его в ближайшее время, а мы будем сообщать Вам о ходе работы.',
        },
        { kind: 'section', label: 'Описание', value: 'ticket.description' },
        { kind: 'link', label: 'Посмотреть обращение', url: 'ticket.url' },
        {
          kind: 'paragraph',
          text: 'Если Вы хотите что-то добавить, просто ответьте на это письмо.',
        },
        signature('ru'),
        { kind: 'note', text: REPLY_BY_EMAIL.ru },
      ],
    },
    en: {
      subject: '[{{ticket.number}}] We have received your request: {{ticket.title}}',
      heading: 'Your request {{ticket.number}} has been logged',
      blocks: [
        greeting('en'),
        {
          kind: 'paragraph',
          text: 'Your request "{{ticket.title}}" has been logged as {{ticket.number}}. A member of our service desk will look into it shortly, and we will keep you informed of the progress.',
        },
        { kind: 'section', label: 'Description', value: 'ticket.description' },
        { kind: 'link', label: 'View your request', url: 'ticket.url' },
        {
          kind: 'paragraph',
          text: 'If you would like to add anything, simply reply to this email.',
        },
        signature('en'),
        { kind: 'note', text: REPLY_BY_EMAIL.en },
      ],
    },
  },
  'ticket-replied-requester': {
    ru: {
      subject: '[{{ticket.number}}] Новый ответ по обращению: {{ticket.title}}',
      heading: 'Новый ответ по обращению {{ticket.number}}',
      blocks: [
        greeting('ru'),
        {
          kind: 'paragraph',
          text: 'По обращению {{ticket.number}} «{{ticket.title}}» получен новый ответ.',
        },
        { kind: 'comment', byline: '{{actor.name}} пишет:' },
        {
          kind: 'paragraph',
          text: 'Если у Вас остались вопросы или Вы хотите что-то уточнить, ответьте на это письмо — Ваш ответ будет добавлен к обращению.',
        },
        OPEN_TICKET.ru,
        signature('ru'),
        { kind: 'note', text: REPLY_BY_EMAIL.ru },
      ],
    },
    en: {
      subject: '[{{ticket.number}}] New reply: {{ticket.title}}',
      heading: 'New reply on {{ticket.number}}',
      blocks: [
        greeting('en'),
        {
          kind: 'paragraph',
          text: 'There is a new reply on {{ticket.number}} "{{ticket.title}}".',
        },
        { kind: 'comment', byline: '{{actor.name}} wrote:' },
        {
          kind: 'paragraph',
          text: 'If you have any further questions, simply reply to this email and your reply will be added to the ticket.',
        },
        OPEN_TICKET.en,
        signature('en'),
        { kind: 'note', text: REPLY_BY_EMAIL.en },
      ],
    },
  },
  'ticket-resolved-requester': {
    ru: {
      subject: '[{{ticket.number}}] Обращение решено: {{ticket.title}}',
      heading: 'Обращение {{ticket.number}} решено',
      blocks: [
        greeting('ru'),
        { kind: 'paragraph', text: 'Обращение {{ticket.number}} «{{ticket.title}}» решено.' },
        { kind: 'section', label: 'Решение', value: 'ticket.resolution' },
        {
          kind: 'paragraph',
          when: 'csat.url',
          text: 'Пожалуйста, оцените, насколько Вы довольны решением, — это займёт меньше минуты и поможет нам работать лучше.',
        },
        { kind: 'link', label: 'Оценить решение', url: 'csat.url' },
        {
          kind: 'paragraph',
          text: 'Если проблема не устранена, ответьте на это письмо, и мы продолжим работу по обращению.',
        },
        signature('ru'),
        { kind: 'note', text: REPLY_BY_EMAIL.ru },
      ],
    },
    en: {
      subject: '[{{ticket.number}}] Resolved: {{ticket.title}}',
      heading: '{{ticket.number}} has been resolved',
      blocks: [
        greeting('en'),
        { kind: 'paragraph', text: '{{ticket.number}} "{{ticket.title}}" has been resolved.' },
        { kind: 'section', label: 'Resolution', value: 'ticket.resolution' },
        {
          kind: 'paragraph',
          when: 'csat.url',
          text: 'Please let us know how satisfied you are with the resolution. It takes less than a minute and helps us improve.',
        },
        { kind: 'link', label: 'Rate the resolution', url: 'csat.url' },
        {
          kind: 'paragraph',
          text: 'If the issue has not been fixed, reply to this email and we will continue working on it.',
        },
        signature('en'),
        { kind: 'note', text: REPLY_BY_EMAIL.en },
      ],
    },
  },
  'ticket-assigned-assignee': {
    ru: {
      subject: '[{{ticket.number}}] Вам назначено обращение: {{ticket.title}}',
      heading: 'Вам назначено обращение {{ticket.number}}',
      blocks: [
        greeting('ru'),
        {
          kind: 'paragraph',
          text: 'Вы назначены исполнителем по обращению {{ticket.number}} «{{ticket.title}}».',
        },
        TICKET_FACTS.ru,
        { kind: 'section', label: 'Описание', value: 'ticket.description' },
        OPEN_TICKET.ru,
        { kind: 'note', text: ANSWER_IN_APP.ru },
      ],
    },
    en: {
      subject: '[{{ticket.number}}] Assigned to you: {{ticket.title}}',
      heading: '{{ticket.number}} has been assigned to you',
      blocks: [
        greeting('en'),
        {
          kind: 'paragraph',
          text: 'You have been assigned to {{ticket.number}} "{{ticket.title}}".',
        },
        TICKET_FACTS.en,
        { kind: 'section', label: 'Description', value: 'ticket.description' },
        OPEN_TICKET.en,
        { kind: 'note', text: ANSWER_IN_APP.en },
      ],
    },
  },
  'ticket-assigned-group': {
    ru: {
      subject: '[{{ticket.number}}] Новое обращение в очереди группы: {{ticket.title}}',
      heading: 'Новое обращение в очереди Вашей группы',
      blocks: [
        greeting('ru'),
        {
          kind: 'paragraph',
          text: 'В очередь Вашей группы поступило обращение {{ticket.number}} «{{ticket.title}}». Исполнитель пока не назначен — возьмите обращение в работу, если оно по Вашему профилю.',
        },
        TICKET_FACTS.ru,
        { kind: 'section', label: 'Описание', value: 'ticket.description' },
        OPEN_TICKET.ru,
        { kind: 'note', text: ANSWER_IN_APP.ru },
      ],
    },
    en: {
      subject: "[{{ticket.number}}] New in your group's queue: {{ticket.title}}",
      heading: "New ticket in your group's queue",
      blocks: [
        greeting('en'),
        {
          kind: 'paragraph',
          text: '{{ticket.number}} "{{ticket.title}}" has arrived in your group\'s queue and has no assignee yet. Please pick it up if it falls within your area.',
        },
        TICKET_FACTS.en,
        { kind: 'section', label: 'Description', value: 'ticket.description' },
        OPEN_TICKET.en,
        { kind: 'note', text: ANSWER_IN_APP.en },
      ],
    },
  },
  'sla-warning-supervisor': {
    ru: {
      subject: '[{{ticket.number}}] Скоро истекает срок по SLA: {{ticket.title}}',
      heading: 'Скоро истекает срок по SLA',
      blocks: [
        greeting('ru'),
        {
          kind: 'paragraph',
          text: 'По обращению {{ticket.number}} «{{ticket.title}}» скоро истекает срок по SLA.',
        },
        SLA_FACTS.ru,
        {
          kind: 'paragraph',
          text: 'Пожалуйста, проверьте, успеет ли группа выполнить обращение в срок, и при необходимости перераспределите работу.',
        },
        OPEN_TICKET.ru,
        { kind: 'note', text: ANSWER_IN_APP.ru },
      ],
    },
    en: {
      subject: '[{{ticket.number}}] SLA deadline approaching: {{ticket.title}}',
      heading: 'SLA deadline approaching',
      blocks: [
        greeting('en'),
        {
          kind: 'paragraph',
          text: 'The SLA deadline for {{ticket.number}} "{{ticket.title}}" is approaching.',
        },
        SLA_FACTS.en,
        {
          kind: 'paragraph',
          text: 'Please check whether the group will meet the deadline, and reassign the work if needed.',
        },
        OPEN_TICKET.en,
        { kind: 'note', text: ANSWER_IN_APP.en },
      ],
    },
  },
  'sla-breached-supervisor': {
    ru: {
      subject: '[{{ticket.number}}] Нарушен срок по SLA: {{ticket.title}}',
      heading: 'Нарушен срок по SLA',
      blocks: [
        greeting('ru'),
        {
          kind: 'paragraph',
          text: 'По обращению {{ticket.number}} «{{ticket.title}}» нарушен срок по SLA.',
        },
        SLA_FACTS.ru,
        {
          kind: 'paragraph',
          text: 'Пожалуйста, займитесь этим обращением в первую очередь.',
        },
        OPEN_TICKET.ru,
        { kind: 'note', text: ANSWER_IN_APP.ru },
      ],
    },
    en: {
      subject: '[{{ticket.number}}] SLA breached: {{ticket.title}}',
      heading: 'SLA breached',
      blocks: [
        greeting('en'),
        {
          kind: 'paragraph',
          text: 'The SLA deadline for {{ticket.number}} "{{ticket.title}}" has been missed.',
        },
        SLA_FACTS.en,
        { kind: 'paragraph', text: 'Please give this ticket priority attention.' },
        OPEN_TICKET.en,
        { kind: 'note', text: ANSWER_IN_APP.en },
      ],
    },
  },
  'change-approval-requested-approver': {
    ru: {
      subject: '[{{ticket.number}}] Требуется Ваше согласование: {{ticket.title}}',
      heading: 'Изменение ожидает Вашего согласования',
      blocks: [
        greeting('ru'),
        {
          kind: 'paragraph',
          text: 'Изменение {{ticket.number}} «{{ticket.title}}» ожидает Вашего согласования. Пожалуйста, ознакомьтесь с ним и согласуйте или отклоните его.',
        },
        TICKET_FACTS.ru,
        { kind: 'section', label: 'Описание', value: 'ticket.description' },
        { kind: 'link', label: 'Рассмотреть изменение', url: 'approval.url' },
        { kind: 'note', text: AUTOMATIC.ru },
      ],
    },
    en: {
      subject: '[{{ticket.number}}] Your approval is needed: {{ticket.title}}',
      heading: 'A change is awaiting your approval',
      blocks: [
        greeting('en'),
        {
          kind: 'paragraph',
          text: 'Change {{ticket.number}} "{{ticket.title}}" is awaiting your approval. Please review it and approve or reject it.',
        },
        TICKET_FACTS.en,
        { kind: 'section', label: 'Description', value: 'ticket.description' },
        { kind: 'link', label: 'Review the change', url: 'approval.url' },
        { kind: 'note', text: AUTOMATIC.en },
      ],
    },
  },
  'ticket-updated-watcher': {
    ru: {
      subject: '[{{ticket.number}}] Обращение обновлено: {{ticket.title}}',
      heading: 'Обращение {{ticket.number}} обновлено',
      blocks: [
        greeting('ru'),
        {
          kind: 'paragraph',
          text: 'Обращение {{ticket.number}} «{{ticket.title}}», за которым Вы следите, обновлено.',
        },
        TICKET_FACTS.ru,
        OPEN_TICKET.ru,
        {
          kind: 'note',
          text: `${REPLY_BY_EMAIL.ru} Вы получили это письмо, потому что следите за обращением.`,
        },
      ],
    },
    en: {
      subject: '[{{ticket.number}}] Updated: {{ticket.title}}',
      heading: '{{ticket.number}} has been updated',
      blocks: [
        greeting('en'),
        {
          kind: 'paragraph',
          text: '{{ticket.number}} "{{ticket.title}}", which you are following, has been updated.',
        },
        TICKET_FACTS.en,
        OPEN_TICKET.en,
        {
          kind: 'note',
          text: `${REPLY_BY_EMAIL.en} You are receiving this email because you are following this ticket.`,
        },
      ],
    },
  },
  'ticket-commented-agent': {
    ru: {
      subject: '[{{ticket.number}}] Новый комментарий: {{ticket.title}}',
      heading: 'Новый комментарий в обращении {{ticket.number}}',
      blocks: [
        greeting('ru'),
        {
          kind: 'paragraph',
          text: 'В обращении {{ticket.number}} «{{ticket.title}}», назначенном Вам, появился новый комментарий.',
        },
        { kind: 'comment', byline: '{{actor.name}} пишет:' },
        OPEN_TICKET.ru,
        { kind: 'note', text: ANSWER_IN_APP.ru },
      ],
    },
    en: {
      subject: '[{{ticket.number}}] New comment: {{ticket.title}}',
      heading: 'New comment on {{ticket.number}}',
      blocks: [
        greeting('en'),
        {
          kind: 'paragraph',
          text: 'There is a new comment on {{ticket.number}} "{{ticket.title}}", which is assigned to you.',
        },
        { kind: 'comment', byline: '{{actor.name}} wrote:' },
        OPEN_TICKET.en,
        { kind: 'note', text: ANSWER_IN_APP.en },
      ],
    },
  },
  digest: {
    ru: {
      subject: 'Сводка уведомлений ({{digest.count}})',
      heading: 'Сводка уведомлений',
      blocks: [
        greeting('ru'),
        {
          kind: 'paragraph',
          text: 'Здесь собраны уведомления, которые не требовали Вашего срочного внимания. Всего уведомлений: {{digest.count}}.',
        },
        { kind: 'section', label: 'Уведомления', value: 'digest.items' },
        {
          kind: 'note',
          text: `${AUTOMATIC.ru} Отказаться от сводки и получать каждое уведомление отдельно можно в настройках уведомлений.`,
        },
      ],
    },
    en: {
      subject: 'Notification digest ({{digest.count}})',
      heading: 'Notification digest',
      blocks: [
        greeting('en'),
        {
          kind: 'paragraph',
          text: 'Here are the notifications that did not need your immediate attention. Total notifications: {{digest.count}}.',
        },
        { kind: 'section', label: 'Notifications', value: 'digest.items' },
        {
          kind: 'note',
          text: `${AUTOMATIC.en} To receive each notification separately instead, change your notification settings.`,
        },
      ],
    },
  },
};

export const DEFAULT_TEMPLATES: NotificationTemplate[] = Object.entries(CONTENT).flatMap(
  ([key, byLocale]) =>
    (['ru', 'en'] as const).map((locale) => {
      const content = byLocale[locale];
      return {
        key,
        locale,
        subject: content.subject,
        bodyText: textBody(content),
        bodyHtml: htmlBody(locale, content),
      };
    }),
);

/** A block that disappears, blank line included, when its variable is empty. */
function optional(variable: TemplateVariable, lines: string): string {
  return `{{#if ${variable}}}\n${lines}{{/if}}\n`;
}

function textBody({ blocks }: Content): string {
  const text = blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return block.when ? optional(block.when, `${block.text}\n\n`) : `${block.text}\n\n`;
        case 'facts':
          return (
            block.rows
              .map(({ label, value, optional: isOptional }) =>
                isOptional
                  ? optional(value, `${label}: {{${value}}}\n`)
                  : `${label}: {{${value}}}\n`,
              )
              .join('') + '\n'
          );
        case 'section':
          return optional(block.value, `${block.label}:\n{{${block.value}}}\n\n`);
        case 'comment':
          return `${optional('actor.name', `${block.byline}\n`)}{{comment.body}}\n\n`;
        case 'link':
          return optional(block.url, `${block.label}: {{${block.url}}}\n\n`);
        case 'note':
          // The signature delimiter lets mail clients grey the footer out and leave it out of replies.
          return `-- \n${block.text}\n`;
      }
    })
    .join('');
  return `${text.trimEnd()}\n`;
}

function htmlBody(locale: Locale, { heading, blocks }: Content): string {
  const content = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph': {
        const paragraph = `<p style="${STYLE.paragraph}">${html(block.text)}</p>\n`;
        return block.when ? optional(block.when, paragraph) : paragraph;
      }
      case 'facts':
        return [
          `<table style="${STYLE.table}">\n`,
          ...block.rows.map(({ label, value, optional: isOptional }) => {
            const row = `<tr><th scope="row" style="${STYLE.label}">${html(label)}</th><td style="${STYLE.value}">{{${value}}}</td></tr>\n`;
            return isOptional ? optional(value, row) : row;
          }),
          '</table>\n',
        ].join('');
      case 'section':
        return optional(
          block.value,
          `<h2 style="${STYLE.subheading}">${html(block.label)}</h2>\n<p style="${STYLE.paragraph}">{{${block.value}}}</p>\n`,
        );
      case 'comment':
        return (
          optional('actor.name', `<p style="${STYLE.byline}">${html(block.byline)}</p>\n`) +
          `<blockquote style="${STYLE.quote}">{{comment.body}}</blockquote>\n`
        );
      case 'link':
        return optional(
          block.url,
          `<p style="margin:24px 0;"><a href="{{${block.url}}}" style="${STYLE.button}">${html(block.label)}</a></p>\n`,
        );
      case 'note':
        return `<p style="${STYLE.note}">${html(block.text)}</p>\n`;
    }
  });
  return [
    '<!DOCTYPE html>\n',
    `<html lang="${locale}">\n`,
    '<head>\n',
    '<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    `<title>${html(heading)}</title>\n`,
    '</head>\n',
    `<body style="${STYLE.body}">\n`,
    `<div style="${STYLE.card}">\n`,
    `<h1 style="${STYLE.heading}">${html(heading)}</h1>\n`,
    ...content,
    '</div>\n',
    '</body>\n',
    '</html>\n',
  ].join('');
}

/** The template's own words as HTML; the {{ }} tags in them are left for the renderer. */
function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n/g, '<br>\n');
}
