import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { DirectivesService } from './directives.service';
import { CreateDirectiveDto, DirectivePage, DirectiveQueryDto, DirectiveView, UpdateDirectiveDto } from './dto/directive.dto';

@ApiTags('督办事项')
@Controller('api/directives')
export class DirectivesController {
  constructor(private readonly directives: DirectivesService) {}

  @Get()
  @RequirePermission(Permission.DirectivesRead)
  @ApiOperation({ summary: '督办事项列表', description: '可按状态、单位、来源、类别、优先级、是否超期、N 个工作日内到期和关键词筛选。成员单位只看到涉及本单位的事项。' })
  @ApiOkResponse({ type: DirectivePage })
  list(@CurrentAccess() access: Access, @Query() query: DirectiveQueryDto): Promise<DirectivePage> {
    return this.directives.list(access, query);
  }

  @Get(':id')
  @RequirePermission(Permission.DirectivesRead)
  @ApiOperation({ summary: '督办事项详情，含各单位任务' })
  @ApiOkResponse({ type: DirectiveView })
  get(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<DirectiveView> {
    return this.directives.get(access, id);
  }

  @Post()
  @RequirePermission(Permission.DirectivesManage)
  @ApiOperation({ summary: '新建督办事项（协调办）', description: '为牵头单位和每个配合单位各生成一条任务；编号按年连续生成，如 DB-2026-0007。' })
  @ApiCreatedResponse({ type: DirectiveView })
  create(@CurrentAccess() access: Access, @Body() dto: CreateDirectiveDto): Promise<DirectiveView> {
    return this.directives.create(access, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.DirectivesManage)
  @ApiOperation({ summary: '修改督办事项（协调办）' })
  @ApiOkResponse({ type: DirectiveView })
  @ApiErrorResponse(409, '版本已过期：事项已被他人修改（STALE_VERSION）')
  update(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateDirectiveDto): Promise<DirectiveView> {
    return this.directives.update(access, id, dto);
  }
}
