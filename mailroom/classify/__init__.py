"""Classification of mail items: two heads (doc_type, route), calibrated, with thresholds.

`bundle.load_model` reads a model; `predict.classify_item` turns an item's text into a
`Prediction` with a decision (auto or review); `train` and `evaluate` make and measure models.
"""
