"""The employer editor: new or existing employer, checked against the service's rules as the user types."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from injury_desk.domain.errors import FieldError
from injury_desk.placeholders import arg
from injury_desk.services.employers import EmployerView, read_employer
from injury_desk.ui.form_dialog import FormDialog
from injury_desk.ui.operations import Changes

RISK_CLASSES = range(1, 9)


class EmployerDialog(FormDialog):
    """Creates an employer (``employer is None``) or edits one; ``result_value`` is the employer id after saving."""

    changes = Changes(employers=True)

    def __init__(self, env, employer: EmployerView | None = None, parent=None) -> None:
        super().__init__(env, "", parent)
        self.setWindowTitle(self.tr("New employer") if employer is None else self.tr("Edit employer"))
        self.employer = employer
        self.name_edit = self.add_field("name", self.tr("&Name"), QLineEdit())
        self.credit_code_edit = self.add_field("credit_code", self.tr("&Unified social credit code"), QLineEdit())
        self.credit_code_edit.setMaxLength(24)  # room to show the length rule instead of silently cutting
        self.credit_code_edit.setPlaceholderText(self.tr("18 characters, e.g. 91350100M000100Y43"))
        self.industry_edit = self.add_field("industry", self.tr("&Industry"), QLineEdit())
        self.risk_combo = QComboBox()
        self.risk_combo.addItem(self.tr("— choose —"), None)
        for n in RISK_CLASSES:
            self.risk_combo.addItem(arg(self.tr("Class %1"), n), n)
        self.add_field("risk_class", self.tr("&Risk class"), self.risk_combo)
        self.headcount_edit = self.add_field("headcount", self.tr("&Headcount"), QLineEdit())
        self.address_edit = self.add_field("address", self.tr("&Address"), QLineEdit())
        self.contact_name_edit = self.add_field("contact_name", self.tr("&Contact person"), QLineEdit())
        self.contact_phone_edit = self.add_field("contact_phone", self.tr("Contact &phone"), QLineEdit())
        # Art. 62; SIL Art. 41: an employer not insured on the accident day pays every item itself
        self.insured_check = self.add_field("insured", self.tr("In&sured (work-injury insurance)"), QCheckBox())
        self.insured_check.setChecked(True)
        self.insured_from_edit = self.add_field("insured_from", self.tr("Insured &from"), QLineEdit())
        self.insured_to_edit = self.add_field("insured_to", self.tr("Insured &to"), QLineEdit())
        for edit in (self.insured_from_edit, self.insured_to_edit):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD; empty: no limit"))
        if employer is not None:
            self._load(employer)
            self.touched.update(self.fields)  # an existing record shows every rule it breaks at once
        self.revalidate()

    def _load(self, e: EmployerView) -> None:
        self.name_edit.setText(e.name)
        self.credit_code_edit.setText(e.credit_code)
        self.industry_edit.setText(e.industry)
        self.risk_combo.setCurrentIndex(max(0, self.risk_combo.findData(e.risk_class)))
        self.headcount_edit.setText(str(e.headcount))
        self.address_edit.setText(e.address)
        self.contact_name_edit.setText(e.contact_name)
        self.contact_phone_edit.setText(e.contact_phone)
        self.insured_check.setChecked(e.insured)
        self.insured_from_edit.setText(e.insured_from.isoformat() if e.insured_from else "")
        self.insured_to_edit.setText(e.insured_to.isoformat() if e.insured_to else "")

    def data(self) -> dict[str, Any]:
        data = self.values()
        data["credit_code"] = data["credit_code"].strip().upper()
        return data

    def check(self) -> list[FieldError]:
        # The service's own rules, a pure function of the values (no database): checked on every keystroke.
        return read_employer(self.data(), prefix="")[1]

    def save(self) -> str:
        services, actor, data = self.env.services, self.env.actor, self.data()
        if self.employer is None:
            return services.employers.create(actor, data)
        services.employers.update(actor, self.employer.id, data, token=self.employer.token)
        return self.employer.id
