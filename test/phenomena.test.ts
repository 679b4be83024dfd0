/**
 * What real pages do to the text, one phenomenon per case (issue #11), in sentences written for
 * these tests: text damage, page dates, names across regions, meetings and messages in their
 * many forms, lists, discourse, and contacts that did not happen. The real articles that showed
 * each phenomenon are scored by test/dev.test.ts when ../shared is beside the repository.
 */
import { describe, expect, it } from "vitest";
import { extractText, summaries } from "./helpers/extract.js";
import { extractDocument } from "../src/extract/document.js";
import { getLexicon } from "../src/lexicon/lexicon.js";
import { mergeExtractions } from "../src/model/merge.js";

const entityLabels = (text: string, opts: { date?: string } = {}) => extractText(text, opts).entities.map((e) => [e.label, ...e.aliases]);
/** Each person of a text with its roles, as title@holder. */
const roles = (text: string) => Object.fromEntries(extractText(text).entities.filter((e) => e.type === "Person").map((e) => [e.label, e.roles.map((r) => `${r.title}@${r.of.label}`)]));

describe("text damage", () => {
  it("pinyin glosses inside words are dropped, and the source span still points into the original", () => {
    const text = "新華社北京6月2日電 國(guó)務(wù)院總理李克強(qiáng)2日應(yīng)約同法國總理菲利普通電話。";
    const m = extractText(text, { date: "2019-06-03" });
    expect(summaries(m)).toEqual(["called 李克强—菲利普 2019-06-02 init=菲利普"]);
    const source = m.events[0]?.sources[0];
    expect(source && text.slice(source.start, source.end)).toContain("應(yīng)約");
  });

  it("a lost middle dot shown as ? joins the parts of a foreign name", () => {
    const m = extractText("2015年3月2日，世界粮食计划署副执行干事安娜?卡佩拉表示欢迎。", {});
    expect(m.entities.some((e) => e.label === "安娜·卡佩拉")).toBe(true);
  });

  it("doubled punctuation does not break a list of hosts", () => {
    const m = extractText("当日,,国家主席习近平,、全国人大常委会委员长赵乐际先后会见了越南总理范明政。", { date: "2023-06-27" });
    expect(summaries(m)).toEqual(["met 习近平—范明政 2023-06-27", "met 赵乐际—范明政 2023-06-27"]);
  });

  it("page dates in common layouts anchor the days of the text", () => {
    expect(summaries(extractText("2019/5/14 08:20\n外交部长王毅昨天在北京会见巴西外长阿拉尼亚。"))).toEqual(["met 王毅—阿拉尼亚 2019-05-13"]);
    expect(summaries(extractText("14.05.2019 10:02\n王毅13日在北京会见巴西外长阿拉尼亚。"))).toEqual(["met 王毅—阿拉尼亚 2019-05-13"]);
    expect(summaries(extractText(" date 2019-05-14 王毅13日在北京会见巴西外长阿拉尼亚。"))).toEqual(["met 王毅—阿拉尼亚 2019-05-13"]);
    expect(summaries(extractText("发布时间:2010年01月27日 09:10\n中新社北京一月二十六日电 二十六日，王毅会见巴西外长阿拉尼亚。"))).toEqual(["met 王毅—阿拉尼亚 2010-01-26"]);
  });

  it("a foreign agency's dateline (中央社华盛顿17日电) fixes the day of 今天", () => {
    const m = extractText("2021/7/18 05:10\n(中央社伦敦17日综合外电报导)英国外交大臣拉布今天与国务委员兼外长王毅通电话。");
    expect(summaries(m)).toEqual(["called 拉布—王毅 2021-07-17"]);
  });
});

describe("names across regions and scripts", () => {
  it("Taiwan and mainland forms of one name are one person", () => {
    const m = extractText("2019/6/30 10:00\n美國總統川普29日在大阪與中國國家主席習近平會晤。特朗普表示會談很好。");
    expect(summaries(m)).toEqual(["met 特朗普—习近平 2019-06-29"]);
    expect(m.entities.find((e) => e.label === "特朗普")?.aliases).toContain("川普");
  });

  it("a Latin name in parentheses names the person before it and becomes an alias", () => {
    const m = extractText("2024/5/3 09:00\n王毅2日在北京與英國外交大臣卡梅倫(David Cameron)、貿易大臣巴德諾克(Kemi Badenoch)會晤。");
    expect(summaries(m)).toEqual(["met 王毅—卡梅伦 2024-05-02", "met 王毅—巴德诺克 2024-05-02"]);
    expect(m.entities.find((e) => e.label === "巴德诺克")?.aliases).toContain("Kemi Badenoch");
  });

  it("posts outside the old title list still give a person with a role", () => {
    const m = extractText("2023年4月11日，国家副主席韩正在北京会见美国犹他州州长考克斯和参议员卡尔森。");
    expect(summaries(m)).toEqual(["met 韩正—卡尔森 2023-04-11", "met 韩正—考克斯 2023-04-11"]);
    expect(m.entities.find((e) => e.label === "卡尔森")?.type).toBe("Person");
  });
});

describe("meetings and messages in their forms", () => {
  it("a list of counterparts after a colon", () => {
    const m = extractText("2018年9月3日，习近平在北京先后同3位非洲领导人举行会谈:加纳总统阿库福-阿多、肯尼亚总统肯雅塔、卢旺达总统卡加梅。");
    expect(summaries(m)).toEqual(["met 习近平—卡加梅 2018-09-03", "met 习近平—肯雅塔 2018-09-03", "met 习近平—阿库福-阿多 2018-09-03"]);
  });

  it("a list of hosts (A、B和C先后会见了D) gives one meeting per host", () => {
    const m = extractText("2019年4月26日，国家主席习近平、国务院总理李克强和全国政协主席汪洋先后会见了巴基斯坦总理伊姆兰·汗。");
    expect(summaries(m)).toEqual(["met 习近平—伊姆兰·汗 2019-04-26", "met 李克强—伊姆兰·汗 2019-04-26", "met 汪洋—伊姆兰·汗 2019-04-26"]);
  });

  it("互致贺电 is one message each way", () => {
    const m = extractText("新华社北京2021年7月1日电 国家主席习近平同南非总统拉马福萨互致贺电，庆祝两国建交。");
    expect(summaries(m)).toEqual(["wrote_to 习近平→拉马福萨 2021-07-01", "wrote_to 拉马福萨→习近平 2021-07-01"]);
  });

  it("a message named by its medium before 向 (以致电等方式向X致以慰问)", () => {
    const m = extractText("2022年6月23日，法国总统马克龙、德国总理朔尔茨、瑞士联邦委员会七位委员、意大利总理德拉吉等外国领导人以致电或致函方式向习近平主席表示慰问。");
    expect(summaries(m)).toEqual(["wrote_to 德拉吉→习近平 2022-06-23", "wrote_to 朔尔茨→习近平 2022-06-23", "wrote_to 马克龙→习近平 2022-06-23"]);
  });

  it("a list of senders spread over several clauses, to 中方", () => {
    const m = extractText("发言人说，越南总理范明政、国会主席王庭惠，新加坡总理李显龙，世卫组织总干事谭德塞等领导人也以致慰问电等方式向中方表示慰问。");
    expect(summaries(m)).toEqual(["wrote_to 李显龙→中国 undated", "wrote_to 王庭惠→中国 undated", "wrote_to 范明政→中国 undated", "wrote_to 谭德塞→中国 undated"]);
  });

  it("the sender of a condolence message named before the occasion (就…向X致慰问电)", () => {
    const m = extractText("新华社北京2021年7月16日电 国家主席习近平16日就德国发生严重洪灾向德国总统施泰因迈尔致慰问电。");
    expect(summaries(m)).toEqual(["wrote_to 习近平→施泰因迈尔 2021-07-16"]);
  });
});

describe("discourse", () => {
  it("a clause without a subject takes the person its sentence opened with", () => {
    const m = extractText("2019年4月1日，新西兰总理阿德恩率团访华，并与国家主席习近平会面。");
    expect(summaries(m)).toEqual(["met 阿德恩—习近平 2019-04-01"]);
  });

  it("the breakdown of a donation keeps the date of the donation it breaks down", () => {
    const m = extractText("2010年3月5日，中国政府宣布向联合国捐款300万美元。其中，向世界粮食计划署捐款200万美元，向联合国儿童基金会捐款100万美元。");
    const pledges = summaries(m).filter((s) => !s.includes("联合国→") && !s.startsWith("pledged_to 中国→联合国 "));
    expect(pledges).toEqual(["pledged_to 中国→世界粮食计划署 2010-03-05 2000000 USD", "pledged_to 中国→联合国儿童基金会 2010-03-05 1000000 USD"]);
  });

  it("a person's pledge is given in the name of the country they serve", () => {
    const m = extractText("2015年9月26日，国家主席习近平宣布向联合国妇女署捐款1000万美元。");
    expect(summaries(m)).toEqual(["pledged_to 中国→联合国妇女署 2015-09-26 10000000 USD"]);
  });
});

