import { antecedentOf, findAddressee, findApprovedFrom, findIssuer, findLedBy, findOwnerNotes, findSigner, findSubjects, framesSubject, isOwnerName, ownerLine, parseOwnerNote, partnersAfter, setsFirstIsLead, splitOwnerList, supportedUnit } from './owners';

describe('isOwnerName: what can be written as a unit', () => {
  it.each(['行政一把手', '各专项协调推进小组', '全市台办系统', '全省对台工作系统', '我县卫健系统', '全系统', '各“扫黄打非”工作联络站', '省级财政', '公路段', '督查人员', '山西省', '重庆', '琼海市', '各省份', '市直机关各级党组织', '组织部', '省财政', '縣財政', '綜治', '综合执法', '工商', '市公安局', '市通信管理局', '人民银行', '县委组织部', '乡镇党组织书记', '县发展和改革委员会(县粮食和物资储备局)', '省委农村工作领导小组成员单位', '各镇街', '各镇（街道）', '工信', '各级各部门', '全市反诈联席会议各成员单位', '市政府辦公室', '各地', '四川天府新区', '通信运营商', '主要新闻媒体', '各主要责任单位', '各银行网点', '各村居', '各市州', '村（居）委会', '各县（市、区）', '市直各部门', '县直各单位', '有关单位', '各县（市、区）人民政府', '云澜电信', '市移动', '各县联通', '督查组', '市专家指导组', '镇村两级', '县妇女联合会', '珠三角各市', '珠三角九市', '各大中专院校', '系部各班级', '各部门(系部)值班人员', '医院全体干部职工', '经济开发区管委会', '经开区', '县经管站', '国兴集团', '合肥海关', '县供销社', '国有林场', '各乡镇场', '高新园', '县农业股', '施工方', '社交类平台', '短视频平台', '互联网平台', '相关责任人', '市防范和处置非法集资工作协调小组', '全体民辅警', '各辅导员', '班主任', '渠道商', '全省各级财政', '县乡村三级', '县电视台', '配合部门', '县工商联', '各村社', '各县市', '各校园', '所有带班人员', '各级森防队伍', '各全国性社会团体', '县级调查单元', '鄂托克旗', '各考点', '基督教聚会点', '各属地'])('%s is a unit', (name) => {
    expect(isOwnerName(name)).toBe(true);
  });
  it.each(['信息管理系统', '安排专班', '报送至省能源局(节能处)', '年底前29个小区', '提倡“红事”缓办', '50万元以上的村', '和上级市场监管部门', '继续优化政府', '充分发挥网格员', '相关市', '城市', '超市', '地级市', '企业', '单位', '党政主要负责同志', '企业安装率', '村大喇叭', '反诈工作', '国家反诈中心APP', '要', '重点人员', '10月底前完成全市社区覆盖（测试市公安局', '覆盖）市公安局', '信息管理系统', '一是各楼院抓紧成立工作小组', '朱辉荣强调区委宣传部', '下步各有关部门', '结合全区', '邱村镇政府会同市自然资源规划部门', '会议要求各村(社区)', '接下来街道', '目前全区', '教育系统疫情防控专班各专项组要分包到各学校', '有关单位切实提高政治站位和大局', '决定在全区', '分组', '燃煤机组', '基础电信运营企业强化单位', '专班办公室设在安全管理处', '各学校主动联合公安等部', '全市', '城市', '节假日期间各部门值班人员', '经研究', '经县政府同意', '入股', '市场', '广场', '每个驻镇办(所)必须上门拜访5名当地企业', '后续该村', '坚持区委农村工作领导小组', '安全生产工作需行业主管部门', '全区', '全乡', '信息平台', '国家反诈中心平台', '镇协调陆渠局', '各县市区联席办召集三大运营商', '的商户和企业', '整市整县', '发挥农业农村部门', '指定专门处室', '带好头带好队', '工商局等单位组', '安监局指派2名安全技术人员', '各州市商务局督促企业', '此次省督导组', '汛前设区市水利局', '区政府代理区长毛志强在区', '和《兴海县', '分解下达到各县(市、区)', '你单位尽快统计2012年第一季度辖区内县', '落到实处', '城镇老旧小区改造计划项目全部', '建成昆仑燃气年输气量2亿方门站', '按程序报市委', '会后两个学院', '打造一批高质量的党建示范单位', '@區', '有关工作承办', '我们干部', '督导供热公司', '节前各科室', '委托环境监测资质单位', '章华镇人民政府镇长蔡远鸣为第一责任人', '相关县级林业主管部门严肃查处', '标准化迁建尹集中学', '禁烧督查区覆盖全县所有镇(街道)', '各地结合政府', '削减摩电出行', '红旗', '责令二七区', '邀请公安指导建强应急队伍', '环保部门作出一个检测餐饮店油烟排放的可行', '每个基层武装部开设一个固定兵役登记站', '市环保专项行动领导小组组成若干个小组', '道口镇组织镇', '我市以县域为单元', '原则上每个县(市、区)', '号召全县上下', '提醒各网格长', '现向全市', '保障人民群众出行'])('%s is not', (name) => {
    expect(isOwnerName(name)).toBe(false);
  });
});

