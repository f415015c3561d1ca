"""The process an import's languages are detected in, beside the importing one.

lingua holds Python's lock while it detects a batch, so on a thread of the importer it
took turns with the reading (app/files/languages_ahead.py). Run as
`python -m app.files.language_worker`: reads one batch a line from its standard input, as
a JSON array of texts, and answers each with one JSON line of their tags
(app/curation/language_detection.languages_of), until its input closes. The importer writes
the next batches while this one is detected, so the next is there to read at once. A
command of its own rather than multiprocessing, so that it never imports the importer's
main script again.
"""

from __future__ import annotations

import json
import sys

from app.curation.language_detection import languages_of


def main() -> None:
    """Answer each batch of texts read from standard input with their languages, a line each."""
    answers = sys.stdout.buffer
    for line in sys.stdin.buffer:
        texts = json.loads(line)
        answers.write(json.dumps(languages_of([None] * len(texts), texts)).encode() + b"\n")
        answers.flush()


if __name__ == "__main__":
    main()
