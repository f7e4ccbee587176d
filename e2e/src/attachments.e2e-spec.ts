import { aTicketRequestBody } from '@itsm/testing';
import type { ProblemBody, TicketBody } from './support/api-bodies';
import { platformSuite } from './support/platform-suite';

interface AttachmentBody {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

describe('attachments through the gateway', () => {
  const suite = platformSuite();

  function upload(ticketId: string, name: string, type: string, content: Buffer) {
    const form = new FormData();
    form.set('uploadedBy', 'emp-1');
    form.set('file', new Blob([content], { type }), name);
    return suite.fetch(`${suite.ticketsUrl}/${ticketId}/attachments`, {
      method: 'POST',
      body: form,
    });
  }

  it('keeps a file with a Cyrillic name and serves it back byte for byte', async () => {
    const ticket = (await (
      await suite.postJson(suite.ticketsUrl, aTicketRequestBody())
    ).json()) as TicketBody;
    const content = Buffer.from('%PDF-1.4 отчёт о сбое\n');
    const created = await upload(ticket.id, 'Отчёт о сбое.pdf', 'application/pdf', content);
    expect(created.status).toBe(201);
    const attachment = (await created.json()) as AttachmentBody;
    expect(attachment).toMatchObject({
      fileName: 'Отчёт о сбое.pdf',
      contentType: 'application/pdf',
      sizeBytes: content.length,
    });
    const retry = await upload(ticket.id, 'Отчёт о сбое.pdf', 'application/pdf', content);
    expect(retry.status).toBe(200);

    const download = await suite.fetch(
      `${suite.ticketsUrl}/${ticket.id}/attachments/${attachment.id}`,
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82",
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(content);

    const listed = (await (
      await suite.fetch(`${suite.ticketsUrl}/${ticket.id}/attachments`)
    ).json()) as {
      items: AttachmentBody[];
    };
    expect(listed.items.map((item) => item.id)).toEqual([attachment.id]);
    const [event] = (await suite.probe.waitForKey(ticket.id, { count: 2 })).slice(1);
    expect(event?.headers['ce_type']).toBe('itsm.tickets.v1.ticket.attachment_added');
  });

  it('refuses executables and files over 10 MiB with clear problems', async () => {
    const ticket = (await (
      await suite.postJson(suite.ticketsUrl, aTicketRequestBody())
    ).json()) as TicketBody;
    const exe = await upload(ticket.id, 'setup.exe', 'application/x-msdownload', Buffer.from('MZ'));
    expect(exe.status).toBe(400);
    const problem = (await exe.json()) as ProblemBody;
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['contentType', 'fileName']);
    const big = await upload(
      ticket.id,
      'dump.zip',
      'application/zip',
      Buffer.alloc(10 * 1024 * 1024 + 1),
    );
    expect(big.status).toBe(413);
    expect(((await big.json()) as ProblemBody).detail).toContain('10 MiB');
  });
});
