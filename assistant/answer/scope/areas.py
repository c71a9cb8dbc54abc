"""Places and parts of the province a question names, where the plan speaks for the whole province only."""

from __future__ import annotations

import re
from typing import Sequence

from ...normalize import normalize


# Provinces, municipalities and regions of China: a place the documents never
# mention means the question is about somewhere else.
_PLACES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
    "四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 深圳 广州 南京 苏州 武汉 成都 西安"
).split()
# The one-character names that joint names use ("浙港职业教育联盟", "沪苏浙皖"): a place so named is in the documents.
_PLACE_ABBREVIATIONS = {
    "北京": "京", "天津": "津", "上海": "沪", "重庆": "渝", "河北": "冀", "山西": "晋", "辽宁": "辽", "吉林": "吉",
    "黑龙江": "黑", "江苏": "苏", "安徽": "皖", "福建": "闽", "江西": "赣", "山东": "鲁", "河南": "豫", "湖北": "鄂",
    "湖南": "湘", "广东": "粤", "海南": "琼", "四川": "川", "贵州": "黔", "云南": "滇", "陕西": "陕", "甘肃": "甘",
    "青海": "青", "台湾": "台", "广西": "桂", "西藏": "藏", "宁夏": "宁", "新疆": "新", "香港": "港", "澳门": "澳",
}
_ZHEJIANG_CITIES = "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌".split()


# The country as a whole, however it is called ("国家层面定的目标", "教育部要求").
_NATIONAL = re.compile(r"全国|国家层面|国家(?:定|规定|要求)的?|教育部")


# A kind of school or a part of the province ("民办高职", "山区26县的中职"): the table's figures are the
# whole province's, split by level only.
# A city or county left unnamed ("分到我们市是多少", "本县") is such a part too.
_PART_OF_THE_WHOLE = re.compile(
    r"民办|公办|私立|公立|山区|海岛|农村|乡村|乡镇|城区|县域|县级|\d+\s*县|(?:我们|咱们|我|本|各|每个)(?:地市|市|县|区)(?![场民级])"
)


def part_of_the_whole(question: str, row_names: Sequence[str]) -> str | None:
    """A kind of school or part of the province the question narrows a figure to, which no row is named for."""
    for m in _PART_OF_THE_WHOLE.finditer(normalize(question)):
        if not any(m.group(0) in normalize(name) for name in row_names):
            return m.group(0)
    return None


def area_other_than_province(question: str) -> str | None:
    """An area other than the whole province that the question names (全国, 在杭州, 宁波市),
    for figures that the indicator table gives for the province only."""
    from ...retrieval.lexical import tag

    national = _NATIONAL.search(normalize(question))
    if national:
        return national.group(0)
    tagged = tag(question)
    named = {*_PLACES, *_ZHEJIANG_CITIES}
    for word, flag in tagged:
        # Whole words only: 浙江西部 holds no 江西.
        if word in named or word.rstrip("市省") in named:
            return word
        # jieba tags many words as places (深度, 中考); a county or city is named with its suffix.
        if flag == "ns" and len(word) >= 3 and word.endswith(("市", "县", "区")) and not word.startswith("浙江"):
            return word
    return None


def place_mentioned(place: str, corpus_norm: str) -> bool:
    """The documents name ``place``, in full or by its one-character name beside 浙's (浙港, 沪苏浙皖)."""
    short = _PLACE_ABBREVIATIONS.get(place)
    return place in corpus_norm or bool(short and re.search(f"浙{short}|{short}浙", corpus_norm))


def is_place(tagged: tuple[str, str]) -> bool:
    return tagged[1] == "ns"
