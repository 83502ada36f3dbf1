import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { CreateUserDto, SetPasswordDto, UpdateUserDto, UserPage, UserQueryDto, UserView } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('用户')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.UsersRead)
  @ApiOperation({ summary: '用户列表', description: '协调办和领导看到全部用户；成员单位联络员只看到本单位的用户。' })
  @ApiOkResponse({ type: UserPage })
  list(@CurrentAccess() access: Access, @Query() query: UserQueryDto): Promise<UserPage> {
    return this.users.list(access, query);
  }

  @Get(':id')
  @RequirePermission(Permission.UsersRead)
  @ApiOperation({ summary: '用户详情' })
  @ApiOkResponse({ type: UserView })
  @ApiErrorResponse(404, '用户不存在或不在本账号可见范围内')
  get(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<UserView> {
    return this.users.get(access, id);
  }

  @Post()
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: '新增用户（协调办）' })
  @ApiCreatedResponse({ type: UserView })
  @ApiErrorResponse(409, '登录名已被使用（USERNAME_TAKEN）')
  create(@CurrentAccess() access: Access, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(access, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: '修改用户（协调办）', description: '停用账号请将 active 设为 false；停用或改变角色、单位后，该用户已登录的会话立即失效。' })
  @ApiOkResponse({ type: UserView })
  @ApiErrorResponse(409, '不能停用自己的账号，也不能修改自己的角色或单位（SELF_LOCKOUT）')
  update(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(access, id, dto);
  }

  @Post(':id/password')
  @HttpCode(204)
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: '重置用户密码（协调办）', description: '该用户已登录的会话立即失效。' })
  @ApiNoContentResponse()
  resetPassword(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: SetPasswordDto): Promise<void> {
    return this.users.resetPassword(access, id, dto);
  }
}
