import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type DateRange, formatYearMonth } from "./dates.js";
import { type ExtractedStint, extractWork } from "./extract.js";

/** `2010-07..2015-03`, `2015-04..open`, `2016-03` (a lone date), `..2013` (an end alone), or null. */
function rangeText(r: DateRange | null): string | null {
  if (!r) return null;
  const start = formatYearMonth(r.start) ?? "";
  if (r.open) return `${start}..open`;
  if (!r.end) return start;
  return `${start}..${formatYearMonth(r.end)}`;
}

interface Want {
  org: string;
  title?: string | null;
  range?: string | null;
  kind?: "work" | "education";
  concurrent?: boolean;
}

interface Case {
  text: string;
  want: Want[];
}

// Synthetic sentences written for these tests; the people are fictional, the organisations real or made up.
const ZH: Case[] = [
  {
    text: "2010年7月至2015年3月，就职于华为技术有限公司，任研发工程师",
    want: [{ org: "华为技术有限公司", title: "研发工程师", range: "2010-07..2015-03", kind: "work" }],
  },
  {
    text: "2008.09-2012.06 国防科技大学 计算机 本科",
    want: [{ org: "国防科技大学", title: "计算机 本科", range: "2008-09..2012-06", kind: "education" }],
  },
  {
    text: "2015.04-至今 深圳市公安局南山分局 网警",
    want: [{ org: "深圳市公安局南山分局", title: "网警", range: "2015-04..open", kind: "work" }],
  },
  {
    text: "任华为技术有限公司研发工程师，兼任国家安全部驻公司联络员",
    want: [
      { org: "华为技术有限公司", title: "研发工程师", concurrent: false },
      { org: "国家安全部", title: "驻公司联络员", concurrent: true },
    ],
  },
  { text: "负责华为设备的安装维护", want: [] },
  { text: "为深圳市公安局提供技术支持", want: [] },
  { text: "2012年参加大学军训", want: [] },
  { text: "家住解放路12号", want: [] },
  { text: "邮编518129", want: [] },
  { text: "工号61398", want: [] },
  { text: "负责与北京市公安局的对接", want: [] },
  { text: "本人长期为公安、军队客户提供解决方案", want: [] },
  { text: "曾在华为设备上开发驱动程序", want: [] },
  { text: "2014-2016 参与公安部“金盾工程”项目建设", want: [] },
  { text: "1990年6月加入中国共产党", want: [] },
  { text: "大学期间参加军训，任连队文书", want: [] },
  { text: "历任公司采供处处长兼党支部书记", want: [] },
  {
    text: "1995年5月--2010年2月历任华为技术有限公司财务经理、山东华为副总经理、河北华为副总经理等职务。",
    want: [
      { org: "华为技术有限公司", title: "财务经理", range: "1995-05..2010-02" },
      { org: "山东华为", title: "副总经理", range: "1995-05..2010-02" },
      { org: "河北华为", title: "副总经理", range: "1995-05..2010-02" },
    ],
  },
  {
    text: "曾任00423部队组织宣传股干事、00429部队政治部宣传干事。",
    want: [
      { org: "00423部队", title: "组织宣传股干事" },
      { org: "00429部队", title: "政治部宣传干事" },
    ],
  },
  {
    text: "1981年至1983年，在兰州军区84564部队工作；",
    want: [{ org: "兰州军区84564部队", title: null, range: "1981..1983" }],
  },
  {
    text: "先后任北京市公安局刑侦处干警、二级警司。",
    want: [{ org: "北京市公安局", title: "刑侦处干警", range: null }],
  },
  {
    text: "2016年3月入职中兴通讯股份有限公司，担任无线产品经理",
    want: [{ org: "中兴通讯股份有限公司", title: "无线产品经理", range: "2016-03" }],
  },
  {
    text: "2005年9月-2009年7月 就读于北京邮电大学通信工程专业，获工学学士学位",
    want: [{ org: "北京邮电大学", title: "通信工程专业", range: "2005-09..2009-07", kind: "education" }],
  },
  {
    text: "2009年毕业于西安电子科技大学",
    want: [{ org: "西安电子科技大学", range: "2009", kind: "education" }],
  },
  {
    text: "2003年至2008年在中国人民解放军61398部队服役",
    want: [{ org: "中国人民解放军61398部队", range: "2003..2008", kind: "work" }],
  },
  {
    text: "2011.07-2014.12 中国电子科技集团公司第三十研究所 软件工程师",
    want: [{ org: "中国电子科技集团公司第三十研究所", title: "软件工程师", range: "2011-07..2014-12" }],
  },
  {
    text: "曾任深圳市国家安全局技术处副处长",
    want: [{ org: "深圳市国家安全局", title: "技术处副处长" }],
  },
  {
    text: "现任北京国安足球俱乐部球探",
    want: [{ org: "北京国安足球俱乐部", title: "球探" }],
  },
  {
    text: "2013年至2016年，任国家安全生产监督管理总局科员",
    want: [{ org: "国家安全生产监督管理总局", title: "科员", range: "2013..2016" }],
  },
  {
    text: "2018年加入华为，任高级架构师",
    want: [{ org: "华为", title: "高级架构师", range: "2018" }],
  },
  { text: "在公安县人民医院工作", want: [{ org: "公安县人民医院", title: null }] },
  {
    text: "2014年起担任腾讯科技（深圳）有限公司产品经理",
    want: [{ org: "腾讯科技（深圳）有限公司", title: "产品经理", range: "2014..open" }],
  },
  {
    text: "1999年5月—2010年4月任天津宏达投资集团有限公司董事",
    want: [{ org: "天津宏达投资集团有限公司", title: "董事", range: "1999-05..2010-04" }],
  },
  {
    text: "先后在北京市公安局网安总队、公安部第三研究所工作",
    want: [{ org: "北京市公安局网安总队" }, { org: "公安部第三研究所" }],
  },
  {
    text: "2006年12月入伍，服役于武警北京总队，任排长",
    want: [{ org: "武警北京总队", title: "排长", range: "2006-12" }],
  },
  {
    text: "2012年7月，进入中国航天科工集团第二研究院工作",
    want: [{ org: "中国航天科工集团第二研究院", range: "2012-07" }],
  },
  {
    text: "2004年至2008年就读于哈尔滨工业大学，获硕士学位",
    want: [{ org: "哈尔滨工业大学", range: "2004..2008", kind: "education" }],
  },
  {
    text: "2000年11月至2003年2月任北京航空航天大学副校长，现任该校常务副校长",
    want: [{ org: "北京航空航天大学", title: "副校长", range: "2000-11..2003-02" }],
  },
  {
    text: "2015年6月至2018年6月，任职于深圳市腾讯计算机系统有限公司，职位：后台开发工程师",
    want: [{ org: "深圳市腾讯计算机系统有限公司", title: "后台开发工程师", range: "2015-06..2018-06" }],
  },
  {
    // A company's own security department is part of the post, not an organisation.
    text: "工作经历：2019.07-至今 华为技术有限公司 网络安全部 安全工程师",
    want: [{ org: "华为技术有限公司", title: "网络安全部 安全工程师", range: "2019-07..open" }],
  },
  {
    text: "2010.09-2013.07 华为技术有限公司信息安全部 工程师",
    want: [{ org: "华为技术有限公司", title: "信息安全部 工程师", range: "2010-09..2013-07" }],
  },
  {
    text: "同时担任杭州市公安局技术顾问",
    want: [{ org: "杭州市公安局", title: "技术顾问", concurrent: true }],
  },
  {
    text: "2011年至2014年任北京星辰科技有限公司总经理，同时任北京市国家安全局特聘专家",
    want: [
      { org: "北京星辰科技有限公司", title: "总经理", range: "2011..2014", concurrent: false },
      { org: "北京市国家安全局", title: "特聘专家", range: "2011..2014", concurrent: true },
    ],
  },
  {
    text: "2002年参加工作，先后在中国联通、中国移动从事网络优化",
    want: [
      { org: "中国联通", range: null },
      { org: "中国移动", range: null },
    ],
  },
  {
    text: "2016年毕业后入职北京字节跳动科技有限公司",
    want: [{ org: "北京字节跳动科技有限公司", range: "2016", kind: "work" }],
  },
  {
    text: "2020年至今，在上海交通大学攻读博士学位",
    want: [{ org: "上海交通大学", range: "2020..open", kind: "education" }],
  },
  {
    text: "２０１５年３月～至今 深圳市公安局南山分局 技术员",
    want: [{ org: "深圳市公安局南山分局", title: "技术员", range: "2015-03..open" }],
  },
  {
    // The restaurant is the employer; the organisation covers the whole name.
    text: "2012年至2015年在部队火锅店任店长",
    want: [{ org: "部队火锅店", title: "店长", range: "2012..2015" }],
  },
  {
    text: "公安县第一中学 2005.09-2008.06 高中",
    want: [{ org: "公安县第一中学", range: "2005-09..2008-06", kind: "education" }],
  },
  {
    text: "2009年7月至2012年6月，在中国工商银行深圳分行任客户经理",
    want: [{ org: "中国工商银行深圳分行", title: "客户经理", range: "2009-07..2012-06" }],
  },
  {
    text: "2011年毕业于解放军信息工程大学，分配至总参谋部第三部工作",
    want: [
      { org: "解放军信息工程大学", range: "2011", kind: "education" },
      { org: "总参谋部第三部", range: null, kind: "work" },
    ],
  },
  {
    text: "1998年至2003年任华为技术有限公司市场部经理；2003年至今任深圳市公安局网络警察支队技术顾问。",
    want: [
      { org: "华为技术有限公司", title: "市场部经理", range: "1998..2003" },
      { org: "深圳市公安局网络警察支队", title: "技术顾问", range: "2003..open" },
    ],
  },
  {
    text: "2007年9月至2010年7月，就读于中国人民大学计算机系，获硕士学位",
    want: [{ org: "中国人民大学计算机系", range: "2007-09..2010-07", kind: "education" }],
  },
  {
    text: "曾任乐普医疗采购部经理",
    want: [{ org: "乐普医疗", title: "采购部经理" }],
  },
  {
    text: "现任上海医药（集团）监察室副主任",
    want: [{ org: "上海医药（集团）", title: "监察室副主任" }],
  },
  {
    text: "历任武汉中博生物股份有限公司（非上市公司）独立董事",
    want: [{ org: "武汉中博生物股份有限公司" }],
  },
  {
    text: "2005年至今担任福建海源机械股份有限公司董事，兼任海诚投资副董事长",
    want: [
      { org: "福建海源机械股份有限公司", title: "董事", range: "2005..open", concurrent: false },
      { org: "海诚投资", title: "副董事长", range: "2005..open", concurrent: true },
    ],
  },
  {
    text: "曾任北京城市开发集团有限责任公司副总经理、总建筑师，北京首都开发控股（集团）有限公司总规划师",
    want: [
      { org: "北京城市开发集团有限责任公司", title: "副总经理" },
      { org: "北京首都开发控股（集团）有限公司", title: "总规划师" },
    ],
  },
  {
    text: "1997年9月至2018年10月在61419部队工作，担任参谋",
    want: [{ org: "61419部队", title: "参谋", range: "1997-09..2018-10" }],
  },
  {
    text: "2018.01—现在在中国人民解放军海军工作，担任工程师",
    want: [{ org: "中国人民解放军海军", title: "工程师", range: "2018-01..open" }],
  },
  {
    text: "06/2024－至今，中国人民解放军海军，技术参谋",
    want: [{ org: "中国人民解放军海军", title: "技术参谋", range: "2024-06..open" }],
  },
  {
    text: "2014年05月-今，合肥市易联通信技术有限公司，运维工程师（兼任总参三部外聘专家）",
    want: [
      { org: "合肥市易联通信技术有限公司", title: "运维工程师", range: "2014-05..open", concurrent: false },
      { org: "总参三部", title: "外聘专家", range: "2014-05..open", concurrent: true },
    ],
  },
  {
    text: "2006.09—2010.06 中国人民解放军国防科技大学 计算机科学与技术 本科",
    want: [{ org: "中国人民解放军国防科技大学", range: "2006-09..2010-06", kind: "education" }],
  },
  {
    // A list line whose end date is left blank is still running.
    text: "2019.03- 华为技术有限公司 工程师",
    want: [{ org: "华为技术有限公司", title: "工程师", range: "2019-03..open" }],
  },
  { text: "2012年至今在职攻读工程硕士", want: [] },
  { text: "在项目期间担任技术负责人", want: [] },
];

