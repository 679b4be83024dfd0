/**
 * Extraction behaviours a user notices, on short texts in the style of news agencies (none of
 * them in the gazetteers: persons are found by structure).
 */
import { describe, expect, it } from "vitest";
import { extractText, summaries } from "./helpers/extract.js";

describe("contact events", () => {
  it("应约: the other side asked for the call", () => {
    const m = extractText("新华社北京2019年5月8日电 国家主席习近平8日应约同南非总统拉马福萨通电话。");
    expect(summaries(m)).toEqual(["called 习近平—拉马福萨 2019-05-08 init=拉马福萨"]);
  });

  it("应…邀请 names the inviting side", () => {
    const m = extractText("新华社北京2021年3月3日电 应挪威首相索尔贝格邀请，国务院总理李克强3日同索尔贝格举行视频会晤。");
    // A video meeting is a call: the parties were not in one place.
    expect(summaries(m)).toEqual(["called 李克强—索尔贝格 2021-03-03 init=索尔贝格"]);
  });

  it("a list of parties gives one event each", () => {
    const m = extractText("新华社北京2020年3月19日电 国务委员兼外长王毅19日分别同法国外长勒德里昂、英国外交大臣拉布通电话。");
    expect(summaries(m)).toEqual(["called 王毅—勒德里昂 2020-03-19", "called 王毅—拉布 2020-03-19"]);
  });

  it("letters and messages are directed, sender first", () => {
    const m = extractText("新华社北京2019年10月1日电 俄罗斯总统普京1日致电国家主席习近平，祝贺中华人民共和国成立70周年。");
    expect(summaries(m)).toEqual(["wrote_to 普京→习近平 2019-10-01"]);
  });

  it("pledges carry a normalised amount and 中方 is China", () => {
    const m = extractText("新华社北京2020年4月23日电 中方决定向世卫组织追加捐款3000万美元。");
    expect(summaries(m)).toEqual(["pledged_to 中国→世界卫生组织 2020-04-23 30000000 USD"]);
    const m2 = extractText("新华社北京2021年2月20日电 中国政府决定向非洲联盟提供2亿元人民币紧急援助。");
    expect(summaries(m2)).toEqual(["pledged_to 中国→非洲联盟 2021-02-20 200000000 CNY"]);
  });

  it("提供 without an amount is not a pledge; talk without a contact cue is no event", () => {
    expect(summaries(extractText("新华社北京2020年4月1日电 中方愿向各国提供力所能及的帮助。"))).toEqual([]);
    expect(summaries(extractText("新华社北京2020年6月10日电 外交部发言人赵立坚10日表示，中方一贯主张通过对话协商解决分歧。"))).toEqual([]);
  });

  it("a timeline of items without subject belongs to the protagonist; list dates apply to the next line", () => {
    const text = ["李克强总理通话会见一览", "国务院总理李克强表示，中方愿同各方加强合作。", "2020-05-14", "应约同新西兰总理阿德恩通电话", "2020-05-20", "同西班牙首相桑切斯通电话"].join("\n");
    expect(summaries(extractText(text))).toEqual(["called 李克强—桑切斯 2020-05-20", "called 李克强—阿德恩 2020-05-14 init=阿德恩"]);
  });

  it("the title alone (总理先生) refers to the counterpart of the call", () => {
    const text = "新华社北京2020年5月14日电 国务院总理李克强14日晚应约同新西兰总理阿德恩通电话。李克强说，总理先生多次表示支持中方抗疫。";
    const m = extractText(text);
    const ardern = m.entities.find((e) => e.label === "阿德恩");
    expect(ardern?.aliases).toContain("新西兰总理阿德恩");
    expect(summaries(m)).toEqual(["called 李克强—阿德恩 2020-05-14 init=阿德恩"]);
  });

  it("a date range dates the event by its first day; 此前 and 近日 leave it undated", () => {
    expect(summaries(extractText("新华社大连5月8日电 2018年5月7日至8日，国家主席习近平同朝鲜劳动党委员长金正恩在大连举行会晤。"))).toEqual([
      "met 习近平—金正恩 2018-05-07",
    ]);
    expect(summaries(extractText("新华社北京2022年2月25日电 国际奥委会主席巴赫近日致信国家主席习近平。"))).toEqual(["wrote_to 巴赫→习近平 undated"]);
  });

  it("a date that cannot be resolved is null, not guessed", () => {
    expect(summaries(extractText("国家主席习近平8日应约同南非总统拉马福萨通电话。"))).toEqual(["called 习近平—拉马福萨 undated init=拉马福萨"]);
    // --date or the JSONL date anchors it
    expect(summaries(extractText("国家主席习近平8日应约同南非总统拉马福萨通电话。", { date: "2019-05-09" }))).toEqual([
      "called 习近平—拉马福萨 2019-05-08 init=拉马福萨",
    ]);
  });
});

