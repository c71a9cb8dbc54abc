"""Figures people say in words ("一万一左右", "百分之八十五", "七成"), written as digits.

Only what reads as an amount is rewritten: a well-formed numeral with a multiplier
(十、百、千、万) or a percentage (百分之…, …成). Names that contain numerals
("十四五", "一体化", "一批") are left alone.
"""

from __future__ import annotations

import re

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
_D = "零〇一二两三四五六七八九"

# A run of numerals with a multiplier ("一万一", "八十五", "三十万"); ``chinese_amount`` decides whether it is well formed.
_AMOUNT = re.compile(rf"[{_D}十百千万]*[十百千万][{_D}十百千万]*")
_PERCENT = re.compile(rf"百分之([\d.]+|[{_D}十百]+)")
_TENTHS = re.compile(rf"(?<![{_D}十])([{_D}])成(?![{_D}员为功果绩立])")  # 七成 = 70%; not 成员、成为、成功


def _small(text: str) -> int | None:
    """A number below 10,000 written with 千、百、十 ("一千五百", "八十五", "十二", "一千五"); None if malformed."""
    total, digit, last_unit, zero = 0, None, 10_000, False
    for ch in text:
        if ch in "零〇":
            if digit is not None or zero:
                return None
            zero = True
        elif ch in _DIGIT:
            if digit is not None:
                return None  # two digits in a row: "十四五" is a name
            digit = _DIGIT[ch]
        else:
            unit = _UNIT[ch]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    if digit is not None:
        # "一千五" is 1500: a bare last digit right after a unit counts in the next unit down.
        total += digit * (last_unit // 10 if 100 <= last_unit < 10_000 and not zero else 1)
    return total


def chinese_amount(text: str) -> int | None:
    """The value of a run of numerals ("一万一" → 11000), or None when it is not an amount."""
    high, wan, low = text.partition("万")
    if "万" in low:
        return None
    if not wan:
        return _small(text) if text[0] != "零" else None
    top = _small(high) if high else None
    if not top:
        return None
    if not low:
        return top * 10_000
    # "一万一" → 11000 (the digit counts in thousands), "一万零五百" → 10500
    rest = _DIGIT[low] * 1000 if len(low) == 1 and low in _DIGIT and low not in "零〇" else _small(low)
    return None if rest is None else top * 10_000 + rest


def _value(text: str) -> str:
    if text[0].isdigit():
        return text
    if any(u in text for u in "十百千万"):
        value = chinese_amount(text)
        return text if value is None else str(value)
    return "".join(str(_DIGIT[ch]) for ch in text)


def figures_in_digits(text: str) -> str:
    """``text`` with spoken amounts and percentages written in digits (百分之八十五 → 85%, 一万一 → 11000)."""
    text = _PERCENT.sub(lambda m: f"{_value(m.group(1))}%", text)
    text = _TENTHS.sub(lambda m: f"{_DIGIT[m.group(1)] * 10}%", text)
    return _AMOUNT.sub(lambda m: _amount_in_digits(m, text), text)


def _amount_in_digits(m: re.Match, text: str) -> str:
    run = m.group(0)
    # "三万人", "一百二十万人次": the table counts in 万, so 万 stays with its unit.
    if run.endswith("万") and text[m.end():m.end() + 1] in ("人", "元"):
        head = _small(run[:-1])
        return run if not head else f"{head}万"
    return _value(run)
