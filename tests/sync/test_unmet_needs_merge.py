"""Needs marked « sans solution » (issue 18, item 2): recorded on the contact, checked and
projected at the coordinator, and gone with the person when erased."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.payloads import check_event
from fieldapp.services import privacy, unmet
from fieldapp.storage.schema import contact_unmet_needs
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory
from tests.helpers.text import fr

PERSON = "K7QF-2M9X"


def test_unmet_needs_reach_the_coordinator_and_leave_with_the_person(
    territory: Territory,
) -> None:
    device = territory.device("a")
    field = device.field
    kept, erased = field.record_contacts(
        [
            sample_contact(needs=["mobilite", "creer-une-entreprise"]),
            sample_contact(needs=["creer-une-entreprise"], pseudonym=PERSON),
        ]
    )
    assert unmet.mark_unmet(field, kept, ["creer-une-entreprise"]) == ["creer-une-entreprise"]
    assert unmet.mark_unmet(field, kept, ["creer-une-entreprise"]) == []  # once is enough
    unmet.mark_unmet(field, erased, ["creer-une-entreprise"])
    with pytest.raises(ValidationError) as refused:
        unmet.mark_unmet(field, kept, ["sante"])
    assert fr("ce contact n'a pas ce besoin : sante") in str(refused.value)
    for event in field.store.events_from(1):
        check_event(event)  # the coordinator's own check passes
    assert unmet.unmet_of(field, kept) == ["creer-une-entreprise"]
    device.sync.sync()

    def rows() -> set[tuple[str, str]]:
        with territory.open() as coord, coord.consolidated.engine.connect() as conn:
            query = select(contact_unmet_needs.c.contact_id, contact_unmet_needs.c.need)
            return {(str(c), str(n)) for c, n in conn.execute(query)}

    with territory.open() as coord:
        assert coord.merge().events_inserted == 4  # two contacts, two needs marked
    assert rows() == {(kept, "creer-une-entreprise"), (erased, "creer-une-entreprise")}

    # An amendment that drops the need drops it from the count too.
    field.amend_contact(kept, {"needs": ["mobilite"]})
    privacy.erase_person(field, PERSON)
    assert unmet.unmet_of(field, erased) == []
    device.sync.sync()
    with territory.open() as coord:
        coord.merge()
    assert rows() == set()
    field.close()
