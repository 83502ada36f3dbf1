import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { WakeUp } from '../jobs/jobs.constants';
import { NotificationsService } from '../notifications/notifications.service';
import { officeStaff, others, unitContacts } from '../reminders/recipients';
import type { Assignment } from './assignment.entity';
import { taskNews, TaskStep } from './task-news';

/** Tells the other side of a task what just happened to it, in the step's own transaction. */
@Injectable()
export class TaskNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  /**
   * The unit's active contacts hear of the office's steps, the office's active accounts of the unit's;
   * nobody of their own. `assignment` carries its directive and unit. Returns the deliveries to wake
   * once the transaction commits.
   */
  async tell(manager: EntityManager, actorUserId: number, assignment: Assignment, step: TaskStep): Promise<WakeUp[]> {
    const { directive, unit } = assignment;
    const news = taskNews({ id: assignment.id, code: directive!.code, title: directive!.title, unitName: unit!.shortName, metricName: directive!.metricName, metricUnit: directive!.metricUnit }, step);
    const recipients = news.to === 'unit' ? await unitContacts(manager, assignment.unitId) : await officeStaff(manager);
    return this.notifications.notify(manager, others(recipients, actorUserId), {
      kind: news.to === 'unit' ? 'task' : 'review',
      title: news.title,
      body: news.body,
      // The office reviews on the task page too: its buttons are there, one click from the message.
      link: `/tasks/${assignment.id}`,
      sourceKey: news.sourceKey,
    });
  }
}
