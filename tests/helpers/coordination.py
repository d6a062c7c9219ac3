"""The coordinator side: a workspace, enrolled field devices, a folder drop (fixture `territory`
in tests/conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldapp.services.coordination import CoordinationService
from fieldapp.services.field import FieldService
from fieldapp.services.sync import SyncService
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
