import { Metadata, status } from '@grpc/grpc-js';
import { NEVER, type Observable, of, throwError } from 'rxjs';
import { decodePrincipal, PRINCIPAL_METADATA_KEY } from '@itsm/auth';
import {
  type AddAttachmentRequest,
  AddAttachmentResponse,
  type AddCommentRequest,
  AddCommentResponse,
  Channel,
  CommentVisibility,
  type CreateTicketRequest,
  CreateTicketResponse,
  TicketType,
  type TicketsServiceClient,
} from '@itsm/contracts';
import {
  AttachmentRefusedError,
  CommentRefusedError,
  TicketDeskUnavailableError,
} from '../application/ports/ticket-desk';
import { GrpcTicketDesk } from './grpc-ticket-desk';

type UsedRpcs = Pick<TicketsServiceClient, 'createTicket' | 'addComment' | 'addAttachment'>;

const TICKET_ID = '0193a7a0-0000-7000-8000-000000000001';

/** What the tickets service would answer, and what it was asked, with which metadata. */
class FakeTicketsClient implements UsedRpcs {
  readonly requests: { rpc: string; request: object; metadata: Metadata | undefined }[] = [];
  answer: () => Observable<unknown> = () => of({});

  createTicket(request: CreateTicketRequest, metadata?: Metadata) {
    this.requests.push({ rpc: 'createTicket', request, metadata });
    return this.answer() as Observable<CreateTicketResponse>;
  }

  addComment(request: AddCommentRequest, metadata?: Metadata) {
    this.requests.push({ rpc: 'addComment', request, metadata });
    return this.answer() as Observable<AddCommentResponse>;
  }

  addAttachment(request: AddAttachmentRequest, metadata?: Metadata) {
    this.requests.push({ rpc: 'addAttachment', request, metadata });
    return this.answer() as Observable<AddAttachmentResponse>;
  }
}

const grpcError = (code: status, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: new Metadata() });

function setUp(callTimeoutMs = 1_000) {
  const client = new FakeTicketsClient();
  return { client, desk: new GrpcTicketDesk(client, { callTimeoutMs }) };
}

const newTicket = {
  idempotencyKey: 'email:<m1@mail.example.com>',
  type: 'service_request' as const,
  title: 'New laptop',
  description: 'Mine broke.',
  requesterId: 'u-alice',
  organizationId: null,
};

const comment = {
  ticketId: TICKET_ID,
  authorId: 'u-alice',
  body: 'Again',
  idempotencyKey: 'email:<m2@mail.example.com>',
};

const file = {
  ticketId: TICKET_ID,
  fileName: 'setup.exe',
  contentType: 'application/x-msdownload',
  content: Buffer.from('MZ'),
  uploadedBy: 'u-alice',
};

describe('GrpcTicketDesk', () => {
  it('creates an email ticket as the notifications service, for the sender', async () => {
    const { client, desk } = setUp();
    client.answer = () =>
      of(
        CreateTicketResponse.fromJSON({
          ticket: { id: TICKET_ID, number: 'REQ-000042' },
          created: true,
        }),
      );

    const created = await desk.createTicket(newTicket);

    expect(created).toEqual({ ticketId: TICKET_ID, number: 'REQ-000042' });
    const [call] = client.requests;
    expect(call?.request).toMatchObject({
      idempotencyKey: 'email:<m1@mail.example.com>',
      type: TicketType.TICKET_TYPE_SERVICE_REQUEST,
      title: 'New laptop',
      description: 'Mine broke.',
      channel: Channel.CHANNEL_EMAIL,
      requesterId: 'u-alice',
      organizationId: '',
    });
    const principal = decodePrincipal(String(call?.metadata?.get(PRINCIPAL_METADATA_KEY)[0]));
    expect(principal).toMatchObject({ kind: 'service_account', id: 'system:notifications' });
  });

  it('adds a public comment', async () => {
    const { client, desk } = setUp();
    client.answer = () => of(AddCommentResponse.fromJSON({ created: true }));

    await desk.addPublicComment(comment);

    expect(client.requests[0]?.request).toEqual({
      ...comment,
      visibility: CommentVisibility.COMMENT_VISIBILITY_PUBLIC,
    });
    expect(client.requests[0]?.metadata?.get(PRINCIPAL_METADATA_KEY)).toHaveLength(1);
  });

  it.each([
    { code: status.UNAVAILABLE, expected: TicketDeskUnavailableError },
    { code: status.DEADLINE_EXCEEDED, expected: TicketDeskUnavailableError },
    { code: status.FAILED_PRECONDITION, expected: CommentRefusedError },
    { code: status.NOT_FOUND, expected: CommentRefusedError },
  ])('a comment answered with status $code throws $expected.name', async ({ code, expected }) => {
    const { client, desk } = setUp();
    client.answer = () => throwError(() => grpcError(code, 'refused'));
    await expect(desk.addPublicComment(comment)).rejects.toBeInstanceOf(expected);
  });

  it.each([
    { code: status.FAILED_PRECONDITION, reason: 'ticket_closed' },
    { code: status.NOT_FOUND, reason: 'ticket_not_found' },
  ])('a refused comment says why ($reason)', async ({ code, reason }) => {
    const { client, desk } = setUp();
    client.answer = () => throwError(() => grpcError(code, 'ticket INC-000001 is closed'));
    await expect(desk.addPublicComment(comment)).rejects.toMatchObject({
      reason,
      message: 'ticket INC-000001 is closed',
    });
  });

  it('an attachment the tickets service refuses throws AttachmentRefusedError', async () => {
    const { client, desk } = setUp();
    client.answer = () =>
      throwError(() => grpcError(status.INVALID_ARGUMENT, 'the attachment is refused'));
    await expect(desk.addAttachment(file)).rejects.toBeInstanceOf(AttachmentRefusedError);
  });

  it('an attachment that was added answers nothing', async () => {
    const { client, desk } = setUp();
    client.answer = () => of(AddAttachmentResponse.fromJSON({ created: true }));
    await expect(desk.addAttachment(file)).resolves.toBeUndefined();
    expect(client.requests[0]?.request).toEqual(file);
  });

  it('a call that is not answered in time is the tickets service being unavailable', async () => {
    const { client, desk } = setUp(20);
    client.answer = () => NEVER;
    await expect(desk.createTicket(newTicket)).rejects.toBeInstanceOf(TicketDeskUnavailableError);
  });

  it.each([status.PERMISSION_DENIED, status.INVALID_ARGUMENT, status.INTERNAL])(
    'other failures (status %s) are thrown as they are',
    async (code) => {
      const { client, desk } = setUp();
      const failure = grpcError(code, 'no');
      client.answer = () => throwError(() => failure);
      await expect(desk.createTicket(newTicket)).rejects.toBe(failure);
    },
  );
});
