import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { EMAIL_MAX_LENGTH } from '../../domain/user';
import { UserDto } from './user.dto';

/** Long enough for any password a policy ever allowed; what is longer is not worth hashing. */
const SIGN_IN_PASSWORD_MAX_LENGTH = 1024;

export class SignInDto {
  // Only addresses get as far as the audit log: a password typed into this field does not.
  @ApiProperty({ example: 'maria.ivanova@example.com', maxLength: EMAIL_MAX_LENGTH })
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @ApiProperty({ format: 'password', maxLength: SIGN_IN_PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(SIGN_IN_PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RefreshSessionDto {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken!: string;
}

export class SessionTokensDto {
  @ApiProperty({ description: 'A JWT to send as `Authorization: Bearer …`.' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds the access token is valid.' })
  expiresIn!: number;

  @ApiProperty({
    description:
      'Exchange it once at `POST /api/v1/auth/refresh` for new tokens; presenting a used one ends the session.',
  })
  refreshToken!: string;

  @ApiProperty({ type: UserDto })
  user!: UserDto;
}
