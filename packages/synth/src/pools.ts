/**
 * Word pools for the synthetic resume generator. Every person, address and ordinary company here is
 * invented by combining fragments; the only real names are organisations (target company groups and
 * state bodies), which are the subject of the screen.
 */

/** Names of one company group as an employer, weighted, in Chinese and English resumes. */
export interface GroupNames {
  /** Employer names used in Chinese resumes (simplified, traditional, full-width, English, short forms). */
  zh: readonly (readonly [string, number])[];
  /** Employer names used in English resumes. */
  en: readonly (readonly [string, number])[];
  /** Short name used when the company is mentioned as a customer, supplier or brand. */
  shortZh: string;
  shortEn: string;
}

/** Company groups: any of them can be the target; the others form part of the non-target population. */
export const GROUPS: Readonly<Record<string, GroupNames>> = {
  huawei: {
    zh: [
      ["华为技术有限公司", 40],
      ["华为终端有限公司", 6],
      ["海思半导体有限公司", 4],
      ["深圳市海思半导体有限公司", 3],
      ["海思", 1],
      ["華為技術有限公司", 3],
      ["ＨＵＡＷＥＩ", 2],
      ["华为", 10],
      ["上海华为技术有限公司", 4],
      ["华为海洋网络有限公司", 2],
      ["华为云计算技术有限公司", 5],
      ["Huawei Technologies Co., Ltd.", 3],
      ["HiSilicon", 1],
    ],
    en: [
      ["Huawei Technologies Co., Ltd.", 40],
      ["Huawei", 15],
      ["Huawei Technologies", 8],
      ["HiSilicon", 6],
      ["Futurewei Technologies", 8],
      ["Huawei Device Co., Ltd.", 4],
      ["ＨＵＡＷＥＩ", 1],
    ],
    shortZh: "华为",
    shortEn: "Huawei",
  },
  zte: {
    zh: [
      ["中兴通讯股份有限公司", 10],
      ["中兴通讯", 5],
      ["深圳市中兴微电子技术有限公司", 2],
      ["中興通訊股份有限公司", 1],
    ],
    en: [
      ["ZTE Corporation", 5],
      ["ZTE", 3],
    ],
    shortZh: "中兴",
    shortEn: "ZTE",
  },
  hikvision: {
    zh: [
      ["杭州海康威视数字技术股份有限公司", 10],
      ["海康威视", 5],
      ["杭州海康威视系统技术有限公司", 2],
    ],
    en: [
      ["Hikvision", 5],
      ["Hangzhou Hikvision Digital Technology Co., Ltd.", 3],
    ],
    shortZh: "海康威视",
    shortEn: "Hikvision",
  },
  dahua: {
    zh: [
      ["浙江大华技术股份有限公司", 10],
      ["大华股份", 3],
    ],
    en: [
      ["Dahua Technology", 5],
      ["Zhejiang Dahua Technology Co., Ltd.", 3],
    ],
    shortZh: "大华股份",
    shortEn: "Dahua",
  },
  bytedance: {
    zh: [
      ["北京字节跳动科技有限公司", 10],
      ["字节跳动", 6],
      ["抖音", 1],
    ],
    en: [
      ["ByteDance", 6],
      ["TikTok", 2],
    ],
    shortZh: "字节跳动",
    shortEn: "ByteDance",
  },
  iflytek: {
    zh: [
      ["科大讯飞股份有限公司", 10],
      ["科大讯飞", 5],
    ],
    en: [["iFLYTEK", 5]],
    shortZh: "科大讯飞",
    shortEn: "iFLYTEK",
  },
  tencent: {
    zh: [
      ["腾讯", 8],
      ["深圳市腾讯计算机系统有限公司", 6],
      ["腾讯科技（深圳）有限公司", 4],
    ],
    en: [
      ["Tencent", 6],
      ["Tencent Holdings Ltd.", 2],
    ],
    shortZh: "腾讯",
    shortEn: "Tencent",
  },
  alibaba: {
    zh: [
      ["阿里巴巴", 8],
      ["阿里巴巴（中国）有限公司", 5],
      ["阿里云计算有限公司", 3],
    ],
    en: [
      ["Alibaba Group", 6],
      ["Alibaba Cloud", 2],
    ],
    shortZh: "阿里巴巴",
    shortEn: "Alibaba",
  },
  baidu: {
    zh: [
      ["百度", 8],
      ["北京百度网讯科技有限公司", 6],
    ],
    en: [
      ["Baidu", 6],
      ["Baidu, Inc.", 2],
    ],
    shortZh: "百度",
    shortEn: "Baidu",
  },
  inspur: {
    zh: [
      ["浪潮", 4],
      ["浪潮电子信息产业股份有限公司", 6],
      ["浪潮集团有限公司", 3],
    ],
    en: [
      ["Inspur", 5],
      ["Inspur Group", 2],
    ],
    shortZh: "浪潮",
    shortEn: "Inspur",
  },
};

