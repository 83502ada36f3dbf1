import { PipeTransform } from '@nestjs/common';
import { DomainError } from './errors/domain-error';

/** A path segment that must be one of a few codes (a priority, a notice kind); anything else is 404. */
export class ParseOneOfPipe<T extends string> implements PipeTransform<string, T> {
  constructor(
    private readonly values: readonly T[],
    private readonly what: string,
  ) {}

  transform(value: string): T {
    if (!(this.values as readonly string[]).includes(value)) throw new DomainError('NOT_FOUND', `没有“${value}”这一${this.what}（应为 ${this.values.join('、')}）`);
    return value as T;
  }
}