describe("contacts that did not happen", () => {
  it("planned, wished, hypothetical and denied contacts are not events", () => {
    const texts = [
      "2018年7月13日，外交部介绍，习近平主席将会见阿联酋副总统兼总理穆罕默德。",
      "2021年5月3日，英国首相约翰逊表示，如有机会愿与韩国总统文在寅通电话。",
      "2022年3月2日，外交部发言人表示，王毅近期并没有同布林肯通电话。",
      "2023年3月29日，西班牙首相桑切斯30日将开始访华，期待同国家主席习近平会晤。",
      "2015年9月10日，发言人宣布，习近平将于9月22日访问西雅图，并于9月25日同奥巴马总统举行会谈。",
      "2019年1月6日，报道说，美国总统特朗普或于本月下旬在瑞士会晤国家副主席王岐山。",
    ];
    for (const t of texts) expect(summaries(extractText(t)), t).toEqual([]);
  });

  it("a call or meeting with only a country on the other side is dropped, not attached to it", () => {
    expect(summaries(extractText("2020年3月5日，国家主席习近平会见了美国。"))).toEqual([]);
  });

  it("meeting the press is not a contact", () => {
    expect(summaries(extractText("2018年3月20日，李克强总理在人民大会堂金色大厅会见中外记者并回答提问。"))).toEqual([]);
  });
});

describe("aliases", () => {
  it("the Latin form and the other transliteration are kept as aliases", () => {
    const labels = entityLabels("2024/3/19 10:52\n外交部长王毅昨天与澳大利亚总理阿尔巴尼斯(Anthony Albanese)会晤。");
    expect(labels.some((l) => l.includes("Anthony Albanese"))).toBe(true);
  });
});

describe("more of the genre", () => {
  it("a name after a post not in the titles list, found by the post's last word", () => {
    const m = extractText("2021/3/9 10:05\n(中央社记者台北9日电)英国贸易部次长贝克今天与经济部政务次长陈正祺、农业委员会主委陈吉仲等人会晤。");
    expect(summaries(m)).toEqual(["met 贝克—陈吉仲 2021-03-09", "met 贝克—陈正祺 2021-03-09"]);
  });

  it("习主席 is a person, and the subject of the contacts of a roundup", () => {
    const m = extractText("发布时间:2020-03-24\n这段时间里，习主席应约同西班牙首相桑切斯通电话。");
    expect(summaries(m)).toEqual(["called 习主席—桑切斯 undated init=桑切斯"]);
  });

  it("dates listed together give one contact each; a span of weeks dates none", () => {
    const m = extractText("发布时间:2023-05-02\n3月2日和4月9日，国家主席习近平同德国总理朔尔茨两次通话。从3月1日至4月30日，习近平同越南国家主席武文赏会谈。");
    expect(summaries(m)).toEqual(["called 习近平—朔尔茨 2023-03-02", "called 习近平—朔尔茨 2023-04-09", "met 习近平—武文赏 undated"]);
  });

  it("messages to the unnamed leaders of countries are not messages to the countries", () => {
    const m = extractText("2021年7月20日，国务院总理李克强向德国、比利时、荷兰领导人致慰问电。");
    expect(summaries(m)).toEqual([]);
  });

  it("a delegation stands for its leader and its named members", () => {
    const m = extractText(
      "2024/5/14 06:30\n由澳大利亚参议员佩恩率领的代表团12日抵达上海。当天下午，国务院副总理丁薛祥会见代表团一行。代表团成员还包括参议员沃尔斯、众议员泰勒。",
    );
    expect(summaries(m)).toEqual(["met 丁薛祥—佩恩 2024-05-12", "met 丁薛祥—沃尔斯 2024-05-12", "met 丁薛祥—泰勒 2024-05-12"]);
  });

  it("a report dated 6月12日 without a year joins the one report of that day, not another day's", async () => {
    const { extractDocument } = await import("../src/extract/document.js");
    const { getLexicon } = await import("../src/lexicon/lexicon.js");
    const { mergeExtractions } = await import("../src/model/merge.js");
    const doc = (id: string, original: string) => extractDocument({ id, original, format: "text" }, { lexicon: getLexicon(), homeCountry: "CN" });
    const model = mergeExtractions([
      doc("a.txt", "新华社北京2018年6月12日电 国务院总理李克强12日同加拿大总理特鲁多通电话。"),
      doc("b.txt", "新华社北京6月12日电 国务院总理李克强12日同加拿大总理特鲁多通电话。"),
      doc("c.txt", "新华社北京6月28日电 国务院总理李克强28日同加拿大总理特鲁多通电话。"),
    ]);
    const calls = model.events.map((e) => `${e.date ?? "undated"} ${e.sources.map((x) => x.doc).join(",")}`).sort();
    expect(calls).toEqual(["2018-06-12 a.txt,b.txt", "undated c.txt"]);
  });
});

describe("posts with a qualifier", () => {
  it("英国驻华大使X: the qualifier stays in the noun phrase and in the title as written", () => {
    const m = extractText("2019年3月5日，国务委员兼外长王毅在北京会见英国驻华大使吴百纳。");
    expect(summaries(m)).toEqual(["met 王毅—吴百纳 2019-03-05"]);
    expect(m.entities.find((e) => e.label === "吴百纳")?.roles.map((r) => `${r.title}@${r.of.label}`)).toEqual(["驻华大使@英国"]);
  });
});

describe("ceremonies", () => {
  it("为X举行欢迎仪式 is a meeting with X", () => {
    const m = extractText("2018年10月8日，国家主席习近平在人民大会堂为卢旺达总统卡加梅举行欢迎仪式。");
    expect(summaries(m)).toEqual(["met 习近平—卡加梅 2018-10-08"]);
  });
});

describe("video meetings and radio datelines", () => {
  it("a video meeting is a call; 北京7月22日消息 and a date run on after the lead anchor the day", () => {
    const m = extractText("央广网北京5月12日消息 国务院总理李强11日应约同越南总理范明政举行视频会晤。2023-05-12 新闻摘要全文>>>");
    expect(summaries(m)).toEqual(["called 李强—范明政 2023-05-11 init=范明政"]);
  });
});

describe("holders we do not know", () => {
  it("向越共中央总书记X / 向政府副总理兼外长Y: an unknown holder between the preposition and the title", () => {
    const m = extractText("2021年8月10日，老挝总理潘坎向越共中央总书记阮富仲致贺电，印尼外交部长蕾特诺向政府副总理兼外长范平明致贺电。");
    expect(summaries(m)).toEqual(["wrote_to 潘坎→阮富仲 2021-08-10", "wrote_to 蕾特诺→范平明 2021-08-10"]);
  });
});

describe("the page-date line", () => {
  it("anchors the text, but its date does not replace the dateline's as the reference", () => {
    const m = extractText("王沪宁会见古巴国家主席迪亚斯-卡内尔\n2024-01-20 08:12:40 阅读(311)\n新华社北京11月25日电 全国政协主席王沪宁25日在北京会见古巴国家主席迪亚斯-卡内尔。");
    expect(summaries(m)).toEqual(["met 王沪宁—迪亚斯-卡内尔 2023-11-25"]);
  });
});

describe("同日", () => {
  it("is the day of the contact last reported, whatever other dates came in between", () => {
    const m = extractText("文章日期:2022年6月9日\n国务委员兼外长王毅周二(7日)在东京与日本首相岸田文雄会晤。岸田文雄将在7月20日访华。王毅同日另与日本外相林芳正举行会谈。");
    expect(summaries(m)).toEqual(["met 王毅—岸田文雄 2022-06-07", "met 王毅—林芳正 2022-06-07"]);
  });
});

describe("lists over commas", () => {
  it("会见了A部长X,B主席、议员Y,C市长Z等政要: every name of the list, up to the clause that is not one", () => {
    const m = extractText("2016年4月12日，汪洋还会见了智利农业部长福尔塔尼,社会党主席、众议员阿连德,瓦尔帕莱索市长卡斯特罗等政要,参观了当地港口。");
    expect(summaries(m)).toEqual(["met 汪洋—卡斯特罗 2016-04-12", "met 汪洋—福尔塔尼 2016-04-12", "met 汪洋—阿连德 2016-04-12"]);
  });

  it("a clause with a date or a verb is not part of a list (张军8日宣布，…)", () => {
    const m = extractText("新华社联合国3月8日电 中国常驻联合国代表张军8日宣布，中国政府决定向联合国儿童基金会捐款200万美元。", { date: "2023-03-08" });
    expect(summaries(m)).toEqual(["pledged_to 中国→联合国儿童基金会 2023-03-08 2000000 USD"]);
  });
});

describe("items of a list of one person's meetings", () => {
  it("each comma item (…，5月14日在北京会见X，…) keeps the person the sentence is about", () => {
    const m = extractText("2019年1月6日\n韩正参加了不少外事活动，例如2018年3月2日在北京会见泰国副总理巴金，5月14日在北京会见秘鲁总统比斯卡拉，6月1日在上海会见法国总理菲利普。");
    expect(summaries(m)).toEqual(["met 韩正—巴金 2018-03-02", "met 韩正—比斯卡拉 2018-05-14", "met 韩正—菲利普 2018-06-01"]);
  });
});

describe("asides in other Latin-script languages", () => {
  it("accented names and particles (José de la Vega, Le Drian) are asides too, so the list reads through them", () => {
    const m = extractText("2022年3月8日，全国政协主席汪洋分别与智利众议院议长何塞·维加(José de la Vega)、总理博里奇(Jean-Luc Boric)和外长乌尔塔多会面。");
    expect(summaries(m)).toEqual(["met 汪洋—乌尔塔多 2022-03-08", "met 汪洋—何塞·维加 2022-03-08", "met 汪洋—博里奇 2022-03-08"]);
    expect(m.entities.find((e) => e.label === "何塞·维加")?.aliases).toContain("José de la Vega");
  });
});

