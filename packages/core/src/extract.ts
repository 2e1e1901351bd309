/**
 * Work and study history from free text, Chinese and English. An organisation counts only where it
 * stands in an employment or study position: after a date range that opens a clause or a list line, or
 * after a verb of employment or study (`就职于`, `历任`, `在…工作`, `worked at`, `joined`, `graduated from`,
 * `<Title> at <Org>`). A mere mention (`负责华为设备的安装维护`, `our customers include Huawei`) is not a
 * stint. Pure functions, no I/O; offsets are UTF-16 code units into the text as given.
 */
import { type DateRange, findDateRanges, foldDateChars } from "./dates.js";

export type StintKind = "work" | "education";

/** One post or one course of study found in free text. */
export interface ExtractedStint {
  /** The organisation exactly as written. */
  org: string;
  orgStart: number;
  orgEnd: number;
  /** The post (or, for study, the major and degree) as written, when the text gives one. */
  title: string | null;
  /** The date range that governs the stint in its clause, if any. */
  range: DateRange | null;
  /** The clause (sentence, list line) the stint was read from. */
  clauseStart: number;
  clauseEnd: number;
  /** The clause marks this post as held alongside another (`兼任`, `concurrently`). */
  concurrent: boolean;
  kind: StintKind;
}

// ---------------------------------------------------------------------------------------------------
// Word lists

/** A list of words written as one space-separated string. */
const words = (list: string): string[] => list.split(" ");

/** Chinese organisation suffixes. Order does not matter; the longest one ending at a place wins. */
const ZH_SUFFIXES = words(
  "股份有限公司 有限责任公司 有限公司 分公司 子公司 总公司 公司 集团军 集团 解放军 海军 陆军 空军 火箭军 武警 研究所 研究院 研究中心 研究生院 事务所 派出所 所 科学院 工程院 设计院 医院 法院 检察院 院 大学 学院 学校 中学 小学 党校 军校 分局 公安局 公安厅 国家安全局 国家安全厅 安全局 局 厅 部 部队 支队 大队 中队 总队 舰队 军区 战区 基地 医院 中心 实验室 银行 分行 支行 俱乐部 委员会 办事处 办公厅 办公室 工厂 总厂 厂 协会 学会 商会 联合会 基金会 研究会 联盟 合作社 供销社 出版社 报社 通讯社 杂志社 旅行社 社 站 队 矿 政府 人民政府 市委 县委 区委 省委 株式会社 会社 系 酒店 饭店 餐厅 店",
);

/** Armed services: any unit named after them belongs to the name (`解放军信息工程大学`, `海军航空兵某部`). */
const ZH_SERVICES = new Set(["解放军", "海军", "陆军", "空军", "火箭军", "武警", "军区", "战区", "集团军"]);

/** Suffixes whose bare form names a real employer (`在公安局工作`, `服役于部队`). */
const ZH_BARE_OK = new Set(
  words("公安局 公安厅 国家安全局 国家安全厅 派出所 部队 集团军 军区 解放军 海军 陆军 空军 火箭军 武警"),
);

/** Sub-units that may follow an organisation and still belong to its name (`公安局南山分局`). */
const ZH_SUBUNITS = new Set(
  words(
    "分局 分公司 子公司 研究所 研究院 研究中心 研究生院 学院 系 医院 分院 中心 实验室 派出所 支队 大队 中队 总队 部队 分行 支行 工厂 总厂 厂 办事处 办公厅 公安局 国家安全局 安全局",
  ),
);

/** Suffixes that only extend a name (`中国人民大学会计系`), never end one on their own. */
const ZH_EXTENSION_ONLY = new Set(["系"]);

/** Suffixes of a company's own departments: they never extend a name by adjacency (`公司办公室`). */
const ZH_DEPT_SUFFIXES = new Set(["办公室", "中心", "部"]);

/** Branches that keep a department-like word between them and the parent (`总公司销售分公司`). */
const ZH_BRANCHES = new Set(
  words("支队 大队 中队 总队 派出所 分公司 子公司 分局 分行 支行 分院 研究所 研究院 工厂 总厂"),
);

/** Legal forms that may follow a name with a few words between (`中国电子科技集团公司`, `集团有限公司`). */
const ZH_LEGAL = new Set(["股份有限公司", "有限责任公司", "有限公司", "公司", "总公司", "集团"]);

/** A suffix's last character followed by one of these is not the end of a name (`所有`, `部长`, `局域网`). */
const ZH_NEXT_EXCLUDE: Record<string, string> = {
  所: "有在属以长得谓需",
  局: "长域面势限",
  部: "署分长门件位属下委队",
  院: "长士校线",
  厅: "长",
  队: "长员伍",
  行: "长业",
  厂: "长商家",
  店: "长铺",
  心: "城区化",
  学: "生习",
  团: "长军",
  司: "令",
  会: "长员议计",
  区: "域别",
  地: "区方",
  校: "长友园区",
  室: "友",
  系: "统列数",
  军: "训事人官队工校医衔种令长属籍龄嫂",
  警: "察官衔种犬员",
  社: "会长区交团员",
  站: "长点台",
  矿: "产物石业区山务井工长",
  委: "员会书托",
  府: "",
};

/** A single-character suffix after one of these is a common word (`格局`, `场所`, `餐厅` aside). */
const ZH_PREV_EXCLUDE: Record<string, string> = {
  局: "格布结时大全开残僵赌饭骗当",
  所: "场住厕无有之其各处",
  厅: "大客展门舞歌",
  院: "庭小大后",
  部: "全内外底顶头西东南北中上下干局背腹胸面支总本",
  心: "为的重核信关用爱",
  店: "商",
  系: "关体联派维谱",
  队: "团排站梯",
  社: "公结",
  站: "网车",
};

/** Departments: `X部` with X one of these is a company's own department, not an organisation. */
const ZH_DEPARTMENTS = words(
  "财务 财经 事业 综管 企管 总经办 管理 成本 采购 研发 人力资源 人事 技术 市场 销售 行政 审计 投资 工程 生产 质量 质检 安全 网络安全 信息安全 数据安全 安全保卫 保卫 安保 信息 信息技术 信息化 法务 法律 综合 办公 业务 客服 客户服务 运营 运维 产品 设计 开发 测试 计划 财会 保险 风险管理 风控 企划 战略 品牌 公关 外联 物流 仓储 营销 国际 海外 企业发展 证券 证券事务 总经理工作 党委工作 党群工作 纪检 监察 工会 团委 数据 网络 无线 终端 系统 项目 经营 资产管理 资金 结算 培训 后勤 售后 售前 交付 供应链 合规 IT",
);

/** `X部` that are ministries or command departments, whatever their last words look like. */
const ZH_MINISTRIES = words(
  "国家安全部 公安部 国防部 外交部 商务部 总参谋部 总政治部 总后勤部 总装备部 联合参谋部 政治工作部 后勤保障部 装备发展部 训练管理部 国防动员部 网络空间部队 工业和信息化部 科学技术部 科技部 教育部 财政部 司法部 民政部 监察部 信息产业部 电子工业部 邮电部 冶金部 物资部 国内贸易部 统战部 组织部 宣传部 中联部 第三部 技术侦察部",
);

const ZH_PARTIES = new Set(
  words(
    "中国共产党 共产党 中共 共青团 中国共产主义青年团 民革 民盟 民建 民进 农工党 致公党 九三学社 台盟 党组织 党 团组织 中国民主同盟 中国国民党 国民党",
  ),
);

/** Words an organisation name does not start with: verbs and prepositions of a mere mention. */
const ZH_LEAD_BAD = words(
  "参加 参与 负责 从事 获得 获 取得 完成 开展 协助 配合 支持 提供 承担 推动 主导 牵头 主持 带领 研发 开发 设计 实施 部署 安装 维护 调试 使用 利用 采用 通过 为 向 对 给 跟 帮 替 把 将 被 让 就 也 并 曾 先后 期间 在 于 从 到 至 由 及 等 一个 一家 多家 读 考 念 学习 毕业 工作 任 担任 兼 出生 入党 参军 入伍 退休 离职 辞职 转业 复员 培训 军训 家住 当选 创建 创办 创立 成立 组建 筹建 收购 控股 住 位于",
);

/** Names that start like a verb or preposition but are places or institutions (`和田`, `对外经济贸易大学`). */
const ZH_LEAD_OK = ["对外", "和平", "和田", "从化", "于都", "将乐", "获嘉", "向阳", "曾都", "任丘", "为民"];

/** A name starting with a verb or preposition of a mere mention (`负责…`, `为…提供`). */
function badLead(name: string): boolean {
  return startsWithAny(name, 0, ZH_LEAD_BAD) !== null && startsWithAny(name, 0, ZH_LEAD_OK) === null;
}

/** Endings of a phrase that is not an organisation (`华为设备上`, `项目期间`). */
const ZH_END_BAD = words(
  "中 上 下 内 外 时 后 前 里 期间 方面 过程 项目 领域 工作 任务 设备 系统 平台 产品 业务 技术 的 了 等 团队 小组 组 军训 培训 活动 比赛 决赛 学习 开发 管理 服务 客户",
);

