"""Synthetic demonstration data: plausible activity, no real person, place or structure."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from fieldapp.domain.employers import is_employer_mode
from fieldapp.domain.pseudonym import pseudonym
from fieldapp.domain.vocab import (
    AGE_BANDS,
    GENDERS,
    HANDOVER_MODES,
    NEEDS,
    OUTCOMES,
    PLACE_TYPES,
    SLOTS,
)
from fieldapp.services.field import FieldService

# Fictional neighbourhood codes (the demo reference pack gives them fictional names).
DEMO_NEIGHBOURHOODS = ("QN07699A", "QN07699B", "QN01499C", "QN02799D", "QN05099E")
DEMO_PARTNERS = (
    "Mission locale du Val fictif",
    "France Travail — agence Exemple",
    "Chantier d'insertion Les Jardins (fictif)",
    "Organisme de formation Démo",
    "CCAS de Ville-Exemple",
)
DEMO_PASSPHRASE = "demo-relais-2026"  # noqa: S105 -- printed by `fieldapp demo`: demo data only


def demo_contacts(
    count: int, *, seed: int = 2026, today: date | None = None
) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)  # noqa: S311 -- reproducible fake data, not secrets
    end = today or date.today()
    needs = NEEDS.codes()
    for _ in range(count):
        day = end - timedelta(days=int(rng.triangular(0, 365, 0)))
        registrations = rng.choice(
            [
                ["aucune"],
                ["aucune"],
                ["france-travail"],
                ["mission-locale"],
                ["rsa", "france-travail"],
                ["inconnue"],
            ]
        )
        yield {
            "date": day.isoformat(),
            "slot": rng.choice(SLOTS.codes()),
            "neighbourhood": rng.choice(DEMO_NEIGHBOURHOODS),
            "place_type": rng.choice(PLACE_TYPES.codes()),
            "contact_mode": rng.choices(["premier-contact", "recontact"], [3, 1])[0],
            "age_band": rng.choices(AGE_BANDS.codes(), [2, 8, 4, 5, 2, 1, 1])[0],
            "gender": rng.choice(GENDERS.codes()[:2] * 4 + GENDERS.codes()[2:]),
            "situation": rng.choices(
                ["sans-emploi-ni-formation", "en-emploi", "en-formation", "inconnue"], [6, 1, 1, 2]
            )[0],
            "registrations": registrations,
            "needs": rng.sample(needs, rng.randint(0, 3)),
            "outcome": rng.choice(OUTCOMES.codes()),
        }


def fill_demo(
    service: FieldService,
    contacts: int,
    *,
    seed: int = 2026,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Add `contacts` synthetic contacts, and handovers at every stage for about a fifth of them."""
    rng = random.Random(seed + 1)  # noqa: S311 -- reproducible fake data, not secrets
    items = list(demo_contacts(contacts, seed=seed))
    _add_pseudonyms(service, items, rng)
    done = 0
    for start in range(0, len(items), 500):
        ids = service.record_contacts(items[start : start + 500])
        for contact_id, item in zip(ids, items[start : start + 500], strict=True):
            if rng.random() < 0.2:
                _demo_handover(service, rng, contact_id, date.fromisoformat(item["date"]))
        done += len(ids)
        if progress:
            progress(done, len(items))


def _add_pseudonyms(service: FieldService, items: list[dict[str, Any]], rng: random.Random) -> None:
    """Once joined, most demo contacts name a (fictional) person by pseudonym; recontacts often
    meet someone already seen, so "personnes distinctes" is smaller than "contacts"."""
    from fieldapp.services.sync import SyncService

    key = SyncService(service).territory_key()
    if key is None:
        return
    people: list[str] = []
    for item in sorted(items, key=lambda i: str(i["date"])):
        if rng.random() < 0.3:
            continue  # not every encounter goes as far as agreeing to a pseudonym
        if item["contact_mode"] == "recontact" and people:
            item["pseudonym"] = rng.choice(people)
            continue
        # Random letters, not names: the demo holds no real-looking identity.
        letters = "".join(rng.choice("BCDFGHJKLMNPRSTVZ") for _ in range(3))
        code = pseudonym(
            key, letters, rng.choice("ABDEFJKLMNOS"), rng.randint(1960, 2008), item["gender"]
        )
        item["pseudonym"] = code
        people.append(code)