describe("roles in a list of one country's office holders", () => {

  it("posts after the first item are of the list's country, not of the home country", () => {
    const r = roles("2022年3月8日，全国政协主席汪洋分别与智利众议院议长何塞·维加、总理博里奇和外长乌尔塔多会面。");
    expect(r["博里奇"]).toEqual(["总理@智利"]);
    expect(r["乌尔塔多"]).toEqual(["外长@智利"]);
    expect(r["何塞·维加"]).toEqual(["众议院议长@智利"]);
  });

  it("a body named before a post stays in the title (国家杜马主席), and 人民委员会 is not the country's people", () => {
    const r = roles("2024年1月2日，李强向白俄罗斯总理戈卢布、国民会议主席谢尔盖和土库曼斯坦人民委员会主席别尔德致贺电。");
    expect(r["谢尔盖"]).toEqual(["国民会议主席@白俄罗斯"]);
    expect(r["戈卢布"]).toEqual(["总理@白俄罗斯"]);
  });

  it("新任 between a country and its post still names the holder; a verb in between is not part of the title", () => {
    expect(roles("2022年5月9日，王岐山会见了韩国新任总统朴成浩。")["朴成浩"]).toEqual(["总统@韩国"]);
    for (const role of roles("2022年5月9日，王岐山赴日本出席新任首相石田宏的午宴。")["石田宏"] ?? []) expect(role).not.toContain("出席");
  });
});

describe("long modifiers and quoted names inside a clause", () => {
  it("与为出席“…”而访华的X: a quoted name does not cut the clause, and a long 的-modifier stays before the name", () => {
    const m = extractText("2021年4月6日，国务院总理李强上午与为出席“丝路之友”论坛而访华的巴拿马总统科尔蒂索在钓鱼台国宾馆举行会谈。");
    expect(summaries(m)).toEqual(["met 李强—科尔蒂索 2021-04-06"]);
  });
});

describe("dates that lost a character", () => {
  it("20185月 and 1023日 get their 年 and 月 back; 112日 (1|12 or 11|2) is left as it is", () => {
    expect(summaries(extractText("2019/10/24\n日本首相高桥一郎1023日上午在东京会见越南总理范明政。"))).toEqual(["met 高桥一郎—范明政 2019-10-23"]);
    expect(extractText("王毅曾于20185月在北京会见巴西外长阿拉尼亚。").events[0]?.date).toBe("2018-05");
    expect(extractText("2019/11/20\n王毅112日在北京会见巴西外长阿拉尼亚。").events[0]?.date).not.toBe("2019-11-02");
  });
});

describe("posts held together", () => {

  it("第一副总理兼外长 is a role as written, beside each post", () => {
    expect(roles("2022年5月9日，王毅会见黑山第一副总理兼外长米洛。")["米洛"]?.sort()).toEqual(["外长@黑山", "第一副总理@黑山", "第一副总理兼外长@黑山"]);
  });

  it("a second post we do not list (副首相兼财务相) still names the person and the office", () => {
    const r = roles("2022年5月9日，王毅会见日本副首相兼财务相佐藤健一。");
    expect(r["佐藤健一"]?.sort()).toEqual(["副首相@日本", "副首相兼财务相@日本"]);
  });
});

describe("groups and private persons as correspondents", () => {
  it("a group a letter is written to is one organization, named as written; a country alone names no group", () => {
    const m = extractText("2025年2月3日，国家主席习近平复信美国缅因州（Maine，又译缅因）友人并回赠贺卡。同日，他还给葡萄牙里斯本中葡友好学校全体师生回信，并给美国友人回信。");
    expect(summaries(m)).toEqual(["wrote_to 习近平→美国缅因州友人 2025-02-03", "wrote_to 习近平→葡萄牙里斯本中葡友好学校全体师生 2025-02-03"]);
    expect(m.entities.find((e) => e.label === "美国缅因州友人")?.type).toBe("Organization");
    // The group's members speaking about the letter are no person (jieba reads 师生 as a name).
    const n = extractText("2018年4月21日，国家主席习近平复信美国缅因州某中学学生。师生们表示，从这封复信中感受到了鼓励。");
    expect(n.entities.some((e) => e.label === "师生")).toBe(false);
    expect(summaries(n)).toEqual(["wrote_to 习近平→美国缅因州某中学学生 2018-04-21"]);
  });

  it("a descriptor before a private person's name (日本青年X) names a person", () => {
    const m = extractText("2024年6月1日，国家主席习近平给“丝路杯”作文比赛获奖的日本青年佐藤健一回信。");
    expect(summaries(m)).toEqual(["wrote_to 习近平→佐藤健一 2024-06-01"]);
    // A two-character family name with a given name that is also a word (山田|大海).
    expect(summaries(extractText("2024年6月1日，国家主席习近平给日本青年山田大海回信。"))).toEqual(["wrote_to 习近平→山田大海 2024-06-01"]);
  });

  it("a list of senders that goes on after a comma with 以及 sends together", () => {
    const m = extractText("2025年2月3日，汤普森、柯林斯、缅因大学名誉校长福克斯，以及该州参与交流项目的师生还向习近平主席夫妇发来新春贺卡。");
    expect(summaries(m)).toEqual(["wrote_to 柯林斯→习近平 2025-02-03", "wrote_to 汤普森→习近平 2025-02-03", "wrote_to 福克斯→习近平 2025-02-03"]);
  });
});

describe("donations received, listed by giver", () => {
  it("a pledge without its recipient goes to the organization said to receive (在已接收的捐款中，A集团捐款…)", () => {
    const m = extractText("2011年3月14日，中国扶贫基金会接收各界捐款已达800万元。在已接收的捐款中，深圳某某电子集团捐款300万元，上海某某(中国)投资有限公司捐款50万元，最大个人捐款为2万元。");
    expect(summaries(m)).toEqual(["pledged_to 上海某某(中国)投资有限公司→中国扶贫基金会 undated 500000 CNY", "pledged_to 深圳某某电子集团→中国扶贫基金会 undated 3000000 CNY"]);
  });

  it("with nobody said to receive, a giver without a recipient gives no pledge", () => {
    expect(summaries(extractText("2011年3月14日，深圳某某电子集团捐款300万元。"))).toEqual([]);
  });
});

describe("roles from the wider sentence", () => {

  it("a post someone takes (当选, 连任, 出任) is their role; 她 is the person named last", () => {
    const r = roles("2019年5月20日，国务院总理李强致电安东尼·诺曼，祝贺她连任澳大利亚总理。同日，白宫提名加州州长纽曼出任美国驻华大使。");
    expect(r["安东尼·诺曼"]).toEqual(["总理@澳大利亚"]);
    expect(r["纽曼"]).toContain("驻华大使@美国");
  });

  it("a party between the country and the post is not part of it, and a period joins a name's parts", () => {
    const m = extractText("2025年9月21日，李强会见美國共和黨眾議員約翰．卡特。");
    expect(summaries(m)).toEqual(["met 李强—约翰·卡特 2025-09-21"]);
    expect(m.entities.find((e) => e.label === "约翰·卡特")?.roles.map((r) => `${r.title}@${r.of.label}`)).toEqual(["众议员@美国"]);
  });
});

describe("organizations and former posts in lists", () => {
  it("an organization before a post keeps a boundary word that is inside one of its words (世界和平奖基金会)", () => {
    const m = extractText("2025年2月3日，缅因大学校长汤普森、世界和平奖基金会名誉主席福克斯还向习近平发来贺卡。");
    expect(summaries(m)).toEqual(["wrote_to 汤普森→习近平 2025-02-03", "wrote_to 福克斯→习近平 2025-02-03"]);
    expect(m.entities.find((e) => e.label === "福克斯")?.roles.map((r) => `${r.title}@${r.of.label}`)).toEqual(["名誉主席@世界和平奖基金会"]);
  });

  it("前 between a country and its post stays in the title as written", () => {
    const m = extractText("2020年9月18日，王毅会见日本前首相森田一郎。");
    expect(m.entities.find((e) => e.label === "森田一郎")?.roles.map((r) => `${r.title}@${r.of.label}`)).toEqual(["前首相@日本"]);
  });
});

describe("unnamed senders and regnal names", () => {
  it("一些外国政府和领导人致电X: no sender is made up from the text's main person", () => {
    const m = extractText("2010年4月15日，国家主席胡锦涛会见了巴西总统卢拉。4月16日，一些外国政府和领导人继续致电胡锦涛主席、温家宝总理，表示慰问。");
    expect(summaries(m)).toEqual(["met 胡锦涛—卢拉 2010-04-15"]);
  });

  it("a regnal number is part of a monarch's name", () => {
    expect(summaries(extractText("2022年1月19日，国家主席习近平向约旦国王阿卜杜拉二世致慰问电。"))).toEqual(["wrote_to 习近平→阿卜杜拉二世 2022-01-19"]);
  });
});

describe("a pledge told in the headline and detailed in the text", () => {
  it("the text's amount and day go with the headline's recipient; the headline is the same pledge", () => {
    const m = extractText("中国政府向联合国儿童基金会捐款\n2016-03-09 10:00\n商务部部长助理李明7日代表中国政府与联合国儿童基金会驻华代表罗伯茨就中方捐款300万美元签署协议。");
    expect(summaries(m)).toEqual(["pledged_to 中国→联合国儿童基金会 2016-03-07 3000000 USD"]);
  });

  it("a recipient we cannot name (向受灾国提供) is not replaced by another", () => {
    const m = extractText("2016年3月9日，中国向世界卫生组织捐款100万美元。2005年，中国通过联合国向受灾国提供了200万美元的援助。");
    expect(summaries(m)).toEqual(["pledged_to 中国→世界卫生组织 2016-03-09 1000000 USD"]);
  });
});

