import { Injectable, OnModuleInit } from '@nestjs/common';
import { NoticeKinds } from '../notices/notice-kinds';
import { ASSESSMENT_CIRCULAR_KIND, circularCautions } from './assessment-circular';
import { AssessmentService } from './assessment.service';

/** Registers 考核排名通报 with the notices engine, with what to weigh before issuing one. */
@Injectable()
export class AssessmentNotices implements OnModuleInit {
  constructor(
    private readonly kinds: NoticeKinds,
    private readonly assessment: AssessmentService,
  ) {}

  onModuleInit(): void {
    // Issued from the notice's own page too: the same cautions as from the ranking's page.
    this.kinds.register({ ...ASSESSMENT_CIRCULAR_KIND, issueCautions: async (content) => (content.periodId ? circularCautions(await this.assessment.circularOutlook(content.periodId)) : []) });
  }
}
