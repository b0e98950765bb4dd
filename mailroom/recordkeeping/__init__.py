"""Records management: the tamper-evident audit trail and its check (integrity.py), the
quality sample of automated items (sampling.py), retention periods, legal holds and the
deletion of expired items (retention.py), and their commands (commands.py)."""
