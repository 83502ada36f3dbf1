/**
 * Is a clause a trackable requirement? Not tasks: general exhortations ("提高政治站位", "形成工作合力"),
 * statements of fact ("共抓获…", "取得了明显成效"), sentences addressed to the public ("广大群众要…"),
 * conditional sanctions ("对工作不力的，予以通报、约谈"), and titles ("（一）要加强组织领导。").
 */

export type ClauseVerdict = 'task' | 'exhortation' | 'fact' | 'public' | 'sanction' | 'prohibition' | 'title' | 'lead-in' | 'no-directive';

export interface ClauseSignals {
  /** The clause's content (after its numbering). */
  content: string;
  /** An owner was written for it (subject, note or 由…牵头). */
  hasOwner: boolean;
  hasDeadline: boolean;
  hasTarget: boolean;
  /** The clause opens its item and does not end its line: "（一）要强化侦查打击，打出声威实效。" */
  opensItem: boolean;
  /** The clause sits in a section whose heading promises tasks ("下步工作举措", "意见建议"). */
  inTaskSection: boolean;
  /** The clause before it was a task and ended with "；": parallel requirements share their mood. */
  continuesTask: boolean;
  /**
   * The document answers a deputy or a proposal ("现答复如下"): its measures are described as done, so
   * only a modal word, "下一步" or a task section makes a clause ask for something.
   */
  reply?: boolean;
  /** No owner is written in it, but it takes one from the clauses before it in its item. */
  inheritsOwner?: boolean;
  /** The clause is a numbered line on its own heading a list ("（一）全力以赴拼经济稳增长促发展。\n10.…"). */
  wholeItemLine?: boolean;
  /** Its subject is given the work: "社区建设办负责协调…", "平安办牵头…". */
  assigned?: boolean;
  /** Its item opens with a short heading that asks ("二要建立联动机制。及时互通…"): the item's sentences ask too. */
  underModalTitle?: boolean;
  /** It opens a numbered item that further sentences of the item follow on the same line. */
  headsSentences?: boolean;
  /** It opens a point numbered as a speech numbers them ("一是", "二要"). */
  pointMarker?: boolean;
  /** It opens an unnumbered paragraph that goes on after it on the same line ("完善城市路网。配合县城总体规划，建设…"). */
  headsParagraph?: boolean;
  /** It opens a numbered item ("1.*改建认知障碍照护床位220张"). */
  numbered?: boolean;
  /** The text is a plan by its title ("…2024年工作要点"): a figure it states is one it sets. */
  inPlan?: boolean;
}

/** Words that ask someone to act. */
const MODAL = /(?<![重主需只必紧摘纪提概首次想还总])要(?!求|素|点|案|件|闻|害|务|领|么|事)|务必|必须|须|应当|应(?=及时|按|在|于|加强|建立|落实|做好|将|把|严格|切实|积极|主动|认真|定期|明确|组织|开展)|确保|力争|争取(?!到|[^，,。；;]{0,8}(?:支持|资金|政策|项目))|将(?=对|结合|针对|[^，,。；;]{0,6}(?:开展|建立|推进|加强|组织|实施|完成|启动|纳入|列为|推送|摸排))/;
/** An imperative opening: a plan or a leader's speech lists actions without a subject ("建立定期会商机制"). */
const IMPERATIVE_START =
  /^(?:要|并|同时[，,]?)?(?:建立|健全|完善|加强|强化|加大|深化|深入|持续|全面|扎实|大力|积极|切实|充分|严格|依法|着力|进一步|推进|推动|开展|组织|成立|设立|印发|出台|有针对性地?|配合|推行|抓紧|支持|鼓励|引导|新增|新建|建精|建强|配强|配齐|搞好|采取|计划|安排|做大|做强|做优|投资|开工|组建|制定|落实|实施|实行|开设|启动|搭建|构建|建设|整合|统筹|明确|提升|提高|发挥|依托|运用|利用|聚焦|紧盯|围绕|坚持|做好|抓好|抓实|用好|用足|商请|将|把|对标|按照|根据|依据|通过|动态|对|在|定期|逐项|继续|平稳|集中|压实|优化|规范|打破|打造|创新|探索|研究|编制|调整|清理|排查|整治|打击|纵深|紧盯|发动|督促|指导|召开|举办|播放|推广|安装|录入|纳入|列入|营造|筑牢|织密|针对|重点|及时|尽快|加快|补齐|细化|分解|负责(?![人同]))/;
