import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTransport } from 'nodemailer';
import { Topics } from '@itsm/contracts';
import {
  eventually,
  type RunningNotifications,
  ServiceProcess,
  SmtpSink,
  testKafka,
} from '@itsm/testing';
import { createUser, fetchAs, postJsonAs, type TestUser } from './support/api-session';
import { platformSuite } from './support/platform-suite';

/** A webhook receiver that answers 500 to the first `failures` posts of each delivery, then 200. */
type ReceivedPost = { headers: IncomingHttpHeaders; body: string; status: number };

class FlakyReceiver {
  private constructor(
    private readonly server: Server,
    readonly requests: ReceivedPost[],
  ) {}

  static async start(failures: number): Promise<FlakyReceiver> {
    const requests: ReceivedPost[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const delivery = request.headers['x-itsm-delivery'];
        const earlier = requests.filter(({ headers }) => headers['x-itsm-delivery'] === delivery);
        const status = earlier.length < failures ? 500 : 200;
        requests.push({
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          status,
        });
        response.writeHead(status).end(status === 200 ? 'ok' : 'temporarily broken');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FlakyReceiver(server, requests);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/itsm`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const TOPICS = [
  Topics.tickets,
  Topics.sla,
  Topics.routing,
  Topics.cmdb,
  Topics.knowledge,
  Topics.identity,
];

/** The consumer group's committed positions, to read its topics again from there. */
async function committedOffsets(groupId: string) {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    return await admin.fetchOffsets({ groupId, topics: TOPICS });
  } finally {
    await admin.disconnect();
  }
}

async function rewind(groupId: string, offsets: Awaited<ReturnType<typeof committedOffsets>>) {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    for (const { topic, partitions } of offsets) {
      await admin.setOffsets({
        groupId,
        topic,
        // Only where a position was committed: the rest holds other platforms' events.
        partitions: partitions.filter(({ offset }) => offset !== '-1'),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

describe('notifications: email, replies by email, signed webhooks, replays', () => {
  let smtp: SmtpSink;
  let receiver: FlakyReceiver;
  // Before the platform starts (hooks run in order): the service is given the sink's URL.
  beforeAll(async () => {
    smtp = await SmtpSink.start();
    receiver = await FlakyReceiver.start(2);
  });
  const suite = platformSuite({
    routing: true,
    get notifications() {
      return {
        smtpUrl: smtp.url,
        env: { DELIVERY_RETRY_BASE_MS: '300', DELIVERY_RETRY_MAX_MS: '2000' },
      };
    },
  });
  const notifications = (): RunningNotifications => {
    if (!suite.platform.notifications) throw new Error('the platform runs without notifications');
    return suite.platform.notifications;
  };
  let requester: TestUser;
  /** This platform's tickets: other platforms may share the Kafka and publish their own. */
  const ourTicketIds: string[] = [];
  const postsAboutOurTickets = () =>
    receiver.requests.filter(({ body }) => ourTicketIds.some((id) => body.includes(id)));
  let webhookSecret: string;
  let startOffsets: Awaited<ReturnType<typeof committedOffsets>>;

  afterAll(async () => {
    await smtp?.stop();
    await receiver?.stop();
  });

  it('records where the notifications consumer starts, to replay from there later', async () => {
    const { consumerGroup } = notifications();
    startOffsets = await committedOffsets(consumerGroup);
    expect(startOffsets.map(({ topic }) => topic).sort()).toEqual([...TOPICS].sort());
  });

  it('lets an administrator subscribe a webhook to new tickets, showing the secret once', async () => {
    const asAdmin = fetchAs(suite.admin);
    const response = await postJsonAs(
      asAdmin,
      `${suite.platform.gatewayUrl}/api/v1/webhook-subscriptions`,
      { name: 'CRM sync', url: receiver.url, eventTypes: ['itsm.tickets.v1.ticket.created'] },
      { 'Idempotency-Key': 'crm-sync-subscription' },
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; secret: string; active: boolean };
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.active).toBe(true);
    webhookSecret = created.secret;

    const listed = (await (
      await asAdmin(`${suite.platform.gatewayUrl}/api/v1/webhook-subscriptions`)
    ).json()) as { items: Record<string, unknown>[] };
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).not.toHaveProperty('secret');
  });

  it('emails the requester in their language when their ticket is created', async () => {
    requester = await createUser(suite.platform.gatewayUrl, suite.admin, {
      email: 'john.smith@example.com',
      displayName: 'John Smith',
      roles: ['requester'],
      language: 'en',
      timeZone: 'Europe/London',
    });
    const created = await postJsonAs(requester.fetch, suite.ticketsUrl, {
      type: 'incident',
      title: 'Printer on floor 3 jams',
      description: 'Every second page jams in tray 2.',
      impact: 'low',
      urgency: 'medium',
      channel: 'portal',
    });
    expect(created.status).toBe(201);
    const ticket = (await created.json()) as { id: string; number: string };
    ourTicketIds.push(ticket.id);

    const mail = await smtp.waitFor(requester.email, ({ parsed }) =>
      (parsed.subject ?? '').includes(ticket.number),
    );
    expect(mail.parsed.subject).toContain(`[${ticket.number}]`);
    expect(mail.parsed.subject).toContain('Printer on floor 3 jams');
    // English, as the requester's profile says; the Russian template is not used.
    expect(mail.parsed.text).toMatch(/John Smith/);
    expect(mail.parsed.text).not.toMatch(/[а-яё]{4,}/i);
    expect(mail.parsed.from?.value[0]?.address).toBe(notifications().mailbox);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.parsed.messageId).toMatch(/^<.+@itsm\.test>$/);

    // The reply goes to the signed reply address and threads on the message id.
    const replyTo = mail.parsed.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(/^support\+[0-9a-z.]+@itsm\.test$/);
    await createTransport({
      host: '127.0.0.1',
      port: notifications().inboundSmtpPort,
      secure: false,
      ignoreTLS: true,
    }).sendMail({
      from: { name: 'John Smith', address: requester.email },
      to: replyTo,
      subject: `Re: ${mail.parsed.subject ?? ''}`,
      inReplyTo: mail.parsed.messageId,
      references: [mail.parsed.messageId ?? ''],
      text: [
        'It jams on tray 1 too, since this morning.',
        '',
        `On Fri, 27 Nov 2026 at 10:00, Service desk <${notifications().mailbox}> wrote:`,
        '> Your request has been registered.',
      ].join('\n'),
    });

    const comment = await eventually(
      'the emailed reply as a comment on the ticket',
      async () => {
        const response = await requester.fetch(`${suite.ticketsUrl}/${ticket.id}/comments`);
        const { items } = (await response.json()) as {
          items: { body: string; authorId: string; visibility: string }[];
        };
        return items.find(({ body }) => body.includes('tray 1'));
      },
      { timeoutMs: 30_000 },
    );
    expect(comment).toMatchObject({ authorId: requester.id, visibility: 'public' });
    expect(comment.body).toBe('It jams on tray 1 too, since this morning.');

    const inbound = (await (
      await fetchAs(suite.admin)(
        `${suite.platform.gatewayUrl}/api/v1/inbound-emails?ticketId=${ticket.id}`,
      )
    ).json()) as { items: { outcome: string; matchedBy: string }[] };
    expect(inbound.items).toEqual([
      expect.objectContaining({ outcome: 'comment_added', matchedBy: 'message_id' }),
    ]);
  });

  it("lists the requester's own in-app notifications and marks them read", async () => {
    const feedUrl = `${suite.platform.gatewayUrl}/api/v1/notifications`;
    const feed = await eventually('the in-app notification of the new ticket', async () => {
      const body = (await (await requester.fetch(feedUrl)).json()) as {
        items: { id: string; title: string; ticketNumber: string | null; readAt: string | null }[];
        unreadCount: number;
      };
      return body.items.length > 0 ? body : undefined;
    });
    expect(feed.unreadCount).toBeGreaterThan(0);
    expect(feed.items[0]).toMatchObject({ readAt: null });
    expect(feed.items[0]?.title).toContain('Printer on floor 3 jams');

    const marked = await postJsonAs(requester.fetch, `${feedUrl}/read`, {});
    expect(marked.status).toBe(200);
    expect(((await marked.json()) as { marked: number }).marked).toBe(feed.unreadCount);
    const after = (await (await requester.fetch(`${feedUrl}?unreadOnly=true`)).json()) as {
      items: unknown[];
      unreadCount: number;
    };
    expect(after).toMatchObject({ items: [], unreadCount: 0 });

    // Someone else's notifications are not reachable: the feed is always the caller's own.
    const other = (await (await fetchAs(suite.admin)(feedUrl)).json()) as { items: unknown[] };
    expect(other.items).toEqual([]);
  });

  it("keeps a person's preferences and refuses quiet hours that make no sense", async () => {
    const url = `${suite.platform.gatewayUrl}/api/v1/me/notification-preferences`;
    const defaults = (await (await requester.fetch(url)).json()) as Record<string, unknown>;
    expect(defaults).toMatchObject({ emailEnabled: true, inAppEnabled: true, quietHours: null });

    const put = (body: unknown) =>
      requester.fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const saved = await put({
      emailEnabled: true,
      inAppEnabled: true,
      quietHours: { start: '22:00', end: '07:00' },
      digestLowPriority: true,
    });
    expect(saved.status).toBe(200);
    expect((await saved.json()) as Record<string, unknown>).toMatchObject({
      quietHours: { start: '22:00', end: '07:00' },
      digestLowPriority: true,
    });
    const wrong = await put({
      emailEnabled: true,
      inAppEnabled: true,
      quietHours: { start: '25:00', end: '07:00' },
      digestLowPriority: true,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    // Back to no quiet hours, so the flows below are not held back by the clock.
    expect(
      (
        await put({
          emailEnabled: true,
          inAppEnabled: true,
          quietHours: null,
          digestLowPriority: true,
        })
      ).status,
    ).toBe(200);
  });

  it('lets an administrator preview a template with a ticket and switch a trigger off', async () => {
    const asAdmin = fetchAs(suite.admin);
    const [ticketId] = ourTicketIds;
    const preview = await postJsonAs(
      asAdmin,
      `${suite.platform.gatewayUrl}/api/v1/notification-templates/ticket-created-requester/ru/preview`,
      { ticketId },
    );
    expect(preview.status).toBe(200);
    const rendered = (await preview.json()) as { subject: string; text: string; html: string };
    expect(rendered.subject).toContain('Printer on floor 3 jams');
    expect(rendered.subject).toMatch(/[а-яё]/i);
    expect(rendered.html).toContain('<');

    const unknownVariable = await postJsonAs(
      asAdmin,
      `${suite.platform.gatewayUrl}/api/v1/notification-templates/ticket-created-requester/en/preview`,
      { subject: 'Hello {{ ticket.secret }}', bodyText: 'x', bodyHtml: '<p>x</p>' },
    );
    expect(unknownVariable.status).toBe(400);
    expect(JSON.stringify(await unknownVariable.json())).toContain('ticket.secret');

    const triggersUrl = `${suite.platform.gatewayUrl}/api/v1/notification-triggers`;
    const { items } = (await (await asAdmin(triggersUrl)).json()) as {
      items: { key: string; enabled: boolean }[];
    };
    expect(items.map(({ key }) => key)).toEqual(
      expect.arrayContaining(['ticket-created', 'sla-breached', 'change-approval-requested']),
    );
    const patch = (enabled: boolean) =>
      asAdmin(`${triggersUrl}/ticket-updated-watchers`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ enabled }),
      });
    const off = await patch(false);
    expect(off.status).toBe(200);
    expect(((await off.json()) as { enabled: boolean }).enabled).toBe(false);
    expect((await patch(true)).status).toBe(200);

    // A requester manages neither templates nor triggers.
    expect((await requester.fetch(triggersUrl)).status).toBe(403);
  });

  it('turns a new email from a known sender into a ticket, and drops an auto-reply', async () => {
    const transport = createTransport({
      host: '127.0.0.1',
      port: notifications().inboundSmtpPort,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: requester.email,
      to: notifications().mailbox,
      subject: 'Out of office: back on Monday',
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'I am away until Monday.',
    });
    await transport.sendMail({
      from: requester.email,
      to: notifications().mailbox,
      subject: 'Laptop battery swells',
      text: 'The battery of my laptop lifts the touchpad.',
      attachments: [{ filename: 'battery.txt', content: 'photo placeholder' }],
    });
    const ticket = await eventually('the emailed ticket', async () => {
      const response = await requester.fetch(`${suite.ticketsUrl}?limit=50`);
      const { items } = (await response.json()) as {
        items: { id: string; title: string; channel: string; requesterId: string }[];
      };
      return items.find(({ title }) => title === 'Laptop battery swells');
    });
    ourTicketIds.push(ticket.id);
    expect(ticket).toMatchObject({ channel: 'email', requesterId: requester.id });
    const attachments = (await (
      await requester.fetch(`${suite.ticketsUrl}/${ticket.id}/attachments`)
    ).json()) as { items: { fileName: string }[] };
    expect(attachments.items.map(({ fileName }) => fileName)).toEqual(['battery.txt']);

    const dropped = (await (
      await fetchAs(suite.admin)(
        `${suite.platform.gatewayUrl}/api/v1/inbound-emails?outcome=dropped`,
      )
    ).json()) as { items: { reason: string; subject: string }[] };
    expect(dropped.items).toEqual([
      expect.objectContaining({ reason: 'auto_reply', subject: 'Out of office: back on Monday' }),
    ]);
  });

  it('retries a failing webhook until it takes the event, with a valid signature each time', async () => {
    const printerPosts = () =>
      receiver.requests.filter(({ body }) => body.includes('Printer on floor 3 jams'));
    await eventually('three webhook attempts', async () =>
      printerPosts().length >= 3 ? true : undefined,
    );
    expect(printerPosts().map(({ status }) => status)).toEqual([500, 500, 200]);
    const deliveryIds = new Set(printerPosts().map(({ headers }) => headers['x-itsm-delivery']));
    expect(deliveryIds.size).toBe(1);
    for (const { headers, body } of postsAboutOurTickets()) {
      const timestamp = String(headers['x-itsm-timestamp']);
      const expected = `sha256=${createHmac('sha256', webhookSecret).update(`${timestamp}.${body}`).digest('hex')}`;
      expect(headers['x-itsm-signature']).toBe(expected);
      expect(JSON.parse(body)).toMatchObject({
        specversion: '1.0',
        type: 'itsm.tickets.v1.ticket.created',
      });
    }
    const asAdmin = fetchAs(suite.admin);
    const [deliveryId] = [...deliveryIds];
    const delivery = (await (
      await asAdmin(
        `${suite.platform.gatewayUrl}/api/v1/notification-deliveries/${String(deliveryId)}`,
      )
    ).json()) as { status: string; attempts: { outcome: string; responseCode: number }[] };
    expect(delivery.status).toBe('delivered');
    expect(delivery.attempts.map(({ outcome, responseCode }) => [outcome, responseCode])).toEqual([
      ['failed', 500],
      ['failed', 500],
      ['delivered', 200],
    ]);
  });

  it('sends nothing twice when the topics are replayed', async () => {
    const running = notifications();
    const asAdminFetch = fetchAs(suite.admin);
    // Quiet first: nothing waits to be sent, so whatever arrives later came from the replay.
    await eventually(
      'every delivery settled',
      async () => {
        for (const status of ['pending', 'sending', 'failed']) {
          const response = await asAdminFetch(
            `${suite.platform.gatewayUrl}/api/v1/notification-deliveries?status=${status}`,
          );
          const { items } = (await response.json()) as { items: unknown[] };
          if (items.length > 0) return undefined;
        }
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 300 },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const emailsBefore = smtp.messages.length;
    const webhookPostsBefore = postsAboutOurTickets().length;
    const asAdmin = fetchAs(suite.admin);
    const countDeliveries = async () => {
      let count = 0;
      for (const ticketId of ourTicketIds) {
        const response = await asAdmin(
          `${suite.platform.gatewayUrl}/api/v1/notification-deliveries?ticketId=${ticketId}&limit=200`,
        );
        count += ((await response.json()) as { items: unknown[] }).items.length;
      }
      return count;
    };
    const deliveriesBefore = await countDeliveries();
    expect(emailsBefore).toBeGreaterThan(0);

    await running.service.stop();
    await rewind(running.consumerGroup, startOffsets);
    running.service = await ServiceProcess.start({
      service: 'notifications',
      httpPort: running.httpPort,
      env: running.env,
    });
    // Caught up again: everything up to the end of the topics was read a second time.
    await eventually(
      'the replayed consumer to catch up',
      async () => {
        const offsets = await committedOffsets(running.consumerGroup);
        const admin = testKafka().admin();
        await admin.connect();
        try {
          for (const { topic, partitions } of offsets) {
            const ends = await admin.fetchTopicOffsets(topic);
            for (const { partition, offset } of partitions) {
              const end = ends.find((candidate) => candidate.partition === partition)?.high ?? '0';
              if (end !== '0' && offset !== end) return undefined;
            }
          }
          return true;
        } finally {
          await admin.disconnect();
        }
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.messages.slice(emailsBefore).map(({ parsed }) => parsed.subject)).toEqual([]);
    expect(postsAboutOurTickets()).toHaveLength(webhookPostsBefore);
    expect(await countDeliveries()).toBe(deliveriesBefore);
  });
});
