import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min, ValidateIf } from 'class-validator';

/** Query strings from plain HTML filter forms send empty fields; treat them as absent. */
export const EmptyAsUndefined = () => Transform(({ value }) => (value === '' ? undefined : value));

/** May be left out, but not sent as null: for fields the database requires, such as flags. */
export const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);

/** An optional id filter in a query string: `?unitId=3`, blank meaning no filter. */
export const OptionalQueryId = () => applyDecorators(IsOptional(), EmptyAsUndefined(), Type(() => Number), IsInt(), Min(1));

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** An optional true/false filter in a query string. */
export const OptionalQueryFlag = () => applyDecorators(IsOptional(), EmptyAsUndefined(), Transform(toBoolean), IsIn([true, false]));

/** Strips surrounding white space from text input, for `@Transform(trim)`. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