const EN: Case[] = [
  {
    text: "Senior Engineer at Huawei Technologies Co., Ltd. (2015–2019)",
    want: [{ org: "Huawei Technologies Co., Ltd.", title: "Senior Engineer", range: "2015..2019" }],
  },
  {
    text: "2015–2018 Huawei Technologies, Senior Engineer",
    want: [{ org: "Huawei Technologies", title: "Senior Engineer", range: "2015..2018" }],
  },
  {
    text: "Software Engineer, ZTE Corporation, Shenzhen, Mar 2012 - Present",
    want: [{ org: "ZTE Corporation", title: "Software Engineer", range: "2012-03..open" }],
  },
  {
    text: "He worked at Huawei from 2012 to 2016, then joined the Ministry of Public Security as an analyst.",
    want: [
      { org: "Huawei", title: null, range: "2012..2016" },
      { org: "Ministry of Public Security", title: "analyst", range: null },
    ],
  },
  { text: "Our customers include Huawei and ZTE.", want: [] },
  {
    text: "Graduated from Tsinghua University in 2008 with a B.S. in Computer Science.",
    want: [{ org: "Tsinghua University", range: "2008", kind: "education" }],
  },
  {
    text: "Served in the People's Liberation Army Navy from 2005 to 2009.",
    want: [{ org: "People's Liberation Army Navy", range: "2005..2009", kind: "work" }],
  },
  {
    text: "Huawei Technologies — Network Engineer (Jan 2014 – Dec 2016)",
    want: [{ org: "Huawei Technologies", title: "Network Engineer", range: "2014-01..2016-12" }],
  },
  { text: "Volunteer at the Salvation Army, 2010", want: [] },
  { text: "Member of Navy Federal Credit Union since 2012", want: [] },
  {
    text: "Employed by China Electronics Technology Group Corporation as a radar engineer, 2010-2013",
    want: [
      { org: "China Electronics Technology Group Corporation", title: "radar engineer", range: "2010..2013" },
    ],
  },
  { text: "Provided technical support to the Shenzhen Public Security Bureau.", want: [] },
  {
    text: "Concurrently served as liaison officer for the Ministry of State Security.",
    want: [{ org: "Ministry of State Security", title: "liaison officer", concurrent: true }],
  },
  {
    text: "Senior Engineer at Huawei (2015–2019), while also serving as adviser to the PLA Strategic Support Force.",
    want: [
      { org: "Huawei", title: "Senior Engineer", range: "2015..2019", concurrent: false },
      { org: "PLA Strategic Support Force", title: "adviser", range: "2015..2019", concurrent: true },
    ],
  },
  {
    text: "Studied at the National University of Defense Technology from 2004 to 2008.",
    want: [{ org: "National University of Defense Technology", range: "2004..2008", kind: "education" }],
  },
  { text: "Worked with Huawei engineers on a joint project.", want: [] },
  { text: "Deployed Huawei routers at client sites across Shenzhen.", want: [] },
  { text: "Sales representative for Huawei products in Kenya.", want: [] },
  {
    text: "Intern at Tencent, Summer 2019",
    want: [{ org: "Tencent", title: "Intern", range: "2019" }],
  },
  {
    text: "2011 - present: Beijing Public Security Bureau, Network Security Officer",
    want: [{ org: "Beijing Public Security Bureau", title: "Network Security Officer", range: "2011..open" }],
  },
  {
    text: "Served with PLA Unit 61398 in Shanghai until 2013.",
    want: [{ org: "PLA Unit 61398", range: "..2013" }],
  },
  {
    text: "Worked for the Ministry of Industry and Information Technology (MIIT) as a policy analyst, 2009–2012.",
    want: [
      {
        org: "Ministry of Industry and Information Technology",
        title: "policy analyst",
        range: "2009..2012",
      },
    ],
  },
  {
    text: "Director of Engineering, Acme Robotics Inc.",
    want: [{ org: "Acme Robotics Inc.", title: "Director of Engineering" }],
  },
  {
    text: "Liaison at the Ministry of State Security (2014-2016)",
    want: [{ org: "Ministry of State Security", title: "Liaison", range: "2014..2016" }],
  },
  {
    // The employer's whole name is kept, so a lexicon trap for it can see it.
    text: "Member Services Representative at Navy Federal Credit Union, 2015–2017",
    want: [
      { org: "Navy Federal Credit Union", title: "Member Services Representative", range: "2015..2017" },
    ],
  },
  {
    text: "Program Coordinator at the Salvation Army (2012-2014)",
    want: [{ org: "Salvation Army", title: "Program Coordinator", range: "2012..2014" }],
  },
  {
    text: "Joined ZTE in June 2016 as a senior network engineer.",
    want: [{ org: "ZTE", title: "senior network engineer", range: "2016-06" }],
  },
  {
    text: "She previously worked for Hikvision as a product manager.",
    want: [{ org: "Hikvision", title: "product manager" }],
  },
  {
    text: "B.S. in Mathematics, Beihang University, September 2013 – June 2017",
    want: [
      {
        org: "Beihang University",
        title: "B.S. in Mathematics",
        range: "2013-09..2017-06",
        kind: "education",
      },
    ],
  },
  {
    text: "Aviation Industry Corporation of China (2022-05—Present), Design Engineer",
    want: [
      { org: "Aviation Industry Corporation of China", title: "Design Engineer", range: "2022-05..open" },
    ],
  },
  {
    text: "Role: Java Developer, Manual Testing",
    want: [],
  },
  {
    text: "Simultaneously worked as a consultant for the Ministry of Public Security.",
    want: [{ org: "Ministry of Public Security", title: "consultant", concurrent: true }],
  },
  { text: "Huawei is a major vendor in the region.", want: [] },
  { text: "Joined the Communist Party in 2005.", want: [] },
];

