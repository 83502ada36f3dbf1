import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError } from './errors/domain-error';

export interface FieldError {
  field: string;
  message: string;
}

const number = (message: string): string => /(-?\d+(\.\d+)?)/.exec(message)?.[1] ?? '';

/** Chinese wording for the class-validator constraints the DTOs use. */
const CONSTRAINT_MESSAGES: Record<string, (english: string) => string> = {
  whitelistValidation: () => '是不允许的字段',
  isString: () => '应为文本',
  isInt: () => '应为整数',
  isNumber: () => '应为数字',
  isBoolean: () => '应为 true 或 false',
  isNotEmpty: () => '不能为空',
  isDefined: () => '必须提供',
  isEmail: () => '应为有效的电子邮箱地址',
  isDateString: () => '应为 ISO 格式的日期或时间',
  isISO8601: () => '应为 ISO 格式的日期或时间',
  matches: () => '格式不正确',
  maxLength: (m) => `不能超过 ${number(m)} 个字符`,
  minLength: (m) => `至少需要 ${number(m)} 个字符`,
  min: (m) => `不能小于 ${number(m)}`,
  max: (m) => `不能大于 ${number(m)}`,
  isEnum: (m) => `应为以下值之一：${m.split(':').slice(1).join(':').trim()}`,
  isIn: (m) => `应为以下值之一：${m.split(':').slice(1).join(':').trim()}`,
  isArray: () => '应为列表',
  arrayMinSize: (m) => `至少需要 ${number(m)} 项`,
  arrayMaxSize: (m) => `最多 ${number(m)} 项`,
  nestedValidation: () => '应为对象',
  isObject: () => '应为对象',
};

/** Flattens class-validator's error tree into field paths with Chinese messages. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, english]) => ({
      field,
      message: CONSTRAINT_MESSAGES[constraint]?.(english) ?? english,
    }));
    return [...own, ...describeValidationErrors(error.children ?? [], field)];
  });
}

export function validationFailed(fieldErrors: FieldError[]): DomainError {
  const summary = fieldErrors.map((e) => `${e.field} ${e.message}`).join('；');
  return new DomainError('VALIDATION_FAILED', `提交的数据有误：${summary}`, fieldErrors);
}

const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/**
 * The API's validation pipe. Path parameters reach their own pipes as typed: the stock pipe would turn
 * `0x1` or `1e0` into 1 before `ParseIdPipe` could refuse it. An empty query parameter is one not
 * given: a filter form sends every field, the unused ones empty (`?unitId=&status=`).
 */
class ApiValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const query = metadata.type === 'query' && !metadata.data && value !== null && typeof value === 'object';
    return super.transform(query ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '')) : value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => validationFailed(describeValidationErrors(errors)),
  });
}

/** Validates a plain object (e.g. a coerced HTML form) against a DTO class with the API's rules. */
export function validateDto<T extends object>(
  dtoClass: new () => T,
  plain: object,
): { value: T; errors: FieldError[] } {
  const value = plainToInstance(dtoClass, plain);
  return { value, errors: describeValidationErrors(validateSync(value, VALIDATOR_OPTIONS)) };
}

/** Keys that must never reach an object built from request data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class ForbiddenKeyError extends BadRequestException {
  constructor(readonly key: string) {
    super(`请求数据中不允许出现字段名 ${key}`);
  }
}

/** JSON.parse reviver for the body parser: a body naming a prototype key is refused outright. */
export function rejectPrototypeKeys(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError(key);
  return value;
}
