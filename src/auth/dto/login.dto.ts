import { ApiProperty } from '@nestjs/swagger';
import { Label } from '../../common/dto/label';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../password-policy';
import { UserView } from '../../users/dto/user.dto';

export class LoginDto {
  @ApiProperty({ example: 'office' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  @Label('登录名')
  username!: string;

  @ApiProperty({ example: '••••••••' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  @Label('密码', { verbatim: true })
  password!: string;
}

export class LoginResultView {
  @ApiProperty({ description: 'JWT（HS256），放在 Authorization: Bearer 头中使用' })
  accessToken!: string;

  @ApiProperty({ description: '令牌有效期（秒）' })
  expiresIn!: number;

  @ApiProperty({ type: UserView })
  user!: UserView;
}
