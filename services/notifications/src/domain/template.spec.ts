import { NotificationError, NotificationErrorCode } from './notification-error';
import {
  assertValidTemplate,
  escapeHtml,
  type NotificationTemplate,
  renderTemplate,
  TEMPLATE_VARIABLES,
  type TemplateVariables,
  validateTemplate,
} from './template';

function template(overrides: Partial<NotificationTemplate> = {}): NotificationTemplate {
  return {
    key: 'ticket-created-requester',
    locale: 'en',
    subject: '[{{ticket.number}}] {{ticket.title}}',
    bodyText: 'Hello {{recipient.name}}',
    bodyHtml: '<p>Hello {{recipient.name}}</p>',
    ...overrides,
  };
}

const variables: TemplateVariables = {
  ticket: {
    number: 'INC-000123',
    title: 'Printer <3rd floor> & "scanner"',
    url: 'https://itsm.local/tickets/1?a=1&b=2',
    priority: 'High',
  },
  recipient: { name: 'Anna' },
  comment: { body: 'line one\nline <two>' },
  digest: { count: 0, items: ['first', '', 'second'] },
  sla: { dueAt: new Date('2026-03-01T10:00:00Z'), threshold: 0.75 },
  event: { type: '' },
  approval: { url: null },
};

/** Renders one body in both formats with the variables above. */
function render(body: string, values: TemplateVariables = variables) {
  const { text, html } = renderTemplate(template({ bodyText: body, bodyHtml: body }), values);
  return { text, html };
}

function messagesOf(source: Partial<NotificationTemplate>): string[] {
  return validateTemplate(template(source)).map(({ field, message }) => `${field}: ${message}`);
}

describe('substituting variables', () => {
  it.each([
    ['{{ticket.number}}', 'INC-000123', 'INC-000123'],
    ['{{ ticket.number }}', 'INC-000123', 'INC-000123'],
    [
      '{{ticket.title}}',
      'Printer <3rd floor> & "scanner"',
      'Printer &lt;3rd floor&gt; &amp; &quot;scanner&quot;',
    ],
    [
      '{{ticket.url}}',
      'https://itsm.local/tickets/1?a=1&b=2',
      'https://itsm.local/tickets/1?a=1&amp;b=2',
    ],
    ['{{comment.body}}', 'line one\nline <two>', 'line one<br>\nline &lt;two&gt;'],
    ['{{digest.count}}', '0', '0'],
    ['{{digest.items}}', 'first\nsecond', 'first<br>\nsecond'],
    ['{{sla.dueAt}}', '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z'],
    ['{{sla.threshold}}', '0.75', '0.75'],
    ['{{actor.name}}', '', ''],
    ['{{event.type}}', '', ''],
    ['{{approval.url}}', '', ''],
    ['{{ticket.number.part}}', '', ''],
    ['{{ticket.constructor}}', '', ''],
    ['{{ticket}}', '', ''],
    // The template's own text is HTML already; only values are escaped.
    ["{{recipient.name}}'s", "Anna's", "Anna's"],
  ])('%s is %p in text and %p in HTML', (body, text, html) => {
    expect(render(body)).toEqual({ text, html });
  });

  it('puts a value in a subject on one line, unescaped', () => {
    const rendered = renderTemplate(
      template({ subject: '[{{ticket.number}}]  {{ticket.title}} ' }),
      {
        ticket: { number: 'INC-000001', title: 'Mail <down>\r\n\r\n  Bcc: everyone@example.com\n' },
      },
    );
    expect(rendered.subject).toBe('[INC-000001]  Mail <down> Bcc: everyone@example.com');
  });

  it('renders the three parts at once', () => {
    expect(renderTemplate(template(), variables)).toEqual({
      subject: '[INC-000123] Printer <3rd floor> & "scanner"',
      text: 'Hello Anna',
      html: '<p>Hello Anna</p>',
    });
  });
});

