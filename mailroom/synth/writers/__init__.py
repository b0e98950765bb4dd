"""Writers of synthetic letters, one module per group of doc types."""
