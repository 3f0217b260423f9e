package org.bitext.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bitext.text.Texts;

/**
 * Writes a synthetic edition (transcript.md + edition.yaml) of N turns across S sections, deterministic
 * from a seed, at the density of the real edition (per 50 turns: 14 split parts, 91 notes, 61 glossary
 * terms, 20 topics, 65 topic quotes, one reassignment). It is valid for {@code bitext check --strict}.
 *
 * <p>Every quote must match exactly one place, so each quoted phrase carries a code in 〔〕 that occurs
 * once in the transcript; glossary terms start with a character ({@value #TERM_MARK}) used nowhere else
 * and all have the same length, so no term occurs by accident or inside another.
 *
 * <p>Texts are a little shorter than the real edition's so that 100 000 turns stay under the 64 MB
 * input limit of {@link org.bitext.input.Limits#MAX_INPUT_BYTES}.
 *
 * <p>Usage: {@code java -cp target/bitext.jar:target/test-classes org.bitext.bench.Synth --turns N [--sections S] [--seed X] --out DIR}
 */
public final class Synth {
    /** The two files of a generated edition. */
    public record Corpus(String transcript, String edition, int turns, int paragraphs, int sections, int notes,
            int terms, int topics, int speakers) {
    }

    static final char TERM_MARK = '璞';
    private static final String CODE_CHARS = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈";
    /** Glossary term characters with a made-up reading each (the pinyin only needs to be distinct). */
    private static final String TERM_CHARS = "安百才长东法风高光海和火江金开力林明南平气清人山水天同文心学阳云中";
    private static final String[] TERM_PINYIN = {"ān", "bǎi", "cái", "cháng", "dōng", "fǎ", "fēng", "gāo", "guāng",
        "hǎi", "hé", "huǒ", "jiāng", "jīn", "kāi", "lì", "lín", "míng", "nán", "píng", "qì", "qīng", "rén", "shān",
        "shuǐ", "tiān", "tóng", "wén", "xīn", "xué", "yáng", "yún", "zhōng"};
    private static final String[] WORDS = {"人工智能", "模型", "数据", "安全", "研究", "技术", "问题", "我们", "他们",
        "未来", "发展", "社会", "世界", "能力", "工具", "工作", "教育", "医疗", "语言", "系统", "政策", "治理", "国家",
        "公司", "用户", "产品", "成本", "效率", "影响", "风险", "机会", "经济", "科学", "实验", "计算", "训练", "算法",
        "网络", "信息", "隐私", "透明", "责任", "合作", "讨论", "观点", "认为", "需要", "可能", "已经", "正在", "非常",
        "重要", "困难", "简单", "快速", "缓慢", "全球", "地区", "城市", "时间", "方式", "方法", "目标", "结果", "过程",
        "框架", "规则", "标准", "监督", "评估", "部署", "发布", "版本", "进步", "突破", "挑战", "平衡", "信任", "理解"};
    private static final String[] EN_WORDS = {"the", "model", "data", "safety", "research", "we", "they", "future",
        "society", "world", "tools", "work", "education", "health", "language", "systems", "policy", "governance",
        "countries", "companies", "users", "cost", "efficiency", "risk", "opportunity", "economy", "science",
        "training", "networks", "privacy", "responsibility", "progress", "challenge", "balance", "trust", "think",
        "need", "might", "already", "very", "important", "quickly", "slowly", "global", "method", "goal", "result",
        "standards", "oversight", "release", "version", "breakthrough", "of", "and", "to", "in", "that", "is", "a"};
    private static final String[] KINDS = {"attribution", "context", "correction", "event", "organisation", "person",
        "product", "publication", "translation"};
    private static final int[] KIND_WEIGHTS = {18, 24, 6, 3, 8, 6, 4, 4, 18};

    // densities per turn, from the real edition (50 turns)
    private static final double SPLIT_RATE = 14 / 48.0;
    private static final double NOTES_PER_TURN = 91 / 50.0;
    private static final double TERMS_PER_TURN = 61 / 50.0;
    private static final double TOPICS_PER_TURN = 20 / 50.0;
    private static final double SECOND_TOPIC = 15 / 48.0;
    private static final double REASSIGN_RATE = 1 / 36.0;

    private final Random rnd;
    private int codes;