describe('splitOwnerList', () => {
  it.each([
    ['市公安局、市通信管理局', ['市公安局', '市通信管理局']],
    ['宣传、工信等部门', ['宣传', '工信']],
    ['公安机关和金融、电信等行业监管部门', ['公安机关', '金融', '电信']],
    ['网信、工信、人民银行等行业主管部门', ['网信', '工信', '人民银行']],
    ['市残联、市财政局及市税务局', ['市残联', '市财政局', '市税务局']],
    ['市直各有关单位、各县(市、区)人民政府', ['市直各有关单位', '各县(市、区)人民政府']],
    ['电信、移动、联通公司', ['电信', '移动', '联通公司']],
    // a bare "等" ends the list as "等部门" does
    ['省公安厅、省教育厅、省民政厅等', ['省公安厅', '省教育厅', '省民政厅']],
    // a tail closing a part in the middle of the list
    ['市疫情防控指挥部办公室、市卫生健康委等,各县(市、区)政府', ['市疫情防控指挥部办公室', '市卫生健康委', '各县(市、区)政府']],
    // a bare kind of body beside a unit is a unit too
    ['全县各教育行政管理部门、学校', ['全县各教育行政管理部门', '学校']],
    ['各镇和相关单位', ['各镇', '相关单位']],
    // people in charge, named by their role
    ['村干部、派出所民警', ['村干部', '派出所民警']],
    ['交通管理员', ['交通管理员']],
    ['中心校', ['中心校']],
    // a bureau named after two fields is one unit; "部门和单位" stays the set phrase
    ['市发改委、市自然资源和规划局', ['市发改委', '市自然资源和规划局']],
    ['县教育和体育局、县卫生健康局', ['县教育和体育局', '县卫生健康局']],
    ['街道、社区和职能部门', ['街道', '社区', '职能部门']],
    // a generic tail before 及 closes its name
    ['区财政局、住建局等部门及相关街道', ['区财政局', '住建局', '相关街道']],
    ['住建局、发改局等其他相关单位', ['住建局', '发改局']],
    // a unit named after the role it holds
    // a conjunction left before a part
    ['所有乡镇和涉农部门、和生态环境保护部门', ['所有乡镇', '涉农部门', '生态环境保护部门']],
    ['包片单位县供销社', ['县供销社']],
    // a table's cell copied with its bars
    ['| 市城市管理综合执法局 |', ['市城市管理综合执法局']],
    ['承办单位区城乡建委', ['区城乡建委']],
    // the role a unit holds, in brackets after its name
    ['各乡镇、各行业主管部门(责任单位)', ['各乡镇', '各行业主管部门']],
    ['各行业主管部门(督办单位)', ['各行业主管部门']],
    // a table's cell listing its units with spaces
    ['宣传部 安全管理处', ['宣传部', '安全管理处']],
    // a province before "各地" or "各级" in a national or provincial report
    ['福建各地公安、综治、教育部门', ['福建各地公安', '综治', '教育部门']],
    ['浙江各级', ['浙江各级']],
    // a list the text closes as departments names units by their short names
    ['天管会、龙潭乡、征收中心、自然资源规划等部门', ['天管会', '龙潭乡', '征收中心', '自然资源规划']],
    ['文旅体、应急、水利、国土、林业等部门', ['文旅体', '应急', '水利', '国土', '林业']],
  ])('%s → %j', (list, names) => {
    expect(splitOwnerList(list)).toEqual(names);
  });

  it('reads fields of work as sectors, and drops a counted tail ("等10部门")', () => {
    expect(splitOwnerList('公安、交通运输、应急管理、消防救援')).toEqual(['公安', '交通运输', '应急管理', '消防救援']);
    expect(splitOwnerList('省住建厅、省发改委等10部门')).toEqual(['省住建厅', '省发改委']);
    expect(splitOwnerList('卫生健康、市场监管部门')).toEqual(['卫生健康', '市场监管部门']);
  });

  it('splits at 和 only between two units, keeps a remark out of a name', () => {
    expect(splitOwnerList('工业和信息化部、国家林业和草原局、供销合作总社')).toEqual(['工业和信息化部', '国家林业和草原局', '供销合作总社']);
    expect(splitOwnerList('宣传部门和新闻媒体')).toEqual(['宣传部门', '新闻媒体']);
    expect(splitOwnerList('县级有关部门和单位')).toEqual(['县级有关部门和单位']);
    expect(splitOwnerList('各县(区)、市安委会有关成员单位(详见任务分工)')).toEqual(['各县(区)', '市安委会有关成员单位']);
  });

  it('refuses a list with a part that is no unit', () => {
    expect(splitOwnerList('市公安局、群众')).toBeNull();
    // bare kinds alone name the public; leaders in general, or a role with an act or a count inside, no one
    expect(splitOwnerList('企业、单位')).toBeNull();
    expect(splitOwnerList('各级领导干部')).toBeNull();
    expect(splitOwnerList('包村干部立即联系包保村')).toBeNull();
    expect(splitOwnerList('驻校警察每周至少1次在校')).toBeNull();
    // a list closed as departments still opens with no verb and holds no public
    expect(splitOwnerList('加强住建、城管等部门')).toBeNull();
    expect(splitOwnerList('群众、学生等单位')).toBeNull();
    // "是" makes a sentence of it
    expect(splitOwnerList('各相关镇(街)是造林绿化的责任主体')).toBeNull();
    // a time, a verb or a partner inside: "3至4月在全乡", "本月内各县市区", "启用县人民医院新院区", "执法局配合环保部"
    for (const phrase of ['3至4月在全鄉', '本月内各县市区', '需确保各市', '启用县人民医院新院区', '拨付镇办', '执法局配合环保部']) expect(splitOwnerList(phrase)).toBeNull();
  });
});

