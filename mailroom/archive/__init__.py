"""The archive: the transfer note (Transfervermerk), the PDF/A-2b archival copy and its seal."""
