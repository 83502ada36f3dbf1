import { ClauseSignals, classifyClause } from './classify';

const signals = (content: string, more: Partial<ClauseSignals> = {}): ClauseSignals => ({
  content,
  hasOwner: false,
  hasDeadline: false,
  hasTarget: false,
  opensItem: false,
  inTaskSection: false,
  continuesTask: false,
  ...more,
});

describe('classifyClause', () => {
  it.each([
    ['市公安局要不折不扣落实即时响应预警指令,规范处置预警线索,保持全市资金预警预后零转账。', { hasOwner: true, hasTarget: true }],
    ['各镇街要组织调动基层力量,对高危人员进行精准劝阻。', { hasOwner: true }],
    ['建立定期会商机制，及时研究打击治理工作中的新情况新问题。', {}],
    ['到2025年底前,全市首批100个示范社区全面建成。', { hasDeadline: true, hasTarget: true }],
    ['紧盯大要案件不懈怠,开展大案攻坚,发起集群战役。', { inTaskSection: true }],
    ['村大喇叭循环播放反电诈信息。', { continuesTask: true }],
    // a total to reach is a target, not a report
    ['新铺天然气管道400公里以上,累计建成1000公里以上,新发展用户30000户;', { hasTarget: true, continuesTask: true }],
    // handing out, self-checks and home visits are concrete work
    ['各村居要向辖区每位老年人发放一份防范养老服务诈骗倡议书,让老年人牢固树立防诈骗意识。', { hasOwner: true }],
    ['各单位要组织人员入户走访,摸清底数。', { hasOwner: true }],
    // the problems found are what to correct: "存在的问题" is no statement of fact
    ['各单位对照标准全面自查,对存在的问题及时整改。', { hasOwner: true, assigned: true }],
    // what a plan sets out to do, in figures
    ['天镇县计划改造老旧小区11个,19栋楼,417套房;', { hasTarget: true }],
    // 争取 aims as 力争 does
    ['争取建成省级重点企业研究院1家,市级重点实验室1家;', { hasTarget: true }],
    ['一是2021年计划投资2500万元再建27公里农村道路;', {}],
    // after the meeting, asked for
    ['会后,各镇街要迅速组织开展燃气安全排查。', { hasOwner: true }],
    ['要深入串并深挖，落实领导包案机制。', {}],
    ['会议明确,下一步将聚焦“精准宣传”,通过微信群推送预警、进村入户讲案例。', {}],
    ['充分发挥专业优势,集中力量侦破一批大案要案,坚决打掉一批犯罪团伙,营造严打高压态势。', {}],
    ['縣委宣傳部要組織新聞媒體持續開展反詐防詐宣傳,', { hasOwner: true }],
    ['要高度重视、全面动员,深入开展“断卡”行动。', { inheritsOwner: true }],
    // an imperative opening with a focus or a response: "重点补齐…", "针对新形势…", "加快推进…"
    ['重点补齐科技信息化反诈手段的短板,健全完善“智慧反诈”系统', {}],
    // a duty a unit is given, in a list of duties by unit
    ['负责对全县秸秆禁烧工作实施统一监督,并承担县禁烧办的日常工作。', { inheritsOwner: true }],
    ['针对新形势、新问题,及时调整工作路径,精细化设定目标任务', {}],
    ['要加快推进安装进度,再强措施、再增压力,充分调动群众安装反诈APP的积极性,尽快完成安装任务。', {}],
    // "打击" as an act still counts
    ['公安机关要依法打击涉诈犯罪,严格落实各项措施。', { hasOwner: true }],
    // handling cases and legal duties are concrete work
    ['县检察院、县法院要加强与公安机关的协作配合，依法从严从快办理涉诈案件。', { hasOwner: true }],
    ['银行机构、支付机构要落实客户尽职调查义务，对开户目的存疑的，有权拒绝开户或者限制账户功能。', { hasOwner: true }],
    ['各银行要对开户异常的客户加强尽职调查,对经公安机关认定的涉诈人员,依法在5年内暂停其新开户业务。', { hasOwner: true }],
    // assigning the work asks for it
    ['由市公安局牵头，市通信管理局、人民银行配合，开展新一轮“断卡”行动。', { hasOwner: true }],
    // a change asked for in figures is a target, not a fact
    ['健全涉诈账户风险监测模型，加强对异常开户的监测预警，涉诈账户数量同比下降20%以上。', { hasTarget: true }],
    // a unit given the work ("X负责…", "X牵头…") is asked for it
    ['社区建设办负责协调辖区物业公司,在小区电梯间张贴反诈宣传海报。', { hasOwner: true, assigned: true }],
    // setting up a body is a concrete act
    ['成立凤岭街道无诈村(社区)、无诈单位创建工作领导小组。', {}],
    ['有针对性开展反诈宣传教育,进一步加大“国家反诈App”宣传力度。', {}],
    // under a heading that asks ("二要强化宣传教育。"), the item's sentences ask too
    ['村大喇叭循环播放反电诈信息。', { underModalTitle: true }],
    // recovering the money lost is concrete work
    ['要加强与外地公安机关协作,及时追赃挽损。', { inheritsOwner: true }],
    // "按照…要求，" is the basis, not reported words
    ['按照国家、省有关要求,抓紧修订我市现行涉及工程建设项目审批的有关规定。', {}],
    // one of a run of points ("一要抓好打击；二要强化防范宣传；…") is the point itself, not a heading
    ['要强化防范宣传;', {}],
    // a labelled line of an assignment; a measure that supports or encourages
    ['检查范围:消防易爆物品、烟花爆竹批发零售点。', {}],
    ['新增公共充电设施260根以上。', { hasTarget: true }],
    ['建精建强打击电诈专业队,搞好专业技能培训,提升破案打击核心战斗力。', {}],
    ['督促层层签订企业安全生产责任书;', {}],
    ['采取边摸排边整治。', {}],
    ['开工建设秦沈高速二期、本庄高速、长海大桥等重点项目。', {}],
    ['计划推进全区183个新建、续建项目。', { hasTarget: true }],
    // a year's figure set in a plan
    ['2023年政府专项债储备额度45亿元以上,年度专项债资金使用完成率实现100%。', { hasTarget: true }],
    // a numbered item of a list of projects that sets a figure; a duty in a list of duties
    ['*改建认知障碍照护床位220张', { hasTarget: true, numbered: true }],
    // a figure a plan (by its title) states is one it sets
    ['全市新增特殊教育资源教室30个。', { hasTarget: true, inPlan: true }],
    ['应急局严管工业燃料违规民用行为;', { hasOwner: true, assigned: true }],
    ['治理工作目标:实行定点屠宰区域的猪、牛、羊定点屠宰率均达85%以上;', { hasTarget: true }],
    ['2017年主要预期目标是:城镇登记失业率控制在4.5%以内;', { hasTarget: true }],
    ['通知指出,今年全省经济社会发展主要指标分别为:生产总值增长6%左右;', { hasTarget: true }],
    // a figure written as the task given
    ['棚户区改造开工任务131973套,基本建成任务64004套;', { hasTarget: true }],
    // a figure bounded as goals bound it
    ['城乡供水一体化率达到83.5%,农村自来水普及率达到98%。', { hasTarget: true }],
    ['特殊干旱年份因旱缺水人口控制在2%以内。', { hasTarget: true }],
    ['三大运营公司要加强防骗电话和短信的拦截工作,发现有异常号码及时停机。', { hasOwner: true }],
    ['做好学生心理筛查;', {}],
    ['用3个月左右时间,全面排查整治城镇燃气全链条风险隐患,建立整治台账。', {}],
    ['通过网络渠道发展新用户时,要采取在线视频实人认证等技术方式核验用户身份信息。', { inheritsOwner: true }],
    // a short numbered point with nothing after it in its item is the point itself
    ['要加大线索摸排力度,确保涉黑涉恶线索无遗漏。', { opensItem: true, headsSentences: false }],
    ['支持民营企业加强首台(套)重大技术装备研制与推广应用。', {}],
    // what a township will do, in a report of its meeting
    ['本次专项行动将结合“三访三问”活动,开展为期一个月的防范电信诈骗入户宣传。', {}],
    ['全镇将对各村(社区)无业青年、在校学生等高危群体进行一次全面摸排。', {}],
    // what the meeting requires, whatever it mentions as done
    ['会议要求在全镇范围内立即开展一次全方位拉网式的消防安全隐患排查工作。', {}],
    ['会议要求各责任单位对已完成整改的环境信访问题,立即组织核查,及时申请销号;', { hasOwner: true }],
  ])('a task: %s', (content, more) => {
    expect(classifyClause(signals(content, more))).toBe('task');
  });

  // `more` has a default: a third parameter a row may leave out would make Jest wait for a `done` callback.
  it.each([
    ['全市各级各部门要提高政治站位，高度重视，切实增强责任感紧迫感，形成工作合力。', 'exhortation'],
    // money sought from above (争取到…) is no aim the office can track
    ['争取到位资金5000万元。', 'no-directive'],
    ['要提升站位,把巡察工作作为一次政治体检,从政治高度全面抓好问题整改。', 'exhortation'],
    ['各成员单位要进一步提高政治站位，切实扛起打击治理电信网络诈骗的政治责任。', 'exhortation', { hasOwner: true }],
    ['各级各有关部门要高度重视，把反诈工作与经济社会发展工作同研究、同部署、同推进，全面构建“全民反诈”格局，形成强大的防范治理合力。', 'exhortation'],
    ['2022年全市公安机关共抓获涉诈犯罪嫌疑人3276名、破获案件1132起，同比分别上升44.57%、39.48%。', 'fact'],
    ['各部门密切协作，打击治理工作取得了显著成效。', 'fact'],
    // a bulletin's lagging work, and its contact line
    ['南江县有2(城区停车泊位建设、乡镇污水处理站建设)推进缓慢;', 'fact'],
    ['电子信箱:hmjsn2012@163.com。', 'fact'],
    // how a body set up for the work is made up
    ['协调机制由县委组织部、县委宣传部(县委网信办)、县教育局等部门组成。', 'fact', { hasOwner: true }],
    ['协调机制召集人由县政府分管教育领导和县教育局主要负责同志担任。', 'fact'],
    ['协调机制办公室设在县教育局基础教育股,承担协调机制日常工作。', 'fact'],
    // (an office given duties where it sits is no mere composition: the rules leave it to the model)
    ['专班办公室设在安全管理处,负责日常联络、数据统计、应急处理等工作。', 'no-directive', { hasOwner: true }],
    ['请广大市民切勿轻信陌生来电，不要轻信“高回报”投资。', 'public'],
    ['欢迎社会各界及广大学生家长严格监督,积极举报。', 'public'],
    // when a campaign runs
    ['排查整治时间:即日起至2月8日。', 'no-directive'],
    // a reply's closing words to the deputy who asked
    ['对以上答复您有什么意见,请及时通过“代表议案建议功能模块”进行评价。', 'public'],
    ['对工作成效落后的镇街，市委、市政府将进行约谈；', 'sanction'],
    ['对单月万人发案率已连续4次以上进入全市前10名的重点乡镇街道挂牌督办、专项整改。', 'sanction'],
    ['（一）要强化侦查打击，打出声威实效。', 'title'],
    ['要管住“网”。', 'title'],
    ['要坚持打字当头,全力提升打击质效。', 'title'],
    ['（二）要坚持源头预防为先,全力推进国家反诈中心APP安装注册工作。', 'title', { headsSentences: true }],
    ['把握工作重点,及时调整今后一段时期反诈工作的主攻方向。', 'title', { opensItem: true, headsSentences: true, pointMarker: true }],
    // a short sentence heading its paragraph, the measures after it on the line
    ['调整优化农业结构。', 'title', { headsParagraph: true }],
    ['强筋健骨,打造反诈工作新铁军。', 'title', { headsParagraph: true }],
    // a wish is no assignment
    ['希望通过各个部门的努力确保完成要素保障工作各项任务,力争一季度开门红。', 'exhortation', { hasDeadline: true }],
    ['会议强调,要严格按照打击电信诈骗要求,扎实开展反诈宣传专项工作,并提出以下要求。', 'lead-in'],
    // who speaks, before what they said
    ['县委副书记程一华指出:', 'lead-in'],
    ['会议要求:', 'lead-in'],
    ['下面我再具体强调几点要求。', 'lead-in'],
    ['会议强调,抓好2023年交通运输工作,要突出做好7方面工作:', 'lead-in'],
    ['全县上下要重点抓好三个方面:', 'lead-in'],
    // a working day moved by a holiday
    ['9月30日(星期六)正常上班。', 'no-directive'],
    ['今天我们召开这次会议，主要任务是深入学习贯彻重要指示精神。', 'no-directive'],
    // a figure stated outside a plan may be one reached
    ['去年全县农村自来水普及率达到98%,同比提高2个百分点。', 'no-directive', { hasTarget: true }],
    // (outside a plan, a bare count may be one reached)
    ['全市新增特殊教育资源教室30个。', 'no-directive', { hasTarget: true }],
    ['10月16日上午,应城市召开打击治理电信网络诈骗犯罪工作领导小组成员单位联席会议。', 'fact'],
    ['近日,平坡镇组织召开第三季度社会安全稳定分析研判会议,平坡司法所、镇综治中心参加。', 'fact'],
    // a news lead after its purpose, a wire's or a site's dateline, a byline, what was done after the meeting
    ['为进一步强化安全生产意识,12月6日,某镇在报告厅召开第四季度安全生产工作会议。', 'fact'],
    ['本网讯 某镇召开安全生产专题会议,对第四季度安全生产工作进行安排部署。', 'fact'],
    ['为进一步强化安全生产意识,切实推进全镇安全生产工作,12月6日,界河镇在二楼报告厅召开安全生产工作会议。', 'fact'],
    // progress since a time, a trend, who attended
    ['今年以来,正阳关镇按照县委县政府安排部署,扎实开展各项民生工程工作,细化责任。', 'fact'],
    ['根据经开区公安分局通报,2025年全区高校电信网络诈骗警情整体呈下降趋势。', 'fact'],
    ['召开清明节森林草原防灭火暨祭扫工作安排会,村干部、小组长、护林员等100余人参加。', 'fact'],
    ['南方财经10月30日电,据某市人民政府网站消息,市政府办公厅印发三年行动计划。', 'fact'],
    ['(区融媒体中心 梁静)', 'fact'],
    // a rate as it stands, a count reported, the copy line
    ['昆明应报177家,实报115,报送率为65%;', 'fact'],
    ['抄送:县委各部门,县人大常委会、县政协办公室。', 'fact'],
    // who sits in a leading group
    ['组长:彭开铁(党委副书记、乡长)副组长:彭先波(副乡长)成员:仇志勇、李先华。', 'fact'],
    // who answers for an item
    ['牵头负责领导:刘惠。', 'fact'],
    // a standing prohibition binds every time; no one reports it done
    ['不得以迎检名义印制文件资料汇编或制作宣传片。', 'prohibition'],
    ['严禁在林区野外用火。', 'prohibition'],
    // a contact line says where to send a thing, whatever follows it
    ['联系人:邓长青,电话:2710900,传真:2710028,邮箱:snsfb@163.com', 'fact'],
    ['各高校联系处室:省教育厅发展规划处;', 'fact'],
    ['邮箱:1696736198@qq.com。', 'fact'],
    // a wire's dateline, a launch reported, a campaign's theme
    ['央广网福州5月7日消息(记者张子亚)日前,福建省公安厅印发方案。', 'fact'],
    ['8月20日上午,郸城县新城街道启动平安建设“百日行动”,制订方案。', 'fact'],
    ['今年宣传月的主题是“预警劝阻别忽视,财产安全要重视”。', 'fact'],
    // a covering notice forwarding a document
    ['现将《市教育局关于认真做好梅雨季节校舍安全检查工作的通知》转发给你们,请认真贯彻执行。', 'lead-in'],
    ['会后,镇建设局带领相关职能部门人员深入街区,开启沿街店铺燃气安全检查工作。', 'fact'],
    ['4月20日上午,经开区召开反电诈专项治理推进会,从“要不要”“会不会”三个维度进行点评', 'fact'],
    ['打击治理电信网络新型违法犯罪事关人民群众切身利益,事关社会大局稳定。', 'fact'],
    ['各单位、各部门要多策并举、形成合力,既要在打击上下功夫,又要在防范上尽全力,要打防结合,扎实推进;', 'exhortation'],
    ['三要一以贯之、狠抓落实,全力确保防范打击工作取得更大更好成效。', 'exhortation'],
    ['各级各部门要进一步压实工作责任,多措并举,努力实现工作取得明显成效。', 'exhortation'],
    ['要提高安装反诈APP重要意义的认识,积极引导群众正确认识反诈APP安装的重要性、必要性。', 'exhortation'],
    ['各成员单位要切实把思想和行动统一到部署要求上来,从严从实从细抓好打击治理各项工作。', 'exhortation', { hasOwner: true }],
    ['为确保工作取得实效,特制定本方案。', 'lead-in'],
    ['为确保活动取得实效,特制定工作方案。', 'lead-in'],
    ['为确保整治行动顺利进行,特制定本实施方案。', 'lead-in'],
    // what a campaign is for and where it runs
    ['2、整治范围:全市范围内小理发店、小浴池、小旅馆等公共场所经营单位。', 'no-directive'],
    ['结合我乡实际制定《大桥江乡打击电信网络诈骗宣传工作方案》,现印发给你们,请结合工作实际认真抓好落实。', 'lead-in'],
    // what happens to whoever fails
    ['在规定时间内未完成真实身份信息登记的,一律予以停机。', 'sanction'],
    ['实施过程中遇到的问题,请径向省发展改革委反映。', 'lead-in'],
    // the issuer's own checks and sanctions; a summary of a plan's parts; what the work is
    ['市教育局将在9月中旬组织有关人员对各校的排查治理工作情况进行抽查。', 'fact', { hasOwner: true }],
    ['区安委会将对隐患监管部门、单位进行通报,约谈,实行“一票否决”。', 'sanction', { hasOwner: true }],
    ['1.在“聚焦深化对外开放”方面(分解任务15项)。', 'no-directive'],
    ['涉诈重点人员排查劝返管控工作是打击治理工作中至关重要的一环。', 'fact'],
    ['务必严格督导考核。', 'title'],
    ['会上,通报了10月17日至11月13日全区电诈案件发案损失情况。', 'fact', { hasDeadline: true }],
    ['冬末春初,燃气使用方式一旦不当,极易出现安全事故,城镇燃气安全隐患排查整治是当前一件大事要事。', 'fact'],
    // results reported with their figures
    ['纵深推进“打猫”行动,提供“打猫”线索11593条,配合公安机关打击诈骗窝点3个,抓获嫌疑人15名。', 'fact'],
    ['坚持依法重罚,对不落实安全管理要求、不整治安全隐患的行为,坚决依法采取经济处罚、吊销经营许可等措施。', 'sanction'],
    ['各地燃气主管部门要坚决抓好今冬明春燃气安全专项整治各项工作落实,坚决防范重特大事故发生。', 'exhortation', { hasOwner: true }],
    // when an activity runs
    ['打击治理电信网络诈骗犯罪“全民反诈在行动”集中宣传月活动时间:2023年6月15日至7月15日。', 'no-directive'],
    // a burden described, every task of a holiday, a campaign run well
    ['苏琦指出,打击预防网络电信诈骗犯罪任重道远,责任重大。', 'exhortation'],
    ['郭鹏指出,要进一步认清短板弱项,坚决杜绝麻痹松懈思想。', 'exhortation'],
    ['对重点任务推进落实缓慢、未达到序时进度或不按时报送的要加大通报力度。', 'sanction'],
    ['会议最后强调,在国庆期间必须做好政法各项重点工作,确保70周年大庆顺利召开。', 'exhortation'],
    ['各单位要高度重视本次活动,认真组织实施,确保活动取得实效。', 'exhortation', { hasOwner: true }],
    ['强化事中责任督导机制建设,深化企业责任清单管理,完善问题通报和公开曝光机制。', 'no-directive', { reply: true }],
    ['要坚持严打整治,切实形成严打高压态势;', 'exhortation'],
    ['李捷要求,要全面客观总结打击治理工作经验,分析存在的问题,坚定推进打击治理工作的信心决心。', 'exhortation'],
    ['今年政务公开工作的总体要求是:深入贯彻有关精神,建立健全工作机制。', 'lead-in'],
    // concrete words inside an exhortation ("亲自部署", "议事日程" put on the agenda) do not make a task
    ['各乡镇、各部门要把反诈工作摆上重要议事日程，主要负责同志要亲自研究、亲自部署、亲自过问。', 'exhortation'],
    ['各单位要充分认识专项行动的重要意义，加强组织领导，精心安排部署。', 'exhortation', { hasOwner: true }],
    ['宣传要贴近群众、通俗易懂，避免形式主义。', 'exhortation'],
    // the words of a meeting's call to effort
    ['各成员单位要履职尽责、真抓实干，以此次会议为契机，全力以赴开展反诈宣传。', 'exhortation', { hasOwner: true }],
    ['各单位要统一思想、广泛动员，确保专项行动顺利开展。', 'exhortation', { hasOwner: true }],
    ['要坚持线上线下相结合,创新宣传方式,增强宣传的吸引力和感染力,杜绝走过场。', 'exhortation'],
    ['四季度是全年反诈工作的冲刺阶段。', 'fact'],
    // the issuer announcing what it may do
    ['市通信管理局将适时对各单位工作开展情况进行检查，对工作推进不力的单位予以通报。', 'fact', { hasOwner: true }],
    ['人民银行XX市分行将结合执法检查,对各机构落实情况进行抽查。', 'fact', { hasOwner: true }],
    // a change reported, not asked
    ['全年共立电信网络诈骗案件3126起，同比下降21.4%。', 'fact'],
    // what the work is, however long the phrase before "举措"
    ['开展反诈宣传活动是推进基层社会治理创新、维护社会治安稳定、增强人民群众安全感、满意度的一项重要举措。', 'fact'],
    // standing, pace and generic work asked for
    ['全镇各成员单位要提高思想认识,高站位把反诈宣传当作民心工程来抓。', 'exhortation', { hasOwner: true }],
    ['要明确工作职责,高标准、高效率组织推进工作任务。', 'exhortation', { inheritsOwner: true }],
    ['各成员单位要充分发挥各自职能优势,既各司其职、又密切配合,切实形成整体工作合力,共同推动宣传活动深入开展。', 'exhortation', { hasOwner: true }],
    ['各级各部门要清醒地认识到,开展好电信网络新型违法犯罪打击治理工作,关乎广大人民群众的切实利益,使命重大、任务艰巨。', 'exhortation', { hasOwner: true }],
    ['各级各部门要在党委政府统一领导下,坚持齐抓共管、群防群治,“打防管控宣”整体推进。', 'exhortation', { hasOwner: true }],
    ['“国家反诈中心”APP安装注册工作,是一项必须完成的硬任务。', 'fact'],
  ] as [string, string, Partial<ClauseSignals>?][])('not a task: %s → %s', (content, verdict, more = {}) => {
    const opensItem = content.startsWith('（');
    expect(classifyClause(signals(opensItem ? content.slice(3) : content, { opensItem, hasOwner: /镇街|各部门/.test(content), ...more }))).toBe(verdict);
  });

  it('keeps a titled item with an owner: the owner makes it a task', () => {
    expect(classifyClause(signals('各村要召开动员部署会议。', { opensItem: true, hasOwner: true }))).toBe('task');
  });
});
