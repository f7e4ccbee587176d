import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, Matches, ValidateIf, ValidateNested } from 'class-validator';

const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** When email waits; in-app notifications are never held back. */
export class QuietHoursDto {
  @ApiProperty({
    pattern: LOCAL_TIME.source,
    example: '22:00',
    description: 'Local time HH:mm in the person’s time zone.',
  })
  @Matches(LOCAL_TIME, { message: 'start must be a time of day HH:mm' })
  start!: string;

  @ApiProperty({
    pattern: LOCAL_TIME.source,
    example: '07:00',
    description: 'Local time HH:mm; an end before the start runs past midnight.',
  })
  @Matches(LOCAL_TIME, { message: 'end must be a time of day HH:mm' })
  end!: string;
}

/** How the caller wants to be told; PUT replaces all of it. */
export class WriteNotificationPreferencesDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  emailEnabled!: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  inAppEnabled!: boolean;

  @ApiProperty({
    type: QuietHoursDto,
    nullable: true,
    description: 'null: email goes out at any hour.',
  })
  // PUT replaces everything: no quiet hours is said with null, not by leaving them out.
  @ValidateIf((_, value) => value !== null)
  @IsObject({ message: 'quietHours must be {start, end}, or null for none' })
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours!: QuietHoursDto | null;

  @ApiProperty({
    example: false,
    description: 'Low-importance email goes into a periodic digest instead of one message each.',
  })
  @IsBoolean()
  digestLowPriority!: boolean;
}

export class NotificationPreferencesDto {
  @ApiProperty({ example: true })
  emailEnabled!: boolean;

  @ApiProperty({ example: true })
  inAppEnabled!: boolean;

  @ApiProperty({ type: QuietHoursDto, nullable: true })
  quietHours!: QuietHoursDto | null;

  @ApiProperty({ example: false })
  digestLowPriority!: boolean;

  @ApiProperty({
    example: 1,
    description:
      'Also sent as the ETag; name it in If-Match to update. 0 while the defaults apply ' +
      '(no ETag then).',
  })
  version!: number;
}
