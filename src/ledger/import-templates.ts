import type { SheetSpec } from '../spreadsheets/workbook-writer';
import { IMPORT_KIND_SHEETS } from './import-sheets';
import type { ImportKind } from './import-preview.entity';

/** How each column of a template is filled in, for its 填写说明 sheet. */
const HINTS: Record<ImportKind, Record<string, string>> = {
  directives: {
    number: '可不填；导入时不使用',
    task: '任务内容；第一句作为事项标题，全文作为工作要求',
    lead: '单位全称、简称或别名；写几个单位时第一个为牵头单位，其余作为配合单位',
    cooperating: '可不填；多个单位用顿号分隔',
    deadline: '日期（2026-06-30、2026/6/30、2026年6月30日）、“6月底前”“年底前”，或长期工作的报送周期（每月5日前报送）',
    target: '可不填；如“国家反诈中心APP安装率达到60%”“发案率控制在5%以内”',
    category: '可不填，默认“分工方案”',
    priority: '可不填：一般、重要或紧急，默认一般',
  },
  units: {
    name: '单位全称，不能与已有单位的名称、简称或别名重复',
    shortName: '列表和通知中显示的简称',
    kind: '职能部门、镇街、企业或其他',
    aliases: '可不填；文件中对该单位的其他写法，用顿号分隔',
  },
  users: {
    username: '登录名：字母、数字、点、横线或下划线',
    displayName: '姓名',
    role: '协调办、领导或成员单位联络员',
    unit: '所属单位的全称、简称或别名；协调办和成员单位联络员必填',
    phone: '可不填',
    email: '可不填；填写后可收到邮件提醒',
    password: '至少 12 个字符，不能包含登录名，不能是常见密码；首次登录后请本人修改',
  },
};

async function* from<R>(rows: R[]): AsyncIterable<R> {
  yield* rows;
}

/** A blank sheet with the import's headers, and a sheet saying how each column is filled in. */
export function templateSheets(kind: ImportKind): Array<SheetSpec<any>> {
  const columns = Object.entries(IMPORT_KIND_SHEETS[kind].sheet.columns);
  return [
    { name: IMPORT_KIND_SHEETS[kind].title, columns: columns.map(([, rule]) => ({ header: rule.label, width: Math.max(12, rule.label.length * 4), value: () => null })), rows: from([]) },
    {
      name: '填写说明',
      columns: [
        { header: '列名', width: 14, value: (r: [string, { label: string; required: boolean }]) => r[1].label },
        { header: '是否必填', value: (r: [string, { label: string; required: boolean }]) => (r[1].required ? '必填' : '可不填') },
        { header: '填写说明', width: 80, value: (r: [string, { label: string; required: boolean }]) => HINTS[kind][r[0]] ?? '' },
      ],
      rows: from(columns),
    },
  ];
}
