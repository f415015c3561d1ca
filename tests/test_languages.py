"""Languages: a statement keeps its words as said, in their language, with an English
translation and who made it; the timeline and the API filter by `lang`, facets count it
exactly, files carry it both ways, and the detector names what a writer leaves out."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import Settings
from app.curation.language_detection import detect_language
from app.curation.language_fill import detect_undetermined
from app.errors import DetectorStopped
from app.files import staging
from app.files.copy import copy_database
from app.main import create_app
from app.record.history import revisions
from app.record.models import Statement
from tests import factories as f
from tests.bulk_helpers import db_file, import_bytes, records, run
from tests.conftest import make_settings
from tests.curation import editor_client, token_headers

# Fictional words by fictional speakers, written for these tests.
RUSSIAN = "Мы откроем новый мост через реку Вельку до конца весны."
ENGLISH = "We will open the new bridge over the Velka river before the end of spring."
UKRAINIAN = "Ми збудуємо нову школу в селі Гайове цього літа."
FRENCH = "Nous fermerons le vieux port de Brumeville pour tout l'hiver."
GERMAN = "Wir werden den alten Hafen von Nebelstadt im Winter schließen."


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def enter_russian(app: FastAPI, client: Any) -> dict[str, Any]:
    """Enter a Russian statement with its English translation through the write API."""
    response = client.post("/api/statements", headers=token_headers(app), json={
        "speaker": "Vera Lunina", "country": "FR", "text": RUSSIAN, "said_on": "2023-04-12",
        "lang": "RU", "translation": ENGLISH, "translated_by": "Velka Courier"})
    assert response.status_code == 201, response.text
    return dict(response.json())


@pytest.fixture
def bilingual(app: FastAPI, client: Any, session: Session) -> dict[str, Any]:
    """A Russian statement with a translation, beside an English and a Ukrainian one."""
    made = enter_russian(app, client)
    speaker = f.actor(session, "Olek Tarn", country="DE")
    f.statement(session, speaker, said_on=date(2023, 4, 13), text="The ferry sails at nine.")
    f.statement(session, speaker, said_on=date(2023, 4, 14), text=UKRAINIAN, lang="uk")
    return made


def test_a_russian_statement_keeps_its_words_tag_and_translation(bilingual):
    assert (bilingual["text"], bilingual["lang"]) == (RUSSIAN, "ru")
    assert (bilingual["translation"], bilingual["translated_by"]) == (ENGLISH, "Velka Courier")


def test_the_permalink_shows_the_original_first_then_the_translation(client, bilingual):
    page = soup(client.get(bilingual["url"].removeprefix("http://testserver")).text)
    words, translation = page.select_one("#words"), page.select_one("#translation")
    assert words["lang"] == "ru" and words.get_text(strip=True) == RUSSIAN
    assert translation["lang"] == "en" and ENGLISH in translation.get_text()
    assert "Velka Courier" in translation.select_one(".translated-by").get_text()
    assert "Russian" in page.select_one("#words-lang").get_text()
    order = [e.get("id") for e in page.select("#words, #translation")]
    assert order == ["words", "translation"]


def test_json_ld_names_the_language_and_the_translation(client, bilingual):
    page = soup(client.get(bilingual["url"].removeprefix("http://testserver")).text)
    data = json.loads(page.select_one('script[type="application/ld+json"]').get_text())
    quotation = data if data.get("@type") == "Quotation" else next(
        d for d in data["@graph"] if d["@type"] == "Quotation")
    assert quotation["inLanguage"] == "ru"
    assert quotation["workTranslation"]["text"] == ENGLISH
    assert quotation["workTranslation"]["translator"]["name"] == "Velka Courier"


def test_lang_filters_the_timeline_and_the_api(client, bilingual):
    assert [i["id"] for i in client.get("/api/statements?lang=ru").json()["items"]] == [
        bilingual["id"]]
    english = client.get("/api/statements?lang=en").json()["items"]
    assert english and bilingual["id"] not in [i["id"] for i in english]
    both = [i["lang"] for i in client.get("/api/statements?lang=ru&lang=uk").json()["items"]]
    assert sorted(both) == ["ru", "uk"]
    page = soup(client.get("/?lang=ru").text)
    assert page.title.get_text().startswith("in Russian · ")
    cards = page.select("article.statement")
    assert [c["data-statement-id"] for c in cards] == [str(bilingual["id"])]
    assert cards[0].select_one("blockquote")["lang"] == "ru"
    assert ENGLISH in cards[0].select_one(".translation").get_text()


def test_the_language_facet_counts_exactly_and_names_languages(client, bilingual):
    page = soup(client.get("/?lang=ru").text)
    facet = page.select_one('fieldset[data-facet="lang"]')
    shown = {i["value"]: int(i.find_parent("label").select_one(".count")["data-count"])
             for i in facet.select("input")}
    assert shown == {"ru": 1, "en": 1, "uk": 1}
    assert "Ukrainian" in facet.get_text() and facet.select_one("input[checked]")["value"] == "ru"
    narrowed = soup(client.get("/?country=DE").text).select_one('fieldset[data-facet="lang"]')
    assert {i["value"] for i in narrowed.select("input")} >= {"en", "uk"}
    assert narrowed.select_one("#lang-ru").find_parent("label").select_one(
        ".count")["data-count"] == "0"


@pytest.mark.parametrize("qs", ["lang=russian", "lang=xx", "lang=ru_RU", "lang=" + "a" * 40])
def test_a_malformed_lang_is_a_400_naming_lang(client, qs):
    response = client.get(f"/api/statements?{qs}")
    assert response.status_code == 400
    assert [e["param"] for e in response.json()["errors"]] == ["lang"]
    assert client.get(f"/?{qs}").status_code == 400


def test_a_malformed_lang_in_a_new_statement_is_refused_by_name(app, client):
    response = client.post("/api/statements", headers=token_headers(app), json={
        "speaker": "Vera Lunina", "text": RUSSIAN, "said_on": "2023-04-12", "lang": "russian"})
    assert response.status_code == 422
    assert [e["param"] for e in response.json()["errors"]] == ["lang"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_then_import_into_an_empty_database_gives_both_back(app, client, bilingual,
                                                                   tmp_path: Path, fmt):
    response = client.get(f"/export.{fmt}?lang=ru")
    assert response.status_code == 200
    exported = tmp_path / f"ru.{fmt}"
    exported.write_text(response.text, encoding="utf-8")
    fresh = create_app(make_settings(tmp_path / "fresh.db", demo=False))
    result = run("import", exported, "--db", db_file(fresh))
    assert result.exit_code == 0, result.output
    with Session(fresh.state.engine) as session:
        back = session.exec(select(Statement)).one()
    assert (back.text, back.lang, back.translation, back.translated_by) == (
        RUSSIAN, "ru", ENGLISH, "Velka Courier")
    assert records(fresh.state.engine) == [
        r for r in records(app.state.engine) if r[1] == RUSSIAN]


def test_an_editor_corrects_the_language_and_history_keeps_it(app, client, bilingual):
    editor, csrf = editor_client(app)
    path = f"/statements/{bilingual['id']}/edit"
    form = soup(editor.get(path).text)
    assert form.select_one("#edit-field-lang")["value"] == "ru"
    response = editor.post(path, headers={"X-CSRF-Token": csrf}, data={
        "speaker": "Vera Lunina", "text": RUSSIAN, "said_on": "2023-04-12",
        "date_precision": "day", "kind": "direct", "stance": "neutral", "lang": "uk",
        "translation": "", "translated_by": "", "target": "", "country": "FR"})
    assert response.status_code in (200, 303), response.text
    item = client.get(f"/api/statements/{bilingual['id']}").json()
    assert (item["lang"], item["translation"], item["translated_by"]) == ("uk", None, None)
    with Session(app.state.engine) as session:
        latest = revisions(session, "statement", bilingual["id"])[0]
    assert latest.snapshot["lang"] == "uk" and latest.snapshot["translation"] is None
    assert client.get("/api/statements?lang=ru").json()["items"] == []


@pytest.mark.parametrize(("text", "lang"), [
    (RUSSIAN, "ru"), ("Она сказала, что завод в Сосновке снова заработает осенью.", "ru"),
    (UKRAINIAN, "uk"), ("Він сказав, що міст у Гайовому відкриють восени.", "uk"),
    (FRENCH, "fr"), ("Le maire de Brumeville a promis trois nouvelles écoles.", "fr"),
    (GERMAN, "de"), ("Die Bürgermeisterin von Nebelstadt versprach drei neue Schulen.", "de"),
    (ENGLISH, "en"), ("The mayor of Fogtown promised three new schools by autumn.", "en"),
])
def test_the_detector_names_the_language_of_fictional_sentences(text, lang):
    assert detect_language(text) == lang


def test_words_the_detector_cannot_tell_stay_undetermined():
    assert detect_language("OK.") == "und"


def test_a_statement_entered_without_a_language_gets_the_detected_one(app, client):
    response = client.post("/api/statements", headers=token_headers(app), json={
        "speaker": "Vera Lunina", "text": FRENCH, "said_on": "2023-04-12"})
    assert response.status_code == 201 and response.json()["lang"] == "fr"


def test_detect_languages_names_undetermined_statements_with_a_revision(app, session):
    speaker = f.actor(session, "Olek Tarn", country="DE")
    german = f.statement(session, speaker, said_on=date(2023, 4, 1), text=GERMAN, lang="und")
    unclear = f.statement(session, speaker, said_on=date(2023, 4, 2), text="OK.", lang="und")
    result = run("detect-languages", "--db", db_file(app))
    assert result.exit_code == 0, result.output
    assert "Named the language of 1 statements." in result.output
    session.expire_all()
    assert (session.get(Statement, german.id).lang, session.get(Statement, unclear.id).lang) == (
        "de", "und")
    assert revisions(session, "statement", german.id or 0)[0].action == "detect language"
    assert detect_undetermined(session) == 0


def test_copy_carries_languages_and_translations_to_another_database(tmp_path: Path):
    """From a SQLite file into a fresh database: PostgreSQL when the suite runs on it."""
    source = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'source.db'}",
                                 load_demo=False))
    made = enter_russian(source, TestClient(source))
    target_url = make_settings(tmp_path / "target.db", demo=False).database_url
    copy_database(source.state.settings.database_url, target_url)
    target = create_app(Settings(database_url=target_url, load_demo=False))
    reader = TestClient(target)
    item = reader.get(f"/api/statements/{made['id']}").json()
    assert (item["lang"], item["translation"], item["translated_by"]) == (
        "ru", ENGLISH, "Velka Courier")
    assert [i["id"] for i in reader.get("/api/statements?lang=ru").json()["items"]] == [
        made["id"]]
    target.state.engine.dispose()


def test_the_server_starts_without_loading_the_detector(tmp_path: Path):
    code = ("import sys; from app.config import Settings; from app.main import create_app; "
            f"create_app(Settings(database_url='sqlite:///{tmp_path / 'start.db'}')); "
            "print('lingua' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


def test_a_pinned_version_shows_the_language_and_translation_it_had(app, client, bilingual):
    headers = token_headers(app)
    response = client.patch(f"/api/statements/{bilingual['id']}", headers=headers, json={
        "translation": "We shall open the new bridge over the Velka by late spring."})
    assert response.status_code == 200, response.text
    path = bilingual["url"].removeprefix("http://testserver")
    pinned = soup(client.get(f"{path}?v=1").text)
    assert pinned.select_one("#words")["lang"] == "ru"
    assert ENGLISH in pinned.select_one("#translation").get_text()
    latest = soup(client.get(path).text)
    assert "late spring" in latest.select_one("#translation").get_text()


def test_a_translator_without_a_translation_is_refused(app, client, bilingual):
    headers = token_headers(app)
    new = client.post("/api/statements", headers=headers, json={
        "speaker": "Vera Lunina", "text": RUSSIAN, "said_on": "2023-04-12", "lang": "ru",
        "translated_by": "Velka Courier"})
    assert new.status_code == 422
    assert [e["param"] for e in new.json()["errors"]] == ["translated_by"]
    emptied = client.patch(f"/api/statements/{bilingual['id']}", headers=headers,
                           json={"translation": None})
    assert emptied.status_code == 409 and "translated_by" in emptied.text
    item = client.get(f"/api/statements/{bilingual['id']}").json()
    assert item["translation"] == ENGLISH


def test_an_import_row_with_a_translator_but_no_translation_is_named(app, tmp_path: Path):
    rows = tmp_path / "rows.csv"
    rows.write_text("speaker,text,said_on,lang,translated_by\n"
                    f"Vera Lunina,{RUSSIAN},2023-04-12,ru,Velka Courier\n", encoding="utf-8")
    result = run("import", rows, "--db", db_file(app))
    assert result.exit_code == 1
    assert "rows.csv:2: translated_by:" in result.output


def test_a_large_import_names_languages_in_its_worker_as_a_small_one_does(session,
                                                                         monkeypatch):
    monkeypatch.setattr("app.files.file_import.STAGE_BATCH", 2)  # three batches of two rows
    monkeypatch.setattr("app.files.languages_ahead.ON_A_THREAD", 1)  # the last two: worker
    texts = [RUSSIAN, UKRAINIAN, FRENCH, GERMAN, ENGLISH, "OK."]
    rows = [{"speaker": "Vera Lunina", "text": text, "said_on": f"2023-04-{n + 1:02d}"}
            for n, text in enumerate(texts)]
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
    assert import_bytes(session, data, "jsonl").added == len(texts)
    stored = session.exec(select(Statement.text, Statement.lang)).all()
    assert sorted(stored) == sorted((text, detect_language(text)) for text in texts)
    assert [detect_language(text) for text in texts] == ["ru", "uk", "fr", "de", "en", "und"]


def test_a_worker_several_batches_behind_names_each_row_in_its_place(session, monkeypatch):
    monkeypatch.setattr("app.files.file_import.STAGE_BATCH", 2)  # five batches
    monkeypatch.setattr("app.files.languages_ahead.ON_A_THREAD", 1)  # the last four: worker
    monkeypatch.setattr("app.files.languages_ahead.AHEAD", 2)  # three asked at once
    texts = [RUSSIAN, UKRAINIAN, FRENCH, GERMAN, ENGLISH, "OK.", GERMAN, RUSSIAN, FRENCH]
    named = {2: "pt-BR", 6: "en"}  # rows that name their language keep it, unasked
    rows = [{"speaker": "Vera Lunina", "text": text, "said_on": f"2023-04-{n + 1:02d}",
             "publish": False, **({"lang": named[n]} if n in named else {})}
            for n, text in enumerate(texts)]
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
    assert import_bytes(session, data, "jsonl").added == len(texts)
    stored = session.exec(select(Statement.said_on, Statement.lang)
                          .order_by(Statement.said_on)).all()
    assert [lang for _, lang in stored] == [named.get(n) or detect_language(text)
                                           for n, text in enumerate(texts)]
    assert [lang for _, lang in stored] == ["ru", "uk", "pt-BR", "de", "en", "und", "en",
                                            "ru", "fr"]


def test_the_language_worker_has_ended_before_the_rows_are_written(session, monkeypatch):
    """Its memory is given back before the writing, where the importer's peak is: the two
    never hold theirs at once (issue 15: under 500 MB in all)."""
    monkeypatch.setattr("app.files.file_import.STAGE_BATCH", 2)
    monkeypatch.setattr("app.files.languages_ahead.ON_A_THREAD", 1)
    started: list[subprocess.Popen[bytes]] = []
    popen = subprocess.Popen

    def starting(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        started.append(popen(*args, **kwargs))
        return started[-1]
    monkeypatch.setattr("app.files.languages_ahead.subprocess.Popen", starting)
    at_writing: list[int | None] = []
    bulk = staging.added_in_bulk

    def writing(*args: Any) -> Any:
        at_writing.extend(process.poll() for process in started)
        return bulk(*args)
    monkeypatch.setattr("app.files.staging.added_in_bulk", writing)
    rows = [{"speaker": "Vera Lunina", "text": text, "said_on": f"2023-04-{n + 1:02d}"}
            for n, text in enumerate([RUSSIAN, UKRAINIAN, FRENCH, GERMAN, ENGLISH])]
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
    assert import_bytes(session, data, "jsonl").added == len(rows)
    assert len(started) == 1, "the worker detected the later batches"
    assert at_writing == [0], "it had ended (exit code 0) when the writing began"


def test_an_import_whose_language_worker_stops_midway_writes_nothing(session, monkeypatch):
    monkeypatch.setattr("app.files.file_import.STAGE_BATCH", 1)
    monkeypatch.setattr("app.files.languages_ahead.ON_A_THREAD", 1)
    answers_one = ("import json, sys; texts = json.loads(sys.stdin.readline()); "
                   "print(json.dumps(['en'] * len(texts)), flush=True)")
    monkeypatch.setattr("app.files.languages_ahead.WORKER", (sys.executable, "-c", answers_one))
    rows = [{"speaker": "Vera Lunina", "text": text, "said_on": f"2023-04-0{n + 1}"}
            for n, text in enumerate((RUSSIAN, UKRAINIAN, FRENCH, GERMAN, ENGLISH))]
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
    with pytest.raises(DetectorStopped, match="language detector stopped"):
        import_bytes(session, data, "jsonl")
    assert session.exec(select(Statement)).all() == []


def test_an_import_whose_language_worker_stops_writes_nothing(session, monkeypatch):
    monkeypatch.setattr("app.files.file_import.STAGE_BATCH", 2)
    monkeypatch.setattr("app.files.languages_ahead.ON_A_THREAD", 1)
    monkeypatch.setattr("app.files.languages_ahead.WORKER", (sys.executable, "-c", "pass"))
    rows = [{"speaker": "Vera Lunina", "text": text, "said_on": "2023-04-01"}
            for text in (RUSSIAN, UKRAINIAN, FRENCH, GERMAN)]
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
    with pytest.raises(DetectorStopped, match="language detector stopped"):
        import_bytes(session, data, "jsonl")
    assert session.exec(select(Statement)).all() == []
