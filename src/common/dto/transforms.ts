import { Transform } from 'class-transformer';

/** Query strings from plain HTML filter forms send empty fields; treat them as absent. */
export const EmptyAsUndefined = () => Transform(({ value }) => (value === '' ? undefined : value));