/** Names of a target group that any rendering of it contains (used by tests to find stray mentions). */
export const GROUP_MARKERS: Readonly<Record<string, readonly string[]>> = {
  huawei: ["华为", "華為", "海思", "Huawei", "HUAWEI", "ＨＵＡＷＥＩ", "HiSilicon", "Futurewei"],
  zte: ["中兴", "中興", "ZTE"],
  hikvision: ["海康威视", "Hikvision"],
  dahua: ["大华股份", "浙江大华", "Dahua"],
  bytedance: ["字节跳动", "抖音", "ByteDance", "TikTok"],
  iflytek: ["科大讯飞", "iFLYTEK"],
  tencent: ["腾讯", "Tencent"],
  alibaba: ["阿里巴巴", "阿里云", "Alibaba"],
  baidu: ["百度", "Baidu"],
  inspur: ["浪潮", "Inspur"],
};

// ---------------------------------------------------------------- people and places

/** Chinese surnames with their pinyin. */
export const ZH_SURNAMES: readonly (readonly [string, string])[] = [
  ["王", "wang"],
  ["李", "li"],
  ["张", "zhang"],
  ["刘", "liu"],
  ["陈", "chen"],
  ["杨", "yang"],
  ["黄", "huang"],
  ["赵", "zhao"],
  ["吴", "wu"],
  ["周", "zhou"],
  ["徐", "xu"],
  ["孙", "sun"],
  ["马", "ma"],
  ["朱", "zhu"],
  ["胡", "hu"],
  ["郭", "guo"],
  ["何", "he"],
  ["高", "gao"],
  ["林", "lin"],
  ["罗", "luo"],
  ["郑", "zheng"],
  ["梁", "liang"],
  ["谢", "xie"],
  ["宋", "song"],
  ["唐", "tang"],
  ["许", "xu"],
  ["韩", "han"],
  ["冯", "feng"],
  ["邓", "deng"],
  ["曹", "cao"],
  ["彭", "peng"],
  ["曾", "zeng"],
  ["肖", "xiao"],
  ["田", "tian"],
  ["董", "dong"],
  ["袁", "yuan"],
  ["潘", "pan"],
  ["于", "yu"],
  ["蒋", "jiang"],
  ["蔡", "cai"],
  ["杜", "du"],
  ["叶", "ye"],
  ["程", "cheng"],
  ["苏", "su"],
  ["魏", "wei"],
  ["吕", "lv"],
  ["丁", "ding"],
  ["沈", "shen"],
];

