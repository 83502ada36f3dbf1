import { Global, Injectable, Module } from '@nestjs/common';

/** The one source of "now" for rules that depend on time, so tests can move time instead of waiting. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