/** Last words of a Chinese title. */
const ZH_TITLE_HEADS = words(
  "长 经理 总监 主任 主管 主席 书记 总裁 董事 监事 委员 成员 师 教授 研究员 员 干事 干警 民警 网警 警官 警察 助理 顾问 秘书 代表 参谋 军官 战士 士兵 政委 司令 负责人 召集人 合伙人 实习生 销售 会计 出纳 编辑 记者 医生 护士 官 博士后 专家 骨干 工程师 开发 测试 运维 架构师 职员 队员 学员 科员",
);

/** First words of a Chinese title (with the heads themselves and the departments). */
const ZH_TITLE_STARTS = words(
  "副 总 常务 执行 首席 高级 资深 初级 中级 助理 独立 董事 监事 党委 党组 纪委 工会 团委 软件 硬件 驻 第 客座 兼职 专职 职工 党 特聘 主任 区域 大客户 网络 系统 算法 嵌入式 前端 后端 高级 首席 联络 技术员",
);

const ZH_EDU_WORDS =
  /本科|硕士|博士|学士|研究生|专科|大专|中专|高中|初中|毕业|学位|专业|就读|攻读|在读|肄业|学历|结业|进修|入学|留学|学习|MBA|EMBA/u;

// Triggers. `bare`: what the organisation needs to count. "suffix": a Chinese organisation suffix;
// "split": a suffix, or a title splitting off its end (`华为财务经理`); "any": any plausible name.
type Bare = "suffix" | "split" | "any";
interface ZhTrigger {
  kind: StintKind;
  bare: Bare;
  concurrent: boolean;
  /** `任`-like: a title may stand where the organisation would be (`任研发工程师`). */
  post: boolean;
}

const t = (kind: StintKind, bare: Bare, concurrent = false, post = false): ZhTrigger => ({
  kind,
  bare,
  concurrent,
  post,
});

const ZH_TRIGGERS: Record<string, ZhTrigger> = {
  就职于: t("work", "any"),
  就职: t("work", "any"),
  曾任职于: t("work", "any"),
  曾就职于: t("work", "any"),
  曾供职于: t("work", "any"),
  曾工作于: t("work", "any"),
  现任职于: t("work", "any"),
  现就职于: t("work", "any"),
  任职于: t("work", "any"),
  供职于: t("work", "any"),
  工作于: t("work", "any"),
  服役于: t("work", "any"),
  受聘于: t("work", "any"),
  任教于: t("work", "any"),
  效力于: t("work", "any"),
  受雇于: t("work", "any"),
  服务于: t("work", "suffix"),
  入职: t("work", "any"),
  加盟: t("work", "any"),
  加入: t("work", "any"),
  进入: t("work", "suffix"),
  调入: t("work", "split"),
  调至: t("work", "split"),
  调到: t("work", "split"),
  调往: t("work", "split"),
  分配到: t("work", "split"),
  分配至: t("work", "split"),
  调任: t("work", "split", false, true),
  任: t("work", "split", false, true),
  担任: t("work", "split", false, true),
  曾任: t("work", "split", false, true),
  曾担任: t("work", "split", false, true),
  历任: t("work", "split", false, true),
  现任: t("work", "split", false, true),
  先后任: t("work", "split", false, true),
  先后担任: t("work", "split", false, true),
  出任: t("work", "split", false, true),
  就任: t("work", "split", false, true),
  升任: t("work", "split", false, true),
  转任: t("work", "split", false, true),
  改任: t("work", "split", false, true),
  后任: t("work", "split", false, true),
  兼任: t("work", "split", true, true),
  同时担任: t("work", "split", true, true),
  同时任: t("work", "split", true, true),
  同时兼任: t("work", "split", true, true),
  兼职于: t("work", "any", true),
  兼: t("work", "suffix", true, true),
  就读于: t("education", "any"),
  毕业于: t("education", "any"),
  求学于: t("education", "any"),
  肄业于: t("education", "any"),
  留学于: t("education", "any"),
  考入: t("education", "suffix"),
};

const ZH_TRIGGER_RE = new RegExp(
  Object.keys(ZH_TRIGGERS)
    .sort((a, b) => b.length - a.length)
    .join("|"),
  "gu",
);

/** `任` after one of these is part of another word (`主任`, `责任`, `信任`). */
const REN_PREV_BAD = "主责信委离卸继放胜留连新前首专上";
/** `任` before one of these is part of another word (`任务`, `任何`). */
const REN_NEXT_BAD = "务何意性命期免用凭";

/** Verbs that close `在<org>…` / `于<org>…`, with the kind of stint they make. */
const ZH_BOUND_VERB_RE =
  /工作|任职|就职|供职|任教|执教|实习|服役|服务|从事|挂职|当兵|就读|读书|攻读|深造|进修|访学|学习|毕业|获得|取得|兼任|担任|任|当|做/u;
const ZH_STUDY_VERBS = new Set(words("就读 读书 攻读 深造 进修 访学 学习 毕业 获得 取得"));
const ZH_POST_VERBS = new Set(["任", "担任", "兼任", "当", "做"]);
const ZH_SCHOOL_END = /(?:大学|学院|学校|中学|小学|研究生院|党校|军校)$/u;

const CONCURRENT_RE =
  /兼任|兼职|同时担任|同时任|同时兼任|\bconcurrently\b|\bwhile also\b|\bsimultaneously\b|\bat the same time\b/iu;

/** A date followed by one of these is a life event, not the time of a stint. */
const LIFE_EVENT_RE =
  /^\s*[，,]?\s*(?:出生|生于|生人|生[，,。；;]|年生|入党|加入中国共产党|参加工作|参加革命|退休|born)/iu;

// English ---------------------------------------------------------------------------------------------

const EN_TITLE_HEADS = new Set(
  (
    "engineer engineers developer programmer architect manager director officer analyst consultant " +
    "specialist scientist researcher fellow professor lecturer instructor teacher technician administrator " +
    "designer agent liaison advisor adviser representative coordinator supervisor associate assistant intern " +
    "lead head chief president vp ceo cto cfo coo cio ciso founder co-founder cofounder partner chairman " +
    "chairwoman chairperson chair secretary counsel attorney lawyer accountant auditor editor writer journalist " +
    "reporter translator interpreter soldier sergeant lieutenant captain colonel commander commissar cadet " +
    "pilot sailor investigator detective inspector constable policeman guard clerk tester trainee apprentice " +
    "student postdoc expert leader executive operator attache attaché envoy diplomat physician doctor nurse " +
    "owner principal member employee officer"
  ).split(" "),
);

const EN_TITLE_MODS = new Set(
  (
    "senior junior chief lead principal deputy assistant associate staff software hardware network research " +
    "technical project product sales marketing field test systems vice executive managing general regional " +
    "data cloud embedded frontend backend front-end back-end full-stack mobile qa it r&d design account " +
    "business operations hr finance legal visiting adjunct postdoctoral graduate research liaison security " +
    "intelligence police political military signals communications"
  ).split(" "),
);

/** Words that end an English organisation name before a lower-case stop word would. */
const EN_LEGAL_END =
  /^(?:Ltd\.?|Limited|Inc\.?|Incorporated|LLC|L\.L\.C\.|Corp\.?|Corporation|GmbH|plc|PLC|LLP|S\.A\.|AG|Co\.)$/;
/** Legal forms that follow a comma inside a name: `Huawei Technologies Co., Ltd.` */
const EN_COMMA_LEGAL_Y =
  /,\s*(?:Ltd\.?|Limited|Inc\.?|LLC|L\.L\.C\.|Corp\.?|GmbH|S\.A\.|plc|PLC|LLP)(?![A-Za-z])/y;
const EN_ABBREV = new Set(
  "co ltd inc corp pvt engg dist approx b.eng m.eng b.tech m.tech b.e m.e b.com m.com dept no st mr mrs ms dr jr sr prof univ intl bros govt assn e.g i.e etc vs ph.d b.s m.s b.a m.a b.sc m.sc u.s u.k jan feb mar apr jun jul aug sep sept oct nov dec".split(
    " ",
  ),
);
const EN_CONNECTORS = new Set(["of", "and", "for", "the", "de", "du", "des", "&"]);
const EN_NOT_ORG = new Set(
  (
    "I We He She They It My Our His Her Their This That These Those The A An In On At For From As To " +
    "Present Current Now Today January February March April May June July August September October November " +
    "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Since Until During Also Then " +
    "Ltd Limited Inc Co Pvt Corp LLC"
  ).split(" "),
);
const EN_ORG_STOP = new Set(
  "since from until till as during present current currently to at in on with where when while".split(" "),
);
const EN_ORG_HEAD =
  /\b(?:Company|Co\.|Corporation|Corp\.?|Inc\.?|Ltd\.?|Limited|LLC|Group|Technologies|Technology|University|College|Institute|Academy|School|Bureau|Ministry|Department|Army|Navy|Force|Forces|Police|Agency|Administration|Commission|Center|Centre|Laboratory|Lab|Labs|Hospital|Bank|Office|Unit|PLA|Command|Corps|Regiment|Brigade|Division|Battalion|Station|Club|Union|Association|Foundation|Services|Systems|Solutions|Networks|Telecom|Communications)\b/;
const EN_SCHOOL = /\b(?:University|College|Academy|School|Polytechnic|Institute of Technology)\b/;
const EN_PARTIES = /^(?:the\s+)?(?:Chinese\s+)?Communist (?:Party|Youth League)|^(?:CPC|CCP)$/i;
const EN_EDU_WORDS =
  /\b(?:B\.?S\.?c?|M\.?S\.?c?|B\.?A|M\.?A|Ph\.?\s?D|MBA|B\.?Eng|M\.?Eng|Bachelor|Master|Doctor(?:ate)?|degree|major|diploma|undergraduate|postgraduate|GPA)\b/i;

