import type { InboundEmail } from '../../domain/inbound-email';

export interface ReceivedAttachment {
  /** Empty when the part had none, as inline images often have not. */
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** An email as the inbound endpoint parsed it, before anything was decided about it. */
export interface ReceivedEmail extends InboundEmail {
  cc: string[];
  /**
   * The envelope sender (MAIL FROM), lower-cased; empty for the null reverse-path `<>`, which
   * only delivery reports and auto-responders use (RFC 5321 4.5.5, RFC 3834).
   */
  envelopeFrom: string;
  /** The envelope recipients (RCPT TO): a reply token survives there when a client drops Cc. */
  envelopeTo: string[];
  attachments: ReceivedAttachment[];
  /** The message as it arrived, headers and body: names a message that has no Message-ID. */
  source: Buffer;
}