describe("entities and roles", () => {
  it("country + title + name gives a person with the role; the holder is the country", () => {
    const m = extractText("新华社北京2023年11月7日电 国务院总理李强同澳大利亚总理阿尔巴尼斯举行会谈。");
    const roles = Object.fromEntries(m.entities.filter((e) => e.type === "Person").map((e) => [e.label, e.roles.map((r) => `${r.title}@${r.of.label}`)]));
    expect(roles).toEqual({ 李强: ["总理@中国"], 阿尔巴尼斯: ["总理@澳大利亚"] });
  });

  it("the English title follows the country: 总理 is Chancellor in Germany, Premier in China, Prime Minister elsewhere", () => {
    const m = extractText("新华社北京2021年3月3日电 国务院总理李克强3日同德国总理默克尔、西班牙首相桑切斯、新西兰总理阿德恩通电话。");
    const en = Object.fromEntries(m.entities.filter((e) => e.type === "Person").map((e) => [e.label, e.roles.map((r) => r.titleEn)]));
    expect(en).toEqual({ 李克强: ["Premier"], 默克尔: ["Chancellor"], 桑切斯: ["Prime Minister"], 阿德恩: ["Prime Minister"] });
  });

  it("时任 keeps the role as then-held", () => {
    const m = extractText("新华社北京2020年2月14日电 国家主席习近平13日应约同时任马来西亚总理马哈蒂尔通电话。");
    const p = m.entities.find((e) => e.label === "马哈蒂尔");
    expect(p?.roles).toEqual([{ title: "总理", titleEn: "Prime Minister", of: { id: "country/malaysia", label: "马来西亚", type: "Country" }, then: true }]);
  });

  it("traditional characters and every middle dot give the same simplified entity, with the forms seen as aliases", () => {
    for (const dot of ["·", "⋅", "•", "‧", "・"]) {
      const m = extractText(`新華社北京2月14日電 國家主席習近平14日同巴基斯坦總理伊姆蘭${dot}汗通電話。`, { date: "2019-02-14" });
      expect(summaries(m)).toEqual(["called 习近平—伊姆兰·汗 2019-02-14"]);
      const khan = m.entities.find((e) => e.label === "伊姆兰·汗");
      expect(khan?.aliases).toContain(`伊姆蘭${dot}汗`);
    }
  });

  it("full-width and half-width punctuation read the same", () => {
    const a = summaries(extractText("新华社北京2019年5月8日电 国家主席习近平8日应约同南非总统拉马福萨通电话。拉马福萨表示，南方愿加强合作。"));
    const b = summaries(extractText("新华社北京2019年5月8日电 国家主席习近平8日应约同南非总统拉马福萨通电话. 拉马福萨表示, 南方愿加强合作."));
    expect(b).toEqual(a);
  });

  it("organizations are one entity under all their names (世卫组织 = 世界卫生组织 = WHO)", () => {
    const m = extractText("新华社日内瓦2020年3月1日电 中方向世卫组织捐款。中国政府向世界卫生组织捐款2000万美元。中方向WHO捐赠500万美元。");
    const who = m.entities.filter((e) => e.type === "Organization");
    expect(who.map((e) => e.id)).toEqual(["org/who"]);
    expect(who[0]?.labelEn).toBe("World Health Organization");
  });
});

describe("page furniture", () => {
  it("a scraped page's navigation, related links and copyright make no entity and no event", () => {
    const html = `<html><head><title>王毅同伊朗外长扎里夫通电话</title></head><body>
      <div class="nav">首页 | 时政 | 北京 | 天津 | 上海 | 广东</div>
      <p>新华社北京1月8日电 国务委员兼外长王毅8日应约同伊朗外长扎里夫通电话。</p>
      <div class="related"><ul><li><a href="/1">李克强会见日本首相安倍晋三</a></li></ul></div>
      <ul><li><a href="/2">习近平同南非总统拉马福萨通电话</a></li></ul>
      <p>Copyright © 新华网 版权所有</p></body></html>`;
    const m = extractText(html, { html: true, date: "2020-01-08" });
    expect(summaries(m)).toEqual(["called 王毅—扎里夫 2020-01-08 init=扎里夫"]);
    const labels = m.entities.map((e) => e.label);
    for (const furniture of ["安倍晋三", "日本", "拉马福萨", "南非", "天津", "上海", "广东"]) expect(labels).not.toContain(furniture);
  });

  it("every source span points at its sentence in the original file, HTML included", () => {
    const html = `<p>新华社北京1月8日电 国务委员兼外长王毅8日应约同伊朗外长<b>扎里夫</b>通电话。</p>`;
    const m = extractText(html, { html: true, date: "2020-01-08" });
    const src = m.events[0]?.sources[0];
    expect(src).toBeDefined();
    const original = html.slice(src?.start, src?.end);
    expect(original.startsWith("新华社北京1月8日电")).toBe(true);
    expect(original).toContain("<b>扎里夫</b>通电话");
    expect(src?.text).toContain("伊朗外长扎里夫通电话");
  });
});
