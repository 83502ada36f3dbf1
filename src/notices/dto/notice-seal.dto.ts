import { ApiProperty } from '@nestjs/swagger';

export class NoticeSealView {
  @ApiProperty({ nullable: true, type: String, description: '现用印章图像（PNG）的 SHA-256；未上传或已移除为 null' }) sha256!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '上传时的文件名' }) fileName!: string | null;
  @ApiProperty({ nullable: true, type: Date }) uploadedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, description: '上传人' }) uploadedByName!: string | null;
  @ApiProperty() version!: number;
}
