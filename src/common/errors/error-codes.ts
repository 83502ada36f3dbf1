/**
 * Every error the API can answer with: its HTTP status (the global filter answers with it) and what it
 * tells a client, for the API document. A code of its own is for a refusal a client would handle
 * differently from the others; the message beside it is for people.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, means: '提交的数据有误；details 列出各字段的问题' },
  PAGE_TOO_DEEP: { status: 400, means: '页码太靠后：按页码最多翻到第 10 000 条；请缩小筛选条件，或用上一页答复的 next 继续翻（after）' },
  MALFORMED_REQUEST: { status: 400, means: '请求体无法解析' },
  DRAFT_INCOMPLETE: { status: 400, means: '通知草稿的内容不完整，不能印发；details 列出缺少的字段（content.…），补全后再印发' },
  UNAUTHENTICATED: { status: 401, means: '未登录或令牌无效、已过期' },
  INVALID_CREDENTIALS: { status: 401, means: '登录名或密码不正确' },
  FORBIDDEN: { status: 403, means: '当前账号无权执行此操作' },
  CSRF_INVALID: { status: 403, means: '表单已失效（页面表单）' },
  NOT_FOUND: { status: 404, means: '不存在，或不在本账号可见范围内' },
  USERNAME_TAKEN: { status: 409, means: '登录名已被使用' },
  UNIT_NAME_TAKEN: { status: 409, means: '单位名称重复' },
  UNIT_HIERARCHY_CYCLE: { status: 409, means: '上级单位形成循环' },
  UNIT_ALIAS_TAKEN: { status: 409, means: '别名已是另一个单位的名称、简称或别名' },
  WRONG_PASSWORD: { status: 409, means: '当前密码不正确' },
  SELF_LOCKOUT: { status: 409, means: '不能停用自己的账号，也不能修改自己的角色或单位' },
  CONFLICT: { status: 409, means: '与同时进行的其他操作冲突或与已有记录重复；刷新后重试' },
  ILLEGAL_TRANSITION: { status: 409, means: '对象当前的状态不允许此操作；details 为 { status, action }' },
  STALE_VERSION: { status: 409, means: '对象已被他人修改（version 不是最新）；刷新后再操作' },
  ALREADY_DECIDED: { status: 409, means: '已处理过（进展报告已审核、延期申请已审批、督办升级已发出或驳回）' },
  REPORT_IS_FINAL: { status: 409, means: '随办结申请报送的报告，须通过销号或退回办结申请处理' },
  EXTENSION_NO_DEADLINE: { status: 409, means: '长期坚持的任务没有办理时限，无需申请延期' },
  EXTENSION_TOO_LATE: { status: 409, means: '办理时限已过，不能再申请延期' },
  EXTENSION_PENDING: { status: 409, means: '已有一份延期申请在等待审批' },
  EXTENSION_OUTDATED: { status: 409, means: '申请提出后任务的期限或状态已经改变，只能不同意' },
  ATTACHED_DRAFT_INCOMPLETE: { status: 409, means: '督办升级随附的通知草稿还不完整，须先补全' },
  DELIVERY_NOT_FAILED: { status: 409, means: '只有发送失败的投递才能重发' },
  NOTHING_TO_ISSUE: { status: 409, means: '这次检查没有待下发的整改事项' },
  DOCUMENT_NUMBER_TAKEN: { status: 409, means: '同一文号已登记过' },
  NOT_RED_CARD: { status: 409, means: '只有红牌可以降为黄牌' },
  ALREADY_LISTED: { status: 409, means: '该单位已挂同级或更高的牌' },
  DELISTING_CONDITIONS_UNMET: { status: 409, means: '摘牌条件尚未满足；details.unmet 列出未满足的条件，可带 override 仍予摘牌' },
  ASSESSMENT_PERIOD_TAKEN: { status: 409, means: '该考核期已经建立' },
  PERIOD_NOT_PUBLISHED: { status: 409, means: '考核期的排名尚未发布' },
  PERIOD_PUBLISHED: { status: 409, means: '考核期的排名已发布，不能再次发布；更正经申诉进行' },
  OBJECTION_WINDOW_CLOSED: { status: 409, means: '申诉期已过，不能再提出申诉' },
  OBJECTION_PENDING: { status: 409, means: '该计分行已有一份申诉在等待处理' },
  NOTICE_NOT_DRAFT: { status: 409, means: '通知已印发或已作废，不能修改或再印发' },
  NOTICE_NOT_ISSUED: { status: 409, means: '通知不是已印发状态（尚未印发或已作废），不能签收、催签、作废或下载' },
  NOTICE_NOT_VOIDED: { status: 409, means: '被更正的通知尚未作废' },
  PDF_NOT_READY: { status: 409, means: '通知的 PDF 正在生成，稍后再试' },
  ALREADY_ACKNOWLEDGED: { status: 409, means: '已签收过该通知' },
  NO_SEAL_IN_FORCE: { status: 409, means: '目前没有在用的印章' },
  BAD_SPREADSHEET: { status: 422, means: '上传的 Excel 表格无法导入（空表、找不到表头、表头有合并单元格、含公式等）；message 说明原因' },
  IMPORT_HAS_ERRORS: { status: 422, means: '导入预览中仍有错误的行，未导入任何数据；details 按行列出各单元格的问题' },
  CALENDAR_NOT_COVERED: { status: 422, means: '日期超出已维护的工作日历' },
  PAYLOAD_TOO_LARGE: { status: 413, means: '提交的内容过大' },
  UNSUPPORTED_FILE_TYPE: { status: 415, means: '不支持的文件类型' },
  NO_TEXT_IN_FILE: { status: 422, means: '文件中读不出文字（如扫描件 PDF 没有文字层，或文件已损坏）' },
  RATE_LIMITED: { status: 429, means: '操作过于频繁' },
  INTERNAL: { status: 500, means: '服务器内部错误' },
  SERVICE_UNAVAILABLE: { status: 503, means: '服务暂不可用' },
  QUERY_TIMEOUT: { status: 503, means: '查询用时超过上限（数据库繁忙或查询范围过大），已被中止；稍后重试，或缩小查询范围' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The HTTP status of each code, as the global filter answers. */
export const ERROR_STATUS = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, { status }]) => [code, status])) as { readonly [C in ErrorCode]: (typeof ERROR_CODES)[C]['status'] };
