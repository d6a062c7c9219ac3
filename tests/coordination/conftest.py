"""Fixtures for the coordinator side: a workspace, enrolled field devices, a folder drop."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fieldapp.services.coordination import CoordinationService
from fieldapp.services.field import FieldService
from fieldapp.services.sync import SyncService
from tests.helpers import make_profile
from tests.sync.support import COORD_PASSPHRASE, Coordination, make_coordination


@dataclass
class Device:
    field: FieldService
    sync: SyncService


@dataclass
class Territory:
    coordination: Coordination
    drop: Path
    tmp: Path

    def device(self, name: str, *, enrol: bool = True) -> Device:
        field, _ = make_profile(self.tmp / name)
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


@pytest.fixture
def territory(tmp_path: Path) -> Iterator[Territory]:
    drop = tmp_path / "depot"
    drop.mkdir()
    coordination = make_coordination(tmp_path / "coord", drop=str(drop))
    yield Territory(coordination, drop, tmp_path)
