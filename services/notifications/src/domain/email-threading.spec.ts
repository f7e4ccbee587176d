import { createHmac } from 'node:crypto';
import {
  cleanSubject,
  deliveryMessageId,
  messageIdsOf,
  readReplyToken,
  replyAddress,
  replyToken,
  stripQuotedReply,
  ticketNumbersInSubject,
  threadMessageId,
  tokenFromAddress,
} from './email-threading';
import { NotificationErrorCode } from './notification-error';

const ticketId = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const secret = 'a-reply-secret-of-at-least-32-characters';
const signature = createHmac('sha256', secret).update(ticketId).digest('hex').slice(0, 16);
const token = `3f2b8c1e9a4d4e6f8b7a1c2d3e4f5a6b.${signature}`;

describe('message ids of outgoing mail', () => {
  it('roots a ticket thread at an id of its own', () => {
    expect(threadMessageId(ticketId, 'itsm.local')).toBe(
      '<ticket-3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b@itsm.local>',
    );
  });

  it('names each delivery', () => {
    expect(deliveryMessageId('0b9e6a52-1d5c-4b3a-9f1e-2a3b4c5d6e7f', 'itsm.local')).toBe(
      '<0b9e6a52-1d5c-4b3a-9f1e-2a3b4c5d6e7f@itsm.local>',
    );
  });
});

describe('reply tokens', () => {
  it('are the ticket id without dashes and 16 hex digits of its HMAC', () => {
    expect(replyToken(ticketId, secret)).toBe(token);
    expect(token).toMatch(/^[0-9a-f]{32}\.[0-9a-f]{16}$/);
  });

  it('sign the id in lower case whatever case it is given in', () => {
    expect(replyToken(ticketId.toUpperCase(), secret)).toBe(token);
  });

  it('refuse an id that is not a UUID', () => {
    expect(() => replyToken('INC-000123', secret)).toThrow(
      expect.objectContaining({
        code: NotificationErrorCode.ValidationFailed,
        violations: [{ field: 'ticketId', message: '"INC-000123" is not a UUID' }],
      }),
    );
  });

  it.each<[string, string, string | null]>([
    ['the token', token, ticketId],
    ['the token in upper case', token.toUpperCase(), ticketId],
    ['the token with spaces around', ` ${token}\n`, ticketId],
    ['another signature', `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`, null],
    ['another ticket', `4${token.slice(1)}`, null],
    ['a short signature', token.slice(0, -1), null],
    ['no signature', token.slice(0, 32), null],
    ['dashes', `${ticketId}.${signature}`, null],
    ['an empty token', '', null],
  ])('read %s as %p', (_label, given, expected) => {
    expect(readReplyToken(given, secret)).toBe(expected);
  });

  it('do not read under another secret', () => {
    expect(readReplyToken(token, `${secret}!`)).toBeNull();
  });
});

describe('reply addresses', () => {
  it('put the token in the plus tag of the mailbox', () => {
    expect(replyAddress('support@itsm.local', token)).toBe(`support+${token}@itsm.local`);
  });

  it('refuse a mailbox that is not an address', () => {
    expect(() => replyAddress('support', token)).toThrow('"support" is not an email address');
  });

  it.each<[string, string | null]>([
    [`support+${token}@itsm.local`, token],
    [`SUPPORT+${token.toUpperCase()}@ITSM.LOCAL`, token],
    [`"Service desk" <support+${token}@itsm.local>`, token],
    [`support+a+b@itsm.local`, 'a+b'],
    ['support@itsm.local', null],
    ['support+@itsm.local', null],
    [`support+${token}@other.example`, null],
    [`helpdesk+${token}@itsm.local`, null],
    [`supportx+${token}@itsm.local`, null],
    ['not an address', null],
  ])('find in %s the token %p', (address, expected) => {
    expect(tokenFromAddress(address, 'support@itsm.local')).toBe(expected);
  });

  it('read back what they wrote', () => {
    const address = replyAddress('Support@ITSM.local', replyToken(ticketId, secret));
    const found = tokenFromAddress(address, 'support@itsm.local');
    expect(found && readReplyToken(found, secret)).toBe(ticketId);
  });
});