    private Synth(long seed) {
        rnd = new Random(seed);
    }

    /** A turn being planned. */
    private static final class Plan {
        int section;
        String speaker;
        String source;
        boolean splitPart;
        boolean reassigned;
        String anchor;
        final StringBuilder zh = new StringBuilder();
        String en;
        final List<String[]> notes = new ArrayList<>(); // {quote, kind, text}
        final List<Integer> topics = new ArrayList<>();
    }

    public static void main(String[] args) throws IOException {
        int turns = 1000;
        int sections = -1;
        long seed = 1;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--turns" -> turns = Integer.parseInt(args[++i].replace("_", ""));
                case "--sections" -> sections = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: Synth --turns N [--sections S] [--seed X] --out DIR");
                    System.exit(2);
                }
            }
        }
        if (out == null) {
            System.err.println("usage: Synth --turns N [--sections S] [--seed X] --out DIR");
            System.exit(2);
        }
        Corpus c = generate(seed, turns, sections < 0 ? defaultSections(turns) : sections);
        write(c, out);
        System.out.printf(Locale.ROOT, "Synth: %d turns (%d paragraphs), %d sections, %d notes, %d glossary terms, "
                + "%d topics, %d speakers into %s (transcript %.1f MB, edition.yaml %.1f MB)%n", c.turns(), c.paragraphs(),
                c.sections(), c.notes(), c.terms(), c.topics(), c.speakers(), out,
                c.transcript().getBytes(StandardCharsets.UTF_8).length / 1048576.0,
                c.edition().getBytes(StandardCharsets.UTF_8).length / 1048576.0);
    }

    /** About ten turns a section, like the real edition. */
    public static int defaultSections(int turns) {
        return Math.max(2, Math.round(turns / 10f));
    }

    public static void write(Corpus c, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("transcript.md"), c.transcript(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("edition.yaml"), c.edition(), StandardCharsets.UTF_8);
    }

    /** Generates an edition of {@code turns} turns (at least 3) across {@code sections} sections (at least 2). */
    public static Corpus generate(long seed, int turns, int sections) {
        if (turns < 3 || sections < 2 || sections > turns) {
            throw new IllegalArgumentException("need turns >= 3 and 2 <= sections <= turns");
        }
        return new Synth(seed).corpus(turns, sections);
    }

    private Corpus corpus(int n, int sectionCount) {
        int narratorTurns = Math.max(1, Math.min(n / 25, sectionCount > 1 ? n - (sectionCount - 1) : n));
        int interview = n - narratorTurns;
        int guests = 1 + n / 10000;
        List<String> speakerIds = new ArrayList<>(List.of("host"));
        for (int g = 1; g <= guests; g++) {
            speakerIds.add("guest-" + g);
        }
        int topicCount = Math.max(1, Math.min(interview, (int) Math.round(n * TOPICS_PER_TURN)));
        int termCount = Math.max(1, (int) Math.round(n * TERMS_PER_TURN));
        String[] terms = new String[termCount];
        String[] pinyin = new String[termCount];
        for (int t = 0; t < termCount; t++) {
            StringBuilder zh = new StringBuilder().append(TERM_MARK);
            StringBuilder py = new StringBuilder("pú");
            int v = t;
            for (int k = 0; k < 4; k++) {
                int c = v % TERM_CHARS.length();
                v /= TERM_CHARS.length();
                zh.append(TERM_CHARS.charAt(c));
                py.append(' ').append(TERM_PINYIN[c]);
            }
            terms[t] = zh.toString();
            pinyin[t] = py.toString();
        }

        // ---- plan the turns ----
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < narratorTurns; i++) {
            Plan p = new Plan();
            p.section = 0;
            p.speaker = "narrator";
            p.source = "narrator";
            plans.add(p);
        }
        String prevSpeaker = null;
        int partsInParagraph = 0;
        for (int k = 0; k < interview; k++) {
            Plan p = new Plan();
            p.section = 1 + (int) ((long) k * (sectionCount - 1) / interview);
            String guest = speakerIds.get(1 + (p.section - 1) % guests);
            Plan prev = plans.get(plans.size() - 1);
            boolean sameSection = prev.section == p.section && !"narrator".equals(prev.speaker);
            if (sameSection) {
                String other = "host".equals(prevSpeaker) ? guest : "host";
                if (partsInParagraph < 3 && rnd.nextDouble() < SPLIT_RATE) {
                    p.splitPart = true;
                    p.speaker = other;
                    p.source = prev.source;
                    partsInParagraph++;
                } else {
                    p.speaker = rnd.nextDouble() < 0.85 ? other : prevSpeaker;
                    partsInParagraph = 1;
                }
            } else {
                p.speaker = "host";
                partsInParagraph = 1;
            }
            if (!p.splitPart) {
                p.source = p.speaker;
                if (rnd.nextDouble() < REASSIGN_RATE) {
                    p.reassigned = true;
                    p.source = "host".equals(p.speaker) ? guest : "host";
                }
            }
            prevSpeaker = p.speaker;
            plans.add(p);
        }
        // topics: every interview turn in one (spread evenly, so every topic covers a turn), some in two
        for (int k = 0; k < interview; k++) {
            Plan p = plans.get(narratorTurns + k);
            int primary = (int) ((long) k * topicCount / interview);
            p.topics.add(primary);
            if (topicCount > 1 && rnd.nextDouble() < SECOND_TOPIC) {
                int second = Math.floorMod(primary + 1 + rnd.nextInt(Math.min(20, topicCount - 1)), topicCount);
                if (second != primary) {
                    p.topics.add(second);
                }
            }
        }
        // glossary: each term has a home turn; about half the turns repeat an earlier term
        List<List<Integer>> termsOf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            termsOf.add(new ArrayList<>());
        }
        for (int t = 0; t < termCount; t++) {
            termsOf.get((int) ((long) t * n / termCount)).add(t);
        }
        for (int i = 0; i < n; i++) {
            int homeOfFirst = (int) Math.ceil((double) i * termCount / n);
            if (homeOfFirst > 0 && rnd.nextBoolean()) {
                termsOf.get(i).add(rnd.nextInt(homeOfFirst));
            }
        }

        // ---- Chinese text ----
        int noteCount = 0;
        for (int i = 0; i < n; i++) {
            Plan p = plans.get(i);
            p.anchor = code();
            p.zh.append(p.anchor).append(word()).append(word()).append('，');
            int notes = (int) NOTES_PER_TURN + (rnd.nextDouble() < NOTES_PER_TURN % 1 ? 1 : 0);
            List<Integer> myTerms = termsOf.get(i);
            int clauses = Math.max(4, notes + myTerms.size() + 1);
            int ti = 0;
            int ni = 0;
            for (int c = 0; c < clauses; c++) {
                if (ni < notes && (c % 2 == 0 || clauses - c <= notes - ni)) {
                    String code = code();
                    String w = word();
                    p.zh.append(code).append(w);
                    p.notes.add(new String[] {code + w, kind(), null});
                    ni++;
                } else {
                    p.zh.append(word());
                }
                if (ti < myTerms.size()) {
                    p.zh.append(terms[myTerms.get(ti++)]);
                }
                p.zh.append(word()).append(rnd.nextBoolean() ? word() : "").append(c == clauses - 1 ? (rnd.nextInt(4) == 0 ? "？" : "。") : "，");
            }
            noteCount += p.notes.size();
            p.en = english(9 + rnd.nextInt(14));
        }

        // ---- transcript.md ----
        StringBuilder md = new StringBuilder();
        String titleCode = code();
        md.append("# 合成对话").append(titleCode).append("：关于人工智能的").append(n).append("轮谈话\n\n");
        md.append("文章作者: 合成作者\n发布时间: 2024-06-03 10:00\n发布地: 未知地区\n原文链接: http://example.com/synthetic\n\n");
        String partCode = code();
        String[] sectionCodes = new String[sectionCount];
        sectionCodes[0] = titleCode;
        List<String[]> headingNotes = new ArrayList<>(); // {quote, kind, text}
        String lastSource = null;
        int paragraphs = 0;
        for (int i = 0; i < n; i++) {
            Plan p = plans.get(i);
            if (i > 0 && p.section != plans.get(i - 1).section) {
                if (p.section == 1) {
                    md.append("# 谈话整理").append(partCode).append("\n\n");
                }
                sectionCodes[p.section] = code();
                md.append("## ").append(word()).append(word()).append(sectionCodes[p.section]).append("\n\n");
                if (rnd.nextInt(10) == 0) {
                    headingNotes.add(new String[] {sectionCodes[p.section], kind(), null});
                }
            }
            if (p.splitPart) {
                continue; // written with the paragraph it belongs to
            }
            paragraphs++;
            if (!"narrator".equals(p.source) && !p.source.equals(lastSource)) {
                md.append("**").append(labelOf(p.source)).append("：**").append(rnd.nextBoolean() ? "\n" : " ");
                lastSource = p.source;
            }
            md.append(p.zh);
            for (int j = i + 1; j < n && plans.get(j).splitPart; j++) {
                md.append(plans.get(j).zh);
            }
            md.append("\n\n");
        }
        md.append("# 往期回顾\n\n广告内容，联系微信：synthetic-contact\n");

        // ---- edition.yaml ----
        StringBuilder y = new StringBuilder();
        y.append("# Synthetic edition: ").append(n).append(" turns, ").append(sectionCount).append(" sections.\n");
        y.append("edition:\n");
        y.append("  title: {zh: ").append(q("合成对话" + n + "轮")).append(", en: ")
                .append(q("A synthetic conversation of " + n + " turns")).append("}\n");
        y.append("  base_url: https://bitext-editions.github.io/synthetic/\n");
        y.append("  description: {zh: ").append(q("用于基准测试的合成版本。")).append(", en: ")
                .append(q("A synthetic edition for benchmarks.")).append("}\n");
        y.append("  source: {end_before: 往期回顾}\n");
        y.append("  introduction:\n    zh: ").append(q("这是一个**合成**版本，用于测量构建速度。"))
                .append("\n    en: ").append(q("A *synthetic* edition, made to measure the build.")).append('\n');
        y.append("speakers:\n");
        y.append("  narrator: {zh: 编者, en: Narrator, before_first_label: true}\n");
        y.append("  host: {zh: 主持人, en: Host, labels: [主持人]}\n");
        for (int g = 1; g <= guests; g++) {
            y.append("  guest-").append(g).append(":\n    zh: ").append(q(labelOf("guest-" + g)))
                    .append("\n    en: ").append(q("Guest " + g)).append("\n    labels: [").append(q(labelOf("guest-" + g)))
                    .append("]\n    about: {zh: ").append(q("第" + g + "位嘉宾。")).append(", en: ")
                    .append(q("The " + ordinal(g) + " *guest*.")).append("}\n");
        }
        y.append("sections:\n");
        y.append("  - {at: ").append(q(titleCode)).append(", id: introduction, en: ").append(q("Introduction")).append("}\n");
        y.append("  - {at: ").append(q(partCode)).append(", id: conversation, en: ").append(q("The conversation")).append("}\n");
        for (int s = 1; s < sectionCount; s++) {
            y.append("  - {at: ").append(q(sectionCodes[s])).append(", id: section-").append(s).append(", en: ")
                    .append(q(capitalise(english(3 + rnd.nextInt(4))))).append("}\n");
        }
        y.append("turns:\n");
        for (int i = 0; i < n; i++) {
            Plan p = plans.get(i);
            if (p.splitPart) {
                continue;
            }
            y.append("  - at: ").append(q(p.anchor)).append('\n');
            y.append("    en: ").append(q(p.en)).append('\n');
            if (p.reassigned) {
                y.append("    speaker: ").append(p.speaker).append('\n');
                y.append("    reason: ").append(q("The source gives this to the " + (p.source.equals("host") ? "host" : "guest")
                        + "; the *content* shows it is the " + (p.speaker.equals("host") ? "host's" : "guest's") + ".")).append('\n');
            }
            if (i + 1 < n && plans.get(i + 1).splitPart) {
                y.append("    split:\n");
                for (int j = i + 1; j < n && plans.get(j).splitPart; j++) {
                    Plan s = plans.get(j);
                    y.append("      - at: ").append(q(s.anchor)).append('\n');
                    y.append("        speaker: ").append(s.speaker).append('\n');
                    y.append("        reason: ").append(q("A new speaker starts here; the source runs the two together.")).append('\n');
                    y.append("        en: ").append(q(s.en)).append('\n');
                }
            }
        }
        y.append("notes:\n");
        int noteId = 0;
        for (String[] hn : headingNotes) {
            noteId = note(y, noteId, hn[0], hn[1], terms, pinyin);
        }
        for (Plan p : plans) {
            for (String[] nt : p.notes) {
                noteId = note(y, noteId, nt[0], nt[1], terms, pinyin);
            }
        }
        y.append("glossary:\n");
        for (int t = 0; t < termCount; t++) {
            y.append("  - {zh: ").append(terms[t]).append(", pinyin: ").append(q(pinyin[t])).append(", en: ")
                    .append(q("term " + (t + 1) + " " + EN_WORDS[t % EN_WORDS.length])).append("}\n");
        }
        y.append("topics:\n");
        List<List<String>> topicQuotes = new ArrayList<>();
        for (int t = 0; t < topicCount; t++) {
            topicQuotes.add(new ArrayList<>());
        }
        for (Plan p : plans) {
            for (int t : p.topics) {
                topicQuotes.get(t).add(p.zh.substring(0, p.anchor.length() + 2));
            }
        }
        for (int t = 0; t < topicCount; t++) {
            String w1 = EN_WORDS[(t * 7) % EN_WORDS.length];
            y.append("  topic-").append(t + 1).append(":\n    zh: ").append(q(WORDS[t % WORDS.length] + WORDS[(t / WORDS.length + t) % WORDS.length]))
                    .append("\n    en: ").append(q(capitalise(w1) + " " + (t + 1))).append("\n    turns: [");
            List<String> qs = topicQuotes.get(t);
            for (int k = 0; k < qs.size(); k++) {
                y.append(k == 0 ? "" : ", ").append(q(qs.get(k)));
            }
            y.append("]\n");
        }
        return new Corpus(md.toString(), y.toString(), n, paragraphs, sectionCount + 1, noteCount + headingNotes.size(),
                termCount, topicCount, speakerIds.size() + 1);
    }

    private int note(StringBuilder y, int id, String quote, String kind, String[] terms, String[] pinyin) {
        y.append("  - id: n-").append(id + 1).append("\n    at: ").append(q(quote)).append("\n    kind: ").append(kind)
                .append("\n    text: ");
        StringBuilder text = new StringBuilder(capitalise(english(4 + rnd.nextInt(9))));
        int r = rnd.nextInt(10);
        if (r == 0) {
            int t = rnd.nextInt(terms.length);
            text.append(" See [the glossary](glossary.html#g-").append(Texts.slugify(pinyin[t])).append(").");
        } else if (r == 1) {
            text.append(" See [the source](https://example.org/source/").append(id + 1).append(").");
        } else if (r < 5) {
            text.append(" This is *").append(english(2)).append("*.");
        }
        y.append(q(text.toString())).append('\n');
        return id + 1;
    }

    /** A phrase that occurs once in the whole transcript. */
    private String code() {
        int v = codes++;
        StringBuilder sb = new StringBuilder("〔");
        for (int k = 0; k < 4; k++) {
            sb.append(CODE_CHARS.charAt(v % CODE_CHARS.length()));
            v /= CODE_CHARS.length();
        }
        if (v > 0) {
            throw new IllegalStateException("too many codes");
        }
        return sb.append('〕').toString();
    }

    private String word() {
        return WORDS[rnd.nextInt(WORDS.length)];
    }

    private String kind() {
        int r = rnd.nextInt(91);
        for (int k = 0; k < KINDS.length; k++) {
            r -= KIND_WEIGHTS[k];
            if (r < 0) {
                return KINDS[k];
            }
        }
        return KINDS[KINDS.length - 1];
    }

    private String english(int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(rnd.nextInt(9) == 0 ? ", " : " ");
            }
            sb.append(EN_WORDS[rnd.nextInt(EN_WORDS.length)]);
        }
        return capitalise(sb.toString()) + ".";
    }

    private static String labelOf(String speaker) {
        return speaker.equals("host") ? "主持人" : "嘉宾" + speaker.substring("guest-".length());
    }

    private static String ordinal(int g) {
        return g + (g % 100 >= 11 && g % 100 <= 13 ? "th" : g % 10 == 1 ? "st" : g % 10 == 2 ? "nd" : g % 10 == 3 ? "rd" : "th");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
