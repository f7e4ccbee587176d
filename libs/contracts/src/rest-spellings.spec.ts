import { TicketAction, TicketType } from './generated/itsm/tickets/v1/ticket';
import { fromRestSpelling, restSpellings, toRestSpelling } from './rest-spellings';

describe('REST spellings of contract enums', () => {
  it('lists every value but UNSPECIFIED and UNRECOGNIZED', () => {
    expect(restSpellings(TicketType, 'TICKET_TYPE_')).toEqual([
      'incident',
      'service_request',
      'problem',
      'change',
    ]);
    expect(restSpellings(TicketAction, 'TICKET_ACTION_').slice(0, 10)).toEqual([
      'assign',
      'start',
      'pend',
      'resume',
      'resolve',
      'close',
      'reopen',
      'cancel',
      'investigate',
      'record_known_error',
    ]);
  });

  it('converts both ways', () => {
    expect(
      toRestSpelling('TICKET_TYPE_', 'TICKET_TYPE_SERVICE_REQUEST', [
        'incident',
        'service_request',
      ]),
    ).toBe('service_request');
    expect(
      fromRestSpelling('TICKET_TYPE_', 'service_request', TicketType.TICKET_TYPE_UNSPECIFIED),
    ).toBe(TicketType.TICKET_TYPE_SERVICE_REQUEST);
    expect(fromRestSpelling('TICKET_TYPE_', undefined, TicketType.TICKET_TYPE_UNSPECIFIED)).toBe(
      TicketType.TICKET_TYPE_UNSPECIFIED,
    );
  });

  it('refuses a value the API does not know rather than passing it on', () => {
    expect(() => toRestSpelling('TICKET_TYPE_', 'TICKET_TYPE_PROBLEM', ['incident'])).toThrow(
      'unexpected TICKET_TYPE_* value TICKET_TYPE_PROBLEM',
    );
  });
});
