import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Label } from './label';

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
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Swagger needs a concrete class per page type; this builds one. */
export function PageOf<T>(itemType: new () => T, name: string) {
  class PageView {
    @ApiProperty({ type: [itemType] })
    items!: T[];

    @ApiProperty({ description: '符合条件的总条数' })
    total!: number;

    @ApiProperty()
    page!: number;

    @ApiProperty()
    pageSize!: number;
  }
  Object.defineProperty(PageView, 'name', { value: name });
  return PageView;
}

export function pageOf<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}
