import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { FieldError } from '../validation';
import { ERROR_CODES, ERROR_STATUS, ErrorCode } from './error-codes';
import type { ErrorBody } from './error-response';

export class FieldErrorView implements FieldError {
  @ApiProperty({ description: '有问题的字段（嵌套字段以 . 连接，如 targets.0.value）', example: 'title' })
  field!: string;

  @ApiProperty({ description: '该字段的问题', example: '不能为空' })
  message!: string;
}

/** Each code with its status and meaning, so that a client knows which refusals to handle apart. */
const CODE_DESCRIPTION = ['错误代码，供程序判断（同一 HTTP 状态下的不同情况以代码区分）：', ...Object.entries(ERROR_CODES).map(([code, { status, means }]) => `- ${code}（${status}）：${means}`)].join('\n');

/** The body of every error the API answers with, as the global filter writes it (ErrorBody). */
@ApiExtraModels(FieldErrorView)
export class ErrorBodyView implements ErrorBody {
  @ApiProperty({ description: 'HTTP 状态码', example: 400 })
  statusCode!: number;

  @ApiProperty({ description: CODE_DESCRIPTION, enum: Object.keys(ERROR_CODES), enumName: 'ErrorCode', example: 'VALIDATION_FAILED' })
  code!: ErrorCode;

  @ApiProperty({ description: '可直接显示给用户的中文说明', example: '提交的数据有误：标题不能为空' })
  message!: string;

  @ApiPropertyOptional({
    description: 'VALIDATION_FAILED 时为各字段的问题；其他错误可能附带说明情况的对象（如摘牌条件未满足时的 unmet）',
    oneOf: [{ type: 'array', items: { $ref: getSchemaPath(FieldErrorView) } }, { type: 'object' }],
  })
  details?: unknown;

  @ApiProperty({ description: '本次请求的编号，与响应头 X-Request-Id 相同；报告问题时请提供', example: '0b6f3c1e-8a51-4d8e-9a8e-3f1f2a6c9d10' })
  correlationId!: string;
}

export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

/** An error response in the API document, always with the one error body. */
export const ApiErrorResponse = (status: ErrorStatus, description: string) => ApiResponse({ status, description, type: ErrorBodyView });