describe('conditional blocks', () => {
  it.each([
    ['{{#if recipient.name}}Hi {{recipient.name}}{{/if}}!', 'Hi Anna!'],
    ['{{#if actor.name}}by {{actor.name}}{{/if}}!', '!'],
    ['{{#if actor.name}}by {{actor.name}}{{else}}by the system{{/if}}', 'by the system'],
    ['{{#if recipient.name}}named{{else}}anonymous{{/if}}', 'named'],
    ['{{#if digest.count}}some{{else}}none{{/if}}', 'none'],
    ['{{#if sla.threshold}}yes{{else}}no{{/if}}', 'yes'],
    ['{{#if event.type}}yes{{else}}no{{/if}}', 'no'],
    ['{{#if approval.url}}yes{{else}}no{{/if}}', 'no'],
    ['{{#if ticket.description}}yes{{else}}no{{/if}}', 'no'],
    ['{{#if ticket}}yes{{else}}no{{/if}}', 'no'],
    ['{{# if   ticket.number }}yes{{ else }}no{{ /if }}', 'yes'],
    [
      '{{#if recipient.name}}{{#if actor.name}}both{{else}}recipient only{{/if}}{{else}}none{{/if}}',
      'recipient only',
    ],
    [
      '{{#if actor.name}}actor{{else}}{{#if ticket.priority}}{{ticket.priority}}{{/if}}{{/if}}',
      'High',
    ],
  ])('%s renders %p', (body, expected) => {
    expect(render(body).text).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    ['a whitespace-only string', '   ', 'no'],
    ['false', false, 'no'],
    ['true', true, 'yes'],
    ['an empty list', [], 'no'],
    ['a list', ['a'], 'yes'],
    ['NaN', Number.NaN, 'no'],
    ['an object', { nested: 'x' }, 'no'],
  ])('treats %s as %s', (_label, value, expected) => {
    expect(
      render('{{#if comment.body}}yes{{else}}no{{/if}}', { comment: { body: value } }).text,
    ).toBe(expected);
  });

  it('drops the lines that hold only a block tag', () => {
    const body = [
      'Hello,',
      '{{#if comment.body}}',
      '  {{comment.body}}',
      '  {{#if actor.name}}',
      '  by {{actor.name}}',
      '  {{else}}',
      '  by the service desk',
      '  {{/if}}',
      '{{/if}}',
      'Bye',
    ].join('\n');
    expect(render(body, { comment: { body: 'Done.' } }).text).toBe(
      'Hello,\n  Done.\n  by the service desk\nBye',
    );
    expect(render(body, {}).text).toBe('Hello,\nBye');
  });

  it('drops standalone lines at the edges and with CRLF endings', () => {
    expect(render('{{#if recipient.name}}\r\nHi\r\n{{/if}}', variables).text).toBe('Hi\r\n');
    expect(render('{{#if actor.name}}\nHi\n{{/if}}\n', variables).text).toBe('');
  });

  it('keeps lines where a block tag shares the line with text', () => {
    expect(render('A {{#if recipient.name}}\nB\n{{/if}} C', variables).text).toBe('A \nB\n C');
  });
});