describe('parseOwnerNote: owners in a closing parenthesis', () => {
  it.each([
    ['市公安局牵头，市通信管理局、人民银行配合', ['市公安局'], ['市通信管理局', '人民银行']],
    // who carries it out beside who helps, two roles joined by 、
    ['区建管委负责，各街道(镇)配合、管道燃气企业实施', ['区建管委'], ['各街道(镇)', '管道燃气企业']],
    ['市公安局、市网信办负责。列第一位者为牵头单位', ['市公安局'], ['市网信办']],
    ['责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、县税务局', ['县发改局'], ['县财政局', '县税务局']],
    // a person named beside the unit answers for it; the unit owns the work
    ['责任单位:市国土局,责任人:杨明', ['市国土局'], []],
    ['责任单位:浉河区工信委 责任人:王刚', ['浉河区工信委'], []],
    ['市人力资源社会保障局、市医保局负责', ['市人力资源社会保障局', '市医保局'], []],
    ['市政府办公室牵头，市级各有关部门及各县市区政府按职责分工负责', ['市政府办公室'], ['市级各有关部门', '各县市区政府']],
    ['牵头单位：市公安局；配合单位：市通信管理局、各镇街', ['市公安局'], ['市通信管理局', '各镇街']],
    // the offices of a bureau, labelled as such
    ['责任科室：组干科、机关党委', ['组干科', '机关党委'], []],
    ['牵头处室：规划处；配合处室：财务处、人事处', ['规划处'], ['财务处', '人事处']],
    ['市殘聯、市財政局、市稅務局負責', ['市殘聯', '市財政局', '市稅務局'], []],
    // units that carry the work out ("落实") cooperate with the lead
    ['省通信管理局牵头，各基础电信企业落实', ['省通信管理局'], ['各基础电信企业']],
    // split by remit with no lead named: they all lead; after a lead, they cooperate
    ['省委网信办、省通信管理局按职责分工负责', ['省委网信办', '省通信管理局'], []],
    ['县政府办公室、县司法局、乡镇人民政府按职责分工分别负责', ['县政府办公室', '县司法局', '乡镇人民政府'], []],
    ['市委宣传部、市教育体育局、市妇联按照职责分工负责', ['市委宣传部', '市教育体育局', '市妇联'], []],
    ['省委宣传部牵头，省公安厅、省教育厅、省民政厅等按职责分工负责', ['省委宣传部'], ['省公安厅', '省教育厅', '省民政厅']],
    // a time inside the note is no owner part
    ['各市州人民政府负责，长期坚持', ['各市州人民政府'], []],
    ['市公安局牵头，市财政局配合，2024年底前完成', ['市公安局'], ['市财政局']],
    // labels separated by a comma; beside a named lead, the units "responsible" carry it out with it
    ['牵头单位:县行政审批局,责任单位:县直各有关单位,各乡镇人民政府', ['县行政审批局'], ['县直各有关单位', '各乡镇人民政府']],
    ['牵头单位：县行政审批局、县市场监管局；责任单位：县直各有关单位', ['县行政审批局', '县市场监管局'], ['县直各有关单位']],
  ])('（%s）', (note, lead, cooperating) => {
    expect(parseOwnerNote(note)).toEqual({ lead, cooperating });
  });

  it('reads "分别牵头" as every unit leading, and a remark inside the note as the list convention', () => {
    expect(parseOwnerNote('责任单位:市人力社保局、市农业农村局分别牵头')).toEqual({ lead: ['市人力社保局', '市农业农村局'], cooperating: [] });
    expect(parseOwnerNote('责任单位:市发改委、市经信局、市科技局(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)')).toEqual({ lead: ['市发改委'], cooperating: ['市经信局', '市科技局'] });
    expect(setsFirstIsLead('责任单位:市发改委、市经信局(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)')).toBe(true);
    expect(parseOwnerNote('责任单位:市双招双引办、市发改委', true)).toEqual({ lead: ['市双招双引办'], cooperating: ['市发改委'] });
  });

  it('reads 参加 as cooperating, and the lines of a lead, its implementers and partners', () => {
    expect(parseOwnerNote('责任单位:县扶贫开发办牵头,县教育和体育局、县民政局等有关部门参加,各镇街落实')).toEqual({ lead: ['县扶贫开发办'], cooperating: ['县教育和体育局', '县民政局', '各镇街'] });
    expect(ownerLine('牵头责任单位:省发展改革委。')).toEqual({ lead: ['省发展改革委'], cooperating: [] });
    expect(ownerLine('协同责任单位:省财政厅、省税务局等。')).toEqual({ lead: [], cooperating: ['省财政厅', '省税务局'] });
    expect(ownerLine('实施单位:临沂国际机场集团')).toEqual({ lead: [], cooperating: ['临沂国际机场集团'] });
    expect(ownerLine('相关责任单位:各县(市、区)政府')).toEqual({ lead: [], cooperating: ['各县(市、区)政府'] });
    expect(ownerLine('协助单位:市财政局')).toEqual({ lead: [], cooperating: ['市财政局'] });
    // a city's partners and its supervising unit beside a county's lead
    expect(ownerLine('市级配合单位:市民政局、市自然资源和规划局')).toEqual({ lead: [], cooperating: ['市民政局', '市自然资源和规划局'] });
    expect(ownerLine('市级督导单位:市民政局')).toEqual({ lead: [], cooperating: ['市民政局'] });
    expect(ownerLine('主要协作单位:市财政局')).toEqual({ lead: [], cooperating: ['市财政局'] });
  });

  it('reads an owner line without brackets, and notes in 〔〕', () => {
    expect(ownerLine('责任单位:市发改委')).toEqual({ lead: ['市发改委'], cooperating: [] });
    expect(ownerLine('牵头单位：市公安局；配合单位：市通信管理局')).toEqual({ lead: ['市公安局'], cooperating: ['市通信管理局'] });
    expect(ownerLine('市公安局要建立台账')).toBeNull();
    // a label says the names are owners, however they end
    expect(ownerLine('责任单位:立山经济开发区,全区经济运行各专班')).toEqual({ lead: ['立山经济开发区', '全区经济运行各专班'], cooperating: [] });
    expect(ownerLine('主办单位:县城投公司,协办单位:住建局、凤城镇。')).toEqual({ lead: ['县城投公司'], cooperating: ['住建局', '凤城镇'] });
    expect(ownerLine('主要责任单位:区发展改革委')).toEqual({ lead: ['区发展改革委'], cooperating: [] });
    expect(ownerLine('部门分工:省发展改革委牵头,各地、各部门配合。')).toEqual({ lead: ['省发展改革委'], cooperating: ['各地', '各部门'] });
    expect(ownerLine('责任单位:市经信局、市财政局、市税务局(列第一位者为工作牵头单位或汇总单位,下同)')).toEqual({ lead: ['市经信局'], cooperating: ['市财政局', '市税务局'] });
    expect(ownerLine('责任单位:市经信局牵头,市财政局、市税务局配合')).toEqual({ lead: ['市经信局'], cooperating: ['市财政局', '市税务局'] });
    const [note] = findOwnerNotes('持续实施新制度。〔责任单位:省发展改革委、省市场监管局按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕');
    expect(note.lead).toEqual(['省发展改革委', '省市场监管局']);
  });

  it('is no note when a part is not an owner clause', () => {
    expect(parseOwnerNote('即征收所属期为2021年度')).toBeNull();
  });

  it('finds notes with their offsets and skips other parentheses', () => {
    const clause = '实施期限至2022年12月31日（即征收所属期为2021年度）。（市残联、市财政局负责）';
    const [note] = findOwnerNotes(clause);
    expect(note.lead).toEqual(['市残联', '市财政局']);
    expect(clause.slice(note.start, note.end)).toBe('（市残联、市财政局负责）');
    expect(findOwnerNotes('建立台账(社区服务中心)')).toEqual([]);
  });

  it('finds a note labelled 责任部门 inside a heading that goes on after it', () => {
    const [note] = findOwnerNotes('坚定不移壮产业,全力筑牢经济发展支撑(责任部门:经济发展办公室等) 全力拼抢重大项目');
    expect(note.lead).toEqual(['经济发展办公室']);
  });
});