describe('ticket numbers in a subject', () => {
  it.each<[string, string[]]>([
    ['[INC-000123] Printer', ['INC-000123']],
    ['Re: [REQ-000042] New laptop', ['REQ-000042']],
    ['[prb-000007] lower case', ['PRB-000007']],
    ['[ CHG-000001 ] spaced', ['CHG-000001']],
    ['[INC-1234567] seven digits', ['INC-1234567']],
    ['[INC-000123] and [CHG-000001] and [INC-000123]', ['INC-000123', 'CHG-000001']],
    ['Re: INC-000123 without brackets', ['INC-000123']],
    ['RE: Fwd: INC-000123: printer', ['INC-000123']],
    ['Ответ: INC-000123 принтер', ['INC-000123']],
    // A bare number counts only right after the prefixes at the start.
    ['AW: [INC-000002] Re: INC-000001', ['INC-000002']],
    ['Re[2]: REQ-000042', ['REQ-000042']],
    ['INC-000123 without a prefix', []],
    ['Re: see INC-000123', []],
    ['Re: INC-0001234x', ['INC-0001234']],
    ['Re: INC-00012', []],
    ['[INC-00012] too short', []],
    ['[ABC-000123] another prefix', []],
    ['[INC000123] no dash', []],
    ['', []],
  ])('%p has %j', (subject, expected) => {
    expect(ticketNumbersInSubject(subject)).toEqual(expected);
  });
});

describe('message ids in a header', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['', []],
    ['<a@itsm.local>', ['<a@itsm.local>']],
    ['  <a@itsm.local>  ', ['<a@itsm.local>']],
    ['<a@itsm.local> <b@itsm.local>', ['<a@itsm.local>', '<b@itsm.local>']],
    [
      '<a@itsm.local>\r\n <b@itsm.local>\r\n\t<c@itsm.local>',
      ['<a@itsm.local>', '<b@itsm.local>', '<c@itsm.local>'],
    ],
    ['<a@itsm.local>,<b@itsm.local>', ['<a@itsm.local>', '<b@itsm.local>']],
    ['<a@itsm.local> (comment) <a@itsm.local>', ['<a@itsm.local>']],
    [
      '<ticket-3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b@itsm.local>',
      ['<ticket-3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b@itsm.local>'],
    ],
    ['<CAF=x+y/z@mail.gmail.com>', ['<CAF=x+y/z@mail.gmail.com>']],
    ['a@itsm.local', ['<a@itsm.local>']],
    ['a@itsm.local b@itsm.local (Outlook)', ['<a@itsm.local>', '<b@itsm.local>']],
    ['not an id', []],
    ['<>', []],
  ])('%p has %j', (header, expected) => {
    expect(messageIdsOf(header)).toEqual(expected);
  });
});

describe('cleaning a subject', () => {
  it.each<[string, string]>([
    ['Printer', 'Printer'],
    ['Re: Printer', 'Printer'],
    ['RE: RE: Printer', 'Printer'],
    ['Fwd: FW: Re: Printer', 'Printer'],
    ['AW: WG: Drucker', 'Drucker'],
    ['Ответ: Отв: Пересл: Принтер', 'Принтер'],
    ['ОТВЕТ: принтер', 'принтер'],
    ['Re[2]: Re (3): Printer', 'Printer'],
    ['Re : Printer', 'Printer'],
    ['[INC-000123] Printer', 'Printer'],
    ['Re: [INC-000123] Re: Printer', 'Printer'],
    ['[INC-000123] Re: Ответ: Не печатает принтер', 'Не печатает принтер'],
    ['Printer [INC-000123] on floor 3', 'Printer on floor 3'],
    ['Reset password', 'Reset password'],
    ['Refund: order 42', 'Refund: order 42'],
    ['Отвертка сломалась', 'Отвертка сломалась'],
    ['  Re:   ', ''],
  ])('%p becomes %p', (subject, expected) => {
    expect(cleanSubject(subject)).toBe(expected);
  });
});