describe('validating a template', () => {
  it('accepts a template that uses every known variable', () => {
    const everything = TEMPLATE_VARIABLES.map((path) => `{{${path}}}`).join(' ');
    expect(validateTemplate(template({ bodyText: everything, bodyHtml: everything }))).toEqual([]);
  });

  it.each<[string, Partial<NotificationTemplate>, string[]]>([
    [
      'an unknown variable',
      { bodyText: 'Dear {{recipient.fullName}}, {{ recipient.fullName }} {{ticket.id}}' },
      ['bodyText: unknown variable "recipient.fullName"', 'bodyText: unknown variable "ticket.id"'],
    ],
    [
      'an unknown condition',
      { bodyHtml: '{{#if ticket.secret}}x{{/if}}' },
      ['bodyHtml: unknown variable "ticket.secret"'],
    ],
    [
      'an unknown variable inside else',
      { subject: '{{#if actor.name}}x{{else}}{{ticket.nope}}{{/if}}' },
      ['subject: unknown variable "ticket.nope"'],
    ],
    [
      'an unclosed tag',
      { bodyText: 'Hello\n  {{recipient.name' },
      ['bodyText: line 2, column 3: "{{" is not closed with "}}"'],
    ],
    [
      'a tag opened inside a tag',
      { bodyText: '{{ticket.number {{ticket.title}}' },
      ['bodyText: line 1, column 1: "{{" is not closed with "}}"'],
    ],
    [
      'an empty tag',
      { bodyText: 'a {{ }} b' },
      ['bodyText: line 1, column 3: an empty {{ }} names no variable'],
    ],
    [
      'triple braces',
      { bodyHtml: '{{{comment.body}}}' },
      [
        'bodyHtml: line 1, column 1: triple braces are not supported: values are escaped by the message format',
      ],
    ],
    [
      'an expression',
      { bodyText: '{{ticket.number + 1}}' },
      [
        'bodyText: line 1, column 1: "{{ticket.number + 1}}" is not a variable such as {{ticket.number}}',
      ],
    ],
    [
      'an unsupported block',
      { bodyText: '{{#each digest.items}}x{{/each}}' },
      [
        'bodyText: line 1, column 1: {{#each}} is not supported: the only block is {{#if variable}}',
      ],
    ],
    [
      'an if without a variable',
      { bodyText: '{{#if}}x{{/if}}' },
      ['bodyText: line 1, column 1: {{#if}} needs one variable, e.g. {{#if comment.body}}, not ""'],
    ],
    [
      'an if with two variables',
      { bodyText: '{{#if actor.name recipient.name}}x{{/if}}' },
      [
        'bodyText: line 1, column 1: {{#if}} needs one variable, e.g. {{#if comment.body}}, not "actor.name recipient.name"',
      ],
    ],
    [
      'an if that is not closed',
      { bodyText: 'a\n{{#if actor.name}}\nb' },
      ['bodyText: line 2, column 1: {{#if actor.name}} is not closed with {{/if}}'],
    ],
    [
      'a nested if that is not closed',
      { bodyText: '{{#if actor.name}}{{#if comment.body}}x{{/if}}' },
      ['bodyText: line 1, column 1: {{#if actor.name}} is not closed with {{/if}}'],
    ],
    [
      'a close without an if',
      { bodyText: 'x\ny {{/if}}' },
      ['bodyText: line 2, column 3: {{/if}} without an {{#if}}'],
    ],
    [
      'an else outside an if',
      { bodyText: '{{else}}' },
      ['bodyText: line 1, column 1: {{else}} outside an {{#if}}'],
    ],
    [
      'a second else',
      { bodyText: '{{#if actor.name}}a{{else}}b\n{{else}}c{{/if}}' },
      [
        'bodyText: line 2, column 1: a second {{else}} in the {{#if actor.name}} opened at line 1, column 1',
      ],
    ],
    [
      'else if',
      { bodyText: '{{#if actor.name}}a{{else if comment.body}}b{{/if}}' },
      [
        'bodyText: line 1, column 20: {{else if}} is not supported: put an {{#if}} inside the {{else}}',
      ],
    ],
    [
      'a close of another block',
      { bodyText: '{{#if actor.name}}a{{/each}}' },
      [
        'bodyText: line 1, column 20: {{/each}} closes no block: the only block is {{#if variable}}',
      ],
    ],
    ['an empty subject', { subject: '  ' }, ['subject: subject must not be empty']],
    [
      'a subject of two lines',
      { subject: 'New\nticket' },
      ['subject: subject must be a single line'],
    ],
    [
      'a subject too long',
      { subject: 'x'.repeat(251) },
      ['subject: subject must be at most 250 characters, not 251'],
    ],
    [
      'empty bodies',
      { bodyText: '', bodyHtml: '\n' },
      ['bodyText: bodyText must not be empty', 'bodyHtml: bodyHtml must not be empty'],
    ],
    [
      'a body too long',
      { bodyHtml: 'x'.repeat(20_001) },
      ['bodyHtml: bodyHtml must be at most 20000 characters, not 20001'],
    ],
    [
      'a key that is not kebab-case',
      { key: 'Ticket_Created' },
      [
        'key: key must be lower-case words joined by hyphens, e.g. ticket-created-requester, not "Ticket_Created"',
      ],
    ],
    ['no key', { key: ' ' }, ['key: key is required']],
    [
      'an unsupported locale',
      { locale: 'de' as NotificationTemplate['locale'] },
      ['locale: locale must be one of ru, en, not "de"'],
    ],
  ])('reports %s', (_label, source, expected) => {
    expect(messagesOf(source)).toEqual(expected);
  });

  it('accepts limits exactly', () => {
    expect(
      validateTemplate(template({ subject: 'x'.repeat(250), bodyText: 'x'.repeat(20_000) })),
    ).toEqual([]);
  });

  it('reports every field at once', () => {
    expect(
      validateTemplate(
        template({ subject: '{{x}}', bodyText: '{{#if y}}', bodyHtml: '{{/if}}' }),
      ).map(({ field }) => field),
    ).toEqual(['subject', 'bodyText', 'bodyHtml']);
  });

  it('throws the violations when asserted', () => {
    const invalid = template({ subject: '{{x}}' });
    expect(() => assertValidTemplate(invalid)).toThrow(
      expect.objectContaining({
        code: NotificationErrorCode.ValidationFailed,
        violations: [{ field: 'subject', message: 'unknown variable "x"' }],
      }),
    );
    const valid = template();
    expect(assertValidTemplate(valid)).toBe(valid);
  });
});

describe('rendering a broken template', () => {
  it('refuses with the syntax errors of each part', () => {
    let thrown: unknown;
    try {
      renderTemplate(template({ bodyText: '{{#if actor.name}}', bodyHtml: '{{' }), variables);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotificationError);
    expect((thrown as NotificationError).violations).toEqual([
      {
        field: 'bodyText',
        message: 'line 1, column 1: {{#if actor.name}} is not closed with {{/if}}',
      },
      { field: 'bodyHtml', message: 'line 1, column 1: "{{" is not closed with "}}"' },
    ]);
  });

  it('renders variables no longer known as empty rather than failing', () => {
    expect(render('[{{ticket.legacyField}}]').text).toBe('[]');
  });
});

describe('escaping HTML', () => {
  it.each([
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ["O'Brien & Co", 'O&#39;Brien &amp; Co'],
    ['a\r\nb\rc', 'a<br>\nb<br>\nc'],
    ['&amp;', '&amp;amp;'],
  ])('%p becomes %p', (value, escaped) => {
    expect(escapeHtml(value)).toBe(escaped);
  });
});
