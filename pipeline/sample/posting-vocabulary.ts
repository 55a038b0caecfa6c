/**
 * Words the synthetic job postings are made of, per industry: job titles, employer name nouns and
 * the platform's industry categories. They are written as a recruitment site would show them, not
 * from the classification rules; a test checks that data/reference/posting_rules.csv classifies
 * them, except the titles listed as unknown (new titles the rules do not know yet) and the
 * generic ones (普工, 导购 …) that no rule can place without the employer or the hint. Real
 * postings also read harder: cross-cutting titles (an IT or warehouse job at any employer) and
 * campaign text around the title (急招…（包吃住）); the generator draws those too.
 */

export interface IndustryWords {
  /** Titles the rules should classify to this industry. */
  titles: string[];
  /** Titles of this industry that the rules do not know (yet): they surface as unclassified. */
  unknownTitles: string[];
  /** Nouns in employer names that say the industry, e.g. 重庆恒润【制药】有限公司. */
  employerNouns: string[];
  /** The platform's category for employers of the industry. */
  hints: string[];
}

export const INDUSTRY_WORDS: Record<string, IndustryWords> = {
  auto_nev: {
    titles: ['汽车装配工', '新能源汽车维修技师', '汽车检测员', '三电系统装调工', '智能网联测试员', '汽车销售顾问', '汽车电子装调工'],
    unknownTitles: ['整车下线员'],
    employerNouns: ['汽车', '汽车零部件'],
    hints: ['汽车/摩托车'],
  },
  electronics: {
    titles: ['芯片封装测试员', 'SMT贴片操作员', '显示面板工艺员', '手机组装工', '电子装配工', '通信设备调试员', '电子产品检验员'],
    unknownTitles: ['光刻机台员'],
    employerNouns: ['电子', '光电', '半导体'],
    hints: ['电子技术/半导体/集成电路'],
  },
  advanced_materials: {
    titles: ['铝合金压铸工', '复合材料成型工', '正极材料工艺员', '材料检测员'],
    unknownTitles: ['碳纤维铺层工'],
    employerNouns: ['新材料', '材料'],
    hints: ['原材料和加工'],
  },
  smart_manufacturing: {
    titles: ['数控车工', '工业机器人运维员', '机器人操作员', '智能产线调试员', '机电设备维修工', '装备装配钳工', 'PLC编程员'],
    unknownTitles: ['设备点检员'],
    employerNouns: ['智能装备', '机械', '精密制造'],
    hints: ['机械/设备/重工'],
  },
  software: {
    titles: ['Java开发工程师', '前端开发', '软件测试员', '运维工程师', 'IT技术支持', '网络安全员', '云计算运维', '工业软件实施'],
    unknownTitles: ['低代码实施顾问'],
    employerNouns: ['软件', '信息技术', '网络科技'],
    hints: ['计算机软件', 'IT服务'],
  },
  food: {
    titles: ['食品加工操作工', '火锅底料生产工', '冷链配送员', '食品检验员', '农产品采购员'],
    unknownTitles: ['卤制品包装工'],
    employerNouns: ['食品', '调味品', '农业开发'],
    hints: ['快速消费品(食品/饮料)'],
  },
  biomedicine: {
    titles: ['药品生产操作工', '制剂工', '医疗器械装配工', '药品质检员', '医药代表', '临床研究协调员'],
    unknownTitles: ['洁净区灌装工'],
    employerNouns: ['制药', '医药', '生物'],
    hints: ['制药/生物工程', '医疗设备/器械'],
  },
  new_energy: {
    titles: ['光伏组件操作工', '风电场运维员', '储能电池装配工', '动力电池工艺员', '充电桩安装工', '变电站值班员', '氢能设备操作员'],
    unknownTitles: ['换电站运营员'],
    employerNouns: ['新能源', '储能', '电力'],
    hints: ['新能源', '电气/电力/水利'],
  },
  ai: {
    titles: ['数据标注员', '人工智能训练师', '算法工程师助理', '智算中心运维员', '机器视觉应用工程师', '大模型评测员'],
    unknownTitles: ['提示词工程师'],
    employerNouns: ['人工智能', '人工智能科技'],
    hints: ['人工智能'],
  },
  low_altitude: {
    titles: ['无人机飞手', '无人机驾驶员', '无人机装调工', '无人机维修员', '航空零部件加工', '低空通信保障员', '通航机务员'],
    unknownTitles: ['飞控调参员', 'eVTOL地勤'],
    employerNouns: ['无人机', '通用航空'],
    hints: ['航空/航天'],
  },
  modern_logistics: {
    titles: ['快递分拣员', '仓管员', '货车司机', '物流调度员', '供应链专员'],
    unknownTitles: ['跟车配送员'],
    employerNouns: ['物流', '供应链', '快递'],
    hints: ['交通/运输/物流'],
  },
  culture_tourism: {
    titles: ['导游', '酒店前台', '中餐厨师', '餐厅服务员', '新媒体运营', '短视频剪辑'],
    unknownTitles: ['剧本杀主持人'],
    employerNouns: ['旅游', '酒店', '餐饮', '文化传媒'],
    hints: ['酒店/旅游', '餐饮业', '文字媒体/出版'],
  },
  health_care: {
    titles: ['护士', '医学检验技师', '康复治疗师', '养老护理员', '育婴师'],
    unknownTitles: ['陪诊师'],
    employerNouns: ['医院', '养老', '健康管理'],
    hints: ['医疗/护理/卫生', '养老服务'],
  },
  construction: {
    titles: ['施工员', '钢筋工', '造价员', 'BIM建模员', '资料员', '物业设备维修工'],
    unknownTitles: ['幕墙安装工'],
    employerNouns: ['建设', '建筑', '建工'],
    hints: ['建筑/建材/工程'],
  },
};