_OPEN_PATHS: tuple[list[str], ...] = (
    [],
    ["rdv_fixe"],
    ["rdv_fixe", "rdv_honore"],
    ["rdv_fixe", "absent"],
)
_CLOSED_PATHS: tuple[list[str], ...] = (
    ["rdv_fixe", "rdv_honore", "entre_dispositif"],
    ["rdv_fixe", "rdv_honore", "entre_dispositif"],
    ["rdv_fixe", "absent", "perdu_de_vue"],
    ["refus_personne"],
    ["perdu_de_vue"],
)


def _demo_handover(service: FieldService, rng: random.Random, contact_id: str, day: date) -> None:
    at = datetime(day.year, day.month, day.day, 14, tzinfo=UTC)
    now = datetime.now(UTC)
    handover_id = service.propose_handover(
        {
            "contact_id": contact_id,
            "partner": rng.choice(DEMO_PARTNERS),
            "mode": rng.choice([m for m in HANDOVER_MODES.codes() if not is_employer_mode(m)]),
            "consent": True,
            "follow_up": (day + timedelta(days=rng.randint(3, 21))).isoformat(),
        },
        now=at,
    )
    # As in a followed-up notebook: most handovers older than six weeks are closed, a few are
    # left overdue so the demo shows what "en retard" looks like.
    settled = (now.date() - day).days > 42 and rng.random() < 0.9
    path = rng.choice(_CLOSED_PATHS if settled else _OPEN_PATHS)
    for step, status in enumerate(path, start=1):
        service.change_handover_status(
            handover_id, status, now=min(now, at + timedelta(days=3 * step))
        )


DEMO_WORKSPACE = "coordination"  # the demo's coordination space, inside its profile folder


def demo_workspace(root: Path) -> Path | None:
    """The coordination space `create_demo` made beside the demo notebook in `root`, if any
    (the window pre-fills it in « Ouvrir un espace de coordination »)."""
    from fieldapp.sync.workspace import SECRETS_FILE

    folder = root / DEMO_WORKSPACE
    return folder if (folder / SECRETS_FILE).is_file() else None


def create_demo(
    root: Path,
    passphrase: str,
    *,
    contacts: int,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """A field profile in `root` and a coordinator workspace in `root/coordination`, joined and
    enrolled to each other, the demo directory published as a signed pack, the synthetic
    contacts recorded, delivered to `root/depot` and merged. Same passphrase for both."""
    from fieldapp.services import coordination, packs, profile, sync
    from fieldapp.storage.home import Home

    home = Home(root)
    if home.exists():
        raise profile.ProfileExists(home)
    drop = root / "depot"
    workspace_dir = root / DEMO_WORKSPACE
    home.prepare()
    drop.mkdir(exist_ok=True)
    created = coordination.create_coordination(
        workspace_dir, passphrase, territory="Territoire de démonstration", drop=str(drop)
    )
    service, recovery_key = profile.create_profile(
        home,
        passphrase,
        structure="Équipe de démonstration",
        structure_type="prevention-specialisee",
        demo=True,
    )
    try:
        device = sync.SyncService(service)
        device.join_coordination(Path(created["invitation"]), created["code"])
        coord = coordination.CoordinationService.open(workspace_dir, passphrase)
        try:
            pack = workspace_dir / "annuaire-demo.relais-pack"
            packs.make_workspace_pack(
                coord.workspace, *packs.demo_sources(), pack, store=coord.consolidated.engine
            )
            packs.import_pack(service, pack)
            enrolment = root / "appareil.enrolment"
            device.enrolment(enrolment)
            coord.enrol(coord.read_enrolment(enrolment))
            fill_demo(service, contacts, progress=progress)
            device.sync()
            report = coord.merge()
        finally:
            coord.close()
        return {
            "home": str(root),
            "workspace": str(workspace_dir),
            "device_id": service.device_id,
            "contacts": service.count_contacts(),
            "merged_events": report.events_inserted,
            "passphrase": passphrase,
            "recovery_key": recovery_key,
        }
    finally:
        service.close()
