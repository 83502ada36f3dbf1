import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Label } from './label';
import { EmptyAsUndefined } from './transforms';

/** Where a list paged by key continues: the `next` of the page before, as `encodeKey` wrote it. */
export const PageKey = () => applyDecorators(IsOptional(), EmptyAsUndefined(), IsString(), MaxLength(200), Matches(/^[A-Za-z0-9_-]+$/), Label('翻页位置'));

export class PageQueryDto {
  @ApiPropertyOptional({ description: '页码，从 1 开始', default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  @Label('页码')
  page: number = 1;

  @ApiPropertyOptional({ description: '每页条数', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  @Label('每页条数')
  pageSize: number = 20;

  @ApiPropertyOptional({ description: '从这一位置之后接着翻：上一页答复中的 next（按页码只能翻到第 10 000 条，再往后用它）', maxLength: 200 })
  @PageKey()
  after?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** True when more rows match than were counted: `total` is then a lower bound. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** Where the next page starts (`?after=`), or null on the last page. */
  next: string | null;
}

/** Swagger needs a concrete class per page type; this builds one. */
export function PageOf<T>(itemType: new () => T, name: string) {
  class PageView {
    @ApiProperty({ type: [itemType] })
    items!: T[];

    @ApiProperty({ description: '符合条件的总条数；totalCapped 为 true 时只数到这里，实际更多' })
    total!: number;

    @ApiProperty({ description: 'true：符合条件的超过 total 条，没有全部数完' })
    totalCapped!: boolean;

    @ApiProperty()
    page!: number;

    @ApiProperty()
    pageSize!: number;

    @ApiProperty({ type: String, nullable: true, description: '下一页从哪里开始：作为 after 传回；最后一页为 null' })
    next!: string | null;
  }
  Object.defineProperty(PageView, 'name', { value: name });
  return PageView;
}

/** A page of a list small enough to count exactly and page by number. */
export function pageOf<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, totalCapped: false, page: query.page, pageSize: query.pageSize, next: null };
}