/** Titles any industry posts that say nothing about the industry, short ones as BOSS直聘 shows them among them. */
export const GENERIC_TITLES = [
  '普工', '操作工', '储备干部', '管培生', '综合文员', '业务员', '销售代表', '学徒工', '质检员', '技术员', '导购', '城市经理', '店长', '跟单',
];

/**
 * Titles any industry posts that name a trade of their own (IT, warehousing): a rule knows them,
 * but the posting belongs to the employer's industry when the employer or the hint says one.
 */
export const CROSS_CUTTING_TITLES = ['大数据开发工程师', 'Java开发工程师', '算法工程师', '仓管员', 'Python开发'];

/** Campaign text sites put around a title ({} is the title); none of it says the industry. */
export const CAMPAIGN_FORMS = ['急招{}', '{}（包吃住）', '诚聘{}+五险一金', '{} 5-8K', '高薪直招{}双休'];

/**
 * A posting's title from three uniform draws in [0, 1): the kind of title (generic, cross-cutting,
 * unknown or the industry's own, in the profile's shares), which one, and whether and how campaign
 * text surrounds it.
 */
export function titleOf(draws: readonly [number, number, number], own: Pick<IndustryWords, 'titles' | 'unknownTitles'>,
  profile: { genericTitleShare: number; crossCuttingTitleShare: number; unknownTitleShare: number; campaignShare: number },
  lists: { generic: readonly string[]; crossCutting: readonly string[] } = { generic: GENERIC_TITLES, crossCutting: CROSS_CUTTING_TITLES }): string {
  const [kind, which, wrap] = draws;
  const { genericTitleShare: g, crossCuttingTitleShare: c, unknownTitleShare: u } = profile;
  const titles = kind < g ? lists.generic : kind < g + c ? lists.crossCutting
    : kind < g + c + u && own.unknownTitles.length ? own.unknownTitles : own.titles;
  const title = titles[Math.floor(which * titles.length)];
  if (wrap >= profile.campaignShare) return title;
  return CAMPAIGN_FORMS[Math.floor((wrap / profile.campaignShare) * CAMPAIGN_FORMS.length)].replace('{}', title);
}

/** Employer nouns that say nothing about the industry (holding companies, staffing agencies). */
export const GENERIC_EMPLOYER_NOUNS = ['实业', '科技', '人力资源服务', '企业管理'];

/** Platform categories that say nothing about the industry. */
export const GENERIC_HINTS = ['其他', '人力资源服务'];

/** Invented trade names (字号) for employer names: 重庆 + trade name + noun + 有限公司. */
export const TRADE_NAMES = [
  '恒润', '嘉陵', '瑞丰', '华渝', '鼎新', '长嘉', '渝川', '金山', '宏达', '博远', '云岭', '融创',
  '新桥', '天府', '德信', '汇通', '盛和', '巴渝', '两江', '江峰', '青木', '启明', '东升', '永兴',
  '合力', '锦程', '百川', '众诚', '丰源', '中邦', '卓越', '翔宇', '星辰', '海纳', '万里', '祥瑞',
];