describe('findSubjects: the owner as subject of the clause', () => {
  const subjects = (clause: string) => findSubjects(clause).map((s) => s.owners);

  it.each([
    ['市公安局要不折不扣落实预警指令', [['市公安局']]],
    // a time between the subject and its modal word; a level's own units beside another level
    ['各区、市直各责任单位会后要迅速向主要领导汇报', [['各区', '市直各责任单位']]],
    // whom a request asks ends where what they are asked begins
    ['要求网点员工在办理5000元以上转账汇款业务时,一定要让客户本人确认', [['网点员工']]],
    ['会议要求市公安局牵头，各镇街、各通信运营商配合，年底前安装注册率达到60%以上', [['市公安局']]],
    // a frequency after the subject, of what it must do at least so often
    ['县(市)级河湖长每季度巡查不少于1次', [['县(市)级河湖长']]],
    ['督查组每周汇总工作落实情况', [['督查组']]],
    ['镇(街)每季度汇报一次农村集体三资承包合同租金收缴情况', [['镇(街)']]],
    ['三是城管局对认定的违建加快法律程序的进入', [['城管局']]],
    // a time or a span between the subject and its modal word or verb
    ['各责任单位于2010年6月5日和12月5日前将半年及年度环境报告报送市环保局', [['各责任单位']]],
    ['运输企业节前要开展安全生产自查工作', [['运输企业']]],
    ['财政部门2017年3月底前拨付省级资金', [['财政部门']]],
    // the day it is due by between the subject and any act, not after a comma
    ['县营商办于每月30日前提出上会企业名单建议', [['县营商办']]],
    ['各区县3月20日下班前报送本地区公益性零工市场规范化建设情况', [['各区县']]],
    ['各成员单位要明确一名联络员,1月31日前报市联席办备案', [['各成员单位']]],
    ['月牙塘社区、伦华物业公司于10个工作日内认真梳理隐患点住户信息', [['月牙塘社区', '伦华物业公司']]],
    ['红云城管中队争取10个工作日内对违建违搭的进行拆除恢复原状', [['红云城管中队']]],
    ['凡是使用燃气的餐饮场所,行业主管部门和直接监管责任部门一律于6月底前完成检查', [['行业主管部门', '直接监管责任部门']]],
    // whom a problem is passed on to (抄告) is no subject; the one named after the comma is
    ['不能立即整改的,要抄告相关责任单位,责任单位要制定隐患整改方案', [['责任单位']]],
    // a 督导组 is a name, 督导 as a verb starts none; a market's 开办方
    ['要求督导考核组要召开业务培训会', [['督导考核组']]],
    ['督导各乡镇要召开会议', []],
    ['市场开办方要按照相关要求开展疫情防控工作', [['市场开办方']]],
    // the span of a campaign before the subject; 各属地 beside the departments; whom 要求 asks ends before 加大
    ['自即日起至12月20日双清区将对辖区内摩托车驾驶人开展整治', [['双清区']]],
    ['会议强调,各属地和有关部门要全面开展安全隐患排查整治工作', [['各属地', '有关部门']]],
    ['要求企业负责人加大共享电动自行车安全检查力度', [['企业负责人']]],
    ['二是要求加大共享电动自行车安全检查力度', []],
    // 叮嘱 asks as 要求 does; what is to be built or made clear is no unit
    ['并叮嘱养老机构要加强防寒保暖保障工作', [['养老机构']]],
    ['要明确工作职责和责任人,加强部门联动和执法', []],
    ['建设或改造1个县级农村电子商务公共服务中心、1个县级仓储物流配送中心,完成任务', []],
    ['不断加快技术创新体系建设,争取建成省级重点企业研究院1家', []],
    // a body set up for a campaign named with its quoted name; a toilet is no unit; 基本实现 starts no name
    ['县“厕所革命”指挥部办公室要重点对城市公厕进行督察', [['县“厕所革命”指挥部办公室']]],
    ['允许“个转企”企业延续使用原名称', []],
    ['能够立行立改的问题厕所要立即整改', []],
    ['二类县卫生厕所普及率达到85%左右,基本实现整村推进', []],
    // acts a plan gives a subject directly
    ['二是县公安交通警察大队立即起草我县专项整治方案', [['县公安交通警察大队']]],
    ['气象部门密切关注天气变化,及时发布临近预报', [['气象部门']]],
    ['三是区委常委下周要对分包的重点区域进行现场视察', [['区委常委']]],
    ['值班人员接到险情报告后,要迅速通知有关领导赶赴现场', [['值班人员']]],
    ['银行探索建立可疑开户人员“灰名单”', [['银行']]],
    ['各县市区联席办召集三大运营商,联合开展反诈宣传', [['各县市区联席办']]],
    ['宿管中心安排打扫好寝室、公区卫生', [['宿管中心']]],
    ['值班人员坚守岗位,遇有紧急事项随时上报', [['值班人员']]],
    // a province or a city named as the subject: its government does the work
    // cadres who answer for a place they are assigned (包保干部) and the officers of a field (协管员, 信息员, 专干)
    ['积极协作配合,要素保障部门要优化项目环境', [['要素保障部门']]],
    ['包保干部要照单履职', [['包保干部']]],
    ['各村食品安全协管员要恪尽职守', [['各村食品安全协管员']]],
    ['禁毒专干要每月走访一次', [['禁毒专干']]],
    // officers of a post named with 各 (各X员), not the public's people nor members
    ['各村防治员要狠抓工作落实', [['各村防治员']]],
    ['各文物保护员要对文物保护单位进行巡查', [['各文物保护员']]],
    ['各类人员要遵守规定', []],
    // 应 asks, it starts no name; verbs inside a phrase (明确, 组建) make it no name; 督查 and 计划 as verbs start none,
    // a 督查组 or 督查人员 is still a name; a year's date before the subjects frames them
    ['各单位在有序用电实施期间,应安排专人与所在地供电公司联合值班', [['各单位']]],
    ['工作方案要求各乡(镇、街道)明确“一村一品”示范村镇和“亿元村镇”培育对象', [['各乡(镇、街道)']]],
    ['主动对接企业,复杂问题组建工作专班推进', []],
    ['四是督查指导土壤环境重点监管单位开展隐患排查', []],
    ['督查人员要每日一督查', [['督查人员']]],
    // heads of a body (院长, 局长) are asked as 校长 and 园长 are; whom 要求 asks ends before 再次
    ['慰问组要求各敬老院院长再次排查院内老人卧床抽烟等问题', [['各敬老院院长']]],
    // whom 要求 asks runs on past 应急管理, a name, not 应 asking
    ['通知要求各级城管、公安、应急管理、市场监管等部门要在前期清理的基础上加强巡查', [['各级城管', '公安', '应急管理', '市场监管']]],
    // a prefecture named as the subject, as a city is; not a whole prefecture (全州)
    ['今后,文山州将以每年建设20个“儿童之家”的进度推进', [['文山州']]],
    ['全州要加快建设儿童之家', []],
    // a field's organisations across its levels (护路组织, 团组织, 社会组织), as 党组织 were
    ['会议要求,铁路沿线各级护路组织要及时更新完善护路基础工作台账', [['铁路沿线各级护路组织']]],
    ['各类社会组织要积极参与', [['各类社会组织']]],
    ['计划到2019年底前霍邱县、金安区要完成粪污处理设施建设', [['霍邱县', '金安区']]],
    // 应急管理局 is a name, not 应 asking; a board's members; 力争 starts no name
    ['王钧平要求,南郑区应急管理局要强化督查检查力度', [['南郑区应急管理局']]],
    ['各编委会成员要切实加快工作进度', [['各编委会成员']]],
    // a page's bracketed label before the subject; a task's words before a comma are no unit; 组织部 is a name, not 组织
    ['【工作安排】宿州市交通运输局要加快推进项目建设', [['宿州市交通运输局']]],
    ['抓好两个队伍,交警和交通运输部门要加强协同配合', [['交警', '交通运输部门']]],
    ['区纪委监委、区委组织部、区委宣传部要对整改情况进行评估', [['区纪委监委', '区委组织部', '区委宣传部']]],
    // a subject doing the work by law or at random, and acts of enforcement and care a plan gives it directly
    ['住建部门依法打击无燃气经营许可证经营液化气行为', [['住建部门']]],
    ['资规局优化好项目用地和手续审批', [['资规局']]],
    ['领导小组随机抽查', [['领导小组']]],
    ['县政府实行“周调度”制度', [['县政府']]],
    ['江城区局迅速部署小餐饮食品安全专项整治行动', [['江城区局']]],
    // the chiefs of a chief system (林长, 路长, 网格长), as 河长 are
    ['各级林长要认真履行巡林职责', [['各级林长']]],
    ['各級路長要切實負起責任', [['各級路長']]],
    ['村级林长每周巡林不少于1次', [['村级林长']]],
    // a word of time or of saying before the subject is not part of it
    ['届时党政机关企事业单位结合实际,组织开展掩蔽演练', [['党政机关企事业单位']]],
    // the subject's first point right after it
    ['各单位、各企业一要提高政治站位,迅速部署迎检工作', [['各单位', '各企业']]],
    // a lead-in singling one out before the subject
    ['特别是牵头单位要统筹相关单位', [['牵头单位']]],
    ['尤其是各乡镇要加强巡查', [['各乡镇']]],
    ['一方面物业企业要对本企业的党员情况进行摸底', [['物业企业']]],
    ['会议结束后各物业公司要立即组织工程技术人员', [['各物业公司']]],
    ['会后各村将组织村干部、驻村工作队', [['各村']]],
    ['县级行业部门每月全面收集因病因灾因意外事故等导致家庭收入大幅缩减的情况', [['县级行业部门']]],
    // every unit of a kind opening the clause, acting without a modal word (a weak subject)
    ['各社区细化完善应急预案', [['各社区']]],
    ['全乡各村用广播播放道路交通安全常识', [['全乡各村']]],
    ['各村(居)精准摸排底数,完善台账', [['各村(居)']]],
    ['提出州级林长每年巡林不少于1次', [['州级林长']]],
    ['通知指出,山西省将用两年时间开展燃气行业安全专项整治', [['山西省']]],
    ['其中,四川将建设19个秸秆综合利用重点县', [['四川']]],
    ['督导组强调,眉山市要认真贯彻落实', [['眉山市']]],
    // what each level mainly does: "设区市主要开展…，乡镇主要开展…"
    ['乡镇主要开展灯光篮球场建设', [['乡镇']]],
    // whom a request asks ends before a frame or an adverb, and not inside a word ("组织")
    ['会议要求各站所(部门)结合各自部门实际,抓好安全生产', [['各站所(部门)']]],
    ['并要求各社区迅速组织人员对偏街小巷进行打扫', [['各社区']]],
    ['各单位今后要按月报送进展', [['各单位']]],
    ['被检省份医保局在收到书面反馈意见和移交资料30个工作日内完成整改', [['被检省份医保局']]],
    ['实行领导带班值班制度,护林员在森林防火期要坚持全天候巡山护林', [['护林员']]],
    // "配合部门" names the units that cooperate
    ['各牵头部门、配合部门要将每天的检查情况及时报送区安委办', [['各牵头部门', '配合部门']]],
    // an adverb between the subject and its verb
    ['各乡镇及各村委充分利用横幅、标语、宣传车等引导群众抢收抢种', [['各乡镇', '各村委']]],
    ['各村居紧紧围绕活动要求,认真落实工作任务', [['各村居']]],
    // a list of units running across a comma
    ['各地、各专委会,各安委会成员单位和相关责任单位要切实落实安全生产责任', [['各地', '各专委会', '各安委会成员单位', '相关责任单位']]],
    ['各中小学,幼儿园(含民办)于6月30日之前将自查情况报区教育局', [['各中小学', '幼儿园(含民办)']]],
    // …but not a phrase with a verb in it
    ['相关部门根据职责任务,包联重点学校、幼儿园,各地也要落实重点部位防范措施', [['相关部门'], ['各地']]],
    // a time before the subject ("此次", "汛前"), a generic tail closing a list before its verb, an act the subject takes
    ['此次省督导组将对全市城镇燃气安全采取明查暗访', [['省督导组']]],
    ['鉴定为三类坝的水库,汛前设区市水利局要将它们统计上报', [['设区市水利局']]],
    ['会议要求商务局、公安局、工商局等单位组成两个联合执法组', [['商务局', '公安局', '工商局']]],
    ['请各州市商务局督促企业在系统报送', [['各州市商务局']]],
    ['由安监局指派2名安全技术人员,对集中整治过程中的安全问题进行监督', [['安监局']]],
    // what the subject puts somewhere ("把…放在"), the means it works by ("通过…方式")
    ['会议要求,各职能部门把主要精力放在项目引进上', [['各职能部门']]],
    // "当A…时": the subject of the condition is the one who must act
    ['当银行系统发现异常情况时,应及时通知公安机关进行提示和劝阻', [['银行系统']]],
    ['节前各科室要安排安全生产自查自纠', [['各科室']]],
    ['省联席会议办公室对各地录入情况一日一调度,一周一通报', [['省联席会议办公室']]],
    ['各学校通过短信、微信群等方式,及时发布暴雨动态', [['各学校']]],
    ['同时,主要新闻媒体和新媒体平台将持续推出反诈系列报道', [['主要新闻媒体', '新媒体平台']]],
    // made responsible: "A是…的责任主体，要…"
    ['各相关镇(街)是造林绿化的责任主体,要层层传导压力', [['各相关镇(街)']]],
    ['各地、各部门主要领导是抓落实的第一责任人，要高度重视', [['各地', '各部门主要领导']]],
    // a document cited before the subject, without a comma
    ['根据《计划》各地区要对本地区学校安防工作现状进行统计分析', [['各地区']]],
    // fields written without a suffix in safety and peace-building texts
    ['特别是三合一场所,安监等部门要监管整改到位', [['安监']]],
    ['综治、信访部门要及时化解矛盾纠纷', [['综治', '信访部门']]],
    ['各镇街要组织调动基层力量', [['各镇街']]],
    ['接到报案后，公安机关要立即启动止付流程', [['公安机关']]],
    ['全市反诈联席会议各成员单位，要采取丰富多样的宣传形式', [['全市反诈联席会议各成员单位']]],
    ['各级各部门对此务必认识再提高', [['各级各部门']]],
    ['司法机关建立定期会商机制', [['司法机关']]],
    ['要完善考核体系，各级各有关部门要制定本单位具体方案', [['各级各有关部门']]],
    ['各乡(镇)、居民事务中心:要将宣传工作部署到各村', [['各乡(镇)', '居民事务中心']]],
    ['下一步,魏庄镇结合重点工作向群众宣传反诈常识', [['魏庄镇']]],
    // the speaker's verb is no part of the name: "要求A…" asks A
    ['会议要求各村(社区)利用广播加大秸秆禁烧的宣传力度', [['各村(社区)']]],
    // a point's 要 asks the unit named after it: "一要各村切实做好…"
    ['要各村切实做好农村危房改造工作', [['各村']]],
    // "责令A…" asks A as "要求A…" does
    ['下一步,责令二七区加强督办', [['二七区']]],
    // people named by their post
    ['各村组长和护林员要进一步强化措施落实', [['各村组长', '护林员']]],
    ['会议要求全镇12个村在筑牢思想防线的同时持续推进注册工作', [['全镇12个村']]],
    // "分别进驻3个乡镇开展…" is where the work goes, not who does it
    ['县公安局要抽调精干警力组成工作组,分别进驻3个乡镇开展为期一个月的蹲点指导', [['县公安局']]],
    // schools and hospitals are units too; a time word may stand between the subject and its verb
    ['各中学要会同属地派出所,聘请一名民警担任法治副校长', [['各中学']]],
    ['县职业中专要重点加强对在校学生银行卡使用情况的摸排', [['县职业中专']]],
    // a time of reporting between the subject and its modal word or verb; reporting verbs; 其他 opening a name
    ['各县(市、区)政府、市政府各部门每月10日前要将进展情况报市督查室', [['各县(市、区)政府', '市政府各部门']]],
    ['各县市区市场监督管理局于每月21日前向市局报送工作进展', [['各县市区市场监督管理局']]],
    ['市直各有关单位填报《县级数据上报信息表》', [['市直各有关单位']]],
    ['其他班子成员认真落实“一岗双责”', [['其他班子成员']]],
    ['8月7日前金元村、石宝沟村要完成河道浮漂的打捞工作', [['金元村', '石宝沟村']]],
    // levels written once, the bodies of a field, deputy heads, a point or a flattened heading before the subject
    ['市经信局、各县、市、区政府要加强调度', [['市经信局', '各县、市、区政府']]],
    ['各市(州)、县(市、区)人民政府要加快推进规划编制', [['各市(州)、县(市、区)人民政府']]],
    ['教体系统要用好会商新机制', [['教体系统']]],
    ['各位副市长要督促分管部门抓好整改', [['各位副市长']]],
    // a unit that sets something up, pledges or works together; a working group; who an inspection team asks
    ['街道办成立专项督导小组,对各社区推广落实情况开展监督检查', [['街道办']]],
    ['镇派出所承诺每周学生上学放学期间投入警力', [['镇派出所']]],
    ['各部门协力做好安全管理规范化乡镇创建工作', [['各部门']]],
    ['縣市場監管局負責各自職能領域內涉及養老詐騙線索的摸排收集', [['縣市場監管局']]],
    ['督查组要求南山街道孤岛社区、新元社区立即进行全面整改', [['南山街道孤岛社区', '新元社区']]],
    // a unit's own 各负其责; the bodies in charge of rivers and lakes
    ['各成员单位和各镇办各负其责,在城区重点路段设置宣传牌', [['各成员单位', '各镇办']]],
    ['乡(镇)级河湖长要每月巡查不少于1次', [['乡(镇)级河湖长']]],
    ['尹主任强调:一是各楼院要成立工作小组', [['各楼院']]],
    ['(五) 切实加强动态报告工作 环保专项行动领导小组办公室要确定专人负责', [['环保专项行动领导小组办公室']]],
    ['各社区每月组织不少于2场反诈宣讲活动', [['各社区']]],
    // an adverb before the modal word; a verb ending in 办 after 要求 is no unit
    ['镇内三大通讯运营商也将推送识骗防骗短信,要求新办电话卡用户签订承诺书', [['镇内三大通讯运营商']]],
    // sectors of an industry, with the generic tail "等重点行业领域"; a request ("请各牵头单位要…")
    ['金融、通信、互联网、寄递业、货运业等重点行业领域要严格履行监管责任', [['金融', '通信', '互联网', '寄递业', '货运业']]],
    ['请各牵头单位要严格按照任务分工,对工作任务进行再细化', [['各牵头单位']]],
    // a unit asked to act ("要求A进行…"): the name stops before the verb
    ['会议通报了暗访情况,要求各乡镇(街道)进行自查自纠', [['各乡镇(街道)']]],
    // after the plan it follows or the aim it serves
    ['按照攻坚战役行动计划,联席会议各成员单位要逐一细化工作任务', [['联席会议各成员单位']]],
    ['排查梳理阶段:城建办、农办、派出所(交通中队)、消防站等部门要明确职责', [['城建办', '农办', '派出所(交通中队)', '消防站']]],
    ['要求各相关单位认真落实省市县工作部署', [['各相关单位']]],
    ['各校要将安全排查情况于9月30日前形成书面材料', [['各校']]],
    // a list of duties after a colon
    ['会议进一步压实各部门职责:住建局统筹协调全局,督促燃气企业落实主体责任', [['住建局']]],
    // the modal word after the whole name, not the 要 inside 主要
    ['各主要责任单位要对照目标任务,充分协调其他责任单位', [['各主要责任单位']]],
    ['同时希望各相关部门要强化宣传,在人流聚集区设立宣传点', [['各相关部门']]],
    ['各行政村、各责任主体要切实提高安全意识', [['各行政村', '各责任主体']]],
    ['各地各部门一定要切实加大平安建设宣传力度', [['各地各部门']]],
    // an adverb or "对…进行" between the subject and its act
    ['各地公安部门严格落实校园周边“高峰勤务”制度', [['各地公安部门']]],
    ['国土所对地质灾害点及重点部位进行山洪预警监测', [['国土所']]],
    ['工作专班要结合整治工作推进情况每周组织会商研判', [['工作专班']]],
    ['宣传部门和新闻媒体要统筹安排宣传工作', [['宣传部门', '新闻媒体']]],
    // a speaker's verb, a time ahead or a year right before the subject, without a comma
    ['会上,朱辉荣强调区委宣传部要发挥带头引领作用', [['区委宣传部']]],
    ['下阶段市政府办公厅将进一步加大督查考核力度', [['市政府办公厅']]],
    ['会议原则通过后要求,下步各有关部门要严格落实', [['各有关部门']]],
    ['2019年各地食安办要完成三项硬任务', [['各地食安办']]],
    ['节假日期间各部门(系部)值班人员应坚守岗位', [['各部门(系部)值班人员']]],
    // from when the subject starts, between it and its act
    ['各系部从本周起全面开展安全隐患自查整改工作', [['各系部']]],
    // where the subject must act, between it and its modal word
    ['会议要求,各镇(区、街道)、县有关部门思想上要高度重视,坚持协同推进', [['各镇(区、街道)', '县有关部门']]],
    // a bare kind of body opening the clause acts; after a verb it is the public
    ['学校在校园宣传栏内张贴有关的宣传资料', [['学校']]],
    ['社区根据目标任务数,制定安装推进工作计划', [['社区']]],
    // a request: "请A…" asks A, whatever verb follows; 聘请/报请 do not
    ['请各校认真贯彻执行,并做好宣传工作', [['各校']]],
    ['请各乡镇人民政府于每月28日前报送进展情况', [['各乡镇人民政府']]],
    // what the subject works by or within ends its name as a modal word does
    ['镇综治办按照职责与任务分工,结合本单位实际,制定宣传方案', [['镇综治办']]],
    ['各学校在宣传周内组织召开一次反诈主题班会', [['各学校']]],
    ['各相关部门根据职能职责和任务分工,制定具体实施方案', [['各相关部门']]],
    ['各分局对照方案,开展全面排查', [['各分局']]],
    // people named by their post do the work too
    ['网点工作人员应严格按照“开卡6步走”落实客户尽职调查制度', [['网点工作人员']]],
    ['各宣讲员每周开展防诈“面对面”宣讲活动', [['各宣讲员']]],
    ['支部书记要做好村工作谋划', [['支部书记']]],
  ])('%s', (clause, owners) => {
    expect(subjects(clause)).toEqual(owners);
  });

  it('reads the unit whose proposal minutes approve as the owner', () => {
    expect(findApprovedFrom('会议原则同意区人防办提交的改造方案,要求根据会议审议意见作进一步修改完善')).toEqual({ lead: ['区人防办'], cooperating: [] });
    expect(findApprovedFrom('会议同意区政府办、农业局、发改局提出的人事任免事项')).toEqual({ lead: ['区政府办', '农业局', '发改局'], cooperating: [] });
    expect(findApprovedFrom('会议同意县农业农村局拟草并经合法性审查的《现代农业园区管理办法》')).toEqual({ lead: ['县农业农村局'], cooperating: [] });
    expect(findApprovedFrom('会议同意上述意见')).toBeNull();
  });

  it.each(['按照“十个要”要求,规范处置预警线索', '根据通用责任清单要求,进一步细化公开责任事项', '党政主要负责同志要经常调度', '企业安装率要达到100%', '将反诈宣传纳入各单位普法重要内容', '尽快形成“党政领导、公安牵头、部门共治”的格局', '联合县总工会,组织辖区规模以上企业开展反诈培训', '宣传要更接地气', '报请县政府审定后印发', '打击要更加精准', '联席会议成员单位负责人及联络员参加座谈会', '积极配合公安机关开展涉诈线索核查', '第一级反电诈体系由区政府办公室牵头,组建工作专班', '发动社会相关部门开展专项行动', '鼓励科研机构做好本地科技成果转化', '宣传务必覆盖每一位学生家长', '要求每一位中小学生人人能说出六个不要', '协助各村开展反电诈APP下载注册工作', '主要领导负总责亲自调度', '市住建局作为市城乡燃气专委会牵头单位,详细解读了排查整治任务', '全面落实市委、市政府要求,进一步夯实安全生产工作基础', '以老旧小区、城乡结合部等重点场所开展排查', '形成同频共振工作格局', '成立工作督查专班,全面开展排查摸底工作', '办理新入网业务的,必须签订公安局统一制定的告知书', '随时报送省局在大检查中的好做法', '群众在办理业务时要提高警惕', '重点人员按照要求登记', '同时会同县直有关部门和企业在行政办公中心悬挂标语', '贫困村安排的年度项目基本竣工', '要服从社区安排', '要加强宣传', '城市政府主要负责人是第一责任人', '大中城市要率先推行', '超市要张贴宣传海报', '深刻认识整县推进高标准农田建设的重要性'])('%s has no unit as subject', (clause) => {
    expect(subjects(clause)).toEqual([]);
  });

  it('marks a subject acting without a modal word as weak, and reads it only where the clause opens', () => {
    expect(findSubjects('各社区细化完善应急预案')[0]).toMatchObject({ owners: ['各社区'], modal: null, weak: true });
    expect(findSubjects('各社区要细化完善应急预案')[0].weak).toBeUndefined();
    expect(findSubjects('发挥环境监督长制度,各部门做到信息共享')).toEqual([]);
    // (not a name cut out of a list it opens)
    expect(findSubjects('各村(居)委会、“河长制”各责任单位要履行好职责').flatMap((s) => s.owners)).not.toContain('各村(居)委');
    expect(findSubjects('各级河湖长及全体河湖管护员要注重巡查工作实效').flatMap((s) => s.owners)).not.toContain('各级');
    expect(findSubjects('各相关办线、站所、行政村对照整治内容对沿街商铺开展地毯式排查').flatMap((s) => s.owners)).not.toContain('各相关办');
  });

  it('tells the modal word, so "A将…" can announce the owner of what follows', () => {
    expect(findSubjects('下一步,全市公安机关将在人大的监督下推进工作')[0]).toMatchObject({ owners: ['全市公安机关'], modal: '将' });
  });
});

