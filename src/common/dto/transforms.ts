import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Query strings from plain HTML filter forms send empty fields; treat them as absent. */
export const EmptyAsUndefined = () => Transform(({ value }) => (value === '' ? undefined : value));

/** May be left out, but not sent as null: for fields the database requires, such as flags. */
export const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);
