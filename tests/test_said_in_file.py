"""The file's own repeats (app/files/said_in_file.py): a later row of the same speaker and
words repeats the first, however many batches lie between them."""

from __future__ import annotations

from app.files.said_in_file import Earlier, Said, SaidInFile


def _row(line: int, words: str, *, speaker: int = 7, source: int | None = None,
         published: bool = True) -> Said:
    return Said(line, speaker, words, source, published)


def test_a_row_repeating_one_filed_batches_before_names_its_line_and_source():
    said = SaidInFile()
    assert said.repeats([_row(1, "the quay opens at dawn", source=0),
                         _row(2, "the quay opens at dawn", speaker=-1, source=5)]) == [None, None]
    for batch in range(3, 2003, 1000):  # two thousand other remarks between them
        said.repeats([_row(n, f"remark number {n}") for n in range(batch, batch + 1000)])
    assert said.repeats([_row(3000, "the quay opens at dawn", source=0),
                         _row(3001, "the quay opens at dawn", speaker=-1),
                         _row(3002, "the quay opens at dusk")]) == [
        Earlier(1, same_source=True), Earlier(2, same_source=False), None]
    said.close()


def test_a_source_of_key_zero_is_not_the_same_as_no_source():
    said = SaidInFile()
    said.repeats([_row(1, "ferries run late", source=0)])
    assert said.repeats([_row(2, "ferries run late")]) == [Earlier(1, same_source=False)]


def test_drafts_and_rows_without_words_are_not_filed():
    said = SaidInFile()
    said.repeats([_row(1, "a draft remark", published=False), _row(2, "")])
    assert said.repeats([_row(3, "a draft remark"), _row(4, "")]) == [None, None]
    assert said.repeats([_row(5, "a draft remark")]) == [Earlier(3, same_source=True)]
