"""Persistence: SQLAlchemy tables, the database connection, Alembic migrations."""
