"""The bundle as an MLflow pyfunc model, so MLflow tools can load and serve it."""

from __future__ import annotations

from pathlib import Path

import mlflow.pyfunc
import pandas as pd

from mailroom.classify.bundle import load_model
from mailroom.classify.predict import classify_texts, prediction_dict


class BundleModel(mlflow.pyfunc.PythonModel):  # type: ignore[name-defined]
    """Input: a DataFrame with a `text` column (or a list of texts); output: one row of
    prediction fields per text."""

    def load_context(self, context) -> None:
        self.model = load_model(Path(context.artifacts["bundle"]))

    def predict(self, context, model_input, params=None):
        texts = list(model_input["text"]) if isinstance(model_input, pd.DataFrame) else list(model_input)
        return pd.DataFrame([prediction_dict(p) for p in classify_texts([str(t) for t in texts], self.model)])
