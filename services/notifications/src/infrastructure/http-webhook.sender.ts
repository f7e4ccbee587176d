import type { OutgoingWebhook, WebhookSender } from '../application/ports/senders';
import { SendFailedError } from '../application/ports/senders';

/** Body of a receiver's answer kept in the log, at most. */
const ERROR_BODY_LIMIT = 300;

/** Posts signed events to subscribers' URLs; any 2xx is delivered, 410 Gone ends the tries. */
export class HttpWebhookSender implements WebhookSender {
  constructor(private readonly timeoutMs: number) {}

  async post(webhook: OutgoingWebhook): Promise<{ responseCode: number }> {
    let response: Response;
    try {
      response = await fetch(webhook.url, {
        method: 'POST',
        headers: webhook.headers,
        body: webhook.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new SendFailedError(`no answer from ${webhook.url}: ${reason}`, 0, false);
    }
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel();
      return { responseCode: response.status };
    }
    const text = (await response.text().catch(() => '')).slice(0, ERROR_BODY_LIMIT);
    throw new SendFailedError(
      `${webhook.url} answered ${response.status}${text ? `: ${text}` : ''}`,
      response.status,
      response.status === 410,
    );
  }
}
