import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { PartialType } from '@nestjs/swagger';
import { Label } from './dto/label';
import { IsId } from './dto/transforms';
import { rejectPrototypeKeys, validateDto, ForbiddenKeyError } from './validation';

class Inner {
  @IsString()
  @MaxLength(3)
  @Label('代码')
  code!: string;
}

class Outer {
  @IsString()
  @MaxLength(5)
  @Label('名称')
  name!: string;

  @IsIn(['a', 'b'])
  @Label('类型')
  kind!: string;

  @IsInt()
  @Label('数量')
  count!: number;

  @ValidateNested()
  @Type(() => Inner)
  @Label('内层')
  inner!: Inner;
}

class Listed {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @Label('清单')
  items!: string[];
}

class Finding {
  @IsString()
  @MaxLength(5)
  @Label('问题描述', { multiline: true })
  problem!: string;

  @IsArray()
  @IsString({ each: true })
  @Label('整改要求', { item: '第{n}条整改要求' })
  requirements!: string[];
}

class Contact {
  @IsString()
  @Label('联系电话')
  phone!: string;
}

class Report {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Finding)
  @Label('发现的问题', { item: '第{n}个问题' })
  findings!: Finding[];

  @ValidateNested()
  @Type(() => Contact)
  @Label('联系方式', { prefix: false })
  contact!: Contact;

  @IsArray()
  @IsString({ each: true })
  @Label('备注')
  notes!: string[];

  @IsId({ each: true })
  @Label('配合单位')
  unitIds!: number[];

  @IsString()
  @Label('密码', { verbatim: true })
  password!: string;
}

class PartialReport extends PartialType(Report) {}

const valid = { findings: [{ problem: '漏报', requirements: ['整改'] }], contact: { phone: '110' }, notes: ['好'], unitIds: [1], password: 'x' };

describe('validateDto', () => {
  it('words list sizes in Chinese, naming the list', () => {
    expect(validateDto(Listed, { items: [] }).errors).toEqual([{ field: 'items', message: '清单至少需要 1 项' }]);
    expect(validateDto(Listed, { items: ['a', 'b', 'c'] }).errors).toEqual([{ field: 'items', message: '清单最多 2 项' }]);
    expect(validateDto(Listed, { items: 'a' }).errors).toEqual(expect.arrayContaining([{ field: 'items', message: '清单应为列表' }]));
  });

  it('passes a valid object', () => {
    expect(validateDto(Outer, { name: 'ok', kind: 'a', count: 1, inner: { code: 'x' } }).errors).toEqual([]);
    expect(validateDto(Report, valid).errors).toEqual([]);
  });

  it('keeps the API field path and names the field in Chinese in the message', () => {
    const { errors } = validateDto(Outer, { name: 'too long', kind: 'c', count: 1.5, inner: { code: 'four', extra: 1 }, stray: true });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: '名称不能超过 5 个字符' },
        { field: 'kind', message: '类型应为以下值之一：a, b' },
        { field: 'count', message: '数量应为整数' },
        { field: 'inner.code', message: '内层的代码不能超过 3 个字符' },
        { field: 'inner.extra', message: '内层的“extra”是不允许的字段' },
        { field: 'stray', message: '“stray”是不允许的字段' },
      ]),
    );
    expect(errors).toHaveLength(6);
  });

  it.each([
    ['a list item by its position', { findings: [valid.findings[0], { problem: '太长的问题描述', requirements: ['x'] }] }, { field: 'findings.1.problem', message: '第2个问题的问题描述不能超过 5 个字符' }],
    ['every item of a list of values', { unitIds: [1, 'x'] }, { field: 'unitIds', message: '配合单位中的每一项都应为有效的编号（正整数）' }],
    ['a nested field that names itself', { contact: { phone: 110 } }, { field: 'contact.phone', message: '联系电话应为文本' }],
    ['a list inside a list item', { findings: [{ problem: '漏报', requirements: [3] }] }, { field: 'findings.0.requirements', message: '第1个问题的整改要求中的每一项都应为文本' }],
  ])('names %s', (_what, change, expected) => {
    expect(validateDto(Report, { ...valid, ...change }).errors).toEqual([expected]);
  });

  it('names the fields of classes made by PartialType like those of the original', () => {
    expect(validateDto(PartialReport, { contact: { phone: 110 } }).errors).toEqual([{ field: 'contact.phone', message: '联系电话应为文本' }]);
  });
});

