from __future__ import annotations

import pytest
from rasa.shared.core.domain import Domain


@pytest.fixture(scope="session")
def domain(root) -> Domain:
    """This project's domain, as Rasa loads it."""
    return Domain.load(str(root / "domain.yml"))