describe("calls in overseas reports", () => {
  it("由A主动致电B in a report of their call is that call, placed by A", () => {
    const m = extractText(" date 2024-03-06 英國首相施納德5日與中國國家主席習近平通話。據報導，這次是由習近平主動致電施納德。");
    expect(summaries(m)).toEqual(["called 施纳德—习近平 2024-03-05 init=习近平"]);
  });

  it("a time zone after a name (美东时间19日) is not part of it", () => {
    expect(summaries(extractText(" date 2024-03-20 美國總統拜登美東時間19日與中國國家主席習近平通電話。"))).toEqual(["called 拜登—习近平 2024-03-19"]);
  });

  it("中国外交部长X is a minister of China, not the ministry followed by a name", () => {
    expect(summaries(extractText("2023年1月1日，美国国务卿布林肯和中国外交部长秦刚通电话。"))).toEqual(["called 布林肯—秦刚 2023-01-01"]);
  });
});

describe("the day of a sentence that goes on", () => {
  it("随后/他还 in a dateless sentence keep the day of the sentence before; a verb after a title is no name", () => {
    const m = extractText("2016年9月3日\n5日下午，国家主席习近平会见了日本首相安倍晋三。在接下来的两个小时里，他还连续会见了德国总理默克尔和法国总统奥朗德。");
    expect(summaries(m)).toEqual(["met 习近平—奥朗德 2016-09-05", "met 习近平—安倍晋三 2016-09-05", "met 习近平—默克尔 2016-09-05"]);
    const n = extractText("2022年11月16日\n两场会议间隙，习近平主席展开了密集元首外交：11月15日，同法国总统马克龙举行会晤。");
    expect(n.entities.some((e) => e.label.startsWith("展开"))).toBe(false);
  });
});

describe("bare names between a preposition and the rest of the predicate", () => {
  it("与X在…见面: a name with no title before 在 is the counterpart", () => {
    expect(summaries(extractText("2018年4月28日，国家主席习近平与莫迪在武汉东湖边散步并举行非正式会晤。"))).toEqual(["met 习近平—莫迪 2018-04-28"]);
    expect(summaries(extractText("2023年3月18日\n据韩联社报道，尹锡悦16日在东京与岸田文雄举行了韩日首脑会谈。"))).toEqual(["met 尹锡悦—岸田文雄 2023-03-16"]);
  });
});

describe("overseas Chinese reports", () => {
  it("a bare name after 会见了, a host list with 都分别, a weekday before the date, 医生 after a name", () => {
    expect(summaries(extractText("2017年9月21日\n20日,国家主席习近平、全国人大常委会委员长张德江都分别会见了黄循安。"))).toEqual(["met 习近平—黄循安 2017-09-20", "met 张德江—黄循安 2017-09-20"]);
    expect(summaries(extractText("时间:2023-11-09 07:21\n马达维总统星期三(11月8日)在总统府会见到访的中国国家副主席韩正,总理陈文辉同日设午宴款待韩正。"))).toEqual(["met 陈文辉—韩正 2023-11-08", "met 马达维—韩正 2023-11-08"]);
    expect(summaries(extractText("2020年5月3日，外交部长维文医生与中国国务委员兼外长王毅通电话。"))).toEqual(["called 维文—王毅 2020-05-03"]);
  });
});

describe("names that spell words", () => {
  it("a family name and a word between a preposition and a cue is a name (同蔡英文见面), and the hypothetical call is not an event", () => {
    const m = extractText("2020年9月19日电 有记者问，日本前首相森田一郎18日在台湾同蔡英文见面时称，日本领导人表示如有机会愿和蔡英文通电话。");
    expect(summaries(m)).toEqual(["met 森田一郎—蔡英文 2020-09-18"]);
  });
});

describe("messages told in other ways", () => {
  it("a roundup: leaders not named in the lead, then each one speaking, is each one's message", () => {
    const m = extractText("新华社北京5月4日电 一些国家领导人和国际组织负责人陆续致电李强，祝贺他就任国务院总理。\n智利总统博里奇表示，衷心祝贺您就任。\n肯尼亚总统鲁托表示，期待同您合作。");
    expect(summaries(m)).toEqual(["wrote_to 博里奇→李强 undated", "wrote_to 鲁托→李强 undated"]);
  });

  it("致电，祝贺X…: the addressee is named after the word of purpose; Y复电 answers the one who wrote", () => {
    const m = extractText("2009年7月27日，中共中央总书记胡锦涛致电，祝贺吴伯雄当选国民党荣誉主席；吴伯雄同日复电。");
    expect(summaries(m)).toEqual(["wrote_to 吴伯雄→胡锦涛 2009-07-27", "wrote_to 胡锦涛→吴伯雄 2009-07-27"]);
  });
});

describe("givers and recipients of Hong Kong and Red Crescent reports", () => {
  it("特区政府 is the Hong Kong government; a country's Red Crescent society is an organization", () => {
    expect(summaries(extractText("2023年3月18日，特区政府向联合国儿童基金会捐款1000万港元。"))).toEqual(["pledged_to 香港特别行政区政府→联合国儿童基金会 2023-03-18 10000000 HKD"]);
    expect(summaries(extractText("2023年3月18日，中国红十字会向约旦红新月会提供10万美元现汇援助。"))).toEqual(["pledged_to 中国红十字会→约旦红新月会 2023-03-18 100000 USD"]);
  });
});

describe("organizations of a place or a state", () => {
  it("安徽省人大常委会 and 罗马尼亚众议院外委会 keep the place or country in their name; 美国某某基金会 does not", () => {
    const m = extractText("2018年5月3日，以波兰众议院外委会主席科瓦尔为团长的代表团访问江苏。江苏省人大常委会副主任李华会见了代表团。美国霍尔基金会联席主席约翰·霍尔也会见了科瓦尔。");
    const orgs = m.entities.filter((e) => e.type === "Organization").map((e) => e.label).sort();
    expect(orgs).toEqual(["江苏省人大常委会", "波兰众议院外委会", "霍尔基金会"].sort());
    expect(m.entities.find((e) => e.label === "李华")?.roles.map((r) => `${r.title}@${r.of.label}`)).toEqual(["副主任@江苏省人大常委会"]);
  });
});

describe("timelines with labelled fields", () => {
  it("a field line (日本首相:NAME) gives the subject of the activities listed after it", () => {
    const m = extractText("1.\n时间:1990年4月2日—6日\n日本首相:高桥一郎\n主要活动:与国家主席李华会见;与国务院总理王明举行会谈\n2.\n时间:1995年5月6日—9日\n日本首相:佐藤健一\n主要活动:与李华会见");
    // A visit of several days dates none of its meetings.
    expect(summaries(m)).toEqual(["met 佐藤健一—李华 undated", "met 高桥一郎—李华 undated", "met 高桥一郎—王明 undated"]);
  });
});

describe("message nouns in the indirect frame", () => {
  it("X向Y发出慰问电 and X发给Y的贺电 are messages; 在贺电中表示 is not", () => {
    expect(summaries(extractText("2010年2月28日，中国红十字会会长华建民向秘鲁红十字会会长罗萨发出慰问电。"))).toEqual(["wrote_to 华建民→罗萨 2010-02-28"]);
    expect(summaries(extractText("2010年2月28日，国家主席习近平在贺电中表示，中方愿同各方合作。"))).toEqual([]);
  });
});

describe("pledges made on behalf of another", () => {
  it("X代表ORG向Y捐款: the represented organization gives; a country's Red Cross society is an organization", () => {
    expect(summaries(extractText("2011年11月3日，中国驻智利大使王平代表中国红十字会向智利红十字会捐款3万美元。"))).toEqual(["pledged_to 中国红十字会→智利红十字会 2011-11-03 30000 USD"]);
  });
});

describe("letters named as a noun phrase", () => {
  it("A致B的贺信 is A's letter to B; an oral message (口信) passed on by someone else is not", () => {
    expect(summaries(extractText("2020年8月20日，国家主席习近平致巴西总统卢拉的贺信在会上宣读。"))).toEqual(["wrote_to 习近平→卢拉 2020-08-20"]);
    expect(summaries(extractText("2020年8月20日，王毅转达了国家主席习近平致巴西总统卢拉的口信。"))).toEqual([]);
  });
});

describe("seats of government", () => {
  it("白宫 is a place that speaks, not a person who calls", () => {
    const m = extractText("2022年7月28日，国家主席习近平同美国总统拜登通电话。白宫称，另据白宫消息，拜登于北京时间晚上与习近平通话。");
    expect(summaries(m)).toEqual(["called 习近平—拜登 2022-07-28"]);
    expect(m.entities.find((e) => e.label === "白宫")?.type).toBe("Place");
  });
});

describe("a delegation whose members are named as they speak", () => {
  it("会见美国众议院…代表团 … 卡森等议员表示: the meeting is with the member named", () => {
    const m = extractText("2019年3月22日，全国人大常委会委员长赵乐际在人民大会堂会见美国众议院友好小组代表团。\n赵乐际说，合作是双方最佳的选择。\n卡森等议员积极评价中方的政策。");
    expect(summaries(m)).toEqual(["met 赵乐际—卡森 2019-03-22"]);
  });
});

describe("posts of a body named by its kind", () => {
  it("国民议会议长 and 人民委员会主席 are posts of the country before them or of the list, not of a body called 国民议会", () => {
    const r = roles("2024年3月1日，李强向孟加拉国总理哈米德、国民议会议长乔杜里和吉尔吉斯斯坦人民委员会主席托克托致贺电。");
    expect(r["乔杜里"]).toEqual(["国民议会议长@孟加拉国"]);
    expect(r["托克托"]).toEqual(["人民委员会主席@吉尔吉斯斯坦"]);
    expect(extractText("2024年3月1日，孟加拉国国民议会议长乔杜里致电赵乐际。").entities.filter((e) => e.type === "Organization")).toEqual([]);
  });
});

