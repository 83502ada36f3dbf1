import { PipeTransform } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { PRIORITIES, Priority } from '../directives/directive.entity';

/** A priority in the path: normal, important or urgent. */
export class ParsePriorityPipe implements PipeTransform<string, Priority> {
  transform(value: string): Priority {
    if (!(PRIORITIES as readonly string[]).includes(value)) throw new DomainError('NOT_FOUND', `没有“${value}”这一优先级（应为 normal、important、urgent）`);
    return value as Priority;
  }
}
