"""Who is asking: the three personas, their example questions, and which may draft replies.

The examples are written from the plan itself (发展目标表, 专栏 1–11, the
tasks in part 三), one set per audience, so each persona starts from questions
the document can actually answer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Persona:
    """One audience: its name, a one-line hint, example questions, and whether it drafts replies."""

    name: str
    hint: str  # one line under the persona choice
    examples: tuple[str, ...]
    can_draft: bool = False  # only staff write formal replies (mode="draft")


PERSONAS: tuple[Persona, ...] = (
    Persona(
        name="学校管理者",
        hint="面向校长和中层：建设任务、项目数量、办学条件指标。",
        examples=(
            "省级高水平高职院校和高水平专业群要建设多少个？",
            "职业院校“双师型”教师占专业课教师比例的目标是多少？",
            "规划要建设多少个产业学院和示范性职教集团？",
            "高职生均仪器设备值到2025年要达到多少？",
            "智慧校园提升行动有哪些建设任务？",
        ),
    ),
    Persona(
        name="学生和家长",
        hint="面向学生和家长：升学通道、专升本、证书和培养方式。",
        examples=(
            "中职毕业生升入高一级学校的比例会提高到多少？",
            "高职毕业生专升本比例的目标是多少？",
            "中高职一体化人才培养是怎么安排的？",
            "规划对发展本科职业教育有什么要求？",
            "毕业生 1+X 证书获取率要达到多少？",
        ),
    ),
    Persona(
        name="工作人员",
        hint="面向教育部门工作人员：可勾选“起草答复”生成正式答复稿及其引用条款。",
        examples=(
            "大中型企业深度参与职业教育办学覆盖率的目标是多少？",
            "职业院校开展技能培训人数的目标是多少？",
            "职业院校社会服务能力提升行动计划包括哪些内容？",
            "温台职业教育创新高地建设有哪些安排？",
            "对山区 26 县职业教育有什么支持措施？",
        ),
        can_draft=True,
    ),
)

DEFAULT_PERSONA = PERSONAS[0].name


def persona(name: str | None) -> Persona:
    """The persona called ``name`` (the first one for anything unknown)."""
    for p in PERSONAS:
        if p.name == name:
            return p
    return PERSONAS[0]


def persona_names() -> list[str]:
    """The persona names in display order."""
    return [p.name for p in PERSONAS]
