import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { buildMessage, IsIn, IsOptional, ValidateBy, ValidateIf } from 'class-validator';
import { idFromText, isId } from '../ids';

/** Query strings from plain HTML filter forms send empty fields; treat them as absent. */
export const EmptyAsUndefined = () => Transform(({ value }) => (value === '' ? undefined : value));

/** May be left out, but not sent as null: for fields the database requires, such as flags. */
export const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);

const toId = (value: unknown) => (typeof value === 'string' ? (idFromText(value) ?? value) : value);

/**
 * An object's id in a body or a query string: a positive integer, or its plain decimal digits as text
 * (query strings, forms and multipart fields carry text). `"0x1"`, `"1e0"`, `"01"` and `1.5` are
 * refused, not read as 1. With `each`, a list of ids.
 */
export const IsId = (options: { each?: boolean } = {}) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (options.each && Array.isArray(value) ? value.map(toId) : toId(value))),
    ValidateBy({ name: 'isId', validator: { validate: isId, defaultMessage: buildMessage((each) => `${each}$property must be an id`, options) } }, options),
  );

/** An optional id filter in a query string: `?unitId=3`, blank meaning no filter. */
export const OptionalQueryId = () => applyDecorators(IsOptional(), EmptyAsUndefined(), IsId());

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** An optional true/false filter in a query string. */
export const OptionalQueryFlag = () => applyDecorators(IsOptional(), EmptyAsUndefined(), Transform(toBoolean), IsIn([true, false]));

/** Strips surrounding white space from text input, for `@Transform(trim)`. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
