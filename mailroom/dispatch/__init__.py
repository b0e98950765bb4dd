"""Delivering approved items to the offices: an e-file import folder, e-mail or a web hook."""
