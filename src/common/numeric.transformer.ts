import type { ValueTransformer } from 'typeorm';

/** DECIMAL columns come back from MySQL as strings; the product works with numbers. */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** Structured values (lists, notice content) kept as JSON in a TEXT column, the same on both databases. */
export const jsonTransformer: ValueTransformer = {
  to: (value: unknown) => JSON.stringify(value),
  from: (value: string) => JSON.parse(value) as unknown,
};
