"""What an asked clause is about: its head nouns, reading a verb that a question word asks for as a noun."""

from __future__ import annotations

from .clauses import _asking_clauses


# Nouns about the document or the asking, not a topic ("原文怎么写的", "是啥意思", "怎么个考法").
_ABOUT_THE_TEXT = frozenset(
    "原文 原话 原句 全文 意思 啥意思 含义 定义 解释 表述 说法 提法 写法 读法 考法 做法 办法 方法 "
    "细节 详情 具体内容 内容 要点 关键词 关键字 主题词 核心词 规定 要求 情况 问题 短板 不足 方面 部分 地方 依据 出处 章节 段落 条款 条文 对应 相应 "
    "态度 立场 看法 观点 定位 分量 地位 位置 安排 打算 预计 预估 估计 抓手 具体做法 "
    # How far a figure is from its target ("距离目标还差多少"): the gap is asked, not a topic.
    "距离 "
    # Everyday words for a way to do something, like 办法 and 途径 ("有没有门路", "有啥路子").
    "门路 法子 路子 路数 "
    # The asker's own people ("我侄子初中毕业……"): who is asking for whom, not a topic.
    "儿子 女儿 闺女 孩子 小孩 侄子 侄女 外甥 外甥女 孙子 孙女 弟弟 妹妹 哥哥 姐姐 表弟 表妹 堂弟 堂妹 "
    "老公 老婆 丈夫 妻子 爸爸 妈妈 父母 亲戚 邻居 朋友 同事 "
    # Words that compare what is asked about ("高职和中职有区别吗"), not a topic of their own.
    "区别 差别 差异 异同 不同 不同点".split()
)


_NOUN_TAGS = ("n", "nr", "ns", "nt", "nz", "nrt", "vn", "j")


_WHAT = ("什么", "哪些", "啥", "哪种", "何种", "什么样")


# "学烘焙", "烘焙专业": a study verb before, or a word for a field after, a word that names a field.
_STUDY_VERBS = "学读修"
_FIELD_NOUNS = frozenset("专业 专业群 课 课程 方向 手艺 技术 技能".split())


def tag_asked(text: str) -> list[tuple[str, str]]:
    """The segmenter's (word, tag) pairs, with a verb that a question word asks for read as a noun:
    "有什么处罚" asks for a 处罚, as "有什么规定" asks for a 规定."""
    from ...retrieval.lexical import tag

    tagged = tag(text)

    def is_head(i: int) -> bool:
        # Not when a noun follows that it qualifies ("什么量化指标").
        after = next(((w, f) for w, f in tagged[i + 1:] if w not in ("的",) and w not in _ABOUT_THE_TEXT), ("", "x"))
        return not after[1].startswith(_NOUN_TAGS)

    def names_field(i: int) -> bool:
        # "学烘焙", "读护理", "有烘焙专业吗": what one studies is a field, whatever the segmenter tagged it.
        before = tagged[i - 1][0] if i > 0 else ""
        after = tagged[i + 1][0] if i + 1 < len(tagged) else ""
        return (before != "" and before[-1] in _STUDY_VERBS) or after in _FIELD_NOUNS

    return [
        (w, "vn") if f.startswith("v") and len(w) >= 2 and ((i > 0 and tagged[i - 1][0] in _WHAT and is_head(i)) or names_field(i)) else (w, f)
        for i, (w, f) in enumerate(tagged)
    ]


def _asked_for_by_name(question: str, word: str) -> bool:
    """``word`` comes right after a question word ("有什么处罚", "哪些补贴"): its content is what is asked."""
    tagged = [w for w, _ in tag_asked(question) if w != "的"]
    return any(w == word and i > 0 and tagged[i - 1] in _WHAT for i, w in enumerate(tagged))


# Adverbs that only come before what is said of something, never before a noun that names it.
_PREDICATE_ADVERBS = frozenset("还 也 都 不 很 太 挺 真 更 最 没".split())


def asked_heads(question: str) -> set[str]:
    """The last noun of each asked clause: what the question is about ("……可以免学费吗" → 学费)."""
    heads = set()
    for clause in _asking_clauses(question):
        # Words about the text (规定, 要求) are not what is asked about; a noun right
        # before the head qualifies it ("宿舍条件": 宿舍 is asked about too).
        tagged = [(w, f) for w, f in tag_asked(clause) if w not in _ABOUT_THE_TEXT]
        for i in range(len(tagged) - 1, -1, -1):
            word, flag = tagged[i]
            if i > 0 and tagged[i - 1][0] in _PREDICATE_ADVERBS:
                continue  # "还算数吗", "不靠谱": after such an adverb a word is said of the topic, not the topic
            if _base_verb(word) != word:
                continue  # "学学", "看看": a doubled verb, whatever the segmenter tagged it
            if flag.startswith(_NOUN_TAGS) and len(word) >= 2:
                heads.add(word)
                if i > 0 and tagged[i - 1][1].startswith(_NOUN_TAGS) and len(tagged[i - 1][0]) >= 2:
                    heads.add(tagged[i - 1][0])
                break
    return heads


def _base_verb(verb: str) -> str:
    """A reduplicated verb is its base verb ("做做" → 做, "了解了解" → 了解)."""
    half = len(verb) // 2
    if len(verb) % 2 == 0 and verb[:half] == verb[half:]:
        return verb[:half]
    return verb
