"""Window budgets with 50,000 contacts: unlock → main window, filtering the list, memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_gui [--contacts 50000]
        [--runs 5] [--cache DIR]

Builds (once, then reuses from --cache) a real encrypted profile filled with synthetic contacts
in batches (`record_contacts`) and a few thousand handovers at various stages, then measures:

* key derivation (Argon2id at the default cost) — reported, not part of the budget;
* "unlock → window": from the derived data key to the main window shown and painted (open the
  store, run the migration check, build the window and the Aujourd'hui screen, first paint);
  budget ≤ 1.5 s;
* "filter": applying a filter to the contact list (count + first page, what the user waits
  for), for the filters of the filter bar; budget ≤ 50 ms;
* RSS of the process with the notebook open on the contact list, after scrolling 10 pages,
  and after loading every row (the worst case: scrolled to the end); budget ≤ 400 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication

from fieldapp.services import profile
from fieldapp.services.demo import DEMO_PARTNERS, demo_contacts
from fieldapp.storage import keyfile
from fieldapp.storage.home import Home
from fieldapp.storage.store import ContactFilter
from fieldapp.ui.app.main import application
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.kit import i18n
from fieldapp.ui.notebook.contacts_page import ContactsPage

PASSPHRASE = "banc-d-essai-fenetre-2026"  # synthetic benchmark profile only
BATCH = 1000
HANDOVER_SHARE = 20  # one contact in 20 gets a handover
# Short fictional notes on two contacts in five, so the free-text filter has text to scan.
NOTES = (
    "Intéressé par une formation courte dans la logistique.",
    "À revoir jeudi au local, veut parler du permis.",
    "Cherche un stage ; orienté vers la permanence emploi.",
    "Pas de démarche en cours, garde le contact.",
    "Question sur l'inscription en formation qualifiante.",
)


def build(home: Home, count: int) -> None:
    service, _key = profile.create_profile(
        home, PASSPHRASE, structure="Banc d'essai (fictif)", structure_type="association"
    )
    try:
        items = list(demo_contacts(count, seed=50))
        for n, item in enumerate(items):
            if n % 5 < 2:
                item["note"] = NOTES[n % len(NOTES)]
        ids: list[str] = []
        for start in range(0, count, BATCH):
            ids += service.record_contacts(items[start : start + BATCH])
        now = datetime.now(UTC)
        for n, contact_id in enumerate(ids[::HANDOVER_SHARE]):
            day = date.fromisoformat(items[n * HANDOVER_SHARE]["date"])
            handover_id = service.propose_handover(
                {
                    "contact_id": contact_id,
                    "partner": DEMO_PARTNERS[n % len(DEMO_PARTNERS)],
                    "mode": "rdv-tripartite",
                    "consent": True,
                    "follow_up": (day + timedelta(days=10)).isoformat(),
                },
                now=min(now, datetime(day.year, day.month, day.day, 12, tzinfo=UTC)),
            )
            if n % 3 == 0:
                service.change_handover_status(handover_id, "rdv_fixe")
    finally:
        service.close()


def cached_home(cache: Path, count: int) -> Home:
    home = Home(cache / f"profil-{count}")
    if home.exists():
        service = profile.open_profile(home, PASSPHRASE)
        try:
            if service.count_contacts() == count:
                return home
        finally:
            service.close()
    import shutil

    shutil.rmtree(home.root, ignore_errors=True)
    started = time.perf_counter()
    print(f"building a {count:,}-contact profile in {home.root} …", flush=True)
    build(home, count)
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return home


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def open_window(app: QApplication, home: Home, data_key: bytes) -> tuple[RelaisWindow, float]:
    """Seconds from the derived key to the main window shown and painted."""
    started = time.perf_counter()
    service = profile.open_with_key(home, data_key)
    window = RelaisWindow(home)
    window.open_session(service)
    window.show()
    settle(app)
    window.repaint()  # the first frame is on screen when this returns
    return window, time.perf_counter() - started


def close_window(app: QApplication, window: RelaisWindow) -> None:
    if window.workspace is not None:
        window.workspace.teardown()
    window.close()
    window.deleteLater()
    settle(app)


FILTERS = {
    "neighbourhood": ContactFilter(neighbourhood="QN07699A"),
    "need": ContactFilter(need="mobilite"),
    "outcome": ContactFilter(outcome="rdv-propose"),
    "text in notes": ContactFilter(text="formation"),
    "last 30 days": ContactFilter(date_from=date.today() - timedelta(days=29)),
    "combined": ContactFilter(
        date_from=date.today() - timedelta(days=364),
        need="trouver-un-emploi",
        outcome="a-recontacter",
    ),
    "none (reset)": ContactFilter(),
}


def mb(value: int) -> float:
    return value / (1024 * 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "relais-bench-gui-cache"
    )
    args = parser.parse_args()

    home = cached_home(args.cache, args.contacts)
    app = application()
    i18n.apply_language("fr")
    process = psutil.Process()

    started = time.perf_counter()
    data_key = keyfile.unlock(home.key_file, PASSPHRASE)
    kdf_s = time.perf_counter() - started

    opens: list[float] = []
    for _ in range(args.runs):
        window, seconds = open_window(app, home, data_key)
        opens.append(seconds)
        close_window(app, window)

    window, _seconds = open_window(app, home, data_key)
    assert window.workspace is not None
    page = window.workspace.show_page("contacts")
    assert isinstance(page, ContactsPage)
    settle(app)
    timings: dict[str, list[float]] = {name: [] for name in FILTERS}
    matches: dict[str, int] = {}
    for _ in range(args.runs):
        for name, flt in FILTERS.items():
            t0 = time.perf_counter()
            page.model.set_filter(flt)
            app.processEvents()  # the table repaints with the new rows
            timings[name].append(time.perf_counter() - t0)
            matches[name] = page.model.total
    page.model.set_filter(ContactFilter())
    for _ in range(9):
        page.model.fetchMore(QModelIndex())
    settle(app)
    rss_open = process.memory_info().rss
    shown = page.model.rowCount()
    while page.model.canFetchMore(QModelIndex()):
        page.model.fetchMore(QModelIndex())
    settle(app)
    rss_all = process.memory_info().rss
    loaded = page.model.rowCount()
    close_window(app, window)

    print()
    print(f"profile: {home.root} — {args.contacts:,} contacts; {args.runs} runs; "
          f"Qt platform {app.platformName()}")  # fmt: skip
    print(f"{'measure':<44} {'first':>9} {'median':>9} {'max':>9}  budget")
    print(f"{'key derivation (Argon2id, default cost)':<44} {kdf_s:>8.3f}s {'':>9} {'':>9}  —")
    print(
        f"{'unlock (key derived) → main window shown':<44} {opens[0]:>8.3f}s "
        f"{statistics.median(opens):>8.3f}s {max(opens):>8.3f}s  ≤ 1.5 s"
    )
    for name, values in timings.items():
        label = f"filter: {name} ({matches[name]:,} contacts)"
        print(
            f"{label:<44} {values[0] * 1000:>7.1f}ms {statistics.median(values) * 1000:>7.1f}ms "
            f"{max(values) * 1000:>7.1f}ms  ≤ 50 ms"
        )
    print(f"{f'RSS, list open, 10 pages ({shown:,} rows)':<44} {mb(rss_open):>7.0f}MB "
          f"{'':>9} {'':>9}  ≤ 400 MB")  # fmt: skip
    print(f"{f'RSS, scrolled to the end ({loaded:,} rows)':<44} {mb(rss_all):>7.0f}MB "
          f"{'':>9} {'':>9}  ≤ 400 MB")  # fmt: skip


if __name__ == "__main__":
    main()