function orgsOf(stints: ExtractedStint[]): string[] {
  return stints.map((s) => s.org);
}

function check(c: Case): void {
  const got = extractWork(c.text);
  expect(orgsOf(got)).toEqual(c.want.map((w) => w.org));
  c.want.forEach((w, i) => {
    const g = got[i]!;
    expect(c.text.slice(g.orgStart, g.orgEnd)).toBe(g.org);
    if (w.title !== undefined) expect(g.title).toBe(w.title);
    if (w.range !== undefined) expect(rangeText(g.range)).toBe(w.range);
    if (w.kind !== undefined) expect(g.kind).toBe(w.kind);
    if (w.concurrent !== undefined) expect(g.concurrent).toBe(w.concurrent);
  });
}

describe("extractWork on a table of Chinese sentences", () => {
  it.each(ZH.map((c) => [c.text, c] as const))("%s", (_t, c) => check(c));
});

describe("extractWork on a table of English sentences", () => {
  it.each(EN.map((c) => [c.text, c] as const))("%s", (_t, c) => check(c));
});

describe("organisation extraction over the whole table", () => {
  it("has high precision and recall", () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of [...ZH, ...EN]) {
      const got = orgsOf(extractWork(c.text));
      const want = c.want.map((w) => w.org);
      const left = [...want];
      for (const g of got) {
        const i = left.indexOf(g);
        if (i >= 0) {
          tp++;
          left.splice(i, 1);
        } else fp++;
      }
      fn += left.length;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `extractWork table: ${ZH.length} Chinese + ${EN.length} English sentences, ${tp + fn} organisations; ` +
        `precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`,
    );
    expect(ZH.length).toBeGreaterThanOrEqual(40);
    expect(EN.length).toBeGreaterThanOrEqual(20);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe("extractWork details", () => {
  it("reports offsets and the clause in the original text", () => {
    const text = "个人简介。\n2015.04-至今 深圳市公安局南山分局 网警\n爱好：篮球";
    const [s] = extractWork(text);
    expect(s).toBeDefined();
    expect(text.slice(s!.orgStart, s!.orgEnd)).toBe("深圳市公安局南山分局");
    expect(text.slice(s!.clauseStart, s!.clauseEnd)).toBe("2015.04-至今 深圳市公安局南山分局 网警");
    expect(s!.range!.index).toBe(text.indexOf("2015.04"));
  });

  it("keeps offsets when the text has full-width characters", () => {
    const text = "２０１０年７月至２０１５年３月，就职于ＺＴＥ中兴通讯股份有限公司，任工程师";
    const [s] = extractWork(text);
    expect(s!.org).toBe("ＺＴＥ中兴通讯股份有限公司");
    expect(text.slice(s!.orgStart, s!.orgEnd)).toBe(s!.org);
    expect(rangeText(s!.range)).toBe("2010-07..2015-03");
  });

  it("reads several lines of a work history, each with its own range", () => {
    const text = [
      "工作经历",
      "2008.09-2012.06 国防科技大学 计算机 本科",
      "2012.07-2015.03 华为技术有限公司 研发工程师",
      "2015.04-至今 深圳市公安局南山分局 网警",
    ].join("\n");
    const got = extractWork(text).map((s) => [s.org, s.kind, rangeText(s.range)]);
    expect(got).toEqual([
      ["国防科技大学", "education", "2008-09..2012-06"],
      ["华为技术有限公司", "work", "2012-07..2015-03"],
      ["深圳市公安局南山分局", "work", "2015-04..open"],
    ]);
  });

  it("does not take a birth year as the time of a post", () => {
    const [s] = extractWork("1975年出生，现任北京星辰科技有限公司总经理");
    expect(s!.org).toBe("北京星辰科技有限公司");
    expect(s!.range).toBeNull();
  });

  it("returns nothing for empty or date-only text", () => {
    expect(extractWork("")).toEqual([]);
    expect(extractWork("2015.03-2018.06")).toEqual([]);
  });

  it("is fast enough to run on every record", () => {
    const line =
      "2010年7月至2015年3月，就职于华为技术有限公司，任研发工程师；2015.04-至今 深圳市公安局南山分局 网警\n";
    const text = line.repeat(200);
    const t0 = performance.now();
    const got = extractWork(text);
    const ms = performance.now() - t0;
    expect(got).toHaveLength(400);
    expect(ms).toBeLessThan(1000);
  });
});

const NER = fileURLToPath(new URL("../../../../shared/data/resume-ner-zh/test.char.bmes", import.meta.url));

/** Sentences of the Resume NER test split with their gold ORG spans. */
function readNer(path: string): Array<{ text: string; orgs: Array<[number, number]> }> {
  const out: Array<{ text: string; orgs: Array<[number, number]> }> = [];
  let chars: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (chars.length === 0) return;
    const orgs: Array<[number, number]> = [];
    let start = -1;
    tags.forEach((t, i) => {
      if (t === "B-ORG") start = i;
      else if (t === "S-ORG") orgs.push([i, i + 1]);
      else if (t === "E-ORG" && start >= 0) {
        orgs.push([start, i + 1]);
        start = -1;
      }
    });
    out.push({ text: chars.join(""), orgs });
    chars = [];
    tags = [];
  };
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const parts = line.trim().split(/\s+/u);
    if (parts.length < 2) {
      flush();
      continue;
    }
    chars.push(parts[0]!);
    tags.push(parts[1]!);
  }
  flush();
  return out;
}

