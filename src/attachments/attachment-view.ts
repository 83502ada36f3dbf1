import type { AttachmentView } from '../documents/dto/document.dto';
import type { Attachment } from './attachment.entity';

export function attachmentView(attachment: Attachment): AttachmentView {
  return {
    id: attachment.id,
    fileName: attachment.fileName,
    mediaType: attachment.mediaType,
    size: attachment.size,
    sha256: attachment.sha256,
    url: `/api/attachments/${attachment.id}`,
  };
}
