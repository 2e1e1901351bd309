/**
 * Word tables for name normalisation: legal forms, generic company words with their English rendering,
 * and a gazetteer of Chinese provinces and large cities. Chinese entries are in simplified script; the
 * normaliser converts traditional text before it looks anything up.
 */

/**
 * Latin legal-form tokens (after lower-casing and punctuation removal), dropped from the core of an
 * organisation's name. Multi-token forms (`sociedad anonima`) are dropped token by token.
 */
export const LEGAL_LATIN: ReadonlySet<string> = new Set(
  (
    "co company ltd limited inc incorporated llc corp corporation gmbh sa sarl srl sasu sas spa ag nv bv plc " +
    "pty pvt private pte jsc ojsc pjsc cjsc llp lp kk oy ab as sro sdn bhd ooo oao zao ao pao tov ltda " +
    "sociedad anonima cooperatief ua group bhd mbh kg eood ead sp zoo doo dd ad " +
    "youxian gongsi youxiangongsi gufen jituan zeren"
  ).split(" "),
);

/**
 * Chinese legal forms, longest first so that the longest applies (`股份有限公司` before `有限公司`).
 * Each maps to the Latin tokens it corresponds to in English names (for display only).
 */
export const LEGAL_HAN: readonly string[] = [
  "集团股份有限公司",
  "集团有限责任公司",
  "股份有限公司",
  "有限责任公司",
  "集团有限公司",
  "控股有限公司",
  "有限公司",
  "股份公司",
  "集团公司",
  "株式会社",
  "总公司",
  "分公司",
  "集团",
  "公司",
].sort((a, b) => b.length - a.length);

/**
 * Generic words of Chinese company names and their usual English rendering, so that `华为技术` and
 * `Huawei Technologies` meet. Canonical tokens are those of {@link SYNONYMS}.
 */
export const GLOSS_HAN: Readonly<Record<string, string>> = {
  技术: "technology",
  科技: "technology",
  高科技: "hightech",
  高新技术: "hightech",
  信息技术: "information technology",
  信息: "information",
  数字: "digital",
  数码: "digital",
  软件: "software",
  软体: "software",
  资讯: "information",
  网路: "network",
  电脑: "computer",
  通信: "communication",
  通讯: "communication",
  电信: "telecom",
  网络: "network",
  电子: "electronic",
  微电子: "microelectronic",
  光电子: "optoelectronic",
  光电: "optoelectronic",
  半导体: "semiconductor",
  集成电路: "integrated circuit",
  终端: "terminal",
  机器: "machine",
  设备: "equipment",
  装备: "equipment",
  服务: "service",
  投资: "investment",
  控股: "holding",
  管理: "management",
  咨询: "consulting",
  贸易: "trade",
  商贸: "trade",
  商务: "business",
  实业: "industry",
  工业: "industry",
  产业: "industry",
  发展: "development",
  研究所: "research institute",
  研究院: "research institute",
  研究中心: "research center",
  研发中心: "rd center",
  实验室: "laboratory",
  大学: "university",
  学院: "college",
  学校: "school",
  国际: "international",
  海洋: "marine",
  云计算: "cloud computing",
  计算机: "computer",
  智能: "intelligent",
  能源: "energy",
  电气: "electric",
  电力: "power",
  培训: "training",
  航空: "aviation",
  航天: "aerospace",
  船舶: "shipbuilding",
  兵器: "ordnance",
  机械: "machinery",
  材料: "material",
  化工: "chemical",
  物流: "logistics",
  汽车: "automobile",
  金融: "finance",
  银行: "bank",
  系统: "system",
  工程: "engineering",
  仪器: "instrument",
  安全: "security",
  数据: "data",
  机器人: "robot",
  传感: "sensing",
  存储: "storage",
  芯片: "chip",
  无线: "wireless",
  移动: "mobile",
  北方: "north",
  南方: "south",
};

