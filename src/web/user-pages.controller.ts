import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { ROLE_LABELS, ROLES } from '../access/actor';
import { DEFAULT_ROLE } from '../access/roles';
import { Permission } from '../access/permissions';
import { UnitsService } from '../units/units.service';
import { CreateUserDto, SetPasswordDto, UpdateUserDto, UserQueryDto, UserView } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import { checkboxField, FormBody, formValue, pageStep, requiredField, resubmittedFields, textField, withoutNulls } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';
import { pager } from './pager';

const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

function userFormValues(body: FormBody) {
  return {
    displayName: requiredField(body.displayName),
    role: requiredField(body.role),
    unitId: textField(body.unitId),
    phone: textField(body.phone),
    email: textField(body.email),
    active: checkboxField(body.active),
  };
}

function formFields(user: UserView | null, body?: FormBody) {
  const stored = {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? DEFAULT_ROLE,
    unitId: user?.unitId ? String(user.unitId) : '',
    phone: user?.phone ?? '',
    email: user?.email ?? '',
    active: user?.active ?? true,
  };
  // The username cannot change once created, so an edit form keeps the stored one.
  return body ? { ...resubmittedFields(stored, body), username: user?.username ?? formValue(body.username) ?? '' } : stored;
}

@ApiExcludeController()
@Controller('users')
@UseInterceptors(PageContextInterceptor, SubmitOnceInterceptor)
export class UserPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly units: UnitsService,
  ) {}

  @Get()
  @RequirePermission(Permission.UsersManage)
  @Render('users/list')
  async list(@CurrentAccess() access: Access, @Query() query: UserQueryDto) {
    const page = await this.users.list(access, query);
    return {
      title: '用户管理',
      users: page.items.map((user) => ({ ...user, roleLabel: ROLE_LABELS[user.role] })),
      filter: { q: query.q ?? '', role: query.role ?? '', unitId: query.unitId ? String(query.unitId) : '' },
      roleOptions: ROLE_OPTIONS,
      unitOptions: await this.unitOptions(access),
      pager: pager(page, { ...query, page: undefined }),
    };
  }

  @Get('new')
  @RequirePermission(Permission.UsersManage)
  @Render('users/form')
  async newForm(@CurrentAccess() access: Access) {
    return { ...(await this.formModel(access, null, formFields(null))), errors: [] };
  }

  @Post()
  @RequirePermission(Permission.UsersManage)
  create(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    return pageStep(req, res, {
      dto: CreateUserDto,
      values: withoutNulls({ ...userFormValues(body), username: requiredField(body.username), password: formValue(body.password) ?? '' }),
      run: (dto) => this.users.create(access, dto),
      done: '/users',
      flash: (user) => `已新增账号 ${user.username}（${user.displayName}）。请把初始密码告知本人，并提醒其登录后修改。`,
      rerender: async () => ({ view: 'users/form', model: await this.formModel(access, null, formFields(null, body)) }),
    });
  }

  @Get(':id/edit')
  @RequirePermission(Permission.UsersManage)
  @Render('users/form')
  async editForm(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    const user = await this.users.get(access, id);
    return { ...(await this.formModel(access, user, formFields(user))), errors: [] };
  }

  @Post(':id')
  @RequirePermission(Permission.UsersManage)
  async update(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const user = await this.users.get(access, id);
    return pageStep(req, res, {
      dto: UpdateUserDto,
      values: userFormValues(body),
      run: (dto) => this.users.update(access, id, dto),
      done: '/users',
      flash: (updated) => `已保存账号 ${updated.username}（${updated.displayName}）的修改。`,
      rerender: async () => ({ view: 'users/form', model: await this.formModel(access, user, formFields(user, body)) }),
    });
  }

  @Post(':id/password')
  @RequirePermission(Permission.UsersManage)
  async resetPassword(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const user = await this.users.get(access, id);
    return pageStep(req, res, {
      dto: SetPasswordDto,
      values: { newPassword: formValue(body.newPassword) ?? '' },
      run: (dto) => this.users.resetPassword(access, id, dto),
      done: `/users/${id}/edit`,
      flash: `已重置 ${user.username} 的密码，其已有的登录随即失效。请把新密码告知本人，并提醒其登录后修改。`,
      rerender: async () => ({ view: 'users/form', model: await this.formModel(access, user, formFields(user)) }),
    });
  }

  private async unitOptions(access: Access) {
    return (await this.units.listAll(access)).map((u) => ({ value: String(u.id), label: u.name }));
  }

  private async formModel(access: Access, user: UserView | null, fields: object) {
    return {
      title: user ? `修改用户：${user.displayName}` : '新增用户',
      action: user ? `/users/${user.id}` : '/users',
      userId: user?.id ?? null,
      isNew: !user,
      user: fields,
      roleOptions: ROLE_OPTIONS,
      unitOptions: await this.unitOptions(access),
    };
  }
}
