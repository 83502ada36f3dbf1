import { Injectable, PipeTransform } from '@nestjs/common';
import { ParseOneOfPipe } from '../common/parse-one-of.pipe';
import { NoticeKinds } from './notice-kinds';

/** A path segment naming a registered kind of notice; anything else is 404. */
@Injectable()
export class ParseNoticeKindPipe implements PipeTransform<string, string> {
  constructor(private readonly kinds: NoticeKinds) {}

  transform(value: string): string {
    return new ParseOneOfPipe(this.kinds.all().map((k) => k.kind), '类通知').transform(value);
  }
}
