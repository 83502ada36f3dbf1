import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { rejectPrototypeKeys, validateDto, ForbiddenKeyError } from './validation';

class Inner {
  @IsString()
  @MaxLength(3)
  code!: string;
}

class Outer {
  @IsString()
  @MaxLength(5)
  name!: string;

  @IsIn(['a', 'b'])
  kind!: string;

  @IsInt()
  count!: number;

  @ValidateNested()
  @Type(() => Inner)
  inner!: Inner;
}

class Listed {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  items!: string[];
}

describe('validateDto', () => {
  it('words list sizes in Chinese too', () => {
    expect(validateDto(Listed, { items: [] }).errors).toEqual([{ field: 'items', message: '至少需要 1 项' }]);
    expect(validateDto(Listed, { items: ['a', 'b', 'c'] }).errors).toEqual([{ field: 'items', message: '最多 2 项' }]);
    expect(validateDto(Listed, { items: 'a' }).errors).toEqual(expect.arrayContaining([{ field: 'items', message: '应为列表' }]));
  });

  it('passes a valid object', () => {
    expect(validateDto(Outer, { name: 'ok', kind: 'a', count: 1, inner: { code: 'x' } }).errors).toEqual([]);
  });

  it('describes every failure in Chinese with its field path', () => {
    const { errors } = validateDto(Outer, { name: 'too long', kind: 'c', count: 1.5, inner: { code: 'four', extra: 1 }, stray: true });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: '不能超过 5 个字符' },
        { field: 'kind', message: '应为以下值之一：a, b' },
        { field: 'count', message: '应为整数' },
        { field: 'inner.code', message: '不能超过 3 个字符' },
        { field: 'inner.extra', message: '是不允许的字段' },
        { field: 'stray', message: '是不允许的字段' },
      ]),
    );
  });
});

describe('rejectPrototypeKeys', () => {
  it('refuses prototype keys while parsing JSON, at any depth', () => {
    expect(() => JSON.parse('{"a":{"__proto__":{"polluted":1}}}', rejectPrototypeKeys)).toThrow(ForbiddenKeyError);
    expect(() => JSON.parse('{"constructor":{}}', rejectPrototypeKeys)).toThrow(ForbiddenKeyError);
    expect(JSON.parse('{"a":{"b":[1,2]}}', rejectPrototypeKeys)).toEqual({ a: { b: [1, 2] } });
  });
});
