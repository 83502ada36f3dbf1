import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Access } from '../access/access';
import { CurrentAccess, Public, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { ChangeOwnPasswordDto, UserView } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { LoginDto, LoginResultView } from './dto/login.dto';

@ApiTags('登录与账号')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: '登录，获取访问令牌' })
  @ApiOkResponse({ type: LoginResultView })
  @ApiErrorResponse(401, '用户名或密码错误，或账号已停用（INVALID_CREDENTIALS）')
  @ApiErrorResponse(429, '登录尝试过于频繁（RATE_LIMITED）')
  login(@Body() dto: LoginDto): Promise<LoginResultView> {
    return this.auth.login(dto.username, dto.password);
  }

  @Get('me')
  @RequirePermission(Permission.OwnAccount)
  @ApiOperation({ summary: '当前登录用户' })
  @ApiOkResponse({ type: UserView })
  me(@CurrentAccess() access: Access): Promise<UserView> {
    return this.users.me(access.actor);
  }

  @Post('password')
  @HttpCode(200)
  @RequirePermission(Permission.OwnAccount)
  @ApiOperation({ summary: '修改本人密码', description: '成功后此前签发的令牌全部失效，响应中返回新的令牌。' })
  @ApiOkResponse({ type: LoginResultView })
  @ApiErrorResponse(409, '当前密码不正确（WRONG_PASSWORD）')
  changePassword(@CurrentAccess() access: Access, @Body() dto: ChangeOwnPasswordDto): Promise<LoginResultView> {
    return this.auth.changeOwnPassword(access.actor, dto);
  }
}