/**
 * Concrete actions someone can be asked about: a mechanism built, a campaign run, a list published (the
 * commonest also in traditional characters, as some mirrors publish documents). "打击治理" names the whole
 * field of work (打击治理电信网络诈骗), not an act.
 */
const CONCRETE =
  /发放|自查|走访|入户|建立|健全|成立|设立|追赃|挽损|挽回|核验|认证|签订|签署|整改|严管|严控|严查|拦截|筛查|摸查|家访|巡查|巡逻|值班|停运|打造|投产|基地|侦办|专案|修订|修改|推行|登记|改革|试点|办结|注销|审批|许可|备案|公示|评估|监测|搭建|建设|建成|组建|制定|编制|公布|开设|启动|召开|举办|开展|组织(?!领导)|推广|安装|注册|录入|纳入|列入|列为|调整|清理|排查|整治|打击(?!治理)|查处|封堵|处置|劝阻|预警|管控|督导|考核|排名|会商|通报|报送|上报|统计|摸排|劝返|惩戒|冻结|止付|侦查|追逃|宣传|播放|培训|检查|暗访|部署|核查|审查|研判|推送|征收|执行|实施|实行|延长|共享|调度|议事日程|演练|培训|预案|制度|侦破|破获|抓获|打掉|捣毁|发动|压降|反制|信息保护|易受骗群体|重点人群|重点人员|人群聚集|督办|指导|考评|明晰|办理|义务|尽职调查|暂停|创建|活动|专人|具体人员|联络员|数据库|机制|平台|队伍|中心|方案|清单|台账|专项行动|专班|APP|App|組織|開展|宣傳|設立|檢查|督導|推廣|安裝|註冊|注冊|清理|打擊(?!治理)|預警|勸阻|報送|機制|隊伍|活動|創建|培訓|演練|製定|實施/g;
/**
 * Words of a general exhortation, among them ways of working asked of everyone ("多策并举", "在打击上下功夫",
 * "各司其职、密切配合") and understanding asked for ("提高…重要意义的认识", "…的重要性、必要性", "发挥…作用").
 */
const EXHORTATION =
  /政治站位|提高站位|提升站位|政治体检|政治高度|统一思想|深刻认识|主动担责|剖析缘由|举一反三|利剑作用|不拖后腿|不掉队|以人民为中心|把好事办好|政治责任|扛起|扛牢|高度重视|充分认识|认清形势|思想认识|统一到|责任感|紧迫感|使命感|政治自觉|思想自觉|行动自觉|政治任务|担当|作为|合力|格局|氛围|风气|良好局面|新局面|贡献|根本遵循|指明了|落地见效|落到实处|见到实效|走深走实|贯彻好|执行好|落实好|认真贯彻|深入贯彻|贯彻落实|决策部署|重要指示|批示精神|守护好|守住|钱袋子|安全感|获得感|幸福感|更高水平|人民战争|攻坚战|持久战|震慑|高压态势|坚决遏制|坚决打赢|信心和决心|态度|作风|一盘棋|指挥棒|长效|护航|保障|底线思维|层层推进|主体责任|监管责任|属地管理责任|责任意识|法律红线|系统观念|法治思维|各项措施|各项工作|各项部署|覆盖面|针对性|实效性|总结经验|打造亮点|新路径|新举措|组织领导|实实在在|努力实现|任务艰巨|刻不容缓|问题导向|效果导向|目标导向|精神文明|质效|学习贯彻|认真学习|切入点|着力点|落脚点|负总责|亲自抓|硬仗|信心决心|融入日常|抓在经常|压紧压实|务求实效|再发力|再完善|再提高|再严密|查漏补缺|加压推进|艰巨性|长期性|复杂性|总结[^，,。；;]{0,10}经验|理顺机制|强保障|坚持[^，,。；;]{1,6}为先|多策并举|多措并举|一以贯之|狠抓落实|取得[^，,。；;]{0,8}成效|下功夫|尽全力|打防结合|扎实推进|通力协作|密切配合|各司其职|各负其责|统筹兼顾|思想和行动|重要意义|重要性|必要性|提高[^，,。；;]{0,12}认识|正确认识|发挥[^，,。；;]{0,12}作用|質效|摆上[^，,。；;]{0,6}议事日程|亲自(?:研究|部署|过问|督办|推动)|精心(?:组织|安排|部署)|安排部署|贴近群众|通俗易懂|形式主义|履职尽责|守土有责|守土尽责|真抓实干|久久为功|常抓不懈|持之以恒|毫不松懈|坚定不移|全力以赴|广泛动员|顺利开展|顺利推进|创新形式|丰富形式|丰富内容|紧扣[^，,。；;]{0,6}职能|立足职能|职能优势|为契机|统一思想|抓紧抓实|抓细抓实|吸引力|感染力|走过场|线上线下相结合|创新[^，,。；;]{0,4}方式|高站位|高标准|高效率|民心工程|接地气|(?:当作|当成)[^，,。；;]{1,12}来抓|推动[^，,。；;]{0,10}深入开展|(?:清醒(?:地)?)?认识到[^。；;]*|认清|麻痹|松懈|安全观|红线意识|任重道远|责任重大|使命光荣|掀起|热潮|顺利召开|(?:认真|精心)组织实施|确保[^，,。；;]{0,8}取得实效|(?:做好|抓好|落实|推进)[^，,。；;]{0,16}各项(?:重点)?(?:工作|任务)|清醒(?:地)?认识|齐抓共管|群防群治|整体推进|统一领导|(?:组织推进|推进|抓好|做好|落实)(?:工作任务|各项任务)/g;
