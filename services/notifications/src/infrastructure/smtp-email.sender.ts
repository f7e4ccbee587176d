import { createTransport, type Transporter } from 'nodemailer';
import type { EmailSender, OutgoingEmail } from '../application/ports/senders';
import { SendFailedError } from '../application/ports/senders';

/** Mail servers' permanent refusals (5xx) other than "try later" ones. */
function isPermanent(responseCode: number): boolean {
  return responseCode >= 500 && responseCode < 600 && responseCode !== 552;
}

/** Sends notification email through the configured SMTP server (pooled connections). */
export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: { name: string; address: string },
  ) {
    // Connections are pooled unless the URL says otherwise (?pool=false).
    const url = new URL(smtpUrl);
    if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
    this.transport = createTransport(url.toString());
  }

  async send(email: OutgoingEmail): Promise<{ responseCode: number }> {
    try {
      const info = (await this.transport.sendMail({
        from: { name: this.from.name, address: this.from.address },
        to: email.to,
        replyTo: email.replyTo,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        references: email.references,
        headers: email.headers,
      })) as { response?: string };
      return { responseCode: Number.parseInt(info.response ?? '250', 10) || 250 };
    } catch (error) {
      const { responseCode, message } = error as { responseCode?: number; message?: string };
      const code = typeof responseCode === 'number' ? responseCode : 0;
      throw new SendFailedError(message ?? String(error), code, isPermanent(code));
    }
  }

  close(): void {
    this.transport.close();
  }
}
