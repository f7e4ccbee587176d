import { DEFAULT_TEMPLATES } from './default-templates';
import { type Locale } from './locale';
import {
  type NotificationTemplate,
  renderTemplate,
  type TemplateVariables,
  validateTemplate,
} from './template';

const KEYS = [
  'ticket-created-requester',
  'ticket-replied-requester',
  'ticket-resolved-requester',
  'ticket-assigned-assignee',
  'ticket-assigned-group',
  'sla-warning-supervisor',
  'sla-breached-supervisor',
  'change-approval-requested-approver',
  'ticket-updated-watcher',
  'ticket-commented-agent',
  'digest',
];

const labelled = (templates: NotificationTemplate[]) =>
  templates.map((t) => [`${t.key} (${t.locale})`, t] as const);
const everyTemplate = labelled(DEFAULT_TEMPLATES);
/** All but the digest, which is about many tickets. */
const ticketTemplates = labelled(DEFAULT_TEMPLATES.filter(({ key }) => key !== 'digest'));

function templateOf(key: string, locale: Locale): NotificationTemplate {
  const found = DEFAULT_TEMPLATES.find((t) => t.key === key && t.locale === locale);
  if (!found) throw new Error(`no default template ${key} ${locale}`);
  return found;
}

const full: TemplateVariables = {
  ticket: {
    number: 'INC-000123',
    title: 'Не печатает принтер',
    type: 'Инцидент',
    status: 'В работе',
    priority: 'Высокий',
    url: 'https://itsm.local/tickets/1',
    description: 'Строка 1\nСтрока 2',
    resolution: 'Заменили картридж',
  },
  recipient: { name: 'Анна' },
  actor: { name: 'Иван Петров' },
  comment: { body: 'Проверьте, пожалуйста.' },
  sla: { target: 'Решение', dueAt: '01.03.2026 12:00', threshold: '75 %' },
  approval: { url: 'https://itsm.local/approvals/1' },
  csat: { url: 'https://itsm.local/csat/1' },
  event: { type: 'itsm.tickets.v1.ticket.updated' },
  digest: { count: 2, items: 'INC-000001 обновлено\nINC-000002 обновлено' },
};

describe('the default templates', () => {
  it('cover every key in Russian and English, once each', () => {
    expect(DEFAULT_TEMPLATES.map(({ key, locale }) => `${key}/${locale}`).sort()).toEqual(
      KEYS.flatMap((key) => [`${key}/en`, `${key}/ru`]).sort(),
    );
  });

  it.each(everyTemplate)('%s passes validation', (_label, template) => {
    expect(validateTemplate(template)).toEqual([]);
  });

  it.each(ticketTemplates)('%s says which ticket first in its subject', (_l, t) => {
    expect(t.subject.startsWith('[{{ticket.number}}] ')).toBe(true);
  });

  it('names no ticket in the subject of a digest', () => {
    expect(templateOf('digest', 'ru').subject).toBe('Сводка уведомлений ({{digest.count}})');
    expect(templateOf('digest', 'en').subject).toBe('Notification digest ({{digest.count}})');
  });

  it.each(everyTemplate)('%s declares its language and has a title and a heading', (_l, t) => {
    expect(t.bodyHtml).toContain(`<html lang="${t.locale}">`);
    expect(t.bodyHtml).toMatch(/<title>[^<]+<\/title>/);
    expect(t.bodyHtml).toMatch(/<h1 style="[^"]+">[^<]+<\/h1>/);
  });

  it.each(everyTemplate)('%s leaves no tag unrendered', (_l, t) => {
    const { subject, text, html } = renderTemplate(t, full);
    expect(`${subject}${text}${html}`).not.toMatch(/{{|}}/);
  });

  it.each(ticketTemplates)('%s names the ticket in both bodies', (_l, t) => {
    const { text, html } = renderTemplate(t, full);
    for (const fact of ['INC-000123', 'Не печатает принтер']) {
      expect(text).toContain(fact);
      expect(html).toContain(fact);
    }
  });

  it.each<[string, string[]]>([
    ['ticket-created-requester', ['ticket.url', 'ticket.description']],
    ['ticket-replied-requester', ['comment.body', 'actor.name', 'ticket.url']],
    ['ticket-resolved-requester', ['csat.url', 'ticket.resolution']],
    ['ticket-assigned-assignee', ['ticket.priority', 'ticket.url']],
    ['ticket-assigned-group', ['ticket.priority', 'ticket.url']],
    ['sla-warning-supervisor', ['sla.target', 'sla.dueAt', 'sla.threshold', 'ticket.url']],
    ['sla-breached-supervisor', ['sla.target', 'sla.dueAt', 'ticket.url']],
    ['change-approval-requested-approver', ['approval.url']],
    ['ticket-updated-watcher', ['ticket.status', 'ticket.url']],
    ['ticket-commented-agent', ['comment.body', 'actor.name', 'ticket.url']],
    ['digest', ['digest.count', 'digest.items']],
  ])('%s uses %j in both bodies of both languages', (key, variables) => {
    for (const locale of ['ru', 'en'] as const) {
      const { bodyText, bodyHtml } = templateOf(key, locale);
      for (const variable of variables) {
        expect(bodyText).toContain(`{{${variable}}}`);
        expect(bodyHtml).toContain(`{{${variable}}}`);
      }
    }
  });

  it.each(DEFAULT_TEMPLATES.filter((t) => t.locale === 'ru').map((t) => [t.key, t] as const))(
    '%s addresses the reader with a capital Вы',
    (_key, t) => {
      const lowerCaseYou = /(^|[^А-Яа-яЁё])(вы|вас|вам|вами|ваш[а-яё]*)(?![А-Яа-яЁё])/;
      expect(`${t.subject}\n${t.bodyText}\n${t.bodyHtml}`).not.toMatch(lowerCaseYou);
    },
  );
});

