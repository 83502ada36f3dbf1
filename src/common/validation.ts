import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync, ValidatorOptions } from 'class-validator';
import { DATE_YEARS } from './dto/dates';
import { FieldLabel, fieldLabel } from './dto/label';
import { DomainError } from './errors/domain-error';
import { describeForbiddenCharacter, findForbiddenCharacter } from './text';

export interface FieldError {
  /** The field's path in the API (`findings.0.problem`): programs rely on it. */
  field: string;
  /** For people: the field named in Chinese, then what is wrong (`第1个问题的问题描述不能为空`). */
  message: string;
}

const number = (message: string): string => /(-?\d+(\.\d+)?)/.exec(message)?.[1] ?? '';

/** Chinese wording for the class-validator constraints the DTOs use, said of the field's label. */
const CONSTRAINT_MESSAGES: Record<string, (english: string) => string> = {
  whitelistValidation: () => '是不允许的字段',
  isString: () => '应为文本',
  isInt: () => '应为整数',
  isNumber: () => '应为数字',
  isBoolean: () => '应为 true 或 false',
  isNotEmpty: () => '不能为空',
  isDefined: () => '必须提供',
  isEmail: () => '应为有效的电子邮箱地址',
  isId: () => '应为有效的编号（正整数）',
  isIsoDate: () => `应为 ${DATE_YEARS.first}—${DATE_YEARS.last} 年间实际存在的日期，格式为 YYYY-MM-DD`,
  isInstant: () => '应为实际存在的日期或时间，如 2026-03-01 或 2026-03-01T09:30',
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
  arrayUnique: () => '不能有重复的项',
  nestedValidation: () => '应为对象',
  isObject: () => '应为对象',
};

/** Bounds of a number: said only of a value that is one. */
const RANGE_CONSTRAINTS = new Set(['min', 'max']);
/** The rules that a value is of the right type: when one fails, the rules of that type say nothing useful. */
const TYPE_CONSTRAINTS = new Set(['isString', 'isBoolean', 'isArray', 'isObject']);

/** Whether a constraint's wording is known in Chinese (the DTO tests check every rule in use). */
export const hasChineseMessage = (constraint: string): boolean => constraint in CONSTRAINT_MESSAGES;

/** Where an error sits: its API path, its Chinese name, and how the names of what it holds begin. */
interface Scope {
  field: string;
  label: string;
  /** What the label was built on ('' at the top): a list's items start from it, not from the list's name. */
  outer: string;
  /** What the labels of nested fields start with: `联系方式的`, or `outer` when they name themselves. */
  inner: string;
  item?: string;
}

const TOP: Scope = { field: '', label: '', outer: '', inner: '' };

function scopeOf(error: ValidationError, parent: Scope): Scope {
  const field = parent.field ? `${parent.field}.${error.property}` : error.property;
  if (Array.isArray(error.target) && /^\d+$/.test(error.property)) {
    const n = String(Number(error.property) + 1);
    const label = parent.item ? parent.outer + parent.item.replace('{n}', n) : `${parent.label}第${n}项`;
    return { field, label, outer: parent.outer, inner: `${label}的` };
  }
  const own = fieldLabel(error.target, error.property);
  const label = parent.inner + (own?.text ?? `“${error.property}”`);
  return { field, label, outer: parent.inner, inner: own?.prefix === false ? parent.inner : `${label}的`, item: own?.item };
}

/** Flattens class-validator's error tree into API field paths with Chinese messages naming each field. */
const isMissing = (value: unknown) => value === undefined || value === null || value === '';

