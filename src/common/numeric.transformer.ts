import type { ValueTransformer } from 'typeorm';

/** DECIMAL columns come back from MySQL as strings; the product works with numbers. */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
