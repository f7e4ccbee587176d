import { ApiProperty, type SchemaObject } from '@nestjs/swagger';
import { ClaimedActor, claimedActorDescription } from '../../auth/actor';

/** The multipart part that carries the file. */
export const ATTACHMENT_FILE_FIELD = 'file';

/**
 * The largest file the tickets service keeps; the gateway refuses a larger one with 413
 * before it is read whole or sent on.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const UPLOADER = { who: 'Who attaches the file.' } as const;

/** The text fields of an upload; the file itself is the `file` part. */
export class AddAttachmentDto {
  @ClaimedActor(UPLOADER)
  uploadedBy?: string;
}

/** The multipart body of an upload as OpenAPI shows it. */
export const ADD_ATTACHMENT_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: [ATTACHMENT_FILE_FIELD],
  properties: {
    [ATTACHMENT_FILE_FIELD]: {
      type: 'string',
      format: 'binary',
      description:
        'The file, at most 10 MiB: images, PDF, text, mail, archives or office documents. ' +
        'Its part names the file (filename) and its type (Content-Type).',
    },
    uploadedBy: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      example: 'agent-17',
      description: claimedActorDescription(UPLOADER.who),
    },
  },
};

/** A file attached to a ticket; its content is downloaded separately. */
export class AttachmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({ example: 'Скриншот ошибки VPN.png' })
  fileName!: string;

  @ApiProperty({ example: 'image/png' })
  contentType!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: ATTACHMENT_MAX_BYTES, example: 48213 })
  sizeBytes!: number;

  @ApiProperty({
    pattern: '^[0-9a-f]{64}$',
    description: 'Hex SHA-256 of the content; also the ETag of the download.',
  })
  sha256!: string;

  @ApiProperty({ example: 'agent-17' })
  uploadedBy!: string;

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;
}

export class AttachmentListDto {
  @ApiProperty({ type: [AttachmentDto], description: 'Oldest first.' })
  items!: AttachmentDto[];
}