describe('a rendered confirmation to the requester', () => {
  it('reads as a finished letter in Russian', () => {
    expect(renderTemplate(templateOf('ticket-created-requester', 'ru'), full)).toEqual({
      subject: '[INC-000123] Ваше обращение зарегистрировано: Не печатает принтер',
      text: [
        'Здравствуйте, Анна!',
        '',
        'Ваше обращение «Не печатает принтер» зарегистрировано под номером INC-000123. Специалист службы поддержки рассмотрит его в ближайшее время, а мы будем сообщать Вам о ходе работы.',
        '',
        'Описание:',
        'Строка 1',
        'Строка 2',
        '',
        'Посмотреть обращение: https://itsm.local/tickets/1',
        '',
        'Если Вы хотите что-то добавить, просто ответьте на это письмо.',
        '',
        'С уважением,',
        'Служба поддержки',
        '',
        '-- ',
        'Это письмо отправлено автоматически. Отвечая на него, пожалуйста, не меняйте тему — так Ваш ответ попадёт в нужное обращение.',
        '',
      ].join('\n'),
      html: expect.stringContaining(
        '<h2 style="margin:0 0 8px;font-size:16px;line-height:1.5;color:#1f2328;">Описание</h2>\n' +
          '<p style="margin:0 0 16px;">Строка 1<br>\nСтрока 2</p>\n',
      ),
    });
  });

  it('leaves out what is not known, without blank lines in its place', () => {
    const { text, html } = renderTemplate(templateOf('ticket-created-requester', 'en'), {
      ticket: { number: 'INC-000124', title: 'VPN', url: 'https://itsm.local/tickets/2' },
    });
    expect(text).toBe(
      [
        'Hello,',
        '',
        'Your request "VPN" has been logged as INC-000124. A member of our service desk will look into it shortly, and we will keep you informed of the progress.',
        '',
        'View your request: https://itsm.local/tickets/2',
        '',
        'If you would like to add anything, simply reply to this email.',
        '',
        'Kind regards,',
        'Service desk',
        '',
        '-- ',
        'This is an automatic notification. When replying, please keep the subject unchanged so that your reply reaches the right ticket.',
        '',
      ].join('\n'),
    );
    expect(html).not.toContain('Description');
    expect(html).toContain('<a href="https://itsm.local/tickets/2" style="');
  });
});

describe('a rendered resolution', () => {
  it('asks for a rating only with a survey link', () => {
    const without = renderTemplate(templateOf('ticket-resolved-requester', 'en'), {
      ticket: { number: 'INC-000125', title: 'Mail' },
    });
    expect(without.text).not.toMatch(/satisfied|Rate the resolution|Resolution:/);
    expect(without.text).not.toContain('\n\n\n');
    const withSurvey = renderTemplate(templateOf('ticket-resolved-requester', 'ru'), full);
    expect(withSurvey.text).toContain('Решение:\nЗаменили картридж\n\n');
    expect(withSurvey.text).toContain('Оценить решение: https://itsm.local/csat/1\n');
    expect(withSurvey.html).toContain('<a href="https://itsm.local/csat/1" style="');
  });
});

describe('values from people', () => {
  it('cannot inject markup into the HTML body', () => {
    const { subject, html } = renderTemplate(templateOf('ticket-replied-requester', 'en'), {
      ticket: { number: 'INC-000126', title: '<img src=x onerror=alert(1)>' },
      comment: { body: '<script>steal()</script>' },
      actor: { name: '"Eve" <eve@example.com>' },
    });
    expect(subject).toBe('[INC-000126] New reply: <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;script&gt;steal()&lt;/script&gt;');
    expect(html).toContain('&quot;Eve&quot; &lt;eve@example.com&gt; wrote:');
  });
});
