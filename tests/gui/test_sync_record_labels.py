"""The Sync page names every synced record and field in words (issue 14): no table or column name shows raw."""

from __future__ import annotations

import pytest

from injury_desk.store.models import SYNCED_MODELS
from injury_desk.ui.messages import field_label, table_label
from injury_desk.ui.sync.page import BOOKKEEPING


def shown_columns(model) -> list[str]:
    local = getattr(model, "__local_columns__", ())
    return [c.name for c in model.__table__.columns if c.name not in BOOKKEEPING and c.name not in local]


@pytest.mark.parametrize("model", SYNCED_MODELS, ids=lambda m: m.__tablename__)
def test_every_synced_record_and_field_has_words(model, qapp):
    table = model.__tablename__
    assert table_label(table) != table, f"the Sync page would show the table name {table!r}"
    labels: dict[str, str] = {}
    for column in shown_columns(model):
        text = field_label(column)
        # An unlabelled column comes back as its own name (a money column as its name without "_fen").
        assert text not in (column, column.removesuffix("_fen")), f"{table}.{column} has no label"
        # Two columns of one record under one label ("Legal basis, Legal basis") cannot be told apart.
        assert text not in labels, f"{table}: {column} and {labels.get(text)} are both {text!r}"
        labels[text] = column


def test_record_and_field_words_in_chinese(zh_cn):
    """Spot check that the new words are translated, not only present: a decision document and a delivery."""
    assert table_label("decision_documents") == "认定决定文书"
    assert field_label("document_kind") == "文书种类"
