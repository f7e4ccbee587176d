import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import {
  KEY_MAX_LENGTH,
  KEY_PATTERN,
  KEY_RULE,
  TEMPLATE_LOCALES,
  type TemplateLocaleName,
} from './notification-enums';

const SUBJECT_MAX_LENGTH = 250;
const BODY_MAX_LENGTH = 20_000;

const SYNTAX =
  'Variables are written {{ ticket.number }}; {{#if x}}…{{else}}…{{/if}} shows a part only ' +
  'when x has a value. Unknown variables and unbalanced blocks are refused with 400.';

/** A message in one language. */
export class NotificationTemplateDto {
  @ApiProperty({ example: 'ticket-created' })
  key!: string;

  @ApiProperty({ enum: TEMPLATE_LOCALES })
  locale!: TemplateLocaleName;

  @ApiProperty({ example: '{{ ticket.number }}: your request is registered' })
  subject!: string;

  @ApiProperty({ description: 'The plain-text body.' })
  bodyText!: string;

  @ApiProperty({ description: 'The HTML body.' })
  bodyHtml!: string;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; name it in If-Match to update.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class NotificationTemplateListDto {
  @ApiProperty({ type: [NotificationTemplateDto], description: 'By key, then locale.' })
  items!: NotificationTemplateDto[];
}

export class NotificationTemplatePathDto {
  @ApiProperty({
    maxLength: KEY_MAX_LENGTH,
    pattern: KEY_PATTERN.source,
    example: 'ticket-created',
  })
  @IsString()
  @MaxLength(KEY_MAX_LENGTH)
  @Matches(KEY_PATTERN, { message: `key must be ${KEY_RULE}` })
  key!: string;

  @ApiProperty({ enum: TEMPLATE_LOCALES })
  @IsIn(TEMPLATE_LOCALES)
  locale!: TemplateLocaleName;
}

/** A template's text in one language; PUT replaces it, or adds the language. */
export class WriteNotificationTemplateDto {
  @ApiProperty({ minLength: 1, maxLength: SUBJECT_MAX_LENGTH, description: `One line. ${SYNTAX}` })
  @IsString()
  @MinLength(1)
  @MaxLength(SUBJECT_MAX_LENGTH)
  subject!: string;

  @ApiProperty({ minLength: 1, maxLength: BODY_MAX_LENGTH, description: SYNTAX })
  @IsString()
  @MinLength(1)
  @MaxLength(BODY_MAX_LENGTH)
  bodyText!: string;

  @ApiProperty({ minLength: 1, maxLength: BODY_MAX_LENGTH, description: SYNTAX })
  @IsString()
  @MinLength(1)
  @MaxLength(BODY_MAX_LENGTH)
  bodyHtml!: string;
}

const DRAFT_PARTS = ['subject', 'bodyText', 'bodyHtml'] as const;
type DraftPartName = (typeof DRAFT_PARTS)[number];

/**
 * One part of a draft: absent when the whole draft is, else a string. One rule with one
 * message, so a missing part is not also reported as no string and too long.
 */
function DraftPart(part: DraftPartName, maxLength: number): PropertyDecorator {
  return ValidateBy({
    name: 'draftPart',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        value === undefined
          ? !DRAFT_PARTS.some(
              (other) => (args?.object as Record<string, unknown>)[other] !== undefined,
            )
          : typeof value === 'string' && value.length <= maxLength,
      defaultMessage: (args?: ValidationArguments) =>
        args?.value === undefined
          ? `${part} is missing: a draft has subject, bodyText and bodyHtml, or none of them`
          : `${part} must be a string of at most ${maxLength} characters`,
    },
  });
}

/**
 * What to render: the stored template, or a draft of it; with a ticket's data, or with
 * sample data.
 */
export class PreviewNotificationTemplateDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A ticket whose data fills the variables; absent: sample data.',
  })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({
    maxLength: SUBJECT_MAX_LENGTH,
    description: 'A draft to render instead of the stored template: all three parts or none.',
  })
  @DraftPart('subject', SUBJECT_MAX_LENGTH)
  subject?: string;

  @ApiPropertyOptional({ maxLength: BODY_MAX_LENGTH })
  @DraftPart('bodyText', BODY_MAX_LENGTH)
  bodyText?: string;

  @ApiPropertyOptional({ maxLength: BODY_MAX_LENGTH })
  @DraftPart('bodyHtml', BODY_MAX_LENGTH)
  bodyHtml?: string;
}

/** A message as it would be sent; nothing is sent. */
export class RenderedNotificationDto {
  @ApiProperty({ example: 'INC-000123: your request is registered' })
  subject!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty()
  html!: string;
}
