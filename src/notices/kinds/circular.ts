import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { EntityManager, Not } from 'typeorm';
import { Label } from '../../common/dto/label';
import { Unit } from '../../units/unit.entity';
import { DraftContext, NoticeDraft, NoticeKindDefinition, OVERDUE_LIST, Recipient } from '../notice-kind';
import { Days, Text, TextList } from '../notice-fields';
import { characters, chineseDate } from '../notice-format';

export class OverdueItemDto {
  @Text('单位', 100) unitName!: string;
  @Text('事项编号', 20) directiveCode!: string;
  @Text('督办事项', 1300) directiveTitle!: string;
  @Text('办理时限', 20) deadline!: string;
  @Days('逾期工作日数') overdueDays!: number;
  @Text('完成进度', 20) progress!: string;
}

export class CircularContentDto {
  @Text('导语', 2000, { multiline: true }) summary!: string;
  @Text('统计截至', 20) asOf!: string;

  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => OverdueItemDto)
  @Label('逾期事项', { item: '第{n}项逾期事项' })
  lagging!: OverdueItemDto[];

  @TextList('有关要求', '第{n}条有关要求', 500, 20) requirements!: string[];
}

/** The circular on the overdue work of every unit (the registered overdue sources), to every member unit. */
async function draftCircular(manager: EntityManager, _subject: unknown, { today, copies, overdueItems }: DraftContext): Promise<NoticeDraft> {
  const items = await overdueItems();
  const laggingUnits = new Set(items.map((i) => i.unitName));
  const units = await manager.find(Unit, { where: { active: true, kind: Not('office') }, order: { id: 'ASC' } });
  return {
    notice: {
      title: '关于督办事项逾期未办结情况的通报',
      addressee: '各成员单位',
      copyTo: copies.map((c) => c.name),
      assignmentId: null,
      content: { summary: `截至${chineseDate(today)}，共有${laggingUnits.size}个单位的${items.length}项督办或整改事项逾期未办结。现将有关情况通报如下。`, asOf: chineseDate(today), lagging: items, requirements: ['被通报单位要认真分析原因，于5个工作日内书面报送整改措施。', '各成员单位要举一反三，对照督办事项逐项自查，确保按期办结。'] },
    },
    recipients: [...units.map((u): Recipient => ({ unitId: u.id, userId: null, role: 'to', name: u.name })), ...copies],
  };
}

/** The circular's table, in em of its 12 pt type: 156 mm holds 36.8. */
const TABLE_WIDTH = 36.8;
/** 序号, 办理时限 (2026年 / 11月27日) and 逾期 / 工作日, each on up to two lines, as set in `circular.hbs`. */
const FIXED_COLUMNS = 2.8 + 4.6 + 4;
/** The item's column never gets less than this: its code and title are what the table is about. */
const ITEM_COLUMN = 12;

/** A column wide enough for its longest text on one line, or on two when that is long; plus the cell's padding. */
const columnFor = (texts: string[], oneLine: number) => {
  const longest = Math.ceil(Math.max(2, ...texts.map(characters)));
  return (longest <= oneLine ? longest : Math.ceil(longest / 2)) + 1;
};

/** The unit and progress columns sized to their content (names on one or two lines), the rest to the item. */
function circularColumns(content: CircularContentDto): { unitColumn: number; progressColumn: number } {
  const progressColumn = columnFor(content.lagging.map((item) => item.progress), 4);
  const unitColumn = Math.min(columnFor(content.lagging.map((item) => item.unitName), 7), TABLE_WIDTH - FIXED_COLUMNS - progressColumn - ITEM_COLUMN);
  return { unitColumn, progressColumn };
}

/** 通报: drafted from the overdue list; listings/ places its own (挂牌, 摘牌) with `NoticesService.place`. */
export const CIRCULAR: NoticeKindDefinition<CircularContentDto> = {
  kind: 'circular',
  label: '通报',
  template: 'circular.hbs',
  content: CircularContentDto,
  codeSuffix: '通',
  subjects: [OVERDUE_LIST],
  drafters: { [OVERDUE_LIST]: draftCircular },
  templateData: circularColumns,
};
