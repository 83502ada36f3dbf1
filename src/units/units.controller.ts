import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { CreateUnitDto, UnitPage, UnitQueryDto, UnitView, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';

@ApiTags('单位')
@Controller('api/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @RequirePermission(Permission.UnitsRead)
  @ApiOperation({ summary: '单位列表', description: '协调办和领导看到全部单位；成员单位联络员只看到本单位。' })
  @ApiOkResponse({ type: UnitPage })
  list(@CurrentAccess() access: Access, @Query() query: UnitQueryDto): Promise<UnitPage> {
    return this.units.list(access, query);
  }

  @Get(':id')
  @RequirePermission(Permission.UnitsRead)
  @ApiOperation({ summary: '单位详情' })
  @ApiOkResponse({ type: UnitView })
  @ApiErrorResponse(404, '单位不存在或不在本账号可见范围内')
  get(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<UnitView> {
    return this.units.get(access, id);
  }

  @Post()
  @RequirePermission(Permission.UnitsManage)
  @ApiOperation({ summary: '新增单位（协调办）' })
  @ApiCreatedResponse({ type: UnitView })
  @ApiErrorResponse(409, '单位名称重复（UNIT_NAME_TAKEN）')
  create(@CurrentAccess() access: Access, @Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.units.create(access, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.UnitsManage)
  @ApiOperation({ summary: '修改单位（协调办）', description: '停用单位请将 active 设为 false；单位不会被删除，以保留历史记录。' })
  @ApiOkResponse({ type: UnitView })
  @ApiErrorResponse(409, '单位名称重复（UNIT_NAME_TAKEN），或上级单位形成循环（UNIT_HIERARCHY_CYCLE）')
  update(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateUnitDto): Promise<UnitView> {
    return this.units.update(access, id, dto);
  }
}
