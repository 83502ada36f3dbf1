import { PipeTransform } from '@nestjs/common';
import { DomainError } from './errors/domain-error';

/** Largest id a row can have (a signed 32-bit INT on both databases). */
const MAX_ID = 2_147_483_647;

/**
 * An object's id in a path: plain decimal digits of a positive integer, nothing else. `0x1`, `1e3`,
 * `01`, `-1` and ids beyond the column's range are refused rather than read as some other number.
 */
export class ParseIdPipe implements PipeTransform<string, number> {
  constructor(private readonly what = '编号') {}

  transform(value: string): number {
    if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value) || Number(value) > MAX_ID) {
      throw new DomainError('VALIDATION_FAILED', `地址中的${this.what}“${String(value).slice(0, 20)}”无效：应为正整数`, [{ field: 'id', message: '应为正整数' }]);
    }
    return Number(value);
  }
}