/** Latin words folded to one canonical token (plurals, abbreviations, pinyin of the generic words). */
export const SYNONYMS: Readonly<Record<string, string>> = {
  technologies: "technology",
  technologie: "technology",
  tech: "technology",
  techs: "technology",
  technical: "technology",
  technics: "technology",
  communications: "communication",
  comm: "communication",
  telecommunication: "telecom",
  telecommunications: "telecom",
  telecoms: "telecom",
  electronics: "electronic",
  networks: "network",
  investments: "investment",
  holdings: "holding",
  services: "service",
  laboratories: "laboratory",
  lab: "laboratory",
  labs: "laboratory",
  centre: "center",
  systems: "system",
  industries: "industry",
  industrial: "industry",
  intl: "international",
  optoelectronics: "optoelectronic",
  microelectronics: "microelectronic",
  semiconductors: "semiconductor",
  machines: "machine",
  terminals: "terminal",
  robotics: "robot",
  electricity: "electric",
  electrical: "electric",
  auto: "automobile",
  automotive: "automobile",
  automobiles: "automobile",
  motor: "automobile",
  motors: "automobile",
  robots: "robot",
  chips: "chip",
  univ: "university",
};

/** Words that carry no identity in a name. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  "and",
  "of",
  "the",
  "for",
  "de",
  "do",
  "da",
  "la",
  "y",
  "et",
  "und",
]);

/**
 * Chinese places: `[name, province]`; a province or municipality is its own province. Latin spellings
 * are derived from pinyin, with the exceptions in {@link PLACE_LATIN}.
 */
export const PLACES_HAN: readonly (readonly [string, string])[] = [
  ["中国", "中国"],
  ...(
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 " +
    "贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
  )
    .split(" ")
    .map((p) => [p, p] as const),
  ...(
    [
      ["广东", "深圳 广州 东莞 佛山 珠海 中山 惠州 汕头 江门 湛江"],
      ["浙江", "杭州 宁波 温州 绍兴 嘉兴 金华 台州 湖州"],
      ["江苏", "南京 苏州 无锡 常州 南通 扬州 徐州 镇江 昆山"],
      ["安徽", "合肥 芜湖"],
      ["福建", "福州 厦门 泉州"],
      ["江西", "南昌"],
      ["山东", "济南 青岛 烟台 潍坊 威海"],
      ["河南", "郑州 洛阳"],
      ["湖北", "武汉 宜昌"],
      ["湖南", "长沙 株洲"],
      ["广西", "南宁 桂林"],
      ["海南", "海口 三亚"],
      ["四川", "成都 绵阳"],
      ["贵州", "贵阳 贵安"],
      ["云南", "昆明"],
      ["陕西", "西安"],
      ["甘肃", "兰州"],
      ["青海", "西宁"],
      ["宁夏", "银川"],
      ["新疆", "乌鲁木齐 克拉玛依"],
      ["西藏", "拉萨"],
      ["内蒙古", "呼和浩特 包头 乌兰察布"],
      ["河北", "石家庄 廊坊 保定 唐山 雄安"],
      ["山西", "太原"],
      ["辽宁", "沈阳 大连"],
      ["吉林", "长春"],
      ["黑龙江", "哈尔滨"],
    ] as const
  ).flatMap(([prov, cities]) => cities.split(" ").map((c) => [c, prov] as const)),
];

/** Latin spellings of places that pinyin does not give (or gives ambiguously), as folded token strings. */
export const PLACE_LATIN: Readonly<Record<string, string>> = {
  shaanxi: "陕西",
  "hong kong": "香港",
  hongkong: "香港",
  kowloon: "香港",
  "tsim sha tsui": "香港",
  "sheung wan": "香港",
  macau: "澳门",
  macao: "澳门",
  "inner mongolia": "内蒙古",
  tibet: "西藏",
  harbin: "哈尔滨",
  urumqi: "乌鲁木齐",
  hohhot: "呼和浩特",
  "ulan qab": "乌兰察布",
  wulanchabu: "乌兰察布",
  guian: "贵安",
  "gui an": "贵安",
};

/** Han characters that may follow a place name as an administrative suffix (`深圳市`, `广东省`). */
export const PLACE_SUFFIX = "市省区县";
