/**
 * Who a requirement is for, as written: a closing note "（A牵头，B、C配合）", "（A、B负责。列第一位者为牵头单位）",
 * "由A牵头", or the subject of the clause "A要…", "A、B等部门要…", "各镇街要…". Traditional characters
 * (牽頭, 負責, 單位) are read as well: some public mirrors publish documents in them.
 */

export interface OwnersAsWritten {
  lead: string[];
  cooperating: string[];
  /** Named only as who carries a step out ("由审批部门推送"): a note closing the item names the owners instead. */
  incidental?: boolean;
}

/** How a unit's name ends (局, 办, 中心, 镇（街道）…), full or traditional characters. */
const UNIT_SUFFIX =
  '(?:局|各市|各县市|各校园|队伍|隊伍|团体|單元|单元|(?<![红国党彩锦])旗|[两二三四五六七八九十]市|新闻媒体|媒体单位|总社|合作社|各校|专班|责任主体|委|办|辦|厅|廳|部|院|行|中心|公司|单位|單位|部门|部門|机关|機關|街道|镇|鎮|乡|鄉|村|社区|社區|镇街|政府|运营商|運營商|企业|企業|学校|學校|中学|小学|中专|职校|高校|院校|班级|班級|各班|幼儿园|医院|卫生院|机构|機構|小组|小組|(?<![分重编改机])组|(?<![分重編改機])組|两级|兩級|三级|三級|(?:电视|广播|气象)台|电台|队|隊|所|站|室|处|處|科|残联|殘聯|妇联|工商联|侨联|文联|科协|村社|联席会议|委员会|委員會|管委会|管委會|协会|联合会|工会|商会|妇联|团委|法院|检察院|县|縣|区|區|[（(]街道[）)]|网点|網點|村居|市州|地市|居委会|委会|中心校|党校|(?:类|類|互联网|視頻|视频|电商|直播|社交|新媒体)(?:平台|平臺)|集团|海关|供销社|责任人|辅警|輔警|(?:公路|养护|工务|车务|机务|电务)段|省份|党组织|黨組織|(?:护路|工会|团|群团|社会)组织|辅导员|班主任|(?:渠道|经销|供应|代理)商|报社|(?:林|农|牧|渔|茶|乡镇|养殖)场|(?:产业|工业|科技|高新|物流)园|园区|(?:施工|建设|项目|业主|开办|运营)方|(?<![入控参持一\d])股|负责人|领导|干部|民警|管理员|护林员|网格员|宣讲员|巡河员|保洁员|保安员|工作人员|(?:值班|带班|检查|巡查|督查|执法|技术)人[员員]|职工|職工|员工|书记|一把手|(?<!班子)成员|(?:协管|信息|联络|监督|安全|劳资专管)员|专干|河长|河湖长|河長|河湖長|(?:林|路|田|湖|網格|网格|警)(?:长|長)|支书|班子成员|副市长|副县长|副区长|副镇长|副乡长|组长|村长|社长|站长|所长|校长|园长|院长|局长|(?<=各)属地|(?:考|聚会|监测|服务|执勤|检查|值守|劝导)点)';
/** Carriers are written by place and brand: "云澜电信", "市移动", "各县联通". */
const CARRIER = '(?:电信|電信|移动|移動|联通|聯通|广电|廣電|铁塔|鐵塔)';
/** Sectors written without a suffix ("工信、金融等部门要"). */
const SECTOR = '(?:综治|安监|环保|发改|经信|信访|检察|工信|网信|公安|交警|卫生健康|交通运输|应急管理|应急|城市管理|城管|消防救援|消防|气象|水利|国土|自然资源|生态环境|农业农村|教体|林业|审计|统计|金融|通信|电信|银行|互联网|寄递业|寄递|货运业|物流业|快递业|宣传|市场监管|银保监|邮政|物流|教育|人民银行|人行|税务|财政|民政|司法|网络|政法|文旅|卫健|交通|商务|住建|人社|公检法|移动|联通|广电|铁塔|綜治|財政|工商|规划|综合执法)';
// A name's brackets are balanced ("各县（市、区）人民政府"): a clause cut inside an owner note
// ("10月底前完成…（市公安局" of "（市公安局牵头，…配合）") is not a name.
/** A province named before "各地" or "各级" in a national or provincial report: "福建各地公安", "浙江各级". */
const PROVINCE = '(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆)';
/** A province, a city or a prefecture by name ("山西省将…", "重庆将…", "琼海市将…", "文山州将…"): the place's government does the work. */
const PLACE_NAME = `(?:${PROVINCE}(?:省|市)?|(?![相有各全本我该該地县縣副])[\\u4e00-\\u9fa5]{2,3}(?<![城都超上门集夜股街坊])市|(?![相有各全本我该該地县縣副])[\\u4e00-\\u9fa5]{2,3}(?<![自治神九])州)`;
const OWNER_NAME = new RegExp(`^(?:(?:[^\\s，,。；;：:“”"《》（）()]|[（(][^（）()]{1,6}[）)]|“[^“”，,。；;]{1,8}”){0,24}${UNIT_SUFFIX}(?:[（(][^（）()]{1,12}[）)])?|(?:(?:省|市|县|縣|区|區)级?|${PROVINCE}?(?:各地|各级)|(?:全省|全市|全县|全区)各级|各)?${SECTOR}|[^\\s，,。；;：:“”"（）()]{1,6}${CARRIER}|${PROVINCE}?(?:各地|各级)|${PLACE_NAME})$`);
/**
 * Words that end like a unit but name a person, a rate, a thing or an act ("进行", "实行"); and phrases
 * with a verb inside ("各乡镇将本辖区", "体系由区政府办公室"). "全区", "全乡" alone name a whole place, no one in it.
 */
const NOT_A_UNIT = /^全(?:省|市|县|区|乡|镇|村)$|以[^，,。；;]{1,8}为单[元位]$|(?:同志|^(?:各级)?(?:主要)?(?:负责人|领导|干部)|^(?:各级)?领导干部|(?<!工作|值班|带班|检查|巡查|督查|执法|技术)人员|格局|群众|市民|厕所|公厕|率|量|数|工作|任务|措施|行动|(?<!类|類|互联网|視頻|视频|电商|直播|社交|新媒体)平台|机制|体系|APP|App|进行|执行|实行|施行|推行|履行|运行|发行|开办)$|将|由|对[^外]|(?<![主重纲摘需])要(?![素求点])|切实|提高|认真|严格|作为|准备|同时|做好|完成|开展|立即|联系|加强|强化|聚焦|狠抓|充实|落实|设在|暂定|主动|联合(?!会)|抓紧|成立|组建|明确|制定|推进(?!小组|组|办|專班|专班|中心|委员会)|建立|强调|指出|要求|会同|會同|带领|帶領|[一二三四五六七八九十]要|是|配合(?!单位|部门)|在全|每周|每月|每天|至少|\d+次|期间|期間|必须|务必|应当|需(?!求)|协调(?!推进|办|小组|组|委员会|中心|处|科|会)|召集|督促|指派|选派|抽调|尽快|实处$|全部$|严肃|覆盖|结合|削减|迁建|为(?:第一|直接|主要)?责任人$|(?:承办|督办|交办|批办)$|责令|邀请|作出|开设|(?<!小)组成(?!部门)|(?<!党|社会|基层|经济|群团)组织(?!部)(?=.)|在[省市县区乡镇]$|^(?:目标任务|工作任务|工作职责|职责分工|责任分工)和|等(?:单位|部门|單位|部門).|\d[^的]{0,12}的/;
/**
 * A bare kind of body ("要求企业、房东签订…") names the public, not a unit; a verb ending in 办 ("要求新办
 * 电话卡用户…") names an act.
 */
