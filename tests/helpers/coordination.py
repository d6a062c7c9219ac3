"""The coordinator side: a workspace, enrolled field devices, a folder drop (fixture `territory`
in tests/conftest.py)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from fieldapp.services.coordination import CoordinationService
from fieldapp.services.field import FieldService
from fieldapp.services.sync import SyncService
from fieldapp.sync.merge import MergeReport
from tests.helpers import COORD_PASSPHRASE, Coordination, make_profile


@dataclass
class Device:
    field: FieldService
    sync: SyncService


@dataclass
class Territory:
    coordination: Coordination
    drop: Path
    tmp: Path

    def device(
        self, name: str, *, enrol: bool = True, structure_type: str = "prevention-specialisee"
    ) -> Device:
        field, _ = make_profile(self.tmp / name, structure_type=structure_type)
        sync = SyncService(field)
        sync.join_coordination(self.coordination.invitation, self.coordination.code)
        if enrol:
            with self.open() as coord:
                enrolment_file = self.tmp / f"{name}.enrolment"
                sync.enrolment(enrolment_file)
                coord.enrol(coord.read_enrolment(enrolment_file))
        return Device(field, sync)

    def open(self, db_url: str | None = None) -> _Opened:
        return _Opened(self.coordination.root, db_url)


class _Opened:
    def __init__(self, root: Path, db_url: str | None) -> None:
        self.service = CoordinationService.open(root, COORD_PASSPHRASE, db_url=db_url)

    def __enter__(self) -> CoordinationService:
        return self.service

    def __exit__(self, *_: object) -> None:
        self.service.close()


def merge_concurrently(territory: Territory, merges: int) -> list[MergeReport]:
    """`merges` coordinators merging the territory's drop at once, each in its own thread and
    with its own connection to the remembered store; any exception is raised here."""
    reports: list[MergeReport] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with territory.open() as coord:
                reports.append(coord.merge())
        except BaseException as exc:  # raised below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(merges)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=180)
    assert errors == [], errors
    assert len(reports) == merges, "a merge did not finish in 180 s"
    return reports
