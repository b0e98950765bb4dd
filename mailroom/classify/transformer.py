"""The transformer backend: fine-tune a sequence classifier from a local checkpoint.

The checkpoint is a folder (config.json, weights, tokenizer files) named in
configs/train.yaml; it is never downloaded, and a missing or wrong folder is a BadConfig.
Same interface as the linear backend: scikit-learn's contract plus save/load.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from mailroom.errors import BadConfig

log = logging.getLogger(__name__)

PARAMS_FILE = "mailroom_params.json"
HINT = (
    "put a local checkpoint (config.json, weights, tokenizer files) there or name another folder "
    "in configs/train.yaml transformer.checkpoint; mailroom never downloads models"
)
TOKENIZER_FILES = (
    "tokenizer.json",
    "vocab.txt",
    "vocab.json",
    "tokenizer.model",
    "spiece.model",
    "sentencepiece.bpe.model",
)


class TransformerTextClassifier(ClassifierMixin, BaseEstimator):
    """Texts in, class probabilities out, by fine-tuning `checkpoint` on the CPU."""

    def __init__(
        self,
        checkpoint: str | Path = "",
        max_length: int = 256,
        epochs: int = 3,
        batch_size: int = 8,
        learning_rate: float = 5e-5,
        seed: int = 0,
    ) -> None:
        self.checkpoint = checkpoint
        self.max_length = max_length
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.seed = seed

    def fit(
        self, texts: Sequence[str], labels: Sequence[str], sample_weight: Sequence[float] | None = None
    ) -> TransformerTextClassifier:
        """Fine-tune a fresh classification head (and the encoder) on `texts`, each text's
        loss weighted by `sample_weight`; returns self. Raises BadConfig if the checkpoint
        folder is missing or not a model."""
        import torch

        folder = check_checkpoint(Path(self.checkpoint))
        self.classes_ = np.unique(np.asarray(labels))
        targets = torch.tensor(np.searchsorted(self.classes_, np.asarray(labels)))
        weights = torch.tensor(
            np.ones(len(texts)) if sample_weight is None else np.asarray(sample_weight), dtype=torch.float32
        )
        torch.manual_seed(self.seed)
        self.tokenizer_, self.model_ = _load(folder, self.classes_, HINT)
        optimiser = torch.optim.AdamW(self.model_.parameters(), lr=self.learning_rate)
        generator = torch.Generator().manual_seed(self.seed)
        self.model_.train()
        for epoch in range(self.epochs):
            order = torch.randperm(len(texts), generator=generator).tolist()
            total = 0.0
            for batch in _batches(order, self.batch_size):
                encoded = self._encode([texts[i] for i in batch])
                logits = self.model_(**encoded).logits
                losses = torch.nn.functional.cross_entropy(logits, targets[batch], reduction="none")
                loss = (losses * weights[batch]).sum() / weights[batch].sum()
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                total += loss.item() * len(batch)
            log.info("epoch %d/%d: loss %.4f", epoch + 1, self.epochs, total / max(1, len(texts)))
        self.model_.eval()
        return self

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Softmax probabilities per text (rows) and class (columns, order of `classes_`)."""
        import torch

        rows = []
        with torch.no_grad():
            for batch in _batches(list(range(len(texts))), max(self.batch_size, 16)):
                logits = self.model_(**self._encode([texts[i] for i in batch])).logits
                rows.append(torch.softmax(logits, dim=-1).numpy())
        return np.concatenate(rows) if rows else np.zeros((0, len(self.classes_)))

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(texts), axis=1)]

    def save(self, folder: Path) -> None:
        """Write the fine-tuned model, its tokenizer and settings into `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        self.model_.save_pretrained(folder)
        self.tokenizer_.save_pretrained(folder)
        params = {
            **self.get_params(),
            "checkpoint": str(self.checkpoint),
            "classes": [str(c) for c in self.classes_],
        }
        (folder / PARAMS_FILE).write_text(json.dumps(params, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> TransformerTextClassifier:
        """Read a classifier written by `save`."""
        params = json.loads((folder / PARAMS_FILE).read_text(encoding="utf-8"))
        classes = np.asarray(params.pop("classes"))
        model = cls(**params)
        model.classes_ = classes
        model.tokenizer_, model.model_ = _load(folder, classes)
        model.model_.eval()
        return model

    def _encode(self, texts: list[str]):
        return self.tokenizer_(
            texts, truncation=True, max_length=self.max_length, padding=True, return_tensors="pt"
        )


def check_checkpoint(folder: Path) -> Path:
    """`folder` if it holds a local model checkpoint; else BadConfig saying what to do."""
    if not str(folder) or not folder.is_dir():
        raise BadConfig(f"transformer checkpoint folder '{folder}' does not exist: {HINT}")
    if not (folder / "config.json").is_file():
        raise BadConfig(f"'{folder}' is not a transformer checkpoint (no config.json): {HINT}")
    if not any((folder / name).is_file() for name in TOKENIZER_FILES):
        # transformers would quietly make an empty tokenizer and train on unknown words only
        raise BadConfig(f"'{folder}' has no tokenizer files ({', '.join(TOKENIZER_FILES)}): {HINT}")
    return folder


def _load(folder: Path, classes: np.ndarray, hint: str = "retrain the model"):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # the expected "classifier re-initialised" report is noise here
    hf_logging.disable_progress_bar()
    labels = {i: str(c) for i, c in enumerate(classes)}
    try:
        tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
        model = AutoModelForSequenceClassification.from_pretrained(
            folder, num_labels=len(classes), id2label=labels, label2id={v: k for k, v in labels.items()},
            local_files_only=True, ignore_mismatched_sizes=True,
        )  # fmt: skip
    except (
        Exception
    ) as exc:  # a broken checkpoint (bad JSON, weights, config) must name itself, not end in a traceback
        raise BadConfig(f"cannot load the transformer checkpoint in '{folder}': {exc}; {hint}") from exc
    return tokenizer, model


def _batches(indices: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(indices), size):
        yield indices[start : start + size]


def build_tiny_checkpoint(folder: Path, texts: Iterable[str], vocab_size: int = 2000) -> Path:
    """Write a tiny, randomly initialised BERT with a word-level tokenizer built from
    `texts` into `folder`: for tests and smoke runs on the CPU, not for real use."""
    from collections import Counter

    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    counts = Counter(w for t in texts for w in t.lower().split())
    vocab = {
        token: i
        for i, token in enumerate(special + [w for w, _ in counts.most_common(vocab_size - len(special))])
    }
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])]
    )
    wrapped = PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]",
                                      cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")  # fmt: skip
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=512)  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    BertForSequenceClassification(config).save_pretrained(folder)
    wrapped.save_pretrained(folder)
    return folder