/** Lower-case words that may follow an organisation name without making it a modifier. */
const EN_FOLLOW_OK = new Set(
  "as in from since until till during and where between before after for on at to with then while which who that under through when based located headquartered".split(
    " ",
  ),
);

/** Field labels of a flattened resume, not organisations (`Role: Developer`, `Designation - Analyst`). */
const EN_LABEL =
  /^(?:Role|Position|Designation|Title|Job|Industry|Duration|Period|Team|Project|Client|Company|Employer|Organi[sz]ation|Department|Responsibilit(?:y|ies)|Skills?|Location|Environment|Description|Objective|Summary|Education|Experience|Profile|Name|Domain|Technolog(?:y|ies)|Tools|Platform|Working|Worked|Currently|Present|Details?)\b/;

/** Degrees and school-leaving certificates that open an education line (`B.Sc. Microbiology Pune`). */
const EN_DEGREE =
  /^(?:B\.?\s?(?:Sc|S|A|E|Tech|Com|Eng|F\.?A)\b|M\.?\s?(?:Sc|S|A|E|Tech|Com|Eng|C\.?A|B\.?A)\b|Ph\.?D|MBA|BBA|BCA|MCA|LLB|LLM|BE\b|ME\b|HSC|SSC|H\.S\.C|S\.S\.C|Diploma|Bachelor|Master|Doctor|Associate|Certificate|Intermediate|Entermediate|Polytechnic)/i;

/** English verbs that put an organisation in an employment or study position. */
const EN_VERB_RE =
  /\b(worked|works|working|work|interned|interning|employed|hired|served|serving|serves|joined|joining|joins|rejoined|graduated|graduating|studied|studying|attended|attending|enrolled|internship|employment|career|tenure)\b/gi;

/** `<title head> at|with|for|to|in <Capitalised>`: `Senior Engineer at Huawei`. */
const EN_TITLE_AT_RE = /\b([A-Za-z][\w&'-]*)\s+(at|with|for|to|in)\s+(?=(?:the\s+)?[A-Z0-9])/g;

// ---------------------------------------------------------------------------------------------------
// Helpers

const CJK = /\p{Script=Han}/u;
const isCjk = (c: string | undefined): boolean => c !== undefined && CJK.test(c);
const isUpper = (c: string | undefined): boolean => c !== undefined && c >= "A" && c <= "Z";
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** Characters that end a Chinese organisation window. */
const ZH_STOP = new Set([..."，,。；;：:、！？!?“”\"'‘’《》<>【】[]|/\n\r\t 　…·•"]);
/** Words that end a Chinese organisation window. */
const ZH_BREAK_RE =
  /任|兼|驻|的|工作|从事|负责|期间|主要|先后|至今|参与|协助|就读|毕业|攻读|实习|服役|获得|取得|从|担任|等职|一职|职务|职位|岗位/uy;

const BY_LAST = new Map<string, string[]>();
for (const sfx of ZH_SUFFIXES) {
  const last = sfx.at(-1)!;
  const list = BY_LAST.get(last) ?? [];
  if (!list.includes(sfx)) list.push(sfx);
  BY_LAST.set(last, list);
}
for (const list of BY_LAST.values()) list.sort((a, b) => b.length - a.length);

function startsWithAny(s: string, at: number, words: readonly string[]): string | null {
  for (const w of words) if (s.startsWith(w, at)) return w;
  return null;
}

function endsWithAny(s: string, words: readonly string[]): string | null {
  for (const w of words) if (s.endsWith(w)) return w;
  return null;
}

/** A ministry or command department (`国家安全部`, `总参谋部`) ends at `end`. */
function isMinistryAt(s: string, from: number, end: number): boolean {
  return ZH_MINISTRIES.some((m) => end - m.length >= from && s.startsWith(m, end - m.length));
}

/** The words before `部` name a department: `财务`, `网络安全`, `审计风险`. */
function isDepartmentStem(stem: string): boolean {
  if (endsWithAny(stem, ZH_DEPARTMENTS)) return true;
  for (let k = Math.max(2, stem.length - 6); k < stem.length - 1; k++) {
    if (startsWithAny(stem, k, ZH_DEPARTMENTS)) return true;
  }
  return false;
}

interface SuffixHit {
  /** Start of the suffix. */
  start: number;
  /** End of the organisation name, after the suffix. */
  end: number;
  suffix: string;
}

/** The organisation suffix ending at `i + 1`, if there is a valid one; `from` bounds the stem. */
function suffixEndingAt(s: string, from: number, i: number): SuffixHit | null {
  const c = s[i]!;
  const list = BY_LAST.get(c);
  if (!list) return null;
  const next = s[i + 1] ?? "";
  for (const sfx of list) {
    const start = i - sfx.length + 1;
    if (start < from || !s.startsWith(sfx, start)) continue;
    // `军工` is an industry, but `海军工作` is service in the navy.
    if (next && ZH_NEXT_EXCLUDE[c]?.includes(next) && !(c === "军" && s.startsWith("工作", i + 1))) {
      // `公安局长` is a title; `部队` extends `部`.
      return null;
    }
    if (sfx.length === 1) {
      if (c === "部" && isMinistryAt(s, from, i + 1)) return { start, end: i + 1, suffix: sfx };
      const prev = s[start - 1] ?? "";
      if (prev && ZH_PREV_EXCLUDE[c]?.includes(prev)) return null;
      if (c === "部") {
        if (isDepartmentStem(s.slice(from, start))) return null;
      }
    }
    return { start, end: i + 1, suffix: sfx };
  }
  return null;
}

/** End of the Chinese window starting at `from`: the first stop character or break word. */
function zhWindowEnd(s: string, from: number, limit: number): number {
  const max = Math.min(limit, from + 40);
  let i = from;
  while (i < max) {
    const c = s[i]!;
    if (c === "(" || c === "（") {
      // A short parenthesised part inside a name: `北洋(天津)钢材批发交易市场`, `（集团）有限公司`.
      const close = s.slice(i + 1, Math.min(max, i + 10)).search(/[)）]/u);
      if (close > 0 && i > from) {
        const after = s[i + close + 2];
        if (after !== undefined && !ZH_STOP.has(after) && after !== "(" && after !== "（") {
          i += close + 2;
          continue;
        }
      }
      break;
    }
    if (ZH_STOP.has(c)) break;
    if (i > from) {
      ZH_BREAK_RE.lastIndex = i;
      const m = ZH_BREAK_RE.exec(s);
      if (m && !(m[0] === "任" && REN_PREV_BAD.includes(s[i - 1]!))) break;
    }
    i++;
  }
  return i;
}

function isSelfReference(stem: string): boolean {
  return /^(?:本|该|我|贵|原|同|此|其|各|上述|所在|下属|公司|我司|本司)$/u.test(stem);
}

/** A suffix-less Chinese name is plausible: not a verb phrase, a party or a place phrase. */
function plausibleBareZh(name: string): boolean {
  if (name.length < 2 || name.length > 25) return false;
  if (!isCjk(name[0]) && !isUpper(name[0])) return false;
  if (badLead(name)) return false;
  // A title or a department, not an organisation: `副总`, `董事会`, `财务`, `所工会`, `本行`.
  if (startsWithAny(name, 0, ZH_TITLE_STARTS) || startsWithAny(name, 0, ZH_DEPARTMENTS)) return false;
  if (startsWithAny(name, 0, ZH_TITLE_HEADS) || /^[所院部局厂处科室校系队组车]/u.test(name)) return false;
  if (/(?:办|中心|车间|董事会|监事会|工会|党委|部门)$/u.test(name)) return false;
  const unit = /(?:部|处|科|室)$/u.exec(name);
  if (unit && endsWithAny(name.slice(0, -1), ZH_DEPARTMENTS)) return false;
  if (
    /^(?:(?:本|该|我|贵|此|其)(?:行|所|院|校|局|单位|集团|公司|司|部|厂|中心)|公司|部门|单位|机构)/u.test(
      name,
    )
  )
    return false;
  if (endsWithAny(name, ZH_END_BAD)) return false;
  if (ZH_PARTIES.has(name)) return false;
  if (/^[\d年月日.\-~至今]+$/u.test(name)) return false;
  return true;
}

/** A phrase starting with one of these is an activity, not a post. */
const ZH_NOT_TITLE_LEAD =
  /^(?:参加|参与|负责|从事|获得|获|取得|完成|开展|协助|配合|支持|提供|承担|推动|主导|牵头|为|向|对|给|与|把|将|被|让|通过|使用|利用|采用|在|于)/u;

/** Does `seg` read as a Chinese title (ends with a title word, short, no verb of a mention)? */
function isTitleZh(seg: string): boolean {
  if (seg.length === 0 || seg.length > 24) return false;
  if (ZH_NOT_TITLE_LEAD.test(seg)) return false;
  return endsWithAny(seg.replace(/[)）]$/u, ""), ZH_TITLE_HEADS) !== null;
}

