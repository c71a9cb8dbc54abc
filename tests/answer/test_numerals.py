"""Spoken figures written as digits: what users type ("一万一左右", "百分之八十五", "七成")."""

from __future__ import annotations

import pytest

from assistant.answer.numerals import chinese_amount, figures_in_digits


@pytest.mark.parametrize(
    "spoken, value",
    [
        ("一万一", 11000),
        ("一万一千", 11000),
        ("一万五千二百", 15200),
        ("一万零五百", 10500),
        ("一万零五", 10005),
        ("一万三千六百九十五", 13695),
        ("两万", 20000),
        ("十万", 100000),
        ("一千五", 1500),
        ("四千八百", 4800),
        ("八十五", 85),
        ("十二", 12),
        ("二十六", 26),
        ("三百", 300),
    ],
)
def test_chinese_amounts(spoken, value):
    assert chinese_amount(spoken) == value


@pytest.mark.parametrize("name", ["十四五", "十三五", "百千万", "万一"])
def test_runs_that_are_names_or_malformed_are_not_amounts(name):
    assert chinese_amount(name) is None


def test_figures_in_digits_rewrites_amounts_and_percentages_only():
    assert figures_in_digits("我们现在一万一左右，差多少") == "我们现在11000左右，差多少"
    assert figures_in_digits("双师型现在百分之七十") == "双师型现在70%"
    assert figures_in_digits("专升本比例才两成") == "专升本比例才20%"
    # The table counts people in 万, so 万 stays with its unit.
    assert figures_in_digits("培训一百二十万人次") == "培训120万人次"
    # Names with numerals are left alone.
    assert figures_in_digits("“十四五”期间推进中高职一体化，建设一批成员单位") == "“十四五”期间推进中高职一体化，建设一批成员单位"
