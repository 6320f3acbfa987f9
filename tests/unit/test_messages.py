"""Message keys with parameters: nested messages, lists with their separator, and the stored JSON form."""

from __future__ import annotations

import json

import pytest

from injury_desk.domain.messages import Message, joined, render

TEMPLATES = {
    "list.plus": " + ",
    "share": "{relation} {share}",
    "relation.spouse": "spouse",
    "relation.child": "child",
    "total": "{shares} = {total}",
}


def test_nested_messages_and_lists_render_inside_out():
    shares = joined("plus", [Message("share", {"relation": Message("relation.spouse"), "share": "40%"}),
                             Message("share", {"relation": Message("relation.child"), "share": "30%"})])
    assert render(Message("total", {"shares": shares, "total": "70%"}), TEMPLATES) == "spouse 40% + child 30% = 70%"


def test_a_translation_may_reorder_and_reword():
    chinese = {**TEMPLATES, "share": "{relation}{share}", "relation.spouse": "配偶", "total": "合计 {total}：{shares}"}
    message = Message("total", {"shares": joined("plus", [
        Message("share", {"relation": Message("relation.spouse"), "share": "40%"})]), "total": "40%"})
    assert render(message, chinese) == "合计 40%：配偶40%"


def test_stored_form_is_plain_json_and_reads_back_equal():
    message = Message("total", {"shares": joined("plus", [Message("share", {"relation": Message("relation.child"),
                                                                             "share": "30%"})]), "total": "30%"})
    stored = json.loads(json.dumps(message.to_dict()))
    assert Message.from_dict(stored) == message
    assert render(Message.from_dict(stored), TEMPLATES) == "child 30% = 30%"


def test_an_unknown_key_is_an_error_not_a_silent_blank():
    with pytest.raises(KeyError):
        render(Message("no.such.key"), TEMPLATES)


def test_engine_wording_and_catalogue_say_the_same():
    """The CLI's English (domain) and the GUI's source text (catalogue) are one wording written twice."""
    from injury_desk.catalogue import FORMULAS
    from injury_desk.domain.compensation.wording import ENGLISH
    from injury_desk.placeholders import arg

    assert set(FORMULAS) == set(ENGLISH)
    for key, entry in FORMULAS.items():
        named = arg(entry.text, *("{" + name + "}" for name in entry.names))
        assert named == ENGLISH[key], key