const BARE_KIND = /^(?:企业|单位|部门|机构|学校|村|社区|行业|公司|新办|在办|待办|已办|代办|承办|协办|督办|主办|开办|补办|续办)$/;
/** A verb or preposition in front ("指导各区政府", "在全镇", "推进政府") makes it a phrase, not a name. */
const NOT_A_NAME_START = /^(?:[①-⑳]|\d{4}年|\d{1,2}(?:至|到|-|—|~)\d{1,2}月|本月|本周|本年|今年|明年|需|启用|拨付|撥付|确保|决定|必须|务必|应当|随时|即日|自即日|抄告|抄送|责成|責成|\d{1,2}月|[一二三四五六七八九十]是|下阶段|下一步|提出|抓好|监督|督查(?![组室办科处队人督])|计划(?![财科处])|力争|争取|基本|实现|安排|报送|报至|【|届时|屆時|下步|接下来|近期|此次|本次|这次|汛前|汛期|汛后|会后|年底前?|年内|月底前?|应(?!急)|节前|节后|假前|放假|我们|督导(?![组室办科处队人考检巡])|委托|按程序|打造|增补|@|分解|下达|建成|新建|建设或|改造|叮嘱|开设|设置|目前|结合|今后|后续|随后|此后|坚持|继续|充分|深刻|服从|号召|提醒|保障(?![房性])|原则上|一方面|另一方面|会议结束后|现(?=向|将|就|对|把|予|下达)|提倡|倡导|包联(?!干部|领导)|包保(?!干部|领导|領導)|清理|发挥|带好|指定|整(?![治改])|的|每(?![个位名家所])|要(?!素)|请|以|同时|特别是|希望|和|及|以及|协助|成立|组建|设立|全面|深入|坚决|持续|不断|积极|主动|认真|切实|全力|大力|及时|发动|动员|依靠|借助|鼓励|支持|引导|进一步|指导|规范|推进|推动|督促|组织(?!部)|要求|协调|支持|会同|联合|协同|配合(?!部门|单位)|分别|进驻|深入|走进|前往|加强|加大|强化|完善|建立|健全|明确|落实|加快|深化|依托|通过|按照|根据|依据|对|在|于|从|向|把|将|为|与|其(?!他)|由|经(?![济开管信贸侦营])|请)/;
/** "…等部门", "…等行业监管部门", "…等其他相关单位", a bare "…等": the list's generic tail, dropped from the last name. */
const GENERIC_TAIL = /等(?:其他|其它)?(?:\d+个?(?:部门|单位)|(?:行业|有关|相关)?(?:主管|监管)?(?:部门|部門|单位|單位|机构|機構|企业)|(?:重点)?行业(?:领域)?|(?:重点)?领域)?$/;

/** A field of work alone, as a list may name it: "公安", "市自然资源". */
const FIELD_ONLY = new RegExp(`^(?:省|市|县|区)?${SECTOR}$`);

/**
 * "教体系统", "住房和城乡建设系统", "全市台办系统", "全系统": the bodies of a field of work across an area; "信息管理系统"
 * is a thing. (A field not in SECTOR counts only with the area it spans before it.)
 */
const FIELD_SYSTEM = new RegExp(`^(?:(?:全省|全市|全县|全区|各级|我县|我市|我区)?(?:${SECTOR}|住房和城乡建设|教体|卫生健康|人力资源社会保障)|(?:全省|全市|全州|全县|全区|我省|我市|我县|我区)\\p{Script=Han}{1,6}|全)(?:系统|系統)$`, 'u');

/** Officers of a post, each one asked: "各村防治员", "各文物保护员", "各调解员" (a post's name ends in 员). */
const EACH_OFFICER = /^各\p{Script=Han}{1,6}(?<![人会党])员$/u;

/** A name as a unit could be written: a unit suffix or a sector word, not a person or a rate. */
export function isOwnerName(name: string): boolean {
  if (FIELD_SYSTEM.test(name)) return true;
  return name.length >= 2 && name.length <= 30 && (OWNER_NAME.test(name) || EACH_OFFICER.test(name)) && !NOT_A_UNIT.test(name) && !/系统$/.test(name) && !NOT_A_NAME_START.test(name) && !BARE_KIND.test(name);
}

/** "A、B和C等部门" → [A, B, C]; null when any part is not a unit name. */
export function splitOwnerList(list: string): string[] | null {
  // "各县(市、区)人民政府": a list inside brackets belongs to the name.
  const trimmed = list.trim().replace(/^(?:由|会同|並|并)/, '').replace(/[（(][^（）()]*[）)]/g, (b) => b.replace(/[、，,]/g, '\u0001'));
  const parts = trimmed
    // "市安委会有关成员单位（详见任务分工）": a remark, not part of the name.
    .replace(/[（(](?:详见|詳見|见|見)[^（）()]{1,20}[）)]/g, '')
    .split(/[、，,]/)
    // (a cell of a table copied with its bars: "牵头单位: | 市城市管理综合执法局 |")
    .map((p) => p.replace(/\u0001/g, '、').replace(/^[|｜\s]+|[|｜\s]+$/g, ''))
    // ("所有乡镇和涉农部门、和生态环境保护部门": a conjunction left before a later part)
    .map((p, i) => (i > 0 ? p.replace(/^(?:以及|和|及(?!时)|与)(?=[^、，,]{2})/, '') : p))
    .filter((p) => p.length > 0)
    // "宣传部 安全管理处": a table's cell lists its units with spaces.
    .flatMap((p) => (/\s/.test(p) && p.split(/\s+/).every(isOwnerName) ? p.split(/\s+/) : [p]));
  if (parts.length === 0) return null;
  // (the tail may close a name before 及: "住建局等部门及相关街道")
  const names = joinLevels(parts).map(withoutGenericTail).flatMap(splitAtAnd).map(withoutGenericTail).map(withoutRoleLabel);
  // A bare kind of body names a unit beside others ("各镇和相关单位", "教育部门、学校"), the public alone.
  if (names.length > 1 && names.some((n) => isOwnerName(n)) && names.every((n) => isOwnerName(n) || BARE_KIND.test(n))) return names;
  if (names.length > 1 && DECLARED_UNITS.test(list.trim()) && names.every((n) => isOwnerName(n) || isShortName(n))) return names;
  return names.every(isOwnerName) ? names : null;
}

/**
 * "天管会、龙潭乡、征收中心、自然资源规划等部门", "文旅体、应急、水利等部门": a list the text itself closes as
 * departments names units, short names ("天管会", "文旅体") included.
 */
const DECLARED_UNITS = /等(?:其他|其它)?(?:\d+个?)?(?:有关|相关|职能|行业主管|主管|监管)?(?:部门|部門|单位|單位)$/;
const isShortName = (name: string) => /^\p{Script=Han}{2,8}$/u.test(name) && !NOT_A_UNIT.test(name) && !NOT_A_NAME_START.test(name) && !BARE_KIND.test(name);

