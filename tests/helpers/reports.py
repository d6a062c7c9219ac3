"""A hand-built territory for the indicator tests: every expected number is counted by hand.

Devices (structure, type):  D1 s-a prevention-specialisee, D2 s-b bailleur-social,
                            D3 s-c prevention-specialisee
Neighbourhoods: N1 = QN07699A, N2 = QN07699B, and hors-qpv.

 id   date (2026) nbh   dev mode age     gender pseudo registrations   needs
 c1   01-10       N1    D1  1st  18-25   F      P1     aucune          mobilite, se-former
 c2   01-15       N1    D1  re   18-25   F      P1     mission-locale  mobilite
 c3   01-20       N2    D2  1st  26-29   H      -      aucune          trouver-un-emploi
 c4   02-03       N1    D2  1st  30-44   H      P2     france-travail, rsa  trouver-un-emploi
 c5   02-10       N2    D3  1st  18-25   A      P3     aucune          -
 c6   02-11       N2    D3  re   18-25   A      P3     aucune          sante
 c7   02-12       hors  D1  1st  16-17   F      -      inconnue        mobilite
 c8   03-01       N1    D1  1st  45-54   NR     P4     aucune          mobilite        VOIDED
 c9   2025-12-31  N1    D1  1st  18-25   F      P5     aucune          mobilite        too early
 c10  03-05       N2    D2  re   55-plus F      P2     inconnue        logement-hebergement
 (1st = premier-contact, re = recontact; F femme, H homme, A autre, NR non-renseigne)

Handovers (partner [structure id] / service; history):
 h1 on c1: Mission locale (exemple) [ml-1] / svc-accueil: propose 01-10, rdv_fixe 01-12,
           rdv_honore 01-17, entre_dispositif 01-30                         -> 7 days
 h2 on c3: Chantier fictif: propose 01-20, rdv_fixe 01-21, absent 01-25, rdv_fixe 01-28,
           rdv_honore 02-03                                                  -> 14 days
 h3 on c4: Mission locale (exemple) [ml-1] / svc-accueil: propose 02-03, perdu_de_vue 02-20
 h4 on c5: Chantier fictif: propose 02-10, rdv_fixe 02-11, rdv_honore 02-13  -> 3 days
 h5 on c6: Organisme fictif [of-9]: propose 02-11, expire 03-15
 h6 on c8 (voided contact): Chantier fictif: propose 03-01, rdv_fixe 03-02   -> excluded
 h7 on c10: Chantier fictif: propose 03-05, rdv_fixe 03-06, rdv_honore 03-26,
           entre_dispositif 03-30                                            -> 21 days

The period of the tests is 2026-01-01 .. 2026-03-31.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine, insert

from fieldapp.domain.events import Event, EventType
from fieldapp.storage.coord_schema import devices
from fieldapp.storage.projection import append_events

N1, N2, HORS = "QN07699A", "QN07699B", "hors-qpv"
PREV, BAILLEUR = "prevention-specialisee", "bailleur-social"
D1, D2, D3 = ("d1" + "0" * 30, "d2" + "0" * 30, "d3" + "0" * 30)
DEVICES = {D1: ("s-a", PREV), D2: ("s-b", BAILLEUR), D3: ("s-c", PREV)}
PERIOD = (date(2026, 1, 1), date(2026, 3, 31))

CONTACTS: list[dict[str, Any]] = [
    # id, device, date, nbh, mode, age, gender, pseudonym, registrations, needs
    dict(id="c1", dev=D1, date="2026-01-10", nbh=N1, mode="premier-contact", age="18-25",
         gender="femme", pseudo="AAAA-0001", regs=["aucune"], needs=["mobilite", "se-former"]),
    dict(id="c2", dev=D1, date="2026-01-15", nbh=N1, mode="recontact", age="18-25",
         gender="femme", pseudo="AAAA-0001", regs=["mission-locale"], needs=["mobilite"]),
    dict(id="c3", dev=D2, date="2026-01-20", nbh=N2, mode="premier-contact", age="26-29",
         gender="homme", pseudo=None, regs=["aucune"], needs=["trouver-un-emploi"]),
    dict(id="c4", dev=D2, date="2026-02-03", nbh=N1, mode="premier-contact", age="30-44",
         gender="homme", pseudo="AAAA-0002", regs=["france-travail", "rsa"],
         needs=["trouver-un-emploi"]),
    dict(id="c5", dev=D3, date="2026-02-10", nbh=N2, mode="premier-contact", age="18-25",
         gender="autre", pseudo="AAAA-0003", regs=["aucune"], needs=[]),
    dict(id="c6", dev=D3, date="2026-02-11", nbh=N2, mode="recontact", age="18-25",
         gender="autre", pseudo="AAAA-0003", regs=["aucune"], needs=["sante"]),
    dict(id="c7", dev=D1, date="2026-02-12", nbh=HORS, mode="premier-contact", age="16-17",
         gender="femme", pseudo=None, regs=["inconnue"], needs=["mobilite"]),
    dict(id="c8", dev=D1, date="2026-03-01", nbh=N1, mode="premier-contact", age="45-54",
         gender="non-renseigne", pseudo="AAAA-0004", regs=["aucune"], needs=["mobilite"],
         voided=True),
    dict(id="c9", dev=D1, date="2025-12-31", nbh=N1, mode="premier-contact", age="18-25",
         gender="femme", pseudo="AAAA-0005", regs=["aucune"], needs=["mobilite"]),
    dict(id="c10", dev=D2, date="2026-03-05", nbh=N2, mode="recontact", age="55-plus",
         gender="femme", pseudo="AAAA-0002", regs=["inconnue"], needs=["logement-hebergement"]),
]  # fmt: skip

ML = ("Mission locale (exemple)", "ml-1", "svc-accueil")
CHANTIER = ("Chantier fictif", None, None)
ORGANISME = ("Organisme fictif", "of-9", None)
HANDOVERS: list[tuple[str, str, tuple[str, str | None, str | None], list[tuple[str, str]]]] = [
    ("h1", "c1", ML, [("propose", "01-10"), ("rdv_fixe", "01-12"), ("rdv_honore", "01-17"),
                      ("entre_dispositif", "01-30")]),
    ("h2", "c3", CHANTIER, [("propose", "01-20"), ("rdv_fixe", "01-21"), ("absent", "01-25"),
                            ("rdv_fixe", "01-28"), ("rdv_honore", "02-03")]),
    ("h3", "c4", ML, [("propose", "02-03"), ("perdu_de_vue", "02-20")]),
    ("h4", "c5", CHANTIER, [("propose", "02-10"), ("rdv_fixe", "02-11"), ("rdv_honore", "02-13")]),
    ("h5", "c6", ORGANISME, [("propose", "02-11"), ("expire", "03-15")]),
    ("h6", "c8", CHANTIER, [("propose", "03-01"), ("rdv_fixe", "03-02")]),
    ("h7", "c10", CHANTIER, [("propose", "03-05"), ("rdv_fixe", "03-06"), ("rdv_honore", "03-26"),
                             ("entre_dispositif", "03-30")]),
]  # fmt: skip


def _uuid(prefix: str, n: int) -> str:
    return f"{n:08x}-0000-7000-8000-{prefix.encode().hex()[:12].ljust(12, '0')}"


def territory_events() -> list[Event]:
    seq = dict.fromkeys(DEVICES, 0)
    clock = [0]
    out: list[Event] = []
    ids = {c["id"]: _uuid(c["id"], i + 1) for i, c in enumerate(CONTACTS)}

    def emit(device: str, kind: EventType, entity: str, payload: dict[str, Any]) -> None:
        seq[device] += 1
        clock[0] += 1
        out.append(
            Event(
                _uuid("ev", clock[0]),
                device,
                seq[device],
                f"{1_767_225_600_000 + clock[0]:015d}-00000",
                str(kind),
                entity,
                payload,
            )
        )

    for c in CONTACTS:
        payload: dict[str, Any] = {
            "date": c["date"],
            "slot": "matin",
            "neighbourhood": c["nbh"],
            "place_type": "espace-public",
            "contact_mode": c["mode"],
            "age_band": c["age"],
            "gender": c["gender"],
            "situation": "sans-emploi-ni-formation",
            "registrations": c["regs"],
            "needs": c["needs"],
            "outcome": "information-donnee",
        }
        if c["nbh"] == HORS:
            payload["commune"] = "76540"
        if c["pseudo"]:
            payload["pseudonym"] = c["pseudo"]
        emit(c["dev"], EventType.CONTACT_RECORDED, ids[c["id"]], payload)
    device_of = {c["id"]: c["dev"] for c in CONTACTS}
    for n, (_, contact, (partner, structure, service), history) in enumerate(HANDOVERS, start=1):
        device, handover = device_of[contact], _uuid("h", n)
        (first, day), *rest = history
        assert first == "propose"
        emit(
            device,
            EventType.HANDOVER_PROPOSED,
            handover,
            {
                "contact_id": ids[contact],
                "partner": partner,
                "partner_structure_id": structure,
                "partner_service_id": service,
                "mode": "rdv-tripartite",
                "consent": True,
                "at": f"2026-{day}T10:00:00+00:00",
            },
        )
        for status, day in rest:
            emit(
                device,
                EventType.HANDOVER_STATUS_CHANGED,
                handover,
                {"status": status, "at": f"2026-{day}T15:30:00+00:00"},
            )
    # Voiding comes last, after its handover: it must drop both.
    for c in CONTACTS:
        if c.get("voided"):
            emit(c["dev"], EventType.CONTACT_VOIDED, ids[c["id"]], {"reason": "doublon"})
    return out


def territory_devices() -> list[dict[str, str]]:
    return [
        {
            "device_id": device,
            "signing_public": "A" * 44,
            "fingerprint": f"FP-{structure}",
            "structure_id": structure,
            "structure_name": f"Structure fictive {structure}",
            "structure_type": stype,
            "status": "trusted",
            "enrolled_at": "2026-01-01T00:00:00Z",
            "status_at": "2026-01-01T00:00:00Z",
        }
        for device, (structure, stype) in DEVICES.items()
    ]


def load_territory(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(devices), territory_devices())
        append_events(conn, territory_events())
