import { Injectable, OnModuleInit } from '@nestjs/common';
import { Rungs } from '../reminders/rungs';
import type { Card } from './listing-rules';
import { ListingsService } from './listings.service';

/** The card rung of the ladder and the card it puts forward. */
const CARD_OF_RUNG: Record<string, Card> = { yellow_card: 'yellow', red_card: 'red' };

/**
 * The card rungs' effect, registered with the ladder: the listing is put forward in the rung's
 * transaction, and approved, like every listing, under 挂牌整治 rather than in the rung queue.
 */
@Injectable()
export class CardRungs implements OnModuleInit {
  constructor(
    private readonly listings: ListingsService,
    private readonly rungs: Rungs,
  ) {}

  onModuleInit(): void {
    for (const [rung, card] of Object.entries(CARD_OF_RUNG)) {
      this.rungs.registerEffect(rung, {
        approvedElsewhere: '已提请挂牌，待协调办在“挂牌整治”中审批',
        reached: async (work, reached) => {
          await this.listings.putForward(work, { unitId: reached.target.unitId, card, reason: reached.escalation.summary, key: `rung:${reached.escalation.id}`, approved: reached.mode === 'auto' });
          return { outcome: reached.mode === 'auto' ? `已${reached.label}` : `已提请${reached.label}，待协调办审批` };
        },
      });
    }
  }
}