/** Characters for Chinese given names with their pinyin. */
export const ZH_GIVEN: readonly (readonly [string, string])[] = [
  ["伟", "wei"],
  ["芳", "fang"],
  ["娜", "na"],
  ["敏", "min"],
  ["静", "jing"],
  ["丽", "li"],
  ["强", "qiang"],
  ["磊", "lei"],
  ["洋", "yang"],
  ["艳", "yan"],
  ["勇", "yong"],
  ["杰", "jie"],
  ["娟", "juan"],
  ["涛", "tao"],
  ["明", "ming"],
  ["超", "chao"],
  ["秀", "xiu"],
  ["霞", "xia"],
  ["平", "ping"],
  ["刚", "gang"],
  ["英", "ying"],
  ["文", "wen"],
  ["辉", "hui"],
  ["鑫", "xin"],
  ["宇", "yu"],
  ["浩", "hao"],
  ["凯", "kai"],
  ["健", "jian"],
  ["俊", "jun"],
  ["帆", "fan"],
  ["晨", "chen"],
  ["瑶", "yao"],
  ["琳", "lin"],
  ["欣", "xin"],
  ["怡", "yi"],
  ["雪", "xue"],
  ["婷", "ting"],
  ["博", "bo"],
  ["鹏", "peng"],
  ["志", "zhi"],
  ["斌", "bin"],
  ["峰", "feng"],
  ["龙", "long"],
  ["亮", "liang"],
  ["宁", "ning"],
  ["颖", "ying"],
  ["倩", "qian"],
  ["佳", "jia"],
];

export const EN_FIRST: readonly string[] = [
  "James",
  "Mary",
  "John",
  "Patricia",
  "Robert",
  "Jennifer",
  "Michael",
  "Linda",
  "David",
  "Elizabeth",
  "William",
  "Susan",
  "Daniel",
  "Sarah",
  "Thomas",
  "Karen",
  "Emily",
  "Kevin",
  "Laura",
  "Brian",
  "Rachel",
  "Jason",
  "Megan",
  "Eric",
  "Anna",
  "Ryan",
  "Olivia",
  "Mark",
  "Grace",
  "Peter",
];

export const EN_LAST: readonly string[] = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Wilson",
  "Anderson",
  "Taylor",
  "Moore",
  "Martin",
  "Jackson",
  "Thompson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Walker",
  "Hall",
  "Young",
  "Wright",
  "Scott",
  "Green",
  "Baker",
  "Adams",
  "Nelson",
  "Carter",
  "Mitchell",
];

/** A province (or municipality), a city in it, its districts and street names, and romanisations. */
export interface Place {
  province: string;
  /** Empty for municipalities (北京市 ...). */
  city: string;
  districts: readonly string[];
  streets: readonly string[];
  en: string;
  /** A city whose state security bureau is named by the city (municipalities and a few large cities). */
  cityBureau: boolean;
}

export const PLACES: readonly Place[] = [
  {
    province: "广东省",
    city: "深圳市",
    districts: ["南山区", "福田区", "龙岗区", "宝安区"],
    streets: ["粤海", "西丽", "沙河", "坂田"],
    en: "Shenzhen",
    cityBureau: true,
  },
  {
    province: "广东省",
    city: "广州市",
    districts: ["天河区", "海珠区", "越秀区", "番禺区"],
    streets: ["石牌", "猎德", "赤岗", "洛溪"],
    en: "Guangzhou",
    cityBureau: true,
  },
  {
    province: "浙江省",
    city: "杭州市",
    districts: ["西湖区", "滨江区", "余杭区"],
    streets: ["文新", "长河", "五常"],
    en: "Hangzhou",
    cityBureau: false,
  },
  {
    province: "江苏省",
    city: "南京市",
    districts: ["鼓楼区", "玄武区", "江宁区"],
    streets: ["湖南路", "孝陵卫", "东山"],
    en: "Nanjing",
    cityBureau: false,
  },
  {
    province: "四川省",
    city: "成都市",
    districts: ["武侯区", "锦江区", "成华区"],
    streets: ["玉林", "春熙路", "猛追湾"],
    en: "Chengdu",
    cityBureau: false,
  },
  {
    province: "湖北省",
    city: "武汉市",
    districts: ["洪山区", "江汉区", "武昌区"],
    streets: ["关山", "唐家墩", "积玉桥"],
    en: "Wuhan",
    cityBureau: false,
  },
  {
    province: "陕西省",
    city: "西安市",
    districts: ["雁塔区", "碑林区", "未央区"],
    streets: ["小寨", "南院门", "张家堡"],
    en: "Xi'an",
    cityBureau: false,
  },
  {
    province: "北京市",
    city: "",
    districts: ["海淀区", "朝阳区", "东城区", "丰台区"],
    streets: ["中关村", "学院路", "望京", "东四"],
    en: "Beijing",
    cityBureau: true,
  },
  {
    province: "上海市",
    city: "",
    districts: ["浦东新区", "徐汇区", "闵行区"],
    streets: ["张江", "漕河泾", "莘庄"],
    en: "Shanghai",
    cityBureau: true,
  },
  {
    province: "天津市",
    city: "",
    districts: ["南开区", "河西区"],
    streets: ["王顶堤", "友谊路"],
    en: "Tianjin",
    cityBureau: true,
  },
];