describe('framesSubject: what before a first subject only frames it', () => {
  it.each([
    ['针对当前正在开展的排查整治,', true],
    ['宣传阶段为2017年12月1日至12月10日,', true],
    ['2022年1月至10月,', true],
    ['整治阶段:2017年12月11日至2018年1月31日,', true],
    ['强化队伍建设,', false],
    ['宣传阶段为2017年12月1日至12月10日,完成摸底,', false],
  ])('%s → %s', (before, frames) => {
    expect(framesSubject(before)).toBe(frames);
  });
});

describe('findSigner: who signs a reply', () => {
  it.each([
    ['…逐步实施。\n谢谢!\n蓬溪县交通运输局\n2021年7月16日', ['蓬溪县交通运输局']],
    ['…联系人:XXX\n主办单位:县教育局\n会办单位:县交通运输局', ['县教育局']],
    // the unit ends where the line goes on to who heads it
    ['…欢迎提出更多宝贵意见。\n承办单位:清原满族自治县住房和城乡建设局 单位负责人: 二〇二二年八月三十日', ['清原满族自治县住房和城乡建设局']],
    ['…下一步将加快推进。\n2025年6月4日', null],
  ])('%j → %j', (text, owners) => {
    expect(findSigner(text)).toEqual(owners);
  });
});