describe("short country forms before a post", () => {
  it("中非总统 is the Central African Republic's president; 中非合作 stays China–Africa", () => {
    expect(roles("2023年12月25日，中非总统多拉致电习近平表示慰问。")["多拉"]).toEqual(["总统@中非共和国"]);
    expect(extractText("2023年12月25日，王毅出席中非合作论坛部长级会议。").entities.some((e) => e.label === "中非共和国")).toBe(false);
  });

  it("美国务卿, 俄总理: a one-character form is the country when it is a word of its own; 今日首相 is no country", () => {
    expect(roles("2024年2月8日，王毅与美国务卿卡尔森举行会晤。")["卡尔森"]).toEqual(["国务卿@美国"]);
    expect(roles("2024年2月8日，李强同俄总理波波夫通电话。")["波波夫"]).toEqual(["总理@俄罗斯"]);
    expect(extractText("今日首相高桥一郎表示欢迎。").entities.some((e) => e.type === "Country")).toBe(false);
  });
});

describe("a foreign post written with no holder", () => {
  it("an ambassador to China or a president named without a country is of the one foreign country the page names", () => {
    expect(roles("1999年5月，江明主席与科林斯总统在北京举行会谈，双方重申中美关系的重要性，美国方面表示赞同。")["科林斯"]).toEqual(["总统@美国"]);
    expect(roles("艾奥瓦州友人马丁、前驻华大使亨特以及美国朋友致信李华。")["亨特"]).toEqual(["前驻华大使@美国"]);
  });

  it("with two foreign countries on the page, the post is left without a holder", () => {
    expect(roles("1999年5月，江明主席与科林斯总统举行会谈。法国和德国表示关注。")["科林斯"]).toEqual([]);
  });
});

describe("titles stacked before a name", () => {
  it("外委会主席、X党议员NAME: the first post is the person's too, and the unknown party holds the second", () => {
    const r = roles("以波兰众议院外委会主席、农民党议员科瓦尔斯基为团长的代表团访华。");
    expect(r["科瓦尔斯基"]).toEqual(["主席@波兰众议院外委会"]);
  });

  it("a minister's field stays in the title and the country holds it (新西兰|经济发展|部长)", () => {
    expect(roles("2016年6月1日，李华会见了新西兰经济发展部长乔丹。")["乔丹"]).toEqual(["经济发展部长@新西兰"]);
  });

  it("a labelled field (日本首相:NAME) is a role, and the field is not a name's surface", () => {
    const m = extractText("时间:1990年4月2日\n日本首相:高桥一郎\n主要活动:与国家主席李华会见");
    const p = m.entities.find((e) => e.label === "高桥一郎");
    expect(p?.roles.map((r) => `${r.title}@${r.of.label}`)).toEqual(["首相@日本"]);
    expect(p?.aliases.some((a) => a.includes(":"))).toBe(false);
  });

  it("政府副总理兼外长 with no country named is no post of the home country", () => {
    expect(roles("泰国外交部长颂猜向政府副总理兼外长黎明致唁电。")["黎明"]).toEqual([]);
  });

  it("a party member from a state (宾夕法尼亚州民主党人) has no role held by the state", () => {
    expect(roles("宾夕法尼亚州民主党人米勒发表声明。")["米勒"]).toEqual([]);
  });
});

describe("members of a delegation named by a post", () => {
  it("美国众议员代表团还包括A、B以及C: each member is a representative of the US", () => {
    const r = roles("本周抵京的美国众议员代表团成员还包括共和党人布朗、民主党人格林，以及民主党人怀特。");
    for (const name of ["布朗", "格林", "怀特"]) expect(r[name], name).toContain("众议员@美国");
  });
});

describe("name boundaries around posts", () => {
  it("a place spelt inside a transliterated name (科|罗马) is part of the name", () => {
    expect(roles("据报道，利比里亚总统科罗马当天也发来了祝贺。")["科罗马"]).toEqual(["总统@利比里亚"]);
  });

  it("出任 ends a name: 提名X出任Y is X taking post Y", () => {
    const r = roles("白宫上周宣布，内布拉斯加州州长约翰·卡尔将出任美国驻华大使。");
    expect(Object.keys(r)).toEqual(["约翰·卡尔"]);
    expect(r["约翰·卡尔"]?.sort()).toEqual(["州长@内布拉斯加州", "驻华大使@美国"]);
  });
});

describe("the written form of a title across documents", () => {
  it("a form written on its own (外交部长) wins over one abbreviated in a compound (副总理兼外长) from an earlier page", () => {
    const lex = getLexicon();
    const docs = ["2024年1月2日，新西兰副总理兼外长皮尔斯致电王毅。", "2024年3月5日，新西兰外交部长皮尔斯会见王毅。"].map((original, i) =>
      extractDocument({ id: `d${i}.txt`, original, format: "text" }, { lexicon: lex, homeCountry: "CN" }),
    );
    const person = mergeExtractions(docs).entities.find((e) => e.label === "皮尔斯");
    expect(person?.roles.find((r) => r.titleEn === "Foreign Minister")?.title).toBe("外交部长");
  });
});

describe("source credits and noun-phrase subjects", () => {
  it("a bracketed source credit (【某某报讯】) names no person, and the report's subject is read after it", () => {
    expect(summaries(extractText("【晨光日报讯】外交部长杨明9日应约同英国外交大臣卡特通电话，双方谈到了贸易。", { date: "2021-04-10" }))).toEqual(["called 杨明—卡特 2021-04-09 init=卡特"]);
  });

  it("正在陪同A访问X的外交部长B，…同C通电话: B, the head of the noun phrase, made the call", () => {
    expect(summaries(extractText("本报首尔6月3日电 随同总理李华在韩国访问的外交部长杨明，三日在首尔应约同英国外交大臣卡特通电话。", { date: "2012-06-04" }))).toEqual(["called 杨明—卡特 2012-06-03 init=卡特"]);
  });
});

describe("who a slot names, in timelines and plans", () => {
  it("a title inside an unlisted post (萨尔瓦多代理总统职务…) is not read as another country's president named earlier", () => {
    const m = extractText("国家副主席李华这一年外事活动很多，2016年4月9日会见俄罗斯总统伊万诺夫，7月2日会见萨尔瓦多代理总统职务第一指定人某某。");
    expect(summaries(m)).toEqual(["met 李华—伊万诺夫 2016-04-09"]);
  });

  it("with two delegations in a page, 会见X率领的代表团 is a meeting with X only", () => {
    const m = extractText("4月11日，李华会见英国大臣哈里斯率领的英方代表团。4月17日，李华会见越南部长阮文安率领的越南代表团。");
    expect(summaries(m)).toEqual(["met 李华—哈里斯 undated", "met 李华—阮文安 undated"]);
  });

  it("…将会见法国领导人，同X举行会谈: the clause that opens with 同 shares the plan of the clause before", () => {
    expect(summaries(extractText("在巴黎停留的三天里，王明外长将会见法方领导人，同外长杜邦举行会谈。"))).toEqual([]);
    expect(summaries(extractText("5日，王明在巴黎会见法国总统马丁，同法国外长杜邦举行会谈。", { date: "2024-01-06" }))).toEqual(["met 王明—杜邦 2024-01-05", "met 王明—马丁 2024-01-05"]);
  });
});

describe("names after contact words and places after names", () => {
  it("佐科总统致习主席的信函: a family name and title after 致 is the person the page names in full", () => {
    const m = extractText("这个月，国家主席李华接待了不少客人。来访的印尼外长莱诺还递上一封佐多总统致李主席的信函。");
    expect(summaries(m)).toEqual(["wrote_to 佐多→李华 undated"]);
  });

  it("与特朗普总统阿根廷会晤: the country after a named person and title is where they met, and it holds no post of his", () => {
    const m = extractText("王明主席与卡特总统阿根廷会晤达成的共识，为中美关系指明了方向。");
    expect(summaries(m)).toEqual(["met 王明—卡特 undated"]);
    expect(m.entities.find((e) => e.label === "卡特")?.roles).toEqual([]);
  });
});

describe("a comma after a name's aside", () => {
  it("X与Y（English name，又译…），于12月31日互致贺电: the comma before the time does not cut the clause", () => {
    const m = extractText("据电视台消息，国家主席李华与俄罗斯总统伊万诺夫（Ivan Ivanov，又译伊凡诺夫），于1月1日互致贺电。", { date: "2025-01-02" });
    expect(summaries(m)).toEqual(["wrote_to 伊万诺夫→李华 2025-01-01", "wrote_to 李华→伊万诺夫 2025-01-01"]);
    // Each spelling the aside gives is a form of the name of its own.
    expect(m.entities.find((e) => e.label === "伊万诺夫")?.aliases).toEqual(expect.arrayContaining(["Ivan Ivanov", "伊凡诺夫"]));
  });
});

describe("bare names found by their frame", () => {
  it("周恩来, which jieba reads as a time word, is a name before a title", () => {
    expect(summaries(extractText("1972年9月25日，田中角荣访问中国，同周恩来总理会谈。"))).toEqual(["met 田中角荣—周恩来 1972-09-25"]);
  });

  it("与A、B分别会见: a list of bare names between a preposition and a cue are persons", () => {
    const m = extractText("日本首相:佐藤健一\n主要活动:与邓一平、胡建国分别会见等");
    expect(summaries(m)).toEqual(["met 佐藤健一—胡建国 undated", "met 佐藤健一—邓一平 undated"]);
  });

  it("会见某国议员代表团X一行: the name between the delegation and 一行 is who was met", () => {
    expect(summaries(extractText("本报讯 委员长赵明周二在人民大会堂会见了加拿大议员代表团布朗一行。"))).toEqual(["met 赵明—布朗 undated"]);
  });
});