/** Ordinary roads for addresses. */
export const ROADS: readonly string[] = [
  "科技园路",
  "中山路",
  "建设路",
  "文化路",
  "长江路",
  "学府路",
  "滨海大道",
  "创业路",
  "青年路",
  "和平里",
  "花园路",
  "体育路",
  "新华路",
  "光明路",
  "星河路",
];

/** Roads whose names contain words of state bodies (address traps). */
export const TRAP_ROADS: readonly string[] = [
  "解放路",
  "解放大道",
  "解放北路",
  "解放西路",
  "人民路",
  "人民南路",
];

export const EN_STREETS: readonly string[] = [
  "Oak",
  "Maple",
  "Cedar",
  "Elm",
  "Pine",
  "Lake",
  "Hill",
  "Park",
  "Mill",
  "River",
];
export const EN_CITIES: readonly string[] = [
  "Arlington, VA 22201",
  "Austin, TX 78701",
  "Columbus, OH 43215",
  "Portland, OR 97205",
  "Raleigh, NC 27601",
  "Denver, CO 80202",
  "Leeds LS1 4AP",
  "Bristol BS1 5TR",
  "Toronto, ON M5V 2T6",
];

/** Area codes for ID-like numbers (public administrative division codes). */
export const ID_AREAS: readonly string[] = [
  "110108",
  "440305",
  "330106",
  "420111",
  "510107",
  "610113",
  "320102",
  "310115",
];

// ---------------------------------------------------------------- ordinary employers

export const ZH_CITY_PREFIX: readonly string[] = [
  "深圳市",
  "广州市",
  "杭州市",
  "成都市",
  "武汉市",
  "南京市",
  "苏州市",
  "上海",
  "北京",
  "西安",
  "长沙市",
  "合肥市",
];
export const ZH_BRANDS: readonly string[] = [
  "恒通",
  "博远",
  "瑞达",
  "金桥",
  "星辰",
  "云帆",
  "泰和",
  "鼎盛",
  "嘉禾",
  "润泽",
  "启明",
  "铭科",
  "宏图",
  "信诚",
  "和光",
  "昊天",
  "晨曦",
  "卓越",
  "睿智",
  "德润",
  "鸿运",
  "蓝鲸",
  "青松",
  "沃土",
  "银河",
  "长风",
  "易联",
  "优品",
  "万象",
  "千帆",
];
export const ZH_INDUSTRIES: readonly string[] = [
  "科技",
  "信息技术",
  "网络科技",
  "软件技术",
  "电子",
  "通信技术",
  "智能科技",
  "数据科技",
  "贸易",
  "物流",
  "咨询管理",
  "文化传媒",
  "医疗器械",
  "教育科技",
];
export const EN_CO_A: readonly string[] = [
  "Bright",
  "North",
  "Blue",
  "Silver",
  "Swift",
  "Clear",
  "Prime",
  "Summit",
  "Cedar",
  "Harbor",
  "Pioneer",
  "Atlas",
  "Nova",
  "Granite",
  "Willow",
];
export const EN_CO_B: readonly string[] = [
  "path",
  "wind",
  "stone",
  "field",
  "bridge",
  "line",
  "wave",
  "point",
  "gate",
  "peak",
];
export const EN_CO_C: readonly string[] = [
  "Software",
  "Systems",
  "Solutions",
  "Networks",
  "Labs",
  "Analytics",
  "Logistics",
  "Consulting",
  "Health",
  "Media",
];
export const EN_CO_D: readonly string[] = ["Inc.", "LLC", "Ltd.", "Corp.", "Group"];

