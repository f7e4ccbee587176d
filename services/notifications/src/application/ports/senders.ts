/** A send that did not succeed; `permanent` when trying again cannot help. */
export class SendFailedError extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SendFailedError';
  }
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  references: string[];
  replyTo: string;
  headers: Record<string, string>;
}

export interface EmailSender {
  /** Resolves with the server's reply code; throws SendFailedError. */
  send(email: OutgoingEmail): Promise<{ responseCode: number }>;
}

export interface OutgoingWebhook {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface WebhookSender {
  /** Resolves with a 2xx status; throws SendFailedError otherwise. */
  post(webhook: OutgoingWebhook): Promise<{ responseCode: number }>;
}