describe('findIssuer: whose plan a title says it is', () => {
  it.each([
    ['教育部2019年工作要点\n一、…', ['教育部']],
    ['二道区应急局2026年工作计划', ['二道区应急局']],
    ['文广旅局2023年工作谋划\n2023年,我县文旅工作将…', ['文广旅局']],
    ['县商务局2022年工作思路', ['县商务局']],
    ['XX市2023年教育工作要点', ['XX市']],
    ['2023年章镇镇政府主要工作安排和任务分解', ['章镇镇政府']],
    // a year spaced out, a month's plan in a report's title
    ['佳木斯市 2023 年社会信用体系建设工作要点', ['佳木斯市']],
    ['濉溪县2024年5月份土壤污染防治工作情况及2024年6月份工作计划', ['濉溪县']],
    ['2025年全市打击治理电信网络诈骗工作要点', null],
    ['关于印发《芜湖市教育局2024年工作要点》的通知', null],
    ['泗洲头镇2024年度重点工作计划二季度执行情况', null],
    ['乡镇重点工作安排', null],
  ])('%j → %j', (text, owners) => {
    expect(findIssuer(text)).toEqual(owners);
  });
});

describe('antecedentOf: the unit a "我局" or "该行" stands for', () => {
  it.each([
    ['7月31日,县国土资源局组织召开了专题会。会上明确,下一步我局将会同相关部门开展核查。', '我局', '县国土资源局'],
    ['为推进治理工作,工行金东支行及时组织推进会。该行要求各网点加强宣传。', '该行', '工行金东支行'],
    ['孙国庆委员发言。我委将持续推进。', '我委', null],
    ['会议要求各单位加强宣传。我局将汇总上报。', '我局', null],
    // a district or a city referring to itself, as a unit does
    ['上海市普陀区民防办印发试鸣方案。人口疏散演练以我区防空袭行动方案为基准', '我区', '上海市普陀区'],
    // not a county cut out of its party committee's name (都昌县委县政府)
    ['都昌县委县政府高度重视。伍旭东要求,我县要进一步提高思想认识', '我县', null],
  ])('%s (%s) → %s', (text, word, unit) => expect(antecedentOf(word, text, text.lastIndexOf(word))).toBe(unit));
});

