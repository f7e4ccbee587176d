import {
  type InboundEmail,
  type InboundVerdict,
  matchThread,
  screenInboundEmail,
  type ThreadMatch,
  type ThreadMatchInput,
} from './inbound-email';

function email(
  overrides: Partial<Omit<InboundEmail, 'headers'>> = {},
  headers: Record<string, string> = {},
): InboundEmail {
  return {
    messageId: '<m1@mail.example.com>',
    from: 'anna@example.com',
    to: ['support@itsm.local'],
    subject: 'Printer on floor 3 is jammed',
    text: 'Hello, the printer is jammed.',
    headers: new Map(Object.entries(headers)),
    inReplyTo: [],
    references: [],
    ...overrides,
  };
}

const own = ['support@itsm.local', 'Helpdesk@ITSM.local'];
const accept: InboundVerdict = { kind: 'accept' };
const dropped = (reason: 'auto_reply' | 'loop' | 'bounce' | 'own_address'): InboundVerdict => ({
  kind: 'drop',
  reason,
});

describe('screening a received email', () => {
  it.each<[string, Partial<Omit<InboundEmail, 'headers'>>, Record<string, string>, InboundVerdict]>(
    [
      ['an ordinary email', {}, {}, accept],
      // Loops: our own mail coming back through a forward.
      ['our loop header', {}, { 'x-itsm-loop': 'notifications' }, dropped('loop')],
      ['our loop header, empty', {}, { 'x-itsm-loop': '' }, dropped('loop')],
      [
        'our loop header on an auto-reply',
        {},
        { 'x-itsm-loop': '1', 'auto-submitted': 'auto-replied' },
        dropped('loop'),
      ],
      // Our own addresses.
      ['our mailbox', { from: 'support@itsm.local' }, {}, dropped('own_address')],
      [
        'our mailbox with a plus tag',
        { from: 'support+3f2b.abc@itsm.local' },
        {},
        dropped('own_address'),
      ],
      [
        'another own address in another case',
        { from: 'helpdesk@itsm.local' },
        {},
        dropped('own_address'),
      ],
      ['a look-alike address', { from: 'support@itsm.local.evil.example' }, {}, accept],
      ['another mailbox of our domain', { from: 'anna@itsm.local' }, {}, accept],
      // Bounces.
      ['MAILER-DAEMON', { from: 'mailer-daemon@mx.example.com' }, {}, dropped('bounce')],
      ['postmaster', { from: 'postmaster@example.com' }, {}, dropped('bounce')],
      [
        'a delivery status report',
        { from: 'mx@example.com' },
        { 'content-type': 'multipart/report; report-type=delivery-status; boundary="b1"' },
        dropped('bounce'),
      ],
      [
        'a quoted, upper-case delivery status report',
        { from: 'mx@example.com' },
        { 'content-type': 'Multipart/Report; boundary="b1"; Report-Type="Delivery-Status"' },
        dropped('bounce'),
      ],
      [
        'an ordinary multipart email',
        {},
        { 'content-type': 'multipart/mixed; boundary="b1"' },
        accept,
      ],
      // Auto-replies.
      [
        'Auto-Submitted: auto-replied',
        {},
        { 'auto-submitted': 'auto-replied' },
        dropped('auto_reply'),
      ],
      [
        'Auto-Submitted: auto-generated',
        {},
        { 'auto-submitted': 'Auto-Generated' },
        dropped('auto_reply'),
      ],
      [
        'Auto-Submitted with parameters',
        {},
        { 'auto-submitted': 'auto-replied; owner-email="a@b"' },
        dropped('auto_reply'),
      ],
      ['Auto-Submitted: no', {}, { 'auto-submitted': 'no' }, accept],
      ['Auto-Submitted: No with spaces', {}, { 'auto-submitted': ' No ' }, accept],
      ['X-Autoreply', {}, { 'x-autoreply': 'yes' }, dropped('auto_reply')],
      ['X-Autorespond', {}, { 'x-autorespond': '' }, dropped('auto_reply')],
      ['X-Autoreply-From', {}, { 'x-autoreply-from': 'anna@example.com' }, dropped('auto_reply')],
      ['Precedence: bulk', {}, { precedence: 'bulk' }, dropped('auto_reply')],
      ['Precedence: junk', {}, { precedence: 'junk' }, dropped('auto_reply')],
      ['Precedence: list', {}, { precedence: 'List' }, dropped('auto_reply')],
      ['Precedence: auto_reply', {}, { precedence: 'auto_reply' }, dropped('auto_reply')],
      ['Precedence: first-class', {}, { precedence: 'first-class' }, accept],
      [
        'an Automatic reply subject',
        { subject: 'Automatic reply: [INC-000123] Printer' },
        {},
        dropped('auto_reply'),
      ],
      ['an Auto: subject', { subject: 'Auto: Printer' }, {}, dropped('auto_reply')],
      [
        'an Out of Office subject',
        { subject: 'Out of Office: back on Monday' },
        {},
        dropped('auto_reply'),
      ],
      [
        'an Автоматический ответ subject',
        { subject: 'Автоматический ответ: [INC-000123] Принтер' },
        {},
        dropped('auto_reply'),
      ],
      ['an automatic subject later in the line', { subject: 'Re: Automatic reply: x' }, {}, accept],
      // Exchange sets X-Auto-Response-Suppress on ordinary mail too.
      ['X-Auto-Response-Suppress alone', {}, { 'x-auto-response-suppress': 'All' }, accept],
      [
        'X-Auto-Response-Suppress with a vacation subject',
        { subject: 'I am on vacation (OOO) until Monday' },
        { 'x-auto-response-suppress': 'DR, RN, NRN, OOF, AutoReply' },
        dropped('auto_reply'),
      ],
      [
        'X-Auto-Response-Suppress with a Russian vacation subject',
        { subject: 'Я в отпуске до 20 марта' },
        { 'x-auto-response-suppress': 'All' },
        dropped('auto_reply'),
      ],
      [
        'X-Auto-Response-Suppress of other kinds with a vacation subject',
        { subject: 'Out-of-band: printer OOO' },
        { 'x-auto-response-suppress': 'DR, RN' },
        accept,
      ],
      [
        'a read receipt',
        {},
        { 'content-type': 'multipart/report; report-type=disposition-notification' },
        dropped('auto_reply'),
      ],
    ],
  )('%s', (_label, fields, headers, expected) => {
    expect(screenInboundEmail(email(fields, headers), own)).toEqual(expected);
  });

  it('reads the sender from angle brackets too', () => {
    expect(screenInboundEmail(email({ from: '"Desk" <Support@itsm.local>' }), own)).toEqual(
      dropped('own_address'),
    );
  });

  it('accepts anything when we have no addresses of our own', () => {
    expect(screenInboundEmail(email({ from: 'support@itsm.local' }), [])).toEqual(accept);
  });
});

