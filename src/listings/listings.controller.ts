import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { ParseOneOfPipe } from '../common/parse-one-of.pipe';
import { ApproveListingDto, CreateListingDto, DelistDto, DismissListingDto, ListingQueryDto, ListingRuleCheckView, ListingRuleView, ListingView, LowerListingDto, UpdateListingRuleDto } from './dto/listing.dto';
import { LISTING_RULE_KEYS, ListingRuleKey } from './listing-rules';
import { ListingsService } from './listings.service';

const CONFLICT = '当前状态不允许（ILLEGAL_TRANSITION）、已被他人更新（STALE_VERSION）、该单位已挂同级或更高的牌（ALREADY_LISTED）、只有红牌可以降为黄牌（NOT_RED_CARD），或摘牌条件未满足（DELISTING_CONDITIONS_UNMET）';

@ApiTags('挂牌整治')
@Controller('api/listings')
export class ListingsController {
  constructor(private readonly listings: ListingsService) {}

  @Get()
  @RequirePermission(Permission.ListingsRead)
  @ApiOperation({ summary: '挂牌记录（含拟挂牌提请、挂牌中和历史）；成员单位只看本单位' })
  @ApiOkResponse({ type: [ListingView] })
  list(@CurrentAccess() access: Access, @Query() query: ListingQueryDto): Promise<ListingView[]> {
    return this.listings.list(access, query);
  }

  @Get(':id')
  @RequirePermission(Permission.ListingsRead)
  @ApiOperation({ summary: '挂牌记录详情，含全过程和摘牌条件的满足情况' })
  @ApiOkResponse({ type: ListingView })
  get(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<ListingView> {
    return this.listings.get(access, id);
  }

  @Post()
  @RequirePermission(Permission.ListingsManage)
  @ApiOperation({ summary: '挂牌（协调办决定）：黄牌或红牌，写明原因和摘牌条件，可随附通报' })
  @ApiCreatedResponse({ type: ListingView })
  @ApiErrorResponse(409, CONFLICT)
  create(@CurrentAccess() access: Access, @Body() dto: CreateListingDto): Promise<ListingView> {
    return this.listings.create(access, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission(Permission.ListingsManage)
  @ApiOperation({ summary: '批准提请的挂牌（协调办）' })
  @ApiOkResponse({ type: ListingView })
  @ApiErrorResponse(409, CONFLICT)
  approve(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: ApproveListingDto): Promise<ListingView> {
    return this.listings.approve(access, id, dto);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @RequirePermission(Permission.ListingsManage)
  @ApiOperation({ summary: '不予挂牌（协调办，须填写理由）' })
  @ApiOkResponse({ type: ListingView })
  @ApiErrorResponse(409, CONFLICT)
  dismiss(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: DismissListingDto): Promise<ListingView> {
    return this.listings.dismiss(access, id, dto);
  }

  @Post(':id/lower')
  @HttpCode(200)
  @RequirePermission(Permission.ListingsManage)
  @ApiOperation({ summary: '红牌降为黄牌（协调办）' })
  @ApiOkResponse({ type: ListingView })
  @ApiErrorResponse(409, CONFLICT)
  lower(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: LowerListingDto): Promise<ListingView> {
    return this.listings.lower(access, id, dto);
  }

  @Post(':id/delist')
  @HttpCode(200)
  @RequirePermission(Permission.ListingsManage)
  @ApiOperation({ summary: '摘牌（协调办决定，须填写说明）；可量化条件未满足时须确认 override' })
  @ApiOkResponse({ type: ListingView })
  @ApiErrorResponse(409, CONFLICT)
  delist(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: DelistDto): Promise<ListingView> {
    return this.listings.delist(access, id, dto);
  }
}

/** The rules that propose listings; a path of their own, so `rules/{key}` cannot be read as `{id}/approve`. */
@ApiTags('挂牌整治')
@Controller('api/listing-rules')
export class ListingRulesController {
  constructor(private readonly listings: ListingsService) {}

  @Get()
  @RequirePermission(Permission.ListingsManage)
  @ApiOperation({ summary: '提请挂牌的规则（协调办）' })
  @ApiOkResponse({ type: [ListingRuleView] })
  list(): Promise<ListingRuleView[]> {
    return this.listings.rules();
  }

  @Put(':key')
  @RequirePermission(Permission.ListingsManage)
  @ApiOperation({ summary: '修改提请挂牌的规则（协调办）' })
  @ApiParam({ name: 'key', enum: LISTING_RULE_KEYS, description: '规则' })
  @ApiOkResponse({ type: [ListingRuleView] })
  @ApiErrorResponse(409, '规则已被他人修改（STALE_VERSION）')
  update(@CurrentAccess() access: Access, @Param('key', new ParseOneOfPipe(LISTING_RULE_KEYS, '规则')) key: ListingRuleKey, @Body() dto: UpdateListingRuleDto): Promise<ListingRuleView[]> {
    return this.listings.updateRule(access, key, dto);
  }

  @Post('check')
  @HttpCode(200)
  @RequirePermission(Permission.ListingsManage)
  @ApiOperation({ summary: '立即按规则检查（协调办）；系统也定时检查', description: '返回新提请的挂牌数。' })
  @ApiOkResponse({ type: ListingRuleCheckView })
  async check(): Promise<ListingRuleCheckView> {
    return { proposed: await this.listings.applyRules() };
  }
}
