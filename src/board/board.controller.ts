import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { BoardService } from './board.service';
import { BoardQueryDto, BoardView, MatrixView, TargetsView, TrendsView } from './dto/board.dto';

const FILTERS = '可按统计期（本月、本季度、本年、自定义）、类别、紧急程度和单位筛选；成员单位只看到本单位。';

@ApiTags('挂图作战')
@Controller('api/board')
export class BoardController {
  constructor(private readonly board: BoardService) {}

  @Get()
  @RequirePermission(Permission.DashboardRead)
  @ApiOperation({ summary: '各单位办理情况', description: `每个单位的在办及其中的按期、临期（N 个工作日内到期）、超期（三者相加为在办，均为今天的情况）、统计期内销号及按期办结率、在办和超期整改事项、当前挂牌，以及合计。${FILTERS}` })
  @ApiOkResponse({ type: BoardView })
  figures(@CurrentAccess() access: Access, @Query() query: BoardQueryDto): Promise<BoardView> {
    return this.board.figures(access, query);
  }

  @Get('matrix')
  @RequirePermission(Permission.DashboardRead)
  @ApiOperation({ summary: '作战图：督办事项 × 承办单位', description: `在办或统计期内销号的事项，按办理时限排序，每页 30 项，用 next 翻页；每格为一个任务，按超期、临期、按期、办结着色。${FILTERS}` })
  @ApiOkResponse({ type: MatrixView })
  matrix(@CurrentAccess() access: Access, @Query() query: BoardQueryDto): Promise<MatrixView> {
    return this.board.matrix(access, query);
  }

  @Get('targets')
  @RequirePermission(Permission.DashboardRead)
  @ApiOperation({ summary: '量化目标完成情况', description: `有量化指标的事项：各单位最近报送值与本单位目标、是否达标、完成程度和历次报送值。每页 10 项，用 next 翻页。${FILTERS}` })
  @ApiOkResponse({ type: TargetsView })
  targets(@CurrentAccess() access: Access, @Query() query: BoardQueryDto): Promise<TargetsView> {
    return this.board.targets(access, query);
  }

  @Get('trends')
  @RequirePermission(Permission.DashboardRead)
  @ApiOperation({ summary: '最近 12 周趋势', description: `每周办结任务数、新增超期任务数和整改销号数。${FILTERS}` })
  @ApiOkResponse({ type: TrendsView })
  trends(@CurrentAccess() access: Access, @Query() query: BoardQueryDto): Promise<TrendsView> {
    return this.board.trends(access, query);
  }
}