/**
 * A clause announcing what follows rather than asking for it: "并提出以下要求。", "现将有关事项通知如下：",
 * "为确保工作取得实效，特制定本方案。", "总体要求是：…".
 */
const LEAD_IN = /^[^，,。；;“”]{0,24}(?:指出|强调|要求|表示|提出|讲话|说)[：:]$|(?:以下|如下)(?:要求|意见|几点|工作|事项)?[。：:]?$|(?:几|[一二三四五六七八九两])点(?:具体)?(?:要求|意见)[。：:]?$|(?:[一二三四五六七八九十两几]|\d{1,2})个?方面(?:的)?(?:工作|要求|任务|重点|措施)?[：:]$|从(?:[一二三四五六七八九十两几]|\d{1,2})个?方面[^。；;：:]{0,30}[：:]$|(?:特|现)?制定本(?:实施|工作)?(?:方案|办法|意见|细则|计划|通知)[。；;]?$|特制定(?:工作|实施|活动)?(?:方案|办法|细则|计划)[。；;]?$|结合[^。；;]{0,12}实际[，,]?制定《[^》]{2,40}》[^。；;]{0,10}[。；;]?$|^[^，,。；;]{0,16}(?:总体要求|指导思想|基本原则|总体目标|总体思路)(?:是|为)[:：]/;
/**
 * The covering notice's words: "现将《…方案》印发给你们，请认真抓好落实。", "实施过程中遇到的问题，请径向省发展
 * 改革委反映。"
 */
const TRANSMITS = /现(?:将[^。；;]{0,80})?(?:印发|转发|下发|发)给你们|(?:遇到|发现)的?(?:问题|情况)[，,]?(?:请|要)?(?:及时|径)?(?:向|与)[^。；;]{0,20}(?:反映|报告|联系)/;
/** "…活动时间：2023年6月15日至7月15日。", "排查整治时间:即日起至2月8日。", "9月30日（星期六）正常上班。": when something runs, not what to do. */
const SCHEDULE = /(?:正常|照常)上班[。；;]?$|^[^。；;]{0,60}时间[:：]\s*(?:(?:自|从)?即日起|(?:\d{4}年)?\d{1,2}月)|^[^。；;：:]{0,6}(?:目的|范围|意义|依据|原则)[：:]|[（(](?:分解)?任务\d+项[）)]|分解为[^。；;]{0,20}\d+项/;
/** A labelled line of an assignment ("检查范围：…", "工作任务：…"): what the unit named above it must do. */
/** "牵头负责领导：刘惠。", "联系人：…": who answers for an item, not what it asks. */
const PERSON_LABEL = /^[^，,。；;：:]{0,8}(?:领导|负责人|联系人|责任人)[：:][^，,。；;：:]{1,16}[。；;]?$/;
/**
 * A standing rule opening with what is forbidden ("不得以迎检名义印制…", "严禁…"): it binds every time, and
 * no one can report it done (dev annotations mark none of the clauses opening so).
 */
