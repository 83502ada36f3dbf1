import { PipeTransform } from '@nestjs/common';
import { DomainError } from './errors/domain-error';
import { idFromText } from './ids';

/** An object's id in a path, read strictly by `idFromText`. */
export class ParseIdPipe implements PipeTransform<string, number> {
  constructor(private readonly what = '编号') {}

  transform(value: string): number {
    const id = typeof value === 'string' ? idFromText(value) : null;
    if (id === null) {
      throw new DomainError('VALIDATION_FAILED', `地址中的${this.what}“${String(value).slice(0, 20)}”无效：应为正整数`, [{ field: 'id', message: `${this.what}应为正整数` }]);
    }
    return id;
  }
}