// ---------------------------------------------------------------- titles and descriptions

export const ZH_TITLES: readonly string[] = [
  "研发工程师",
  "软件工程师",
  "高级软件工程师",
  "测试工程师",
  "产品经理",
  "项目经理",
  "硬件工程师",
  "算法工程师",
  "技术支持工程师",
  "销售经理",
  "人力资源专员",
  "财务主管",
  "运维工程师",
  "数据分析师",
  "系统架构师",
  "芯片验证工程师",
  "无线网络优化工程师",
  "客户经理",
];
export const EN_TITLES: readonly string[] = [
  "Software Engineer",
  "Senior Software Engineer",
  "Test Engineer",
  "Product Manager",
  "Project Manager",
  "Network Engineer",
  "Data Analyst",
  "Systems Architect",
  "Sales Manager",
  "Technical Support Engineer",
  "Hardware Engineer",
  "Research Engineer",
  "Account Manager",
];
export const ZH_DESCRIPTIONS: readonly string[] = [
  "负责公司核心产品的后端开发与性能优化，接口平均响应时间降低40%",
  "参与5G基站软件的需求分析、设计与编码，完成多个版本的按期交付",
  "负责移动端应用的架构设计和版本迭代，主导组件化改造",
  "负责自动化测试框架的搭建与维护，测试用例覆盖率提升至85%",
  "负责华东区大客户的商务拓展与合同谈判，年度销售额超过3000万元",
  "负责数据仓库建设与报表开发，支撑运营部门的日常决策",
  "负责项目进度管理与跨部门协调，推动项目按期验收",
  "参与光传输设备的硬件设计与调试，解决多项信号完整性问题",
  "负责服务器集群的部署与日常运维，保障系统全年可用性达到99.9%",
  "负责推荐算法的研究与落地，点击率提升12%",
  "负责公司招聘与员工培训工作，全年完成120人的招聘任务",
  "负责财务核算与预算管理，编制月度和年度财务报表",
  "参与嵌入式Linux驱动开发，完成网卡和存储驱动的移植",
  "负责产品需求调研与原型设计，输出产品需求文档",
  "负责云平台微服务改造，将单体应用拆分为二十余个服务",
  "负责芯片验证环境搭建与用例编写，参与两款芯片的流片",
  "参与无线网络规划与优化，负责现场路测与数据分析",
  "负责客户现场的技术支持与故障排查，编写故障处理手册",
  "负责供应链管理与采购，降低采购成本约8%",
  "负责市场活动策划与品牌推广，组织行业展会和技术研讨会",
  "负责分布式存储系统的设计与实现，支撑PB级数据存储",
  "参与编译器后端优化，提升关键基准测试性能",
  "负责前端页面开发，使用React和TypeScript重构管理后台",
  "负责海外项目的交付管理，协调当地合作伙伴完成验收",
  "负责质量体系建设，推动研发流程改进",
  "负责新员工技术培训，编写内部培训教材",
];
export const EN_DESCRIPTIONS: readonly string[] = [
  "Developed backend services in Go and Java for the billing platform, cutting p99 latency by a third.",
  "Led a team of five engineers delivering the mobile client on a quarterly release train.",
  "Maintained the continuous integration pipelines and release tooling for forty repositories.",
  "Designed RF front-end modules for small-cell products from prototype to mass production.",
  "Managed key accounts in the Asia-Pacific region and grew annual revenue by 20%.",
  "Built dashboards and reporting for the operations team using SQL and Python.",
  "Optimised query performance of the order database and reduced hosting costs.",
  "Coordinated product roadmaps with engineering, marketing and sales.",
  "Wrote firmware for embedded Linux devices, including bootloader and driver work.",
  "Migrated legacy services to a cloud-native architecture on Kubernetes.",
  "Provided on-site technical support and troubleshooting for enterprise customers.",
  "Ran hiring and onboarding for the engineering department.",
  "Designed a distributed storage layer serving petabytes of data.",
  "Introduced code review guidelines and mentored junior developers.",
  "Delivered projects for customers in Europe and the Middle East.",
];

