import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Access } from '../access/access';
import { displayFileName } from '../attachments/file-content';
import type { UploadedFile } from '../attachments/attachments.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, NotFoundError, staleVersion } from '../common/errors/domain-error';
import { updateVersioned } from '../database/versioned-update';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { displayNames } from '../users/user-names';
import { NoticeSealView } from './dto/notice-seal.dto';
import { Notice, NoticeSeal, SEAL_ROW_ID } from './notice.entity';
import { checkSealImage } from './seal-image';

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/**
 * The office's seal: uploaded (checked by content), replaced or removed, kept content-addressed under
 * `uploads/seals/<sha256>.png`. Files are never deleted once in force, since issued notices name them.
 */
@Injectable()
export class NoticeSealService {
  private readonly dir: string;
  /** Data URIs by SHA-256: a seal's file never changes under its name, so each is read once. */
  private readonly dataUris = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {
    this.dir = join(config.uploadDir, 'seals');
    mkdirSync(this.dir, { recursive: true });
  }

  async current(): Promise<NoticeSealView> {
    const row = await this.row(this.dataSource.manager);
    const names = await displayNames(this.dataSource.manager, [row.uploadedBy]);
    return { sha256: row.sha256, fileName: row.fileName, uploadedAt: row.uploadedAt, uploadedByName: row.uploadedBy === null ? null : (names.get(row.uploadedBy) ?? null), version: row.version };
  }

  /** The SHA-256 of the seal in force, read in the issuing transaction. */
  async inForce(manager: EntityManager): Promise<string | null> {
    return (await this.row(manager)).sha256;
  }

  /** Puts a new seal in force; notices issued before keep theirs. */
  async upload(access: Access, files: UploadedFile[], version: number): Promise<NoticeSealView> {
    const refuse = (message: string) => new DomainError('VALIDATION_FAILED', message, [{ field: 'files', message }]);
    if (files.length === 0) throw refuse('请选择印章图像文件（背景透明的 PNG）');
    if (files.length > 1) throw refuse('一次只能上传一个印章图像');
    const [file] = files;
    checkSealImage(file.buffer, file.originalname);
    const sha = sha256(file.buffer);
    const written = await this.store(sha, file.buffer);
    try {
      await this.change(version, async (manager, before) => {
        const fileName = displayFileName(file.originalname);
        await this.update(manager, version, { sha256: sha, fileName, uploadedBy: access.actor.userId, uploadedAt: this.clock.now() });
        await this.audit.record({ action: 'notice_seal.upload', objectType: 'notice_seal', objectId: 'seal', changes: { sha256: [before.sha256, sha], fileName: [before.fileName, fileName] } }, manager);
      });
    } catch (error) {
      // A refused change leaves nothing behind, unless the same image is named elsewhere meanwhile.
      if (written && !(await this.named(sha))) await unlink(this.path(sha)).catch(() => undefined);
      throw error;
    }
    return this.current();
  }

  /** Notices issued from now on are unsealed; those issued before keep their seal (and its file). */
  async remove(version: number): Promise<NoticeSealView> {
    await this.change(version, async (manager, before) => {
      if (before.sha256 === null) throw new DomainError('NO_SEAL_IN_FORCE', '目前没有在用的印章');
      await this.update(manager, version, { sha256: null, fileName: null, uploadedBy: null, uploadedAt: null });
      await this.audit.record({ action: 'notice_seal.remove', objectType: 'notice_seal', objectId: 'seal', changes: { sha256: [before.sha256, null], fileName: [before.fileName, null] } }, manager);
    });
    return this.current();
  }

  /** The image in force, to show on the settings. */
  async image(): Promise<Buffer> {
    const { sha256: sha } = await this.row(this.dataSource.manager);
    if (sha === null) throw new NotFoundError('印章');
    return this.read(sha);
  }

  /** A seal as the notice templates take it: `data:image/png;base64,…`. */
  async dataUri(sha: string): Promise<string> {
    let uri = this.dataUris.get(sha);
    if (!uri) {
      uri = `data:image/png;base64,${(await this.read(sha)).toString('base64')}`;
      this.dataUris.set(sha, uri);
    }
    return uri;
  }

  /** A seal's file, refused if it is no longer the image its name promises (the seal on an official document). */
  private async read(sha: string): Promise<Buffer> {
    const content = await readFile(this.path(sha));
    if (sha256(content) !== sha) throw new Error(`The seal file ${sha}.png does not match its SHA-256`);
    return content;
  }

  private path(sha: string): string {
    return join(this.dir, `${sha}.png`);
  }

  /** Writes the file under its SHA-256 (through a temporary name, so a crash leaves no half file); false if it was there. */
  private async store(sha: string, content: Buffer): Promise<boolean> {
    if (await stat(this.path(sha)).then(() => true, () => false)) return false;
    const temporary = join(this.dir, `${randomUUID()}.tmp`);
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, this.path(sha));
    return true;
  }

  private async named(sha: string): Promise<boolean> {
    const manager = this.dataSource.manager;
    return (await manager.existsBy(NoticeSeal, { sha256: sha })) || (await manager.existsBy(Notice, { sealSha256: sha }));
  }

  private async change(version: number, work: (manager: EntityManager, before: NoticeSeal) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.row(manager);
      if (before.version !== version) throw staleSeal();
      await work(manager, before);
    });
  }

  private async update(manager: EntityManager, version: number, values: Pick<NoticeSeal, 'sha256' | 'fileName' | 'uploadedBy' | 'uploadedAt'>): Promise<void> {
    await updateVersioned(manager, NoticeSeal, { id: SEAL_ROW_ID }, version, values, staleSeal);
  }

  private async row(manager: EntityManager): Promise<NoticeSeal> {
    return manager.findOneByOrFail(NoticeSeal, { id: SEAL_ROW_ID });
  }
}

const staleSeal = () => staleVersion('印章设置');