describe('stripping the quoted part of a reply', () => {
  it.each<[string, string, string]>([
    ['plain text', 'Thanks, it works now.', 'Thanks, it works now.'],
    [
      'a quote',
      'Thanks, it works now.\n\n> Hello Anna,\n> please restart.',
      'Thanks, it works now.',
    ],
    ['an indented quote', 'Done\n  > old', 'Done'],
    [
      'Gmail in English',
      'Works.\n\nOn Tue, Mar 10, 2026 at 12:00 PM Service Desk <support@itsm.local> wrote:\n> Hello',
      'Works.',
    ],
    [
      'a wrapped Gmail attribution',
      'Works.\n\nOn Tue, Mar 10, 2026 at 12:00 PM Service Desk <\nsupport@itsm.local> wrote:\n\n> Hello',
      'Works.',
    ],
    [
      'an attribution wrapped over three lines',
      'Works.\nOn Tue, Mar 10, 2026 at 12:00 PM\nService Desk\n<support@itsm.local> wrote:\nquoted without marks',
      'Works.',
    ],
    [
      'a name and address that wrote',
      'Works.\nService Desk <support@itsm.local> wrote:\nquoted',
      'Works.',
    ],
    [
      'Thunderbird in Russian',
      'Спасибо!\n\n10.03.2026 12:00, Служба поддержки пишет:\n> Здравствуйте',
      'Спасибо!',
    ],
    ['написал(а)', 'Спасибо!\nИван Петров написал(а):\nстарый текст', 'Спасибо!'],
    [
      'Gmail in Russian',
      'Спасибо!\n\nвт, 10 мар. 2026 г. в 12:00, Служба поддержки <support@itsm.local>:\n\n> Здравствуйте',
      'Спасибо!',
    ],
    [
      'a wrapped Gmail attribution in Russian',
      'Спасибо!\n\nвт, 10 мар. 2026 г. в 12:00, Служба поддержки <\nsupport@itsm.local>:\n\n> Здравствуйте',
      'Спасибо!',
    ],
    [
      'Yandex',
      'Спасибо!\n\n10.03.2026, 12:00, "Служба поддержки" <support@itsm.local>:\nЗдравствуйте',
      'Спасибо!',
    ],
    [
      'an Original Message line',
      'Done.\n\n-----Original Message-----\nFrom: Service Desk\nHello',
      'Done.',
    ],
    [
      'an Исходное сообщение line',
      'Готово.\n\n-------- Исходное сообщение --------\nТема: принтер',
      'Готово.',
    ],
    [
      'an Outlook header block with CRLF',
      'Fixed, thanks\r\n\r\n________________________________\r\nFrom: Service Desk <support@itsm.local>\r\nSent: Tuesday, March 10, 2026 12:00 PM\r\nTo: Anna\r\nSubject: [INC-000123] Printer\r\n\r\nHello',
      'Fixed, thanks',
    ],
    [
      'an Outlook header block in Russian',
      'Исправлено.\n\nОт: Служба поддержки <support@itsm.local>\nОтправлено: 10 марта 2026 г. 12:00\nКому: Анна\nТема: [INC-000123] Принтер\n\nЗдравствуйте',
      'Исправлено.',
    ],
    [
      'a bold Outlook header block',
      'Ok\n\n*From:* Service Desk\n*Sent:* Tuesday\n*To:* Anna',
      'Ok',
    ],
    [
      'only the first block, keeping what follows the reply in it',
      'First line\n\nSecond paragraph\n> quoted\nmore of the reply',
      'First line\n\nSecond paragraph',
    ],
    [
      'a From: that is no header',
      'From: my side everything works.\nThanks',
      'From: my side everything works.\nThanks',
    ],
    [
      'a line starting with On that is no attribution',
      'On it, will check.\nThanks',
      'On it, will check.\nThanks',
    ],
    [
      'a line before an attribution of its own',
      'On Monday I restarted the server.\nService Desk <support@itsm.local> wrote:\n> Hello',
      'On Monday I restarted the server.',
    ],
    ['an arrow inside a line', 'Settings -> Printers works', 'Settings -> Printers works'],
    ['trailing whitespace', 'Hi  \n\n \t\n', 'Hi'],
    ['nothing but a quote', '\n> Hello\n> again\n', '> Hello\n> again'],
    [
      'nothing before an attribution',
      'On Tue, Mar 10 Service Desk wrote:\n> Hello',
      'On Tue, Mar 10 Service Desk wrote:\n> Hello',
    ],
  ])('keeps the reply before %s', (_label, text, expected) => {
    expect(stripQuotedReply(text)).toBe(expected);
  });
});