const PROHIBITION = /^(?:严禁|不得|杜绝|不准|不许|嚴禁)/;
/** A contact line ("联系人：…，电话：…", "各高校联系处室：…", "邮箱：…") or the copy line ("抄送：…"): where a thing goes, not what to do. */
const CONTACT_LABEL = /^[^，,。；;：:]{0,16}(?:联系人|联系电话|联系方式|联系处室|联系科室|电子邮箱|电子信箱|邮箱|传真|电话|邮编)[：:]|^(?:抄送|抄报|主送)[：:]/;
/** "组长：彭开铁（党委副书记、乡长）副组长：…成员：…": who sits in a leading group, not what it must do. */
const MEMBERS_LABEL = /^\s*(?:组\s*长|副组长|成\s*员|组\s*员|主\s*任|副主任|指挥长|副指挥长)[：:]/;
const TASK_LABEL = /^(?:检查范围|检查内容|督导内容|工作任务|主要任务|任务内容|工作内容|工作职责|主要职责|具体任务)[:：]/;
/** "今年计划投资2500万元再建27公里农村道路", "天镇县计划改造老旧小区11个": what a plan sets out to do, in figures. */
const PLANNED_FIGURE = /(?:计划|計劃|拟|擬)(?:投资|投資|改造|新建|建设|建設|完成|实施|實施|开工|開工|引进|引進|培训|培訓|安排|申报|申報|举办|舉辦|打造|再建|建成)(?![^，,。；;]{0,12}方案)[^，,。；;]{0,12}\d/;
/** "治理工作目标：…均达85%以上；": a goal labelled as one. */
export const GOAL_LABEL = /^[^：:，,。；;]{0,16}(?:目标|指标)(?:分别)?(?:是|为)?[：:]/;
/** A figure written as a task given: "新开工目标任务596套", "基本建成任务23286套". */
const TASK_FIGURE = /(?:任务|任務)\d/;
/** A figure bounded as goals bound it: "普及率达到98%", "不低于95%", "控制在2%以内". */
const BOUNDED_FIGURE = /(?:达到|達到|不低于|不少于|不超过|控制在|提高到|提升至|降至)[^，,。；;]{0,6}\d|\d(?:\.\d+)?(?:%|％)(?:以上|以内)/;
/** Words telling a figure was reached, not set: "去年…达到98%", "同比提高", "已达到". */
const REACHED = /去年|上年|同比|环比|已经?|截至|截止|累计|共计|目前|(?<![为])了(?![解结])/;
/** A time the clause opens with ("5月份在全市组织开展…", "年底前，", "用3个月左右时间，"): the act comes after it. */
const LEADING_TIME = /^(?:\d{4}年[，,]|(?:再)?用[^，,。；;]{1,10}时间[，,]|(?:\d{4}年)?(?:\d{1,2}月(?:份|底前|底|中旬|上旬|下旬)?|年底前|年内|上半年|下半年)[，,]?)/;
/** Reporting words before what was said: "会议明确，", "李捷强调，". */
const REPORTED = /^(?!按照|根据|依据|按)[^，,。；;“”]{0,12}(?:明确|要求|强调|指出|提出|表示|认为)[，,：:]/;
/**
 * A statement of what happened or what is, among them what the work means ("…事关社会大局稳定", "关乎人民群众冷暖")
 * and a rate as it stands ("昆明应报177家，实报115，报送率为65%").
 */
