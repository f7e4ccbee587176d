import {
  ApiProperty,
  ApiPropertyOptional,
  IntersectionType,
  OmitType,
  PickType,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ClaimedActor } from '../../auth/actor';
import { ListTicketsQueryDto } from '../../tickets/dto/list-tickets.query.dto';

export const VIEW_NAME_MAX_LENGTH = 100;

/**
 * The filters and order of a view: exactly the query parameters of `GET /api/v1/tickets`
 * without the page (and without ticket ids: a view is a standing query, not a list of tickets),
 * so a view is a list query a client can also run by hand.
 */
export class TicketFiltersDto extends OmitType(ListTicketsQueryDto, [
  'limit',
  'cursor',
  'id',
] as const) {}

export class ViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'agent-17', description: 'The agent who keeps the view.' })
  ownerId!: string;

  @ApiProperty({ example: 'Сеть: новые VIP' })
  name!: string;

  @ApiProperty({ description: 'Shown to every agent, not only to its owner.' })
  shared!: boolean;

  @ApiProperty({
    type: TicketFiltersDto,
    example: { status: 'new', tag: ['vpn', 'vip'], sort: '-priority' },
    description: 'Only the filters the view sets; an empty object lists every ticket.',
  })
  filters!: TicketFiltersDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; send it back as If-Match.' })
  version!: number;
}

export class ViewListDto {
  @ApiProperty({ type: [ViewDto] })
  items!: ViewDto[];
}

/** What a client names and filters; create and replace share it. */
class ViewContentDto {
  @ClaimedActor({ who: 'The agent who keeps the view; only they change or delete it.' })
  ownerId?: string;

  @ApiProperty({ minLength: 1, maxLength: VIEW_NAME_MAX_LENGTH, example: 'Сеть: новые VIP' })
  @IsString()
  @MinLength(1)
  @MaxLength(VIEW_NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({
    type: TicketFiltersDto,
    example: { status: 'new', tag: ['vpn', 'vip'], sort: '-priority' },
    description:
      'The list query parameters of `GET /api/v1/tickets` without `limit` and `cursor`; `{}` lists every ticket.',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => TicketFiltersDto)
  filters!: TicketFiltersDto;
}

export class CreateViewDto extends ViewContentDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Show the view to every agent, not only to its owner.',
  })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}

/** A view replaced as a whole: every field is given. */
export class UpdateViewDto extends ViewContentDto {
  @ApiProperty({ description: 'Show the view to every agent, not only to its owner.' })
  @IsBoolean()
  shared!: boolean;
}

export class ViewOwnerQueryDto {
  @ClaimedActor({ who: 'The agent asking.' })
  ownerId?: string;
}

/** A page of the tickets a view lists, for the agent asking. */
export class ViewTicketsQueryDto extends IntersectionType(
  PickType(ListTicketsQueryDto, ['limit', 'cursor'] as const),
  ViewOwnerQueryDto,
) {}
