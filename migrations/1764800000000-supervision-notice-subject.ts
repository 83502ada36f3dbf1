import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervision notices say whose work they chase: a task, with the unit's part in it (牵头承办, 配合办理),
 * or a rectification item. Notices drafted before carry neither; they are filled in from the records.
 */
export class SupervisionNoticeSubject1764800000000 implements MigrationInterface {
  name = 'SupervisionNoticeSubject1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows: { id: number; content: string; role: string | null; assignment_id: number | null }[] = await queryRunner.query(
      `SELECT n.id, n.content, n.assignment_id, a.role FROM notices n LEFT JOIN assignments a ON a.id = n.assignment_id WHERE n.kind = 'supervision_notice'`,
    );
    for (const row of rows) {
      const content = JSON.parse(row.content) as Record<string, unknown>;
      if ('subject' in content) continue;
      const task = row.assignment_id !== null;
      const filled = { subject: task ? 'task' : 'rectification', role: !task ? '整改' : row.role === 'cooperating' ? '配合办理' : '牵头承办', ...content };
      await queryRunner.query('UPDATE notices SET content = ? WHERE id = ?', [JSON.stringify(filled), row.id]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const rows: { id: number; content: string }[] = await queryRunner.query(`SELECT id, content FROM notices WHERE kind = 'supervision_notice'`);
    for (const row of rows) {
      const { subject: _subject, role: _role, ...content } = JSON.parse(row.content) as Record<string, unknown>;
      await queryRunner.query('UPDATE notices SET content = ? WHERE id = ?', [JSON.stringify(content), row.id]);
    }
  }
}
