"""The synthetic corpus: realistic scanned inbound mail of a Stadtverwaltung, labelled."""