export const ZH_SELF: readonly string[] = [
  "工作认真负责，具备良好的团队合作精神",
  "学习能力强，善于沟通，抗压能力强",
  "熟悉C/C++、Java和Python，具有扎实的编程基础",
  "对新技术充满热情，乐于分享",
  "具备多年大型项目交付经验，注重细节",
  "性格开朗，能够快速适应新环境",
  "具有较强的逻辑思维能力和问题分析能力",
  "英语读写流利，能够阅读英文技术文档",
];
export const EN_SELF: readonly string[] = [
  "Detail-oriented engineer with strong communication skills.",
  "Enjoys mentoring and building reliable systems.",
  "Fluent in English and Mandarin.",
  "Experienced in agile delivery across distributed teams.",
  "Comfortable working with customers and cross-functional teams.",
];

export const ZH_CERTS: readonly string[] = [
  "CET-6",
  "PMP",
  "软件设计师",
  "CCNP",
  "系统架构设计师",
  "CET-4",
  "ACCA",
];
export const EN_CERTS: readonly string[] = [
  "PMP",
  "CCNA",
  "AWS Certified Solutions Architect",
  "CISSP",
  "Scrum Master",
];
export const HUAWEI_CERTS: readonly string[] = [
  "HCIE-Datacom",
  "HCIE-Routing & Switching",
  "HCIP-Datacom",
  "HCIP-Security",
  "HCIE-Cloud",
  "HCIA-5G",
];

// ---------------------------------------------------------------- schools

export const ZH_SCHOOLS: readonly string[] = [
  "浙江大学",
  "武汉大学",
  "华中科技大学",
  "中山大学",
  "四川大学",
  "复旦大学",
  "南京大学",
  "东南大学",
  "山东大学",
  "厦门大学",
  "深圳大学",
  "华南理工大学",
  "北京邮电大学",
  "重庆大学",
  "湖南大学",
  "吉林大学",
  "同济大学",
  "苏州大学",
  "郑州大学",
  "南昌大学",
  "广东工业大学",
];
export const EN_SCHOOLS: readonly string[] = [
  "Zhejiang University",
  "Wuhan University",
  "Sun Yat-sen University",
  "Fudan University",
  "University of Manchester",
  "Ohio State University",
  "Georgia Institute of Technology",
  "University of Toronto",
  "Purdue University",
  "University of Leeds",
];
export const ZH_MAJORS: readonly string[] = [
  "计算机科学与技术",
  "软件工程",
  "通信工程",
  "电子信息工程",
  "自动化",
  "数学与应用数学",
  "市场营销",
  "会计学",
  "英语",
  "机械工程",
  "微电子学",
];
export const EN_MAJORS: readonly string[] = [
  "Computer Science",
  "Electrical Engineering",
  "Software Engineering",
  "Communication Engineering",
  "Mathematics",
  "Business Administration",
];

/** Defence-education schools: PLA-run universities. */
export const ZH_DEFENCE_SCHOOLS: readonly string[] = [
  "国防科技大学",
  "中国人民解放军国防科技大学",
  "解放军信息工程大学",
  "中国人民解放军信息工程大学",
];
export const EN_DEFENCE_SCHOOLS: readonly string[] = [
  "National University of Defense Technology",
  "PLA Information Engineering University",
];
/** The Seven Sons of National Defence. */
export const ZH_SEVEN_SONS: readonly string[] = [
  "哈尔滨工业大学",
  "北京航空航天大学",
  "西北工业大学",
  "北京理工大学",
  "哈尔滨工程大学",
  "南京航空航天大学",
  "南京理工大学",
];
export const EN_SEVEN_SONS: readonly string[] = [
  "Harbin Institute of Technology",
  "Beihang University",
  "Northwestern Polytechnical University",
  "Beijing Institute of Technology",
  "Harbin Engineering University",
  "Nanjing University of Aeronautics and Astronautics",
  "Nanjing University of Science and Technology",
];