describe('validateDto: characters that must not be stored', () => {
  it.each([
    ['NUL in a one-line field inside a list item', { findings: [{ problem: '漏\u0000报', requirements: ['x'] }] }, 'findings.0.problem', '第1个问题的问题描述含有控制字符（第 2 个字符，U+0000），请删除后重新输入'],
    ['a right-to-left override', { contact: { phone: '110\u202e' } }, 'contact.phone', '联系电话含有不可见的格式字符（如零宽字符、文字方向控制符）（第 4 个字符，U+202E），请删除后重新输入'],
    ['a zero-width space in a list of text', { notes: ['好', '\u200b'] }, 'notes.1', '备注第2项含有不可见的格式字符（如零宽字符、文字方向控制符）（第 1 个字符，U+200B），请删除后重新输入'],
    ['a line break in a one-line item with a named position', { findings: [{ problem: '漏报', requirements: ['a', 'b\nc'] }] }, 'findings.0.requirements.1', '第1个问题的第2条整改要求不能换行，请写在一行内'],
    ['a byte-order mark in an unknown field', { stray: '\ufeff' }, 'stray', '“stray”含有不可见的格式字符（如零宽字符、文字方向控制符）（第 1 个字符，U+FEFF），请删除后重新输入'],
  ])('refuses %s, naming the field', (_what, change, field, message) => {
    expect(validateDto(Report, { ...valid, ...change }).errors).toContainEqual({ field, message });
  });

  it('allows line breaks and tabs where the field is multi-line, and takes passwords as typed', () => {
    expect(validateDto(Report, { ...valid, findings: [{ problem: '一\r\n二\t', requirements: ['x'] }], password: 'a\u0000\u202e' }).errors).toEqual([]);
  });
});

describe('rejectPrototypeKeys', () => {
  it('refuses prototype keys while parsing JSON, at any depth', () => {
    expect(() => JSON.parse('{"a":{"__proto__":{"polluted":1}}}', rejectPrototypeKeys)).toThrow(ForbiddenKeyError);
    expect(() => JSON.parse('{"constructor":{}}', rejectPrototypeKeys)).toThrow(ForbiddenKeyError);
    expect(JSON.parse('{"a":{"b":[1,2]}}', rejectPrototypeKeys)).toEqual({ a: { b: [1, 2] } });
  });
});

describe('describeValidationErrors: a required field left out', () => {
  class Required {
    @IsString()
    @IsNotEmpty()
    @MaxLength(20)
    @Label('进展情况')
    narrative!: string;
  }

  it.each([
    ['left out', {}],
    ['sent empty', { narrative: '' }],
    ['sent as null', { narrative: null }],
  ])('says only that it must be filled in when %s', (_what, input) => {
    expect(validateDto(Required, input).errors).toEqual([{ field: 'narrative', message: '进展情况不能为空' }]);
  });

  it('still names every rule a given value breaks', () => {
    expect(validateDto(Required, { narrative: 'x'.repeat(21) }).errors).toEqual([{ field: 'narrative', message: '进展情况不能超过 20 个字符' }]);
  });
});

describe('describeValidationErrors: a value that is not a number', () => {
  class Score {
    @Type(() => Number)
    @IsNumber({ allowNaN: false, allowInfinity: false })
    @Min(-100)
    @Max(100)
    @Label('分值')
    points!: number;

    @Type(() => Number)
    @IsInt()
    @Min(2000)
    @Max(2100)
    @Label('年度')
    year!: number;
  }

  it.each([
    ['text', { points: 'abc', year: 'abc' }, ['分值应为数字', '年度应为整数']],
    ['infinite', { points: 'Infinity', year: 2026 }, ['分值应为数字']],
    ['a number out of range', { points: 500, year: 1999 }, ['分值不能大于 100', '年度不能小于 2000']],
    ['a fraction out of range', { points: 1, year: 1999.5 }, ['年度不能小于 2000', '年度应为整数']],
  ])('says it is not a number, not also out of range, for %s', (_what, input, messages) => {
    expect(validateDto(Score, input).errors.map((e) => e.message)).toEqual(messages);
  });
});

describe('describeValidationErrors: a value of another type', () => {
  class Text {
    @IsString()
    @Matches(/\S/, { message: '不能为空' })
    @MaxLength(10)
    @Label('全文')
    text!: string;

    @IsOptional()
    @IsArray()
    @ArrayMaxSize(2)
    @Label('单位')
    units?: number[];
  }

  it.each([
    ['a number for a text', { text: 12345 }, ['全文应为文本']],
    ['an object for a text', { text: { a: 1 } }, ['全文应为文本']],
    ['a text for a list', { text: '好', units: '东湖街道' }, ['单位应为列表']],
    ['a text that breaks its own rules', { text: ' '.repeat(11) }, ['全文不能为空', '全文不能超过 10 个字符']],
  ])('says only that, for %s', (_what, input, messages) => {
    expect(validateDto(Text, input).errors.map((e) => e.message).sort()).toEqual([...messages].sort());
  });
});
