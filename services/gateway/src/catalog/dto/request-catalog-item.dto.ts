import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { JSON_OBJECT_SCHEMA, type JsonObject } from '../../tickets/dto/json-object';
import { CHANNELS, type ChannelName } from '../../tickets/dto/ticket-enums';
import { ClaimedActor } from '../../auth/actor';

/** A requester orders a catalog item: a service request opens with the item's defaults. */
export class RequestCatalogItemDto {
  @ClaimedActor({
    who: 'Who orders.',
    example: 'emp-1042',
    onBehalf: 'tickets.create_on_behalf',
  })
  requesterId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'org-acme',
    description:
      "The requester's customer organisation. Ordering for yourself it defaults to yours; naming " +
      'another needs the `tickets.create_on_behalf` permission (else 403).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organizationId?: string;

  @ApiPropertyOptional({
    ...JSON_OBJECT_SCHEMA,
    default: {},
    example: { laptopModel: 'ThinkPad X1', needsDockingStation: true },
    description:
      "The form's values, checked against the item's formSchema; each violation names its field.",
  })
  @IsOptional()
  @IsObject()
  fields?: JsonObject;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    example: 'New laptop for Anna Petrova',
    description: "The request's title; the item's name when absent.",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 20000, example: 'She starts on Monday.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ enum: CHANNELS, default: 'portal' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: ChannelName;
}