const FACT =
  /了(?![解结])|已经|已(?!于)|截至|截止|累计|共计|共(?:抓获|破获|发生|捣毁|冻结|返还|劝阻|处置|封堵|清理|查处|签订|开展|对|有)|同比(?:分别)?(?:上升|下降|增长|减少)|环比(?:上升|下降)|取得|成效显著|被点名|退出|实现了|是[^，,。；;]{0,30}(?:要求|需要|保障|手段|途径|举措|措施|抓手|工程|因素|问题|热点|任务|毒瘤|考题|阶段|时期|关键期)|是[^，,。；;]{0,50}(?:重要|有效|关键)(?:举措|措施|抓手|途径|手段)|是[^，,。；;]{0,40}(?:一环|重中之重|大事要事|一件大事)|(?:抓获|破获|打掉|捣毁|处置|发送|提供|劝阻|冻结|止付|返还)[^，,。；;\d]{0,12}(?:近|约)?\d+(?:\.\d+)?(?:余)?(?:万|亿)?(?:条|名|个|起|人|次|件|元|户)(?!以上|以内)|具有|属于|存在(?!的)|表现在|^[^，,。；;]{0,10}以来[，,]|呈(?:现)?[^，,。；;]{0,8}(?:趋势|态势)|\d+(?:余|多)?(?:人|名)(?:参加|参会|出席)|主要表现|有待|来看|表明|显示|事关|关乎|关系到|关系着|实报\d|率为\d+(?:\.\d+)?[%％](?!以上|以内|左右)|推进缓慢|进度滞后|进展缓慢/;
/** "X是一项…任务", "是…的重要举措": a clause saying what the work is. */
const WHAT_IT_IS = /是一项[^，,。；;]{0,20}(?:任务|工作|工程|举措)[。；;]?$/;
/**
 * A news lead: the day, then a meeting held ("0日上午，经开区召开…会", "6月9日，涿鹿县召开…"). What it reports
 * happened, even when it quotes words that ask ("从“要不要”…三个维度点评").
 */
const NEWS_LEAD =
  /^(?:(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}[日号](?:上午|下午|晚上|晚)?|日前|近日)[，,][^。；;]{0,40}(?:召开|举行|举办|出席|主持|启动|召開|舉行|舉辦|啟動)|^(?:[^，,。；;]{0,30}[，,]){1,2}(?:\d{4}年)?\d{1,2}月\d{1,2}[日号](?:上午|下午|晚上|晚)?[，,][^。；;]{0,40}(?:召开|举行|举办)|^(?:本网讯|本报讯|[^，,。；;\s]{2,12}讯[\s　]|[^，,。；;\s]{2,12}\d{1,2}月\d{1,2}日(?:电|消息))/;
/** "今年宣传月的主题是…": what a campaign is called, not what to do. */
const THEME = /^[^，,。；;]{0,16}主题(?:是|为)/;
/**
 * How a body set up for the work is made up: "协调机制由县委组织部、…组成", "召集人由…担任", "协调机制设联络员",
 * "办公室设在县教育局基础教育股，承担协调机制日常工作。": who sits in it, nothing to do. (An office given duties where
 * it sits is asked for them: "…设在安全管理处，负责日常联络…".)
 */
const COMPOSITION = /^[^，,。；;]{2,24}?(?:由[^。；;]{2,160}?(?:组成|担任)[。；;，,]?$|(?:办公室|办事机构)设在[^，,。；;]{2,30}(?:[，,]承担[^，,。；;]{2,20})?[。；;]?$|设(?:联络员|召集人)[，,])/;
/** A byline or a source in brackets on its own: "（区融媒体中心 梁静）". */
const BYLINE = /^[（(][^（）()，,。；;]{2,30}[）)][。]?$/;
/** "会后，镇建设局带领…开启检查": what was done after the meeting, unless it asks. */
const AFTER_THE_MEETING = /^会后[，,]/;
/**
 * A change asked for in figures is a target, not a fact: "涉诈账户数量同比下降20%以上" asks, "同比下降21.4%"
 * reports; so does a total to reach ("累计建成1000公里以上").
 */
const TARGET_CHANGE = /同比(?:上升|下降|增长|减少|压降)\d+(?:\.\d+)?[%％](?:以上|以内|左右)|累计[^，,。；;\d]{0,12}\d+(?:\.\d+)?[^\d，,。；;]{0,4}以上/g;
/**
 * "市通信管理局将适时…检查", "人民银行分行将结合执法检查，对各机构落实情况进行抽查": the issuer announces
 * the oversight it may carry out, nothing a unit can be asked about.
 */