// ---------------------------------------------------------------- state bodies

/** Military unit cover designators that appear in public sources. */
export const KNOWN_UNITS: readonly string[] = ["61398", "61486", "78020", "69010", "65017", "61419", "00423"];

export const ZH_MILITARY_FIXED: readonly string[] = [
  "中国人民解放军战略支援部队",
  "武警北京总队",
  "总参三部",
  "中国人民解放军海军",
  "中国人民解放军空军",
  "中国人民解放军火箭军",
  "兰州军区84564部队",
  "中國人民解放軍海軍",
];
export const EN_MILITARY_FIXED: readonly string[] = [
  "People's Liberation Army Navy",
  "PLA Strategic Support Force",
  "People's Liberation Army Air Force",
];
export const ZH_INTEL_FIXED: readonly string[] = ["国家安全部", "國家安全部"];
export const EN_INTEL: readonly string[] = [
  "Ministry of State Security",
  "Shanghai State Security Bureau",
  "Beijing State Security Bureau",
  "Guangdong Provincial State Security Department",
];
export const ZH_PS_FIXED: readonly string[] = [
  "公安部第三研究所",
  "新疆维吾尔自治区公安厅",
  "乌鲁木齐市公安局",
  "公安县公安局",
  "公安部第一研究所",
];
export const EN_PS: readonly string[] = [
  "Public Security Bureau of Shenzhen",
  "Guangzhou Public Security Bureau",
  "Ministry of Public Security",
  "Third Research Institute of the Ministry of Public Security",
];
export const ZH_DEFENCE_INDUSTRY: readonly string[] = [
  "中国电子科技集团公司第十四研究所",
  "中国电子科技集团公司第五十四研究所",
  "中国电子科技集团公司第三十研究所",
  "中国电子科技集团公司第二十八研究所",
  "中国航天科工集团二院",
  "中国航天科工集团第二研究院",
  "中国航空工业集团",
  "中国航空工业集团有限公司",
  "中国船舶重工集团公司第七〇九研究所",
  "中国兵器工业集团有限公司",
];
export const EN_DEFENCE_INDUSTRY: readonly string[] = [
  "CETC 54th Research Institute",
  "CETC 14th Research Institute",
  "China Aerospace Science and Industry Corporation",
  "Aviation Industry Corporation of China",
];

export const ZH_STATE_TITLES = {
  military: ["技术员", "工程师", "参谋", "助理工程师", "排长", "干事", "技术参谋", "通信工程师"],
  intelligence: ["科员", "技术员", "副主任科员", "工程师"],
  public_security: ["民警", "网警", "辅警", "科员", "副所长", "刑警", "技术民警"],
  defence_industry: ["工程师", "高级工程师", "研究员", "助理研究员", "设计师"],
} as const;
export const EN_STATE_TITLES = {
  military: ["Technical Officer", "Communications Engineer", "Staff Officer"],
  intelligence: ["Technical Officer", "Analyst", "Engineer"],
  public_security: ["Police Officer", "Cyber Police Officer", "Technical Specialist"],
  defence_industry: ["Research Engineer", "Senior Engineer", "Design Engineer"],
} as const;
export const ZH_STATE_DESCRIPTIONS = {
  military: ["负责通信保障与装备维护", "参与信息化系统建设", "负责技术训练与值班"],
  intelligence: ["负责技术保障工作", "负责信息分析工作"],
  public_security: ["负责辖区治安管理", "负责网络犯罪案件侦办", "负责户籍管理工作", "负责交通秩序管理"],
  defence_industry: ["参与雷达信号处理算法研究", "负责型号任务的软件设计", "参与卫星通信系统研制"],
} as const;
export const EN_STATE_DESCRIPTIONS = {
  military: ["Maintained communications equipment.", "Supported information systems projects."],
  intelligence: ["Provided technical support.", "Analysed technical information."],
  public_security: ["Handled cybercrime cases.", "Managed community policing."],
  defence_industry: ["Researched radar signal processing.", "Designed satellite communication software."],
} as const;
