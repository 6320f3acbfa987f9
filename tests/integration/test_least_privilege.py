"""Least privilege in searches: what a user types is searched as written, never as a wildcard."""

from __future__ import annotations

from injury_desk.domain.identifiers import make_credit_code
from tests.conftest import employer_data


def test_employer_search_takes_percent_and_underscore_literally(services, cw):
    services.employers.create(cw, employer_data(name="福州示例机械有限公司"))
    services.employers.create(cw, employer_data(name="百分百_安全%科技有限公司", credit_code=make_credit_code("91350100M00010077")))
    names = lambda text: [e.name for e in services.employers.search(cw, text)]  # noqa: E731
    assert names("%") == ["百分百_安全%科技有限公司"]  # a wildcard would list every employer
    assert names("_") == ["百分百_安全%科技有限公司"]
    assert names("百分百_安全%") == ["百分百_安全%科技有限公司"]
    assert names("示例_机械") == []  # "_" is not "any one character"
    assert names("示例机械") == ["福州示例机械有限公司"]
