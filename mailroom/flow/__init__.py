"""The flow of a letter, from the hot folder to its office, as data and as steps.

- `stages`: the one declaration of the stages, their order and the states each takes and
  leaves its subject in; both runners read it.
- `work`: the stages' CPU-bound work (split a file, clean and OCR a page), plain
  functions over records that run wherever a runner puts them.
- `sources` and `items`: the state machine's recording steps for files and for items:
  they lock the rows they change and check their state, so a step run twice is recorded
  once.
- `local`: the in-process runner (a process pool for the work; this process records).
The Celery runner is `mailroom.worker`.
"""