describe("letters signed with a date in Chinese numerals, and pledges to a government", () => {
  it("a signature date (二〇〇九年七月二十七日, also typed 二00九) fixes the year of the day in the dateline", () => {
    for (const signed of ["二〇一一年三月五日", "二0一一年三月五日"]) {
      const m = extractText(`本社三月五日电 中共中央总书记李华五日致电王明，祝贺他出任某党主席。\n李华\n${signed}`);
      expect(summaries(m), signed).toEqual(["wrote_to 李华→王明 2011-03-05"]);
    }
  });

  it("向斐济政府提供42万斐济元: the government is the recipient, in the currency written; aid earmarked for a country is not a pledge to it", () => {
    const m = extractText("2019 8/ 14 09:30:00\n本社讯 中国政府14日向萨摩亚政府提供50万新西兰元(合30万美元)，用于风灾后的重建。");
    expect(summaries(m)).toEqual(["pledged_to 中国→萨摩亚 2019-08-14 500000 NZD"]);
    expect(summaries(extractText("2010年1月26日，中国通过世界粮食计划署向海地提供100万美元援助。"))).toEqual([]);
  });
});

describe("a pledge reported by its recipient", () => {
  it("X表示，收到了来自Y的100万美元捐款: Y gave X the amount written before the cue", () => {
    const m = extractText("近东救济工程处周一说，已收到来自日本政府的200万美元捐款。");
    expect(summaries(m)).toEqual(["pledged_to 日本→联合国近东巴勒斯坦难民救济和工程处 undated 2000000 USD"]);
  });
});

describe("plans over several clauses, and dates with spaces", () => {
  it("计划…，并将…，之后会…与X会谈，并分别同A、B会见: every clause of the chain is planned", () => {
    const m = extractText("苏明抵达昆明后，计划参观一座工厂，并将与当地学生座谈，之后会前往北京与国家主席李华举行会谈，并分别同总理王强、委员长赵明会见。");
    expect(summaries(m)).toEqual([]);
  });

  it("8 月 6 日 with spaces around the numbers is a date", () => {
    const m = extractText("2025年8月9日\n克里姆林宫说，伊万诺夫总统在 8 月 6 日与美国总统特使卡特会谈。");
    expect(summaries(m)).toEqual(["met 伊万诺夫—卡特 2025-08-06"]);
  });
});

describe("a reply letter quoted in full", () => {
  it("the signature (二零零七年五月廿五日) anchors a page with no other date, and 四月廿六日来信收读 is the letter answered", () => {
    const m = extractText("本报讯 国务院总理王明3月10日给北京某中学学生回信，鼓励大家好好读书。回信写道： 同学们： 二月廿日来信收悉，读后很欣慰。盼你们天天进步！ 王明 二零一二年三月十日");
    expect(summaries(m)).toEqual(["wrote_to 北京某中学学生→王明 2012-02-20", "wrote_to 王明→北京某中学学生 2012-03-10"]);
  });
});

describe("a space for a lost name dot", () => {
  it("西班牙国王胡安 卡洛斯一世: the space between two transliterated parts is the dot", () => {
    const m = extractText("本社马德里1999年5月3日电 西班牙国王胡安 卡洛斯一世2日致电李华主席，祝贺两国关系的进展。");
    expect(summaries(m)).toEqual(["wrote_to 胡安·卡洛斯一世→李华 1999-05-02"]);
  });
});

describe("missions, wrapped lines and unknown actors", () => {
  it("美国驻中国大使馆 is one organization, the giver of its pledge", () => {
    const m = extractText("5月9日，法国驻中国大使馆向上海慈善基金会捐赠3万欧元，用于救灾。", { date: "2013-05-10" });
    expect(summaries(m)).toEqual(["pledged_to 法国驻中国大使馆→上海慈善基金会 2013-05-09 30000 EUR"]);
  });

  it("a long line broken off mid-sentence goes on on the next line; a subject we cannot name is not the text's main person", () => {
    const m = extractText("会长李华在办公室接待了来访的参赞一行并表示欢迎，双方谈了很久，另外,某国使馆还\n向某某教育基金会捐赠了3万英镑。李华表示感谢。李华还介绍了工作。");
    expect(summaries(m).filter((x) => x.startsWith("pledged_to"))).toEqual([]);
  });

  it("他预期在…时会见X is an expectation, not a meeting", () => {
    expect(summaries(extractText("英国外交大臣卡特表示，他预期在中国官员到访伦敦参加典礼时会见韩明。"))).toEqual([]);
  });
});

describe("a name before the word that closes a subordinate clause", () => {
  it("会见普拉昌达时，…: the name ends before 时, and a name jieba knows only in part still reads as one", () => {
    const m = extractText("国家主席李华会见了多位领导人。比如，会见普拉昌达时，双方还谈到了人文交流。");
    expect(summaries(m)).toEqual(["met 李华—普拉昌达 undated"]);
  });
});

describe("an additional pledge on the basis of an earlier one", () => {
  it("在此前向X捐款的基础上，再增加N: the giver adds a pledge of its own to X, and the earlier mention is not a third pledge", () => {
    const m = extractText("2019年5月2日，中国政府宣布向世卫组织捐款1000万美元。6月1日，发言人说，中方在此前向世卫组织捐款的基础上，再增加2000万美元捐款。");
    expect(summaries(m)).toEqual(["pledged_to 中国→世界卫生组织 2019-05-02 10000000 USD", "pledged_to 中国→世界卫生组织 2019-06-01 20000000 USD"]);
  });
});

describe("calls and replies written in passing", () => {
  it("A与B在电话中表示: they spoke on the phone", () => {
    expect(summaries(extractText("2024年4月9日，李明与德国总理舒尔茨在电话中表示，双方应加强合作。"))).toEqual(["called 李明—舒尔茨 2024-04-09"]);
  });

  it("X当天复电表示感谢: a reply that goes on with what it says still goes to whoever wrote to X", () => {
    const m = extractText("2024年1月3日，越南国家主席武文明致电李华，祝贺新年。李华当天复电表示感谢。");
    expect(summaries(m)).toEqual(["wrote_to 李华→武文明 2024-01-03", "wrote_to 武文明→李华 2024-01-03"]);
  });
});

describe("an ambassador's post", () => {
  it("中国驻美国大使X holds a post of China (驻美国大使), and gives on China's behalf", () => {
    expect(roles("2024年3月1日，中国驻日本大使吴明会见日本外相上田。")["吴明"]).toEqual(["驻日本大使@中国"]);
    expect(summaries(extractText("中国驻美国大使谢明向美国红十字会捐赠了10万美元。"))).toEqual(["pledged_to 中国→美国红十字会 undated 100000 USD"]);
  });
});

describe("royal titles, attendees, birth dates and message topics", () => {
  it("大公储X亲王 is a title before a name; 同一天 keeps the day; those who attended (参加上述会见的还有…) were not met", () => {
    const m = extractText("本报布鲁塞尔5月8日电 8日，在比利时访问的国务院副总理李明会见了卢森堡大公储纪尧姆亲王。参加上述会见的还有部长助理刘华、司长王英。同一天，李明还会见了比利时议长范德。", { date: "2003-05-09" });
    expect(summaries(m)).toEqual(["met 李明—纪尧姆 2003-05-08", "met 李明—范德 2003-05-08"]);
  });

  it("a birth date (生于某年某月某日) does not move the year of the days after it; X就Y逝世向A、B致唁电 is X's", () => {
    const m = extractText("2015年3月2日\n老国王阿里克生于1930年4月1日，1950年登基。国家主席李华1日就老国王阿里克去世向该国国王巴萨、王后莫拉致唁电。");
    expect(summaries(m)).toEqual(["wrote_to 李华→巴萨 2015-03-01", "wrote_to 李华→莫拉 2015-03-01"]);
  });

  it("看望 a named person is a meeting; a famous Japanese full name jieba holds as a noun (桥本龙太郎) is a name", () => {
    expect(summaries(extractText("3月2日晚，总理王明前往使馆看望了王后莫拉。", { date: "2015-03-03" }))).toEqual(["met 王明—莫拉 2015-03-02"]);
    expect(summaries(extractText("本报大阪6月6日电 全国政协主席李明6日在酒店会见了日本前首相桥本龙太郎。", { date: "2002-06-07" }))).toEqual(["met 李明—桥本龙太郎 2002-06-06"]);
  });
});

describe("letters handed over, embassies and chargés", () => {
  it("A向中国驻泰大使馆代办B转交了致C的信函: A's letter to C; the embassy is one organization and 代办 a post of it", () => {
    const m = extractText("2010年6月2日，诗琳通公主在清迈向中国驻泰大使馆代办张明转交了致国家主席李华的亲笔信。");
    expect(summaries(m)).toEqual(["wrote_to 诗琳通→李华 2010-06-02"]);
    expect(m.entities.find((e) => e.label === "张明")?.roles.map((r) => `${r.title}@${r.of.label}`)).toEqual(["代办@中国驻泰大使馆"]);
  });

  it("向X的捐赠致以谢意 thanks for a pledge; it does not make one", () => {
    expect(summaries(extractText("会长代表协会向英国大使馆的捐赠表示谢意。"))).toEqual([]);
  });
});

describe("a message cue the sentence calls a call", () => {
  it("X致电Y，两人在电话中…: a phone call placed by X", () => {
    expect(summaries(extractText("2018年2月3日，法国总统卡特致电李总理，两人在电话中谈到了双边合作。新加坡总理李明对此表示欢迎。"))).toEqual(["called 卡特—李明 2018-02-03 init=卡特"]);
  });
});

