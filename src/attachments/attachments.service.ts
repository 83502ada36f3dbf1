import { randomUUID, createHash } from 'node:crypto';
import { createReadStream, mkdirSync, ReadStream } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Access } from '../access/access';
import { Clock } from '../common/clock';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Attachment, AttachmentOwner } from './attachment.entity';
import { detectFileType, displayFileName, safeFileName } from './file-content';

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** A checked file, written to disk and waiting for its row. */
interface StoredFile {
  row: Omit<Attachment, 'id' | 'ownerType' | 'ownerId'>;
  path: string;
}

/** Decides whether an access may see the object an attachment belongs to; throws a denial otherwise. */
export type OwnerAccessCheck = (access: Access, ownerId: number) => Promise<void>;

@Injectable()
export class AttachmentsService {
  private readonly dir: string;
  private readonly ownerChecks = new Map<AttachmentOwner, OwnerAccessCheck>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.dir = config.uploadDir;
    mkdirSync(this.dir, { recursive: true });
  }

  /**
   * Checks every file's content, writes them under generated names, then runs `work` with them. When
   * `work` fails (its transaction rolls back), the written files are removed again.
   */
  async withFiles<T>(files: UploadedFile[], uploadedBy: number, work: (attach: (manager: EntityManager, ownerType: AttachmentOwner, ownerId: number) => Promise<Attachment[]>) => Promise<T>): Promise<T> {
    const checked = files.map((file) => {
      const type = detectFileType(file.buffer);
      if (!type) {
        throw new DomainError('UNSUPPORTED_FILE_TYPE', `文件“${displayFileName(file.originalname)}”不是可接受的类型；请上传 PDF、图片（PNG/JPEG/GIF/WebP）、Word/Excel/PowerPoint、OFD 或纯文本文件`);
      }
      return { file, type };
    });
    const stored: StoredFile[] = [];
    try {
      for (const { file, type } of checked) {
        const storedName = randomUUID();
        const path = join(this.dir, storedName);
        await writeFile(path, file.buffer, { flag: 'wx' });
        stored.push({
          path,
          row: {
            fileName: safeFileName(file.originalname, type),
            storedName,
            mediaType: type.mediaType,
            size: file.size,
            sha256: createHash('sha256').update(file.buffer).digest('hex'),
            uploadedBy,
            uploadedAt: this.clock.now(),
          },
        });
      }
      return await work((manager, ownerType, ownerId) => manager.save(stored.map((s) => manager.create(Attachment, { ...s.row, ownerType, ownerId }))));
    } catch (error) {
      await Promise.all(stored.map((s) => unlink(s.path).catch(() => undefined)));
      throw error;
    }
  }

  list(ownerType: AttachmentOwner, ownerIds: number[]): Promise<Attachment[]> {
    if (ownerIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Attachment).find({ where: { ownerType, ownerId: In(ownerIds) }, order: { id: 'ASC' } });
  }

  /** Each feature that owns attachments says who may see them. */
  registerOwner(ownerType: AttachmentOwner, check: OwnerAccessCheck): void {
    this.ownerChecks.set(ownerType, check);
  }

  /** An attachment, after the same permission check as the object it belongs to. */
  async findForDownload(access: Access, id: number): Promise<Attachment> {
    const attachment = await this.dataSource.getRepository(Attachment).findOneBy({ id });
    if (!attachment) throw new NotFoundError('附件');
    const check = this.ownerChecks.get(attachment.ownerType);
    if (!check) throw new Error(`No access check registered for attachments of ${attachment.ownerType}`);
    await check(access, attachment.ownerId);
    return attachment;
  }

  open(attachment: Attachment): ReadStream {
    return createReadStream(join(this.dir, attachment.storedName));
  }
}

/** `Content-Disposition` that downloads under the stored (clean) name, in any browser, with no header injection. */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