describe('matching a received email to a ticket', () => {
  const known = new Map([
    ['<ticket-t1@itsm.local>', 't1'],
    ['<d1@itsm.local>', 't1'],
    ['<d2@itsm.local>', 't2'],
    ['<d3@itsm.local>', 't3'],
  ]);

  function match(
    fields: Partial<Omit<InboundEmail, 'headers'>>,
    rest: Partial<Omit<ThreadMatchInput, 'email'>> = {},
  ): ThreadMatch {
    return matchThread({
      email: email(fields),
      knownMessageIds: known,
      tokenTicketId: null,
      subjectTicket: null,
      senderUserId: 'u-anna',
      ...rest,
    });
  }

  const reply = (
    ticketId: string,
    via: 'message_id' | 'reply_token' | 'subject_number',
  ): ThreadMatch => ({
    kind: 'reply',
    ticketId,
    via,
  });

  it.each<
    [
      string,
      Partial<Omit<InboundEmail, 'headers'>>,
      Partial<Omit<ThreadMatchInput, 'email'>>,
      ThreadMatch,
    ]
  >([
    ['In-Reply-To', { inReplyTo: ['<d2@itsm.local>'] }, {}, reply('t2', 'message_id')],
    [
      'the thread root in References',
      { references: ['<ticket-t1@itsm.local>'] },
      {},
      reply('t1', 'message_id'),
    ],
    [
      'the newest known reference',
      { references: ['<d1@itsm.local>', '<x@gmail.com>', '<d3@itsm.local>', '<y@gmail.com>'] },
      {},
      reply('t3', 'message_id'),
    ],
    [
      'In-Reply-To before References',
      { inReplyTo: ['<d1@itsm.local>'], references: ['<d2@itsm.local>'] },
      {},
      reply('t1', 'message_id'),
    ],
    [
      'References when In-Reply-To is unknown',
      { inReplyTo: ['<unknown@gmail.com>'], references: ['<d2@itsm.local>'] },
      {},
      reply('t2', 'message_id'),
    ],
    [
      'a message id before the token',
      { inReplyTo: ['<d1@itsm.local>'] },
      { tokenTicketId: 't9' },
      reply('t1', 'message_id'),
    ],
    [
      'the token without known ids',
      { inReplyTo: ['<unknown@gmail.com>'] },
      { tokenTicketId: 't9' },
      reply('t9', 'reply_token'),
    ],
    [
      'the token before the subject',
      {},
      { tokenTicketId: 't9', subjectTicket: { ticketId: 't5', participantIds: ['u-anna'] } },
      reply('t9', 'reply_token'),
    ],
    [
      'the subject number from a participant',
      {},
      { subjectTicket: { ticketId: 't5', participantIds: ['u-boris', 'u-anna'] } },
      reply('t5', 'subject_number'),
    ],
    [
      'a new ticket for a subject number from someone else',
      {},
      { subjectTicket: { ticketId: 't5', participantIds: ['u-boris'] } },
      { kind: 'new' },
    ],
    [
      'a new ticket for a subject number from an unknown sender',
      {},
      { senderUserId: null, subjectTicket: { ticketId: 't5', participantIds: ['u-anna'] } },
      { kind: 'new' },
    ],
    ['a new ticket with nothing to go by', { inReplyTo: ['<x@gmail.com>'] }, {}, { kind: 'new' }],
  ])('by %s', (_label, fields, rest, expected) => {
    expect(match(fields, rest)).toEqual(expected);
  });

  it('leaves the references of the email in their order', () => {
    const references = ['<d1@itsm.local>', '<d3@itsm.local>'];
    matchThread({
      email: email({ references }),
      knownMessageIds: known,
      tokenTicketId: null,
      subjectTicket: null,
      senderUserId: null,
    });
    expect(references).toEqual(['<d1@itsm.local>', '<d3@itsm.local>']);
  });
});