describe("a recipient organization found by its frame", () => {
  it("某某公司向华中某大学捐赠1亿元: the university between 向 and the cue is an organization", () => {
    expect(summaries(extractText("9月1日，东方科技股份有限公司向西南理工学院捐赠5000万元。", { date: "2023-09-02" }))).toEqual(["pledged_to 东方科技股份有限公司→西南理工学院 2023-09-01 50000000 CNY"]);
  });
});

describe("link labels inside words", () => {
  it("留学[微博]人员: the page's link label is dropped and the group the letter goes to is read whole", () => {
    const m = extractText("本报讯 国家主席李华2月3日给全体在法留学[微博]人员回信，勉励大家学有所成。", { date: "2015-02-04" });
    expect(summaries(m)).toEqual(["wrote_to 李华→全体在法留学人员 2015-02-03"]);
  });
});

describe("calls off, appeals and the pronoun of a report", () => {
  it("通话目前不在日程安排中, 原定…举行的会晤…被取消 and 呼吁A与B举行会晤 report no contact", () => {
    expect(summaries(extractText("据发言人介绍，伊万诺夫总统和卡特总统通话目前不在日程之内。"))).toEqual([]);
    expect(summaries(extractText("据官方消息，总理苏明与国家主席李华原定周五举行的会晤因故取消。"))).toEqual([]);
    expect(summaries(extractText("周一，某国总统埃尔多呼吁伊万诺夫与泽林尽早举行会晤。"))).toEqual([]);
  });

  it("X在通话中向Y介绍了他与Z会谈的情况: the one who met Z is X", () => {
    const m = extractText("公报称，联合国秘书长古特斯在通话中向某国总统埃尔多介绍了他此前在维也纳与俄罗斯总统伊万诺夫会谈的情况。");
    expect(summaries(m).filter((x) => x.includes("伊万诺夫"))).toEqual(["met 古特斯—伊万诺夫 undated"]);
  });
});

describe("a delegation led by a named person, as one item of a list", () => {
  it("会见了A和由X主席率领的…代表团: X is met, and 由 is not part of the name", () => {
    const m = extractText("5月4日，委员长吴明在钓鱼台会见了加纳总统阿科和由伊曼·卡里姆主席率领的某国执政党代表团。", { date: "2010-05-05" });
    expect(summaries(m)).toEqual(["met 吴明—伊曼·卡里姆 2010-05-04", "met 吴明—阿科 2010-05-04"]);
  });
});

describe("names before and after posts on Taiwan and association pages", () => {
  it("蔡英文总统 (a given name that spells a word) and 会长X时表示 (时 closes the clause, not the name)", () => {
    const m = extractText("蔡英文总统今(9)日接见某某友好协会会长山田太郎时表示，双方往来日益频繁。", { date: "2021-03-09" });
    expect(summaries(m)).toEqual(["met 蔡英文—山田太郎 2021-03-09"]);
  });

  it("a related-news link with its date and time is page furniture", () => {
    expect(summaries(extractText("李华同某国总统通电话 2016-03-02 (11:40)\n2012年10月16日，王毅会见法国外长杜邦。"))).toEqual(["met 王毅—杜邦 2012-10-16"]);
  });
});

describe("a foreign post on a page naming a second country only by its short form", () => {
  it("德总理A同法总统B: 法 after a preposition is France, and B is never taken for Germany's president", () => {
    const r = roles("德总理默茨同法总统马克龙举行会谈。");
    expect(r["马克龙"]).toEqual(["总统@法国"]);
    expect(r["默茨"]).toEqual(["总理@德国"]);
  });

  it("a short form jieba does not read as a word still counts as a second country: no context role", () => {
    expect(roles("本月初英首相斯塔默访华，同李强举行会谈。美国方面表示关注。")["斯塔默"]).toEqual([]);
  });
});

describe("a verb after a name and title", () => {
  it("向埃尔多总统通报了他…: 通报了他 is no name, and the one who met is the clause's subject", () => {
    const m = extractText("公报称，联合国秘书长古特斯在通话中向埃尔多总统通报了他此前在维也纳与俄罗斯总统伊万诺夫会谈的情况。");
    expect(m.entities.some((e) => e.label.includes("通报"))).toBe(false);
    expect(summaries(m).filter((x) => x.includes("伊万诺夫"))).toEqual(["met 古特斯—伊万诺夫 undated"]);
  });
});

describe("a roundup of messages from party leaders", () => {
  const roundup = [
    "新华社北京3月5日电 多个国家的政党和组织领导人近日纷纷致电王明远，祝贺他当选党主席。",
    "加纳总统阿米多在贺电中说，相信两党关系会更好。",
    "秘鲁图帕克·阿马鲁革命运动总协调员罗哈斯在贺电中祝贺王明远当选。",
    "乌拉圭红党主席佩雷斯、秘鲁人民党主席、政府总理加西亚，巴拉圭共和党主席洛佩斯、玻利维亚社会党主席、玻利维亚共和国总统莫拉莱斯，尼泊尔大会党主席、前总理柯伊拉腊等也都发来贺电。",
  ].join("\n");

  it("a writer quoting a letter (Y在贺电中说) and senders listed with no addressee write to the roundup's addressee, undated after 近日", () => {
    expect(summaries(extractText(roundup, { date: "2019-03-06" })).sort()).toEqual([
      "wrote_to 阿米多→王明远 undated",
      "wrote_to 罗哈斯→王明远 undated",
      "wrote_to 佩雷斯→王明远 undated",
      "wrote_to 加西亚→王明远 undated",
      "wrote_to 洛佩斯→王明远 undated",
      "wrote_to 莫拉莱斯→王明远 undated",
      "wrote_to 柯伊拉腊→王明远 undated",
    ].sort());
  });

  it("with a day of its own, the roundup's messages take it", () => {
    const dated = roundup.replace("近日纷纷", "5日纷纷");
    expect(summaries(extractText(dated, { date: "2019-03-06" }))).toContain("wrote_to 柯伊拉腊→王明远 2019-03-05");
  });

  it("a party is its country's organization, and its leader's later post is held in that country", () => {
    const r = roles(roundup);
    expect(r["佩雷斯"]).toEqual(["主席@乌拉圭红党"]);
    expect(r["加西亚"]).toEqual(["主席@秘鲁人民党", "总理@秘鲁"]);
    expect(r["莫拉莱斯"]).toEqual(["主席@玻利维亚社会党", "总统@玻利维亚"]);
    expect(r["柯伊拉腊"]).toEqual(["主席@尼泊尔大会党", "前总理@尼泊尔"]);
  });

  it("a state's post held by a party's member stays the state's, and 党 alone makes no organization", () => {
    const m = extractText("美国民主党参议员史密斯会见了王明远。王明远表示，他当选党主席后将继续推动合作。");
    expect(roles("美国民主党参议员史密斯会见了王明远。")["史密斯"]).toEqual(["参议员@美国"]);
    expect(m.entities.filter((e) => e.type === "Organization").map((e) => e.label)).toEqual([]);
  });
});

describe("local leaders and led groups", () => {
  it("a provincial capital and a vice-governor's or vice-mayor's post are read (杭州市副市长X)", () => {
    const r = roles("杭州市副市长赵刚会见王明远。昆明市市长王刚会见了李华。山西省副省长李明出席。");
    expect(r["赵刚"]).toEqual(["副市长@杭州"]);
    expect(r["王刚"]).toEqual(["市长@昆明"]);
    expect(r["李明"]).toEqual(["副省长@山西"]);
  });

  it("X率领的 with a modifier of its own before the group (会见了X会长率领的出席论坛的…领导) meets X", () => {
    const m = extractText("3月5日，英国议员霍华德在议会大厦会见了王明远会长率领的出席论坛的中国地方领导。", { date: "2016-03-06" });
    expect(summaries(m)).toEqual(["met 霍华德—王明远 2016-03-05"]);
  });

  it("an organization written after its country lends that country to a later post (人民联盟主席、前总理X)", () => {
    expect(roles("斯里兰卡自由联盟主席、前总理佩雷拉致电王明远。")["佩雷拉"]).toEqual(["主席@自由联盟", "前总理@斯里兰卡"]);
  });
});

describe("donations to countries, channels and receivers", () => {
  it("a donation (捐助) may go to a country itself; aid a country is provided with (提供…援助) is no pledge", () => {
    expect(summaries(extractText("中国向智利捐助30万美元。中国向秘鲁提供30万美元援助。"))).toEqual(["pledged_to 中国→智利 undated 300000 USD"]);
  });

  it("X通过Y向Z捐助: Y is the channel, X the giver, also before an amount in Chinese numerals", () => {
    const m = extractText("5月15日，星光公益基金会通过红星基金向智利捐助三十万美元。同日，东海集团通过红星基金捐赠三百万元人民币用于为智利灾民购买药品。", { date: "2010-05-16" });
    expect(summaries(m).sort()).toEqual(["pledged_to 星光公益基金会→智利 2010-05-15 300000 USD", "pledged_to 东海集团→智利 2010-05-15 3000000 CNY"].sort());
  });

  it("a pledge cue heading a noun of the giver (最大捐款国) is no pledge", () => {
    expect(summaries(extractText("这样，挪威成为该基金的最大捐款国。日本向世卫组织捐款500万美元。"))).toEqual(["pledged_to 日本→世界卫生组织 undated 5000000 USD"]);
  });

  it("an organization that received donations is not their giver (X接收各界为Y捐款…)", () => {
    expect(summaries(extractText("截至22日，某省红十字会接收社会各界为智利地震灾区捐款已达300万元人民币。", { date: "2010-03-23" }))).toEqual([]);
  });

  it("a foundation announcing a grant to an alliance (在峰会上宣布向…联盟提供…赠款); a dotted name before 基金会 is the foundation's", () => {
    const m = extractText("北方·霍尔基金会在峰会上宣布向全球儿童健康联盟提供一笔为期三年、共计8亿美元的赠款。除此之外，北方·霍尔基金会还将另外提供2亿美元，支持该联盟今后的项目。");
    expect(summaries(m).sort()).toEqual(["pledged_to 北方·霍尔基金会→全球儿童健康联盟 undated 800000000 USD", "pledged_to 北方·霍尔基金会→全球儿童健康联盟 undated 200000000 USD"].sort());
    expect(m.entities.some((e) => e.type === "Person")).toBe(false);
  });
});