/** "包片单位县供销社", "承办单位区城乡建委", "各行业主管部门(督办单位)": the unit named with the role it holds. */
function withoutRoleLabel(name: string): string {
  const unit = name.replace(/^(?:包片|包联|包保|承办|主办|牵头|责任)单位|[（(](?:责任|督办|牵头|配合|主办|承办|协办)(?:单位|部门)[）)]$/g, '');
  return unit !== name && isOwnerName(unit) ? unit : name;
}

/**
 * "各县、市、区政府", "各市(州)、县(市、区)人民政府" are one name, the levels written once: a part that is a level
 * alone (with its bracketed kin) joins the next.
 */
function joinLevels(parts: string[]): string[] {
  const joined: string[] = [];
  for (const part of parts) {
    const previous = joined[joined.length - 1];
    // ("各区、市直各责任单位": the city's own units, 市直/县属, are a part of their own)
    const level = previous !== undefined && /^(?:各)?[省市县縣区區乡鄉镇鎮]([（(][^（）()]{1,8}[）)])?$/.exec(previous.split('、').pop()!);
    // (with kin, only a level with its own kin follows: "各县(区)、市安委会…" is two parts)
    if (level && (level[1] ? /^[省市县縣区區乡鄉镇鎮][（(]/ : /^[省市县縣区區乡鄉镇鎮](?![直属屬])/).test(part)) joined[joined.length - 1] = `${previous}、${part}`;
    else joined.push(part);
  }
  return joined;
}

/** "市卫生健康委等，各县（市、区）政府": the tail of a list closes any of its parts, not only the last. */
function withoutGenericTail(part: string): string {
  return GENERIC_TAIL.test(part) && part.replace(GENERIC_TAIL, '').length >= 2 ? part.replace(GENERIC_TAIL, '') : part;
}

/**
 * "宣传部门和新闻媒体" is two units, "工业和信息化部" and "县级有关部门和单位" one: a part splits at 和/及/与
 * only when every piece is a unit's name by itself.
 */
function splitAtAnd(part: string): string[] {
  const pieces = part.split(/(?:以及|和|及|与|與)(?=[^、，,]{2})/).map((p) => p.trim());
  if (pieces.length === 1) return pieces;
  // "县教育和体育局", "市自然资源和规划局": a bureau named after two fields is one unit.
  if (pieces.length === 2 && FIELD_ONLY.test(pieces[0]) && /[局厅委办]$/.test(pieces[1])) return [part];
  if (pieces.every(isOwnerName)) return pieces;
  // "街道、社区和职能部门": a bare kind of body beside units is one of them.
  // ("有关部门和单位" stays one: the set phrase for whoever is concerned.)
  if (pieces.some(isOwnerName) && pieces.every((p) => isOwnerName(p) || (BARE_KIND.test(p) && p !== '单位'))) return pieces;
  return [part];
}

const PAREN_NOTE = /[（(〔［[]((?:[^（）()〔〕［］[\]]|[（(][^（）()]{0,8}[）)])*)[）)〕］\]]/g;
const NOTE_WORDS = /牵头|牽頭|负责|負責|配合|责任单位|責任單位|责任部门|責任部門|责任科室|责任处室|主办单位|承办单位|协办|協辦|参与|參與|参加/;

export interface OwnerNote extends OwnersAsWritten {
  start: number;
  end: number;
}

/**
 * Owner notes in parentheses, in order: "（A牵头，B配合）", "（A牵头，B按职责分工负责）", "（A、B负责。列第一位者
 * 为牵头单位）", "（A、B负责）" (all lead), "（牵头单位：A；配合单位：B）", "（责任单位：A）".
 */
export function findOwnerNotes(clause: string, firstIsLead = false): OwnerNote[] {
  const notes: OwnerNote[] = [];
  for (const match of clause.matchAll(PAREN_NOTE)) {
    if (!NOTE_WORDS.test(match[1])) continue;
    const owners = parseOwnerNote(match[1], firstIsLead);
    if (owners) notes.push({ ...owners, start: match.index, end: match.index + match[0].length });
  }
  return notes;
}

/**
 * The names after a label ("责任单位：立山经济开发区，全区经济运行各专班"): the label says they are owners, so a
 * name need not end like a unit; a part that reads as a sentence still refuses the list.
 */
function labelledNames(list: string): string[] | null {
  const parts = list.replace(/[（(][^（）()]*[）)]/g, (b) => b.replace(/[、，,]/g, '\u0001')).split(/[、，,]/).map((p) => p.replace(/\u0001/g, '、').trim()).filter((p) => p.length > 0);
  return parts.length > 0 && parts.every((p) => p.length <= 30 && !/[。；;：:“”]|要|应|须/.test(p)) ? parts.map(withoutGenericTail) : null;
}

/** An owner line without brackets after an item: "责任单位：市发改委、市经信局", "牵头单位：A；配合单位：B". */
export const OWNER_LINE = /^(?:牵头单位|牽頭單位|牵头责任单位|主要责任单位|责任单位|責任單位|责任部门|牵头部门|主办单位|承办单位|(?:市级|县级|区级|省级)?(?:配合|督导)单位|(?:主要)?协作单位|配合部门|协同责任单位|相关责任单位|协同单位|协助单位|实施单位|参与单位|牵头科室|责任科室|配合科室|牵头处室|责任处室|配合处室)[：:]/;

export function ownerLine(clause: string, firstIsLead = false): OwnersAsWritten | null {
  // "部门分工：省发展改革委牵头，各地、各部门配合。": a note written as a line.
  const division = /^(?:部门分工|责任分工|分工)[：:]\s*/.exec(clause);
  if (division) return parseOwnerNote(clause.slice(division[0].length).replace(/[。；;]$/, ''), firstIsLead);
  return OWNER_LINE.test(clause) ? parseOwnerNote(clause.replace(/[。；;]$/, ''), firstIsLead) : null;
}

/**
 * "列第一位者为牵头单位" said once with "下同" holds for the notes after it: the document's convention.
 */
export function setsFirstIsLead(note: string): boolean {
  return FIRST_IS_LEAD.test(note) && /下同/.test(note);
}

const LABEL = '(?:牵头单位|牽頭單位|牵头责任单位|(?:市级|县级|区级|省级)?(?:配合|督导)单位|(?:主要)?协作单位|配合單位|配合部门|协同责任单位|相关责任单位|协同单位|协助单位|实施单位|参与单位|主要责任单位|责任单位|責任單位|责任部门|牵头部门|主办单位|承办单位|协办单位|協辦單位|牵头科室|责任科室|配合科室|牵头处室|责任处室|配合处室)';
/** "牵头单位：A；责任单位：B", and with a comma before the next label ("牵头单位:A,责任单位:B,C"). */
const LABELLED = new RegExp(`(${LABEL})[：:]\\s*((?:(?![，,]\\s*${LABEL}[：:])[^；;。])+)`, 'g');
const FIRST_IS_LEAD = /列第一位(?:者|的)?为(?:工作)?牵头(?:或汇总)?单位|排名第一(?:者|的)?为牵头单位|列第一位者為牽頭單位|(?:排在)?首位(?:单位|的单位|的)?为牵头单位/;
/** A remark inside the note ("（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）"). */
const REMARK = /[（(][^（）()]*(?:列第一位|下同|除标注)[^（）()]*[）)]/g;
/** A person named beside the units ("责任单位：市国土局，责任人：杨明"): who answers, not a unit. */
const PERSON_PART = /[，,；;\s]*(?:责任人|联系人|责任领导|牵头领导|分管领导|负责人|联系电话|电话)[：:][^，,；;。]*/g;
const ROLE_TAIL = /(?:分别)?(?:按照职责分工|按照職責分工|按职责分工|按職責分工|按照职责|按照職責|按职责|按職責)?(?:分别|分別)?(?:牵头|牽頭|配合|参与|參與|参加|協助|协助|协办|協辦|负责|負責|落实|落實|实施|實施)$/;
/** The duty split by remit: leads when the note names no lead ("（A、B按职责分工负责）"), else cooperating. */
const BY_REMIT = /(?:按照职责分工|按照職責分工|按职责分工|按職責分工|按照职责|按照職責|按职责|按職責)(?:分别|分別)?(?:负责|負責)$/;
/** A time in a note ("（各市州人民政府负责，长期坚持）", "（A牵头，2024年底前完成）"): not an owner part. */
const NOTE_TIME = /^(?:长期坚持|長期堅持|持续推进|持續推進|长期|長期|[^，,。；;]{0,12}(?:年|月|日|季度)(?:底|末)?(?:前|之前)?(?:完成|启动|建成)?)$/;

/**
 * The owners of a note. `firstIsLead`: the document said once that the first listed unit leads ("…下同").
 */
export function parseOwnerNote(note: string, firstIsLead = false): OwnersAsWritten | null {
  const leadFirst = firstIsLead || FIRST_IS_LEAD.test(note);
  const text = note.replace(REMARK, '').replace(PERSON_PART, '');
  const labelled = [...text.matchAll(LABELLED)];
  if (labelled.length > 0) {
    const result: OwnersAsWritten = { lead: [], cooperating: [] };
    // Beside a named lead, the units "responsible" are the ones that carry it out with the lead.
    const namesLead = labelled.some(([, label]) => /牵头|牽頭/.test(label));
    for (const [, label, list] of labelled) {
      // "责任单位：市经信局牵头，市财政局、市发展改革委配合": roles written inside the label's list.
      const roles = /(?:牵头|牽頭)[，,]/.test(list) ? parseOwnerNote(list.trim()) : null;
      if (roles) {
        result.lead.push(...roles.lead);
        result.cooperating.push(...roles.cooperating);
        continue;
      }
      const severally = /分别(?:牵头|牽頭)$/.test(list.trim());
      const names = splitOwnerList(list.trim().replace(ROLE_TAIL, '')) ?? labelledNames(list.trim());
      if (!names) return null;
      if (/配合|协办|協辦|协同|协助|协作|督导|相关|实施|参与/.test(label) || (namesLead && /责任|責任/.test(label) && !/牵头|牽頭/.test(label))) result.cooperating.push(...names);
      else if (/责任|責任/.test(label) && leadFirst && !severally) {
        result.lead.push(names[0]);
        result.cooperating.push(...names.slice(1));
      } else result.lead.push(...names);
    }
    return result;
  }
  const firstIsLeadHere = leadFirst;
  // ("各街道(镇)配合、管道燃气企业实施": two roles in one part, joined by 、)
  const parts = text.replace(FIRST_IS_LEAD, '').split(/[，,；;。]|(?<=配合|参与|协助|落实|实施)、/).map((p) => p.trim()).filter((p) => p.length > 0 && !NOTE_TIME.test(p));
  const result: OwnersAsWritten = { lead: [], cooperating: [] };
  const namesLead = parts.some((p) => /(?:牵头|牽頭)$/.test(p));
  for (const part of parts) {
    const byRemit = BY_REMIT.test(part);
    const role = /(?:牵头|牽頭)$/.test(part) ? 'lead' : (byRemit && namesLead) || /(?:配合|参与|參與|参加|协助|協助|协办|協辦|落实|落實|实施|實施)$/.test(part) ? 'cooperating' : /(?:负责|負責)$/.test(part) ? 'responsible' : null;
    if (!role) return null;
    const names = splitOwnerList(part.replace(ROLE_TAIL, ''));
    if (!names) return null;
    if (role === 'lead') result.lead.push(...names);
    else if (role === 'cooperating') result.cooperating.push(...names);
    else if (firstIsLeadHere) {
      result.lead.push(names[0]);
      result.cooperating.push(...names.slice(1));
    } else result.lead.push(...names);
  }
  return result.lead.length + result.cooperating.length > 0 ? result : null;
}

/**
 * Words after a subject that make it the one who must act; "各单位、各企业一要…；二要…": the first of its points may
 * follow the subject directly (the points after it are its too).
 */
const MODAL = '(?:对此)?(?:也|还|均|都|亦|一定)?(?:(?<![一二三四五六七八九十第])一要(?!求)|要(?!求)|务必|必须|须|应当|应(?!急)|将|需|需要|负责(?![人同])|負責(?![人同])|牵头|牽頭)';
/** Verbs a subject may take directly in a plan ("司法机关建立定期会商机制"). */
const SUBJECT_VERB = '(?:对(?=[^，,。；;]{1,30}(?:进行|开展|实施|实行|加强|加快|组织|整改|给予|予以|调度|通报|督导|检查|考核))|把(?=[^，,。；;]{1,30}(?:放在|摆在|作为|纳入|列入|当作|当成))|向(?=[^，,。；;]{1,12}(?:报送|报告|上报|提交|反馈))|填报|报送|上报|成立|承诺|打击|优化|抽查|查处|实行|部署|协力|各负其责|各負其責|研究|确定|制订|协调|统筹|严管|严控|建立|健全|调整|组建|制定|起草|摸排|排查|关注|探索|筹措|召集|督促|指派|选派|抽调|拨付|下达|完成|开展|组织(?!部(?!署))|牵头|会同|联合|落实|推进|加强|强化|完善|负责(?![人同])|做好|抓好|结合|利用|依托|围绕|继续|持续|安排(?!的)|坚守|率先|(?:主要|重点)(?=开展|负责(?!人)|承担|做好|抓好|開展|負責(?!人)))';
/** How often or when, between a subject and its verb: "各社区每月组织…", "各村定期开展…", "各系部从本周起全面开展…". */
const SUBJECT_TIME = '(?:(?:于|在)?(?:每周|每月|每季度|每半年|每年)(?:\\d{1,2}日|[一二三四五六日])?(?:前|之前)?|于[^，,。；;“”]{2,20}?(?:前|之前|内)|(?:\\d{4}年)?\\d{1,2}月(?:底|中旬|上旬|下旬|\\d{1,2}日)?(?:前|之前)|(?:从|自)[^，,。；;“”]{1,8}?起|(?:节|年|月底|年底)[前后]|一律|依法|随机|今后|会后|下一步|下步|下周|本周|本月|下月|近期|定期|及时|分别|共同|统一|严格|切实|认真|全面|积极|充分|广泛|大力|迅速|主动|立即|尽快|加快|进一步|紧紧|始终|密切|思想上|行动上|工作上|责任上){0,2}';
/**
 * What a subject does its work by or within, between it and the act: "镇综治办按照职责分工，…制定", "各校园在宣传周内组织",
 * "督查组每周汇总…", "县级河湖长每季度巡查不少于1次" (how often, before what it must do so often),
 * "社区根据目标任务数，制定", and the day it is due by: "县营商办于每月30日前提出…", "各区县3月20日下班前报送…",
 * "月牙塘社区、伦华物业公司于10个工作日内认真梳理…". It ends the name as surely as a modal word does.
 */
const SUBJECT_FRAME = '(?:(?<![，,：:])(?:争取|力争)?(?:于|在)?(?:(?:\\d{4}年|每月)?\\d{1,2}(?:月(?:\\d{1,2}[日号])?(?:底|中旬|上旬|下旬)?|[日号])(?:下班|中午|上午|下午)?(?:前|之前)|\\d{1,2}个工作日内)(?![，,])|按照|根据|对照|依据|按|通过|(?:接到|收到|发现)[^，,。；;“”]{1,16}?(?:后|时)|在[^，,。；;“”]{1,24}?(?:内|中|期间|期|之后|后|之前|前|时)|每(?:周|月|季度|半年|年|天|日)(?=[^，,。；;]{0,12}?(?:至少|不少于|召开|巡查|开展|组织|报送|汇总|汇报|上报|检查|收集)))';
const IS_FRAME = new RegExp(`^${SUBJECT_FRAME}$`);
/**
 * "宣传要更接地气", "打击要更有力度": a field of work followed by "要更…" heads a part of a speech; it
 * names no one who must act.
 */
const TOPIC_ONLY = new RegExp(`^(?:${SECTOR})$`);
const ASKS_A_QUALITY = /^(?:更|更加|再)/;
/** "一、宣传务必覆盖每一位家长", "二、教育务必入心入脑": an activity heading a part, alone, names no one. */
const ACTIVITY = /^(?:宣传|教育|打击|防范|管理|服务|预防|整治|排查)$/;
/** An adverbial opening a clause before its subject: what for, by what, about what ("针对…，", "以…为目标，"). */
const ADVERBIAL = /^(?:为了?|按照|根据|依据|围绕|针对|对于|结合|通过|随着|鉴于|以[^，,。；;“”]{2,30}?为[^，,。；;“”]{0,6})[^，,。；;“”]{2,40}[，,]/;
/** A short lead-in before the subject: "接到报案后，", "同时，", "届时", "【工作安排】", "按照…计划，", "排查梳理阶段：". */
const LEAD_IN = new RegExp(`^[^，,。；;“”]{1,8}[，,]|^(?:届时|屆時|特别是|尤其是|一方面|另一方面)|^【[^【】]{1,12}】|^(?:同时)?(?:希望|请)(?=各|有关|相关|全)|^(?:根据|按照|依据)《[^》]{1,40}》(?:要求|规定|精神)?[，,]?|${ADVERBIAL.source}|^[^，,。；;：:“”]{2,10}(?:阶段|环节|步骤)[：:]`);

/**
 * A step's name and dates opening its first sentence: "准备阶段（即日起—2021年3月31日）各派出所要…", also after the
 * words announcing the steps: "专项整治分三个阶段：排查清理阶段（5月10日至5月31日），各部门…".
 */
const STEP_OPENING = /^(?:[^。；;，,：:]{0,12}分[一二三四五六七八九十两\d]+个?阶段[：:])?[^。；;，,（）()：:]{2,20}阶段[（(][^（）()]{4,30}[）)][，,]?/;

/** A step's span set off by a comma before its subject: "宣传阶段为2017年12月1日至12月10日，各乡镇…", "2022年1月至10月，". */
const SPAN_OPENING = /^[^。；;，,：:\d]{0,10}(?:阶段|时间)?(?:为|是|[：:])?(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:至|到|—|－|-|~)(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:止)?[，,]/;

/** Whether what stands before a clause's first subject only frames it: "针对当前的排查整治，", "按照…部署，", a step's dates. */
export function framesSubject(before: string): boolean {
  const frame = ADVERBIAL.exec(before) ?? STEP_OPENING.exec(before) ?? SPAN_OPENING.exec(before);
  return frame !== null && frame[0].length === before.length;
}

/** A date before a subject, part of what it is asked: "8月7日前金元村、石宝沟村要完成…", "计划到2019年底前霍邱县、金安区…". */
const DATE_BEFORE = /^(?:(?:计划|力争|争取)?(?:到|至|于))?(?:\d{4}年(?:底|末)?|(?:\d{4}年)?(?:\d{1,2}月\d{1,2}日|\d{1,2}月(?:底|中旬|上旬|下旬)?))(?:前|之前|以前)[，,]?/;

export interface Subject {
  owners: string[];
  /** Offsets in the clause: where the subject starts (with a date written before it), and where its modal word ends. */
  start: number;
  end: number;
  /** The modal word after it ("要", "将"), or null when a plan verb follows directly. */
  modal: string | null;
  /** Named without a modal word or a plan verb ("各村精准摸排…"): who acts, but no sign that the clause asks. */
  weak?: boolean;
}

/**
 * The subject at `from` in the clause, if it is a list of unit names followed by a modal word ("市公安局要",
 * "各级各部门对此务必", "全市反诈联席会议各成员单位，要") or a plan verb ("相关部门建立…").
 */
export function subjectAt(clause: string, from: number): Subject | null {
  const rest = clause.slice(from);
  // The first modal word or verb after a unit's name: "各主要责任单位要…" is not "各主" + "要".
  const ends = new RegExp(`(?:[，,：:])?${SUBJECT_TIME}(${MODAL}|${SUBJECT_VERB}|${SUBJECT_FRAME})`, 'g');
  for (const match of rest.matchAll(ends)) {
    if (match.index < 2) continue;
    const name = rest.slice(0, match.index);
    // A list of units may run across commas ("各地、各专委会，各安委会成员单位要…"); other words may not.
    // (a short quoted word is part of the name of a body set up for it: 县“厕所革命”指挥部办公室)
    if (name.length > 60 || /[。；;：:“”]/.test(name.replace(/“[^“”，,。；;：:]{1,8}”(?=[^“”]*(?:办公室|指挥部|领导小组|委员会|工作组|专班|办)$)/g, '')) || (/[，,]/.test(name) && (name.includes('的') || !splitOwnerList(name)))) return null;
    // "会同县直有关部门在…": partners of the owner carried over, not a subject.
    if (PARTNER_OPENING.test(name)) return null;
    const owners = splitOwnerList(name);
    if (!owners) continue;
    if (owners.every((o) => TOPIC_ONLY.test(o)) && ASKS_A_QUALITY.test(rest.slice(match.index + match[0].length))) return null;
    if (owners.length === 1 && ACTIVITY.test(owners[0]) && /务必|必须/.test(match[1])) return null;
    const isModal = new RegExp(`^${MODAL}$`).test(match[1]);
    const end = match.index + match[0].length;
    if (IS_FRAME.test(match[1])) return { owners, start: from, end: from + match.index, modal: null };
    return { owners, start: from, end: from + end - (isModal ? 0 : match[1].length), modal: isModal ? match[1].replace(/^(?:对此)?(?:也|还|均|都|亦|一定)?(?:一(?=要))?/, '') : null };
  }
  return null;
}

const PARTNER_OPENING = /^(?:会同|會同|协同|協同|联合|聯合)/;

/** "主办单位：县教育局" closing a reply: the unit that answers. */
const ANSWERED_BY = /^(?:主办单位|承办单位|办理单位)[：:]\s*([^\s，,。；;]+)/;

/**
 * Who signs a reply to a deputy or a proposal: the unit on a line of its own near the end ("蓬溪县交通运输局"
 * above the date), or named as its 主办单位. What the reply promises without a subject is that unit's to do.
 */
export function findSigner(text: string): string[] | null {
  const lines = text.trim().split('\n').map((l) => l.trim()).filter((l) => l.length > 0).slice(-6).reverse();
  for (const line of lines) {
    const answered = ANSWERED_BY.exec(line);
    const names = splitOwnerList(answered ? answered[1] : line.replace(/\s+/g, ''));
    if (names && names.length === 1 && (answered || line.length <= 30)) return names;
  }
  return null;
}

/** A plan titled by its issuer and year: "教育部2019年工作要点", "2023年章镇镇政府主要工作安排和任务分解". */
const ISSUER_TITLE = /^(?:(?<year>\d{4}年度?)(?<after>[^，,。；;：:\s]{2,36})|(?<before>[^，,。；;：:\s\d]{2,20})\d{4}年度?(?<kind>[^，,。；;：:\s]{0,40}))$/;
const PLAN_KIND = /(?:工作要点|工作要點|工作计划|工作計劃|工作安排|工作谋划|工作思路|任务分解|任務分解)$/;

/**
 * The issuer named in a plan's title, the one whose plan it is: the owner of what the plan lists without
 * naming one. Only a title that is the plan itself; a covering notice ("关于印发…的通知") or a news report
 * names who issued it, not who does its work.
 */
export function findIssuer(text: string): string[] | null {
  // (A page may space a year out: "佳木斯市 2023 年社会信用体系建设工作要点".)
  const title = text.trim().split('\n')[0].trim().replace(/\s*(\d{4})\s*(?=年)/g, '$1');
  const match = ISSUER_TITLE.exec(title);
  if (!match?.groups || !PLAN_KIND.test(title)) return null;
  const { before, after } = match.groups;
  if (before !== undefined) return isIssuer(before) ? [before] : null;
  // "2023年章镇镇政府主要工作安排…": the longest name the title opens with ("章镇镇政府", not "章镇").
  for (let end = after.length - 2; end >= 2; end--) if (isIssuer(after.slice(0, end))) return [after.slice(0, end)];
  return null;
}

/** A body or a place that issues a plan ("教育部", "二道区应急局", "XX市"); "全市" is where, not who. */
const ISSUER_END = /(?:政府|局|委|办|辦|部|厅|廳|镇|鎮|乡|鄉|街道|中心|院|校|[省市县縣区區])$/;
const PLACE = /^[^全本各]{1,6}[省市县縣区區]$/;
const isIssuer = (name: string) => ISSUER_END.test(name) && !/^[全本各]/.test(name) && (isOwnerName(name) || PLACE.test(name));

/** A unit or a place referring to itself or to one named before: "我局", "该行", "本局", "我镇", "我区", "该市". */
const REFERS_BACK = /^(?:我|该|該|本)(局|行|镇|鎮|乡|鄉|村|校|院|中心|公司|街道|市|县|縣|区|區|省|州)$/;
const NAME_BOUNDARY = /[\s，,。；;：:、（(“"]/;

/**
 * The unit a "我局" or "该行" stands for: the last name before it in the text ending as it does, written where a
 * name begins ("7月31日，县国土资源局组织召开…。…我局将…" → 县国土资源局; "工行金东支行针对…。该行…" → 工行金东支行).
 */
export function antecedentOf(word: string, text: string, before: number): string | null {
  const kind = REFERS_BACK.exec(word);
  if (!kind) return null;
  const suffix = kind[1];
  // The name must end where the suffix does: not "…站长" for 站, nor "都昌县" cut from "都昌县委县政府" for 县.
  const goesOn = /[市县縣区區省州]$/.test(suffix) ? /^[员員长長委政人直级域城属]/ : /^[员員长長]/;
  for (let end = text.lastIndexOf(suffix, before - suffix.length); end > 0; end = text.lastIndexOf(suffix, end - 1)) {
    const close = end + suffix.length;
    if (goesOn.test(text.slice(close, close + 1))) continue;
    for (let start = Math.max(0, close - 16); start <= close - 3; start++) {
      const name = text.slice(start, close);
      if ((start === 0 || NAME_BOUNDARY.test(text[start - 1])) && /^\p{Script=Han}+$/u.test(name) && !/[我该該]|^本/.test(name) && isOwnerName(name)) return name;
    }
  }
  return null;
}

/** "向A通报了存在问题，并提出三点要求：", "对A提出如下要求：": whom a lead to points addresses. */
const ADDRESSED = /(?:向|对)([^，,。；;：:“”]{2,30}?)(?:通报|提出|部署|传达|交办|反馈|下发|明确)/;

/** "会议要求，全县各镇(街)、各专委会成员单位：一要…", "…，督促物业服务企业：一是…": the units named right before the colon. */
const NAMED_BEFORE_COLON = /(?:^|[，,]|强调|要求|指出)(?:督促|提醒|责成|请)?([^，,。；;：:“”]{2,40})[：:]\s*$/;

export function findAddressee(lead: string): string[] | null {
  const match = ADDRESSED.exec(lead);
  if (match) return splitOwnerList(match[1]);
  const named = NAMED_BEFORE_COLON.exec(lead);
  return named ? splitOwnerList(named[1]) : null;
}

/** A word a unit's suffix begins ("各社区迅速组织…", "巡防队伍"): a name does not end inside it. */
const CUT_WORD = /^(?:组织|队伍|所有|部署|部分|处理|处置|局面|区域|县域)$/;

/** "要求A…", "叮嘱A…", "责成A…", "责令A…" (the verb, not "按照…要求，"): the unit named right after is asked to act. */
const ASKS = /(?<![”"的])(?:要求|叮嘱|责成|责令|(?<![申邀提聘报呈])请(?![示求假]))(?![，,：:。；;])/g;

function askedAt(clause: string, from: number): Subject | null {
  // Whom it asks ends where what they are asked begins: "要求网点员工在办理…时", "请各单位于…前".
  const words = clause.slice(from, from + 24);
  const asked = words.slice(2).search(/在|于|对|按照|根据|依据|结合|围绕|针对|要|将|从|向|把|务必|必须|应(?!急)|立即|迅速|及时|认真|切实|进一步|再次|重新|加大|加强|加快|做好|抓好|开展|落实|推进|强化|严格/);
  const rest = asked >= 0 ? words.slice(0, asked + 2) : words;
  for (let length = rest.length; length >= 2; length--) {
    if (CUT_WORD.test(words.slice(length - 1, length + 1))) continue;
    const owners = splitOwnerList(rest.slice(0, length));
    // "会议要求市公安局牵头，各镇街配合，…": asked to lead, as "市公安局牵头，…" would say it.
    const leads = owners && /^(?:牵头|牽頭|负责|負責)(?![人同])/.exec(words.slice(length));
    if (owners) return { owners, start: from - 2, end: from + length + (leads ? leads[0].length : 0), modal: leads ? leads[0] : null };
  }
  return null;
}

/** A speaker's verb right before a subject: "朱辉荣强调区委宣传部要…". */
const SUBJECT_LEAD = /(?:强调|指出|表示|提出|明确)[：:\s]*/g;
/**
 * A time ahead, a year or a period before a subject, without a comma: "下步各有关部门要…", "2019年各地食安办要…", "节假日期间各部门值班人员应…",
 * "自即日起至12月20日双清区将…".
 */
const TIME_BEFORE = /^(?:(?:自|从)即日起(?:至|到)(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:止)?|当|节前|节后|假前|放假前|会议结束后|会后|下一步|下步|下阶段|接下来|今后|近期|目前|同时|此外|另外|此次|本次|这次|汛前|汛期|汛后|\d{4}年(?:[上下]半年)?|[^，,。；;“”]{2,8}期[间間])/;

/**
 * "学校在校园宣传栏内张贴…", "社区每月组织…": a bare kind of body opening a clause as its subject acts (a school's
 * own plan names itself so); after a verb it is the public ("要求企业…").
 */
const BODY_SUBJECT = new RegExp(`^(学校|學校|社区|社區)(?=${SUBJECT_TIME}(?:${MODAL}|${SUBJECT_VERB}|${SUBJECT_FRAME}))`);

/**
 * "各社区细化完善应急预案", "全乡各村用广播播放…": every unit of a kind opening a clause, acting without a modal
 * word. It names who acts, but nothing in it asks ("各镇一把手亲自抓" may report what was done), so the subject is weak.
 */
function eachAt(clause: string, from: number): Subject | null {
  const rest = clause.slice(from, from + 20);
  if (!/^(?:全[^，,。；;各]{1,4})?各/.test(rest)) return null;
  for (let length = Math.min(16, rest.length - 2); length >= 2; length--) {
    if (!/^[\p{Script=Han}、]/u.test(rest.slice(length))) continue;
    const owners = splitOwnerList(rest.slice(0, length));
    if (!owners) continue;
    // (A name going on into a list, "各村(居)委会、…", "各相关办线、站所…", or qualifying a thing, "各村的…", is no
    // subject of its own.)
    if (/^(?:[的和及与之]|[^，,。；;]{0,4}、)/.test(rest.slice(length)) || owners.length > 1) return null;
    return { owners, start: from, end: from + length, modal: null, weak: true };
  }
  return null;
}

function bodyAt(clause: string, from: number): Subject | null {
  const match = BODY_SUBJECT.exec(clause.slice(from));
  return match ? { owners: [match[1]], start: from, end: from + match[1].length, modal: null } : null;
}

/** Subjects of a clause: at its start (after a short lead-in) and after any comma ("…，各级各有关部门要…"). */
/** "各相关镇(街)是造林绿化的责任主体，要…", "各地党委书记是平安稳定工作的第一责任人，要…": who is made responsible. */
const RESPONSIBLE = /^([^，,。；;：:“”]{2,30}?)是[^，,。；;“”]{0,20}?(?:责任主体|第一责任人|直接责任人)[，,]\s*(?:要|应|须|必须|务必)?/;

function responsibleAt(clause: string, from: number): Subject | null {
  const match = RESPONSIBLE.exec(clause.slice(from));
  const owners = match && splitOwnerList(match[1]);
  return owners ? { owners, start: from, end: from + match[0].length, modal: '负责' } : null;
}

export function findSubjects(clause: string, contentStart = 0): Subject[] {
  const found: Subject[] = [];
  const starts = [contentStart];
  const leadIn = LEAD_IN.exec(clause.slice(contentStart)) ?? STEP_OPENING.exec(clause.slice(contentStart));
  if (leadIn) starts.push(contentStart + leadIn[0].length);
  for (let i = contentStart; i < clause.length; i++) if (clause[i] === '，' || clause[i] === ',' || clause[i] === '：' || clause[i] === ':') starts.push(i + 1);
  // A page flattened to one line separates a heading from its text by a space: "（五）切实加强动态报告工作 环保专项行动领导小组办公室要…".
  for (const gap of clause.slice(contentStart).matchAll(/(?<=[\p{Script=Han}）)])[ \u3000]+(?=\p{Script=Han})/gu)) starts.push(contentStart + gap.index + gap[0].length);
  // A speaker's verb right before the subject.
  for (const lead of clause.slice(contentStart).matchAll(SUBJECT_LEAD)) starts.push(contentStart + lead.index + lead[0].length);
  // A point inside a sentence: "尹主任强调：一是各楼院抓紧成立工作小组".
  for (const point of clause.slice(contentStart).matchAll(/(?:^|[，,：:；;])([一二三四五六七八九十]是)/g)) starts.push(contentStart + point.index + point[0].length);
  let depth = 0;
  const quoted = new Set<number>();
  for (let i = 0; i < clause.length; i++) {
    if (clause[i] === '“' || clause[i] === '（' || clause[i] === '(') depth += 1;
    else if ((clause[i] === '”' || clause[i] === '）' || clause[i] === ')') && depth > 0) depth -= 1;
    if (depth > 0) quoted.add(i);
  }
  let covered = 0;
  for (const start of [...new Set(starts)].sort((a, b) => a - b)) {
    if (quoted.has(start) || start < covered) continue;
    const date = DATE_BEFORE.exec(clause.slice(start));
    const time = TIME_BEFORE.exec(clause.slice(start));
    // "一要各村切实做好…": the point's 要 asks the unit named after it.
    const asks = /^要(?!求|素)/.test(clause.slice(start)) ? subjectAt(clause, start + 1) : null;
    const subject = subjectAt(clause, start) ?? (date ? subjectAt(clause, start + date[0].length) : null) ?? (time ? subjectAt(clause, start + time[0].length) : null) ?? asks ?? (start === contentStart ? bodyAt(clause, start) : null) ?? responsibleAt(clause, start) ?? (start === contentStart ? eachAt(clause, start) : null);
    if (subject) {
      subject.start = Math.min(subject.start, start);
      found.push(subject);
      covered = subject.end;
    }
  }
  for (const ask of clause.matchAll(ASKS)) {
    const at = ask.index + ask[0].length;
    if (quoted.has(at) || found.some((s) => at >= s.start && at < s.end)) continue;
    const subject = askedAt(clause, at);
    if (subject) found.push(subject);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The act after a list of partners: "会同属地街镇督促…", "与教育部门加强联系", "协调水利、住建等部门对…". */
const PARTNER_LIST_END = '(?<=等(?:单位|部门|單位|部門))(?:到|赴|深入|进入|走进)|按照|根据|依据|有效|切实|认真|积极|全力|及时|共同|持续|建立|健全|开展|组织|制定|推进|推动|加强|加大|加快|形成|落实|做好|研究|督促|指导|检查|排查|整治|清理|宣传|打击|查处|实施|进行|召开|成立|部署|摸排|做|对|就|针对|围绕|建立|開展|組織|制定|推進|加強|落實|督促|指導|檢查|對';

/**
 * Partners named right after a subject, in the text that follows it: "A要会同B，…", "A要会同B建立…",
 * "A要联合B，…", "由A牵头，B、C配合，…", "A牵头、B配合，…" (only after a subject that leads). A number means a thing, not a
 * unit ("联合制作短视频不少于20部，").
 */
const PARTNERS_AFTER = new RegExp(`^(?:会同|會同|联合|聯合|协同|協同|与|與)([^，,。；;“”\\d]{2,40}?)(?:[，,]|(?=${PARTNER_LIST_END}))|^[，,、]([^，,。；;“”\\d]{2,60}?)(?:配合|参与|參與|协助|協助)[，,]`);

/** "在银行、三大电信运营商的全力配合下": partners named with the help they give, anywhere in the clause. */
const WITH_HELP_OF = /在([^，,。；;“”]{2,40}?)的(?:全力|大力|积极|密切)?(?:支持)?(?:和|与)?(?:配合|协助|支持)下/;

/** "…将立足本职，进一步联合区教育局、各高校持续开展…": partners named further on, after a comma or 进一步. */
const PARTNERS_LATER = new RegExp(`(?:^|[，,]|进一步|要|组织力量|及时|积极|主动|继续)(?:会同|會同|联合|聯合|协同|協同|协调|協調)([^，,。；;“”\\d]{2,40}?)(?=${PARTNER_LIST_END}|[，,])`);

/**
 * "A要配合B做好…", "A应协助B冻结…", "（要）积极配合B开展…": the clause's work is B's, A helps; so B leads and A
 * (the subject, or the owner carried over; none when the clause has neither) cooperates.
 */
const SUPPORTS = /^(?:[，,]?(?:要|应当|应|需要|需|须|必须|也|还|将|并|同时|积极|主动|全力|密切|认真|切实|全面))*[，,]?(?:配合|協助|协助|帮助|幫助)(?!好)/;
const SUPPORTED_ACT = /(?:在|对|就|把|将|向|从|做好|做|搞好|抓好|开展|進行|进行|加强|推进|推动|落实|完成|实施|迅速|及时|依法|共同|打击|查处|冻结|处置|组织|指导|督促|检查|排查|整治|宣传|调查).*$/;

export function supportedUnit(after: string): string[] | null {
  const verb = SUPPORTS.exec(after);
  if (!verb) return null;
  // The name ends before what B is helped to do: "配合中庆燃气公司在辖区内…"; a name qualifying a person
  // ("协助燃气公司派驻的工作人员") names no one who leads.
  const rest = after.slice(verb[0].length, verb[0].length + 24).replace(SUPPORTED_ACT, '');
  for (let length = rest.length; length >= 2; length--) {
    const owners = splitOwnerList(rest.slice(0, length));
    if (!owners) continue;
    if (owners.some((o) => o.includes('的'))) return null;
    const qualifies = /^([^，,。；;]{0,8})的/.exec(after.slice(verb[0].length + length));
    return qualifies && !SUPPORTED_ACT.test(qualifies[1]) ? null : owners;
  }
  return null;
}

/** "加强与公安机关沟通协作", "及时与相关部门沟通协商", "与县供电公司完成衔接": the units the subject works with, anywhere in the clause. */
const WORKS_WITH = /与([^，,。；;“”\d与]{2,30}?)(?:之间)?(?:的)?(?:要)?(?:加强|密切|积极|保持|完成)?(?:工作)?(?:沟通|协作|协商|协调|联动|对接|会商|合作|衔接)/;

/**
 * "区政府将组织相关部门对…考评", "召集有关部门认真梳理": the bodies concerned that the subject convenes work with
 * it. A named body it organises (企业, 各银行) is whom the work is about, not a partner.
 */
const CONVENES = /^(?:[^。；;“”]{0,16}?)(?:组织|組織|召集)((?:部内|各)?(?:相关|有关|相關|有關)(?:成员|成員)?(?:部门|部門|单位|單位|司局|科室|镇街|鎮街))(?![^，,。；;]{0,2}的)/;

export function partnersAfter(after: string, modal: string | null): string[] {
  const helped = WITH_HELP_OF.exec(after);
  if (helped) return splitOwnerList(helped[1]) ?? [];
  const later = PARTNERS_AFTER.test(after) ? null : PARTNERS_LATER.exec(after);
  if (later) return splitOwnerList(later[1]) ?? [];
  // (Partners read right after the subject come first, when they are names: "与公安部门密切合作" names the partner
  // in what follows it.)
  const listed = PARTNERS_AFTER.exec(after);
  const worksWith = listed && splitOwnerList(listed[1] ?? listed[2]) ? null : WORKS_WITH.exec(after);
  const workedWith = worksWith && splitOwnerList(worksWith[1]);
  if (workedWith) return workedWith;
  const convened = CONVENES.exec(after);
  if (convened) return [convened[1]];
  const match = PARTNERS_AFTER.exec(after);
  if (!match || (match[2] !== undefined && !/^(?:牵头|牽頭|负责|負責)$/.test(modal ?? ''))) return closingPartners(after);
  return splitOwnerList(match[1] ?? match[2]) ?? [];
}

/** "…，东湖街道、西山镇配合做好上门劝阻。", "…，市公安局配合。": the helpers named in the clause's last part. */
const CLOSING_PARTNERS = /[，,]([^，,。；;：:“”\d]{2,40}?)(?:派员|积极|全力|共同|密切)?(?:配合|協助|协助|参与|參與)(?:做好|开展|授课|工作)?[^，,。；;]{0,12}[。；;]?\s*$/;

function closingPartners(after: string): string[] {
  const match = CLOSING_PARTNERS.exec(after);
  return (match && splitOwnerList(match[1])) ?? [];
}

/**
 * "由A牵头，B配合" inside a sentence, "由A具体负责…"; "由A统筹/组织/推送…" names who carries a step out.
 */
const LED_BY = /由([^，,。；;“”]{2,40}?)(?:具体|全面|统一|共同|主要|直接)?(牵头|牽頭|负责|負責|落实|落實|统筹|组织|推送|实施|承担|指派|选派|抽调|组成)(?:[，,]([^，,。；;“”]{2,60}?)(?:配合|参与|參與|协助|協助))?/;
/** "由A配合B完成…": B's work, A helps. */
const HELPED_BY = /由([^，,。；;“”]{2,40}?)(?=配合|协助|協助)/;

export function findLedBy(clause: string): OwnersAsWritten | null {
  const helped = HELPED_BY.exec(clause);
  const helper = helped && splitOwnerList(helped[1]);
  const helpedUnit = helper && supportedUnit(clause.slice(helped.index + helped[0].length));
  if (helper && helpedUnit) return { lead: helpedUnit, cooperating: helper };
  const match = LED_BY.exec(clause);
  if (!match) return null;
  const lead = splitOwnerList(match[1]);
  if (!lead) return null;
  const cooperating = match[3] ? splitOwnerList(match[3]) : [];
  return { lead, cooperating: cooperating ?? [], ...(/^(?:牵头|牽頭|负责|負責|落实|落實)$/.test(match[2]) ? {} : { incidental: true }) };
}

/** Minutes approving a unit's proposal: "会议原则同意区人防办提交的改造方案，要求…" gives the work back to that unit. */
const APPROVED_FROM = /(?:原则)?同意([^，,。；;“”《]{2,40}?)(?:提交|提出|报送|上报|呈报|起草|草拟|拟草|拟定|编制)(?:并[^，,。；;“”《]{1,12})?的/;

export function findApprovedFrom(clause: string): OwnersAsWritten | null {
  const match = APPROVED_FROM.exec(clause);
  const lead = match ? splitOwnerList(match[1]) : null;
  return lead ? { lead, cooperating: [] } : null;
}