export function describeValidationErrors(errors: ValidationError[], parent: Scope = TOP): FieldError[] {
  return errors.flatMap((error) => {
    const scope = scopeOf(error, parent);
    // A required field left out: one message that says so, not every rule an absent value also breaks.
    if (isMissing(error.value) && error.constraints && !error.constraints.whitelistValidation && !error.constraints.textCharacters) {
      return [{ field: scope.field, message: `${scope.label}${CONSTRAINT_MESSAGES.isNotEmpty('')}` }, ...describeValidationErrors(error.children ?? [], scope)];
    }
    // A value that is not a number at all (`abc`): that is what to say, not also that it is out of range.
    const notANumber = (error.constraints?.isNumber ?? error.constraints?.isInt) !== undefined && !(typeof error.value === 'number' && Number.isFinite(error.value));
    // A value of another type (`12345` for a text): that it should be text, not also that it is empty or too long.
    const wrongType = Object.keys(error.constraints ?? {}).some((constraint) => TYPE_CONSTRAINTS.has(constraint));
    const own = Object.entries(error.constraints ?? {}).filter(([constraint]) => !(notANumber && RANGE_CONSTRAINTS.has(constraint)) && (!wrongType || TYPE_CONSTRAINTS.has(constraint))).map(([constraint, english]) => {
      // A rule given its own Chinese wording (`{ message: '不能含括号或空格' }`) says it; the others get ours.
      const wording = /\p{Script=Han}/u.test(english) ? english : (CONSTRAINT_MESSAGES[constraint]?.(english) ?? english);
      return { field: scope.field, message: english.startsWith('each value in ') ? `${scope.label}中的每一项都${wording}` : `${scope.label}${wording}` };
    });
    return [...own, ...describeValidationErrors(error.children ?? [], scope)];
  });
}

export function validationFailed(fieldErrors: FieldError[]): DomainError {
  return new DomainError('VALIDATION_FAILED', `提交的数据有误：${fieldErrors.map((e) => e.message).join('；')}`, fieldErrors);
}

const textError = (target: object, property: string, value: unknown, constraints: Record<string, string> | undefined, children: ValidationError[] = []) =>
  Object.assign(new ValidationError(), { target, property, value, constraints, children });

/** An object built from a DTO class (not a plain object such as a notice's free-form content, checked on its own). */
const isDtoInstance = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !(value instanceof Date) && !Buffer.isBuffer(value) && Object.getPrototypeOf(value) !== Object.prototype;

function forbiddenText(target: object, property: string, value: unknown, label: FieldLabel | undefined): ValidationError | null {
  if (label?.verbatim) return null;
  if (typeof value === 'string') {
    const found = findForbiddenCharacter(value, label?.multiline ?? false);
    return found ? textError(target, property, value, { textCharacters: describeForbiddenCharacter(found) }) : null;
  }
  const children = Array.isArray(value)
    ? value.flatMap((item, index) => forbiddenText(value, String(index), item, label) ?? [])
    : isDtoInstance(value)
      ? forbiddenTextErrors(value)
      : [];
  return children.length > 0 ? textError(target, property, value, undefined, children) : null;
}

/**
 * Every text of a validated input, at any depth, checked for control and invisible characters (line
 * breaks only where the field is multi-line): the one place all text coming in passes, so no title,
 * name or document number can hide characters that are not shown.
 */
export function forbiddenTextErrors(input: object): ValidationError[] {
  return Object.entries(input).flatMap(([property, value]) => forbiddenText(input, property, value, fieldLabel(input, property)) ?? []);
}

const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/**
 * The API's validation pipe. Path parameters reach their own pipes as typed: the stock pipe would turn
 * `0x1` or `1e0` into 1 before `ParseIdPipe` could refuse it. An empty query parameter is one not
 * given: a filter form sends every field, the unused ones empty (`?unitId=&status=`).
 */
class ApiValidationPipe extends ValidationPipe {
  /** The DTO's rules, then the characters of every text in it. */
  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    return [...(await super.validate(object, options)), ...forbiddenTextErrors(object)];
  }

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
    // Errors keep the object they were found in: its class names the field in the message.
    validationError: { target: true },
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
  return { value, errors: describeValidationErrors([...validateSync(value, VALIDATOR_OPTIONS), ...forbiddenTextErrors(value)]) };
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
