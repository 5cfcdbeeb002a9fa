from __future__ import annotations

import pytest


@pytest.fixture
def sample_events(db):
    from tests.statistics.factories import sample

    return sample()