/** Where a title starts inside `[from, to)`, at least two characters in, or -1. */
function titleSplitZh(s: string, from: number, to: number): number {
  for (let k = from + 2; k < to; k++) {
    const rest = s.slice(k, to);
    if (rest.length < 2 || rest.startsWith("长") || !isTitleZh(rest)) continue;
    let at = startsWithAny(s, k, ZH_TITLE_STARTS) !== null || startsWithAny(s, k, ZH_TITLE_HEADS) !== null;
    if (!at) {
      // A department word starts the title only before a unit or a title word (`采购部经理`, `财务负责人`),
      // not where it ends a company name (`海诚投资副董事长`).
      const d = startsWithAny(s, k, ZH_DEPARTMENTS);
      if (d) {
        const after = k + d.length;
        at =
          /^(?:部|处|科|室|中心|事业部)/u.test(s.slice(after, to)) ||
          startsWithAny(s, after, ZH_TITLE_HEADS) !== null;
      }
    }
    if (at && plausibleBareZh(s.slice(from, k))) return k;
  }
  return -1;
}

interface OrgSpan {
  start: number;
  end: number;
  /** The name ends in an organisation suffix. */
  suffixed: boolean;
}

/**
 * A Chinese organisation name starting at `from` (before `limit`). With a suffix the name runs to the
 * first suffix, extended over sub-units and legal forms (`深圳市公安局南山分局`, `中国电子科技集团公司第三十
 * 研究所`); without one it needs `bare` to allow it.
 */
function parseOrgZh(s: string, from: number, limit: number, bare: Bare): OrgSpan | null {
  const w = zhWindowEnd(s, from, limit);
  if (w - from < 2) return null;
  let org: SuffixHit | null = null;
  let depth = 0;
  for (let i = from; i < w; i++) {
    const c = s[i];
    if (c === "(" || c === "（") depth++;
    else if (c === ")" || c === "）") depth = Math.max(0, depth - 1);
    // Inside brackets only a short group closing right after the suffix counts: `上海医药（集团）`,
    // not a note such as `（非上市公司）`.
    if (depth > 0) {
      if (!/[)）]/u.test(s[i + 1] ?? "")) continue;
      const open = Math.max(s.lastIndexOf("(", i), s.lastIndexOf("（", i));
      if (i - open > 4) continue;
    }
    const hit = suffixEndingAt(s, from, i);
    if (!hit) continue;
    if (depth > 0) hit.end++;
    const stem = s.slice(from, hit.start);
    if (!org) {
      if (ZH_EXTENSION_ONLY.has(hit.suffix)) continue;
      if (stem.length === 0 && !ZH_BARE_OK.has(hit.suffix)) continue;
      // `厂部`, `教学部`, `工程中心`: a unit of the organisation already named, not a new one.
      if (hit.suffix.length === 1 && stem.length < 2) continue;
      if (
        (hit.suffix === "部" || hit.suffix === "中心") &&
        stem.length <= 2 &&
        !isMinistryAt(s, from, hit.end)
      )
        continue;
      if (isSelfReference(stem)) return null;
      org = hit;
      continue;
    }
    // Extend over what follows the first suffix.
    const gap = s.slice(org.end, hit.start);
    const numbered = /^(?:第|[0-9]|[一二三四五六七八九十百零〇两])/u.test(gap);
    const adjacent =
      gap.length === 0 &&
      !ZH_DEPT_SUFFIXES.has(hit.suffix) &&
      !(org.suffix.endsWith("公司") && !ZH_SUBUNITS.has(hit.suffix));
    const bareFirst = org.start === from; // `部队火锅店`: nothing before the first suffix
    const deptGap = startsWithAny(gap, 0, ZH_DEPARTMENTS) !== null;
    // `A公司及B公司`: two organisations, not one.
    if (/[及和与、,，]/u.test(gap)) break;
    if (
      adjacent ||
      numbered ||
      bareFirst ||
      (ZH_SERVICES.has(org.suffix) && gap.length <= 12) ||
      (ZH_SUBUNITS.has(hit.suffix) && gap.length <= 10 && (!deptGap || ZH_BRANCHES.has(hit.suffix))) ||
      (ZH_LEGAL.has(hit.suffix) && gap.length <= 8 && !deptGap && !/[部处科室]/u.test(gap))
    ) {
      org = { start: org.start, end: hit.end, suffix: hit.suffix };
    }
  }
  if (org) {
    const name = s.slice(from, org.end);
    if (badLead(name) || /^\d+年/u.test(name)) return null;
    return { start: from, end: org.end, suffixed: true };
  }
  if (bare === "suffix") return null;
  // No suffix: a title or a department splits off the end (`山东华为副总经理`, `乐普医疗采购部经理`).
  let end = w;
  const split = titleSplitZh(s, from, w);
  const cut = split > 0 ? split : departmentCut(s, from, w);
  if (cut > 0) end = cut;
  else if (bare === "split") return null;
  while (end > from && /\s/u.test(s[end - 1]!)) end--;
  const name = s.slice(from, end);
  if (!plausibleBareZh(name)) return null;
  return { start: from, end, suffixed: false };
}

/** Where a department closing the window starts (`双成药业财务部`), at least two characters in, or -1. */
function departmentCut(s: string, from: number, to: number): number {
  for (let k = from + 2; k < to - 1; k++) {
    const d = startsWithAny(s, k, ZH_DEPARTMENTS);
    if (d && /^(?:部|处|科|室|中心|事业部)$/u.test(s.slice(k + d.length, to))) return k;
  }
  return -1;
}

interface TitleSpan {
  title: [number, number] | null;
  /** The title came after `as` (`joined Huawei as an engineer`). */
  as?: boolean;
  /** Where reading stops after the title. */
  next: number;
}

const ZH_TITLE_MARK_Y = /\s*(?:[，,]\s*)?(?:任职?|担任|出任|职务[:：]?|职位[:：]?|岗位[:：]?|为)\s*/uy;
const ZH_TITLE_STOP =
  /[，,。；;、：:！？!?\n\r（()）]|兼任|兼职|同时|等职|一职|职务|期间|负责|从事|主要|先后/u;

/**
 * The title after a Chinese organisation ending at `at`. `columns`: a list line whose columns are
 * separated by spaces (`深圳市公安局南山分局 网警`).
 */
function titleAfterZh(s: string, at: number, limit: number, columns: boolean): TitleSpan {
  let j = at;
  ZH_TITLE_MARK_Y.lastIndex = j;
  const mark = ZH_TITLE_MARK_Y.exec(s);
  if (mark) {
    j += mark[0].length;
    // `，任德威新材董事`: another organisation follows; that is a post of its own.
    if (/[任]/u.test(mark[0]) && parseOrgZh(s, j, limit, "split")) return { title: null, next: at };
  } else {
    const sp = /^[ \t]+/u.exec(s.slice(j, limit));
    if (sp) {
      if (!columns) return { title: null, next: at };
      j += sp[0].length;
    }
  }
  const rest = s.slice(j, limit);
  let len = rest.search(ZH_TITLE_STOP);
  if (len < 0) len = rest.length;
  if (!columns) {
    const ws = rest.slice(0, len).search(/\s/u);
    if (ws >= 0) len = ws;
  }
  // `经理兼国家安全部联络员`: stop before `兼` when an organisation follows it.
  const jian = rest.slice(0, len).indexOf("兼");
  if (jian > 0 && parseOrgZh(s, j + jian + 1, limit, "suffix")) len = jian;
  let raw = rest.slice(0, len);
  raw = raw.replace(/(?:等职务?|等)$/u, "").replace(/\s+$/u, "");
  if (raw.length === 0 || raw.length > 30) return { title: null, next: mark ? j : at };
  if (startsWithAny(raw, 0, ZH_LEAD_BAD) && !mark && !isTitleZh(raw)) return { title: null, next: at };
  if (/^\d/u.test(raw)) return { title: null, next: at };
  return { title: [j, j + raw.length], next: j + raw.length };
}

// English helpers ---------------------------------------------------------------------------------------