describe('findAddressee: whom a lead to points addresses', () => {
  it.each([
    ['检查组向各基础电信企业通报了存在问题,并提出三点要求:', ['各基础电信企业']],
    ['督导组对市市场监管局提出如下要求：', ['市市场监管局']],
    ['会议强调：', null],
    ['向群众发放宣传资料，并提出以下建议：', null],
    // the units named right before the colon
    ['会议要求,全县各镇(街)、各专委会成员单位:', ['全县各镇(街)', '各专委会成员单位']],
    ['会议强调,要做好以下工作:', null],
    ['最后,会议通报了2025年度罗湖区物业服务评价结果,督促物业服务企业:', ['物业服务企业']],
  ])('%s → %j', (lead, owners) => {
    expect(findAddressee(lead)).toEqual(owners);
  });
});

describe('supportedUnit: "A要配合B做…" is B\'s work', () => {
  it.each([
    ['应当配合电信部门及时向公众提示诈骗手段', ['电信部门']],
    ['应协助公安机关迅速冻结和查询涉案账户', ['公安机关']],
    ['要积极配合政法部门开展止付冻结、追赃挽损等工作', ['政法部门']],
    ['将配合中庆燃气公司在辖区内做到燃气入户安检全覆盖', ['中庆燃气公司']],
    ['要配合有关部门对养老服务领域自建房安全情况进行初步判定', ['有关部门']],
    ['要帮助天露公司、天兴奶牛养殖场等企业解决用地问题', ['天露公司', '天兴奶牛养殖场']],
    // after a comma: "同时,协助B…"
    ['同时,协助县国土资源局完成桥西村新增商铺征迁工作', ['县国土资源局']],
    // a name qualifying a person, an activity helped, or help given "well", names no lead
    ['将积极协助燃气公司派驻的专职工作人员做好入户安检', null],
    ['要全力配合开学工作,加强物资保障', null],
    ['积极配合好5个老旧小区改造工作的顺利完成', null],
    ['要加强对校园周边的巡逻,配合学校做好安全教育', null],
  ])('%s → %j', (after, lead) => {
    expect(supportedUnit(after)).toEqual(lead);
  });
});