const ANNOUNCED = /将适时|将(?:不定期|结合[^，,。；;]{1,12})[，,]?[^。；;]{0,24}(?:检查|抽查|督查|暗访|巡查)|将[^。；;]{0,20}对[^。；;]{0,30}(?:进行(?:抽查|督查|暗访|通报)|通报[，,、]?约谈)/;
/** A sentence for the public rather than for a unit. */
const PUBLIC = /广大(?:群众|市民|人民群众)(?:要|务必|应|请)|欢迎(?:社会各界|广大)|市民朋友|请(?:广大|市民|群众)|切勿|不要轻信|谨防|提醒(?:广大|市民)|感谢您|希望您|您的|您(?:还)?有(?:什么|何)(?:意见|建议)|您对[^。；;]{0,20}有(?:什么|何)?(?:意见|建议)/;
/** "对…的，…约谈/通报/追责": a sanction that applies only when something goes wrong. */
const SANCTION =
  /^(?:要)?对[^。；;]{2,60}?(?:的|者)?[，,]?[^。；;]{0,30}?(?:约谈|通报|追责|问责|倒查|查处|挂牌|限期|整改|黑名单|一票否决|严肃处理|依法处理|追究|处分|曝光|惩戒|督办)/;
/** "在规定时间内未完成…登记的，一律予以停机": what happens to whoever fails, not a task. */
const FAILING_THEN = /对(?:不|未)[^。；;]{1,40}的(?:行为)?[，,][^。；;]{0,20}(?:处罚|吊销|追究|问责|取缔)|(?:未|不|没有)[^。；;]{1,40}的[，,](?:一律|将|均)?(?:予以|依法)?(?:停机|关停|注销|暂停|冻结|处罚|罚款|追究|通报|约谈|问责|限制)|(?:每少报|超过\d+次)[^。；;]{0,20}取消|实行“?一票否决/;
const SANCTION_CONDITION = /对[^。；;]{0,40}(?:不力|落后|缓慢|未达到|不按时|突出问题|高发|失职|渎职|不到位|不落实|违规|存在|连续|排名靠后|进入)/;

