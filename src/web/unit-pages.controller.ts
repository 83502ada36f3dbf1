import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission, scopeOf } from '../access/permissions';
import { CreateUnitDto, UnitQueryDto, UnitView, UpdateUnitDto } from '../units/dto/unit.dto';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { checkboxField, FormBody, linesField, pageStep, requiredField, resubmittedFields, textField, withoutNulls } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';
import { pager } from './pager';

const KIND_OPTIONS = UNIT_KINDS.map((value) => ({ value, label: UNIT_KIND_LABELS[value] }));

function unitFormValues(body: FormBody) {
  return {
    name: requiredField(body.name),
    shortName: requiredField(body.shortName),
    kind: requiredField(body.kind),
    parentId: textField(body.parentId),
    contact: {
      person: textField(body.contactPerson),
      phone: textField(body.contactPhone),
      email: textField(body.contactEmail),
      address: textField(body.address),
    },
    active: checkboxField(body.active),
    aliases: linesField(body.aliases),
  };
}

/** The unit form's fields as the template shows them, from a stored unit or a submitted form. */
function formFields(unit: UnitView | null, body?: FormBody) {
  const stored = {
    name: unit?.name ?? '',
    shortName: unit?.shortName ?? '',
    kind: unit?.kind ?? 'department',
    parentId: unit?.parentId ? String(unit.parentId) : '',
    contactPerson: unit?.contact.person ?? '',
    contactPhone: unit?.contact.phone ?? '',
    contactEmail: unit?.contact.email ?? '',
    address: unit?.contact.address ?? '',
    active: unit?.active ?? true,
    aliases: unit?.aliases.join('\n') ?? '',
  };
  return body ? resubmittedFields(stored, body) : stored;
}

@ApiExcludeController()
@Controller('units')
@UseInterceptors(PageContextInterceptor, SubmitOnceInterceptor)
export class UnitPagesController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @RequirePermission(Permission.UnitsRead)
  @Render('units/list')
  async list(@CurrentAccess() access: Access, @Query() query: UnitQueryDto) {
    const page = await this.units.list(access, query);
    const kinds = new Map<string, string>(KIND_OPTIONS.map((k) => [k.value, k.label]));
    return {
      title: scopeOf(access.actor.role, Permission.UnitsManage) ? '单位管理' : '成员单位',
      canManage: scopeOf(access.actor.role, Permission.UnitsManage) !== null,
      units: page.items.map((unit) => ({ ...unit, kindLabel: kinds.get(unit.kind) ?? unit.kind })),
      filter: { q: query.q ?? '', kind: query.kind ?? '' },
      kindOptions: KIND_OPTIONS,
      pager: pager(page, { ...query, page: undefined }),
    };
  }

  @Get('new')
  @RequirePermission(Permission.UnitsManage)
  @Render('units/form')
  async newForm(@CurrentAccess() access: Access) {
    return { ...(await this.formModel(access, null, formFields(null))), errors: [] };
  }

  @Post()
  @RequirePermission(Permission.UnitsManage)
  create(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    return pageStep(req, res, {
      dto: CreateUnitDto,
      values: withoutNulls(unitFormValues(body)),
      run: (dto) => this.units.create(access, dto),
      done: '/units',
      flash: (unit) => `已新增单位“${unit.name}”。可在“用户管理”中为它添加联络员账号。`,
      rerender: async () => ({ view: 'units/form', model: await this.formModel(access, null, formFields(null, body)) }),
    });
  }

  @Get(':id/edit')
  @RequirePermission(Permission.UnitsManage)
  @Render('units/form')
  async editForm(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    const unit = await this.units.get(access, id);
    return { ...(await this.formModel(access, unit, formFields(unit))), errors: [] };
  }

  @Post(':id')
  @RequirePermission(Permission.UnitsManage)
  async update(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const unit = await this.units.get(access, id);
    return pageStep(req, res, {
      dto: UpdateUnitDto,
      values: unitFormValues(body),
      run: (dto) => this.units.update(access, id, dto),
      done: '/units',
      flash: (updated) => `已保存单位“${updated.name}”的修改。`,
      rerender: async () => ({ view: 'units/form', model: await this.formModel(access, unit, formFields(unit, body)) }),
    });
  }

  private async formModel(access: Access, unit: UnitView | null, fields: object) {
    const parents = (await this.units.listAll(access)).filter((u) => u.id !== unit?.id).map((u) => ({ value: String(u.id), label: u.name }));
    return {
      title: unit ? `修改单位：${unit.name}` : '新增单位',
      action: unit ? `/units/${unit.id}` : '/units',
      unit: fields,
      kindOptions: KIND_OPTIONS,
      parentOptions: parents,
    };
  }
}