const EN_TOKEN_Y = /[A-Za-z0-9][A-Za-z0-9'’&.-]*|&/y;

/**
 * An English organisation name starting at `from`: capitalised words joined by `of`, `and`, `for`, `the`,
 * `&`, ending at a lower-case word, punctuation, ` as `, or after a legal form (`Co., Ltd.`).
 */
function parseOrgEn(s: string, from: number, limit: number): OrgSpan | null {
  let i = from;
  const the = /^(?:the|The)\s+/u.exec(s.slice(i, i + 5));
  if (the) i += the[0].length;
  const start = i;
  let end = -1;
  let words = 0;
  while (i < limit) {
    EN_TOKEN_Y.lastIndex = i;
    const m = EN_TOKEN_Y.exec(s);
    if (!m || m.index >= limit) break;
    const whole = m[0].slice(0, limit - m.index);
    let tok = whole;
    const lower = tok.toLowerCase();
    const capital = isUpper(tok[0]) || isDigit(tok[0]) || tok === "&";
    if (!capital) {
      if (words === 0 || !EN_CONNECTORS.has(lower)) break;
      // A connector joins only when a capitalised word follows.
      const after = s.slice(i + tok.length).match(/^ +(?:the +)?([A-Z])/u);
      if (!after) break;
      i += tok.length;
      i += /^ +/u.exec(s.slice(i))![0].length;
      continue;
    }
    if (words === 0 && (isDigit(tok[0]) || EN_NOT_ORG.has(tok.replace(/\.$/u, "")))) return null;
    // Capitalised words that end a name: `NOVA ENGINEERING WORKS Since MAY 2018`.
    if (words > 0 && EN_ORG_STOP.has(lower)) break;
    // A trailing full stop ends the sentence unless it belongs to an abbreviation.
    if (tok.endsWith(".")) {
      const bareTok = tok.slice(0, -1);
      if (!EN_ABBREV.has(bareTok.toLowerCase()) && !/^(?:[A-Z]\.)+[A-Z]?$/u.test(tok)) tok = bareTok;
    }
    end = i + tok.length;
    words++;
    i = end;
    if (tok !== whole) break;
    EN_COMMA_LEGAL_Y.lastIndex = i;
    const legal = EN_COMMA_LEGAL_Y.exec(s);
    if (legal && i + legal[0].length <= limit) {
      end = i + legal[0].length;
      i = end;
      break;
    }
    // A legal form ends the name unless `of` follows: `Aviation Industry Corporation of China`.
    if (EN_LEGAL_END.test(tok) && tok !== "Co." && !/^ of [A-Z]/u.test(s.slice(i, i + 5))) break;
    const gap = /^ (?=[A-Za-z0-9&])/u.exec(s.slice(i, i + 2));
    if (!gap) break;
    i += 1;
  }
  if (end < 0 || words === 0) return null;
  const name = s.slice(start, end);
  if (EN_PARTIES.test(name)) return null;
  // `Shenzhen Public Security Bureau Network Police Officer`: a title at the end of the run.
  const parts = name.split(" ");
  let k = parts.length;
  while (
    k > 1 &&
    (EN_TITLE_HEADS.has(parts[k - 1]!.toLowerCase()) || EN_TITLE_MODS.has(parts[k - 1]!.toLowerCase()))
  )
    k--;
  if (
    k < parts.length &&
    EN_TITLE_HEADS.has(parts.at(-1)!.toLowerCase()) &&
    EN_ORG_HEAD.test(parts.slice(0, k).join(" "))
  ) {
    end = start + parts.slice(0, k).join(" ").length;
  }
  return { start, end, suffixed: EN_ORG_HEAD.test(s.slice(start, end)) };
}

/** Does `phrase` read as an English job title (a few words ending in a title word)? */
function isTitleEn(phrase: string): boolean {
  const words = phrase
    .trim()
    .replace(/^(?:an?|the)\s+/iu, "")
    .split(/\s+/u);
  if (words.length === 0 || words.length > 7 || words[0] === "") return false;
  const of = words.findIndex((w) => w.toLowerCase() === "of");
  const last = words
    .at(of > 0 ? of - 1 : -1)!
    .toLowerCase()
    .replace(/[.,]$/u, "");
  if (!EN_TITLE_HEADS.has(last) && !EN_TITLE_HEADS.has(last.replace(/s$/u, ""))) return false;
  return !words.some((w) =>
    /^(?:include|includes|including|our|we|customers?|clients?|with|for|at|to)$/iu.test(w),
  );
}

const EN_TITLE_END =
  /[,;.()|]|\s+(?:from|since|until|between|during|where|before|after|and then|in \d|in [A-Z][a-z]+,|–|—|-\s)/u;

/** `as <title>` after an English organisation. */
function titleAfterEn(s: string, at: number, limit: number): TitleSpan {
  // `Ministry of … (MIIT) as …`, `PLA Unit 74008 (August 2011 – January 2017), Technical Officer`.
  const acronym = /^\s*\((?:[A-Z][A-Za-z&]{1,9}|[^()]{0,40}\d{4}[^()]{0,40})\)/u.exec(s.slice(at, limit));
  if (acronym) at += acronym[0].length;
  const rest = s.slice(at, limit);
  // `joined ZTE in June 2016 as a senior engineer`: a time phrase may come first.
  const as = /^(?:\s+(?:in|from|since|during)\s+[^,;()]{1,30}?)?,?\s+as\s+(?:an?\s+|the\s+)?/iu.exec(rest);
  if (as) {
    const tail = rest.slice(as[0].length);
    let len = tail.search(EN_TITLE_END);
    if (len < 0) len = tail.length;
    const raw = tail.slice(0, len).trim();
    if (raw.length > 0 && raw.split(/\s+/u).length <= 8 && !/^well as\b/iu.test(raw)) {
      const j = at + as[0].length;
      return { title: [j, j + raw.length], next: j + raw.length, as: true };
    }
  }
  const sep = /^\s*(?:,|—|–|-|\||\()\s*/u.exec(rest);
  if (sep) {
    const tail = rest.slice(sep[0].length);
    let len = tail.search(/[,;|()]|\s[–—-]\s|\.(?:\s|$)/u);
    if (len < 0) len = tail.length;
    let raw = tail.slice(0, len).trim();
    let j = at + sep[0].length;
    // `Infrasoft Technologies, Andheri as a Java Developer`: the title is what follows `as`.
    const as2 = /^(.*?\s)as\s+(?:an?\s+)?/iu.exec(raw);
    if (as2) {
      j += as2[0].length;
      raw = raw.slice(as2[0].length);
    }
    if (isTitleEn(raw)) {
      return { title: [j, j + raw.length], next: j + raw.length };
    }
  }
  return { title: null, next: at };
}

// ---------------------------------------------------------------------------------------------------
// Clauses

/** Clause boundaries: line breaks, Chinese full stops and semicolons, English sentence ends. */
function splitClauses(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const push = (end: number, next: number) => {
    if (end > start) out.push([start, end]);
    start = next;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (
      c === "\n" ||
      c === "\r" ||
      c === "。" ||
      c === "；" ||
      c === ";" ||
      c === "！" ||
      c === "？" ||
      c === "•"
    ) {
      push(i, i + 1);
    } else if (c === "." && (i + 1 === s.length || /\s/u.test(s[i + 1]!))) {
      const word = /([A-Za-z.]+)$/u.exec(s.slice(Math.max(start, i - 12), i))?.[1] ?? "";
      const lower = word.toLowerCase();
      if (word.length === 1 || EN_ABBREV.has(lower) || /\.[a-z]$/iu.test(word)) continue;
      push(i, i + 1);
    } else if ((c === "!" || c === "?") && (i + 1 === s.length || /\s/u.test(s[i + 1]!))) {
      push(i, i + 1);
    }
  }
  push(s.length, s.length);
  return out;
}

interface Found {
  org: OrgSpan;
  title: [number, number] | null;
  kind: StintKind;
  /** Where the phrase that made it a stint begins (for choosing its date range). */
  anchor: number;
  /** The range that opens a list line, when the stint came from one. */
  listRange: DateRange | null;
  /** Chain id: posts listed after one verb share its range and concurrency. */
  chain: number;
  concurrent: boolean;
}

interface ClauseCtx {
  s: string;
  cs: number;
  ce: number;
  ranges: DateRange[];
  found: Found[];
  /** Text up to here is already read. */
  consumed: number;
  chains: number;
}

function claimed(ctx: ClauseCtx, start: number, end: number): boolean {
  return ctx.found.some((f) => f.org.start < end && start < f.org.end);
}

function add(ctx: ClauseCtx, f: Found): boolean {
  if (claimed(ctx, f.org.start, f.org.end)) return false;
  ctx.found.push(f);
  return true;
}

/**
 * Posts listed after a first one, separated by `、`, `，` or `兼`: `历任A公司财务经理、B公司副总经理`.
 * Returns where reading stopped.
 */
function chainZh(ctx: ClauseCtx, head: Found, from: number, columns: boolean): number {
  const { s, ce } = ctx;
  let at = from;
  let concurrent = head.concurrent;
  for (;;) {
    const sep = s[at];
    if (sep !== "、" && sep !== "，" && sep !== "," && sep !== "兼" && sep !== "和" && sep !== "及")
      return at;
    const q = at + 1;
    if (
      startsWithAny(s, q, [
        "任",
        "现任",
        "曾任",
        "历任",
        "兼任",
        "同时",
        "担任",
        "先后",
        "后任",
        "此前",
        "期间",
      ])
    )
      return at;
    const org = parseOrgZh(s, q, ce, sep === "、" ? "split" : "suffix");
    if (org) {
      if (sep === "兼") concurrent = true;
      const tt = titleAfterZh(s, org.end, ce, columns);
      add(ctx, { ...head, org, title: tt.title, anchor: q, concurrent });
      at = Math.max(org.end, tt.next);
      continue;
    }
    if (sep === "兼" || sep === "和" || sep === "及") {
      // `副董事长兼总经理`: another title at the same organisation.
      let len = s.slice(q, ce).search(/[，,。；;、\s]/u);
      if (len < 0) len = ce - q;
      if (!isTitleZh(s.slice(q, q + len))) return at;
      at = q + len;
      continue;
    }
    let len = s.slice(q, ce).search(/[，,。；;、（(\s]/u);
    if (len < 0) len = ce - q;
    const seg = s.slice(q, q + len);
    if (!isTitleZh(seg)) return at;
    at = q + len;
    // `科长（经理）`
    const paren = /^[（(]([^）)]{1,10})[）)]/u.exec(s.slice(at, ce));
    if (paren && isTitleZh(paren[1]!) && !paren[1]!.includes("兼")) at += paren[0].length;
  }
}

function zhTriggerOk(s: string, at: number, word: string): boolean {
  const prev = s[at - 1] ?? "";
  const next = s[at + word.length] ?? "";
  if (word === "任") {
    if ((prev && REN_PREV_BAD.includes(prev)) || (next && REN_NEXT_BAD.includes(next))) return false;
  }
  if (word === "兼") {
    if (next === "任" || next === "职" || next === "并" || next === "顾" || next === "容") return false;
  }
  if (word === "加入" || word === "进入") return next !== "了";
  return true;
}

/** `在<org>工作`, `于<org>任…`: the organisation sits between the preposition and a verb. */
function boundZh(ctx: ClauseCtx, at: number, chain: number): number {
  const { s, ce } = ctx;
  const p = at + 1;
  const next = s[p] ?? "";
  // `在2015年…` is a time, `在61419部队` a unit.
  if (ctx.ranges.some((r) => r.index === p) || "职校读此这那该我其家于".includes(next)) return at + 1;
  const max = Math.min(ce, p + 40);
  const seg = s.slice(p, max);
  const stop = seg.search(/[，,。；;：:！？!?\n\r]/u);
  const scope = stop < 0 ? seg : seg.slice(0, stop);
  const vm = ZH_BOUND_VERB_RE.exec(scope);
  let verb = vm?.[0] ?? "";
  let vIndex = vm?.index ?? -1;
  // `在浙江农业大学，历任讲师`: the post follows after a comma.
  if (!vm && stop > 0 && /^[，,](?:先后|曾|历|并|现)?(?:任|担任)/u.test(seg.slice(stop))) {
    verb = "工作";
    vIndex = stop;
  }
  if (vIndex < 2) return at + 1;
  const vAt = p + vIndex;
  let kind: StintKind = ZH_STUDY_VERBS.has(verb) ? "education" : "work";
  let q = p;
  let last = at + 1;
  while (q < vAt) {
    let pieceEnd = s.indexOf("、", q);
    if (pieceEnd < 0 || pieceEnd > vAt) pieceEnd = vAt;
    const org = parseOrgZh(s, q, pieceEnd, "any");
    if (org && org.start < org.end) {
      const name = s.slice(org.start, org.end);
      const school = ZH_SCHOOL_END.test(name);
      if (kind === "education" && !school) {
        if (verb === "获得" || verb === "取得" || verb === "毕业") return at + 1;
        kind = "work";
      }
      let title: [number, number] | null = null;
      if (ZH_POST_VERBS.has(verb)) {
        const tt = titleAfterZh(s, vAt + verb.length, ce, false);
        title = tt.title;
        if (tt.title && pieceEnd === vAt) last = Math.max(last, tt.next);
      } else if (org.end < pieceEnd) {
        const rest = s.slice(org.end, pieceEnd).trim();
        if (rest) title = [org.end, org.end + rest.length];
      } else if (
        pieceEnd === vAt &&
        /^[，,]?(?:担任|任)/u.test(s.slice(vAt + verb.length, vAt + verb.length + 3))
      ) {
        // `在61419部队工作，担任参谋`
        const tt = titleAfterZh(s, vAt + verb.length, ce, false);
        title = tt.title;
        if (tt.title) last = Math.max(last, tt.next);
      }
      add(ctx, {
        org,
        title,
        kind,
        anchor: at,
        listRange: null,
        chain,
        concurrent: false,
      });
      last = Math.max(last, pieceEnd);
    }
    q = pieceEnd + 1;
  }
  return last;
}

function prepositionOk(s: string, at: number): boolean {
  const prev = s[at - 1];
  if (prev === undefined) return true;
  if (/[\s，,。；;：:、（(]/u.test(prev) || isDigit(prev)) return true;
  if ("年月日今起生士曾并又后他她其均也还都仍即现".includes(prev)) return true;
  return s.slice(Math.max(0, at - 2), at) === "先后";
}

function chineseTriggers(ctx: ClauseCtx): void {
  const { s, cs, ce } = ctx;
  const clause = s.slice(cs, ce);
  const events: Array<{ at: number; word: string }> = [];
  ZH_TRIGGER_RE.lastIndex = 0;
  for (let m = ZH_TRIGGER_RE.exec(clause); m; m = ZH_TRIGGER_RE.exec(clause)) {
    events.push({ at: cs + m.index, word: m[0] });
  }
  const prep = /[在于到]/gu;
  for (let m = prep.exec(clause); m; m = prep.exec(clause)) {
    const at = cs + m.index;
    // `2012/2至现在在天津市公安局工作`: right after a date range.
    const afterRange = ctx.ranges.some((r) => r.index + r.length === at);
    if (afterRange || prepositionOk(s, at)) events.push({ at, word: m[0] });
  }
  events.sort((a, b) => a.at - b.at);
  for (const ev of events) {
    if (ev.at < ctx.consumed) continue;
    if (ctx.ranges.some((r) => r.index <= ev.at && ev.at < r.index + r.length)) continue;
    const chain = ctx.chains++;
    if (ev.word === "在" || ev.word === "于" || ev.word === "到") {
      // `就职于` etc. are triggers of their own; a bare `于` right after them is not.
      if (ev.word === "于" && ZH_TRIGGERS[s.slice(ev.at - 2, ev.at + 1)]) continue;
      ctx.consumed = Math.max(ctx.consumed, boundZh(ctx, ev.at, chain));
      continue;
    }
    const tr = ZH_TRIGGERS[ev.word];
    if (!tr || !zhTriggerOk(s, ev.at, ev.word)) continue;
    let p = ev.at + ev.word.length;
    while (p < ce && /[\s:：]/u.test(s[p]!)) p++;
    if (s[p] === "于" && !ev.word.endsWith("于")) continue;
    // `任职于在深圳市华为技术有限公司`: a stray preposition.
    if ((s[p] === "在" || s[p] === "于") && ev.word.endsWith("于")) p++;
    // `进入双成药业工作`: a closing verb vouches for a name without a suffix.
    let mode = tr.bare;
    if (mode === "suffix" && !tr.post && /^(?:工作|任职|实习)/u.test(s.slice(zhWindowEnd(s, p, ce), ce)))
      mode = "any";
    const org = parseOrgZh(s, p, ce, mode);
    if (!org) {
      if (tr.post) {
        // `任研发工程师`: a title without an organisation; skip past it.
        const tt = titleAfterZh(s, p, ce, false);
        if (tt.title) ctx.consumed = Math.max(ctx.consumed, tt.next);
      }
      continue;
    }
    // `加入研发团队` joins a team, not an employer.
    if (ev.word === "加入" && !org.suffixed && /团队|小组|项目/u.test(s.slice(org.start, org.end))) continue;
    const kind = tr.kind;
    const tt = titleAfterZh(s, org.end, ce, false);
    const head: Found = {
      org,
      title: tt.title,
      kind,
      anchor: ev.at,
      listRange: null,
      chain,
      concurrent: tr.concurrent,
    };
    if (!add(ctx, head)) continue;
    let next = Math.max(org.end, tt.next);
    if (tr.post || tr.kind === "work") next = chainZh(ctx, head, next, false);
    ctx.consumed = Math.max(ctx.consumed, next);
  }
}

/** A clause that opens with a date range: `2015.04-至今 深圳市公安局南山分局 网警`. */
function listLine(ctx: ClauseCtx): void {
  const { s, cs, ce } = ctx;
  let p = cs;
  while (p < ce && /[\s\-*·•>]|[0-9]\.(?!\d)/u.test(s[p]!)) {
    if (isDigit(s[p]) && ctx.ranges[0]?.index === p) break;
    p++;
  }
  const first = ctx.ranges[0];
  // A label before the range: `工作经历：2019.07-至今 …`, `Experience: 2015 – 2018 …`.
  const label = /^[^\s，,：:。]{1,12}[：:]\s*/u.exec(s.slice(p, ce));
  if (label && first?.index === p + label[0].length) p += label[0].length;
  if (first?.index === p) {
    p = first.index + first.length;
    // `2019.03- 华为技术有限公司 工程师`: a dash with no end date opens a list line that is still running.
    const dash = /^\s*[-—–―~]+/u.exec(s.slice(p, ce));
    if (dash && !first.end && !first.open) {
      p += dash[0].length;
      ctx.ranges[0] = { ...first, open: true, length: p - first.index };
    }
    const range = ctx.ranges[0]!;
    while (p < ce && /[\s:：，,|/]/u.test(s[p]!)) p++;
    if (p >= ce) return;
    if (isCjk(s[p]) || /^[0-9]+\p{Script=Han}/u.test(s.slice(p, p + 8))) listZh(ctx, p, range);
    else if (isUpper(s[p]) && !degreeLineEn(ctx, p, range)) listEn(ctx, p, range);
    return;
  }
  // `华为技术有限公司  2015.03-2018.06  高级工程师`
  if (isCjk(s[p])) {
    const org = parseOrgZh(s, p, ce, "suffix");
    if (!org || org.end !== zhWindowEnd(s, p, ce)) return;
    const r = ctx.ranges.find((x) => x.index >= org.end && /^[\s|，,]*$/u.test(s.slice(org.end, x.index)));
    if (!r) return;
    const tt = titleAfterZh(s, r.index + r.length, ce, true);
    const clause = s.slice(cs, ce);
    const kind: StintKind =
      ZH_SCHOOL_END.test(s.slice(org.start, org.end)) && ZH_EDU_WORDS.test(clause) ? "education" : "work";
    add(ctx, { org, title: tt.title, kind, anchor: p, listRange: r, chain: ctx.chains++, concurrent: false });
    ctx.consumed = Math.max(ctx.consumed, tt.next, r.index + r.length);
  }
}

function listZh(ctx: ClauseCtx, p: number, r: DateRange): void {
  const { s, cs, ce } = ctx;
  const trig =
    /^(?:就职于|任职于|供职于|工作于|服役于|就读于|毕业于|加入|入职|进入|考入|任|担任|曾任|历任|现任|兼任|同时|先后|在|于)/u;
  if (trig.test(s.slice(p, p + 4))) return;
  let org = parseOrgZh(s, p, ce, "split");
  if (!org) {
    // A column layout allows a name without a suffix when a title follows it:
    // `2015.03-至今 华为 高级工程师`, `06/2024－至今，中国人民解放军海军，技术参谋`.
    const w = zhWindowEnd(s, p, ce);
    const next = /^(?:[ \t]+|[，,])([^，,。；;、\s]+)/u.exec(s.slice(w, ce));
    if (next && (/^[ \t]/u.test(s[w]!) || isTitleZh(next[1]!))) {
      const name = s.slice(p, w);
      if (plausibleBareZh(name)) org = { start: p, end: w, suffixed: false };
    }
  }
  if (!org) return;
  const clause = s.slice(cs, ce);
  const school = ZH_SCHOOL_END.test(s.slice(org.start, org.end));
  const kind: StintKind = school && ZH_EDU_WORDS.test(clause) ? "education" : "work";
  let tt = titleAfterZh(s, org.end, ce, true);
  if (!tt.title && (s[org.end] === "，" || s[org.end] === ",")) {
    // `…，合肥市易联通信技术有限公司，运维工程师`
    let len = s.slice(org.end + 1, ce).search(/[，,。；;、（(\s]/u);
    if (len < 0) len = ce - org.end - 1;
    const seg = s.slice(org.end + 1, org.end + 1 + len);
    if (isTitleZh(seg)) tt = { title: [org.end + 1, org.end + 1 + len], next: org.end + 1 + len };
  }
  const head: Found = {
    org,
    title: tt.title,
    kind,
    anchor: p,
    listRange: r,
    chain: ctx.chains++,
    concurrent: false,
  };
  if (!add(ctx, head)) return;
  const next = chainZh(ctx, head, Math.max(org.end, tt.next), true);
  ctx.consumed = Math.max(ctx.consumed, next);
}

/** A title phrase ending just before `end`, walking back over words to a delimiter. */
function titleBefore(s: string, from: number, end: number): [number, number] | null {
  const seg = s.slice(from, end);
  const cut = Math.max(
    seg.lastIndexOf(","),
    seg.lastIndexOf(";"),
    seg.lastIndexOf(":"),
    seg.lastIndexOf("("),
    seg.lastIndexOf("|"),
    seg.search(/[–—]\s*[^–—]*$/u),
  );
  let start = from + cut + 1;
  const words = s.slice(start, end).split(/(\s+)/u);
  // Drop leading words that are not part of a title: `She was a senior engineer`.
  let k = words.length - 1;
  let n = 0;
  while (k >= 0) {
    const w = words[k]!;
    if (/^\s*$/u.test(w)) {
      k--;
      continue;
    }
    const lw = w.toLowerCase();
    const isTitleWord =
      EN_TITLE_HEADS.has(lw) ||
      EN_TITLE_MODS.has(lw) ||
      EN_TITLE_HEADS.has(lw.replace(/s$/u, "")) ||
      isUpper(w[0]);
    if (!isTitleWord || n >= 6 || /^(?:as|a|an|the|was|is|am|were|been|be|and|then)$/iu.test(w)) break;
    n++;
    k--;
  }
  if (n === 0) return null;
  start = end - words.slice(k + 1).join("").length;
  const title = s.slice(start, end).trim();
  if (!isTitleEn(title)) return null;
  // Skip a leading date: `2015–2018 Senior Engineer at Huawei`.
  return [start + (s.slice(start, end).length - s.slice(start, end).trimStart().length), end];
}

function englishTriggers(ctx: ClauseCtx): void {
  const { s, cs, ce } = ctx;
  const clause = s.slice(cs, ce);
  type Ev = {
    at: number;
    orgFrom: number;
    kind: StintKind;
    weak: boolean;
    /** `attended`: only a school counts (`attended Project review meetings` does not). */
    school: boolean;
    /** `for`/`to`/`with`: the name must not be a modifier (`representative for Huawei products`). */
    modifierRisk: boolean;
    title: [number, number] | null;
  };
  const events: Ev[] = [];
  EN_VERB_RE.lastIndex = 0;
  for (let m = EN_VERB_RE.exec(clause); m; m = EN_VERB_RE.exec(clause)) {
    const verb = m[1]!.toLowerCase();
    const at = cs + m.index;
    const after = at + m[0].length;
    const rest = s.slice(after, ce);
    let kind: StintKind = "work";
    let re: RegExp;
    if (/^(?:worked|works|working|work|interned|interning)$/u.test(verb)) {
      re = /^\s+(?:as\s+(?:an?\s+|the\s+)?([^,;()]{2,60}?)\s+)?(at|for|in)\s+/iu;
    } else if (/^(?:employed|hired)$/u.test(verb)) {
      re = /^\s+(?:as\s+(?:an?\s+|the\s+)?([^,;()]{2,60}?)\s+)?(by|at|with|in)\s+/iu;
    } else if (/^(?:served|serving|serves)$/u.test(verb)) {
      re = /^\s+(?:as\s+(?:an?\s+|the\s+)?([^,;()]{2,60}?)\s+)?(in|with|at|for|to)\s+/iu;
    } else if (/^(?:joined|joining|joins|rejoined)$/u.test(verb)) {
      re = /^\s+()()/u;
    } else if (/^(?:graduated|graduating)$/u.test(verb)) {
      re = /^\s+()(from)\s+/iu;
      kind = "education";
    } else if (/^(?:studied|studying)$/u.test(verb)) {
      re = /^\s+(?:([^,;()]{2,40}?)\s+)?(at|in)\s+/iu;
      kind = "education";
    } else if (/^(?:attended|attending)$/u.test(verb)) {
      re = /^\s+()()/u;
      kind = "education";
    } else if (verb === "enrolled") {
      re = /^\s+()(at|in)\s+/iu;
      kind = "education";
    } else {
      re = /^\s+()(at|with)\s+/iu;
    }
    const pm = re.exec(rest);
    if (!pm) continue;
    let title: [number, number] | null = null;
    if (pm[1] && kind === "work") {
      const tStart = after + rest.indexOf(pm[1], pm[0].indexOf("as") + 2);
      if (isTitleEn(pm[1])) title = [tStart, tStart + pm[1].length];
      else continue;
    }
    const prep = (pm[2] ?? "").toLowerCase();
    events.push({
      at,
      orgFrom: after + pm[0].length,
      kind,
      weak: prep === "in",
      school: /^attend/u.test(verb),
      modifierRisk: false,
      title,
    });
  }
  EN_TITLE_AT_RE.lastIndex = 0;
  for (let m = EN_TITLE_AT_RE.exec(clause); m; m = EN_TITLE_AT_RE.exec(clause)) {
    const head = m[1]!.toLowerCase();
    if (!EN_TITLE_HEADS.has(head) && !EN_TITLE_HEADS.has(head.replace(/s$/u, ""))) continue;
    const headEnd = cs + m.index + m[1]!.length;
    const title = titleBefore(s, cs, headEnd);
    if (!title) continue;
    EN_TITLE_AT_RE.lastIndex = m.index + m[1]!.length;
    events.push({
      at: title[0],
      orgFrom: cs + m.index + m[0].length,
      kind: "work",
      weak: m[2]!.toLowerCase() === "in",
      school: false,
      modifierRisk: /^(?:for|to|with)$/iu.test(m[2]!),
      title,
    });
  }
  events.sort((a, b) => a.at - b.at);
  for (const ev of events) {
    if (ev.orgFrom < ctx.consumed) continue;
    const org = parseOrgEn(s, ev.orgFrom, ce);
    if (!org) continue;
    if (ev.weak && !org.suffixed) continue;
    if (ev.school && !EN_SCHOOL.test(s.slice(org.start, org.end))) continue;
    if (ev.modifierRisk) {
      const nextWord = /^\s+([a-z][a-z-]*)/u.exec(s.slice(org.end, ce))?.[1];
      if (nextWord && !EN_FOLLOW_OK.has(nextWord)) continue;
    }
    let kind = ev.kind;
    if (
      kind === "work" &&
      EN_SCHOOL.test(s.slice(org.start, org.end)) &&
      EN_EDU_WORDS.test(s.slice(cs, ce))
    ) {
      kind = ev.title ? "work" : "education";
    }
    let title = ev.title;
    let next = org.end;
    if (!title) {
      const tt = titleAfterEn(s, org.end, ce);
      title = tt.title;
      next = Math.max(next, tt.next);
    }
    const f: Found = {
      org,
      title,
      kind,
      anchor: ev.at,
      listRange: null,
      chain: ctx.chains++,
      concurrent: false,
    };
    if (add(ctx, f)) ctx.consumed = Math.max(ctx.consumed, next);
  }
}

/** English list line or heading: `<Title>, <Org>`, `<Org> — <Title>`, `<date range> <Org>`. */
function listEn(ctx: ClauseCtx, start: number, r: DateRange | null): void {
  const { s, cs, ce } = ctx;
  let p = start;
  const rest = s.slice(p, ce);
  // `<Title>, <Org>` and `<Title> at <Org>` (the latter is read by englishTriggers).
  const comma = rest.search(/,|\s[–—|-]\s/u);
  if (comma > 0) {
    let first = rest.slice(0, comma);
    // `Designation: Service Manager - Operations`: drop the label; `Tools: …` is no post at all.
    const colon = first.lastIndexOf(":");
    if (colon >= 0) {
      if (/^(?:Environment|Tools|Skills?|Technolog|Platform|Operating|Software|Languages?)/iu.test(first))
        return;
      p += colon + 1;
      while (p < ce && /\s/u.test(s[p]!)) p++;
      first = s.slice(p, start + comma);
    }
    // A comma after a title needs a date or a name that looks like an organisation; a dash does not.
    const dash = rest[comma] !== ",";
    if (isTitleEn(first) && !/\s(?:at|with|for|to|in)\s/u.test(first)) {
      let q = p + comma + 1;
      while (q < ce && /[\s–—|-]/u.test(s[q]!)) q++;
      const org = parseOrgEn(s, q, ce);
      if (org && (dash || r || org.suffixed || ce - cs <= 80)) {
        const kind: StintKind = "work";
        add(ctx, {
          org,
          title: [p, p + first.trimEnd().length],
          kind,
          anchor: p,
          listRange: r,
          chain: ctx.chains++,
          concurrent: false,
        });
        ctx.consumed = Math.max(ctx.consumed, org.end);
        return;
      }
    }
  }
  if (/^\S+(?:\s+\S+){0,6}\s+(?:at|with)\s+[A-Z]/u.test(rest)) return;
  const org = parseOrgEn(s, p, ce);
  if (!org) return;
  const name = s.slice(org.start, org.end);
  if (EN_LABEL.test(name) || EN_DEGREE.test(name)) return;
  const tt = titleAfterEn(s, org.end, ce);
  // Without a date the line needs a title after a separator (`Huawei Technologies — Network Engineer`);
  // without a title the name must look like an organisation (`2015–2018 Huawei Technologies Co., Ltd.`).
  if (!r && (!tt.title || (tt.as && !org.suffixed))) return;
  if (!tt.title && !org.suffixed) return;
  const clause = s.slice(cs, ce);
  let kind: StintKind = "work";
  if (EN_SCHOOL.test(s.slice(org.start, org.end)) && EN_EDU_WORDS.test(clause)) kind = "education";
  // A list line needs an organisation, not a lone capitalised word that starts a sentence.
  if (!tt.title && !org.suffixed && /^\s+[a-z]/u.test(s.slice(org.end, org.end + 3))) return;
  add(ctx, { org, title: tt.title, kind, anchor: p, listRange: r, chain: ctx.chains++, concurrent: false });
  ctx.consumed = Math.max(ctx.consumed, org.end, tt.next);
}

/**
 * An English education line that opens with the degree: `B.S. in Mathematics, Beihang University, 2013 – 2017`,
 * `M.Eng. in Computer Science from Tsinghua University`. Returns whether it read one.
 */
function degreeLineEn(ctx: ClauseCtx, p: number, r: DateRange | null): boolean {
  const { s, ce } = ctx;
  if (!EN_DEGREE.test(s.slice(p, p + 20))) return false;
  const re = /,\s*|\s+(?:from|at)\s+(?:the\s+)?/gu;
  const rest = s.slice(p, ce);
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    const q = p + m.index + m[0].length;
    const org = parseOrgEn(s, q, ce);
    if (!org || !EN_SCHOOL.test(s.slice(org.start, org.end))) continue;
    const title: [number, number] = [p, p + m.index];
    add(ctx, {
      org,
      title,
      kind: "education",
      anchor: p,
      listRange: r,
      chain: ctx.chains++,
      concurrent: false,
    });
    ctx.consumed = Math.max(ctx.consumed, org.end);
    return true;
  }
  return false;
}

/** A clause that reads like education: a school name ending in 大学/学院/学校 among degree words. */
function educationLine(ctx: ClauseCtx): void {
  const { s, cs, ce } = ctx;
  const clause = s.slice(cs, ce);
  if (!ZH_EDU_WORDS.test(clause)) return;
  const re = /大学|学院|学校/gu;
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    const end = cs + m.index + m[0].length;
    if (claimed(ctx, end - 1, end)) continue;
    if ("生习".includes(s[end] ?? "")) continue;
    let b = end - m[0].length;
    while (b > cs && end - b < 20) {
      const c = s[b - 1]!;
      if (ZH_STOP.has(c) || isDigit(c) || "年月日于在获得从读考入".includes(c) || c === "(" || c === "（")
        break;
      b--;
    }
    if (end - m[0].length - b < 2) continue;
    const org = parseOrgZh(s, b, ce, "suffix");
    if (!org || org.end < end) continue;
    add(ctx, {
      org,
      title: null,
      kind: "education",
      anchor: b,
      listRange: null,
      chain: ctx.chains++,
      concurrent: false,
    });
  }
}

/**
 * The range that governs a stint: the one opening its list line, else the last one before the phrase
 * that made it a stint, else the first one after its organisation (`Engineer at Huawei (2015–2019)`).
 * A range already taken by an earlier post is shared only by a post held alongside (`兼任`, `期间`).
 */
function rangeFor(
  ctx: ClauseCtx,
  f: Found,
  nextAnchor: number,
  used: Set<DateRange>,
  share: boolean,
): DateRange | null {
  if (f.listRange) return f.listRange;
  const { s } = ctx;
  const usable = ctx.ranges.filter(
    (r) => !LIFE_EVENT_RE.test(s.slice(r.index + r.length, r.index + r.length + 8)),
  );
  let best: DateRange | null = null;
  for (const r of usable) if (r.index + r.length <= f.anchor) best = r;
  if (best && (share || !used.has(best))) return best;
  for (const r of usable) if (r.index >= f.org.end && r.index < nextAnchor && !used.has(r)) return r;
  return null;
}

const SHARE_RANGE_RE = /期间|其间|同期|\bduring\b|\bmeanwhile\b/iu;

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]{2}/;

/**
 * Work and study stints in free text, in order of appearance. See the module comment for what counts.
 *
 * @example
 * extractWork("2010年7月至2015年3月，就职于华为技术有限公司，任研发工程师")
 * // [{ org: "华为技术有限公司", title: "研发工程师", range: 2010-07..2015-03, kind: "work", ... }]
 * extractWork("负责华为设备的安装维护") // []
 */
export function extractWork(text: string): ExtractedStint[] {
  const s = foldDateChars(text);
  const allRanges = findDateRanges(s);
  const out: ExtractedStint[] = [];
  const anyHan = HAN.test(s);
  const anyLatin = LATIN.test(s);
  let r0 = 0;
  for (const [cs, ce] of splitClauses(s)) {
    while (r0 < allRanges.length && allRanges[r0]!.index < cs) r0++;
    const ranges: DateRange[] = [];
    for (let k = r0; k < allRanges.length && allRanges[k]!.index < ce; k++) {
      const r = allRanges[k]!;
      if (r.index + r.length <= ce) ranges.push(r);
    }
    const ctx: ClauseCtx = { s, cs, ce, ranges, found: [], consumed: cs, chains: 0 };
    listLine(ctx);
    const clause = s.slice(cs, ce);
    if (anyHan && HAN.test(clause)) chineseTriggers(ctx);
    if (anyLatin && LATIN.test(clause)) {
      englishTriggers(ctx);
      let p = cs;
      while (p < ce && /\s/u.test(s[p]!)) p++;
      if (ctx.found.length === 0 && isUpper(s[p]) && !degreeLineEn(ctx, p, null)) listEn(ctx, p, null);
    }
    educationLine(ctx);
    const found = ctx.found.sort((a, b) => a.org.start - b.org.start);
    // Chain heads decide the range and concurrency of the posts listed after them.
    const heads = new Map<number, { range: DateRange | null; concurrent: boolean }>();
    const used = new Set<DateRange>();
    let prevEnd = cs;
    for (let i = 0; i < found.length; i++) {
      const f = found[i]!;
      let head = heads.get(f.chain);
      if (!head) {
        const nextAnchor = found.slice(i + 1).find((g) => g.chain !== f.chain)?.anchor ?? ce;
        const between = s.slice(prevEnd, f.org.start);
        const concurrent = f.concurrent || CONCURRENT_RE.test(between);
        const range = rangeFor(ctx, f, nextAnchor, used, concurrent || SHARE_RANGE_RE.test(between));
        if (range) used.add(range);
        head = { range, concurrent };
        heads.set(f.chain, head);
      }
      prevEnd = f.org.end;
      out.push({
        org: text.slice(f.org.start, f.org.end),
        orgStart: f.org.start,
        orgEnd: f.org.end,
        title: f.title ? text.slice(f.title[0], f.title[1]).trim() || null : null,
        range: head.range,
        clauseStart: cs,
        clauseEnd: ce,
        concurrent: head.concurrent || f.concurrent,
        kind: f.kind,
      });
    }
  }
  return out;
}