describe('partnersAfter: partners named right after the subject cooperate', () => {
  it.each([
    ['会同人民银行县支行，督促辖区各银行网点加强开户审核', '要', ['人民银行县支行']],
    ['联合司法所，利用赶集日开展集中宣传', '要', ['司法所']],
    // the partner it works with, named right after the subject
    ['与公安部门密切合作,建立良好的联络机制。', '要', ['公安部门']],
    // a list closed by 等单位 and where they go
    ['联合派出所、中心校、市监所、卫生院等单位到各单位开展食品安全检查', '牵头', ['派出所', '中心校', '市监所', '卫生院']],
    ['会同各街道建立预警信息分级处置机制', '要', ['各街道']],
    ['会同各区人民政府，建立预警信息分级推送机制', '要', ['各区人民政府']],
    ['积极会同相关部门、乡镇开展现场核查', '将', ['相关部门', '乡镇']],
    ['，市通信管理局、人民银行市分行配合，开展新一轮“断卡”行动', '牵头', ['市通信管理局', '人民银行市分行']],
    ['、各乡镇场配合,认真做好水源地的巡查', '牵头', ['各乡镇场']],
    // the units a step is to be finished with
    ['于7月11日前与县供电公司完成衔接', '负责', ['县供电公司']],
    // "联合" before a thing made, a number in it, or "B配合" after a subject that does not lead: none
    ['联合制作反诈公益短视频不少于20部，9月30日前播放', '要', []],
    ['，市通信管理局配合，开展排查', '要', []],
    ['加强开户审核，严防新开账户流入犯罪团伙', '要', []],
    // partners named with the help they give
    ['发挥好打击电诈犯罪“主力军”作用,在银行、三大电信运营商的全力配合下,加强资金链治理', '要', ['银行', '三大电信运营商']],
    ['立足本职,进一步联合区教育局、各高校持续开展反诈宣传', '将', ['区教育局', '各高校']],
    // partners before any act the list ends at, after 与 right after the modal word, or asked to help by 协调
    ['会同属地街镇督促燃气企业与各小区居委做好宣传', null, ['属地街镇']],
    ['与教育部门加强联系,引导家长认识教育孩子', '将', ['教育部门']],
    ['协调水利、住建、自然资源等部门对易溺水区域开展排查', '将', ['水利', '住建', '自然资源']],
    ['组织力量联合派出所、司法所开展排查', '要', ['派出所', '司法所']],
    // the units the subject works with, anywhere in the clause
    ['积极加强与公安机关沟通协作,加强涉案账户分析', null, ['公安机关']],
    ['加强与城管、住建等部门工作联动,做好积水路段抽排', null, ['城管', '住建']],
    ['要加强与相关单位的协调沟通,通力合作', null, ['相关单位']],
    ['要会同配合单位按照“定量化”原则,细化任务', '要', ['配合单位']],
    ['要会同国家助学贷款经办银行有效落实免息政策', '要', ['国家助学贷款经办银行']],
    ['做好勘探设计,针对问题要及时与相关部门沟通协商', '要', ['相关部门']],
    ['督促燃气企业与各小区居委做好宣传', '要', []],
    // the bodies concerned that the subject convenes; a named body it organises is what the work is about
    ['组织相关部门对环保目标任务完成情况进行考评', '将', ['相关部门']],
    ['牵头组织相关成员单位对县域内用工单位开展检查', '要', ['相关成员单位']],
    ['坚持每周一调度,召集有关部门认真梳理', '要', ['有关部门']],
    ['牵头组织各基础电信企业,对物联网卡开展专项检查', '要', []],
    ['组织相关部门的负责同志参加培训', '要', []],
    // the helpers named in the clause's last part, however the subject was asked
    ['进一步完善预警劝阻机制，6月底前实现处置率达到95%以上，东湖街道、西山镇配合做好上门劝阻', '要', ['东湖街道', '西山镇']],
    ['组织辖内银行机构开展涉诈账户排查，4月30日前完成核查，市公安局配合。', '牵头', ['市公安局']],
    ['在9月开学前完成全市中小学反诈教育课全覆盖，市公安局派员配合授课。', '负责', ['市公安局']],
    // (not helpers with a step of their own after them, nor words that name no unit)
    ['完成排查，市公安局配合，市通信管理局负责通报。', '牵头', []],
    ['完成排查，积极主动配合。', '要', []],
  ])('%s', (after, modal, partners) => {
    expect(partnersAfter(after, modal)).toEqual(partners);
  });
});

describe('findSubjects: whom a request asks to lead', () => {
  it('takes the lead word with the name, so the partners after it cooperate', () => {
    const clause = '会议要求市公安局牵头，各镇街、各通信运营商配合，年底前安装注册率达到60%以上。';
    const [subject] = findSubjects(clause);
    expect(subject).toMatchObject({ owners: ['市公安局'], modal: '牵头' });
    expect(partnersAfter(clause.slice(subject.end), subject.modal)).toEqual(['各镇街', '各通信运营商']);
    expect(findSubjects('会议要求各村迅速组织排查。')[0]).toMatchObject({ owners: ['各村'], modal: null });
  });
});

describe('findLedBy: "由A牵头，B配合"', () => {
  it('reads lead and cooperating owners', () => {
    expect(findLedBy('由市公安局牵头，市通信管理局、人民银行配合，建立联合机制')).toEqual({ lead: ['市公安局'], cooperating: ['市通信管理局', '人民银行'] });
    expect(findLedBy('由镇综治办牵头，建立联席会议')).toEqual({ lead: ['镇综治办'], cooperating: [] });
    expect(findLedBy('建立联席会议')).toBeNull();
  });

  it('reads an adverb before the verb: "由A具体负责…"', () => {
    expect(findLedBy('由创建办具体负责杨柳街道6个点位的达标工作')).toEqual({ lead: ['创建办'], cooperating: [] });
    expect(findLedBy('由县财政局统一负责资金拨付')).toEqual({ lead: ['县财政局'], cooperating: [] });
    expect(findLedBy('由南溪镇、北塘街道具体落实')).toEqual({ lead: ['南溪镇', '北塘街道'], cooperating: [] });
  });

  it('reads "由A指派/选派/抽调/组成…" as A carrying the step out', () => {
    expect(findLedBy('由安监局指派2名安全技术人员,对整治过程进行监督')).toEqual({ lead: ['安监局'], cooperating: [], incidental: true });
    expect(findLedBy('由校有关职能部门组成联合检查组,对各单位办公用房进行检查')).toEqual({ lead: ['校有关职能部门'], cooperating: [], incidental: true });
  });

  it('reads "由A配合B…" as B\'s work with A\'s help', () => {
    expect(findLedBy('由社区综合服务中心配合区住建局完成45个物业小区的整治')).toEqual({ lead: ['区住建局'], cooperating: ['社区综合服务中心'] });
    expect(findLedBy('由综合执法办公室协助区综合行政执法局开展拆除工作')).toEqual({ lead: ['区综合行政执法局'], cooperating: ['综合执法办公室'] });
  });

  it('reads who carries a step out ("由A推送") as incidental: a note closing the item names the owners instead', () => {
    expect(findLedBy('承诺书及践诺情况由审批部门推送至信用平台')).toEqual({ lead: ['审批部门'], cooperating: [], incidental: true });
  });
});