export function classifyClause(signals: ClauseSignals): ClauseVerdict {
  const { content } = signals;
  const bare = content.replace(/[，,。；;：:、“”‘’（）()\s]/g, '');
  if (signals.opensItem && signals.headsSentences !== false && /。$/.test(content) && bare.length <= 24 && !signals.hasOwner && !signals.hasTarget) return 'title';
  const plain = !signals.hasOwner && !signals.hasDeadline && !signals.hasTarget;
  // A speech's point, its sentences after it: "二要坚持源头预防为先，全力推进国家反诈中心APP安装注册工作。…",
  // "二是把握工作重点，及时调整主攻方向。…"
  if (signals.opensItem && signals.headsSentences === true && (/^要/.test(content) || signals.pointMarker === true) && /。$/.test(content) && bare.length <= 40 && plain) return 'title';
  // A numbered line of its own, short, asking nothing measurable: "（一）全力以赴拼经济稳增长促发展。"
  if (signals.wholeItemLine && bare.length <= 20 && plain) return 'title';
  // …or a short sentence heading the paragraph it opens, its measures after it: "调整优化农业结构。在稳定粮食生产的基础上，…"
  if (signals.headsParagraph && /。$/.test(content.trim()) && bare.length <= 14 && plain) return 'title';
  // A short lead "要管住“网”。" heads what follows; a short measure ("持续实施“歇业登记”等新制度。") does not,
  // nor does one of a run of points ("一要抓好打击；二要强化防范宣传；…").
  const inRunOfPoints = /[；;]$/.test(content) || signals.continuesTask;
  if (bare.length <= 12 && plain && /^(?:要|务必|必须)/.test(content) && !inRunOfPoints) return 'title';
  // Distinct words: "打击…打击" is one concrete act, not two; one inside an exhortation ("亲自部署") is none.
  const concrete = new Set(content.replace(EXHORTATION, (m) => ' '.repeat(m.length)).match(CONCRETE) ?? []).size + (signals.hasDeadline ? 2 : 0) + (signals.hasTarget || PLANNED_FIGURE.test(content) ? 2 : 0);
  const exhortation = new Set(content.match(EXHORTATION) ?? []).size;
  // A short slogan leading a paragraph, two phrases asking for a quality: "要坚持打字当头，全力提升打击质效。"
  if (bare.length <= 16 && plain && /^要/.test(content) && (content.match(/[，,]/g) ?? []).length === 1 && concrete <= exhortation) return 'title';
  if (LEAD_IN.test(content) || (TRANSMITS.test(content) && !signals.hasDeadline)) return 'lead-in';
  if (TASK_LABEL.test(content)) return 'task';
  if (PERSON_LABEL.test(content) || CONTACT_LABEL.test(content) || MEMBERS_LABEL.test(content) || (COMPOSITION.test(content) && !signals.hasDeadline)) return 'fact';
  if (SCHEDULE.test(content)) return 'no-directive';
  if (NEWS_LEAD.test(content) || THEME.test(content) || BYLINE.test(content.trim()) || (AFTER_THE_MEETING.test(content) && !MODAL.test(content))) return 'fact';
  if (PUBLIC.test(content)) return 'public';
  if ((SANCTION.test(content) && SANCTION_CONDITION.test(content)) || FAILING_THEN.test(content)) return 'sanction';
  if (PROHIBITION.test(content)) return 'prohibition';
  // "会议通报了…，要求…": a requirement after a factual preface is still one; so is one the meeting makes
  // ("会议要求各责任单位对已完成整改的…立即组织核查").
  const asked = /[，,]要求(?!是)/.test(content) || /^[^，,。；;“”]{0,12}要求(?![是，,：:])/.test(content);
  // "会议明确，下一步…", "蔡俊文指出，…": what follows the reporting words is what counts.
  const said = content.replace(REPORTED, '');
  // "希望通过各部门的努力…": a wish, whatever it names, assigns nothing.
  if (/^希望/.test(said) && !signals.hasOwner) return 'exhortation';
  const imperative = !signals.reply && IMPERATIVE_START.test(said.replace(LEADING_TIME, ''));
  // A figure set for a year ("2023年政府专项债储备额度45亿元以上"), by a numbered item ("1.*改建认知障碍照护床位
  // 220张"), under a goal's label, in a plan by its title or as what a plan sets out to do is a goal.
  const goalFigure = (signals.hasTarget && (/^\d{4}年/.test(content) || signals.numbered === true || signals.inPlan === true || GOAL_LABEL.test(content) || GOAL_LABEL.test(said) || TASK_FIGURE.test(content) || (BOUNDED_FIGURE.test(content) && !REACHED.test(content)))) || PLANNED_FIGURE.test(content);
  // "由A牵头，B配合，开展…": assigning the work asks for it.
  const directive = asked || goalFigure || signals.assigned === true || signals.underModalTitle === true || /^(?:下一步|下步|今后|要求|责成|请(?!广大|市民|群众)|由[^，,。；;]{2,40}?(?:牵头|牽頭|负责|負責))/.test(said) || MODAL.test(content) || imperative || signals.hasDeadline || signals.inTaskSection || signals.continuesTask;
  if (!signals.hasDeadline && !signals.hasTarget && ANNOUNCED.test(content)) return 'fact';
  const stated = content.replace(TARGET_CHANGE, '');
  // "…是一项必须完成的硬任务": what the work is, whatever modal word qualifies it.
  if (!signals.hasDeadline && !asked && WHAT_IT_IS.test(stated)) return 'fact';
  // "会上，通报了10月17日至11月13日的发案情况": dates in what happened are no deadline.
  const past = /(?:通报|召开|开展|完成|听取|部署|印发)了/.test(stated);
  if ((!signals.hasDeadline || past) && !asked && FACT.test(stated) && !(MODAL.test(stated) && !/了(?![解结])|已经|截至|累计|共计/.test(stated))) return 'fact';
  if (!directive && !(signals.hasOwner && (signals.hasTarget || signals.hasDeadline))) return 'no-directive';
  // As many exhortation words as concrete ones: an exhortation, unless some unit is there to act.
  const someOwner = signals.hasOwner || signals.inheritsOwner === true;
  if (concrete === 0 || exhortation > concrete + (signals.hasOwner ? 1 : 0) || (!someOwner && exhortation === concrete)) return 'exhortation';
  return 'task';
}
