"""Scan-ingest: from a scanner's file to cleaned, OCR'd pages."""