describe("a call placed by one side", () => {
  it("打电话给X and 给X打电话 are calls; a headline's 致电 between the pair is that call; 未给X打电话 is none", () => {
    const m = extractText("拜登致电祝贺杜邦当选\n美国总统拜登9日终于打电话给法国现总理杜邦，祝贺他当选。白宫发言人称拜登一直未给杜邦打电话的原因是太忙。10日，李华给王明远打电话。", { date: "2012-03-10" });
    expect(summaries(m)).toEqual(["called 拜登—杜邦 2012-03-09 init=拜登", "called 李华—王明远 2012-03-10"]);
  });
});

describe("gifts in kind and video conferences", () => {
  it("goods counted with no money (两万只口罩, 一批物资) are no pledge; money beside goods is", () => {
    expect(summaries(extractText("另向法国某市捐赠了三千套防护服。中国向智利捐赠一批物资。中国向秘鲁捐赠200万美元和一批物资。"))).toEqual(["pledged_to 中国→秘鲁 undated 2000000 USD"]);
  });

  it("a video conference (进行视频会议) is a call", () => {
    expect(summaries(extractText("11日下午，市长李华与法国某市市长杜邦进行视频会议。", { date: "2020-06-12" }))).toEqual(["called 李华—杜邦 2020-06-11"]);
  });
});

describe("a host's meal and a family name alone", () => {
  it("设家宴款待X一家 is a meeting; a headline's family name (中曾根) is the person named in full below", () => {
    const m = extractText("王明远在寓所宴请石川\n新华社北京5月3日电 今天中午，王明远总理偕夫人在寓所设家宴款待来访的日本首相石川健一夫妇。石川首相致谢。", { date: "2001-05-04" });
    expect(summaries(m)).toEqual(["met 王明远—石川健一 2001-05-03"]);
    expect(m.entities.filter((e) => e.type === "Person").map((e) => e.label).sort()).toEqual(["王明远", "石川健一"].sort());
  });
});

describe("glosses with a space", () => {
  it("a pinyin gloss written with a space before its bracket (會(huì )見) is dropped too", () => {
    expect(summaries(extractText("5月3日,市長(cháng)張強在杭州會(huì )見(jiàn)德國外長(cháng)施密特。", { date: "2019-05-04" }))).toEqual(["met 张强—施密特 2019-05-03"]);
  });
});

describe("hopes and informal meetings", () => {
  it("需作努力才可与X会面 is a hope, not a meeting; 与X非正式会面 meets X", () => {
    const m = extractText("某国首相山田一郎周四表示，需作相当努力才可与中国国家主席王明远会面。另外，外长李华周四在纽约应约与某国外相田中次郎非正式会面。", { date: "2014-09-26" });
    expect(summaries(m)).toEqual(["met 李华—田中次郎 undated init=田中次郎"]);
  });
});

describe("letters given in full", () => {
  const letters = [
    "(山田总理发给王明远总理的贺电)",
    "中华人民共和国国务院总理",
    "王明远 阁下:",
    "值此两国建交之际，我谨表示祝贺。",
    "日本国内阁总理大臣",
    "山田一郎",
    "2011年5月8日",
    "(王明远总理发给山田总理的贺电)",
    "山田一郎阁下:",
    "值此之际，谨表祝贺。",
    "中华人民共和国国务院总理",
    "王明远",
    "二〇一一年五月九日于北京",
  ].join("\n");

  it("each letter is dated by the signature under it, not by the date line of the letter before", () => {
    expect(summaries(extractText(letters)).sort()).toEqual(["wrote_to 山田一郎→王明远 2011-05-08", "wrote_to 王明远→山田一郎 2011-05-09"]);
  });
});

describe("telegrams printed under a heading", () => {
  it("X的唁电 then the salutation names sender and addressee; a next salutation run on after the signature date is the same writer's next letter", () => {
    const text = [
      "专栏:",
      "法国总统杜邦的唁电北京王明远主席阁下尊敬的主席先生:",
      "惊悉噩耗，我谨代表法国政府表示深切哀悼。",
      "您真诚的,",
      "让·杜邦",
      "一九八〇年三月四日北京人大常委会委员长李华阁下尊敬的委员长先生:",
      "我刚刚得知这一消息，谨致慰问。",
      "让·杜邦",
      "一九八〇年三月四日",
    ].join("\n");
    expect(summaries(extractText(text)).sort()).toEqual(["wrote_to 杜邦→李华 1980-03-04", "wrote_to 杜邦→王明远 1980-03-04"]);
  });
});

describe("telegrams whose heading names the sender by post", () => {
  it("某国国王的贺电 + salutation (…先生阁下: or …总理:): the sender is the signer above the signature date", () => {
    const text = [
      "庆祝国庆",
      "泰国国王的贺电北京王明远主席阁下:",
      "值此佳节，我谨代表泰国政府和人民表示祝贺。",
      "国王 普密蓬",
      "1970年9月29日",
      "加纳总统的贺电北京李华总理:",
      "值此国庆之际，谨致祝贺。顺致崇高的敬意。 阿杜·曼萨",
      "1970年9月30日",
      "某国议会议长的贺电北京张强委员长阁下:",
      "值此之际，谨表祝贺。",
    ].join("\n");
    expect(summaries(extractText(text)).sort()).toEqual(["wrote_to 普密蓬→王明远 1970-09-29", "wrote_to 阿杜·曼萨→李华 1970-09-30"]);
  });
});

describe("list items closed by 一行 or 夫妇, and a country spelt inside a name", () => {
  it("会见了A夫妇、B一行和C一行: every guest is met", () => {
    const m = extractText("新华社北京5月12日电 委员长王明远今天上午会见了日本某县知事代表田中一郎夫妇、黎巴嫩贝鲁特市长阿里·哈桑一行和法国里昂大区议会副主席米歇尔·杜邦一行。", { date: "1991-05-13" });
    expect(summaries(m).sort()).toEqual(["met 王明远—田中一郎 1991-05-12", "met 王明远—阿里·哈桑 1991-05-12", "met 王明远—米歇尔·杜邦 1991-05-12"].sort());
  });

  it("外长海尔马里亚姆 is one name, though 马里 is a country", () => {
    const m = extractText("同日，外交部长李华与某国副总理兼外长海尔马里亚姆互致贺电。", { date: "2010-11-25" });
    expect(summaries(m).sort()).toEqual(["wrote_to 李华→海尔马里亚姆 2010-11-25", "wrote_to 海尔马里亚姆→李华 2010-11-25"]);
  });
});

describe("video contacts in other words", () => {
  it("视频会见了X (transitive) and 同X进行视频交流 are calls", () => {
    expect(summaries(extractText("昨天，市政协主席李华视频会见了某市议长田中一郎。11月3日，副部长王明同英国议会下院议员格林进行视频交流。", { date: "2020-11-05" }))).toEqual(["called 李华—田中一郎 2020-11-04", "called 王明—格林 2020-11-03"]);
  });
});

describe("those present at a meeting", () => {
  it("接见时在座的还有A和B: present, not met", () => {
    expect(summaries(extractText("王明远主席接见了杜邦总理。接见时在座的还有法国驻华大使马丁和中国驻法大使李华。"))).toEqual(["met 王明远—杜邦 undated"]);
  });
});

describe("counterparts listed over clauses", () => {
  it("分别会见A，B，C: each clause that is only a post and a name is one more counterpart", () => {
    const m = extractText("3月26日，李华分别会见某国工人党副主席、国防部长兼内政部长陈志明，某国工人党主席、社会事务协调与发展部长王大伟，某国工人党组织秘书、外交部长林国强。", { date: "2024-03-28" });
    expect(summaries(m).sort()).toEqual(["met 李华—陈志明 2024-03-26", "met 李华—王大伟 2024-03-26", "met 李华—林国强 2024-03-26"].sort());
  });
});

describe("pairs exchanging messages", () => {
  it("A和B、C和D也分别互致了贺电: one exchange per pair, not every combination", () => {
    const m = extractText("当日，国务院总理王明远和某国总理杜邦、外交部长李华和某国外交、贸易和移民部长马丁也分别互致了贺电。", { date: "2009-03-23" });
    expect(summaries(m).sort()).toEqual(["wrote_to 杜邦→王明远 2009-03-23", "wrote_to 王明远→杜邦 2009-03-23", "wrote_to 李华→马丁 2009-03-23", "wrote_to 马丁→李华 2009-03-23"].sort());
  });
});

describe("gifts listed with their amounts, and running totals", () => {
  it("分别向X捐赠人民币A和B: two gifts (on the two dates listed); 累计 N is a running total, no gift", () => {
    const m = extractText("甘肃省红十字会于2011年4月2日和4月9日分别向智利红十字会捐赠人民币80万元和300万元的救灾款。该会已决定向智利红十字会提供累计2300万元人民币的援助。");
    expect(summaries(m)).toEqual(["pledged_to 甘肃省红十字会→智利红十字会 2011-04-02 800000 CNY", "pledged_to 甘肃省红十字会→智利红十字会 2011-04-09 3000000 CNY"]);
  });
});
