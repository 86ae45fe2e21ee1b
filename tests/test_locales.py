"""Every key the assistant can show has a non-empty Dutch AND French text with the same placeholders."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.i18n.catalogs import load_catalogs, problems
from bot.nlg.responses import load_responses
from bot.printable import PAGE_KEYS
from lexicon import terms
from prep.summary import label_keys

LANGUAGES = ("nl", "fr")


@pytest.fixture(scope="module")
def catalogs(root):
    return load_catalogs(root / "locales", LANGUAGES)


def domain_keys(root) -> set[str]:
    keys = set()
    for spec in load_responses(root / "domain.yml").values():
        keys.add(spec.text_key)
        keys.update(b.title_key for b in spec.buttons)
    return keys


def ui_keys(root) -> set[str]:
    template = (root / "bot/templates/chat.html").read_text()
    script = (root / "bot/static/widget.js").read_text()
    keys = {f"ui.{k}" for k in re.findall(r"ui\.([a-z_]+)", template)}
    keys |= {f"ui.{k}" for k in re.findall(r"\bt\(\"([a-z_]+)\"\)", script)}
    server_side = {"ui.error_unavailable", "ui.source_line", "ui.explain_term", "ui.privacy_notice"}
    server_side |= {"ui.sheet_link", "ui.sheet_pdf", "ui.support_link", "ui.deleted"}
    server_side |= {"ui.error_rate_limited", "ui.error_try_later"}
    return keys | server_side


def lab_keys(root) -> set[str]:
    """Keys of the wording lab's pages (ui.x in its templates, lab.x in the catalogs)."""
    keys = set()
    for name in ("lab.html", "lab_login.html"):
        keys |= {
            f"lab.{k}" for k in re.findall(r"\bui\.([a-z_0-9]+)", (root / "bot/templates" / name).read_text())
        }
    return keys


def page_keys(root=None) -> set[str]:
    """Keys of the summary, the preparation sheet, the support checklist and the lab."""
    return set(label_keys()) | set(PAGE_KEYS) | (lab_keys(root) if root else set())


def test_every_page_and_summary_label_is_translated(root, catalogs):
    assert problems(catalogs, page_keys(root)) == []


def test_every_response_and_button_is_translated_in_both_languages(root, catalogs):
    assert problems(catalogs, domain_keys(root)) == []


def test_every_widget_string_is_translated(root, catalogs):
    assert problems(catalogs, ui_keys(root)) == []


def test_every_answer_has_a_source_in_both_languages(root, catalogs):
    answers = {
        spec.text_key
        for name, spec in load_responses(root / "domain.yml").items()
        if name.startswith("utter_")
    }
    assert problems(catalogs, {f"{key}.source" for key in answers}) == []


def test_no_catalog_entry_is_left_over(root, catalogs):
    known = domain_keys(root) | ui_keys(root) | page_keys(root)
    known |= {f"{k}.source" for k in known}
    for lang in LANGUAGES:
        assert sorted(set(catalogs[lang]) - known) == [], lang


def test_every_glossary_term_has_an_explanation_in_the_domain(root):
    responses = load_responses(root / "domain.yml")
    glossary = terms.load(root / "locales" / "terms.yml")
    assert sorted(k for k in glossary.terms if f"utter_term_{k}" not in responses) == []
    for term in glossary.terms.values():
        assert set(term.forms) == set(LANGUAGES), term.key


def test_glossary_forms_are_not_shared_between_terms(root):
    raw = yaml.safe_load((root / "locales" / "terms.yml").read_text())
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for key, entry in raw.items():
            for form in entry[lang]:
                folded = terms.fold(form).strip()
                assert seen.setdefault(folded, key) == key, f"{lang}: {form!r} in {key} and {seen[folded]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_amounts_of_money_anywhere(catalogs, lang):
    offenders = [k for k, v in catalogs[lang].items() if re.search(r"€|\d\s*euro|\beuro\b", v, re.I)]
    assert offenders == []


def test_register_is_je_in_dutch_and_vous_in_french(catalogs):
    assert [k for k, v in catalogs["nl"].items() if re.search(r"\b(u|uw)\b", v)] == []
    assert [k for k, v in catalogs["fr"].items() if re.search(r"\b(tu|toi|ton|ta|tes)\b", v, re.I)] == []
