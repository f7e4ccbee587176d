import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const NAME_MAX_LENGTH = 200;
const URL_MAX_LENGTH = 2000;
const MAX_EVENT_TYPES = 100;
const EVENT_TYPE_MAX_LENGTH = 200;

/** A CloudEvents type of the platform, e.g. itsm.tickets.v1.ticket.created. */
const EVENT_TYPE_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

// Receivers often sit inside the organisation's network (no public domain), so any host will
// do; only the scheme is the gateway's to check.
const HTTP_URL = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
  allow_underscores: true,
};
const URL_RULE = 'url must be an http or https URL';

const EVENT_TYPES_DESCRIPTION =
  'CloudEvents types (`itsm.tickets.v1.ticket.created`, see the AsyncAPI document); empty: every event.';

/** Where events are posted, signed with the subscription's secret (X-ITSM-Signature). */
export class WebhookSubscriptionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Monitoring bridge' })
  name!: string;

  @ApiProperty({ format: 'uri', example: 'https://hooks.example.com/itsm' })
  url!: string;

  @ApiProperty({
    type: [String],
    example: ['itsm.tickets.v1.ticket.created'],
    description: EVENT_TYPES_DESCRIPTION,
  })
  eventTypes!: string[];

  @ApiProperty({ example: true, description: 'false: nothing is posted.' })
  active!: boolean;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; name it in If-Match to update.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** A new subscription and, once only, the secret its deliveries are signed with. */
export class CreatedWebhookSubscriptionDto extends WebhookSubscriptionDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Receivers verify X-ITSM-Signature with it. Shown on creation only: null when a retry ' +
      'with the same Idempotency-Key returns the subscription created first.',
  })
  secret!: string | null;
}

export class WebhookSubscriptionListDto {
  @ApiProperty({ type: [WebhookSubscriptionDto] })
  items!: WebhookSubscriptionDto[];
}

export class CreateWebhookSubscriptionDto {
  @ApiProperty({ minLength: 1, maxLength: NAME_MAX_LENGTH, example: 'Monitoring bridge' })
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({
    format: 'uri',
    maxLength: URL_MAX_LENGTH,
    example: 'https://hooks.example.com/itsm',
    description: 'An http or https URL the events are posted to.',
  })
  @IsString()
  @MaxLength(URL_MAX_LENGTH)
  @IsUrl(HTTP_URL, { message: URL_RULE })
  url!: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_EVENT_TYPES,
    uniqueItems: true,
    example: ['itsm.tickets.v1.ticket.created'],
    description: EVENT_TYPES_DESCRIPTION,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVENT_TYPES)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(EVENT_TYPE_MAX_LENGTH, { each: true })
  @Matches(EVENT_TYPE_PATTERN, { each: true, message: 'eventTypes must be CloudEvents types' })
  eventTypes?: string[];
}

/** The fields to change; those left out keep their value. */
export class UpdateWebhookSubscriptionDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: NAME_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ format: 'uri', maxLength: URL_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(URL_MAX_LENGTH)
  @IsUrl(HTTP_URL, { message: URL_RULE })
  url?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_EVENT_TYPES,
    uniqueItems: true,
    description: EVENT_TYPES_DESCRIPTION,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVENT_TYPES)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(EVENT_TYPE_MAX_LENGTH, { each: true })
  @Matches(EVENT_TYPE_PATTERN, { each: true, message: 'eventTypes must be CloudEvents types' })
  eventTypes?: string[];

  @ApiPropertyOptional({ description: 'false: stop posting without losing the subscription.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
