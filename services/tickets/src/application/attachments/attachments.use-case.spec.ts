import { SYSTEM_CALLER } from '../testing/test-callers';
import { TicketAttachmentAdded } from '@itsm/contracts';
import { TicketErrorCode } from '../../domain/ticket-error';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import type { AttachmentContentStore } from '../ports/attachment-content-store';
import { emptyCatalog } from '../testing/in-memory-catalog-store';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { TransitionTicketUseCase } from '../transition-ticket/transition-ticket.use-case';
import { AttachmentsUseCase } from './attachments.use-case';

class InMemoryContents implements AttachmentContentStore {
  readonly files = new Map<string, Buffer>();
  async put(id: string, content: Buffer) {
    this.files.set(id, content);
  }
  async get(id: string) {
    return this.files.get(id);
  }
  async delete(id: string) {
    this.files.delete(id);
  }
}

async function setup() {
  const store = new InMemoryTicketStore();
  const contents = new InMemoryContents();
  const clock = steppingClock(new Date('2026-11-27T09:00:00Z'));
  const ids = sequentialIds();
  const { ticket } = await new CreateTicketUseCase(store, clock, ids, emptyCatalog()).execute({
    caller: SYSTEM_CALLER,
    idempotencyKey: '',
    type: 'incident',
    title: 'Printer prints blank pages',
    description: '',
    impact: undefined,
    urgency: undefined,
    channel: undefined,
    requesterId: 'emp-1',
    organizationId: undefined,
  });
  const attachments = new AttachmentsUseCase(store, contents, clock, ids);
  const transitions = new TransitionTicketUseCase(store, clock, ids, { reopenWindowMs: 0 });
  return { store, contents, ticket, attachments, transitions };
}

const photo = (ticketId: string) => ({
  caller: SYSTEM_CALLER,
  ticketId,
  fileName: 'photo.jpg',
  contentType: 'image/jpeg',
  content: Buffer.from('not really a jpeg'),
  uploadedBy: 'emp-1',
});

describe('attachments', () => {
  it('keeps the file, its metadata, history and event; a retry answers the first', async () => {
    const { store, contents, ticket, attachments } = await setup();
    const first = await attachments.add(photo(ticket.id));
    expect(first).toMatchObject({ created: true, attachment: { sizeBytes: 17 } });
    expect(first.attachment.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await attachments.add(photo(ticket.id));
    expect(again).toEqual({ attachment: first.attachment, created: false });
    expect(contents.files.size).toBe(1);
    expect(store.events.at(-1)?.type).toBe(TicketAttachmentAdded.type);
    const { content } = await attachments.get(ticket.id, first.attachment.id, SYSTEM_CALLER);
    expect(content.toString()).toBe('not really a jpeg');
    expect(await attachments.list(ticket.id, SYSTEM_CALLER)).toEqual([first.attachment]);
  });

  it('refuses files for a closed ticket and leaves no content behind', async () => {
    const { contents, ticket, attachments, transitions } = await setup();
    await transitions.execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: undefined,
      actorId: 'a',
      action: 'cancel',
    });
    await expect(attachments.add(photo(ticket.id))).rejects.toMatchObject({
      code: TicketErrorCode.InvalidTransition,
    });
    expect(contents.files.size).toBe(0);
  });
});