describe.skipIf(!existsSync(NER))("org spans on Resume NER (Zhang & Yang 2018), test split", () => {
  it("finds most organisations that follow a verb of employment", () => {
    const trigger =
      /(?:任|担任|曾任|历任|现任|兼任|就职于|任职于|供职于|工作于|服务于|加入|进入|在|于|毕业于|就读于)$/u;
    const selfReference = /^(?:本|该|我)?(?:公司|集团|行|所|院)$/u;
    let after = 0;
    let exact = 0;
    let overlap = 0;
    let predicted = 0;
    let predictedGold = 0;
    for (const { text, orgs } of readNer(NER)) {
      const got = extractWork(text);
      const gold = new Set(orgs.map(([a, b]) => `${a}:${b}`));
      predicted += got.length;
      predictedGold += got.filter((g) => gold.has(`${g.orgStart}:${g.orgEnd}`)).length;
      for (const [a, b] of orgs) {
        if (!trigger.test(text.slice(Math.max(0, a - 4), a)) || selfReference.test(text.slice(a, b)))
          continue;
        after++;
        if (got.some((g) => g.orgStart === a && g.orgEnd === b)) exact++;
        else if (got.some((g) => g.orgStart < b && a < g.orgEnd)) overlap++;
      }
    }
    const recall = exact / after;
    const precision = predictedGold / predicted;
    console.log(
      `Resume NER test: ${after} gold ORG spans after an employment or study verb (self-references such as ` +
        `本公司 left out); exact-span recall ${(recall * 100).toFixed(1)}%, overlapping ${(((exact + overlap) / after) * 100).toFixed(1)}%; ` +
        `${predicted} organisations extracted, ${(precision * 100).toFixed(1)}% exactly a gold ORG span`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.75);
    expect(precision).toBeGreaterThanOrEqual(0.75);
  });
});
